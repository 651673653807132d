package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"corridor/model"
)

// openAt returns a focused reader of size w×h opened at the fixture
// indicator with the given text.
func openAt(t testing.TB, c *model.Corpus, text string, w, h int) readerPane {
	t.Helper()
	p := newReaderPane(testPaneStyles(), c)
	p.SetSize(w, h)
	p.Focus()
	id := indicatorID(t, c, text)
	in := c.Indicators[id]
	p.Open(in.Doc, in.Span, id, -1)
	return p
}

// press sends keys in order, returning the pane and the last command's
// message (nil when there was no command).
func press(p readerPane, keys ...string) (readerPane, tea.Msg) {
	var msg tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		p, cmd = p.Update(keyMsg(k))
		msg = nil
		if cmd != nil {
			msg = cmd()
		}
	}
	return p, msg
}

// longCorpus is one document of n numbered paragraphs with a figure in
// each, plus the fixture, for scrolling and centring tests.
func longCorpus(n int) *model.Corpus {
	c := testCorpus()
	var b strings.Builder
	var r model.Result
	for i := range n {
		para := fmt.Sprintf("Paragraph %d says that trade grew by %d%% over the year, and more words follow to fill the line out.\n\n", i, i%50)
		fig := fmt.Sprintf("%d%%", i%50)
		start := b.Len() + strings.LastIndex(para, fig)
		b.WriteString(para)
		r.Indicators = append(r.Indicators, model.Indicator{Metric: model.MetricTradeGrowth,
			Quantity: model.Quantity{Value: float64(i % 50), Unit: "%", Span: model.Span{Start: start, End: start + len(fig)}, Text: fig}})
	}
	c.Add(&model.Document{ID: "long", Title: "Long", Text: b.String()}, r)
	return c
}

func TestReaderPane(t *testing.T) {
	c := testCorpus()
	for _, tc := range []struct {
		name string
		keys []string
		w, h int
	}{
		{"80x24", nil, 80, 24},
		{"120x40", nil, 120, 40},
		{"search_80x24", []string{"/", "t", "o", "n"}, 80, 24},
		{"docs_80x24", []string{"d"}, 80, 24},
		{"contents_80x24", []string{"t"}, 80, 24},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := openAt(t, c, "Around 10 million ton", tc.w, tc.h)
			p, _ = press(p, tc.keys...)
			checkFits(t, p.View(), tc.w, tc.h)
			golden.RequireEqual(t, []byte(ansi.Strip(p.View())))
		})
	}
}

func TestReaderNextPrev(t *testing.T) {
	c := testCorpus()
	p := openAt(t, c, "5.9 million tonnes", 80, 24)
	// rail: 10 Mt, In 2023, 5.9 Mt, 12%, 14 Mt, by 2030, January 3, 1992.
	texts := func(p readerPane) string {
		h := p.hls[p.cur]
		if h.ind >= 0 {
			return c.Indicators[h.ind].Text
		}
		return c.Events[h.ev].Text
	}
	if got := texts(p); got != "5.9 million tonnes" {
		t.Fatalf("Open focused %q", got)
	}
	p.Blur()
	if q, msg := press(p, "n", "esc"); q.cur != p.cur || msg != nil {
		t.Errorf("unfocused reader reacted to keys: cur %d, msg %#v", q.cur, msg)
	}
	p.Focus()
	p, _ = press(p, "n")
	if got := texts(p); got != "12%" {
		t.Errorf("n: focused %q", got)
	}
	p, _ = press(p, "N", "N")
	if got := texts(p); got != "In 2023" {
		t.Errorf("N N: focused %q", got)
	}
	if !strings.Contains(ansi.Strip(p.View()), "▶ and Dostyk annually. In 2023") {
		t.Errorf("gutter does not point at the focused line:\n%s", ansi.Strip(p.View()))
	}
	p, msg := press(p, "N", "N")
	if _, ok := msg.(statusMsg); !ok || texts(p) != "Around 10 million ton" {
		t.Errorf("N past the first: msg %#v, focused %q", msg, texts(p))
	}
	_, msg = press(p, "enter")
	if want := (highlightChosenMsg{Indicator: indicatorID(t, c, "Around 10 million ton"), Event: -1}); msg != want {
		t.Errorf("enter: got %#v, want %#v", msg, want)
	}
	_, msg = press(p, "esc")
	if _, ok := msg.(closeReaderMsg); !ok {
		t.Errorf("esc: got %#v", msg)
	}
}

