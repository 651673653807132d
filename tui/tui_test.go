package tui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
)

// drive sends each message to the root as the bubbletea runtime would, but
// synchronously: every command returned is run and its message fed back
// before the next input, as a person typing is slower than a command. It
// returns the model and whether the program asked to quit.
func drive(t testing.TB, m Model, msgs ...tea.Msg) (Model, bool) {
	t.Helper()
	quit, steps := false, 0
	var step func(tea.Msg)
	var run func(tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.QuitMsg:
			quit = true
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		default:
			step(msg)
		}
	}
	step = func(msg tea.Msg) {
		if steps++; steps > 10000 {
			t.Fatal("messages loop without end")
		}
		nm, cmd := m.Update(msg)
		m = nm.(Model)
		run(cmd)
	}
	for _, msg := range msgs {
		if quit {
			break
		}
		step(msg)
	}
	return m, quit
}

// keys turns key names into messages: "enter", "esc", "tab"... or runes,
// one message per rune ("/rail" is five keys).
func keys(names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		if k := kp(n); k.Type != tea.KeyRunes {
			out = append(out, k)
			continue
		}
		for _, r := range n {
			out = append(out, kp(string(r)))
		}
	}
	return out
}

// newTestModel is the dashboard on the fixture corpus at w×h.
func newTestModel(t *testing.T, w, h int, opts ...Option) Model {
	t.Helper()
	m, _ := drive(t, New(testCorpus(), testStyles(), 0, 0, opts...), tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// checkScreen fails unless the view fills exactly w×h cells.
func checkScreen(t *testing.T, m Model, w, h int) {
	t.Helper()
	v := m.View()
	if w <= 0 || h <= 0 {
		if v != "" {
			t.Errorf("%dx%d: want an empty view", w, h)
		}
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%dx%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}

func TestDashboard(t *testing.T) {
	for _, tc := range []struct {
		name string
		w, h int
		opts []Option
		keys []string
	}{
		{"80x24", 80, 24, nil, nil},
		{"120x40", 120, 40, nil, nil},
		{"help_80x24", 80, 24, nil, []string{"?"}},
		{"help_120x40", 120, 40, nil, []string{"?"}},
		{"reader_80x24", 80, 24, nil, []string{"enter"}},
		{"reader_120x40", 120, 40, nil, []string{"enter"}},
		{"timeline_80x24", 80, 24, nil, []string{"3"}},
		{"filtered_120x40", 120, 40, []Option{WithFilter("rail freight")}, nil},
		{"too_small_59x15", 59, 15, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestModel(t, tc.w, tc.h, tc.opts...)
			m, _ = drive(t, m, keys(tc.keys...)...)
			checkScreen(t, m, tc.w, tc.h)
			golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
		})
	}
}

func TestDashboardFits(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 5}, {59, 15}, {60, 16}, {80, 24}, {100, 30}, {119, 35}, {120, 36}, {120, 40}, {200, 60}}
	states := map[string][]string{"start": nil, "help": {"?"}, "reader": {"enter"}, "filter": {"/", "rail"}, "grouped": {"b"}}
	for _, sz := range sizes {
		for name, ks := range states {
			t.Run(fmt.Sprintf("%dx%d_%s", sz[0], sz[1], name), func(t *testing.T) {
				m := newTestModel(t, sz[0], sz[1])
				m, _ = drive(t, m, keys(ks...)...)
				checkScreen(t, m, sz[0], sz[1])
			})
		}
	}
}

// TestFlowOpenSource: enter on an indicator opens the reader at its span,
// esc comes back to the table.
func TestFlowOpenSource(t *testing.T) {
	m := newTestModel(t, 80, 24)
	m, _ = drive(t, m, keys("j", "enter")...)
	if m.focus != focusReader || m.reader.Document() != "rail" {
		t.Fatalf("after enter: focus %d, reader on %q; want the reader on \"rail\"", m.focus, m.reader.Document())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "5.9 million tonnes") || !strings.Contains(v, "[2 Chart] · 3 Timeline · 4 Reader") && !strings.Contains(v, "[4 Reader]") {
		t.Errorf("the reader does not show the figure's sentence:\n%s", v)
	}
	m, _ = drive(t, m, kp("esc"))
	if m.focus != focusTable || m.table.Current() != 1 {
		t.Errorf("after esc: focus %d on indicator %d; want the table on 1", m.focus, m.table.Current())
	}
}

