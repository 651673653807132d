package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// Helpers shared by the chart, timeline and reader pane tests.

// testStyles are the styles every pane test renders with: the dark theme,
// so that styled output is exercised even though goldens strip it.
func testStyles() Styles { return NewStyles(lipgloss.DefaultRenderer(), ThemeDark) }

// testPaneStyles returns the test styles by pointer, as the root hands them
// to its panes.
func testPaneStyles() *Styles { st := testStyles(); return &st }

// indicatorID finds a fixture indicator by its text.
func indicatorID(t testing.TB, c *model.Corpus, text string) int {
	t.Helper()
	for _, in := range c.Indicators {
		if in.Text == text {
			return in.ID
		}
	}
	t.Fatalf("no indicator %q", text)
	return -1
}

// checkFits fails unless view has exactly h lines, none wider than w.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if h <= 0 {
		if view != "" {
			t.Errorf("%dx%d: want empty view, got %q", w, h, view)
		}
		return
	}
	if len(lines) != h {
		t.Errorf("%dx%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %d is %d wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}

// paneSizes are the sizes every pane is drawn at in the fit tests,
// including degenerate ones that must not panic.
var paneSizes = [][2]int{{0, 0}, {1, 1}, {10, 3}, {5, 10}, {20, 5}, {40, 12}, {80, 24}, {120, 40}, {200, 8}, {33, 17}}

// keyMsg builds the key message bubbletea sends for s ("enter", "esc", or
// runes).
func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}
