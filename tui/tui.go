// Package tui is corridor's dashboard: a Bubble Tea root model that lays out
// and routes messages between the indicator table, chart, timeline and reader
// panes. Styles come from a lipgloss renderer passed in, so the same model
// runs locally and per SSH session.
package tui

import (
	"slices"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// focus names a pane: the order is the tab order and the 1–4 keys.
type focus int

// The panes, in tab order.
const (
	focusTable focus = iota
	focusChart
	focusTimeline
	focusReader
	numFocus
)

var paneTitles = [numFocus]string{"Indicators", "Chart", "Timeline", "Reader"}

// Model is the dashboard's root model. It holds the panes as fields, decides
// their sizes, and routes messages between them; it is the only code that
// refers to more than one pane.
type Model struct {
	corpus        *model.Corpus
	styles        *Styles
	keys          globalKeyMap
	help          help.Model
	opts          options
	width, height int

	focus    focus   // the pane with the keys
	second   focus   // the pane shown under the table when only two fit
	history  []focus // where esc goes back to
	showHelp bool
	current  int // the focused indicator, -1 for none
	status   string
	isErr    bool
	rects    [numFocus]rect // where each pane was laid out, for the mouse

	header   headerPane
	table    tablePane
	chart    chartPane
	timeline timelinePane
	reader   readerPane

	compare   comparePane // figures that disagree, over the panes while comparing
	comparing bool

	load *loader // the background load and watch, or nil (see WithStream)
	// wantWords tells the loader's goroutine that the filter has free
	// words, so that it builds each snapshot's word index there: built in
	// Update, it stalled the keys for 0.2 s per snapshot of Reuters.
	wantWords *atomic.Bool
}

// New returns a dashboard over c of the given size (0, 0 until the first
// WindowSizeMsg), styled with st. The styles are copied once and shared by
// pointer with every pane: Styles is large, and Bubble Tea copies the model
// on every Update, so holding it by value in each pane made every keypress
// (and every SSH session's first frame) copy it many times.
func New(c *model.Corpus, styles Styles, width, height int, opts ...Option) Model {
	st := &styles
	m := Model{corpus: c, styles: st, keys: defaultGlobalKeyMap(), help: newHelp(st), current: -1, second: focusChart,
		header: newHeaderPane(st, c), table: newTablePane(st, c), chart: newChartPane(st, c),
		timeline: newTimelinePane(st, c), reader: newReaderPane(st, c), compare: newComparePane(st, c)}
	for _, o := range opts {
		o(&m.opts)
	}
	if s := m.opts.stream; s != nil {
		ww := new(atomic.Bool)
		m.wantWords = ww
		m.load = newLoader(*s, func(c *model.Corpus) snapshot {
			snap := prepareSnapshot(st, c)
			if ww.Load() {
				snap.table.wordIdx()
			}
			return snap
		})
		m.header.StartLoading()
	}
	m.table.SetSparkline(m.chart.SparklineYears) // counts made once, by the chart
	m.rebindKeys(m.opts.keys)
	if m.opts.filter != "" {
		m.table.SetFilter(m.opts.filter)
	}
	if m.wantWords != nil {
		m.wantWords.Store(m.table.FilterHasWords())
	}
	m.table.Focus()
	m.syncHeader()
	m.showIndicator(m.table.Current())
	m.resize(width, height)
	m.previewIndicator(m.current)
	return m
}

// Corpus returns the corpus on screen: the latest snapshot while a
// background load or reload is under way.
func (m Model) Corpus() *model.Corpus { return m.corpus }

// rebindKeys applies the config's keys to every keymap.
func (m *Model) rebindKeys(keys map[string][]string) {
	rebind(m.keys.Named(), keys)
	tk, ck, tlk, rk := defaultTableKeyMap(), defaultChartKeyMap(), defaultTimelineKeyMap(), defaultReaderKeyMap()
	rebind(tk.Named(), keys)
	rebind(ck.Named(), keys)
	rebind(tlk.Named(), keys)
	rebind(rk.Named(), keys)
	cmk := defaultCompareKeyMap()
	rebind(cmk.Named(), keys)
	m.compare.SetKeyMap(cmk)
	m.table.SetKeyMap(tk)
	m.chart.SetKeyMap(ck)
	m.timeline.SetKeyMap(tlk)
	m.reader.SetKeyMap(rk)
}

// KeyNames lists every action a config file can rebind, sorted.
func KeyNames() []string {
	g, t, c, tl, r := defaultGlobalKeyMap(), defaultTableKeyMap(), defaultChartKeyMap(), defaultTimelineKeyMap(), defaultReaderKeyMap()
	var names []string
	cm := defaultCompareKeyMap()
	for _, n := range []map[string]*key.Binding{g.Named(), t.Named(), c.Named(), tl.Named(), r.Named(), cm.Named()} {
		names = append(names, sortedNames(n)...)
	}
	slices.Sort(names)
	return names
}

// Init implements tea.Model: with WithStream, it starts the background
// load.
func (m Model) Init() tea.Cmd {
	if m.load != nil {
		return m.load.start()
	}
	return nil
}

// Update implements tea.Model: it routes input to the focused pane (the
// mouse to the pane under the pointer) and carries messages between panes.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	if mm, ok := next.(Model); ok && mm.wantWords != nil {
		mm.wantWords.Store(mm.table.FilterHasWords())
	}
	return next, cmd
}

