package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/wish/testsession"
	gossh "golang.org/x/crypto/ssh"

	"corridor/model"
	"corridor/tui"
)

// syncBuffer is a bytes.Buffer safe for the server's and the client's
// goroutines; waitFor polls it with a deadline.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// waitFor polls b until it contains want or d passes.
func waitFor(t *testing.T, b *syncBuffer, want string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !strings.Contains(b.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q within %v; got:\n%s", want, d, tail(b.String()))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// tail keeps failure messages readable when the output is a whole screen.
func tail(s string) string {
	if len(s) > 3000 {
		s = "…" + s[len(s)-3000:]
	}
	return s
}

var (
	seedOnce   sync.Once
	seedCorpus *model.Corpus
)

// testCorpus is the embedded corpus, extracted once for every test.
func testCorpus() *model.Corpus {
	seedOnce.Do(func() { seedCorpus = loadCorpus(nil, model.LoadOptions{MaxBytes: model.DefaultMaxBytes}) })
	return seedCorpus
}

func newTestKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testServer is a server on 127.0.0.1:0 with short timeouts.
type testServer struct {
	sv     *sshServer
	addr   string
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan error // serve's result
}

// startServer starts a server with the test corpus; mutate adjusts the
// config first. It is stopped at the end of the test.
func startServer(t *testing.T, mutate func(*serveConfig)) *testServer {
	t.Helper()
	cfg := defaultServeConfig()
	cfg.corpus = testCorpus()
	cfg.hostKey = newTestKey(t)
	cfg.queryTimeout = 100 * time.Millisecond
	cfg.grace = time.Second
	cfg.ratePerMinute = 0
	if mutate != nil {
		mutate(&cfg)
	}
	ts := &testServer{logs: &syncBuffer{}, done: make(chan error, 1)}
	sv, err := newSSHServer(cfg, newServeLogger(ts.logs, true))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.addr, ts.sv = ln.Addr().String(), sv
	ctx, cancel := context.WithCancel(context.Background())
	ts.cancel = cancel
	go func() { ts.done <- sv.serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ts.done:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop")
		}
		if t.Failed() {
			t.Logf("server log:\n%s", tail(ts.logs.String()))
		}
	})
	return ts
}

// client logs in with key (nil: no key, keyboard-interactive only).
func (ts *testServer) client(t *testing.T, key gossh.Signer) (*gossh.Client, error) {
	t.Helper()
	cfg := &gossh.ClientConfig{User: "tester", Timeout: 5 * time.Second, HostKeyCallback: gossh.InsecureIgnoreHostKey()}
	if key != nil {
		cfg.Auth = append(cfg.Auth, gossh.PublicKeys(key))
	}
	c, err := gossh.Dial("tcp", ts.addr, cfg)
	if err == nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, err
}

// term is a client session with a PTY: its output (stdout and stderr) is
// collected, and it answers the server's terminal queries the way a real
// terminal does (background colour, primary device attributes).
type term struct {
	sess *gossh.Session
	in   io.Writer
	out  *syncBuffer
	done chan error // Wait's result
}

// openTerm opens a session with a w×h PTY running cmd ("" for a shell).
func openTerm(t *testing.T, c *gossh.Client, w, h int, cmd string) *term {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	tm := &term{sess: sess, out: &syncBuffer{}, done: make(chan error, 1)}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm.in = stdin
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	sess.Stderr = tm.out
	go answerQueries(stdout, tm.out, stdin)
	if cmd == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(cmd)
	}
	if err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- sess.Wait() }()
	return tm
}

// answerQueries copies r to out and answers the terminal queries found in
// it on w, like xterm: OSC 11 (background colour) and DA1.
func answerQueries(r io.Reader, out io.Writer, w io.Writer) {
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			out.Write(chunk)
			if bytes.Contains(chunk, []byte("\x1b]11;?")) {
				io.WriteString(w, "\x1b]11;rgb:0000/0000/0000\x1b\\")
			}
			if bytes.Contains(chunk, []byte("\x1b[c")) {
				io.WriteString(w, "\x1b[?62;22c")
			}
		}
		if err != nil {
			return
		}
	}
}

// waitExit waits for the session to end and returns its exit status.
func (tm *term) waitExit(t *testing.T, d time.Duration) int {
	t.Helper()
	select {
	case err := <-tm.done:
		var ee *gossh.ExitError
		if errors.As(err, &ee) {
			return ee.ExitStatus()
		}
		if err != nil {
			t.Fatalf("session: %v", err)
		}
		return 0
	case <-time.After(d):
		t.Fatalf("session still running after %v; output:\n%s", d, tail(tm.out.String()))
	}
	return -1
}

