package tui

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/NimbleMarkets/ntcharts/sparkline"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// This file holds the chart pane's drawing and data helpers: diverging bars
// (ntcharts' barchart clamps negative values to zero, and a fall in trade
// must show as a fall), figure formatting, the per-group precomputation and
// the per-metric sparkline.

// barEntry is one bar: its label, signed value, value text and whether it
// is the focused figure.
type barEntry struct {
	label, text string
	value       float64
	focused     bool
}

// keepFocused keeps at most rows bars, taken in the given priority order
// but always including the focused one, then orders them by value, largest
// first, so positives stack above the zero axis and negatives below.
func keepFocused(bars []barEntry, rows int) []barEntry {
	rows = max(rows, 1)
	if len(bars) > rows {
		kept := append([]barEntry(nil), bars[:rows]...)
		for _, b := range bars[rows:] {
			if b.focused { // the focused bar takes the last row
				kept[rows-1] = b
			}
		}
		bars = kept
	}
	out := append([]barEntry(nil), bars...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].value > out[j].value })
	return out
}

// renderBars draws one row per bar and an axis line: a marker column, the
// label, the bar area split at the zero axis in proportion to the largest
// negative and positive values, and the value text.
func renderBars(st *Styles, bars []barEntry, w int) []string {
	if len(bars) == 0 {
		return []string{st.Muted.Render("No comparable figures.")}
	}
	labelW, valW := 0, 0
	lo, hi := 0.0, 0.0
	for _, b := range bars {
		labelW, valW = max(labelW, ansi.StringWidth(b.label)), max(valW, ansi.StringWidth(b.text))
		lo, hi = math.Min(lo, b.value), math.Max(hi, b.value)
	}
	labelW = min(labelW, max(6, w*2/5))
	fixed := 2 + 1 + 1 + valW // marker, two gaps, value
	if w-fixed-labelW < 4 {   // narrow pane: give the bars room before the labels
		labelW = max(0, w-fixed-4)
	}
	barW := max(2, w-fixed-labelW)
	total := hi - lo
	if total == 0 {
		total = 1
	}
	negW := int(math.Round(float64(barW-1) * -lo / total)) // columns left of the axis
	posW := barW - 1 - negW
	var lines []string
	for _, b := range bars {
		var bar string
		switch {
		case b.value < 0:
			n := min(negW, max(1, int(math.Round(float64(negW)*b.value/lo))))
			bar = strings.Repeat(" ", negW-n) + barStyle(st, b).Render(strings.Repeat("█", n)) +
				st.Axis.Render("│") + strings.Repeat(" ", posW)
		default:
			n := 0
			if b.value > 0 {
				n = min(posW, max(1, int(math.Round(float64(posW)*b.value/hi))))
			}
			bar = strings.Repeat(" ", negW) + st.Axis.Render("│") +
				barStyle(st, b).Render(strings.Repeat("█", n)) + strings.Repeat(" ", posW-n)
		}
		mark, label := "  ", padRight(b.label, labelW)
		if b.focused {
			mark, label = st.BarFocused.Render("▶ "), st.BarFocused.Render(label)
		}
		lines = append(lines, mark+label+" "+bar+" "+padLeft(b.text, valW))
	}
	axis := []rune(strings.Repeat("─", barW))
	axis[negW] = '┴'
	lines = append(lines, strings.Repeat(" ", 2+labelW+1)+st.Axis.Render(string(axis)))
	return lines
}

// barStyle picks a bar's style: the focused figure stands out, falls are
// drawn in the negative colour.
func barStyle(st *Styles, b barEntry) interface{ Render(...string) string } {
	switch {
	case b.focused:
		return st.BarFocused
	case b.value < 0:
		return st.BarNegative
	}
	return st.BarPositive
}

// indicatorValue is the signed value a figure is drawn at: a range is
// drawn at its midpoint.
func indicatorValue(in *model.Indicator) float64 {
	if in.IsRange {
		return (in.Low + in.High) / 2
	}
	return in.Value
}

// unitSuffix is " (unit)" for a title, or "" for plain counts.
func unitSuffix(unit string) string {
	if unit == "" || unit == "count" {
		return ""
	}
	return " (" + unit + ")"
}

