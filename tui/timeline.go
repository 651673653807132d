package tui

import (
	"fmt"
	"sort"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// timelineMaxZoom caps zooming in: 2^12 times the whole range is already
// less than a month per cell for a corpus that spans two millennia.
const timelineMaxZoom = 12

// timelineKeyMap are the timeline pane's keys.
type timelineKeyMap struct {
	Up, Down        key.Binding // previous / next event
	Top, Bottom     key.Binding // first / last event
	ZoomIn, ZoomOut key.Binding // halve / double the axis span, around the cursor
	Open            key.Binding // open the event's source in the reader
}

// defaultTimelineKeyMap returns the timeline's default keys.
func defaultTimelineKeyMap() timelineKeyMap {
	return timelineKeyMap{
		Up:      key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "earlier")),
		Down:    key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "later")),
		Top:     key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:  key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		ZoomIn:  key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "zoom in")),
		ZoomOut: key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "zoom out")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open source")),
	}
}

// Named returns the bindings by their config-file names.
func (k *timelineKeyMap) Named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"timeline.up": &k.Up, "timeline.down": &k.Down, "timeline.top": &k.Top, "timeline.bottom": &k.Bottom,
		"timeline.zoom_in": &k.ZoomIn, "timeline.zoom_out": &k.ZoomOut, "timeline.open": &k.Open,
	}
}

// ShortHelp implements help.KeyMap.
func (k timelineKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.ZoomIn, k.ZoomOut, k.Open}
}

// FullHelp implements help.KeyMap.
func (k timelineKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.ZoomIn, k.ZoomOut, k.Open}}
}

// timelinePane lists every event in date order under an axis that keeps
// centuries readable (see timelinescale.go).
type timelinePane struct {
	st      *Styles
	c       *model.Corpus
	keys    timelineKeyMap
	order   []int        // event ids by date
	rank    []int        // event id -> index in order
	pos     []float64    // axis position of order[i], ascending
	cursor  int          // index in order
	zoom    int          // 0 shows everything; each level halves the span
	marked  string       // document whose events are marked
	axis    timelineAxis // the axis drawn, cached: see timelineaxis.go
	focused bool
	w, h    int
}

// newTimelinePane sorts the corpus's events by date once.
func newTimelinePane(st *Styles, c *model.Corpus) timelinePane {
	p := timelinePane{st: st, c: c, keys: defaultTimelineKeyMap()}
	p.order = make([]int, len(c.Events))
	for i := range p.order {
		p.order[i] = i
	}
	sort.SliceStable(p.order, func(i, j int) bool {
		a, b := &c.Events[p.order[i]], &c.Events[p.order[j]]
		return eventYear(a) < eventYear(b)
	})
	p.rank = make([]int, len(c.Events))
	p.pos = make([]float64, len(c.Events))
	for i, id := range p.order {
		p.rank[id] = i
		p.pos[i] = scaleOf(eventYear(&c.Events[id]))
	}
	return p
}

// SetSize sets the inner size the pane draws in.
func (p *timelinePane) SetSize(w, h int) {
	p.w, p.h = max(w, 0), max(h, 0)
	p.refreshAxis()
}

// Focus makes the pane take keys.
func (p *timelinePane) Focus() { p.focused = true }

// Blur makes the pane ignore keys.
func (p *timelinePane) Blur() { p.focused = false }

// Focused reports whether the pane takes keys.
func (p timelinePane) Focused() bool { return p.focused }

// SetKeyMap replaces the pane's keys.
func (p *timelinePane) SetKeyMap(km timelineKeyMap) { p.keys = km }

// ShortHelp implements help.KeyMap.
func (p timelinePane) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p timelinePane) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// MarkDocument marks the events of document docID ("" for none): they are
// the context of the indicator focused in the table.
func (p *timelinePane) MarkDocument(docID string) {
	p.marked = docID
	p.refreshAxis()
}