// update is Update before the loader is told what the filter needs.
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		if m.reader.Document() == "" { // the reader may have just come on screen
			m.previewIndicator(m.current)
		}
	case tea.KeyMsg:
		m.status, m.isErr = "", false
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case indicatorFocusedMsg:
		m.showIndicator(msg.ID)
		m.previewIndicator(msg.ID)
	case eventFocusedMsg:
		if msg.ID >= 0 && msg.ID < len(m.corpus.Events) {
			e := &m.corpus.Events[msg.ID]
			m.preview(e.Doc, e.Span, -1, msg.ID)
		}
	case compareChosenMsg:
		m.comparing = m.compare.Open(msg.ID)
	case closeCompareMsg:
		m.comparing = false
	case openSourceMsg:
		// From the compare view: close it, and esc in the reader returns
		// to the pane under it.
		m.comparing = false
		// Remember where we came from so esc can return there.
		if m.focus != focusReader {
			m.pushHistory(m.focus)
		}
		m.reader.Open(msg.Doc, msg.Span, msg.Indicator, msg.Event)
		m.setFocus(focusReader)
	case highlightChosenMsg:
		m.pushHistory(focusReader)
		if msg.Indicator >= 0 {
			if m.table.Select(msg.Indicator) {
				m.syncHeader()
				m.showIndicator(msg.Indicator)
			}
			m.setFocus(focusTable)
		} else if msg.Event >= 0 {
			m.timeline.FocusEvent(msg.Event)
			m.setFocus(focusTimeline)
		}
	case closeReaderMsg:
		m.goBack()
	case corpusLoadedMsg:
		m.setCorpus(msg.snap)
		m.header.SetProgress(msg.progress)
		if msg.reloaded > 0 {
			m.status, m.isErr = "reloaded "+plural(msg.reloaded, "file"), false
		}
		return m, m.load.wait()
	case loadProgressMsg:
		m.header.SetProgress(msg.progress)
		return m, m.load.wait()
	case errMsg:
		m.status, m.isErr = msg.err.Error(), true
	case statusMsg:
		m.status, m.isErr = string(msg), false
	}
	return m, nil
}

