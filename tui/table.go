package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// tableCol is a column of the indicator table.
type tableCol int

// The table's columns, in display order. colRank is not a column: it is the
// "by relevance" order a filter starts with.
const (
	colMetric tableCol = iota
	colSubject
	colValue
	colPeriod
	colDoc
	numCols
	colRank = numCols
)

var colTitles = [numCols]string{"Metric", "Subject", "Value", "Period", "Document"}

// grouping is how rows are grouped under headings.
type grouping int

// The groupings b cycles through.
const (
	groupNone grouping = iota
	groupMetric
	groupSubject
	numGroupings
)

// tablePane is the indicator table. It renders only the rows on screen, so
// its View costs the same for 12 indicators or 100,000; sorting, grouping
// and filtering reuse the orders its tableIndex precomputed.
type tablePane struct {
	st      *Styles
	keys    tableKeyMap
	idx     *tableIndex
	input   textinput.Model // the filter being typed
	w, h    int
	focused bool
	editing bool // the filter input has the keys

	sortCol  tableCol // a column, or colRank while a filter is on
	lastCol  tableCol // the column to return to when the filter is cleared
	desc     bool
	grouping grouping
	query    string  // the filter in force: the last query typed that parsed
	hits     []int32 // the query's matches, best first
	typed    string  // the input's text when the rows were last filtered
	qerr     error   // why typed does not parse (a *model.QueryError), or nil

	comps   []model.Completion // ways to finish the term at the input's cursor
	compSel int                // the completion tab last put in, or -1
	compIn  string             // the input before tab cycling began

	summary   []facetSummary // commonest facet values of the filtered rows
	summaryOf []int32        // the hits summary was counted over

	view   groupedView // the rows shown, in order
	cursor int         // index in view.rows
	offset int         // first display line on screen (group headings count)

	sparkline func(metric string, w int) string // draws a metric's figures per year; set by the root
	sparks    map[string]string                 // metric group label -> its sparkline, sparkW cells wide
	sparkW    int
}

// newTablePane returns the table over every indicator of c, in corpus order.
func newTablePane(st *Styles, c *model.Corpus) tablePane {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "words or facet:value (metric: subject: year: doc: …) · tab completes"
	in.PromptStyle, in.TextStyle = st.Accent, st.TableRow
	in.PlaceholderStyle, in.CompletionStyle = st.Muted, st.Muted
	in.Cursor.Style = st.TableRow
	in.Cursor.SetMode(cursor.CursorStatic) // no blink timer: nothing ticks, over SSH or in tests
	p := tablePane{st: st, keys: defaultTableKeyMap(), idx: newTableIndex(c), input: in, sortCol: colDoc, lastCol: colDoc, compSel: -1}
	p.SetKeyMap(p.keys)
	p.rebuild()
	return p
}

// SetSize sets the pane's inner size; the table keeps one line for column
// titles and one for its status or filter line.
func (p *tablePane) SetSize(w, h int) {
	p.w, p.h = max(w, 0), max(h, 0)
	p.input.Width = max(p.w-len(p.input.Prompt)-1, 1)
	p.scrollToCursor()
	p.drawSparklines()
}

// SetSparkline gives the table the function that draws a metric's figures
// per year, for the headings of the grouping by metric.
func (p *tablePane) SetSparkline(f func(metric string, w int) string) {
	p.sparkline, p.sparkW = f, 0
	p.drawSparklines()
}

// drawSparklines draws every metric group's sparkline for the current
// width, once: SetSize runs on every change of focus, and a frame only
// looks them up.
func (p *tablePane) drawSparklines() {
	w := 0
	if p.w >= 40 && p.sparkline != nil {
		w = min(20, p.w/4)
	}
	if w == p.sparkW {
		return
	}
	p.sparkW, p.sparks = w, map[string]string{}
	for label, metric := range p.idx.metricOf {
		if w > 0 {
			p.sparks[label] = p.sparkline(metric, w)
		}
	}
}

// Focus gives the table the keys.
func (p *tablePane) Focus() { p.focused = true }

// Blur takes them away, and stops any filter being typed.
func (p *tablePane) Blur() { p.focused, p.editing = false, false; p.input.Blur() }

// Focused reports whether the table has the keys.
func (p tablePane) Focused() bool { return p.focused }

// Typing reports whether the filter is being typed: the root then sends
// every printable key here rather than treating it as a global key.
func (p tablePane) Typing() bool { return p.editing }

// SetKeyMap replaces the table's keys (after the config rebinds them).
func (p *tablePane) SetKeyMap(km tableKeyMap) {
	p.keys = km
	p.keys.Compare.SetEnabled(p.idx.conflicts) // only where figures disagree
}

// ShortHelp implements help.KeyMap.
func (p tablePane) ShortHelp() []key.Binding {
	if p.editing {
		return p.keys.editingHelp()
	}
	return p.keys.ShortHelp()
}

// FullHelp implements help.KeyMap.
func (p tablePane) FullHelp() [][]key.Binding {
	if p.editing {
		return [][]key.Binding{p.keys.editingHelp()}
	}
	return p.keys.FullHelp()
}

