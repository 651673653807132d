package tui

import (
	"sort"
	"strings"
)

// This file draws the timeline's axis: a line of event markers, the rule
// with its ticks and era boundaries, and the tick labels. Everything that
// depends on the events is computed when the axis changes (a resize, a
// zoom, a zoomed cursor move, a new marked document) and cached on the
// pane, so that a frame costs the width of the pane, not the number of
// events: 40,000 events took most of a millisecond per frame before.

// timelineAxis is the axis as last computed, with what it was computed for.
// The density row depends on the width and range only; the marked
// document's columns are kept apart so that marking another document (on
// every table cursor move) costs that document's events, not the corpus's.
type timelineAxis struct {
	w       int     // width in cells
	lo, hi  float64 // the visible range of axis positions
	ok      bool    // computed at all
	density []bool  // per column: at least one event there
	rule    string  // the axis line, unstyled
	labels  string  // the tick labels, unstyled

	marked     string // the document whose events are marked
	markedCols []int  // the columns of its events in range
}

// fresh reports whether the density row was computed for this width and
// range.
func (a *timelineAxis) fresh(w int, lo, hi float64) bool {
	return a.ok && a.w == w && a.lo == lo && a.hi == hi
}

// refreshAxis recomputes the cached axis if what it depends on changed.
// Only the pane's pointer methods and Update call it, never View.
func (p *timelinePane) refreshAxis() {
	lo, hi := p.visibleRange()
	if !p.axis.fresh(p.w, lo, hi) {
		p.axis = p.buildAxis(lo, hi)
	} else if p.axis.marked != p.marked {
		p.axis.marked, p.axis.markedCols = p.marked, p.markedColumns(lo, hi)
	}
}

// colOf is the column of axis position u on a w-cell axis showing [lo, hi).
func colOf(u, lo, hi float64, w int) int { return int((u - lo) / (hi - lo) * float64(w)) }

// buildAxis computes the axis for positions [lo, hi) at the pane's width:
// linear in the events in range.
func (p timelinePane) buildAxis(lo, hi float64) timelineAxis {
	w := p.w
	a := timelineAxis{w: w, lo: lo, hi: hi, ok: true, density: make([]bool, w), marked: p.marked}
	if w <= 0 {
		return a
	}
	for i := sort.SearchFloat64s(p.pos, lo); i < len(p.pos) && p.pos[i] <= hi; i++ {
		if col := colOf(p.pos[i], lo, hi, w); col >= 0 && col < w {
			a.density[col] = true
		}
	}
	a.markedCols = p.markedColumns(lo, hi)
	cols, labels := rulerTicks(lo, hi, w)
	rule := []rune(strings.Repeat("─", w))
	for _, c := range cols {
		rule[c] = '┬'
	}
	for _, e := range timelineEras[1:] { // era boundaries, where the density changes
		if c := colOf(scaleOf(e.from), lo, hi, w); c >= 0 && c < w && rule[c] == '─' {
			rule[c] = '┊'
		}
	}
	a.rule, a.labels = string(rule), string(labels)
	return a
}

// markedColumns returns the columns of the marked document's events in
// [lo, hi].
func (p timelinePane) markedColumns(lo, hi float64) []int {
	if p.marked == "" {
		return nil
	}
	var cols []int
	_, evs := p.c.Figures(p.c.DocIndex(p.marked))
	for k := range evs {
		i := p.rank[evs[k].ID]
		if col := colOf(p.pos[i], lo, hi, p.w); p.pos[i] >= lo && p.pos[i] <= hi && col >= 0 && col < p.w {
			cols = append(cols, col)
		}
	}
	return cols
}

// axisView draws the three axis lines from the cache, adding the cursor's
// marker. If the cache is stale (a caller forgot to refresh it) it is
// rebuilt for this frame only, so the view is never wrong, only slower.
func (p timelinePane) axisView() []string {
	lo, hi := p.visibleRange()
	a := p.axis
	if !a.fresh(p.w, lo, hi) {
		a = p.buildAxis(lo, hi)
	} else if a.marked != p.marked {
		a.markedCols = p.markedColumns(lo, hi)
	}
	marked := make([]bool, p.w)
	for _, c := range a.markedCols {
		marked[c] = true
	}
	cur := -1
	if u := p.pos[p.cursor]; u >= lo && u <= hi {
		cur = colOf(u, lo, hi, p.w)
	}
	epre, epost := wrapOf(p.st.Marker)
	fpre, fpost := wrapOf(p.st.MarkerFocused)
	var mk strings.Builder
	mk.Grow(p.w * 12)
	for col, ev := range a.density {
		switch {
		case col == cur:
			mk.WriteString(fpre + "▼" + fpost)
		case marked[col]:
			mk.WriteString(fpre + "◆" + fpost)
		case ev:
			mk.WriteString(epre + "•" + epost)
		default:
			mk.WriteByte(' ')
		}
	}
	return []string{mk.String(), p.st.Axis.Render(a.rule), p.st.Muted.Render(a.labels)}
}