func TestReaderNextScrolls(t *testing.T) {
	c := longCorpus(300)
	p := newReaderPane(testPaneStyles(), c)
	p.SetSize(80, 12)
	p.Focus()
	p.Open("long", model.Span{}, -1, -1)
	for range 40 {
		p, _ = press(p, "n")
		l, top := lineAt(p.lines, p.hls[p.cur].span.Start), p.topLine()
		if l < top || l >= top+p.textHeight() {
			t.Fatalf("highlight %d on line %d, view shows %d–%d", p.cur, l, top, top+p.textHeight())
		}
	}
}

// TestReaderPreview: previewing a figure of the open document keeps the
// place when the figure is on screen and scrolls only when it is not; a
// figure of another document opens that document.
func TestReaderPreview(t *testing.T) {
	c := longCorpus(100)
	var long []int // the long document's indicators, in text order
	for _, in := range c.Indicators {
		if in.Doc == "long" {
			long = append(long, in.ID)
		}
	}
	p := newReaderPane(testPaneStyles(), c)
	p.SetSize(80, 12)
	show := func(id int) {
		in := c.Indicators[id]
		p.Preview(in.Doc, in.Span, id, -1)
	}
	show(long[0])
	top := p.Top()
	show(long[1])
	if p.Top() != top || p.hls[p.cur].ind != long[1] {
		t.Errorf("preview of the next figure, on screen: top %d (was %d), focused %d", p.Top(), top, p.hls[p.cur].ind)
	}
	show(long[50])
	if l, t0 := lineAt(p.lines, p.hls[p.cur].span.Start), p.topLine(); l < t0 || l >= t0+p.textHeight() {
		t.Errorf("preview of a figure off screen did not scroll to it: line %d, top %d", l, t0)
	}
	other := indicatorID(t, c, "Around 10 million ton")
	show(other)
	if p.Document() != c.Indicators[other].Doc {
		t.Errorf("preview of another document's figure: reader on %q", p.Document())
	}
}

// TestReaderWheel: the wheel scrolls three lines, focused or not, and moves
// one entry in a list.
func TestReaderWheel(t *testing.T) {
	c := longCorpus(100)
	p := newReaderPane(testPaneStyles(), c)
	p.SetSize(80, 12)
	p.Open("long", model.Span{}, -1, -1)
	wheel := func(b tea.MouseButton) {
		p, _ = p.Update(tea.MouseMsg{X: 3, Y: 3, Button: b, Action: tea.MouseActionPress})
	}
	wheel(tea.MouseButtonWheelDown)
	wheel(tea.MouseButtonWheelDown)
	if got := p.topLine(); got != 2*readerWheelLines {
		t.Errorf("two notches down from the top: top line %d, want %d", got, 2*readerWheelLines)
	}
	wheel(tea.MouseButtonWheelUp)
	if got := p.topLine(); got != readerWheelLines {
		t.Errorf("one notch back up: top line %d, want %d", got, readerWheelLines)
	}
	for range 5 {
		wheel(tea.MouseButtonWheelUp)
	}
	if got := p.topLine(); got != 0 {
		t.Errorf("wheel past the top: top line %d", got)
	}
	p.Focus()
	p, _ = press(p, "d", "G")
	cur := p.docs.pos // the last document of the list
	wheel(tea.MouseButtonWheelUp)
	if cur < 1 || p.docs.pos != cur-1 {
		t.Errorf("wheel in the document list: cursor %d, was %d", p.docs.pos, cur)
	}
}

