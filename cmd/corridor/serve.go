package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"corridor/model"
)

const serveUsage = `Usage: corridor serve [flags] [PATH...]

Serves the dashboard over SSH. Anyone who can reach the address runs

  ssh -p 23234 HOST

and gets a dashboard of their own over the documents at PATH (files or
folders; no PATH: the embedded corpus). The corpus is loaded once, at start,
and shared read-only by every session; each session has its own cursor,
filter and panes, and takes its colours and size from the client's terminal.

Flags:
  -listen ADDR           host:port to listen on (default 127.0.0.1:23234, this
                         machine only; 0.0.0.0:23234 accepts other machines)
  -host-key PATH         the server's private host key: an ed25519 key is
                         created there with mode 0600 on first start and
                         reused after; its fingerprint is printed at start
                         (default $XDG_DATA_HOME/corridor/host_ed25519)
  -authorized-keys PATH  admit only the public keys in this file (OpenSSH
                         authorized_keys format, read at start); without it
                         the server is OPEN to anyone who can reach it
  -max-sessions N        most dashboards at once; the next client is told the
                         server is full (default 50)
  -idle-timeout DUR      end a session after DUR without input from its
                         client (keys, mouse, window resizes); the dashboard's
                         own redraws do not count; 0 never (default 15m)
  -rate-limit N          new sessions per minute from one IP address, in
                         bursts of up to N; 0 no limit (default 30)
  -grace DUR             on SIGINT or SIGTERM every session is told the server
                         is stopping, then gets DUR to close (default 3s)
  -max-bytes N           skip files larger than N bytes, as a problem
                         (default 20971520, 20 MB)
  -stats-addr ADDR       serve Go runtime and session counters as JSON at
                         http://ADDR/debug/vars and Go profiles at
                         http://ADDR/debug/pprof/ (loopback only; make
                         loadtest uses it)
  -v                     log debug detail too (window sizes, refused keys)

Clients choose the first view with a remote command, after --:

  ssh -t -p 23234 HOST -- --filter "rail freight" --theme dark

  --filter TEXT  open with the indicator table filtered to TEXT; ssh joins a
                 remote command's words with spaces and drops the quotes, so
                 the words after --filter are all taken as the filter
  --theme T      auto (default: from the terminal's background), light, dark
                 or mono
  --help         print this list and exit

-t is needed with a command, because ssh asks for a terminal only without one.
Anything else in the command is refused with a one-line message.

Security model:
  - A session runs the dashboard and nothing else: no shell, no commands (a
    remote command is read only as the flags above), no sftp or other
    subsystems, no port, agent or X11 forwarding. A client can see the corpus
    loaded at start, never any other file.
  - With -authorized-keys only the listed keys get in; everyone else is
    refused at login with a message saying so. Without it anyone who can
    reach -listen gets in (demo mode, announced at start): keep the loopback
    default or a firewall in front.
  - Limits: -max-sessions at once, -rate-limit per IP, -idle-timeout on the
    client's input, 2 minutes to log in and open a session. A crash in one session
    ends that session only and is logged with its stack.
  - Logs (stderr): start, connect, disconnect with duration and reason,
    refusals.

Exit status: 0 after a clean stop (SIGINT or SIGTERM), 1 when the server cannot
start (address in use, unreadable host key or authorized_keys), 2 for a usage
error.
`

// serveDefaults are the flag defaults, in one place because the usage text
// above repeats them.
const (
	defaultListen      = "127.0.0.1:23234"
	defaultMaxSessions = 50
	defaultIdleTimeout = 15 * time.Minute
	defaultRateLimit   = 30
	defaultGrace       = 3 * time.Second
)

