package tui

import (
	"fmt"
	"sort"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// readerMode is what the reader's body shows and where keys go.
type readerMode int

const (
	readText   readerMode = iota // the document text
	readSearch                   // typing a search query
	readTOC                      // the table of contents
	readDocs                     // the list of documents
)

// readerKeyMap are the reader pane's keys.
type readerKeyMap struct {
	Up, Down         key.Binding // scroll a line, or move in a list
	PageUp, PageDown key.Binding // scroll a page
	Top, Bottom      key.Binding // start / end of the document
	Next, Prev       key.Binding // next / previous highlight (or search match)
	Choose           key.Binding // focus the highlight's item in its pane; pick in a list; next match
	Close            key.Binding // leave search or a list; else close the reader
	Search           key.Binding // start a search
	Contents         key.Binding // show / hide the table of contents
	Documents        key.Binding // show / hide the document list
	SortDocs         key.Binding // in the document list: sort by date, title, figures
}

// defaultReaderKeyMap returns the reader's default keys.
func defaultReaderKeyMap() readerKeyMap {
	return readerKeyMap{
		Up:        key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("f", "page down")),
		Top:       key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:    key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Next:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next highlight")),
		Prev:      key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous")),
		Choose:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to item")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Contents:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		Documents: key.NewBinding(key.WithKeys("d", "[", "]"), key.WithHelp("d", "documents")),
		SortDocs:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort documents")),
	}
}

// Named returns the bindings by their config-file names.
func (k *readerKeyMap) Named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"reader.up": &k.Up, "reader.down": &k.Down, "reader.page_up": &k.PageUp, "reader.page_down": &k.PageDown,
		"reader.top": &k.Top, "reader.bottom": &k.Bottom, "reader.next": &k.Next, "reader.prev": &k.Prev,
		"reader.choose": &k.Choose, "reader.close": &k.Close, "reader.search": &k.Search,
		"reader.contents": &k.Contents, "reader.documents": &k.Documents, "reader.sort_documents": &k.SortDocs,
	}
}

// ShortHelp implements help.KeyMap.
func (k readerKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Choose, k.Search, k.Contents, k.Documents, k.Close}
}

// FullHelp implements help.KeyMap.
func (k readerKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Next, k.Prev, k.Choose, k.Search, k.Contents, k.Documents, k.SortDocs, k.Close},
	}
}

// readerHL is one highlight: an indicator's or an event's span.
type readerHL struct {
	span    model.Span
	ind, ev int // the item's id; the other is -1
}

// highlights returns the spans of document id's indicators and events,
// by start offset.
func highlights(c *model.Corpus, id string) []readerHL {
	inds, evs := c.Figures(c.DocIndex(id))
	hls := make([]readerHL, 0, len(inds)+len(evs))
	for i := range inds {
		hls = append(hls, readerHL{inds[i].Span, inds[i].ID, -1})
	}
	for i := range evs {
		hls = append(hls, readerHL{evs[i].Span, -1, evs[i].ID})
	}
	sort.SliceStable(hls, func(i, j int) bool { return hls[i].span.Start < hls[j].span.Start })
	return hls
}

// docCounts is how many indicators and events each document has, by index
// in the corpus's Documents.
type docCounts struct{ inds, evs []int32 }

// of returns the counts of document i, or zeros.
func (n docCounts) of(i int) (inds, evs int) {
	if i < 0 || i >= len(n.inds) {
		return 0, 0
	}
	return int(n.inds[i]), int(n.evs[i])
}

// readerPane shows a document's original text, wrapped, with every
// indicator and event highlighted. Its place is a byte offset (top), not
// a line number, so a resize re-wraps without losing it.
type readerPane struct {
	st     *Styles
	c      *model.Corpus
	keys   readerKeyMap
	counts docCounts // figures per document, for titles and the document list

	doc    *model.Document
	hls    []readerHL
	maxHL  int // longest highlight, to find those overlapping a line
	cur    int // focused highlight, or -1
	wraps  map[int][]wline
	lines  []wline // the text wrapped to textWidth()
	top    int     // byte offset shown on the top line
	centre int     // offset to centre once the pane has a size, or -1
	mode   readerMode

	input   textinput.Model
	lower   string       // the text lower-cased (ASCII only, so offsets hold), for search
	query   string       // the committed or typed query
	matches []model.Span // where query occurs
	match   int          // current match, or -1

	toc    []tocEntry
	tocCur int
	docCur int     // the open document's index in the corpus
	docs   docList // the document list, sorted and filtered (readerdocs.go)

	focused bool
	w, h    int
}

