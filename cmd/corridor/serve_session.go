package main

import (
	"errors"
	"fmt"
	"math"
	"net"
	"runtime/debug"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"corridor/tui"
)

// endReason says why a session ended; it is logged with the disconnect and
// picks the line the client reads last.
type endReason int

const (
	endNone       endReason = iota // still running
	endQuit                        // the user quit the dashboard
	endClosed                      // the client went away
	endIdle                        // no input for -idle-timeout
	endStopping                    // the server is stopping
	endPanic                       // the session's code panicked
	endFull                        // refused: -max-sessions reached
	endRateLimit                   // refused: -rate-limit reached for this IP
	endNoPTY                       // refused: no terminal
	endBadArgs                     // refused: unknown flags in the command
	endHelp                        // printed --help
	endRefusedNow                  // refused: the server was already stopping
)

var endReasonNames = [...]string{"", "quit", "client closed", "idle", "server stopping", "panic",
	"refused: full", "refused: rate limit", "refused: no pty", "refused: bad command", "help", "refused: stopping"}

// String is the reason as logged with the disconnect.
func (r endReason) String() string { return endReasonNames[r] }

// trackedSession is the session as the middleware below trackMiddleware
// sees it: with its *liveSession. (Not an ssh.Context value: the context
// belongs to the connection, which may carry several sessions.)
type trackedSession struct {
	ssh.Session
	ls *liveSession
}

// liveSession is one session's state shared by its middleware, its program
// and the server (which ends it on stop or idle).
type liveSession struct {
	id        uint64
	s         ssh.Session
	start     time.Time
	opts      remoteOptions
	killAfter time.Duration
	sv        *sshServer

	mu       sync.Mutex
	prog     *tea.Program // set once the program is about to run
	reason   endReason    // first reason wins
	finished bool         // the program has returned
}

// liveSessionFrom returns the state trackMiddleware attached to s.
func liveSessionFrom(s ssh.Session) *liveSession {
	return s.(trackedSession).ls
}

// setReason records r unless a reason is already set.
func (ls *liveSession) setReason(r endReason) {
	ls.mu.Lock()
	if ls.reason == endNone {
		ls.reason = r
	}
	ls.mu.Unlock()
}

// currentReason is the reason recorded so far (endNone while running).
func (ls *liveSession) currentReason() endReason {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return ls.reason
}

// end asks the session to finish for reason r. The program is told to quit
// (asynchronously: end may be called from inside its own event loop); if it
// has not returned after killAfter, for instance because a client that
// stopped reading has filled the channel window and the renderer is stuck
// writing, the channel is closed under it.
func (ls *liveSession) end(r endReason) {
	ls.mu.Lock()
	if ls.reason != endNone {
		ls.mu.Unlock()
		return
	}
	ls.reason = r
	p := ls.prog
	ls.mu.Unlock()
	if p == nil {
		return // not started: runDashboard checks the reason before Run
	}
	go p.Quit()
	time.AfterFunc(ls.killAfter, func() {
		ls.mu.Lock()
		done := ls.finished
		ls.mu.Unlock()
		if !done {
			_ = ls.s.Close()
			p.Kill()
		}
	})
}

// crash logs a panic caught in the session's model and ends the session.
func (ls *liveSession) crash(v any, stack []byte) {
	ls.sv.log.Error("session panic", "id", ls.id, "remote", ls.s.RemoteAddr(), "panic", v, "stack", string(stack))
	ls.end(endPanic)
}

// The lines a client reads when the server ends or refuses its session.
const (
	noticeStopping = "corridor: the server is stopping; goodbye."
	noticePanic    = "corridor: the dashboard hit an internal error and this session was closed (the server is still running)."
	noticeFull     = "corridor: the server is full (%d sessions); please try again later."
	noticeRate     = "corridor: too many sessions from your address; please wait a minute and try again."
	noticeNoPTY    = "corridor: the dashboard needs a terminal and this session has none; connect with ssh -t (for example ssh -t -p %s HOST)."
	noticeIdle     = "corridor: disconnected after %s without input."
)

// notify writes one line to the client's stderr; with a PTY the session
// translates the newline to CRLF.
func notify(s ssh.Session, format string, args ...any) {
	fmt.Fprintf(s.Stderr(), format+"\n", args...)
}

// recoverMiddleware is the outermost middleware: a panic anywhere in the
// session's handling (the dashboard's constructor, the renderer, the other
// middleware) ends this session only, is logged with its stack, and the
// client is told. Panics inside the running program are caught closer to
// them, by sessionModel.
func (sv *sshServer) recoverMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		defer func() {
			if v := recover(); v != nil {
				sv.log.Error("session panic", "remote", s.RemoteAddr(), "panic", v, "stack", string(debug.Stack()))
				notify(s, noticePanic)
				_ = s.Exit(1)
			}
		}()
		next(s)
	}
}