// subjectLabel names a figure's subject, or "—" when it has none.
func subjectLabel(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// periodYear is the year a figure refers to: its period's last year, or 0.
func periodYear(in *model.Indicator) int {
	if in.Period == nil {
		return 0
	}
	return in.Period.To
}

// buildGroup precomputes what a group of comparable figures draws.
func buildGroup(c *model.Corpus, g chartGroup, ids []int) chartGroup {
	g.n = len(ids)
	sort.Slice(ids, func(i, j int) bool {
		a, b := &c.Indicators[ids[i]], &c.Indicators[ids[j]]
		if ya, yb := periodYear(a), periodYear(b); ya != yb {
			return ya > yb
		}
		if va, vb := math.Abs(indicatorValue(a)), math.Abs(indicatorValue(b)); va != vb {
			return va > vb
		}
		return ids[i] < ids[j]
	})
	g.top = append([]int(nil), ids[:min(len(ids), chartMaxBars)]...)
	years, subjects := map[int]*chartPoint{}, map[string]*chartPoint{}
	for _, id := range ids {
		in := &c.Indicators[id]
		v := indicatorValue(in)
		if y := periodYear(in); y != 0 {
			if years[y] == nil {
				years[y] = &chartPoint{year: y}
			}
			years[y].sum, years[y].n = years[y].sum+v, years[y].n+1
		}
		s := subjectLabel(in.Subject)
		if subjects[s] == nil {
			subjects[s] = &chartPoint{label: s}
		}
		subjects[s].sum, subjects[s].n = subjects[s].sum+v, subjects[s].n+1
	}
	for _, y := range years {
		g.years = append(g.years, *y)
	}
	sort.Slice(g.years, func(i, j int) bool { return g.years[i].year < g.years[j].year })
	for _, s := range subjects {
		g.subjects = append(g.subjects, *s)
	}
	sort.Slice(g.subjects, func(i, j int) bool {
		a, b := g.subjects[i], g.subjects[j]
		if ma, mb := math.Abs(a.mean()), math.Abs(b.mean()); ma != mb {
			return ma > mb
		}
		return a.label < b.label
	})
	g.subjects = g.subjects[:min(len(g.subjects), chartMaxBars)]
	return g
}

// metricSparkline draws, in one line of exactly width cells, how many
// figures of metric the corpus has per year (the period's last year, else
// the document's year), from the first year to the last; when there are
// more years than cells, the most recent ones. It walks the whole corpus:
// call it once per metric and keep the string, or use chartPane.Sparkline,
// which reads counts made once in newChartPane.
func metricSparkline(st *Styles, c *model.Corpus, metric string, width int) string {
	return renderSparkline(st, yearCounts(c)[metric], width)
}

// yearCounts counts each metric's figures per year, in one pass.
func yearCounts(c *model.Corpus) map[string]map[int]int {
	counts := map[string]map[int]int{}
	for i := range c.Indicators {
		in := &c.Indicators[i]
		y := periodYear(in)
		if d := c.Doc(in.Doc); y == 0 && d != nil {
			y = d.Date.Year
		}
		if y == 0 {
			continue
		}
		if counts[in.Metric] == nil {
			counts[in.Metric] = map[int]int{}
		}
		counts[in.Metric][y]++
	}
	return counts
}

// renderSparkline draws counts per year with ntcharts' sparkline, padded
// to exactly width cells (blank when there is nothing to draw).
func renderSparkline(st *Styles, counts map[int]int, width int) string {
	if width <= 0 {
		return ""
	}
	if len(counts) == 0 {
		return strings.Repeat(" ", width)
	}
	first, last := sparkYears(counts, width)
	data := make([]float64, 0, last-first+1)
	for y := first; y <= last; y++ {
		data = append(data, float64(counts[y]))
	}
	sl := sparkline.New(width, 1, sparkline.WithStyle(st.Accent), sparkline.WithData(data))
	sl.DrawColumnsOnly()
	return padRight(sl.View(), width)
}

// sparkYears is the first and last year a sparkline of width cells over
// counts draws: every year from the first to the last with figures, or the
// most recent width of them.
func sparkYears(counts map[int]int, width int) (first, last int) {
	first, last = math.MaxInt, math.MinInt
	for y := range counts {
		first, last = min(first, y), max(last, y)
	}
	return max(first, last-width+1), last
}

// yearSpan writes the years a sparkline covers, short: "2025", "2013–25",
// "1998–2025".
func yearSpan(first, last int) string {
	switch {
	case first == last:
		return strconv.Itoa(last)
	case first/100 == last/100:
		return fmt.Sprintf("%d–%02d", first, last%100)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// labelledSparkline is a sparkline followed by the years it covers, in
// exactly width cells, so a reader knows what the bars span: "▂▅█ 2013–25".
// It is blank when the metric has no dated figures, and the bare sparkline
// when there is no room for a label.
func labelledSparkline(st *Styles, counts map[int]int, width int) string {
	if width <= 0 || len(counts) == 0 {
		return renderSparkline(st, counts, width)
	}
	// The label depends on the years shown and they on the room the label
	// leaves; a narrower range never has a longer label, so two passes do.
	first, last := sparkYears(counts, width)
	sw := width - ansi.StringWidth(yearSpan(first, last)) - 1
	if sw < 1 {
		return renderSparkline(st, counts, width)
	}
	first, last = sparkYears(counts, sw)
	label := yearSpan(first, last)
	n := last - first + 1 // one cell a year, right against the label
	pad := max(width-n-1-ansi.StringWidth(label), 0)
	return padRight(strings.Repeat(" ", pad)+renderSparkline(st, counts, n)+" "+st.Muted.Render(label), width)
}