// TestFlowPreview: in the four-pane layout the reader follows the table's
// and the timeline's cursors without taking the focus or adding history;
// enter still moves the focus there, and esc comes back. In the two-pane
// layout, with the reader off screen, nothing is opened.
func TestFlowPreview(t *testing.T) {
	m := newTestModel(t, 120, 40)
	c := m.corpus
	if id := m.table.Current(); m.reader.Document() != c.Indicators[id].Doc {
		t.Fatalf("at start the reader shows %q, want the first row's document %q", m.reader.Document(), c.Indicators[id].Doc)
	}
	for range 4 {
		m, _ = drive(t, m, kp("j"))
		id := m.table.Current()
		if m.focus != focusTable || len(m.history) != 0 || m.reader.Document() != c.Indicators[id].Doc {
			t.Fatalf("after j to %d: focus %d, history %v, reader on %q; want the table focused and the reader on %q",
				id, m.focus, m.history, m.reader.Document(), c.Indicators[id].Doc)
		}
		if v := ansi.Strip(m.reader.View()); !strings.Contains(v, "▶ ") || !strings.Contains(v, metricLabel(c.Indicators[id].Metric)) {
			t.Errorf("the reader does not point at indicator %d's sentence:\n%s", id, v)
		}
	}
	m, _ = drive(t, m, keys("3", "j", "j")...)
	ev := m.timeline.Cursor()
	if m.focus != focusTimeline || m.reader.Document() != c.Events[ev].Doc {
		t.Fatalf("timeline cursor on event %d: focus %d, reader on %q; want %q", ev, m.focus, m.reader.Document(), c.Events[ev].Doc)
	}
	m, _ = drive(t, m, kp("enter"))
	if m.focus != focusReader {
		t.Fatalf("enter on the timeline: focus %d, want the reader", m.focus)
	}
	m, _ = drive(t, m, kp("esc"))
	if m.focus != focusTimeline {
		t.Errorf("esc: focus %d, want the timeline", m.focus)
	}

	m = newTestModel(t, 80, 24) // the chart under the table: no reader on screen
	m, _ = drive(t, m, kp("j"))
	if m.reader.Document() != "" {
		t.Errorf("two-pane layout without the reader: it opened %q anyway", m.reader.Document())
	}
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if id := m.table.Current(); m.reader.Document() != c.Indicators[id].Doc {
		t.Errorf("grown to four panes: the reader shows %q, want %q", m.reader.Document(), c.Indicators[id].Doc)
	}
}

// TestFlowFollowHighlight: from the reader, enter on a highlight focuses
// its indicator in the table, even when the filter hid it; esc goes back to
// the reader.
func TestFlowFollowHighlight(t *testing.T) {
	m := newTestModel(t, 120, 40, WithFilter("kazakhstan gdp"))
	c := m.corpus
	m, _ = drive(t, m, tea.KeyMsg{Type: tea.KeyEnter}) // open "approximately 60%" in "gdp"
	if m.focus != focusReader || m.reader.Document() != "gdp" {
		t.Fatalf("reader not open on gdp: focus %d, doc %q", m.focus, m.reader.Document())
	}
	m, _ = drive(t, m, kp("n"), kp("enter")) // the next highlight, then follow it
	id := m.table.Current()
	if m.focus != focusTable || id < 0 || c.Indicators[id].Text != "between 6% and 7%" {
		t.Fatalf("after following: focus %d, table on %d; want the table on \"between 6%% and 7%%\"", m.focus, id)
	}
	if q, _ := m.table.Filter(); q != "" {
		t.Errorf("the filter %q hides the indicator followed; it should have been cleared", q)
	}
	if m.current != id {
		t.Errorf("chart and timeline show %d, want %d", m.current, id)
	}
	m, _ = drive(t, m, kp("esc"))
	if m.focus != focusReader {
		t.Errorf("esc after following a highlight: focus %d, want the reader", m.focus)
	}
}

