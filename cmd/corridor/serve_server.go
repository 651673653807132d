package main

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/ratelimiter"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"corridor/model"
)

// serveConfig is everything a server needs, so tests can build one with
// short timeouts and an injected dashboard without going through flags.
type serveConfig struct {
	corpus        *model.Corpus  // shared, read-only, by every session
	hostKey       gossh.Signer   // the server's identity
	authorized    authorizedKeys // nil: open to anyone (demo mode)
	maxSessions   int            // most sessions at once
	idleTimeout   time.Duration  // without client input; 0: never
	ratePerMinute int            // new sessions per IP per minute; 0: no limit
	grace         time.Duration  // how long sessions get to close on stop
	loginTimeout  time.Duration  // from TCP connect to the first session
	queryTimeout  time.Duration  // for the terminal's background-colour answer
	killAfter     time.Duration  // after asking a program to quit, before closing its channel
	// newDashboard builds one session's model. It is a field so that tests
	// can inject a dashboard that panics or redraws on a timer.
	newDashboard func(d dashboardSpec) tea.Model
}

// defaultServeConfig returns the flag defaults and the fixed timeouts.
func defaultServeConfig() serveConfig {
	return serveConfig{
		maxSessions:   defaultMaxSessions,
		idleTimeout:   defaultIdleTimeout,
		ratePerMinute: defaultRateLimit,
		grace:         defaultGrace,
		// OpenSSH's LoginGraceTime: long enough to type a key's
		// passphrase, short enough that idle sockets do not pile up.
		loginTimeout: 2 * time.Minute,
		// Long enough for a terminal across the world to answer, short
		// enough that a client that never does still starts promptly.
		queryTimeout: time.Second,
		killAfter:    2 * time.Second,
		newDashboard: newDashboard,
	}
}

// sshServer is a running `corridor serve`: the wish server and the live
// sessions it must tell when it stops.
type sshServer struct {
	cfg     serveConfig
	log     *log.Logger
	srv     *ssh.Server
	limiter ratelimiter.RateLimiter // nil when -rate-limit is 0

	stopping     atomic.Bool  // set once ctx is cancelled; new sessions are refused
	active       atomic.Int64 // sessions admitted and not yet ended
	handlersLive atomic.Int64 // session handlers running, admitted or not
	nextID       atomic.Uint64

	mu       sync.Mutex
	sessions map[uint64]*liveSession // admitted sessions, for the stop notice
}

// connInfo is what the server knows about one TCP connection before and
// after login.
type connInfo struct {
	mu      sync.Mutex
	refused []string    // methods refused: key fingerprints, keyboard-interactive
	authed  bool        // some method succeeded
	told    bool        // the refusal text was sent (once, though clients retry)
	login   *time.Timer // closes the connection if no session starts in time
}

// connInfoKey is the ssh.Context key of a connection's *connInfo.
type connInfoKey struct{}

// connInfoFrom returns the connection's info, set by connCallback.
func connInfoFrom(ctx ssh.Context) *connInfo {
	ci, _ := ctx.Value(connInfoKey{}).(*connInfo)
	if ci == nil {
		ci = &connInfo{} // only for contexts not built by our ConnCallback (tests)
	}
	return ci
}

// noteRefused records a refused key once, however often the client offers it.
func (ci *connInfo) noteRefused(fp string) {
	ci.mu.Lock()
	defer ci.mu.Unlock()
	for _, f := range ci.refused {
		if f == fp {
			return
		}
	}
	ci.refused = append(ci.refused, fp)
}

// refusal returns the refused keys if the connection never logged in.
func (ci *connInfo) refusal() (keys string, refused bool) {
	ci.mu.Lock()
	defer ci.mu.Unlock()
	return strings.Join(ci.refused, ","), !ci.authed && len(ci.refused) > 0
}

// setAuthed records a successful login.
func (ci *connInfo) setAuthed() {
	ci.mu.Lock()
	ci.authed = true
	ci.mu.Unlock()
}

// tell reports whether the refusal text is still to be sent, and marks it
// sent.
func (ci *connInfo) tell() bool {
	ci.mu.Lock()
	defer ci.mu.Unlock()
	first := !ci.told
	ci.told = true
	return first
}

// newSSHServer builds the wish server for cfg. Only the "session" channel
// exists (wish's default): no forwarding handlers, no subsystems, and the
// middleware never starts a shell or runs the client's command.
func newSSHServer(cfg serveConfig, logger *log.Logger) (*sshServer, error) {
	sv := &sshServer{cfg: cfg, log: logger, sessions: map[uint64]*liveSession{}}
	if cfg.ratePerMinute > 0 {
		// Refill one session every 60/N seconds, in bursts of N; the LRU
		// bounds the memory a scan from many addresses can take.
		sv.limiter = ratelimiter.NewRateLimiter(rate.Limit(float64(cfg.ratePerMinute)/60), cfg.ratePerMinute, 4096)
	}
	srv, err := wish.NewServer(
		wish.WithVersion("corridor"),
		wish.WithPublicKeyAuth(sv.publicKeyAuth),
		wish.WithKeyboardInteractiveAuth(sv.keyboardInteractiveAuth),
		ssh.EmulatePty(),
		func(s *ssh.Server) error {
			// Set here, not with wish.WithHostKeyPath, because wish would
			// write a key into the working directory when none is set.
			s.HostSigners = []ssh.Signer{cfg.hostKey}
			s.ConnCallback = sv.connCallback
			s.ConnectionFailedCallback = sv.connectionFailed
			// Belt and braces: these are wish's defaults today, set so that a
			// future default cannot open a forwarding or subsystem path.
			s.ChannelHandlers = map[string]ssh.ChannelHandler{"session": ssh.DefaultSessionHandler}
			s.RequestHandlers = map[string]ssh.RequestHandler{}
			s.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
			s.LocalPortForwardingCallback = nil
			s.ReversePortForwardingCallback = nil
			return nil
		},
		// Composed first to last, run last to first: recover is listed last
		// so it is the outermost and catches a panic anywhere below it.
		wish.WithMiddleware(
			sv.dashboardMiddleware,
			sv.ptyMiddleware,
			sv.argsMiddleware,
			sv.admitMiddleware,
			sv.trackMiddleware,
			sv.recoverMiddleware,
		),
	)
	if err != nil {
		return nil, err
	}
	sv.srv = srv
	return sv, nil
}

