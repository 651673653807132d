package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/NimbleMarkets/ntcharts/linechart/timeserieslinechart"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// chartMaxBars caps how many figures a group keeps for drawing: a metric
// with 100,000 figures still draws a screenful, chosen once at load time.
const chartMaxBars = 40

// chartKind is one way of drawing the comparable figures.
type chartKind int

const (
	chartBars     chartKind = iota // one diverging bar per figure
	chartSeries                    // mean value per year, as a time series
	chartSubjects                  // mean value per subject, as diverging bars
)

// String names the kind for the title line.
func (k chartKind) String() string {
	return [...]string{"bars", "over time", "by subject"}[k]
}

// chartKeyMap are the chart pane's keys.
type chartKeyMap struct {
	Cycle key.Binding // next chart kind that fits the data
}

// defaultChartKeyMap returns the chart's default keys.
func defaultChartKeyMap() chartKeyMap {
	return chartKeyMap{
		Cycle: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "chart kind")),
	}
}

// Named returns the bindings by their config-file names, so the root can
// rebind them in place.
func (k *chartKeyMap) Named() map[string]*key.Binding {
	return map[string]*key.Binding{"chart.cycle": &k.Cycle}
}

// ShortHelp implements help.KeyMap.
func (k chartKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Cycle} }

// FullHelp implements help.KeyMap.
func (k chartKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// chartPoint is one aggregated value: a year or a subject with the mean of
// its figures.
type chartPoint struct {
	label string
	year  int
	sum   float64
	n     int
}

func (p chartPoint) mean() float64 { return p.sum / float64(max(p.n, 1)) }

// chartGroup is a set of comparable figures: the same metric in the same
// unit. Everything the pane draws is precomputed here so that showing an
// indicator costs the size of a screen, not of the corpus.
type chartGroup struct {
	metric, unit string
	n            int          // figures in the group
	top          []int        // up to chartMaxBars ids: most recent period first, then largest magnitude
	years        []chartPoint // mean per period year, ascending
	subjects     []chartPoint // mean per subject, largest magnitude first, capped
}

// chartPane draws the figures comparable with the focused indicator.
type chartPane struct {
	st      *Styles
	c       *model.Corpus
	keys    chartKeyMap
	groups  []chartGroup
	groupOf []int32                // indicator id -> index in groups
	years   map[string]map[int]int // metric -> year -> figures, for sparklines
	focus   int                    // focused indicator, or -1
	kind    chartKind
	focused bool
	w, h    int
}

// newChartPane indexes the corpus's figures by metric and unit.
func newChartPane(st *Styles, c *model.Corpus) chartPane {
	p := chartPane{st: st, c: c, keys: defaultChartKeyMap(), focus: -1}
	p.groups, p.groupOf = indexComparables(c)
	p.years = yearCounts(c)
	return p
}

// Sparkline is metricSparkline from counts made once, cheap enough to
// call on every frame (a header or a table group row).
func (p chartPane) Sparkline(metric string, width int) string {
	return renderSparkline(p.st, p.years[metric], width)
}

// SparklineYears is Sparkline followed by the years it covers, in width
// cells in all: "▂▅█ 2013–25".
func (p chartPane) SparklineYears(metric string, width int) string {
	return labelledSparkline(p.st, p.years[metric], width)
}

// SetSize sets the inner size the pane draws in.
func (p *chartPane) SetSize(w, h int) { p.w, p.h = max(w, 0), max(h, 0) }

// Focus makes the pane take keys.
func (p *chartPane) Focus() { p.focused = true }

// Blur makes the pane ignore keys.
func (p *chartPane) Blur() { p.focused = false }

// Focused reports whether the pane takes keys.
func (p chartPane) Focused() bool { return p.focused }

// SetKeyMap replaces the pane's keys (after the root read a config file).
func (p *chartPane) SetKeyMap(km chartKeyMap) { p.keys = km }

// ShortHelp implements help.KeyMap.
func (p chartPane) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p chartPane) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// ShowIndicator draws the figures comparable with indicator id (-1: none).
// It keeps the chart kind when the new group can draw it.
func (p *chartPane) ShowIndicator(id int) {
	if id < 0 || id >= len(p.groupOf) {
		id = -1
	}
	p.focus = id
	if !p.kindFits(p.kind) {
		p.kind = chartBars
	}
}

// group returns the focused indicator's group, or nil.
func (p chartPane) group() *chartGroup {
	if p.focus < 0 {
		return nil
	}
	return &p.groups[p.groupOf[p.focus]]
}

// kindFits reports whether kind k makes sense for the focused group: a time
// series needs two distinct years, a distribution two subjects.
func (p chartPane) kindFits(k chartKind) bool {
	g := p.group()
	switch {
	case g == nil:
		return k == chartBars
	case k == chartSeries:
		return len(g.years) >= 2
	case k == chartSubjects:
		return len(g.subjects) >= 2
	}
	return true
}

// Update cycles the chart kind on the cycle key; the pane has no other keys.
func (p chartPane) Update(msg tea.Msg) (chartPane, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok && p.focused && key.Matches(km, p.keys.Cycle) {
		for k := p.kind + 1; ; k++ {
			k %= 3
			if p.kindFits(k) {
				p.kind = k
				break
			}
		}
	}
	return p, nil
}

