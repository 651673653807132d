package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// This file draws the indicator table. Only the lines on screen are
// formatted, and each line is styled by wrapping it in a style's escape
// codes taken once per frame, rather than by a lipgloss Render per cell, so
// a frame stays well under a millisecond at any corpus size.

// colWidths divides the inner width between the columns: value and period
// are fixed, metric takes up to 16 cells, and subject and document share
// the rest. Narrow panes drop the document, then the period.
func (p tablePane) colWidths() [numCols]int {
	var w [numCols]int
	avail := p.w - p.gutter() // the cursor marker (and the conflict mark) and a space
	w[colValue], w[colPeriod] = 11, 9
	show := []tableCol{colMetric, colSubject, colValue, colPeriod, colDoc}
	switch {
	case avail < 36:
		show = []tableCol{colMetric, colSubject, colValue}
	case avail < 50:
		show = []tableCol{colMetric, colSubject, colValue, colPeriod}
	}
	rest := avail - (len(show) - 1)
	for _, c := range show {
		if c == colValue || c == colPeriod {
			rest -= w[c]
		}
	}
	rest = max(rest, 3)
	w[colMetric] = min(16, max(rest*3/10, 6))
	if len(show) == 5 {
		w[colSubject] = (rest - w[colMetric]) / 2
		w[colDoc] = rest - w[colMetric] - w[colSubject]
	} else {
		w[colSubject] = rest - w[colMetric]
	}
	return w
}

// gutter is the width before a row's first cell: the cursor marker and a
// space, with a cell for the conflict mark between them when any figure of
// the corpus has one.
func (p tablePane) gutter() int {
	if p.idx.conflicts {
		return 3
	}
	return 2
}

// footLines is how many lines under the rows the pane uses: the input and
// its completions or error while the query is typed; the status line and,
// with a query in force and room, the facet summary.
func (p tablePane) footLines() int {
	switch {
	case p.h <= 1:
		return 0
	case p.editing && p.h >= 5, len(p.summary) > 0 && p.h >= 6:
		return 2
	}
	return 1
}

// wrapOf returns the escape codes a style puts before and after text, so
// that whole lines can be styled by concatenation.
func wrapOf(s lipgloss.Style) (pre, post string) {
	r := s.Render("\x01")
	i := strings.IndexByte(r, '\x01')
	if i < 0 {
		return "", ""
	}
	return r[:i], r[i+1:]
}

// cell fits s into exactly w cells, truncated with an ellipsis or padded,
// on the left when right is set.
func cell(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	pad := strings.Repeat(" ", w-sw)
	if right {
		return pad + s
	}
	return s + pad
}

// View renders the titles, the rows on screen and the status line, in
// exactly h lines of w cells.
func (p tablePane) View() string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	w := p.colWidths()
	var b strings.Builder
	b.Grow((p.w + 16) * p.h)

	// Column titles, the sort column marked with its direction.
	hpre, hpost := wrapOf(p.st.TableHeader)
	line := strings.Repeat(" ", p.gutter())
	for c := tableCol(0); c < numCols; c++ {
		if w[c] == 0 {
			continue
		}
		t := colTitles[c]
		if c == p.sortCol {
			t += map[bool]string{false: "↑", true: "↓"}[p.desc]
		}
		line += cell(t, w[c], c == colValue) + " "
	}
	b.WriteString(hpre + cell(strings.TrimRight(line, " "), p.w, false) + hpost)

	body := max(p.h-1-p.footLines(), 0)
	rpre, rpost := wrapOf(p.st.TableRow)
	spre, spost := wrapOf(p.st.TableSelected)
	if !p.focused {
		spre, spost = wrapOf(p.st.Accent)
	}
	gpre, gpost := wrapOf(p.st.TableGroup)
	cpre, cpost := wrapOf(p.st.Conflict)
	cur := p.lineOf(p.cursor)
	for i := 0; i < body; i++ {
		b.WriteByte('\n')
		l := p.offset + i
		if len(p.view.rows) == 0 && i == 0 {
			msg := "no indicators"
			if p.query != "" {
				msg = "no indicator matches “" + p.query + "” (esc clears the filter)"
			}
			b.WriteString(p.st.Muted.Render(cell(msg, p.w, false)))
			continue
		}
		r, ok := p.rowAtLine(l)
		switch {
		case ok:
			text := cell(p.rowText(r, w), p.w-p.gutter(), false)
			pre, post, mark := rpre, rpost, "  "
			if l == cur {
				pre, post, mark = spre, spost, "▸ "
			}
			if p.idx.conflicts {
				// The mark in the Conflict style, then the row's style again.
				m := " "
				if p.idx.c.HasConflict(int(p.view.rows[r])) {
					m = post + cpre + "≠" + cpost + pre
				}
				mark = mark[:len(mark)-1] + m + " "
			}
			b.WriteString(pre + mark + text + post)
		case len(p.view.groups) > 0 && l < len(p.view.rows)+len(p.view.groups):
			g := p.groupAtLine(l)
			n := len(p.view.rows) - p.view.groups[g].start
			if g+1 < len(p.view.groups) {
				n = p.view.groups[g+1].start - p.view.groups[g].start
			}
			label := p.view.groups[g].label
			head := "▾ " + label + " (" + strconv.Itoa(n) + ")"
			if spark, ok := p.sparks[label]; ok && p.grouping == groupMetric {
				// the metric's figures per year, right-aligned
				b.WriteString(gpre + cell(head, p.w-p.sparkW-1, false) + " " + gpost + spark)
			} else {
				b.WriteString(gpre + cell(head, p.w, false) + gpost)
			}
		default:
			b.WriteString(strings.Repeat(" ", p.w))
		}
	}
	if p.h > 1 {
		b.WriteByte('\n')
		st := p.statusLine()
		b.WriteString(st + strings.Repeat(" ", max(0, p.w-ansi.StringWidth(st))))
	}
	if p.footLines() == 2 {
		b.WriteByte('\n')
		st := p.summaryLine(p.w)
		if p.editing {
			st = p.completionLine(p.w)
		}
		b.WriteString(st + strings.Repeat(" ", max(0, p.w-ansi.StringWidth(st))))
	}
	return b.String()
}