// trackMiddleware logs connect and disconnect (with duration and reason) and
// stops the connection's login timer: the client has a session now.
func (sv *sshServer) trackMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		sv.handlersLive.Add(1)
		defer sv.handlersLive.Add(-1)
		if ci := connInfoFrom(s.Context()); ci.login != nil {
			ci.login.Stop()
		}
		ls := &liveSession{id: sv.nextID.Add(1), s: s, start: time.Now(), killAfter: sv.cfg.killAfter, sv: sv}
		pty, _, _ := s.Pty()
		sv.log.Info("connect", "id", ls.id, "remote", s.RemoteAddr(), "user", s.User(), "key", keyFingerprint(s),
			"term", pty.Term, "size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height), "command", s.RawCommand())
		completed := false
		defer func() {
			if !completed {
				ls.setReason(endPanic) // unwinding: recoverMiddleware logs the stack next
			}
			sv.log.Info("disconnect", "id", ls.id, "remote", s.RemoteAddr(),
				"duration", time.Since(ls.start).Round(time.Millisecond), "reason", ls.currentReason())
		}()
		next(trackedSession{Session: s, ls: ls})
		completed = true
	}
}

// keyFingerprint names the key the client logged in with, or "none" for a
// keyless login to a demo server.
func keyFingerprint(s ssh.Session) string {
	if k := s.PublicKey(); k != nil {
		return gossh.FingerprintSHA256(k)
	}
	return "none"
}

// admitMiddleware applies the per-IP rate limit and -max-sessions, and
// refuses sessions once the server is stopping. An admitted session is
// registered so that stop can reach it.
func (sv *sshServer) admitMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		ls := liveSessionFrom(s)
		refuse := func(r endReason, format string, args ...any) {
			ls.setReason(r)
			sv.log.Warn("refused", "id", ls.id, "remote", s.RemoteAddr(), "reason", r)
			notify(s, format, args...)
			_ = s.Exit(1)
		}
		if sv.stopping.Load() {
			refuse(endRefusedNow, noticeStopping)
			return
		}
		if sv.limiter != nil {
			if err := sv.limiter.Allow(s); err != nil {
				refuse(endRateLimit, noticeRate)
				return
			}
		}
		n := sv.active.Add(1)
		defer sv.active.Add(-1)
		if n > int64(sv.cfg.maxSessions) {
			refuse(endFull, noticeFull, sv.cfg.maxSessions)
			return
		}
		defer sv.register(ls)()
		// Checked again after registering: stop sets stopping before it
		// copies the registry, so a session is either copied or sees it.
		if sv.stopping.Load() {
			refuse(endRefusedNow, noticeStopping)
			return
		}
		next(s)
	}
}

// argsMiddleware reads the client's command as dashboard flags; it never
// runs it.
func (sv *sshServer) argsMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		ls := liveSessionFrom(s)
		opts, err := parseRemoteArgs(s.Command())
		switch {
		case errors.Is(err, errRemoteHelp):
			ls.setReason(endHelp)
			fmt.Fprint(s, remoteUsage)
			_ = s.Exit(0)
			return
		case err != nil:
			ls.setReason(endBadArgs)
			notify(s, "corridor: %v", err)
			_ = s.Exit(2)
			return
		}
		ls.opts = opts
		next(s)
	}
}

// ptyMiddleware refuses sessions without a terminal with a line saying
// what to do, where Bubble Tea would otherwise wait on a screen that does
// not exist.
func (sv *sshServer) ptyMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		if _, _, ok := s.Pty(); !ok {
			liveSessionFrom(s).setReason(endNoPTY)
			_, port, _ := net.SplitHostPort(s.LocalAddr().String())
			notify(s, noticeNoPTY, port)
			_ = s.Exit(1)
			return
		}
		next(s)
	}
}

// dashboardMiddleware runs the session's dashboard.
func (sv *sshServer) dashboardMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		sv.runDashboard(s)
		next(s)
	}
}