// FocusEvent moves the cursor to event id without announcing it: the root
// calls it because it already knows.
func (p *timelinePane) FocusEvent(id int) {
	if id >= 0 && id < len(p.rank) {
		p.cursor = p.rank[id]
		p.refreshAxis()
	}
}

// Cursor returns the id of the event under the cursor, or -1.
func (p timelinePane) Cursor() int {
	if len(p.order) == 0 {
		return -1
	}
	return p.order[p.cursor]
}

// Update moves the cursor, zooms and opens sources. Cursor moves announce
// eventFocusedMsg; enter asks for the source with openSourceMsg. The mouse
// wheel moves the cursor one event whether or not the pane is focused: the
// root sends it the wheel only when the pointer is over it.
func (p timelinePane) Update(msg tea.Msg) (timelinePane, tea.Cmd) {
	if len(p.order) == 0 {
		return p, nil
	}
	old, oldZoom := p.cursor, p.zoom
	switch msg := msg.(type) {
	case tea.MouseMsg:
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.cursor = max(p.cursor-1, 0)
		case tea.MouseButtonWheelDown:
			p.cursor = min(p.cursor+1, len(p.order)-1)
		}
	case tea.KeyMsg:
		if !p.focused {
			return p, nil
		}
		switch {
		case key.Matches(msg, p.keys.Up):
			p.cursor = max(p.cursor-1, 0)
		case key.Matches(msg, p.keys.Down):
			p.cursor = min(p.cursor+1, len(p.order)-1)
		case key.Matches(msg, p.keys.Top):
			p.cursor = 0
		case key.Matches(msg, p.keys.Bottom):
			p.cursor = len(p.order) - 1
		case key.Matches(msg, p.keys.ZoomIn):
			p.zoom = min(p.zoom+1, timelineMaxZoom)
		case key.Matches(msg, p.keys.ZoomOut):
			p.zoom = max(p.zoom-1, 0)
		case key.Matches(msg, p.keys.Open):
			e := &p.c.Events[p.order[p.cursor]]
			return p, func() tea.Msg { return openSourceMsg{Doc: e.Doc, Span: e.Span, Indicator: -1, Event: e.ID} }
		}
	}
	if p.cursor != old || p.zoom != oldZoom {
		p.refreshAxis() // a zoomed axis follows the cursor
	}
	if p.cursor != old {
		id := p.order[p.cursor]
		return p, func() tea.Msg { return eventFocusedMsg{ID: id} }
	}
	return p, nil
}

// visibleRange is the span of axis positions drawn: everything at zoom 0,
// else 1/2^zoom of it centred on the cursor's event, kept inside the whole.
func (p timelinePane) visibleRange() (lo, hi float64) {
	if len(p.pos) == 0 {
		return scaleOf(1900), scaleOf(2030)
	}
	lo, hi = p.pos[0], p.pos[len(p.pos)-1]
	pad := max((hi-lo)/40, 0.5) // keep the end markers off the edges
	lo, hi = lo-pad, hi+pad
	span := (hi - lo) / float64(int(1)<<p.zoom)
	c := p.pos[p.cursor] - span/2
	c = min(max(c, lo), hi-span)
	return c, c + span
}

// VisibleYears is the first and last year the axis shows.
func (p timelinePane) VisibleYears() (int, int) {
	lo, hi := p.visibleRange()
	return int(yearOf(lo)), int(yearOf(hi))
}

