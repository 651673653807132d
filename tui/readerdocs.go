package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// The reader's document list (d): with 20,000 documents a list in corpus
// order is no use, so it sorts — by date, newest first; by title; by how
// many figures a document holds, most first (s cycles) — and filters (/:
// the words typed must all be in the title, ID or date, ignoring case).
// The list is built when it opens and when the sort or filter changes,
// never per frame.

// docSort is the order of the document list.
type docSort int

// The orders s cycles through.
const (
	docsByDate docSort = iota
	docsByTitle
	docsByFigures
	numDocSorts
)

var docSortNames = [numDocSorts]string{"date", "title", "figures"}

// docList is the document list's state.
type docList struct {
	sort      docSort
	filter    string // the words typed after /
	filtering bool   // / was pressed: keys go to the input
	rows      []int  // indexes in the corpus's Documents, in list order
	pos       int    // the cursor, an index in rows
	of        *model.Corpus
}

// listDocs rebuilds the rows from the sort and the filter, keeping the
// cursor on the same document when it is still listed (else on the open
// one, else the first).
func (p *readerPane) listDocs() {
	keep := p.docCur
	if p.docs.pos >= 0 && p.docs.pos < len(p.docs.rows) && p.docs.of == p.c {
		keep = p.docs.rows[p.docs.pos]
	}
	docs := p.c.Documents
	words := strings.Fields(strings.ToLower(p.docs.filter))
	rows := make([]int, 0, len(docs))
	for i, d := range docs {
		if len(words) > 0 {
			hay := strings.ToLower(d.Title + " " + d.ID + " " + d.Date.String())
			ok := true
			for _, w := range words {
				if !strings.Contains(hay, w) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
		}
		rows = append(rows, i)
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		da, db := docs[a], docs[b]
		switch p.docs.sort {
		case docsByDate: // newest first, undated last
			if n := cmpDates(db.Date, da.Date); n != 0 {
				return n
			}
		case docsByFigures:
			if n := cmp.Compare(p.counts.inds[b], p.counts.inds[a]); n != 0 {
				return n
			}
		}
		return cmp.Compare(strings.ToLower(da.Title), strings.ToLower(db.Title))
	})
	p.docs.rows, p.docs.of = rows, p.c
	p.docs.pos = max(slices.Index(rows, keep), 0)
}

// openDocs shows the document list.
func (p *readerPane) openDocs() {
	p.mode = readDocs
	p.docs.pos = -1 // start on the open document
	p.listDocs()
}

// updateDocs handles keys in the document list; while the filter is typed,
// updateDocFilter does.
func (p readerPane) updateDocs(km tea.KeyMsg) (readerPane, tea.Cmd) {
	if p.docs.filtering {
		return p.updateDocFilter(km)
	}
	n := len(p.docs.rows)
	switch {
	case key.Matches(km, p.keys.Up):
		p.docs.pos = max(p.docs.pos-1, 0)
	case key.Matches(km, p.keys.Down):
		p.docs.pos = max(min(p.docs.pos+1, n-1), 0)
	case key.Matches(km, p.keys.PageUp):
		p.docs.pos = max(p.docs.pos-max(p.textHeight()-1, 1), 0)
	case key.Matches(km, p.keys.PageDown):
		p.docs.pos = max(min(p.docs.pos+max(p.textHeight()-1, 1), n-1), 0)
	case key.Matches(km, p.keys.Top):
		p.docs.pos = 0
	case key.Matches(km, p.keys.Bottom):
		p.docs.pos = max(n-1, 0)
	case key.Matches(km, p.keys.SortDocs):
		p.docs.sort = (p.docs.sort + 1) % numDocSorts
		p.listDocs()
	case key.Matches(km, p.keys.Search):
		p.docs.filtering = true
		p.input.SetValue(p.docs.filter)
		p.input.CursorEnd()
		return p, p.input.Focus()
	case key.Matches(km, p.keys.Choose) && n > 0:
		d := p.c.Documents[p.docs.rows[p.docs.pos]]
		p.Open(d.ID, model.Span{}, -1, -1)
		return p, readerStatus("opened %s", d.Title)
	case key.Matches(km, p.keys.Close) && p.docs.filter != "":
		// esc first clears the filter, a second esc leaves the list
		p.docs.filter = ""
		p.listDocs()
	case key.Matches(km, p.keys.Close), key.Matches(km, p.keys.Documents):
		p.mode = readText
	}
	return p, nil
}

// updateDocFilter edits the list's filter; the list follows every change,
// enter keeps it, esc drops it.
func (p readerPane) updateDocFilter(km tea.KeyMsg) (readerPane, tea.Cmd) {
	switch km.Type {
	case tea.KeyEsc:
		p.docs.filtering, p.docs.filter = false, ""
		p.input.Blur()
		p.listDocs()
		return p, nil
	case tea.KeyEnter:
		p.docs.filtering = false
		p.input.Blur()
		return p, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(km)
	if v := p.input.Value(); v != p.docs.filter {
		p.docs.filter = v
		p.listDocs()
	}
	return p, cmd
}

// docsStatus is the list's status line: how many documents, the order and
// the keys, or the filter being typed.
func (p readerPane) docsStatus() string {
	count := fmt.Sprintf("%s documents", groupDigits(len(p.docs.rows)))
	if p.docs.filter != "" {
		count = fmt.Sprintf("%s of %s documents", groupDigits(len(p.docs.rows)), groupDigits(len(p.c.Documents)))
	}
	if p.docs.filtering {
		return p.input.View() + "  " + p.st.Muted.Render(count)
	}
	s := count + " · by " + docSortNames[p.docs.sort] + " · s sort · / filter · enter open · d/esc back"
	if p.docs.filter != "" {
		return p.st.SearchMatch.Render("/"+p.docs.filter) + p.st.Muted.Render(" · "+s)
	}
	return p.st.Muted.Render(s)
}