// ended reports whether the session has ended, without waiting.
func (tm *term) ended() bool {
	select {
	case err := <-tm.done:
		tm.done <- err
		return true
	default:
		return false
	}
}

// testModel is an injected dashboard: it redraws on a 20ms timer (as a
// dashboard with a clock would), counts keys, and panics on "p".
type testModel struct{ frames, keys int }

type testTick struct{}

func testTickCmd() tea.Cmd {
	return tea.Tick(20*time.Millisecond, func(time.Time) tea.Msg { return testTick{} })
}

func (m testModel) Init() tea.Cmd { return testTickCmd() }

func (m testModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case testTick:
		m.frames++
		return m, testTickCmd()
	case tea.KeyMsg:
		switch msg.String() {
		case "p":
			panic("injected test panic")
		case "q":
			return m, tea.Quit
		}
		m.keys++
	}
	return m, nil
}

func (m testModel) View() string {
	return fmt.Sprintf("corridor test frame %d keys %d", m.frames, m.keys)
}

// useTestModel injects testModel; the filter "boom" makes the constructor
// itself panic, outside the program.
func useTestModel(cfg *serveConfig) {
	cfg.newDashboard = func(d dashboardSpec) tea.Model {
		if d.opts.filter == "boom" {
			panic("injected constructor panic")
		}
		return testModel{}
	}
}

// TestServeFirstFrame: a client with a PTY gets the real dashboard's first
// frame, and a resize reaches the program.
func TestServeFirstFrame(t *testing.T) {
	ts := startServer(t, nil)
	c, err := ts.client(t, newTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerm(t, c, 80, 24, "")
	waitFor(t, tm.out, "documents", 5*time.Second)
	if !strings.Contains(tm.out.String(), "\x1b[?1049h") {
		t.Error("the dashboard did not enter the alternate screen")
	}
	if err := tm.sess.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ts.logs, "size=120x40", 5*time.Second)
	io.WriteString(tm.in, "q")
	if code := tm.waitExit(t, 5*time.Second); code != 0 {
		t.Errorf("exit status %d after q, want 0", code)
	}
	waitFor(t, ts.logs, "reason=quit", 5*time.Second)
}

// TestServeDeepLink: `ssh -t HOST -- --filter "rail freight"` opens the
// dashboard already filtered, though ssh has dropped the quotes.
func TestServeDeepLink(t *testing.T) {
	ts := startServer(t, nil)
	c, err := ts.client(t, newTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerm(t, c, 120, 30, "--filter rail freight --theme mono")
	waitFor(t, tm.out, "“rail freight”", 5*time.Second)
	waitFor(t, ts.logs, `command="--filter rail freight --theme mono"`, time.Second)
}

// TestServeAuthRefused: with authorized keys, a listed key gets in; another
// key is refused at login, told why, and the refusal is logged.
func TestServeAuthRefused(t *testing.T) {
	good, bad := newTestKey(t), newTestKey(t)
	ts := startServer(t, func(cfg *serveConfig) {
		cfg.authorized = authorizedKeys{string(good.PublicKey().Marshal()): {}}
	})

	var instruction string
	cfg := &gossh.ClientConfig{
		User:            "intruder",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Auth: []gossh.AuthMethod{
			gossh.PublicKeys(bad),
			gossh.KeyboardInteractive(func(name, instr string, qs []string, echos []bool) ([]string, error) {
				instruction = instr
				return make([]string, len(qs)), nil
			}),
		},
	}
	if c, err := gossh.Dial("tcp", ts.addr, cfg); err == nil {
		c.Close()
		t.Fatal("a key not in authorized_keys got in")
	}
	if !strings.Contains(instruction, "admits only the SSH keys its operator has listed") {
		t.Errorf("the refused client was not told why; instruction %q", instruction)
	}
	waitFor(t, ts.logs, "refused", 5*time.Second)
	waitFor(t, ts.logs, gossh.FingerprintSHA256(bad.PublicKey()), time.Second)

	c, err := ts.client(t, good)
	if err != nil {
		t.Fatalf("the authorized key was refused: %v", err)
	}
	tm := openTerm(t, c, 80, 24, "")
	waitFor(t, tm.out, "documents", 5*time.Second)
}

// TestServeNoPTY: a session without a terminal gets one line of
// explanation and exit status 1, not a hang. It uses wish's testsession
// client, the upstream way to test a session.
func TestServeNoPTY(t *testing.T) {
	ts := startServer(t, nil)
	sess, err := testsession.NewClientSession(t, ts.addr, &gossh.ClientConfig{
		User: "tester", Auth: []gossh.AuthMethod{gossh.PublicKeys(newTestKey(t))},
	})
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.CombinedOutput("")
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	if got := string(out); !strings.Contains(got, "needs a terminal") || strings.Count(got, "\n") != 1 {
		t.Errorf("output %q, want one line saying a terminal is needed", got)
	}
}

// TestServeFull: with -max-sessions 1, the second client is told the server
// is full while the first keeps its dashboard; once the first leaves, a new
// client gets in.
func TestServeFull(t *testing.T) {
	ts := startServer(t, func(cfg *serveConfig) { cfg.maxSessions = 1 })
	key := newTestKey(t)
	c1, err := ts.client(t, key)
	if err != nil {
		t.Fatal(err)
	}
	first := openTerm(t, c1, 80, 24, "")
	waitFor(t, first.out, "documents", 5*time.Second)

	c2, err := ts.client(t, key)
	if err != nil {
		t.Fatal(err)
	}
	second := openTerm(t, c2, 80, 24, "")
	if code := second.waitExit(t, 5*time.Second); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(second.out.String(), "the server is full (1 sessions)") {
		t.Errorf("the second client was not told the server is full: %q", second.out.String())
	}
	if first.ended() {
		t.Error("the first session ended")
	}

	io.WriteString(first.in, "q")
	first.waitExit(t, 5*time.Second)
	waitFor(t, ts.logs, "reason=quit", 5*time.Second)
	third := openTerm(t, c2, 80, 24, "")
	waitFor(t, third.out, "documents", 5*time.Second)
}

// TestServeRateLimit: past -rate-limit sessions a minute, an address is told
// to wait.
func TestServeRateLimit(t *testing.T) {
	ts := startServer(t, func(cfg *serveConfig) { cfg.ratePerMinute = 2 })
	c, err := ts.client(t, newTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"needs a terminal", "needs a terminal", "too many sessions from your address"} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		out, _ := sess.CombinedOutput("")
		if !strings.Contains(string(out), want) {
			t.Errorf("session %d: %q, want %q", i+1, out, want)
		}
	}
}