// TestFlowFilter: / and typing filter live; keys that are global elsewhere
// are text while typing; enter keeps the filter and the focus.
func TestFlowFilter(t *testing.T) {
	m := newTestModel(t, 80, 24)
	m, quit := drive(t, m, keys("/", "q1?", "backspace", "backspace", "backspace", "rail freight", "enter")...)
	if quit {
		t.Fatal("q quit while typing the filter")
	}
	if q, n := m.table.Filter(); q != "rail freight" || n != 4 || m.focus != focusTable || m.table.Typing() {
		t.Fatalf("filter %q (%d rows), focus %d, typing %v; want \"rail freight\", 4 rows, the table, not typing", q, n, m.focus, m.table.Typing())
	}
	if id := m.table.Current(); m.corpus.Indicators[id].Text != "Around 10 million ton" || m.current != id {
		t.Errorf("best match %d (panes show %d), want \"Around 10 million ton\"", id, m.current)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "filter “rail freight”: 4 shown") {
		t.Errorf("the header does not show the filter:\n%s", v)
	}
	m, _ = drive(t, m, kp("esc"))
	if q, n := m.table.Filter(); q != "" || n != 12 {
		t.Errorf("esc left filter %q with %d rows", q, n)
	}
	m, quit = drive(t, m, keys("/", "ctrl+c")...)
	if !quit {
		t.Error("ctrl+c did not quit while typing")
	}
}

