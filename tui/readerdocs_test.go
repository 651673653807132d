package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// listed returns the IDs of the documents the list shows, in order.
func listed(p readerPane) string {
	var ids []string
	for _, i := range p.docs.rows {
		ids = append(ids, p.c.Documents[i].ID)
	}
	return strings.Join(ids, ",")
}

// TestReaderDocList: d lists the documents newest first, the cursor on
// the open one; s cycles to title and figure order; / filters as typed,
// enter keeps the filter, esc clears it, a second esc leaves the list.
func TestReaderDocList(t *testing.T) {
	c := conflictCorpus()
	p := openAt(t, c, "Around 10 million ton", 80, 24)
	p, _ = press(p, "d")
	if got := listed(p); got != "revised,hkex,rail,estimate,gdp" {
		t.Errorf("by date: %s", got)
	}
	if id := p.c.Documents[p.docs.rows[p.docs.pos]].ID; id != "rail" {
		t.Errorf("cursor on %s, want the open document", id)
	}
	for _, tc := range []struct{ key, want string }{
		{"s", "gdp,revised,estimate,rail,hkex"}, // by title
		{"s", "gdp,rail,hkex,revised,estimate"}, // by figures, then title
		{"s", "revised,hkex,rail,estimate,gdp"}, // by date again
	} {
		p, _ = press(p, tc.key)
		if got := listed(p); got != tc.want {
			t.Errorf("after %s: %s, want %s", tc.key, got, tc.want)
		}
	}
	p, _ = press(p, "/", "d", "o", "s")
	if !p.Typing() || listed(p) != "revised,rail" {
		t.Errorf("filter \"dos\": typing %v, %s", p.Typing(), listed(p))
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "2 of 5 documents") {
		t.Errorf("no count:\n%s", v)
	}
	p, _ = press(p, "enter")
	if p.Typing() || listed(p) != "revised,rail" || p.mode != readDocs {
		t.Errorf("enter: typing %v, %s, mode %d", p.Typing(), listed(p), p.mode)
	}
	p, _ = press(p, "k", "enter")
	if p.Document() != "revised" || p.mode != readText {
		t.Errorf("enter opened %q in mode %d", p.Document(), p.mode)
	}
	p, _ = press(p, "d", "esc")
	if p.docs.filter != "" || p.mode != readDocs || listed(p) != "revised,hkex,rail,estimate,gdp" {
		t.Errorf("esc: filter %q, mode %d, %s", p.docs.filter, p.mode, listed(p))
	}
	p, _ = press(p, "esc")
	if p.mode != readText {
		t.Errorf("a second esc did not leave the list")
	}
}

// TestReaderDocListGolden: the list sorted by title and filtered.
func TestReaderDocListGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"by_title_80x24", 80, 24, []string{"d", "s"}},
		{"filtering_120x40", 120, 40, []string{"d", "/", "h", "o", "n", "g"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := openAt(t, conflictCorpus(), "Around 10 million ton", tc.w, tc.h)
			p, _ = press(p, tc.keys...)
			checkFits(t, p.View(), tc.w, tc.h)
			golden.RequireEqual(t, []byte(ansi.Strip(p.View())))
		})
	}
}
