package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// readerMaxMatches caps a search: past it the count says "10000+" and the
// search stays fast on a document of megabytes.
const readerMaxMatches = 10000

// Update handles keys by mode: typing a query, moving in the contents or
// document list, or reading.
func (p readerPane) Update(msg tea.Msg) (readerPane, tea.Cmd) {
	if mm, ok := msg.(tea.MouseMsg); ok {
		p.wheel(mm.Button)
		return p, nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		if p.mode == readSearch { // the cursor's blink messages
			var cmd tea.Cmd
			p.input, cmd = p.input.Update(msg)
			return p, cmd
		}
		return p, nil
	}
	if !p.focused {
		return p, nil
	}
	switch p.mode {
	case readSearch:
		return p.updateSearch(km)
	case readDocs:
		return p.updateDocs(km)
	case readTOC:
		return p.updateList(km)
	}
	return p.updateText(km)
}

// readerWheelLines is how far one notch of the mouse wheel scrolls the text.
const readerWheelLines = 3

// wheel scrolls the text, or moves in a list, on the mouse wheel. The root
// sends the wheel only when the pointer is over the pane, so it works
// whether or not the pane has the keys.
func (p *readerPane) wheel(b tea.MouseButton) {
	dir := 0
	switch b {
	case tea.MouseButtonWheelUp:
		dir = -1
	case tea.MouseButtonWheelDown:
		dir = 1
	default:
		return
	}
	switch p.mode {
	case readTOC:
		p.tocCur = max(min(p.tocCur+dir, len(p.toc)-1), 0)
	case readDocs:
		p.docs.pos = max(min(p.docs.pos+dir, len(p.docs.rows)-1), 0)
	default:
		p.scrollTo(p.topLine() + dir*readerWheelLines)
	}
}

// updateText handles keys while reading.
func (p readerPane) updateText(km tea.KeyMsg) (readerPane, tea.Cmd) {
	searching := p.query != ""
	switch {
	case key.Matches(km, p.keys.Up):
		p.scrollTo(p.topLine() - 1)
	case key.Matches(km, p.keys.Down):
		p.scrollTo(p.topLine() + 1)
	case key.Matches(km, p.keys.PageUp):
		p.scrollTo(p.topLine() - max(p.textHeight()-1, 1))
	case key.Matches(km, p.keys.PageDown):
		p.scrollTo(p.topLine() + max(p.textHeight()-1, 1))
	case key.Matches(km, p.keys.Top):
		p.scrollTo(0)
	case key.Matches(km, p.keys.Bottom):
		p.scrollTo(len(p.lines))
	case searching && (key.Matches(km, p.keys.Next) || key.Matches(km, p.keys.Choose)):
		return p, p.stepMatch(1)
	case searching && key.Matches(km, p.keys.Prev):
		return p, p.stepMatch(-1)
	case key.Matches(km, p.keys.Next):
		return p, p.stepHighlight(1)
	case key.Matches(km, p.keys.Prev):
		return p, p.stepHighlight(-1)
	case key.Matches(km, p.keys.Choose):
		if p.cur < 0 {
			return p, readerStatus("no highlight focused: n and N move between them")
		}
		h := p.hls[p.cur]
		return p, func() tea.Msg { return highlightChosenMsg{Indicator: h.ind, Event: h.ev} }
	case searching && key.Matches(km, p.keys.Close):
		// esc first leaves the search, a second esc closes the reader
		p.query, p.matches, p.match = "", nil, -1
	case key.Matches(km, p.keys.Close):
		return p, func() tea.Msg { return closeReaderMsg{} }
	case key.Matches(km, p.keys.Search) && p.doc != nil:
		p.mode = readSearch
		p.input.Reset()
		return p, p.input.Focus()
	case key.Matches(km, p.keys.Contents) && p.doc != nil:
		if len(p.toc) == 0 {
			return p, readerStatus("this document has no headings")
		}
		p.mode, p.tocCur = readTOC, 0
		for i, e := range p.toc {
			if e.off <= p.top {
				p.tocCur = i
			}
		}
	case key.Matches(km, p.keys.Documents):
		p.openDocs()
	}
	return p, nil
}

