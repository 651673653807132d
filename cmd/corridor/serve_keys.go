package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"
)

// hostKeyRel is where the host key lives under $XDG_DATA_HOME when -host-key
// is not given.
const hostKeyRel = "corridor/host_ed25519"

// loadOrCreateHostKey returns the signer for the host key at path (the XDG
// default when empty), generating an ed25519 key there on first use. The key
// is written with mode 0600 (and its .pub beside it, for known_hosts) so
// that restarting keeps the fingerprint clients have already accepted.
func loadOrCreateHostKey(path string, logger *log.Logger) (signer gossh.Signer, used string, created bool, err error) {
	if path == "" {
		if path, err = xdg.DataFile(hostKeyRel); err != nil {
			return nil, "", false, fmt.Errorf("host key: %w", err)
		}
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		signer, err = createHostKey(path)
		return signer, path, err == nil, err
	case err != nil:
		return nil, path, false, fmt.Errorf("host key: %w", err)
	}
	// OpenSSH refuses group- or world-readable private keys; a server key
	// others can read lets them impersonate the server, so say it loudly.
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		logger.Warn("host key is readable by other users; run chmod 600 on it", "path", path, "mode", fi.Mode().Perm())
	}
	signer, err = gossh.ParsePrivateKey(data)
	var missing *gossh.PassphraseMissingError
	if errors.As(err, &missing) {
		return nil, path, false, fmt.Errorf("host key %s: protected by a passphrase, which the server cannot type", path)
	}
	if err != nil {
		return nil, path, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, path, false, nil
}

// createHostKey generates an ed25519 key and writes it to path in OpenSSH
// format. O_EXCL keeps two servers starting at once from overwriting each
// other's key.
func createHostKey(path string) (gossh.Signer, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "corridor host key")
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if _, err := f.Write(pem.EncodeToMemory(block)); err != nil {
		f.Close()
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	// The public half is a convenience (ssh-keygen -lf, known_hosts); failing
	// to write it does not stop the server.
	_ = os.WriteFile(path+".pub", gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o644)
	return signer, nil
}

// authorizedKeys is the set of public keys admitted with -authorized-keys,
// keyed by their wire encoding. A nil set means the server is open.
type authorizedKeys map[string]struct{}

// allows reports whether key is in the set.
func (a authorizedKeys) allows(key gossh.PublicKey) bool {
	_, ok := a[string(key.Marshal())]
	return ok
}

// readAuthorizedKeys parses an OpenSSH authorized_keys file. It is read once,
// at start, so that a typo stops the server with the line number instead of
// quietly refusing everyone later; comments, blank lines and key options are
// allowed (options are ignored: a listed key gets the dashboard, nothing
// more). A file with no keys is an error for the same reason.
func readAuthorizedKeys(path string) (authorizedKeys, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	keys := authorizedKeys{}
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("authorized keys %s:%d: %w", path, i+1, err)
		}
		keys[string(key.Marshal())] = struct{}{}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("authorized keys %s: no keys in the file, so nobody could log in", path)
	}
	return keys, nil
}
