//go:build unix

package model

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestOSDirReadsAsOSDirFS loads odd files through osDir, which reads with
// raw system calls, and through os.DirFS, and wants the same documents and
// the same problems; a named pipe must not block the load.
func TestOSDirReadsAsOSDirFS(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"plain.txt":  "Rail freight rose 12% to 5.9 million tonnes in 2023.\n",
		"big.txt":    string(make([]byte, 300)),
		"latin1.txt": "Caf\xe9 exports rose 5% in 2021.\n",
		"empty.md":   "",
		"sub/a.txt":  "x",
	})
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("plain.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	names := []string{"plain.txt", "big.txt", "latin1.txt", "empty.md", "folder.txt", "link.txt", "missing.txt", "pipe.txt"}
	opt := LoadOptions{MaxBytes: 200}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			type loaded struct {
				d   *Document
				err error
			}
			got := make(chan loaded, 1)
			go func() {
				d, err := LoadFile(dirFS(dir), ".", name, opt)
				got <- loaded{d, err}
			}()
			var g loaded
			select {
			case g = <-got:
			case <-time.After(5 * time.Second):
				t.Fatal("LoadFile blocked")
			}
			wd, werr := LoadFile(os.DirFS(dir), ".", name, opt)
			if (g.err == nil) != (werr == nil) || g.err != nil && g.err.Error() != werr.Error() {
				t.Errorf("error %v, want %v", g.err, werr)
			}
			if (g.d == nil) != (wd == nil) || g.d != nil && (g.d.Text != wd.Text || g.d.ID != wd.ID || g.d.Bytes != wd.Bytes) {
				t.Errorf("document %+v, want %+v", g.d, wd)
			}
		})
	}
}