// TestFlowResize: four panes, two, too small, and back.
func TestFlowResize(t *testing.T) {
	m := newTestModel(t, 120, 40)
	for _, tc := range []struct {
		w, h    int
		mode    layoutMode
		visible int
	}{
		{120, 40, modeFull, 4}, {80, 24, modeCompact, 2}, {50, 12, modeTooSmall, 0}, {59, 30, modeTooSmall, 0},
		{80, 24, modeCompact, 2}, {160, 50, modeFull, 4},
	} {
		m, _ = drive(t, m, tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
		n := 0
		for _, r := range m.rects {
			if r.w > 0 {
				n++
			}
		}
		if m.mode() != tc.mode || n != tc.visible {
			t.Errorf("%dx%d: mode %d with %d panes, want %d with %d", tc.w, tc.h, m.mode(), n, tc.mode, tc.visible)
		}
		tooSmall := strings.Contains(ansi.Strip(m.View()), "Terminal too small")
		if tooSmall != (tc.mode == modeTooSmall) {
			t.Errorf("%dx%d: too-small message shown = %v", tc.w, tc.h, tooSmall)
		}
		checkScreen(t, m, tc.w, tc.h)
	}
}

// TestFlowFocusKeys: tab, shift+tab and 1-4 move the focus, and the
// two-pane layout follows it.
func TestFlowFocusKeys(t *testing.T) {
	m := newTestModel(t, 80, 24)
	for _, tc := range []struct {
		key  string
		want focus
	}{{"tab", focusChart}, {"tab", focusTimeline}, {"tab", focusReader}, {"tab", focusTable},
		{"shift+tab", focusReader}, {"1", focusTable}, {"3", focusTimeline}, {"2", focusChart}, {"esc", focusTable}} {
		m, _ = drive(t, m, kp(tc.key))
		if m.focus != tc.want {
			t.Fatalf("%s: focus %d, want %d", tc.key, m.focus, tc.want)
		}
		if tc.want != focusTable && m.rects[tc.want].w == 0 {
			t.Errorf("%s: pane %d focused but not on screen", tc.key, tc.want)
		}
	}
	if _, quit := drive(t, m, kp("q")); !quit {
		t.Error("q did not quit")
	}
}

// TestFlowHelp: ? lists the focused pane's and the global keys, with their
// current bindings.
func TestFlowHelp(t *testing.T) {
	m := newTestModel(t, 80, 24, WithKeys(map[string][]string{"quit": {"x"}, "filter": {"f"}}))
	m, _ = drive(t, m, kp("?"))
	v := ansi.Strip(m.View())
	for _, want := range []string{"Keys: Indicators and global", "f", "filter", "x", "quit", "next pane", "open source"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
	m, _ = drive(t, m, kp("esc"))
	if m.showHelp {
		t.Error("esc did not close the help")
	}
	if strings.Contains(ansi.Strip(m.View()), "q quit") {
		t.Error("the footer still shows q for quit after rebinding it to x")
	}
	if _, quit := drive(t, m, kp("q")); quit {
		t.Error("q still quits after rebinding quit to x")
	}
	m, _ = drive(t, m, kp("f"))
	if !m.table.Typing() {
		t.Error("f (rebound filter) did not start the filter")
	}
	if _, quit := drive(t, m, kp("esc"), kp("x")); !quit {
		t.Error("x (rebound quit) did not quit")
	}
}

// TestFlowCopy: y writes the focused figure and its source as OSC 52 to the
// writer given, never to the process's stdout.
func TestFlowCopy(t *testing.T) {
	var out bytes.Buffer
	m := newTestModel(t, 80, 24, WithClipboard(&out, ""))
	m, _ = drive(t, m, kp("y"))
	s := out.String()
	if !strings.HasPrefix(s, "\x1b]52;c;") {
		t.Fatalf("no OSC 52 sequence written: %q", s)
	}
	text, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(strings.TrimPrefix(s, "\x1b]52;c;"), "\a"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"~10 Mt/yr — rail freight, Alashankou–Dostyk", "Rail freight through Dostyk keeps growing (rail.txt",
		"“Around 10 million ton of rail freight crosses the border between Alashankou and Dostyk annually.”"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("copied text lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(ansi.Strip(m.View()), "copied ~10 Mt/yr") {
		t.Errorf("no confirmation in the footer:\n%s", ansi.Strip(m.View()))
	}
	m = newTestModel(t, 80, 24) // no clipboard writer: an error, not a crash
	m, _ = drive(t, m, kp("y"))
	if !m.isErr {
		t.Error("copy without a clipboard writer did not report an error")
	}
}

// TestFlowMouse: a click focuses the pane under the pointer and selects the
// row; the wheel scrolls the pane under the pointer.
func TestFlowMouse(t *testing.T) {
	m := newTestModel(t, 120, 40)
	tl := m.rects[focusTimeline]
	m, _ = drive(t, m, tea.MouseMsg{X: tl.x + 3, Y: tl.y + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.focus != focusTimeline {
		t.Errorf("click on the timeline: focus %d", m.focus)
	}
	tb := m.rects[focusTable]
	m, _ = drive(t, m, tea.MouseMsg{X: tb.x + 5, Y: tb.y + 1 + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.focus != focusTable || m.table.Current() != 2 || m.current != 2 {
		t.Errorf("click on the table's third row: focus %d, row %d, panes on %d", m.focus, m.table.Current(), m.current)
	}
	m, _ = drive(t, m, tea.MouseMsg{X: tb.x + 5, Y: tb.y + 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.table.Current() != 5 {
		t.Errorf("wheel on the table: row %d, want 5", m.table.Current())
	}
	before := m.timeline.Cursor()
	m, _ = drive(t, m, tea.MouseMsg{X: tl.x + 3, Y: tl.y + 3, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.focus != focusTable || m.timeline.Cursor() == before {
		t.Errorf("wheel on the unfocused timeline: focus %d, cursor %d (was %d)", m.focus, m.timeline.Cursor(), before)
	}
}

// TestFlowEventSource: enter on an event in the timeline opens its source;
// esc returns to the timeline, not the table.
func TestFlowEventSource(t *testing.T) {
	m := newTestModel(t, 80, 24)
	m, _ = drive(t, m, keys("3", "j", "enter")...)
	if m.focus != focusReader || m.reader.Document() == "" {
		t.Fatalf("enter on an event: focus %d, reader on %q", m.focus, m.reader.Document())
	}
	m, _ = drive(t, m, kp("esc"))
	if m.focus != focusTimeline {
		t.Errorf("esc: focus %d, want the timeline", m.focus)
	}
}

// TestNoColor: with the Ascii profile (NO_COLOR, or a dumb SSH client) the
// dashboard writes no escape sequence at all.
func TestNoColor(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	m, _ := drive(t, New(testCorpus(), NewStyles(r, ThemeAuto), 120, 40), keys("/", "rail", "enter", "enter")...)
	if v := m.View(); strings.Contains(v, "\x1b") {
		i := strings.Index(v, "\x1b")
		t.Errorf("escape sequence in a NO_COLOR view: %q", v[max(0, i-20):min(len(v), i+20)])
	}
}