// View draws the title line and the chart in exactly h lines.
func (p chartPane) View() string {
	if p.w <= 0 || p.h <= 0 {
		return fitView(nil, p.w, p.h)
	}
	g := p.group()
	if g == nil {
		return fitView([]string{p.st.PaneTitle.Render("Chart"), p.st.Muted.Render("No indicator selected.")}, p.w, p.h)
	}
	in := &p.c.Indicators[p.focus]
	// The focused value comes first after the metric: a narrow pane cuts
	// the title's end.
	title := p.st.PaneTitle.Render("Chart · "+metricLabel(g.metric)+unitSuffix(g.unit)) + p.st.Muted.Render(" · ") +
		p.st.Accent.Render(formatValue(in)) + p.st.Muted.Render(" · "+plural(g.n, "figure")+" · "+p.kind.String())
	lines := []string{title}
	body := p.h - 1
	switch p.kind {
	case chartSeries:
		lines = append(lines, p.seriesView(g, body)...)
	case chartSubjects:
		var bars []barEntry
		for _, s := range g.subjects {
			bars = append(bars, barEntry{label: fmt.Sprintf("%s (%d)", s.label, s.n), value: s.mean(),
				text: formatOne(s.mean(), g.unit), focused: s.label == subjectLabel(in.Subject)})
		}
		lines = append(lines, renderBars(p.st, keepFocused(bars, body-1), p.w)...)
	default:
		lines = append(lines, renderBars(p.st, p.barEntries(g, body-1), p.w)...)
	}
	return fitView(lines, p.w, p.h)
}

// barEntries picks at most rows figures of g, the focused one always among
// them, in descending order of value.
func (p chartPane) barEntries(g *chartGroup, rows int) []barEntry {
	var bars []barEntry
	seen := false
	for _, id := range g.top {
		seen = seen || id == p.focus
		bars = append(bars, p.barOf(id))
	}
	if !seen {
		bars = append(bars, p.barOf(p.focus))
	}
	return keepFocused(bars, rows)
}

// barOf is indicator id's bar, labelled with its subject and what tells
// it apart from the other figures of that subject: its period, or else a
// short title of its document (document ids are hashes nobody can read).
func (p chartPane) barOf(id int) barEntry {
	in := &p.c.Indicators[id]
	where := formatPeriod(in.Period)
	if pd := in.Period; pd != nil && pd.From > 0 && pd.To > pd.From && pd.From/100 == pd.To/100 {
		where = fmt.Sprintf("%d–%02d", pd.From, pd.To%100) // "2020–25": labels are short of room
	}
	if where == "" {
		where = in.Doc
		if d := p.c.Doc(in.Doc); d != nil && d.Title != "" {
			where = shortTitle(d.Title, 18)
		}
	}
	return barEntry{label: subjectLabel(in.Subject) + " · " + where, value: indicatorValue(in),
		text: formatValue(in), focused: id == p.focus}
}

// seriesView draws the group's yearly means with ntcharts over a time range
// taken from the data, never from the clock, so the view is reproducible.
func (p chartPane) seriesView(g *chartGroup, h int) []string {
	if p.w < 16 || h < 5 {
		return []string{p.st.Muted.Render("(too small for a time series)")}
	}
	first, last := g.years[0].year, g.years[len(g.years)-1].year
	lo, hi := 0.0, 0.0
	pts := make([]timeserieslinechart.TimePoint, 0, len(g.years))
	for _, y := range g.years {
		v := y.mean()
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		pts = append(pts, timeserieslinechart.TimePoint{Time: yearTime(y.year), Value: v})
	}
	if hi == lo {
		hi = lo + 1
	}
	unit := g.unit
	ts := timeserieslinechart.New(p.w, h,
		timeserieslinechart.WithTimeRange(yearTime(first), yearTime(last)),
		timeserieslinechart.WithYRange(lo, hi),
		timeserieslinechart.WithXYSteps(2, 2),
		timeserieslinechart.WithAxesStyles(p.st.Axis, p.st.Muted),
		timeserieslinechart.WithStyle(p.st.BarPositive),
		timeserieslinechart.WithXLabelFormatter(func(_ int, v float64) string {
			return strconv.Itoa(time.Unix(int64(v), 0).UTC().Year())
		}),
		timeserieslinechart.WithYLabelFormatter(func(_ int, v float64) string { return formatOne(v, unit) }),
		timeserieslinechart.WithTimeSeries(pts),
	)
	ts.DrawBraille()
	return strings.Split(ts.View(), "\n")
}

// yearTime is the first instant of year y, the x coordinate of its point.
func yearTime(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }

// indexComparables groups the corpus's indicators by metric and unit and
// precomputes what each group draws.
func indexComparables(c *model.Corpus) ([]chartGroup, []int32) {
	groupOf := make([]int32, len(c.Indicators))
	byKey := map[[2]string]int32{}
	var members [][]int
	var groups []chartGroup
	for i := range c.Indicators {
		in := &c.Indicators[i]
		k := [2]string{in.Metric, in.Unit}
		g, ok := byKey[k]
		if !ok {
			g = int32(len(groups))
			byKey[k] = g
			groups = append(groups, chartGroup{metric: in.Metric, unit: in.Unit})
			members = append(members, nil)
		}
		groupOf[i] = g
		members[g] = append(members[g], i)
	}
	for gi := range groups {
		groups[gi] = buildGroup(c, groups[gi], members[gi])
	}
	return groups, groupOf
}

// SetCorpus moves the chart to a new snapshot of a changing corpus: next
// is newChartPane over it, built in the loader's goroutine. The pane keeps
// its keys, size, focus and kind; the root shows the focused indicator
// again by its new ID.
func (p *chartPane) SetCorpus(next chartPane) {
	next.keys, next.kind, next.focused, next.w, next.h = p.keys, p.kind, p.focused, p.w, p.h
	*p = next
}