// newReaderPane counts every document's indicators and events; a
// document's highlights are found when it is opened (highlights).
func newReaderPane(st *Styles, c *model.Corpus) readerPane {
	p := readerPane{st: st, c: c, keys: defaultReaderKeyMap(), cur: -1, centre: -1, match: -1}
	p.counts.inds, p.counts.evs = c.FigureCounts()
	p.input = textinput.New()
	p.input.Prompt = "/"
	p.input.Placeholder = "search"
	// A steady cursor: a blinking one would keep a timer running per
	// session and make every frame differ.
	p.input.Cursor.SetMode(cursor.CursorStatic)
	return p
}

// SetSize sets the inner size and re-wraps the text, keeping the top offset.
func (p *readerPane) SetSize(w, h int) {
	p.w, p.h = max(w, 0), max(h, 0)
	p.input.Width = max(p.w-24, 1)
	p.rewrap()
	if p.centre >= 0 && p.textHeight() > 0 {
		p.centreOn(p.centre)
		p.centre = -1
	}
}

// Focus makes the pane take keys.
func (p *readerPane) Focus() { p.focused = true }

// Blur makes the pane ignore keys.
func (p *readerPane) Blur() { p.focused = false }

// Focused reports whether the pane takes keys.
func (p readerPane) Focused() bool { return p.focused }

// Typing reports whether the pane is reading a search query or the
// document list's filter, so the root can pass it every key (even its
// global ones, like q).
func (p readerPane) Typing() bool {
	return p.mode == readSearch || p.mode == readDocs && p.docs.filtering
}

// SetKeyMap replaces the pane's keys.
func (p *readerPane) SetKeyMap(km readerKeyMap) { p.keys = km }

// ShortHelp implements help.KeyMap.
func (p readerPane) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p readerPane) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// Open shows document docID with span on the line a third down the text
// area, and the highlight of indicator (or event) focused; pass -1 for
// neither. An empty span opens at the top.
func (p *readerPane) Open(docID string, span model.Span, indicator, event int) {
	d := p.c.Doc(docID)
	p.doc, p.hls, p.cur, p.top, p.maxHL = d, nil, -1, 0, 0
	p.mode, p.query, p.matches, p.match, p.toc, p.tocCur = readText, "", nil, -1, nil, 0
	p.wraps, p.lines, p.lower = map[int][]wline{}, nil, ""
	if d == nil {
		return
	}
	p.hls = highlights(p.c, d.ID)
	for i, h := range p.hls {
		p.maxHL = max(p.maxHL, h.span.Len())
		if (indicator >= 0 && h.ind == indicator) || (event >= 0 && h.ev == event) {
			p.cur = i
		}
	}
	p.toc = tableOfContents(d.Text)
	for i, dd := range p.c.Documents {
		if dd == d {
			p.docCur = i
		}
	}
	p.rewrap()
	if span.Start > 0 || span.End > 0 {
		if p.textHeight() > 0 {
			p.centreOn(span.Start)
		} else {
			p.centre = span.Start // not sized yet: centre in SetSize
		}
	}
}

// Preview shows span of document docID with the highlight of indicator
// (or event) focused, as the cursor of another pane moves. Unlike Open it
// keeps the reader's place and search when the document is already open,
// scrolling only if the span is off screen, so stepping through the
// figures of one document does not make the text jump.
func (p *readerPane) Preview(docID string, span model.Span, indicator, event int) {
	if p.doc == nil || p.doc.ID != docID {
		p.Open(docID, span, indicator, event)
		return
	}
	if p.mode != readText { // a list left open when the pane lost focus
		p.mode = readText
		p.input.Blur()
	}
	p.cur = -1
	for i, h := range p.hls {
		if (indicator >= 0 && h.ind == indicator) || (event >= 0 && h.ev == event) {
			p.cur = i
			break
		}
	}
	if p.textHeight() > 0 {
		p.reveal(span.Start)
	} else {
		p.centre = span.Start
	}
}