// TestServeIdleTimeout: a dashboard that redraws every 20ms stays alive
// while the client types and is disconnected -idle-timeout after the last
// keystroke, even though it keeps drawing.
func TestServeIdleTimeout(t *testing.T) {
	const idle = 500 * time.Millisecond
	ts := startServer(t, func(cfg *serveConfig) {
		cfg.idleTimeout = idle
		useTestModel(cfg)
	})
	c, err := ts.client(t, newTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerm(t, c, 80, 24, "")
	waitFor(t, tm.out, "corridor test frame", 5*time.Second)

	// Typing for three idle periods keeps the session.
	var lastKey time.Time
	for i := 0; i < 15; i++ {
		if tm.ended() {
			t.Fatalf("session ended while the client was typing; output:\n%s", tail(tm.out.String()))
		}
		io.WriteString(tm.in, "k")
		lastKey = time.Now()
		time.Sleep(idle / 5)
	}
	waitFor(t, tm.out, "keys 15", time.Second)
	framesBefore := len(tm.out.String())
	tm.waitExit(t, idle+3*time.Second)
	gone := time.Since(lastKey)
	if gone < idle-50*time.Millisecond {
		t.Errorf("disconnected %v after the last key, before the %v idle timeout", gone, idle)
	}
	if !strings.Contains(tm.out.String(), "disconnected after 500ms without input") {
		t.Errorf("the client was not told why: %q", tail(tm.out.String()))
	}
	if len(tm.out.String()) <= framesBefore {
		t.Error("the test model stopped redrawing, so the test proves nothing about output")
	}
	waitFor(t, ts.logs, "reason=idle", time.Second)
}

// TestServePanicIsolation: a panic in one session's model, or in building
// it, ends that session with a message and a logged stack; other sessions
// and new ones carry on.
func TestServePanicIsolation(t *testing.T) {
	ts := startServer(t, useTestModel)
	key := newTestKey(t)
	c, err := ts.client(t, key)
	if err != nil {
		t.Fatal(err)
	}
	victim := openTerm(t, c, 80, 24, "")
	bystander := openTerm(t, c, 80, 24, "")
	waitFor(t, victim.out, "corridor test frame", 5*time.Second)
	waitFor(t, bystander.out, "corridor test frame", 5*time.Second)

	io.WriteString(victim.in, "p")
	if code := victim.waitExit(t, 5*time.Second); code != 1 {
		t.Errorf("exit status %d after the panic, want 1", code)
	}
	if !strings.Contains(victim.out.String(), "internal error") {
		t.Errorf("the client was not told: %q", tail(victim.out.String()))
	}
	waitFor(t, ts.logs, "injected test panic", time.Second)
	waitFor(t, ts.logs, "stack=", time.Second)
	waitFor(t, ts.logs, "testModel.Update", time.Second)

	io.WriteString(bystander.in, "k")
	waitFor(t, bystander.out, "keys 1", 5*time.Second)

	// A panic outside the program, in the constructor, is caught by the
	// outermost recover middleware.
	c2, err := ts.client(t, key)
	if err != nil {
		t.Fatal(err)
	}
	boom := openTerm(t, c2, 80, 24, "--filter boom")
	if code := boom.waitExit(t, 5*time.Second); code != 1 {
		t.Errorf("exit status %d after the constructor panic, want 1", code)
	}
	waitFor(t, ts.logs, "injected constructor panic", time.Second)
	if !strings.Contains(boom.out.String(), "internal error") {
		t.Errorf("the client was not told: %q", tail(boom.out.String()))
	}

	fresh := openTerm(t, c2, 80, 24, "")
	waitFor(t, fresh.out, "corridor test frame", 5*time.Second)
	io.WriteString(bystander.in, "k")
	waitFor(t, bystander.out, "keys 2", 5*time.Second)
}

// TestServeGracefulStop runs the real command: cancelling run's context
// (SIGINT or SIGTERM in main) tells the connected session the server is
// stopping, and run returns nil (exit 0) within the grace period.
func TestServeGracefulStop(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-listen", "127.0.0.1:0", "-host-key", filepath.Join(dir, "hk"), "-grace", "2s"},
			strings.NewReader(""), &stdout, &stderr)
	}()
	waitFor(t, &stderr, "listening", 10*time.Second)
	addr := regexp.MustCompile(`addr=(\S+)`).FindStringSubmatch(stderr.String()[strings.Index(stderr.String(), "listening"):])[1]
	ts := &testServer{addr: addr}
	c, err := ts.client(t, newTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerm(t, c, 80, 24, "")
	waitFor(t, tm.out, "documents", 5*time.Second)

	stopAt := time.Now()
	cancel()
	waitFor(t, tm.out, "the server is stopping", 5*time.Second)
	tm.waitExit(t, 5*time.Second)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run returned %v, want nil (exit 0)", err)
		}
		if took := time.Since(stopAt); took > 4*time.Second {
			t.Errorf("stopping took %v with a 2s grace", took)
		}
	case <-time.After(6 * time.Second):
		t.Fatal("run did not return after the grace period")
	}
	for _, want := range []string{"DEMO MODE", "host key created", "fingerprint=SHA256:", "connect id=1", "stopping sessions=1", "reason=\"server stopping\"", "stopped"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestServeOffersNothingElse: no port forwarding either way, no sftp or
// other subsystem, no X11; and a connection that opens no session (ssh -N)
// is closed after the login timeout.
func TestServeOffersNothingElse(t *testing.T) {
	ts := startServer(t, func(cfg *serveConfig) { cfg.loginTimeout = 500 * time.Millisecond })
	key := newTestKey(t)
	c, err := ts.client(t, key)
	if err != nil {
		t.Fatal(err)
	}
	if conn, err := c.Dial("tcp", ts.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding (direct-tcpip) was allowed")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding (tcpip-forward) was allowed")
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was allowed")
	}
	sess2, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := sess2.SendRequest("x11-req", true, gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0})); ok || err != nil {
		t.Errorf("x11-req: ok %v, err %v; want a refusal", ok, err)
	}

	// ssh -N: logged in, never opens a session.
	idle, err := ts.client(t, key)
	if err != nil {
		t.Fatal(err)
	}
	closed := make(chan error, 1)
	go func() { closed <- idle.Wait() }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("a connection without a session outlived the login timeout")
	}
	waitFor(t, ts.logs, "no session within 500ms", time.Second)
}

