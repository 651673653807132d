package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestTmuxDashboard runs the real binary in a tmux pane at 120x40 and 80x24
// and drives it as a user would: filter for rail freight, open the source
// of the first figure, go back, look at the help, quit. It checks what the
// terminal shows, so it catches what in-process tests cannot: the alternate
// screen, raw mode, the terminal being restored on exit.
func TestTmuxDashboard(t *testing.T) {
	dir, bin := buildForTerminal(t, "builds and runs the binary in tmux", "tmux")
	out, err := exec.Command(bin, "extract", "-format", "csv").Output()
	if !strings.Contains(string(out), "Around 10 million ton") {
		t.Skipf("the embedded corpus does not yield the indicator \"Around 10 million ton\" yet (extract: %v)", err)
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			testTmuxFlow(t, bin, dir, size[0], size[1])
		})
	}
}

// buildForTerminal skips the test under -short or when a tool it drives
// (tmux, ssh) is missing, and otherwise builds the real binary into a fresh
// temporary folder, returning the folder and the binary's path. why says in
// the skip message what the test does.
func buildForTerminal(t *testing.T, why string, tools ...string) (dir, bin string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("skipped in -short mode: %s", why)
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; `make test` installs it with scripts/ensure-test-tools.sh", tool)
		}
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "corridor")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, bin
}

// tmuxSession is one tmux server, on its own socket so that tests never
// touch the user's sessions, running a shell in one pane.
type tmuxSession struct {
	t      *testing.T
	socket string
	env    []string
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-u", "-L", s.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = s.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// capture returns the pane's text; with escapes, its SGR sequences too.
func (s *tmuxSession) capture(escapes bool) string {
	args := []string{"capture-pane", "-p", "-t", "main"}
	if escapes {
		args = append(args, "-e")
	}
	return s.run(args...)
}

// waitFor polls the pane until ok holds, failing with the last screen after
// a deadline. Polling, not sleeping, keeps the test fast on a fast machine
// and patient on a slow one.
func (s *tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		screen := s.capture(false)
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s; the screen was:\n%s", what, screen)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

func contains(sub string) func(string) bool {
	return func(s string) bool { return strings.Contains(s, sub) }
}

// tableFocused matches the table pane's heavy (focused) border.
var tableFocused = regexp.MustCompile(`┏━ 1 Indicators`)

func testTmuxFlow(t *testing.T, bin, dir string, w, h int) {
	s := &tmuxSession{t: t, socket: fmt.Sprintf("corridor-test-%d-%dx%d", os.Getpid(), w, h), env: []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PS1=$ ", "ENV=",
	}}
	s.run("new-session", "-d", "-s", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh")
	t.Cleanup(func() {
		cmd := exec.Command("tmux", "-L", s.socket, "kill-server")
		cmd.Env = s.env
		cmd.Run()
	})
	s.waitFor("the shell prompt", func(sc string) bool { return strings.TrimSpace(sc) != "" })
	s.run("send-keys", "-t", "main", "-l", bin+"; echo EXIT=$?")
	s.run("send-keys", "-t", "main", "Enter")
	s.waitFor("the dashboard", func(sc string) bool { return tableFocused.MatchString(sc) && strings.Contains(sc, "indicators") })

	// / then "rail freight" filters as it is typed; enter applies it and the
	// table keeps the focus.
	s.run("send-keys", "-t", "main", "/")
	// The footer already shows "/ filter": wait for the prompt's placeholder,
	// so that typing starts only once the filter has the keys.
	s.waitFor("the filter prompt", contains("/ words or facet"))
	s.run("send-keys", "-t", "main", "-l", "rail freight")
	s.waitFor("the typed filter", contains("/ rail freight"))
	s.run("send-keys", "-t", "main", "Enter")
	sc := s.waitFor("the applied filter", contains("/rail freight ·"))
	if !tableFocused.MatchString(sc) {
		t.Fatalf("the table lost focus after the filter was applied:\n%s", sc)
	}

	// enter opens the reader on the first match, the 10 Mt sentence, shown
	// and highlighted.
	s.run("send-keys", "-t", "main", "Enter")
	sc = s.waitFor("the reader on the 10 million ton sentence", func(sc string) bool {
		return strings.Contains(sc, "4 Reader") && strings.Contains(sc, "10 million ton") && !tableFocused.MatchString(sc)
	})
	colored := s.capture(true)
	if !regexp.MustCompile(`\x1b\[[0-9;]*m(Around )?10 million`).MatchString(colored) {
		t.Errorf("the figure is not highlighted in the reader; screen with escapes:\n%q", colored)
	}

	// esc returns to the table.
	s.run("send-keys", "-t", "main", "Escape")
	s.waitFor("the table focused again", tableFocused.MatchString)

	// ? shows the help, ? hides it.
	s.run("send-keys", "-t", "main", "?")
	s.waitFor("the help screen", contains("Keys: Indicators and global"))
	s.run("send-keys", "-t", "main", "?")
	s.waitFor("the help closed", func(sc string) bool { return !strings.Contains(sc, "Keys: Indicators") })

	// q quits with status 0 and the shell is back on a restored screen.
	s.run("send-keys", "-t", "main", "q")
	exit := regexp.MustCompile(`(?m)^EXIT=(\d+)`)
	sc = s.waitFor("the shell after exit", exit.MatchString)
	if m := exit.FindStringSubmatch(sc); m[1] != "0" {
		t.Errorf("corridor did not exit 0:\n%s", sc)
	}
	if strings.Contains(sc, "Indicators") || strings.Contains(sc, "┃") {
		t.Errorf("the dashboard is still on screen after exit (alternate screen not left):\n%s", sc)
	}
}