// stepHighlight moves the focus to the next (dir 1) or previous (dir -1)
// highlight; with none focused, to the first one at or after the top line
// (or the last before the bottom), and keeps it on screen.
func (p *readerPane) stepHighlight(dir int) tea.Cmd {
	if len(p.hls) == 0 {
		return readerStatus("no indicators or events in this document")
	}
	next := p.cur + dir
	if p.cur < 0 {
		if next = p.firstFrom(dir); next < 0 {
			next = 0
		}
	}
	if next < 0 || next >= len(p.hls) {
		return readerStatus("no more highlights")
	}
	p.cur = next
	p.reveal(p.hls[next].span.Start)
	return nil
}

// firstFrom finds the first highlight on screen going forward, or the last
// one on screen going backward; -1 if none is on screen.
func (p readerPane) firstFrom(dir int) int {
	t := p.topLine()
	bottom := len(p.doc.Text)
	if b := t + p.textHeight(); b < len(p.lines) {
		bottom = p.lines[b].start
	}
	found := -1
	for i, h := range p.hls {
		if h.span.Start >= p.top && h.span.Start < bottom {
			found = i
			if dir > 0 {
				break
			}
		}
	}
	return found
}

// stepMatch moves to the next or previous search match, wrapping around.
func (p *readerPane) stepMatch(dir int) tea.Cmd {
	if len(p.matches) == 0 {
		return readerStatus("no matches for %q", p.query)
	}
	p.match = (p.match + dir + len(p.matches)) % len(p.matches)
	p.reveal(p.matches[p.match].Start)
	return nil
}

// updateSearch edits the query; matches are counted as it is typed, enter
// commits it and jumps to the first match after the top line, esc drops it.
func (p readerPane) updateSearch(km tea.KeyMsg) (readerPane, tea.Cmd) {
	switch {
	case km.Type == tea.KeyEsc:
		p.mode, p.query, p.matches, p.match = readText, "", nil, -1
		p.input.Blur()
		return p, nil
	case km.Type == tea.KeyEnter:
		p.mode = readText
		p.input.Blur()
		if p.query == "" {
			return p, nil
		}
		p.match = -1
		for i, m := range p.matches {
			if m.Start >= p.top {
				p.match = i - 1
				break
			}
		}
		return p, p.stepMatch(1)
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(km)
	if q := p.input.Value(); q != p.query {
		p.query = q
		p.search()
	}
	return p, cmd
}

// search finds the query in the text, ignoring ASCII case. Folding only
// ASCII keeps the lower-cased text byte-for-byte aligned with the original.
func (p *readerPane) search() {
	p.matches, p.match = nil, -1 // a fresh slice: copies of the pane may share the old one
	if p.query == "" || p.doc == nil {
		return
	}
	if p.lower == "" {
		p.lower = lowerASCII(p.doc.Text)
	}
	q := lowerASCII(p.query)
	for off := 0; len(p.matches) < readerMaxMatches; {
		i := strings.Index(p.lower[off:], q)
		if i < 0 {
			break
		}
		p.matches = append(p.matches, model.Span{Start: off + i, End: off + i + len(q)})
		off += i + len(q)
	}
}

// lowerASCII lower-cases the ASCII letters of s and leaves other bytes.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// updateList moves in the table of contents (the document list has
// updateDocs).
func (p readerPane) updateList(km tea.KeyMsg) (readerPane, tea.Cmd) {
	cur, n := &p.tocCur, len(p.toc)
	switch {
	case key.Matches(km, p.keys.Up):
		*cur = max(*cur-1, 0)
	case key.Matches(km, p.keys.Down):
		*cur = max(min(*cur+1, n-1), 0)
	case key.Matches(km, p.keys.Top):
		*cur = 0
	case key.Matches(km, p.keys.Bottom):
		*cur = max(n-1, 0)
	case key.Matches(km, p.keys.Choose) && n > 0:
		p.mode = readText
		p.scrollTo(lineAt(p.lines, p.toc[p.tocCur].off))
		return p, nil
	case key.Matches(km, p.keys.Close), key.Matches(km, p.keys.Contents):
		p.mode = readText
	}
	return p, nil
}
