package tui

import (
	"fmt"
	tea "github.com/charmbracelet/bubbletea"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// kp builds the key message bubbletea sends for a key name or for runes.
func kp(s string) tea.KeyMsg {
	for _, k := range []struct {
		name string
		t    tea.KeyType
	}{{"enter", tea.KeyEnter}, {"esc", tea.KeyEsc}, {"up", tea.KeyUp}, {"down", tea.KeyDown},
		{"tab", tea.KeyTab}, {"shift+tab", tea.KeyShiftTab}, {"ctrl+c", tea.KeyCtrlC},
		{"pgdown", tea.KeyPgDown}, {"pgup", tea.KeyPgUp}, {"backspace", tea.KeyBackspace}, {"left", tea.KeyLeft}} {
		if s == k.name {
			return tea.KeyMsg{Type: k.t}
		}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// typeKeys sends every rune of s to the table as a key.
func typeKeys(p tablePane, s string) tablePane {
	for _, r := range s {
		p, _ = p.Update(kp(string(r)))
	}
	return p
}

func TestTablePane(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string // sent one by one, focused
		w, h int
	}{
		{"80x24", nil, 80, 24},
		{"120x40", nil, 120, 40},
		{"sorted_value_desc_80x24", []string{"l", "l", "l", "r"}, 80, 24},
		{"grouped_metric_80x24", []string{"b", "j", "j"}, 80, 24},
		{"grouped_subject_120x40", []string{"b", "b"}, 120, 40},
		{"filter_typing_80x24", []string{"/", "h", "o", "n", "g"}, 80, 24},
		{"filter_applied_80x24", []string{"/", "d", "o", "s", "t", "y", "k", "enter"}, 80, 24},
		{"no_match_80x24", []string{"/", "z", "z", "z", "enter"}, 80, 24},
		{"scrolled_60x8", []string{"G"}, 60, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testCorpus()
			p := newTablePane(testPaneStyles(), c)
			p.SetSparkline(newChartPane(testPaneStyles(), c).SparklineYears) // as the root does
			p.SetSize(tc.w, tc.h)
			p.Focus()
			for _, k := range tc.keys {
				p, _ = p.Update(kp(k))
			}
			checkFits(t, p.View(), tc.w, tc.h)
			golden.RequireEqual(t, []byte(ansi.Strip(p.View())))
		})
	}
}

func TestTableFits(t *testing.T) {
	for _, sz := range paneSizes {
		for _, keys := range []string{"", "b", "/rail"} {
			c := testCorpus()
			p := newTablePane(testPaneStyles(), c)
			p.SetSparkline(newChartPane(testPaneStyles(), c).SparklineYears)
			p.SetSize(sz[0], sz[1])
			p.Focus()
			p = typeKeys(p, keys)
			t.Run(fmt.Sprintf("%dx%d_%q", sz[0], sz[1], keys), func(t *testing.T) { checkFits(t, p.View(), sz[0], sz[1]) })
		}
	}
}

func TestTableFilter(t *testing.T) {
	c := testCorpus()
	for _, tc := range []struct {
		name, query string
		first       string // the text of the best match, "" for none
		n           int
	}{
		{"phrase first", "rail freight", "Around 10 million ton", 4},
		{"subject and title", "dostyk", "Around 10 million ton", 4},
		{"case and order", "KAZAKHSTAN gdp", "approximately 60%", 1},
		{"letters in order", "frght", "Around 10 million ton", 4},
		{"value as shown", "HK$2.0 tn", "HK$2 trillion", 1},
		{"document title", "shanghai firms", "over 1,400", 4},
		{"period", "2030", "14 million tonnes", 1},
		{"nothing", "zzzz", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newTablePane(testPaneStyles(), c)
			p.SetSize(80, 20)
			p.SetFilter(tc.query)
			q, n := p.Filter()
			if q != tc.query || n != tc.n {
				t.Errorf("Filter() = %q, %d; want %q, %d", q, n, tc.query, tc.n)
			}
			got := ""
			if id := p.Current(); id >= 0 {
				got = c.Indicators[id].Text
			}
			if got != tc.first {
				t.Errorf("first match %q, want %q", got, tc.first)
			}
		})
	}
}

func TestTableKeepsCursorOnResort(t *testing.T) {
	c := testCorpus()
	p := newTablePane(testPaneStyles(), c)
	p.SetSize(80, 10)
	p.Focus()
	p, _ = p.Update(kp("G"))
	want := p.Current()
	for _, k := range []string{"l", "r", "b", "b", "h", "b"} {
		var cmd tea.Cmd
		p, cmd = p.Update(kp(k))
		if p.Current() != want {
			t.Fatalf("after %q the cursor is on %d, want %d", k, p.Current(), want)
		}
		if cmd != nil {
			t.Errorf("after %q: a command although the focused indicator did not change", k)
		}
	}
}

func TestTableMessages(t *testing.T) {
	c := testCorpus()
	p := newTablePane(testPaneStyles(), c)
	p.SetSize(80, 10)
	if _, cmd := p.Update(kp("j")); cmd != nil {
		t.Errorf("an unfocused table answered a key")
	}
	p.Focus()
	p, cmd := p.Update(kp("j"))
	if msg, ok := cmd().(indicatorFocusedMsg); !ok || msg.ID != 1 {
		t.Errorf("down: got %#v, want indicatorFocusedMsg{1}", cmd())
	}
	_, cmd = p.Update(kp("enter"))
	want := openSourceMsg{Doc: "rail", Span: c.Indicators[1].Span, Indicator: 1, Event: -1}
	if msg := cmd(); msg != want {
		t.Errorf("enter: got %#v, want %#v", msg, want)
	}
}

func TestTableMouse(t *testing.T) {
	p := newTablePane(testPaneStyles(), testCorpus())
	p.SetSize(80, 10)
	p, _ = p.Update(tea.MouseMsg{X: 5, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if p.Current() != 2 {
		t.Errorf("click on line 3 selected %d, want row 2", p.Current())
	}
	p, _ = p.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if p.Current() != 5 {
		t.Errorf("wheel down moved to %d, want 5", p.Current())
	}
}
