package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// comparing is the dashboard on the conflict fixture at w×h with the
// compare view open on the fixture's 5.9 million tonnes.
func comparing(t *testing.T, w, h int) Model {
	t.Helper()
	m, _ := drive(t, New(conflictCorpus(), testStyles(), 0, 0), tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = drive(t, m, keys("/", "conflict:yes", "enter", "x")...)
	if !m.comparing {
		t.Fatal("x on a marked row did not open the compare view")
	}
	return m
}

func TestCompareView(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := comparing(t, sz[0], sz[1])
			checkScreen(t, m, sz[0], sz[1])
			golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
		})
	}
}

// TestCompareRows: the figure and those disagreeing with it, newest
// document first, the cursor on the figure compared.
func TestCompareRows(t *testing.T) {
	c := conflictCorpus()
	p := newComparePane(testPaneStyles(), c)
	p.SetSize(80, 20)
	id := indicatorID(t, c, "5.9 million tonnes")
	if !p.Open(id) {
		t.Fatal("Open failed")
	}
	var docs []string
	for _, r := range p.rows {
		docs = append(docs, c.Indicators[r].Doc)
	}
	if got := strings.Join(docs, ","); got != "revised,rail,estimate" {
		t.Errorf("sources %s, want revised,rail,estimate (newest first)", got)
	}
	if p.Current() != id {
		t.Errorf("cursor on %d, want the figure compared, %d", p.Current(), id)
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "+8.5%") || !strings.Contains(v, "-12%") || !strings.Contains(v, "this") {
		t.Errorf("the differences are missing:\n%s", v)
	}
}

// TestFlowCompare: x on a figure other documents contradict lists the
// sources; enter on one opens the reader at it; esc goes back to the table;
// esc in the compare view closes it; x on a figure nobody contradicts says
// so.
func TestFlowCompare(t *testing.T) {
	m := comparing(t, 120, 40)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "3 documents give different figures for rail freight of Alashankou–Dostyk in 2023") {
		t.Fatalf("compare view:\n%s", v)
	}
	m, _ = drive(t, m, keys("k", "enter")...)
	if m.comparing || m.focus != focusReader || m.reader.Document() != "revised" {
		t.Fatalf("enter on the newest source: comparing %v, focus %d, reader on %q", m.comparing, m.focus, m.reader.Document())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Dostyk volumes revised upward") {
		t.Errorf("the reader does not show the source:\n%s", v)
	}
	m, _ = drive(t, m, kp("esc"))
	if m.focus != focusTable || m.comparing {
		t.Errorf("esc from the reader: focus %d, comparing %v; want the table", m.focus, m.comparing)
	}
	m, _ = drive(t, m, keys("x", "esc")...)
	if m.comparing || m.focus != focusTable {
		t.Errorf("esc in the compare view: comparing %v, focus %d", m.comparing, m.focus)
	}
	if q, _ := m.table.Filter(); q != "conflict:yes" {
		t.Errorf("the compare view lost the filter: %q", q)
	}
	m, _ = drive(t, m, kp("esc"))
	m, _ = drive(t, m, keys("x")...)
	if m.comparing || !strings.Contains(m.status, "no other document disagrees") {
		t.Errorf("x on a figure nobody contradicts: comparing %v, status %q", m.comparing, m.status)
	}
}

// TestConflictMark: marked rows carry ≠; conflict:yes keeps just them.
func TestConflictMark(t *testing.T) {
	p := newTablePane(testPaneStyles(), conflictCorpus())
	p.SetSize(100, 20)
	if n := strings.Count(ansi.Strip(p.View()), "≠"); n != 3 {
		t.Errorf("%d marks, want 3", n)
	}
	if n := strings.Count(ansi.Strip(newTablePane(testPaneStyles(), testCorpus()).View()), "≠"); n != 0 {
		t.Errorf("%d marks without conflicts", n)
	}
	p.SetFilter("conflict:yes")
	if _, n := p.Filter(); n != 3 {
		t.Errorf("conflict:yes leaves %d rows, want 3", n)
	}
}
