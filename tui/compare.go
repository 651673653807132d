package tui

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// The compare view: the figures that disagree with one (model.Corpus.
// Conflicts), and that one, side by side, newest document first, each with
// its value, how far it is from the figure compared, its date, document and
// sentence. It is how an analyst spots a stale or wrong number before
// quoting it. The root shows it over the panes (x on a marked row of the
// table); enter opens the reader at a source, esc closes.

// compareKeyMap are the compare view's keys.
type compareKeyMap struct {
	Up, Down key.Binding // move between sources
	Open     key.Binding // open the reader at the source
	Close    key.Binding // back to the dashboard
}

// defaultCompareKeyMap returns the compare view's keys.
func defaultCompareKeyMap() compareKeyMap {
	return compareKeyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open source")),
		Close: key.NewBinding(key.WithKeys("esc", "x"), key.WithHelp("esc", "close")),
	}
}

// Named returns the bindings by their config-file names.
func (k *compareKeyMap) Named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"compare.up": &k.Up, "compare.down": &k.Down, "compare.open": &k.Open, "compare.close": &k.Close,
	}
}

// ShortHelp implements help.KeyMap.
func (k compareKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Open, k.Close} }

// FullHelp implements help.KeyMap.
func (k compareKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// comparePane is the compare view over one figure.
type comparePane struct {
	st   *Styles
	c    *model.Corpus
	keys compareKeyMap

	id     int   // the figure compared, or -1 when closed
	rows   []int // it and the figures disagreeing with it, newest document first
	cur    int   // index in rows
	offset int   // first line on screen
	w, h   int
}

// newComparePane returns a closed compare view over c.
func newComparePane(st *Styles, c *model.Corpus) comparePane {
	return comparePane{st: st, c: c, keys: defaultCompareKeyMap(), id: -1}
}

// SetCorpus moves the view to a new snapshot of a changing corpus: the
// figure compared is found again by its Key (IDs shift between snapshots)
// and its conflicts recomputed; if it went away, the view closes (Open
// reports false and the root stops showing it).
func (p *comparePane) SetCorpus(c *model.Corpus) bool {
	if p.id < 0 || p.id >= len(p.c.Indicators) {
		p.c = c
		return false
	}
	k := p.c.Indicators[p.id].Key()
	p.c = c
	return p.Open(c.FindIndicator(k))
}

// SetSize sets the inner size.
func (p *comparePane) SetSize(w, h int) {
	p.w, p.h = max(w, 0), max(h, 0)
	p.scrollToCursor()
}

// SetKeyMap replaces the view's keys.
func (p *comparePane) SetKeyMap(km compareKeyMap) { p.keys = km }

// Open shows figure id against those that disagree with it, the cursor on
// id itself; it reports false when there is no such figure.
func (p *comparePane) Open(id int) bool {
	if id < 0 || id >= len(p.c.Indicators) {
		p.id, p.rows = -1, nil
		return false
	}
	p.id, p.offset = id, 0
	p.rows = append([]int{id}, p.c.Conflicts(id)...)
	// Newest document first, as Conflicts orders the others, with the
	// figure compared put in its place among them.
	slices.SortStableFunc(p.rows, func(a, b int) int {
		da, db := p.docDate(a), p.docDate(b)
		if n := cmpDates(db, da); n != 0 {
			return n
		}
		return cmp.Compare(a, b)
	})
	p.cur = slices.Index(p.rows, id)
	p.scrollToCursor()
	return true
}

// Current returns the figure under the cursor, or -1.
func (p comparePane) Current() int {
	if p.cur < 0 || p.cur >= len(p.rows) {
		return -1
	}
	return p.rows[p.cur]
}

func (p comparePane) docDate(id int) model.Date {
	if d := p.c.Doc(p.c.Indicators[id].Doc); d != nil {
		return d.Date
	}
	return model.Date{}
}

// cmpDates orders dates, unknown parts first.
func cmpDates(a, b model.Date) int {
	if n := cmp.Compare(a.Year, b.Year); n != 0 {
		return n
	}
	if n := cmp.Compare(a.Month, b.Month); n != 0 {
		return n
	}
	return cmp.Compare(a.Day, b.Day)
}

// Update moves between sources; enter reports openSourceMsg, esc
// closeCompareMsg.
func (p comparePane) Update(msg tea.Msg) (comparePane, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(km, p.keys.Up):
		p.cur = max(p.cur-1, 0)
	case key.Matches(km, p.keys.Down):
		p.cur = max(min(p.cur+1, len(p.rows)-1), 0)
	case key.Matches(km, p.keys.Open):
		if id := p.Current(); id >= 0 {
			in := &p.c.Indicators[id]
			return p, func() tea.Msg { return openSourceMsg{Doc: in.Doc, Span: in.Span, Indicator: id, Event: -1} }
		}
	case key.Matches(km, p.keys.Close):
		return p, func() tea.Msg { return closeCompareMsg{} }
	}
	p.scrollToCursor()
	return p, nil
}

// Title names what is compared, for the frame.
func (p comparePane) Title() string {
	if p.id < 0 {
		return "Compare"
	}
	in := &p.c.Indicators[p.id]
	t := "Compare · " + metricLabel(in.Metric) + " · " + subjectLabel(in.Subject)
	if s := formatPeriod(in.Period); s != "" {
		t += " · " + s
	}
	return t
}

// sentenceLines is how many lines of its sentence each source shows.
func (p comparePane) sentenceLines() int {
	if p.h >= 30 {
		return 3
	}
	return 2
}