// Current returns the ID of the indicator under the cursor, or -1.
func (p tablePane) Current() int {
	if p.cursor < 0 || p.cursor >= len(p.view.rows) {
		return -1
	}
	return int(p.view.rows[p.cursor])
}

// Filter returns the filter in force and how many rows it leaves.
func (p tablePane) Filter() (query string, shown int) { return p.query, len(p.view.rows) }

// FilterHasWords reports whether the filter in force has free words, which
// the fuzzy scorer matches through the word index.
func (p tablePane) FilterHasWords() bool {
	if p.query == "" {
		return false
	}
	_, words := splitQuery(p.query)
	return strings.TrimSpace(words) != ""
}

// SetFilter applies a query as if typed (for --query and deep links). A
// query that does not parse leaves the rows as they were and shows why.
func (p *tablePane) SetFilter(q string) {
	p.input.SetValue(q)
	p.input.CursorEnd()
	p.applyQuery(q)
	p.comps, p.compSel = nil, -1
}

// QueryError returns why the query typed does not parse, or nil.
func (p tablePane) QueryError() error { return p.qerr }

// Select moves the cursor to an indicator, clearing the filter when it
// hides it; it reports whether the indicator exists. Its cost is linear in
// the rows shown, and it runs only when a highlight is followed.
func (p *tablePane) Select(id int) bool {
	if id < 0 || id >= len(p.idx.c.Indicators) {
		return false
	}
	for pass := 0; pass < 2; pass++ {
		for i, r := range p.view.rows {
			if int(r) == id {
				p.cursor = i
				p.scrollToCursor()
				return true
			}
		}
		p.SetFilter("")
	}
	return false
}

// Update handles keys when focused and the mouse (the root sends mouse
// events with coordinates relative to the pane's inner area). A cursor move
// reports indicatorFocusedMsg; enter reports openSourceMsg.
func (p tablePane) Update(msg tea.Msg) (tablePane, tea.Cmd) {
	before := p.Current()
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if !p.focused {
			return p, nil
		}
		if p.editing {
			cmd = p.updateEditing(msg)
			break
		}
		rows := max(p.h-2, 1)
		switch {
		case key.Matches(msg, p.keys.Up):
			p.move(-1)
		case key.Matches(msg, p.keys.Down):
			p.move(1)
		case key.Matches(msg, p.keys.PageUp):
			p.move(-rows)
		case key.Matches(msg, p.keys.PageDown):
			p.move(rows)
		case key.Matches(msg, p.keys.Top):
			p.move(-len(p.view.rows))
		case key.Matches(msg, p.keys.Bottom):
			p.move(len(p.view.rows))
		case key.Matches(msg, p.keys.SortPrev):
			p.setSort((p.sortCol + numCols - 1) % numCols)
		case key.Matches(msg, p.keys.SortNext):
			p.setSort((p.sortCol + 1) % numCols)
		case key.Matches(msg, p.keys.Reverse):
			p.desc = !p.desc
			p.rebuild()
		case key.Matches(msg, p.keys.Group):
			p.grouping = (p.grouping + 1) % numGroupings
			p.rebuild()
		case key.Matches(msg, p.keys.Filter):
			p.editing = true
			p.input.CursorEnd()
			cmd = p.input.Focus()
			p.complete()
		case key.Matches(msg, p.keys.Compare):
			if id := p.Current(); id >= 0 {
				if !p.idx.c.HasConflict(id) {
					return p, readerStatus("no other document disagrees with this figure")
				}
				return p, func() tea.Msg { return compareChosenMsg{ID: id} }
			}
		case key.Matches(msg, p.keys.Cancel) && (p.query != "" || p.qerr != nil):
			p.SetFilter("")
		case key.Matches(msg, p.keys.Open):
			if id := p.Current(); id >= 0 {
				in := &p.idx.c.Indicators[id]
				return p, func() tea.Msg {
					return openSourceMsg{Doc: in.Doc, Span: in.Span, Indicator: id, Event: -1}
				}
			}
		}
	case tea.MouseMsg:
		p.mouse(msg)
	}
	if id := p.Current(); id != before && id >= 0 {
		cmd = tea.Batch(cmd, func() tea.Msg { return indicatorFocusedMsg{ID: id} })
	}
	return p, cmd
}

// updateEditing handles a key while the query is typed: the rows follow
// every change of the text that parses; tab completes the term at the
// cursor (see completeKey).
func (p *tablePane) updateEditing(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.keys.Accept):
		if p.qerr != nil {
			return nil // the error is on screen; fix the query or esc
		}
		p.applyQuery(p.input.Value()) // with a word live typing held back
		if p.qerr != nil {
			return nil
		}
		p.editing = false
		p.input.Blur()
		p.comps, p.compSel = nil, -1
		return nil
	case key.Matches(msg, p.keys.Cancel):
		p.editing = false
		p.input.Blur()
		p.SetFilter("")
		return nil
	case key.Matches(msg, p.keys.Complete):
		p.completeKey(1)
		return nil
	case key.Matches(msg, p.keys.CompletePrev):
		p.completeKey(-1)
		return nil
	}
	var cmd tea.Cmd
	before, pos := p.input.Value(), p.input.Position()
	p.input, cmd = p.input.Update(msg)
	if v := p.input.Value(); v != before || p.input.Position() != pos {
		p.compSel = -1 // any edit or move ends a tab cycle
		p.applyQuery(holdFacetPrefix(v, byteOffset(v, p.input.Position())))
		p.complete()
	}
	return cmd
}

