//go:build unix

package model

import (
	"io/fs"
	"syscall"
)

// readSmall reads the regular file name of at most limit bytes with an
// open, an fstat, two reads (the second sees the end) and a close, in a
// buffer of the file's size. O_NONBLOCK keeps a named pipe from blocking
// the open; fstat then turns it away, as it does folders and devices.
func (d osDir) readSmall(name string, limit int64) ([]byte, bool) {
	if !fs.ValidPath(name) {
		return nil, false
	}
	p := d.dir + "/" + name
	var fd int
	var err error
	for {
		fd, err = syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || uint32(st.Mode)&syscall.S_IFMT != syscall.S_IFREG || st.Size > limit {
		return nil, false
	}
	// One byte more than the size, so that a file read whole is seen to
	// end without growing the buffer.
	buf := make([]byte, st.Size+1)
	n := 0
	for {
		if n == len(buf) {
			// The file grew since the fstat.
			if int64(n) > limit {
				return nil, false
			}
			buf = append(buf, make([]byte, len(buf))...)
		}
		m, err := syscall.Read(fd, buf[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, false
		case m == 0:
			if int64(n) > limit {
				return nil, false
			}
			return buf[:n:n], true
		}
		n += m
	}
}