// blockStart returns the first line of source i among the lines under the
// headings: each source is its line, its sentence (as many lines as it
// wraps to, up to sentenceLines) and a blank line.
func (p comparePane) blockStart(i int) int {
	n := 0
	for _, id := range p.rows[:i] {
		n += 2 + len(p.sentence(&p.c.Indicators[id]))
	}
	return n
}

// scrollToCursor keeps the cursor's source on screen under the two lines
// of headings.
func (p *comparePane) scrollToCursor() {
	if p.cur < 0 || p.cur >= len(p.rows) {
		return
	}
	body := max(p.h-2, 1)
	top := p.blockStart(p.cur)
	bottom := top + len(p.sentence(&p.c.Indicators[p.rows[p.cur]]))
	if top < p.offset {
		p.offset = top
	}
	if bottom > p.offset+body {
		p.offset = max(bottom-body, 0)
	}
}

// View draws a summary line, the column titles and one block per source:
// the date, value, difference from the figure compared and document, then
// the sentence, wrapped.
func (p comparePane) View() string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	if p.id < 0 {
		return fitView([]string{p.st.Muted.Render("Nothing to compare.")}, p.w, p.h)
	}
	base := &p.c.Indicators[p.id]
	lines := []string{p.st.Accent.Render(ansi.Truncate(fmt.Sprintf("%d documents give different figures for %s of %s%s; newest first.",
		p.docCount(), metricLabel(base.Metric), subjectLabel(base.Subject), periodPhrase(base.Period)), p.w, "…"))}
	const dateW, valW, diffW = 10, 11, 8
	titleW := max(p.w-2-dateW-valW-diffW-3, 4)
	lines = append(lines, p.st.TableHeader.Render(cell("  "+cell("Date", dateW, false)+" "+cell("Value", valW, true)+" "+
		cell("vs this", diffW, true)+" "+"Document", p.w, false)))
	var body []string
	for i, id := range p.rows {
		in := &p.c.Indicators[id]
		d := p.c.Doc(in.Doc)
		date, title := "no date", in.Doc
		if d != nil {
			if s := d.Date.String(); s != "" {
				date = s
			}
			if d.Title != "" {
				title = d.Title
			}
		}
		diff := "this"
		if id != p.id {
			diff = relDiff(in, base)
		}
		row := cell(date, dateW, false) + " " + cell(formatValue(in), valW, true) + " " + cell(diff, diffW, true) + " " + cell(title, titleW, false)
		if i == p.cur {
			body = append(body, p.st.TableSelected.Render(cell("▸ "+row, p.w, false)))
		} else {
			body = append(body, p.st.TableRow.Render(cell("  "+row, p.w, false)))
		}
		body = append(body, p.sentence(in)...)
		body = append(body, "")
	}
	end := min(p.offset+max(p.h-2, 0), len(body))
	lines = append(lines, body[min(p.offset, end):end]...)
	return fitView(lines, p.w, p.h)
}

// sentence wraps a source's sentence to the width, indented, with the
// figure highlighted, in at most sentenceLines lines.
func (p comparePane) sentence(in *model.Indicator) []string {
	n := p.sentenceLines()
	d := p.c.Doc(in.Doc)
	text := in.Text
	if d != nil && in.Sentence.Start >= 0 && in.Sentence.End <= len(d.Text) && in.Sentence.Start < in.Sentence.End {
		text = d.Text[in.Sentence.Start:in.Sentence.End]
	}
	text = strings.Join(strings.Fields(text), " ")
	wrapped := strings.Split(ansi.Wordwrap(text, max(p.w-4, 8), ""), "\n")
	if len(wrapped) > n {
		wrapped = wrapped[:n]
		wrapped[n-1] = ansi.Truncate(wrapped[n-1]+" …", max(p.w-4, 8), "…")
	}
	out := make([]string, len(wrapped))
	for i, l := range wrapped {
		if k := strings.Index(l, in.Text); k >= 0 && in.Text != "" {
			l = p.st.Muted.Render(l[:k]) + p.st.Highlight.Render(in.Text) + p.st.Muted.Render(l[k+len(in.Text):])
		} else {
			l = p.st.Muted.Render(l)
		}
		out[i] = "    " + l
	}
	return out
}

// docCount is how many documents the rows come from.
func (p comparePane) docCount() int {
	seen := map[string]bool{}
	for _, id := range p.rows {
		seen[p.c.Indicators[id].Doc] = true
	}
	return len(seen)
}

// periodPhrase is " in 2023" or " in 2020–2025", or "".
func periodPhrase(pr *model.Period) string {
	if s := formatPeriod(pr); s != "" {
		return " in " + s
	}
	return ""
}

// relDiff says how far figure a is from b, as a signed percentage of b
// ("+8.5%"), or "≠" when that means nothing (b is zero, or a range).
func relDiff(a, b *model.Indicator) string {
	if a.IsRange || b.IsRange || b.Value == 0 {
		return "≠"
	}
	r := (a.Value - b.Value) / math.Abs(b.Value) * 100
	switch {
	case math.Abs(r) >= 1000:
		return fmt.Sprintf("%+.0fx", a.Value/b.Value)
	case math.Abs(r) >= 10:
		return fmt.Sprintf("%+.0f%%", r)
	}
	return fmt.Sprintf("%+.1f%%", r)
}

// ShortHelp implements help.KeyMap.
func (p comparePane) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p comparePane) FullHelp() [][]key.Binding { return p.keys.FullHelp() }