// runServe implements `corridor serve`: it parses the flags, loads the
// corpus and the keys, listens, and serves until ctx is cancelled (SIGINT or
// SIGTERM), then stops gracefully and returns nil.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", serveUsage, stdout)
	listen := fs.String("listen", defaultListen, "host:port to listen on")
	hostKey := fs.String("host-key", "", "private host key file")
	authKeys := fs.String("authorized-keys", "", "admit only these public keys")
	maxSessions := fs.Int("max-sessions", defaultMaxSessions, "most sessions at once")
	idle := fs.Duration("idle-timeout", defaultIdleTimeout, "end sessions idle this long")
	rateLimit := fs.Int("rate-limit", defaultRateLimit, "new sessions per minute per IP")
	grace := fs.Duration("grace", defaultGrace, "time sessions get to close on stop")
	maxBytes := fs.Int64("max-bytes", model.DefaultMaxBytes, "largest file to read, in bytes")
	statsAddr := fs.String("stats-addr", "", "loopback address for runtime counters")
	verbose := fs.Bool("v", false, "log debug detail")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *maxSessions < 1:
		return usageError{"-max-sessions must be at least 1"}
	case *idle < 0:
		return usageError{"-idle-timeout must not be negative"}
	case *rateLimit < 0:
		return usageError{"-rate-limit must not be negative"}
	case *grace < 0:
		return usageError{"-grace must not be negative"}
	case *maxBytes <= 0:
		return usageError{"-max-bytes must be positive"}
	}
	if _, _, err := net.SplitHostPort(*listen); err != nil {
		return usageError{fmt.Sprintf("-listen %q: want host:port", *listen)}
	}

	logger := newServeLogger(stderr, *verbose)
	cfg := defaultServeConfig()
	cfg.maxSessions = *maxSessions
	cfg.idleTimeout = *idle
	cfg.ratePerMinute = *rateLimit
	cfg.grace = *grace

	signer, keyPath, created, err := loadOrCreateHostKey(*hostKey, logger)
	if err != nil {
		return err
	}
	cfg.hostKey = signer
	if *authKeys != "" {
		if cfg.authorized, err = readAuthorizedKeys(*authKeys); err != nil {
			return err
		}
	}

	// Load before listening, so the first client never waits for extraction
	// and a broken PATH is reported before anyone connects.
	cfg.corpus = loadCorpus(fs.Args(), model.LoadOptions{MaxBytes: *maxBytes})
	for _, p := range cfg.corpus.Problems {
		logger.Warn("skipped", "path", p.Path, "err", p.Err)
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	sv, err := newSSHServer(cfg, logger)
	if err != nil {
		ln.Close()
		return err
	}
	if *statsAddr != "" {
		stop, err := serveStats(*statsAddr, sv)
		if err != nil {
			ln.Close()
			return err
		}
		defer stop()
	}

	verb := "using"
	if created {
		verb = "created"
	}
	logger.Info("host key "+verb, "path", keyPath, "fingerprint", gossh.FingerprintSHA256(signer.PublicKey()))
	logger.Info("corpus loaded", "documents", len(cfg.corpus.Documents),
		"indicators", len(cfg.corpus.Indicators), "events", len(cfg.corpus.Events))
	if cfg.authorized == nil {
		logger.Warn("DEMO MODE: no -authorized-keys, so ANYONE who can reach " + ln.Addr().String() +
			" gets a dashboard; pass -authorized-keys FILE to admit only known keys")
	} else {
		logger.Info("access restricted", "authorized_keys", *authKeys, "keys", len(cfg.authorized))
	}
	logger.Info("listening", "addr", ln.Addr().String(), "connect", connectHint(ln.Addr()))
	return sv.serve(ctx, ln)
}

// newServeLogger returns the server's logger: timestamped lines on w, debug
// lines only when verbose.
func newServeLogger(w io.Writer, verbose bool) *log.Logger {
	l := log.NewWithOptions(w, log.Options{ReportTimestamp: true, TimeFormat: time.DateTime, Prefix: "serve"})
	if verbose {
		l.SetLevel(log.DebugLevel)
	}
	return l
}

// connectHint is the ssh command a user would type to reach a.
func connectHint(a net.Addr) string {
	host, port, _ := net.SplitHostPort(a.String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
		if h, err := os.Hostname(); err == nil && h != "" {
			host = h
		}
	}
	return "ssh -p " + port + " " + host
}