// Document returns the open document's id, or "".
func (p readerPane) Document() string {
	if p.doc == nil {
		return ""
	}
	return p.doc.ID
}

// Top returns the byte offset the top line is anchored at.
func (p readerPane) Top() int { return p.top }

// textWidth is the width text wraps to: the pane minus a two-cell gutter
// that points at the focused highlight.
func (p readerPane) textWidth() int {
	if p.w >= 8 {
		return p.w - 2
	}
	return p.w
}

// textHeight is the number of text lines: the pane minus the title and
// status lines when there is room for them.
func (p readerPane) textHeight() int {
	switch {
	case p.h >= 3:
		return p.h - 2
	case p.h == 2:
		return 1
	}
	return 0
}

// rewrap wraps the text to the current width, from the cache when this
// width was seen before: wrapping megabytes on every resize step is the
// slow part of a resize.
func (p *readerPane) rewrap() {
	if p.doc == nil {
		p.lines = nil
		return
	}
	tw := p.textWidth()
	if ls, ok := p.wraps[tw]; ok {
		p.lines = ls
		return
	}
	p.lines = wrapText(p.doc.Text, tw)
	if len(p.wraps) > 4 { // resizing by dragging visits many widths; keep a few
		clear(p.wraps)
	}
	p.wraps[tw] = p.lines
}

// topLine is the index of the wrapped line holding the top offset.
func (p readerPane) topLine() int { return lineAt(p.lines, p.top) }

// scrollTo puts wrapped line i at the top, within the document.
func (p *readerPane) scrollTo(i int) {
	if len(p.lines) == 0 {
		p.top = 0
		return
	}
	i = min(i, len(p.lines)-max(p.textHeight(), 1))
	p.top = p.lines[max(i, 0)].start
}

// centreOn scrolls so that the line holding offset off is a third down
// the text area: the reader sees what leads up to it and what follows.
func (p *readerPane) centreOn(off int) { p.scrollTo(lineAt(p.lines, off) - p.textHeight()/3) }

// reveal centres offset off unless its line is already on screen.
func (p *readerPane) reveal(off int) {
	l, t := lineAt(p.lines, off), p.topLine()
	if l < t || l >= t+p.textHeight() {
		p.centreOn(off)
	}
}

// readerStatus is a command that sends a notice to the root's status line.
func readerStatus(format string, a ...any) tea.Cmd {
	s := statusMsg(fmt.Sprintf(format, a...))
	return func() tea.Msg { return s }
}

// SetCorpus moves the reader to a new snapshot of a changing corpus: next
// is newReaderPane over it, built in the loader's goroutine. The open
// document stays open at the same place (its top offset, clamped if the
// file was cut short), with the same highlight focused and the search
// found again; a document that went away closes.
func (p *readerPane) SetCorpus(next readerPane) {
	p.c, p.counts = next.c, next.counts
	if p.doc == nil {
		return
	}
	curStart := -1
	if p.cur >= 0 && p.cur < len(p.hls) {
		curStart = p.hls[p.cur].span.Start
	}
	d := p.c.Doc(p.doc.ID)
	if d == nil {
		p.doc, p.hls, p.cur, p.maxHL, p.lines, p.toc = nil, nil, -1, 0, nil, nil
		p.wraps, p.lower, p.matches, p.match, p.mode = map[int][]wline{}, "", nil, -1, readText
		return
	}
	if d != p.doc { // the file was re-read: its text may differ
		top := min(p.top, len(d.Text))
		p.doc, p.wraps, p.lower, p.toc = d, map[int][]wline{}, "", tableOfContents(d.Text)
		p.rewrap()
		p.scrollTo(lineAt(p.lines, top))
		p.search()
	}
	p.hls, p.cur, p.maxHL = highlights(p.c, d.ID), -1, 0
	for i, h := range p.hls {
		p.maxHL = max(p.maxHL, h.span.Len())
		if h.span.Start == curStart {
			p.cur = i
		}
	}
	for i, dd := range p.c.Documents {
		if dd == d {
			p.docCur = i
		}
	}
	if p.mode == readDocs {
		p.listDocs() // its rows index the old snapshot's documents
	}
}