// runDashboard runs one Bubble Tea program on the session, the equivalent of
// wish's bm.Middleware with what a shared server needs added: an input pump
// (see sessionInput), the idle timer, the stop notice, and panic recovery
// in the model.
func (sv *sshServer) runDashboard(s ssh.Session) {
	ls := liveSessionFrom(s)
	pty, winCh, _ := s.Pty()
	in := newSessionInput(s, func() { ls.end(endClosed) })
	defer in.Close()

	// The renderer carries the client's colour profile (from its TERM and
	// environment) and background; the styles are built from it, so each
	// session gets its own colours.
	deadline := time.NewTimer(sv.cfg.queryTimeout)
	r := bm.MakeRenderer(querySession{Session: s, in: in, deadline: deadline.C})
	deadline.Stop()
	m := sv.cfg.newDashboard(dashboardSpec{corpus: sv.cfg.corpus, styles: tui.NewStyles(r, ls.opts.theme),
		width: pty.Window.Width, height: pty.Window.Height, opts: ls.opts, clip: s, term: pty.Term})

	// The same program options as the local dashboard.
	p := tea.NewProgram(sessionModel{inner: m, ls: ls},
		tea.WithInput(in), tea.WithOutput(s), tea.WithAltScreen(), tea.WithMouseCellMotion(),
		// SIGINT to the server is the server's to handle (stop), not each
		// session's.
		tea.WithoutSignalHandler(),
		// The session's context ends when the connection drops.
		tea.WithContext(s.Context()),
	)
	ls.mu.Lock()
	started := ls.reason == endNone
	if started {
		ls.prog = p
	}
	ls.mu.Unlock()
	if !started {
		sv.farewell(s, ls.currentReason())
		return
	}

	done := make(chan struct{})
	go func() {
		// winCh holds the initial size, so this also sends the first
		// WindowSizeMsg; a resize counts as activity.
		for {
			select {
			case <-done:
				return
			case w, ok := <-winCh:
				if !ok {
					return
				}
				in.touch()
				sv.log.Debug("window", "id", ls.id, "size", fmt.Sprintf("%dx%d", w.Width, w.Height))
				p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	if idle := sv.cfg.idleTimeout; idle > 0 {
		var t *time.Timer
		check := func() {
			if since := in.idleFor(); since >= idle {
				ls.end(endIdle)
			} else {
				t.Reset(idle - since)
			}
		}
		// Armed in two steps so that t is set before check can run.
		t = time.AfterFunc(time.Duration(math.MaxInt64), check)
		t.Reset(idle)
		defer t.Stop()
	}

	_, err := p.Run()
	close(done)
	ls.mu.Lock()
	ls.finished = true
	ls.mu.Unlock()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// A panic in a command's goroutine, caught by Bubble Tea (which
		// printed its stack to the server's stderr).
		sv.log.Error("session panic", "id", ls.id, "remote", s.RemoteAddr(), "err", err)
		ls.setReason(endPanic)
	case err != nil && s.Context().Err() != nil:
		ls.setReason(endClosed)
	case err != nil && ls.currentReason() == endNone:
		sv.log.Error("dashboard", "id", ls.id, "err", err)
	}
	ls.setReason(endQuit)
	sv.farewell(s, ls.currentReason())
}

// farewell tells the client why the server ended its session, and sets the
// exit status ssh returns.
func (sv *sshServer) farewell(s ssh.Session, r endReason) {
	switch r {
	case endIdle:
		notify(s, noticeIdle, sv.cfg.idleTimeout)
	case endStopping:
		notify(s, noticeStopping)
	case endPanic:
		notify(s, noticePanic)
		_ = s.Exit(1)
	}
}

// sessionModel wraps a session's dashboard so that a panic in its Init,
// Update or View is logged with its stack and ends this session only (the
// client's terminal is restored by Bubble Tea's normal exit), instead of
// reaching Bubble Tea's handler, which prints to the server's stdout.
type sessionModel struct {
	inner tea.Model
	ls    *liveSession
}

// catch is deferred by each method: it must be the deferred function itself
// for recover to work.
func (m sessionModel) catch(cmd *tea.Cmd) {
	if v := recover(); v != nil {
		m.ls.crash(v, debug.Stack())
		if cmd != nil {
			*cmd = tea.Quit
		}
	}
}

// Init implements tea.Model.
func (m sessionModel) Init() (cmd tea.Cmd) {
	defer m.catch(&cmd)
	return m.inner.Init()
}

// Update implements tea.Model. After a panic the inner model is not called
// again: its state is unknown.
func (m sessionModel) Update(msg tea.Msg) (res tea.Model, cmd tea.Cmd) {
	res = m
	if m.ls.currentReason() == endPanic {
		return m, tea.Quit
	}
	defer m.catch(&cmd)
	inner, c := m.inner.Update(msg)
	m.inner = inner
	return m, c
}

// View implements tea.Model.
func (m sessionModel) View() string {
	if m.ls.currentReason() == endPanic {
		return ""
	}
	defer m.catch(nil)
	return m.inner.View()
}
