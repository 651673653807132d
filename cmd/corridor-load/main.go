// Command corridor-load is the load benchmark of `corridor serve`: it starts
// the server binary on a loopback port, opens many SSH sessions at once
// (each with a PTY, answering the terminal's queries like xterm), has each
// press dashboard keys for a while, disconnects them all, and reports:
//
//   - the time from TCP connect to the first full frame, p50/p90/p99/max;
//   - the server process's resident memory before, at peak (VmHWM) and per
//     session;
//   - the server's goroutines before, at peak and after everyone left
//     (from its -stats-addr counters), which must come back to the baseline.
//
// It exits 1 when a target is missed (p99 first frame >= -max-p99, memory
// per session >= -max-mb, goroutines not back to the baseline, or any
// session failing), so `make loadtest` can gate on it. Everything runs on
// 127.0.0.1 and every wait has a deadline.
//
//	go build -o bin/corridor ./cmd/corridor
//	go run ./cmd/corridor-load -bin bin/corridor -sessions 100 -duration 10s
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// options are the command's flags.
type options struct {
	bin        string        // the corridor binary to serve with
	sessions   int           // concurrent sessions
	duration   time.Duration // how long each session presses keys
	keyEvery   time.Duration // mean time between key presses
	width      int           // PTY size
	height     int
	marker     string        // text that shows the dashboard's frame is drawn
	maxP99     time.Duration // target: first frame p99
	maxMB      float64       // target: memory per session
	deadline   time.Duration // hard limit for the whole run
	serverArgs string        // extra flags for corridor serve
	ramp       time.Duration // spread the connects over this long; 0: all at once
	quiet      time.Duration // idle spell between connecting and typing
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "bin/corridor", "the corridor binary")
	flag.IntVar(&o.sessions, "sessions", 100, "concurrent SSH sessions")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "how long each session presses keys")
	flag.DurationVar(&o.keyEvery, "key-every", 250*time.Millisecond, "mean time between key presses in a session")
	flag.IntVar(&o.width, "width", 120, "PTY width")
	flag.IntVar(&o.height, "height", 40, "PTY height")
	flag.StringVar(&o.marker, "marker", "documents", "text in the dashboard's first frame")
	flag.DurationVar(&o.maxP99, "max-p99", 200*time.Millisecond, "target for the first-frame p99")
	flag.Float64Var(&o.maxMB, "max-mb", 10, "target for the memory per session, in MB")
	flag.DurationVar(&o.deadline, "deadline", 2*time.Minute, "give up after this long")
	flag.StringVar(&o.serverArgs, "server-args", "", "extra flags for corridor serve, space-separated")
	flag.DurationVar(&o.quiet, "quiet", 2*time.Second, "how long the connected sessions sit idle before typing (to measure idle CPU)")
	flag.DurationVar(&o.ramp, "ramp", 0, "spread the connects evenly over this long (0: all at once, the worst case)")
	flag.Parse()
	ok, err := run(o, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corridor-load:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

// server is the corridor serve process under test.
type server struct {
	cmd      *exec.Cmd
	addr     string // SSH host:port
	statsURL string // its -stats-addr counters
	exited   chan error
	log      *lockedBuffer
}

// lockedBuffer collects the server's log from its stderr.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write implements io.Writer.
func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String returns everything written so far.
func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServer runs corridor serve in demo mode on free loopback ports, with
// a host key in a temporary folder and the limits raised past the load.
func startServer(o options, dir string) (*server, error) {
	args := []string{"serve", "-listen", "127.0.0.1:0", "-host-key", filepath.Join(dir, "host_ed25519"),
		"-stats-addr", "127.0.0.1:0", "-max-sessions", strconv.Itoa(o.sessions + 10),
		"-rate-limit", "0", "-idle-timeout", "0", "-grace", "2s"}
	args = append(args, strings.Fields(o.serverArgs)...)
	s := &server{cmd: exec.Command(o.bin, args...), exited: make(chan error, 1), log: &lockedBuffer{}}
	s.cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+dir)
	s.cmd.Stderr = s.log
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.exited <- s.cmd.Wait() }()
	listen := regexp.MustCompile(`listening addr=(\S+)`)
	stats := regexp.MustCompile(`stats url=(\S+)`)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		log := s.log.String()
		if m, n := listen.FindStringSubmatch(log), stats.FindStringSubmatch(log); m != nil && n != nil {
			s.addr, s.statsURL = m[1], n[1]
			return s, nil
		}
		select {
		case err := <-s.exited:
			return nil, fmt.Errorf("server exited (%v):\n%s", err, s.log.String())
		default:
		}
	}
	s.cmd.Process.Kill()
	return nil, fmt.Errorf("server did not start in 30s:\n%s", s.log.String())
}