// mouse scrolls on the wheel and selects the row clicked.
func (p *tablePane) mouse(msg tea.MouseMsg) {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		p.move(-3)
	case msg.Button == tea.MouseButtonWheelDown:
		p.move(3)
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		if r, ok := p.rowAtLine(p.offset + msg.Y - 1); ok && msg.Y >= 1 {
			p.cursor = r
		}
	}
}

// applyQuery filters the rows; an empty query shows them all again. A
// query that does not parse sets qerr and keeps the rows of the last one
// that did, so a half-typed facet does not blank the table. It costs work
// linear in the corpus only when the text changed.
func (p *tablePane) applyQuery(q string) {
	q = strings.TrimSpace(q)
	if q == p.typed && (q == p.query || p.qerr != nil) {
		return
	}
	p.typed = q
	if _, err := model.ParseQuery(q); err != nil {
		p.qerr = err
		return
	}
	p.qerr = nil
	if q == p.query {
		return
	}
	switch {
	case q == "":
		p.hits = nil
		if p.sortCol == colRank {
			p.sortCol = p.lastCol
		}
	default:
		if p.sortCol != colRank {
			p.lastCol = p.sortCol
		}
		p.sortCol = colRank
		p.hits = p.idx.search(q, p.idx.order(p.lastCol, p.desc))
	}
	p.query = q
	p.cursor, p.offset = 0, 0
	p.rebuild()
	p.cursor, p.offset = 0, 0 // a new filter starts at its best match
	p.scrollToCursor()
}

// summarise counts the facet values of the filtered rows, once per new set
// of hits (a re-sort or regrouping keeps the same hits).
func (p *tablePane) summarise() {
	if p.query == "" || len(p.hits) == 0 {
		p.summary, p.summaryOf = nil, nil
		return
	}
	if len(p.hits) == len(p.summaryOf) && &p.hits[0] == &p.summaryOf[0] {
		return
	}
	p.summary, p.summaryOf = p.idx.summarise(p.hits), p.hits
}

// setSort sorts by a column, leaving relevance order if a filter had it.
func (p *tablePane) setSort(col tableCol) {
	if p.sortCol == colRank {
		col = p.lastCol
	}
	p.sortCol = col
	p.rebuild()
}

// rebuild recomputes the rows shown from the sort, grouping and filter,
// keeping the cursor on the same indicator when it is still shown.
func (p *tablePane) rebuild() {
	keep := p.Current()
	switch {
	case p.query == "":
		p.view = p.idx.view(p.sortCol, p.desc, p.grouping)
	case p.sortCol == colRank:
		p.view = p.idx.group(p.hits, p.grouping)
	default:
		hit := make(map[int32]bool, len(p.hits))
		for _, id := range p.hits {
			hit[id] = true
		}
		var rows []int32
		for _, id := range p.idx.order(p.sortCol, p.desc) {
			if hit[id] {
				rows = append(rows, id)
			}
		}
		p.view = p.idx.group(rows, p.grouping)
	}
	p.cursor = 0
	for i, id := range p.view.rows {
		if int(id) == keep {
			p.cursor = i
			break
		}
	}
	p.scrollToCursor()
	p.summarise()
}

// move moves the cursor by n rows, within bounds.
func (p *tablePane) move(n int) {
	p.cursor = max(0, min(p.cursor+n, len(p.view.rows)-1))
	p.scrollToCursor()
}

// SetCorpus moves the table to a new snapshot of a changing corpus, given
// as the index newTableIndex built for it (in the loader's goroutine, not
// in Update). The sort, grouping and filter stay, and the cursor stays on
// the same indicator, found by its Key since IDs shift between snapshots;
// if it went away, the cursor keeps its row number.
func (p *tablePane) SetCorpus(x *tableIndex) {
	var k model.Key
	id := p.Current()
	if id >= 0 {
		k = p.idx.c.Indicators[id].Key()
	}
	cursor, offset := p.cursor, p.offset
	p.idx = x
	p.keys.Compare.SetEnabled(x.conflicts)
	if p.query != "" {
		// The filter runs again over the new corpus: linear, like typing.
		p.hits = x.search(p.query, x.order(p.lastCol, p.desc))
	}
	p.rebuild()
	p.cursor = min(cursor, max(len(p.view.rows)-1, 0))
	if id >= 0 {
		if nid := x.c.FindIndicator(k); nid >= 0 {
			for i, r := range p.view.rows {
				if int(r) == nid {
					p.cursor = i
					break
				}
			}
		}
	}
	p.offset = offset
	p.scrollToCursor()
	p.sparkW = 0 // metric groups may have changed: draw their sparklines again
	p.drawSparklines()
}
