package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"
)

// TestSSHInTmux drives the real OpenSSH client inside a detached tmux
// session against the real binary: `corridor serve` on a free loopback
// port, with its host key created in a temporary XDG data folder and a
// temporary authorized key. The client sees the dashboard, the window is
// resized and the dashboard follows, q quits, and SIGTERM stops the server
// with exit status 0. Every wait polls with a deadline.
func TestSSHInTmux(t *testing.T) {
	dir, bin := buildForTerminal(t, "drives a real ssh client in tmux", "ssh", "tmux")

	// The client's key, in OpenSSH format with mode 0600 (ssh refuses
	// anything looser), and the server's authorized_keys holding it.
	priv := newTestEd25519(t)
	block, err := gossh.MarshalPrivateKey(priv, "tmux test")
	if err != nil {
		t.Fatal(err)
	}
	keyPath := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, _ := gossh.NewSignerFromKey(priv)
	authPath := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(authPath, gossh.MarshalAuthorizedKey(signer.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}

	xdgData := filepath.Join(dir, "xdg")
	logs := &syncBuffer{}
	srv := exec.Command(bin, "serve", "-listen", "127.0.0.1:0", "-authorized-keys", authPath, "-grace", "2s", "-v")
	srv.Env = append(os.Environ(), "XDG_DATA_HOME="+xdgData)
	srv.Stdout, srv.Stderr = logs, logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	t.Cleanup(func() {
		srv.Process.Kill()
		if t.Failed() {
			t.Logf("server log:\n%s", tail(logs.String()))
		}
	})
	waitFor(t, logs, "listening", 15*time.Second)
	m := regexp.MustCompile(`listening addr=127\.0\.0\.1:(\d+)`).FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no port in the log:\n%s", logs.String())
	}
	port := m[1]
	if fi, err := os.Stat(filepath.Join(xdgData, "corridor", "host_ed25519")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("host key in the XDG data folder: %v, %v; want mode 0600", fi, err)
	}

	// A key that is not listed is refused, and OpenSSH shows why.
	otherBlock, _ := gossh.MarshalPrivateKey(newTestEd25519(t), "stranger")
	otherPath := filepath.Join(dir, "id_stranger")
	if err := os.WriteFile(otherPath, pem.EncodeToMemory(otherBlock), 0o600); err != nil {
		t.Fatal(err)
	}
	refused := exec.Command("ssh", "-F", "/dev/null", "-p", port, "-o", "StrictHostKeyChecking=no",
		"-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10",
		"-i", otherPath, "localhost")
	refused.Stdin = strings.NewReader("")
	out, err := refused.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "admits only the SSH keys its operator has listed") ||
		!strings.Contains(string(out), "Permission denied") {
		t.Errorf("an unlisted key: %v\n%s\nwant a refusal with the explanation", err, out)
	}
	waitFor(t, logs, `reason="key not authorized"`, 5*time.Second)

	// A tmux server of our own (-L), without the user's configuration.
	sock := fmt.Sprintf("corridor-test-%d-%d", os.Getpid(), time.Now().UnixNano())
	tmux := func(args ...string) (string, error) {
		cmd := exec.Command("tmux", append([]string{"-L", sock, "-f", "/dev/null"}, args...)...)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	t.Cleanup(func() { tmux("kill-server") })
	sshCmd := strings.Join([]string{"ssh", "-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
		"-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-i", keyPath, "-t", "localhost"}, " ")
	// The shell stays after ssh exits so that its status can be read.
	if out, err := tmux("new-session", "-d", "-s", "c", "-x", "100", "-y", "30",
		sshCmd+`; echo "ssh exited $?"; sleep 600`); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	capture := func() string {
		out, _ := tmux("capture-pane", "-p", "-t", "c")
		return out
	}
	// poll waits until the pane satisfies ok.
	poll := func(what string, d time.Duration, ok func(pane string) bool) {
		t.Helper()
		deadline := time.Now().Add(d)
		for {
			pane := capture()
			if ok(pane) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within %v; pane:\n%s", what, d, pane)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	poll("dashboard", 15*time.Second, func(p string) bool {
		return strings.Contains(p, "documents") && widest(p) > 80 && widest(p) <= 100
	})

	if out, err := tmux("resize-window", "-t", "c", "-x", "120", "-y", "40"); err != nil {
		t.Fatalf("tmux resize-window: %v\n%s", err, out)
	}
	waitFor(t, logs, "size=120x40", 10*time.Second)
	poll("dashboard redrawn at 120 columns", 10*time.Second, func(p string) bool {
		return strings.Contains(p, "documents") && widest(p) > 100
	})

	if out, err := tmux("send-keys", "-t", "c", "q"); err != nil {
		t.Fatalf("tmux send-keys: %v\n%s", err, out)
	}
	poll("ssh exits 0 after q", 10*time.Second, func(p string) bool { return strings.Contains(p, "ssh exited 0") })
	waitFor(t, logs, "reason=quit", 5*time.Second)

	if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("server exit after SIGTERM: %v, want status 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server still running 10s after SIGTERM")
	}
}

// widest is the width, in cells, of the pane's longest line (the dashboard
// draws single-width box characters).
func widest(pane string) int {
	w := 0
	for _, line := range strings.Split(pane, "\n") {
		w = max(w, utf8.RuneCountInString(strings.TrimRight(line, " ")))
	}
	return w
}

func newTestEd25519(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}