// memory reads the server's resident set now and at its peak, in kB, from
// /proc (Linux).
func (s *server) memory() (rssKB, hwmKB int64, err error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "VmRSS:":
			rssKB, _ = strconv.ParseInt(f[1], 10, 64)
		case "VmHWM:":
			hwmKB, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	return rssKB, hwmKB, nil
}

// counters reads the server's goroutine and session counts.
func (s *server) counters() (goroutines, sessions int, err error) {
	resp, err := http.Get(s.statsURL)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	var v struct {
		Goroutines int `json:"goroutines"`
		Sessions   int `json:"sessions"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		return 0, 0, err
	}
	return v.Goroutines, v.Sessions, nil
}

// result is one session's outcome.
type result struct {
	firstFrame time.Duration   // connect → marker seen
	loggedIn   time.Duration   // connect → SSH handshake and login done
	queried    time.Duration   // connect → the server's terminal query (the handler has started)
	altScreen  time.Duration   // connect → the program has started (alternate screen)
	keyLatency []time.Duration // key written → next output from the server
	keys       int
	bytes      int64
	err        error
}

// phases synchronises the sessions: all connect at once, and typing starts
// for everyone when all have drawn (or failed), so that the first-frame
// figures measure a burst of connects and the typing figures a steady load.
type phases struct {
	drawn  sync.WaitGroup // Done when a session has its first frame or failed
	typing chan struct{}  // closed when typing starts
	until  time.Time      // when typing stops; set before typing is closed
}

// keys are dashboard keys that never quit or leave the dashboard: moves,
// panes, sort, group, open and back, help.
var keys = []string{"j", "k", "\x1b[B", "\x1b[A", "\t", "\x1b[Z", "1", "2", "3", "4", "g", "G",
	"h", "l", "r", "b", "\r", "\x1b", "\x1b[6~", "\x1b[5~", "?"}

// session runs one client: connect, wait for the first frame, press keys
// until stop, quit with q and wait for the server to end the session.
func session(ctx context.Context, o options, addr string, key gossh.Signer, ph *phases) (r result) {
	start := time.Now()
	drawn := sync.OnceFunc(ph.drawn.Done)
	defer drawn()
	cfg := &gossh.ClientConfig{User: "load", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second}
	c, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		r.err = err
		return r
	}
	defer c.Close()
	r.loggedIn = time.Since(start)
	s, err := c.NewSession()
	if err != nil {
		r.err = err
		return r
	}
	defer s.Close()
	if err := s.RequestPty("xterm-256color", o.height, o.width, gossh.TerminalModes{}); err != nil {
		r.err = err
		return r
	}
	stdin, _ := s.StdinPipe()
	stdout, _ := s.StdoutPipe()
	var mu sync.Mutex // stdin is written by the reader (answers) and the key loop
	write := func(b string) error {
		mu.Lock()
		defer mu.Unlock()
		_, err := io.WriteString(stdin, b)
		return err
	}
	if err := s.Shell(); err != nil {
		r.err = err
		return r
	}
	first := make(chan time.Duration, 1)
	var received atomic.Int64
	var sentAt atomic.Int64 // UnixNano of the last key not yet answered by output
	var latMu sync.Mutex    // guards lats, appended to by the reader
	var lats []time.Duration
	var queried, altScreen atomic.Int64 // set once by the reader
	defer func() {
		r.queried, r.altScreen = time.Duration(queried.Load()), time.Duration(altScreen.Load())
		// The reader may run until the deferred Close; copy under the lock.
		latMu.Lock()
		r.keyLatency = slices.Clone(lats)
		latMu.Unlock()
	}()
	go func() {
		// Reads everything, answers the terminal queries as xterm would,
		// and notes when the first full frame has arrived: after the
		// alternate screen is entered, the marker and all the frame's lines
		// (Bubble Tea's first frame draws every row, so height-1 line
		// breaks), which may span several SSH packets.
		var seen []byte
		buf := make([]byte, 64*1024)
		found := false
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				received.Add(int64(n))
				if t := sentAt.Swap(0); t != 0 {
					latMu.Lock()
					lats = append(lats, time.Since(time.Unix(0, t)))
					latMu.Unlock()
				}
				chunk := buf[:n]
				if bytes.Contains(chunk, []byte("\x1b]11;?")) {
					queried.CompareAndSwap(0, int64(time.Since(start)))
				}
				if bytes.Contains(chunk, []byte("\x1b[?1049h")) {
					altScreen.CompareAndSwap(0, int64(time.Since(start)))
				}
				if bytes.Contains(chunk, []byte("\x1b]11;?")) {
					write("\x1b]11;rgb:0000/0000/0000\x1b\\")
				}
				if bytes.Contains(chunk, []byte("\x1b[c")) {
					write("\x1b[?62;22c")
				}
				if !found {
					seen = append(seen, chunk...)
					if i := bytes.Index(seen, []byte("\x1b[?1049h")); i >= 0 && bytes.Contains(seen[i:], []byte(o.marker)) &&
						bytes.Count(seen[i:], []byte("\n")) >= o.height-1 {
						found = true
						first <- time.Since(start)
						seen = nil
					}
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case r.firstFrame = <-first:
	case <-time.After(30 * time.Second):
		r.err = errors.New("no first frame in 30s")
		return r
	case <-ctx.Done():
		r.err = ctx.Err()
		return r
	}
	drawn()
	select {
	case <-ph.typing:
	case <-ctx.Done():
		r.err = ctx.Err()
		return r
	}
	for time.Now().Before(ph.until) && ctx.Err() == nil {
		// Exponential gaps around the mean, like people rather than a clock.
		time.Sleep(time.Duration(mrand.ExpFloat64() * float64(o.keyEvery)))
		sentAt.Store(time.Now().UnixNano())
		if err := write(keys[mrand.IntN(len(keys))]); err != nil {
			r.err = fmt.Errorf("after %d keys: %w", r.keys, err)
			return r
		}
		r.keys++
	}
	sentAt.Store(0)
	time.Sleep(50 * time.Millisecond) // a lone esc must not swallow the q as alt+q
	write("q")
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			r.err = fmt.Errorf("exit after q: %w", err)
		}
	case <-time.After(10 * time.Second):
		r.err = errors.New("session did not end 10s after q")
	}
	r.bytes = received.Load()
	return r
}

// cpuSeconds is the server's user+system CPU time so far, from
// /proc/PID/stat (in clock ticks of 1/100 s on Linux).
func (s *server) cpuSeconds() float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The command name may hold spaces; the fields after ")" are fixed.
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(f[11], 64)
	stime, _ := strconv.ParseFloat(f[12], 64)
	return (utime + stime) / 100
}

// loadAverage is the machine's 1-minute load, to read the figures against.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(data))[0]
}

// percentile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, max(0, int(math.Ceil(p*float64(len(sorted))))-1))]
}

// run is the benchmark; ok is false when a target is missed.
func run(o options, out io.Writer) (ok bool, err error) {
	if o.sessions < 1 {
		return false, errors.New("-sessions must be at least 1")
	}
	dir, err := os.MkdirTemp("", "corridor-load")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(dir)
	srv, err := startServer(o, dir)
	if err != nil {
		return false, err
	}
	defer func() {
		srv.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-srv.exited:
		case <-time.After(10 * time.Second):
			srv.cmd.Process.Kill()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), o.deadline)
	defer cancel()
	fmt.Fprintf(out, "server pid %d on %s, counters at %s\n", srv.cmd.Process.Pid, srv.addr, srv.statsURL)

	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	key, _ := gossh.NewSignerFromKey(priv)
	loadBefore := loadAverage()

	// Warm up with one session, so that the baseline includes what every
	// session shares (code paths run once, caches), then let it settle.
	warmPh := &phases{typing: make(chan struct{})}
	warmPh.drawn.Add(1)
	close(warmPh.typing)
	warm := session(ctx, o, srv.addr, key, warmPh)
	if warm.err != nil {
		return false, fmt.Errorf("warm-up session: %w\nserver log:\n%s", warm.err, srv.log.String())
	}
	time.Sleep(500 * time.Millisecond)
	baseRSS, _, err := srv.memory()
	if err != nil {
		return false, err
	}
	baseG, _, err := srv.counters()
	if err != nil {
		return false, err
	}

	// Sample while the load runs.
	var peakG, peakSessions int
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stopSampling:
				return
			case <-t.C:
				if g, n, err := srv.counters(); err == nil {
					peakG, peakSessions = max(peakG, g), max(peakSessions, n)
				}
			}
		}
	}()

	// Phase 1: everyone connects at once. Phase 2: everyone types.
	ph := &phases{typing: make(chan struct{})}
	ph.drawn.Add(o.sessions)
	results := make([]result, o.sessions)
	var wg sync.WaitGroup
	cpu0, began := srv.cpuSeconds(), time.Now()
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// With -ramp, session i starts at i/N of the ramp.
			time.Sleep(time.Duration(float64(o.ramp) * float64(i) / float64(o.sessions)))
			results[i] = session(ctx, o, srv.addr, key, ph)
		}()
	}
	ph.drawn.Wait()
	connectTook, cpu1 := time.Since(began), srv.cpuSeconds()
	cpuConnect := cpu1 - cpu0
	// A quiet spell: what 100 connected, idle dashboards cost.
	time.Sleep(o.quiet)
	cpuQuiet := srv.cpuSeconds() - cpu1
	cpu1 = srv.cpuSeconds()
	typingBegan := time.Now()
	ph.until = typingBegan.Add(o.duration)
	close(ph.typing)
	wg.Wait()
	typingTook, cpu2 := time.Since(typingBegan), srv.cpuSeconds()
	close(stopSampling)
	<-sampled
	_, hwm, err := srv.memory()
	if err != nil {
		return false, err
	}

	// Everyone has left: the goroutines must come back to the baseline.
	var afterG int
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if afterG, _, err = srv.counters(); err != nil {
			return false, err
		}
		if afterG <= baseG || time.Now().After(deadline) {
			break
		}
	}
	afterRSS, _, _ := srv.memory()

	var frames, logins, queries, alts, lats []time.Duration
	var failed, keysSent int
	var bytesIn int64
	for i, r := range results {
		lats = append(lats, r.keyLatency...)
		keysSent += r.keys
		bytesIn += r.bytes
		if r.err != nil {
			failed++
			if failed <= 5 {
				fmt.Fprintf(out, "session %d: %v\n", i, r.err)
			}
			continue
		}
		frames = append(frames, r.firstFrame)
		logins = append(logins, r.loggedIn)
		queries = append(queries, r.queried)
		alts = append(alts, r.altScreen)
	}
	slices.Sort(logins)
	slices.Sort(queries)
	slices.Sort(alts)
	slices.Sort(frames)
	slices.Sort(lats)
	perSession := (float64(hwm) - float64(baseRSS)) / 1024 / float64(o.sessions)

	fmt.Fprintf(out, "corridor serve load test: %d concurrent sessions, %dx%d PTYs, a key every ~%v each for %v\n",
		o.sessions, o.width, o.height, o.keyEvery, o.duration)
	fmt.Fprintf(out, "  machine              %d CPUs, load average %s before the run\n", runtime.NumCPU(), loadBefore)
	fmt.Fprintf(out, "  sessions ok          %d/%d (%d keys sent, %.1f MB of frames received)\n",
		o.sessions-failed, o.sessions, keysSent, float64(bytesIn)/1e6)
	arrival := fmt.Sprintf("all %d connecting at once", o.sessions)
	if o.ramp > 0 {
		arrival = fmt.Sprintf("%d connecting over %v", o.sessions, o.ramp)
	}
	fmt.Fprintf(out, "  first frame          p50 %v  p90 %v  p99 %v  max %v  (TCP connect → full frame, %s)\n",
		ms(percentile(frames, .5)), ms(percentile(frames, .9)), ms(percentile(frames, .99)), ms(percentile(frames, 1)), arrival)
	fmt.Fprintf(out, "    of which login     p50 %v  p90 %v  p99 %v  (TCP connect → SSH handshake and auth done)\n",
		ms(percentile(logins, .5)), ms(percentile(logins, .9)), ms(percentile(logins, .99)))
	fmt.Fprintf(out, "    handler started    p50 %v  p90 %v  p99 %v  (TCP connect → the server's terminal query)\n",
		ms(percentile(queries, .5)), ms(percentile(queries, .9)), ms(percentile(queries, .99)))
	fmt.Fprintf(out, "    program started    p50 %v  p90 %v  p99 %v  (TCP connect → alternate screen)\n",
		ms(percentile(alts, .5)), ms(percentile(alts, .9)), ms(percentile(alts, .99)))
	fmt.Fprintf(out, "  key → next output    p50 %v  p90 %v  p99 %v  (while all type)\n",
		ms(percentile(lats, .5)), ms(percentile(lats, .9)), ms(percentile(lats, .99)))
	fmt.Fprintf(out, "  server CPU           %.2f s for the connects (in %v); idle: %.0f%% of one CPU; typing: %.0f%% of one CPU\n",
		cpuConnect, connectTook.Round(time.Millisecond), 100*cpuQuiet/max(o.quiet.Seconds(), 1e-9),
		100*(cpu2-cpu1)/typingTook.Seconds())
	fmt.Fprintf(out, "  server memory        baseline %.1f MB, peak %.1f MB (VmHWM), %.2f MB per session, %.1f MB after\n",
		float64(baseRSS)/1024, float64(hwm)/1024, perSession, float64(afterRSS)/1024)
	fmt.Fprintf(out, "  server goroutines    baseline %d, peak %d (%d sessions at once), after disconnect %d\n",
		baseG, peakG, peakSessions, afterG)

	ok = true
	check := func(pass bool, what string) {
		mark := "PASS"
		if !pass {
			mark, ok = "FAIL", false
		}
		fmt.Fprintf(out, "  %s %s\n", mark, what)
	}
	check(failed == 0, "every session connected, drew, took keys and quit")
	check(percentile(frames, .99) < o.maxP99, fmt.Sprintf("p99 first frame under %v", o.maxP99))
	check(perSession < o.maxMB, fmt.Sprintf("under %g MB per session", o.maxMB))
	check(afterG <= baseG, "goroutines back to the baseline after all disconnect")
	return ok, nil
}

// ms rounds for the report.
func ms(d time.Duration) string { return d.Round(100 * time.Microsecond).String() }
