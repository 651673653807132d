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

// TestTmuxScale opens a folder of 5,000 generated articles with the real
// binary in tmux: the dashboard is on screen at once with a progress bar,
// the bar goes and the header shows all 5,000 documents, a file added to
// the folder is picked up by the watcher, and ctrl+c leaves at once.
func TestTmuxScale(t *testing.T) {
	dir, bin := buildForTerminal(t, "writes 5,000 files and runs the binary in tmux", "tmux")
	docs := filepath.Join(dir, "articles")
	for i := range 5000 {
		sub := filepath.Join(docs, fmt.Sprintf("%02d", i/500))
		if i%500 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		writeSyntheticArticle(t, filepath.Join(sub, fmt.Sprintf("a%05d.md", i)), i)
	}

	s := &tmuxSession{t: t, socket: fmt.Sprintf("corridor-scale-%d", os.Getpid()), env: []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PS1=$ ", "ENV=",
	}}
	s.run("new-session", "-d", "-s", "main", "-x", "140", "-y", "40", "sh")
	t.Cleanup(func() {
		cmd := exec.Command("tmux", "-L", s.socket, "kill-server")
		cmd.Env = s.env
		cmd.Run()
	})
	s.waitFor("the shell prompt", func(sc string) bool { return strings.TrimSpace(sc) != "" })
	s.run("send-keys", "-t", "main", "-l", bin+" "+docs+"; echo EXIT=$?")
	s.run("send-keys", "-t", "main", "Enter")

	header := func(sc string) string { return strings.SplitN(sc, "\n", 2)[0] }
	start := time.Now()
	sc := s.waitFor("the progress bar", func(sc string) bool { return strings.Contains(header(sc), "░") })
	t.Logf("progress bar after %v: %s", time.Since(start).Round(time.Millisecond), strings.TrimSpace(header(sc)))
	sc = s.waitFor("all 5000 documents", func(sc string) bool {
		return strings.Contains(header(sc), "5000 documents") && !strings.Contains(header(sc), "░")
	})
	t.Logf("loaded after %v: %s", time.Since(start).Round(time.Millisecond), strings.TrimSpace(header(sc)))
	if !tableFocused.MatchString(sc) || strings.Contains(header(sc), "│ 0 documents") {
		t.Fatalf("the table is not filled in:\n%s", sc)
	}

	writeSyntheticArticle(t, filepath.Join(docs, "new.md"), 5000)
	s.waitFor("the added file", func(sc string) bool {
		return strings.Contains(header(sc), "5001 documents") && strings.Contains(sc, "reloaded 1 file")
	})

	s.run("send-keys", "-t", "main", "C-c")
	exit := regexp.MustCompile(`(?m)^EXIT=(\d+)`)
	sc = s.waitFor("the shell after ctrl+c", exit.MatchString)
	if m := exit.FindStringSubmatch(sc); m[1] != "0" {
		t.Errorf("corridor did not exit 0:\n%s", sc)
	}
}

// writeSyntheticArticle writes a made-up corridor article with figures and
// dates that vary with n, a few kilobytes long like a news clipping.
func writeSyntheticArticle(tb testing.TB, path string, n int) {
	tb.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Corridor report %d\ndate: 2024-03-%02d\n---\n# Corridor report %d\n\n", n, 1+n%28, n)
	places := []string{"Khorgos", "Alashankou", "Dostyk", "Almaty", "Urumqi", "Tashkent", "Hong Kong"}
	for p := range 12 {
		k := n*12 + p
		fmt.Fprintf(&b, "Rail freight between Kazakhstan and China reached %d.%d million tonnes in %d, up %d%% from a year earlier. ",
			1+k%9, k%10, 2010+k%14, 2+k%30)
		fmt.Fprintf(&b, "Container traffic through %s rose to %d,000 TEU in the first half of %d, officials said on %d May. ",
			places[k%len(places)], 100+k%800, 2011+k%13, 1+k%28)
		b.WriteString("Traders expect the new line to cut transit times further as customs checks move online.\n\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}