// handleKey gives global keys first refusal, except while the filter is
// typed, when every printable key is text.
func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	typing := m.focus == focusTable && m.table.Typing() || m.focus == focusReader && m.reader.Typing()
	switch {
	case key.Matches(msg, m.keys.Quit) && !(typing && msg.Type == tea.KeyRunes):
		if m.load != nil {
			m.load.stop() // the workers stop after the file they are on
		}
		return m, tea.Quit
	case m.showHelp:
		if key.Matches(msg, m.keys.Help, m.keys.Back) {
			m.showHelp = false
		}
		return m, nil
	case m.comparing:
		if key.Matches(msg, m.keys.Help) {
			m.showHelp = true
			return m, nil
		}
		var cmd tea.Cmd
		m.compare, cmd = m.compare.Update(msg)
		return m, cmd
	case typing:
		return m.updatePane(m.focus, msg)
	case m.mode() == modeTooSmall:
		return m, nil // nothing is on screen to act on
	case key.Matches(msg, m.keys.Help):
		m.showHelp = true
	case key.Matches(msg, m.keys.Next):
		m.setFocus((m.focus + 1) % numFocus)
	case key.Matches(msg, m.keys.Prev):
		m.setFocus((m.focus + numFocus - 1) % numFocus)
	case key.Matches(msg, m.keys.Table, m.keys.Chart, m.keys.Timeline, m.keys.Reader):
		for f, b := range []key.Binding{m.keys.Table, m.keys.Chart, m.keys.Timeline, m.keys.Reader} {
			if key.Matches(msg, b) {
				m.setFocus(focus(f))
			}
		}
	case key.Matches(msg, m.keys.Copy):
		return m, m.copyCmd()
	case key.Matches(msg, m.keys.Back) && m.focus != focusReader && (len(m.history) > 0 || m.focus != focusTable):
		// The reader handles its own esc (it says closeReaderMsg); elsewhere
		// esc goes back where we came from, or to the table, and only on the
		// table with nowhere to go back to does it reach the pane (which
		// clears its filter).
		m.goBack()
	default:
		return m.updatePane(m.focus, msg)
	}
	return m, nil
}

// handleMouse focuses the pane clicked and sends every mouse event to the
// pane under the pointer, in the pane's own coordinates (0, 0 is the first
// cell inside the border); each pane decides what the wheel does.
func (m Model) handleMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.showHelp || m.comparing || m.mode() == modeTooSmall {
		return m, nil
	}
	for f, r := range m.rects {
		if !r.contains(msg.X, msg.Y) {
			continue
		}
		if msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress && focus(f) != m.focus {
			m.setFocus(focus(f))
			r = m.rects[f] // the layout may change with focus
		}
		local := msg
		local.X, local.Y = msg.X-r.x-1, msg.Y-r.y-1
		return m.updatePane(focus(f), local)
	}
	return m, nil
}

// updatePane sends msg to one pane and keeps the header in step with the
// table's filter.
func (m Model) updatePane(f focus, msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch f {
	case focusTable:
		m.table, cmd = m.table.Update(msg)
		m.syncHeader()
	case focusChart:
		m.chart, cmd = m.chart.Update(msg)
	case focusTimeline:
		m.timeline, cmd = m.timeline.Update(msg)
	case focusReader:
		m.reader, cmd = m.reader.Update(msg)
	}
	return m, cmd
}

// showIndicator makes id the focused indicator of the chart and timeline.
func (m *Model) showIndicator(id int) {
	m.current = id
	m.chart.ShowIndicator(id)
	if id >= 0 && id < len(m.corpus.Indicators) {
		in := &m.corpus.Indicators[id]
		m.timeline.MarkDocument(in.Doc)
		m.header.SetMetric(metricLabel(in.Metric), m.chart.SparklineYears(in.Metric, 20))
	}
}

// previewIndicator shows indicator id's sentence in the reader; see preview.
func (m *Model) previewIndicator(id int) {
	if id >= 0 && id < len(m.corpus.Indicators) {
		in := &m.corpus.Indicators[id]
		m.preview(in.Doc, in.Span, id, -1)
	}
}

// preview shows a span in the reader while another pane's cursor moves, so
// each figure's sentence is in view without pressing enter. It moves no
// focus and records no history (enter does both), and it does nothing when
// the reader is off screen (the two-pane layout showing another pane), so
// no document is wrapped for nobody to see.
func (m *Model) preview(doc string, span model.Span, indicator, event int) {
	if m.focus == focusReader || m.rects[focusReader].w == 0 {
		return
	}
	m.reader.Preview(doc, span, indicator, event)
}