// connCallback runs on every TCP connection before the SSH handshake. It
// refuses connections while stopping and arms the login timer, which is
// what keeps a client that connects and sends nothing from holding a
// goroutine and a socket forever.
func (sv *sshServer) connCallback(ctx ssh.Context, c net.Conn) net.Conn {
	if sv.stopping.Load() {
		return nil
	}
	ci := &connInfo{}
	remote := c.RemoteAddr().String()
	ci.login = time.AfterFunc(sv.cfg.loginTimeout, func() {
		sv.log.Warn("refused", "remote", remote, "reason", "no session within "+sv.cfg.loginTimeout.String())
		c.Close()
	})
	ctx.SetValue(connInfoKey{}, ci)
	return &trackedConn{Conn: c, done: func() {
		ci.login.Stop()
		// Logged here rather than in connectionFailed: the SSH library
		// closes the connection before it reports the failure.
		if keys, refused := ci.refusal(); refused {
			sv.log.Warn("refused", "remote", remote, "reason", "key not authorized", "tried", keys)
		}
	}}
}

// trackedConn stops the login timer and logs a refused login when the
// connection closes.
type trackedConn struct {
	net.Conn
	once sync.Once
	done func()
}

// Close implements net.Conn.
func (c *trackedConn) Close() error {
	c.once.Do(c.done)
	return c.Conn.Close()
}

// connectionFailed logs, as debug detail, a connection that ended in the
// handshake: refused logins (logged as refusals by trackedConn), scanners,
// dropped connections.
func (sv *sshServer) connectionFailed(c net.Conn, err error) {
	sv.log.Debug("handshake failed", "remote", c.RemoteAddr(), "err", err)
}

// publicKeyAuth admits any key in demo mode, else only authorized ones.
// A refused key is remembered so that the refusal can name it.
func (sv *sshServer) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	if sv.cfg.authorized == nil || sv.cfg.authorized.allows(key) {
		connInfoFrom(ctx).setAuthed()
		return true
	}
	fp := gossh.FingerprintSHA256(key)
	connInfoFrom(ctx).noteRefused(fp)
	sv.log.Debug("key refused", "remote", ctx.RemoteAddr(), "user", ctx.User(), "key", fp)
	return false
}

// refusalText is what a refused client reads. SSH clients show a
// keyboard-interactive instruction even when there is nothing to answer,
// which makes it the one place a server can explain a refusal at login.
const refusalText = "corridor: this server admits only the SSH keys its operator has listed,\n" +
	"and none of yours is one of them (ssh-keygen -lf ~/.ssh/id_ed25519.pub shows\n" +
	"your key's fingerprint). Ask the operator to add your public key.\n"

// keyboardInteractiveAuth lets keyless clients into a demo server, and on a
// restricted one tells the client why it is refused.
func (sv *sshServer) keyboardInteractiveAuth(ctx ssh.Context, challenge gossh.KeyboardInteractiveChallenge) bool {
	ci := connInfoFrom(ctx)
	if sv.cfg.authorized == nil {
		ci.setAuthed()
		return true
	}
	ci.noteRefused("keyboard-interactive")
	if ci.tell() {
		_, _ = challenge("", refusalText, nil, nil)
	}
	return false
}

// serve accepts sessions on ln until ctx is cancelled, then stops: every
// session is told, gets cfg.grace to close, and serve returns nil.
func (sv *sshServer) serve(ctx context.Context, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- sv.srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sv.stop()
	if err := <-errc; err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// stop ends every session with a notice, waits up to cfg.grace for the
// connections to close, then closes the rest.
func (sv *sshServer) stop() {
	sv.stopping.Store(true)
	sv.mu.Lock()
	live := make([]*liveSession, 0, len(sv.sessions))
	for _, ls := range sv.sessions {
		live = append(live, ls)
	}
	sv.mu.Unlock()
	sv.log.Info("stopping", "sessions", len(live), "grace", sv.cfg.grace)
	for _, ls := range live {
		ls.end(endStopping)
	}
	ctx, cancel := context.WithTimeout(context.Background(), sv.cfg.grace)
	err := sv.srv.Shutdown(ctx)
	cancel()
	if errors.Is(err, context.DeadlineExceeded) {
		sv.log.Warn("grace period over; closing the remaining connections")
	}
	_ = sv.srv.Close()
	// Give the handlers a moment to log their disconnects after the close,
	// so the log ends with them rather than mid-session.
	// (Polled: a WaitGroup may not be waited on while new sessions can
	// still Add to it.)
	for deadline := time.Now().Add(time.Second); sv.handlersLive.Load() > 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	sv.log.Info("stopped")
}

// register adds an admitted session to the stop list; the returned func
// removes it.
func (sv *sshServer) register(ls *liveSession) func() {
	sv.mu.Lock()
	sv.sessions[ls.id] = ls
	sv.mu.Unlock()
	return func() {
		sv.mu.Lock()
		delete(sv.sessions, ls.id)
		sv.mu.Unlock()
	}
}
