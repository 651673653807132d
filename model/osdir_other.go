//go:build !unix

package model

// readSmall always sends the caller down the general path, os.Open and
// io.ReadAll, where there are no Unix system calls to make it faster.
func (d osDir) readSmall(name string, limit int64) ([]byte, bool) { return nil, false }
