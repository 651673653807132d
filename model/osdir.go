package model

import (
	"io/fs"
	"os"
)

// osDir is os.DirFS(dir) that can also read a whole document with as few
// system calls as the OS allows (see readSmall). The loader reads tens of
// thousands of small files: through os.Open, each costs a stat, an open,
// four fcntl and an epoll_ctl (the runtime tries to register every file
// with its poller, which fails for regular files), three reads as
// io.ReadAll grows its buffer, and a close; about eleven calls, and on
// Reuters as much CPU time as the extraction itself.
type osDir struct {
	dir  string
	fsys fs.FS // os.DirFS(dir), for everything but reading documents
}

// dirFS returns the file system of the OS folder dir, as os.DirFS.
func dirFS(dir string) osDir { return osDir{dir: dir, fsys: os.DirFS(dir)} }

// Open implements fs.FS.
func (d osDir) Open(name string) (fs.File, error) { return d.fsys.Open(name) }

// Stat implements fs.StatFS.
func (d osDir) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.fsys, name) }

// ReadDir implements fs.ReadDirFS.
func (d osDir) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.fsys, name) }

// ReadFile implements fs.ReadFileFS.
func (d osDir) ReadFile(name string) ([]byte, error) { return fs.ReadFile(d.fsys, name) }

// smallReader is a file system that can read a whole regular file of at
// most limit bytes quickly. ok is false whenever anything is out of the
// ordinary (an error, a folder, a special file, a file over the limit): the
// caller then takes the general path, which says what is wrong in the same
// words as ever.
type smallReader interface {
	readSmall(name string, limit int64) (data []byte, ok bool)
}