// View draws the title, the axis (markers, ticks, labels), the event list
// around the cursor and the cursor's event in detail, in exactly h lines.
func (p timelinePane) View() string {
	if p.w <= 0 || p.h <= 0 {
		return fitView(nil, p.w, p.h)
	}
	from, to := p.VisibleYears()
	title := p.st.PaneTitle.Render("Timeline") + p.st.Muted.Render(fmt.Sprintf(" · %s · %s–%s",
		plural(len(p.order), "event"), yearText(from), yearText(to)))
	if p.zoom > 0 {
		title += p.st.Muted.Render(fmt.Sprintf(" · zoom ×%d", 1<<p.zoom))
	}
	lines := []string{title}
	if len(p.order) == 0 {
		return fitView(append(lines, p.st.Muted.Render("No dated events.")), p.w, p.h)
	}
	var axis, detail []string
	if p.h >= 9 {
		axis = p.axisView()
	}
	if p.h >= 5 {
		detail = p.detailView(min(3, p.h-len(axis)-3))
	}
	lines = append(lines, axis...)
	lines = append(lines, p.listView(p.h-len(lines)-len(detail))...)
	return fitView(append(lines, detail...), p.w, p.h)
}

// listView draws rows events around the cursor, one per line.
func (p timelinePane) listView(rows int) []string {
	if rows <= 0 {
		return nil
	}
	start := min(max(p.cursor-rows/2, 0), max(len(p.order)-rows, 0))
	dateW := 0
	for i := start; i < min(start+rows, len(p.order)); i++ {
		dateW = max(dateW, ansi.StringWidth(eventDateText(&p.c.Events[p.order[i]])))
	}
	// The source document, by a short title (ids are hashes), when the
	// pane is wide enough to leave the summary most of the line.
	docW := 0
	if p.w >= 60 {
		docW = min(16, p.w/6)
	}
	var lines []string
	for i := start; i < min(start+rows, len(p.order)); i++ {
		e := &p.c.Events[p.order[i]]
		mark := "  "
		if e.Doc == p.marked && p.marked != "" {
			mark = p.st.MarkerFocused.Render("◆ ")
		}
		row := padRight(eventDateText(e), dateW) + "  "
		if docW > 0 {
			row += p.st.Muted.Render(padRight(p.docLabel(e.Doc, docW), docW)) + " "
		}
		row += e.Summary
		if i == p.cursor {
			mark, row = p.st.MarkerFocused.Render("▶ "), p.st.Accent.Render(ansi.Strip(row))
		}
		lines = append(lines, mark+row)
	}
	return lines
}

// docLabel is a document's title cut to n cells, or its id when it has no
// title.
func (p timelinePane) docLabel(id string, n int) string {
	if d := p.c.Doc(id); d != nil && d.Title != "" {
		return shortTitle(d.Title, n)
	}
	return id
}

// detailView draws the cursor's event: its date and expression, then its
// summary wrapped on the remaining lines.
func (p timelinePane) detailView(n int) []string {
	if n <= 0 {
		return nil
	}
	e := &p.c.Events[p.order[p.cursor]]
	source := e.Doc
	if d := p.c.Doc(e.Doc); d != nil && d.Title != "" {
		source = d.Title
	}
	head := p.st.Accent.Render(eventDateText(e)) + p.st.Muted.Render(fmt.Sprintf(" · “%s” · %s", e.Text, source))
	if e.Relative {
		head += p.st.Muted.Render(" · relative")
	}
	lines := []string{head}
	for _, l := range wrapText(e.Summary, p.w) {
		if len(lines) == n {
			break
		}
		lines = append(lines, cleanRun(e.Summary[l.start:l.end]))
	}
	return lines
}

// SetCorpus moves the timeline to a new snapshot of a changing corpus:
// next is newTimelinePane over it, built in the loader's goroutine. The
// pane keeps its keys, size, zoom and marked document, and its cursor on
// the same event (found by its Key) or else at the same place in the list.
func (p *timelinePane) SetCorpus(next timelinePane) {
	next.keys, next.zoom, next.focused, next.w, next.h, next.marked = p.keys, p.zoom, p.focused, p.w, p.h, p.marked
	next.cursor = min(p.cursor, max(len(next.order)-1, 0))
	if id := p.Cursor(); id >= 0 {
		if nid := next.c.FindEvent(p.c.Events[id].Key()); nid >= 0 {
			next.cursor = next.rank[nid]
		}
	}
	*p = next
	p.refreshAxis()
}