func TestReaderSearch(t *testing.T) {
	c := testCorpus()
	p := openAt(t, c, "Around 10 million ton", 80, 24)
	p, _ = press(p, "/", "m", "i", "l", "l", "i", "o", "n")
	if len(p.matches) != 3 {
		t.Fatalf("million: %d matches, want 3", len(p.matches))
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "3 matches") {
		t.Errorf("count not shown:\n%s", v)
	}
	if !p.Typing() {
		t.Error("Typing false while typing a query")
	}
	p, _ = press(p, "enter")
	if p.match != 0 || !strings.Contains(ansi.Strip(p.View()), "1/3 matches") {
		t.Errorf("enter: match %d\n%s", p.match, ansi.Strip(p.View()))
	}
	p, _ = press(p, "n", "enter")
	if p.match != 2 {
		t.Errorf("n enter: match %d, want 2", p.match)
	}
	p, _ = press(p, "n")
	if p.match != 0 {
		t.Errorf("n wraps: match %d, want 0", p.match)
	}
	p, _ = press(p, "N")
	if p.match != 2 {
		t.Errorf("N wraps back: match %d, want 2", p.match)
	}
	p, msg := press(p, "esc")
	if p.query != "" || msg != nil {
		t.Errorf("first esc should clear the search, not close: query %q, msg %#v", p.query, msg)
	}
	p, _ = press(p, "/", "M", "I", "L", "L", "I", "O", "N", "S")
	if len(p.matches) != 0 {
		t.Errorf("MILLIONS: %d matches", len(p.matches))
	}
	p, _ = press(p, "backspace")
	if len(p.matches) != 3 {
		t.Errorf("case-insensitive MILLION: %d matches", len(p.matches))
	}
}

func TestReaderOpenCentres(t *testing.T) {
	c := longCorpus(300)
	for _, h := range []int{12, 24, 40} {
		p := newReaderPane(testPaneStyles(), c)
		p.SetSize(80, h)
		target := c.Indicators[len(c.Indicators)-150] // a figure in the middle of "long"
		p.Open("long", target.Span, target.ID, -1)
		got := lineAt(p.lines, target.Span.Start) - p.topLine()
		if want := p.textHeight() / 3; got != want {
			t.Errorf("h=%d: span on text line %d, want %d", h, got, want)
		}
	}
	// Opening before the first SetSize centres once the size is known.
	p := newReaderPane(testPaneStyles(), c)
	target := c.Indicators[len(c.Indicators)-150]
	p.Open("long", target.Span, target.ID, -1)
	p.SetSize(80, 24)
	if got := lineAt(p.lines, target.Span.Start) - p.topLine(); got != p.textHeight()/3 {
		t.Errorf("open then size: span on text line %d", got)
	}
}

func TestReaderResizeKeepsPlace(t *testing.T) {
	c := longCorpus(300)
	p := newReaderPane(testPaneStyles(), c)
	p.SetSize(80, 24)
	p.Focus()
	p.Open("long", model.Span{}, -1, -1)
	p, _ = press(p, "f", "f", "j", "j", "j")
	top := p.Top()
	for _, w := range []int{40, 120, 23, 80, 9, 200, 80} {
		p.SetSize(w, 24)
		l := p.lines[p.topLine()]
		if l.start > top || (top >= l.end && top != l.start) {
			t.Errorf("w=%d: top line %v does not show offset %d", w, l, top)
		}
		first := strings.Split(ansi.Strip(p.View()), "\n")[1]
		if want := strings.TrimSpace(c.Doc("long").Text[l.start:l.end]); !strings.Contains(first, want) {
			t.Errorf("w=%d: first text line %q, want %q", w, first, want)
		}
	}
	if p.Top() != top {
		t.Errorf("top drifted from %d to %d after resizes", top, p.Top())
	}
}