// rowText lays out one indicator's cells.
func (p tablePane) rowText(r int, w [numCols]int) string {
	id := p.view.rows[r]
	in := &p.idx.c.Indicators[id]
	subj := in.Subject
	if subj == "" {
		subj = "—"
	}
	var b strings.Builder
	b.WriteString(cell(metricLabel(in.Metric), w[colMetric], false))
	b.WriteString(" " + cell(subj, w[colSubject], false))
	b.WriteString(" " + cell(formatValue(in), w[colValue], true))
	if w[colPeriod] > 0 {
		b.WriteString(" " + cell(formatPeriod(in.Period), w[colPeriod], false))
	}
	if w[colDoc] > 0 {
		b.WriteString(" " + cell(p.idx.titles[p.idx.docOf[id]], w[colDoc], false))
	}
	return b.String()
}

// lineOf returns the display line of row r: rows plus the group headings
// before them.
func (p tablePane) lineOf(r int) int {
	if len(p.view.groups) == 0 {
		return r
	}
	return r + p.groupAt(r) + 1
}

// groupAt returns the group holding row r (binary search on the starts).
func (p tablePane) groupAt(r int) int {
	lo, hi := 0, len(p.view.groups)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.view.groups[mid].start <= r {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// groupAtLine returns the last group whose heading is on or before display
// line l (binary search: group g's heading is on line start+g).
func (p tablePane) groupAtLine(l int) int {
	lo, hi := 0, len(p.view.groups)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.view.groups[mid].start+mid <= l {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// rowAtLine returns the row on display line l, or false for a heading or
// past the end.
func (p tablePane) rowAtLine(l int) (int, bool) {
	if l < 0 {
		return 0, false
	}
	if len(p.view.groups) == 0 {
		return l, l < len(p.view.rows)
	}
	g := p.groupAtLine(l)
	r := l - g - 1
	if r < p.view.groups[g].start || r >= len(p.view.rows) {
		return 0, false
	}
	return r, true
}

// scrollToCursor keeps the cursor's line on screen.
func (p *tablePane) scrollToCursor() {
	body := max(p.h-1-p.footLines(), 1)
	l := p.lineOf(p.cursor)
	if p.cursor == 0 {
		l = 0 // show the first heading too
	}
	if l < p.offset {
		p.offset = l
	}
	if l >= p.offset+body {
		p.offset = l - body + 1
	}
}

// statusLine is the pane's last line: the filter being typed, or what the
// rows are and how they are sorted.
func (p tablePane) statusLine() string {
	if p.editing {
		return p.input.View()
	}
	var b strings.Builder
	if p.qerr != nil {
		// A query given on start (--query) that does not parse: say so.
		b.WriteString(p.st.Error.Render(ansi.Truncate("/"+p.typed+": "+p.qerr.Error(), p.w, "…")))
		return b.String()
	}
	if p.query != "" {
		b.WriteString("/" + p.query + " · ")
	}
	b.WriteString(strconv.Itoa(len(p.view.rows)))
	if p.query != "" {
		b.WriteString(" of " + strconv.Itoa(len(p.idx.c.Indicators)))
	}
	b.WriteString(" indicators · by ")
	if p.sortCol == colRank {
		b.WriteString("relevance")
	} else {
		b.WriteString(strings.ToLower(colTitles[p.sortCol]))
	}
	if p.grouping != groupNone {
		b.WriteString(" · grouped by " + [...]string{"", "metric", "subject"}[p.grouping])
	}
	return p.st.Muted.Render(ansi.Truncate(b.String(), p.w, "…"))
}