// TestServeNoLeaks: clients that vanish mid-session (connection closed,
// no q) end their sessions, and once the server has stopped no goroutine
// is left behind.
func TestServeNoLeaks(t *testing.T) {
	before := runtime.NumGoroutine()
	ts := startServer(t, nil)
	key := newTestKey(t)
	var clients []*gossh.Client
	for i := 0; i < 5; i++ {
		c, err := ts.client(t, key)
		if err != nil {
			t.Fatal(err)
		}
		tm := openTerm(t, c, 80, 24, "")
		waitFor(t, tm.out, "documents", 5*time.Second)
		clients = append(clients, c)
	}
	if n := ts.sv.active.Load(); n != 5 {
		t.Errorf("%d active sessions, want 5", n)
	}
	for _, c := range clients {
		c.Close()
	}
	for deadline := time.Now().Add(5 * time.Second); ts.sv.active.Load() > 0 || ts.sv.handlersLive.Load() > 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d sessions, %d handlers still live after the clients left", ts.sv.active.Load(), ts.sv.handlersLive.Load())
		}
	}
	if got := strings.Count(ts.logs.String(), `reason="client closed"`); got != 5 {
		t.Errorf("%d sessions ended as client closed, want 5", got)
	}
	ts.cancel()
	<-ts.done
	ts.done <- nil // for the cleanup
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, %d before the server:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
	}
}