// snapshot is a corpus with every pane's index built for it. The loader
// builds it in its goroutine, so that swapping it in costs Update little.
type snapshot struct {
	c        *model.Corpus
	table    *tableIndex
	chart    chartPane
	timeline timelinePane
	reader   readerPane
}

// prepareSnapshot builds the panes' indexes for c; it reads only c and st,
// so it may run in any goroutine.
func prepareSnapshot(st *Styles, c *model.Corpus) snapshot {
	return snapshot{c: c, table: newTableIndex(c), chart: newChartPane(st, c),
		timeline: newTimelinePane(st, c), reader: newReaderPane(st, c)}
}

// setCorpus swaps in a new snapshot of a changing corpus. Every pane keeps
// its place: the cursor stays on the same indicator (found by its Key, as
// IDs shift), the reader on the same document and offset.
func (m *Model) setCorpus(s snapshot) {
	m.corpus = s.c
	m.header.SetCorpus(s.c)
	m.chart.SetCorpus(s.chart)
	m.table.SetCorpus(s.table)
	m.table.SetSparkline(m.chart.SparklineYears) // bound to the new chart's counts
	m.timeline.SetCorpus(s.timeline)
	m.reader.SetCorpus(s.reader)
	if m.comparing {
		m.comparing = m.compare.SetCorpus(s.c)
	} else {
		m.compare.SetCorpus(s.c)
	}
	m.syncHeader()
	m.showIndicator(m.table.Current())
	m.layout()
	if m.reader.Document() == "" { // the first figures arrived: show one
		m.previewIndicator(m.current)
	}
}

// syncHeader copies the table's filter into the header.
func (m *Model) syncHeader() { m.header.SetFilter(m.table.Filter()) }

// setFocus moves the keys to pane f and lays the panes out again, since
// the two-pane layout shows the focused pane under the table.
func (m *Model) setFocus(f focus) {
	if f == m.focus {
		return
	}
	m.table.Blur()
	m.chart.Blur()
	m.timeline.Blur()
	m.reader.Blur()
	switch f {
	case focusTable:
		m.table.Focus()
	case focusChart:
		m.chart.Focus()
	case focusTimeline:
		m.timeline.Focus()
	case focusReader:
		m.reader.Focus()
	}
	m.focus = f
	if f != focusTable {
		m.second = f
	}
	m.layout()
}

// pushHistory records a pane to return to, bounded so it cannot grow
// without end over a long session.
func (m *Model) pushHistory(f focus) {
	if len(m.history) >= 32 {
		m.history = slices.Delete(m.history, 0, 1)
	}
	m.history = append(m.history, f)
}

// goBack returns to the pane before the last jump, or the table.
func (m *Model) goBack() {
	f := focusTable
	if n := len(m.history); n > 0 {
		f, m.history = m.history[n-1], m.history[:n-1]
	}
	m.setFocus(f)
}

// ShortHelp implements help.KeyMap: the focused pane's keys, then the
// global ones.
func (m Model) ShortHelp() []key.Binding {
	return append(m.paneShortHelp(), m.keys.ShortHelp()...)
}

// FullHelp implements help.KeyMap.
func (m Model) FullHelp() [][]key.Binding {
	var pane [][]key.Binding
	switch {
	case m.comparing:
		pane = m.compare.FullHelp()
	default:
		pane = m.paneFullHelp()
	}
	return append(pane, m.keys.FullHelp()...)
}

// paneFullHelp is the focused pane's full help.
func (m Model) paneFullHelp() [][]key.Binding {
	var pane [][]key.Binding
	switch m.focus {
	case focusTable:
		pane = m.table.FullHelp()
	case focusChart:
		pane = m.chart.FullHelp()
	case focusTimeline:
		pane = m.timeline.FullHelp()
	case focusReader:
		pane = m.reader.FullHelp()
	}
	return pane
}

func (m Model) paneShortHelp() []key.Binding {
	if m.comparing {
		return m.compare.ShortHelp()
	}
	switch m.focus {
	case focusChart:
		return m.chart.ShortHelp()
	case focusTimeline:
		return m.timeline.ShortHelp()
	case focusReader:
		return m.reader.ShortHelp()
	}
	return m.table.ShortHelp()
}
