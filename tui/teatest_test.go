package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestTeatestSmoke runs the dashboard in a real bubbletea program (with its
// renderer and input loop) and types into it: filter, open the source,
// quit. The flow tests cover the logic; this checks the program wiring.
func TestTeatestSmoke(t *testing.T) {
	tm := teatest.NewTestModel(t, New(testCorpus(), testStyles(), 120, 40), teatest.WithInitialTermSize(120, 40))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("12 indicators")
	tm.Type("/dostyk")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("4 of 12")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("1/7") // the reader's status: the first of 7 highlights is focused
	tm.Type("q")
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if m.focus != focusReader || m.reader.Document() != "rail" {
		t.Errorf("final model: focus %d on %q, want the reader on \"rail\"", m.focus, m.reader.Document())
	}
	if q, n := m.table.Filter(); q != "dostyk" || n != 4 {
		t.Errorf("final filter %q with %d rows, want \"dostyk\" with 4", q, n)
	}
}