func TestReaderLists(t *testing.T) {
	c := testCorpus()
	p := openAt(t, c, "Around 10 million ton", 80, 24)
	p, _ = press(p, "d", "j", "enter")
	if p.Document() != "gdp" || p.Top() != 0 || p.mode != readText {
		t.Errorf("docs: opened %q at %d in mode %d", p.Document(), p.Top(), p.mode)
	}
	p, _ = press(p, "t")
	if p.mode != readTOC || len(p.toc) == 0 || p.toc[0].title != "Central Asia's economies" {
		t.Errorf("contents: mode %d, toc %v", p.mode, p.toc)
	}
	p, _ = press(p, "esc")
	if p.mode != readText {
		t.Errorf("esc did not leave the contents")
	}
}

func TestTableOfContents(t *testing.T) {
	var long strings.Builder
	for i := range 100 {
		fmt.Fprintf(&long, "Paragraph %d runs on without any heading at all.\n\n", i)
	}
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"markdown", "# One\n\ntext.\n\n## Two\n\nmore text.\n", []string{"One", "Two"}},
		{"title lines", "A Title\n\nSome sentence here.\n\nNext Part\n\nMore.\n", []string{"A Title", "Next Part"}},
		{"sentences are not titles", "It grew.\n\nIt fell.\n", nil},
		{"long unstructured", long.String(), []string{"Paragraph 0 runs on without any heading at all.",
			"Paragraph 20 runs on without any heading at all.", "Paragraph 40 runs on without any heading at all.",
			"Paragraph 60 runs on without any heading at all.", "Paragraph 80 runs on without any heading at all."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range tableOfContents(tc.text) {
				got = append(got, e.title)
				if !strings.HasPrefix(tc.text[e.off:], strings.TrimSpace(strings.TrimLeft(tc.text[e.off:e.off+1], "#"))) {
					t.Errorf("entry %q at %d", e.title, e.off)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReaderFits(t *testing.T) {
	c := longCorpus(50)
	c.Add(&model.Document{ID: "wide", Title: "宽字符 🚂", Text: strings.Repeat("中亚铁路货运量增长🚂🚂 e\u0301 tab\there ", 40),
		Noise: []model.Span{{Start: 0, End: 9}}}, model.Result{})
	for _, doc := range []string{"", "rail", "long", "wide"} {
		for _, keys := range [][]string{nil, {"n"}, {"/", "e"}, {"t"}, {"d"}, {"G"}} {
			for _, sz := range paneSizes {
				p := newReaderPane(testPaneStyles(), c)
				p.SetSize(sz[0], sz[1])
				p.Focus()
				if doc != "" {
					p.Open(doc, model.Span{Start: 30, End: 33}, -1, -1)
				}
				p, _ = press(p, keys...)
				checkFits(t, p.View(), sz[0], sz[1])
			}
		}
	}
}

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		width      int
		want       []string
	}{
		{"words", "aa bb cc", 5, []string{"aa bb", "cc"}},
		{"break after space", "aa bb cc", 4, []string{"aa ", "bb ", "cc"}},
		{"long word", "abcdefgh", 3, []string{"abc", "def", "gh"}},
		{"newlines", "a\n\nb\n", 10, []string{"a", "", "b"}},
		{"cjk", "中亚铁路", 5, []string{"中亚", "铁路"}},
		{"emoji", "🚂🚂🚂", 4, []string{"🚂🚂", "🚂"}},
		{"combining", "e\u0301e\u0301e\u0301", 2, []string{"e\u0301e\u0301", "e\u0301"}},
		{"wide in narrow", "中a", 1, []string{"中", "a"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range wrapText(tc.text, tc.width) {
				got = append(got, tc.text[l.start:l.end])
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// benchCorpus is one document of about 2 MB with 40,000 highlights.
func benchCorpus() *model.Corpus {
	return longCorpus(20000)
}

func BenchmarkReaderView(b *testing.B) {
	c := benchCorpus()
	p := newReaderPane(testPaneStyles(), c)
	p.SetSize(120, 40)
	p.Focus()
	mid := c.Indicators[len(c.Indicators)-10000]
	p.Open("long", mid.Span, mid.ID, -1)
	b.ResetTimer()
	for i := range b.N {
		key := "n"
		if i%2 == 1 {
			key = "j"
		}
		p, _ = p.Update(keyMsg(key))
		_ = p.View()
	}
}