// TestHostKey: the key is created with mode 0600 (by default under
// $XDG_DATA_HOME) and reused with the same fingerprint.
func TestHostKey(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	xdg.Reload()
	defer xdg.Reload()
	logger := newServeLogger(io.Discard, false)

	s1, path, created, err := loadOrCreateHostKey("", logger)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(data, "corridor", "host_ed25519"); path != want || !created {
		t.Errorf("path %s created %v, want %s created", path, created, want)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	s2, _, created, err := loadOrCreateHostKey("", logger)
	if err != nil {
		t.Fatal(err)
	}
	if created || gossh.FingerprintSHA256(s1.PublicKey()) != gossh.FingerprintSHA256(s2.PublicKey()) {
		t.Error("the host key was not reused")
	}
}

// TestReadAuthorizedKeys: comments and options are accepted, a bad line is
// reported with its number, an empty file is an error.
func TestReadAuthorizedKeys(t *testing.T) {
	k := newTestKey(t)
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k.PublicKey())))
	dir := t.TempDir()
	for _, tc := range []struct {
		name, content, wantErr string
	}{
		{"plain", line + " alice@laptop\n", ""},
		{"comments and options", "# team\n\nno-pty " + line + "\n", ""},
		{"bad line", "# team\nssh-ed25519 AAAAnotbase64\n", ":2:"},
		{"empty", "# nobody yet\n", "no keys"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			os.WriteFile(path, []byte(tc.content), 0o600)
			keys, err := readAuthorizedKeys(path)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !keys.allows(k.PublicKey()) || keys.allows(newTestKey(t).PublicKey()) {
				t.Error("wrong keys allowed")
			}
		})
	}
}

// TestParseRemoteArgs: the dashboard flags a client may send.
func TestParseRemoteArgs(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		want    remoteOptions
		wantErr string
	}{
		{"none", nil, remoteOptions{theme: tui.ThemeAuto}, ""},
		{"quoted filter", []string{"--filter", "rail freight"}, remoteOptions{filter: "rail freight", theme: tui.ThemeAuto}, ""},
		{"ssh dropped the quotes", []string{"--filter", "rail", "freight"}, remoteOptions{filter: "rail freight", theme: tui.ThemeAuto}, ""},
		{"query", []string{"--query", "metric:rail_freight", "kazakhstan"}, remoteOptions{filter: "metric:rail_freight kazakhstan", theme: tui.ThemeAuto}, ""},
		{"quoted query value", []string{"--query", `doc:"silk road"`, "--theme", "mono"}, remoteOptions{filter: `doc:"silk road"`, theme: tui.ThemeMono}, ""},
		{"flag after the words", []string{"--filter", "rail", "freight", "--theme", "dark"}, remoteOptions{filter: "rail freight", theme: tui.ThemeDark}, ""},
		{"single dash", []string{"-theme=mono"}, remoteOptions{theme: tui.ThemeMono}, ""},
		{"unknown flag", []string{"--max-bytes", "1"}, remoteOptions{}, "only --query, --filter and --theme"},
		{"a path", []string{"/etc/passwd"}, remoteOptions{}, "unexpected"},
		{"bad theme", []string{"--theme", "neon"}, remoteOptions{}, "unknown --theme"},
		{"help", []string{"--help"}, remoteOptions{}, "help requested"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseRemoteArgs(tc.args)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

// TestServeUsage: serve -h explains every flag and the security model.
func TestServeUsage(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"serve", "-h"}, strings.NewReader(""), &out, io.Discard); exitCode(err, io.Discard) != 0 {
		t.Fatalf("serve -h: %v", err)
	}
	for _, want := range []string{"-listen", "-host-key", "-authorized-keys", "-max-sessions", "-idle-timeout",
		"-rate-limit", "-grace", "-max-bytes", "-stats-addr", "-v ", "--filter", "--theme", "Security model", "no shell"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("serve -h does not mention %q", want)
		}
	}
}
