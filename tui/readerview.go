package tui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// View draws the title line, the text (or a list) and the status line, in
// exactly h lines. Only the visible window is styled: the cost of a frame
// does not grow with the document.
func (p readerPane) View() string {
	if p.w <= 0 || p.h <= 0 {
		return fitView(nil, p.w, p.h)
	}
	lines := []string{p.titleView()}
	th := p.textHeight()
	switch {
	case p.doc == nil && p.mode != readDocs:
		lines = append(lines, p.st.Muted.Render("No document open: press d for the list, or enter on a figure or event."))
	case p.mode == readTOC:
		lines = append(lines, p.listView(th, len(p.toc), p.tocCur, func(i int) string { return p.toc[i].title })...)
	case p.mode == readDocs:
		lines = append(lines, p.listView(th, len(p.docs.rows), p.docs.pos, func(i int) string { return p.docRow(p.docs.rows[i]) })...)
	default:
		lines = append(lines, p.textView(th)...)
	}
	if p.h >= 3 {
		for len(lines) < p.h-1 {
			lines = append(lines, "")
		}
		lines = append(lines[:p.h-1], p.statusView())
	}
	return fitView(lines, p.w, p.h)
}

// titleView is the document's title, date and counts, and how far in the
// top line is.
func (p readerPane) titleView() string {
	if p.doc == nil {
		return p.st.PaneTitle.Render("Reader")
	}
	inds, evs := p.counts.of(p.c.DocIndex(p.doc.ID))
	info := " · " + plural(inds, "figure") + " · " + plural(evs, "event")
	if ds := p.doc.Date.String(); ds != "" {
		info = " · " + ds + info
	}
	if len(p.doc.Text) > 0 {
		info += fmt.Sprintf(" · %d%%", p.top*100/len(p.doc.Text))
	}
	return p.st.PaneTitle.Render("Reader · "+p.doc.Title) + p.st.Muted.Render(info)
}

// statusView is the search input, the search position, or the focused
// highlight, on the last line.
func (p readerPane) statusView() string {
	count := func() string {
		n := fmt.Sprint(len(p.matches))
		if len(p.matches) == readerMaxMatches {
			n += "+"
		}
		if p.match >= 0 {
			return fmt.Sprintf("%d/%s matches", p.match+1, n)
		}
		return n + " matches"
	}
	switch {
	case p.mode == readSearch:
		return p.input.View() + "  " + p.st.Muted.Render(count())
	case p.mode == readTOC:
		return p.st.Muted.Render("contents · enter go · t/esc back")
	case p.mode == readDocs:
		return p.docsStatus()
	case p.query != "":
		return p.st.SearchMatch.Render("/"+p.query) + p.st.Muted.Render("  "+count()+" · n/N next/previous · esc clear")
	case p.cur >= 0:
		return p.st.Accent.Render(fmt.Sprintf("%d/%d ", p.cur+1, len(p.hls))) + p.st.Muted.Render(p.describe(p.hls[p.cur]))
	case p.doc != nil:
		return p.st.Muted.Render(fmt.Sprintf("%d highlights · n/N move · / search · t contents · d documents", len(p.hls)))
	}
	return ""
}

// describe names a highlight's item for the status line.
func (p readerPane) describe(h readerHL) string {
	if h.ind >= 0 {
		in := &p.c.Indicators[h.ind]
		return metricLabel(in.Metric) + " · " + subjectLabel(in.Subject) + " · " + formatValue(in)
	}
	e := &p.c.Events[h.ev]
	return "event · " + eventDateText(e)
}

// docRow is one line of the document list.
func (p readerPane) docRow(i int) string {
	d := p.c.Documents[i]
	inds, evs := p.counts.of(i)
	date := d.Date.String()
	if date == "" {
		date = "no date"
	}
	return d.Title + " · " + date + " · " + plural(inds, "figure") + " · " + plural(evs, "event")
}

// listView draws rows of a list around its cursor.
func (p readerPane) listView(rows, n, cur int, row func(int) string) []string {
	start := min(max(cur-rows/2, 0), max(n-rows, 0))
	var lines []string
	for i := start; i < min(start+rows, n); i++ {
		if i == cur {
			lines = append(lines, p.st.HighlightFocused.Render("▶ "+row(i)))
		} else {
			lines = append(lines, "  "+row(i))
		}
	}
	return lines
}

// textView styles the th wrapped lines from the top.
func (p readerPane) textView(th int) []string {
	t := p.topLine()
	end := min(t+th, len(p.lines))
	if t >= end {
		return nil
	}
	from, to := p.lines[t].start, p.lines[end-1].end
	hls := overlapping(p.hls, from, to, p.maxHL, func(h readerHL) model.Span { return h.span })
	matches := overlapping(p.matches, from, to, len(p.query), func(s model.Span) model.Span { return s })
	noise := overlapping(p.doc.Noise, from, to, -1, func(s model.Span) model.Span { return s })
	var focus, current model.Span
	if p.cur >= 0 {
		focus = p.hls[p.cur].span
	}
	if p.match >= 0 {
		current = p.matches[p.match]
	}
	var lines []string
	for _, l := range p.lines[t:end] {
		gutter := ""
		if p.textWidth() < p.w {
			gutter = "  "
			if focus.Len() > 0 && focus.Start < max(l.end, l.start+1) && l.start < focus.End {
				gutter = p.st.MarkerFocused.Render("▶ ")
			}
		}
		lines = append(lines, gutter+p.styleLine(l, hls, matches, noise, focus, current))
	}
	return lines
}

// styleLine renders one wrapped line, cutting it into runs at every span
// boundary and styling each run by precedence: the focused highlight, the
// current match, any match, any highlight, noise.
func (p readerPane) styleLine(l wline, hls []readerHL, matches, noise []model.Span, focus, current model.Span) string {
	cuts := []int{l.start, l.end}
	add := func(s model.Span) {
		if s.Start > l.start && s.Start < l.end {
			cuts = append(cuts, s.Start)
		}
		if s.End > l.start && s.End < l.end {
			cuts = append(cuts, s.End)
		}
	}
	for _, h := range hls {
		add(h.span)
	}
	for _, s := range matches {
		add(s)
	}
	for _, s := range noise {
		add(s)
	}
	sort.Ints(cuts)
	var b strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a == z {
			continue
		}
		run := cleanRun(p.doc.Text[a:z])
		in := func(s model.Span) bool { return s.Start <= a && z <= s.End && s.Len() > 0 }
		var st *lipgloss.Style
		switch {
		case in(focus):
			st = &p.st.HighlightFocused
		case in(current):
			s := p.st.SearchMatch.Reverse(true)
			st = &s
		case anySpan(matches, in, func(s model.Span) model.Span { return s }):
			st = &p.st.SearchMatch
		case anySpan(hls, in, func(h readerHL) model.Span { return h.span }):
			st = &p.st.Highlight
		case anySpan(noise, in, func(s model.Span) model.Span { return s }):
			st = &p.st.Noise
		}
		if st != nil {
			run = st.Render(run)
		}
		b.WriteString(run)
	}
	return b.String()
}

// anySpan reports whether in holds for the span of any item.
func anySpan[T any](items []T, in func(model.Span) bool, span func(T) model.Span) bool {
	for _, it := range items {
		if in(span(it)) {
			return true
		}
	}
	return false
}

// overlapping returns the items (sorted by start) whose spans overlap
// [from, to). maxLen bounds the spans' length so the search can start by
// bisection on starts; -1 says the spans are disjoint (noise), so their
// ends are sorted too and the bisection can use them.
func overlapping[T any](items []T, from, to, maxLen int, span func(T) model.Span) []T {
	var i int
	if maxLen >= 0 {
		i = sort.Search(len(items), func(i int) bool { return span(items[i]).Start >= from-maxLen })
	} else {
		i = sort.Search(len(items), func(i int) bool { return span(items[i]).End > from })
	}
	var out []T
	for ; i < len(items) && span(items[i]).Start < to; i++ {
		if span(items[i]).End > from {
			out = append(out, items[i])
		}
	}
	return out
}

// tocEntry is a heading of the table of contents and where it starts.
type tocEntry struct {
	title string
	off   int
}

// tocEvery is how many paragraphs an entry stands for when a long text
// has no headings.
const tocEvery = 20

// tableOfContents finds a text's headings: Markdown '#' lines, and short
// title-like lines standing alone between blank lines. A long text with
// fewer than two gets an entry every tocEvery paragraphs instead, titled
// with the paragraph's first words.
func tableOfContents(text string) []tocEntry {
	var heads, paras []tocEntry
	prevBlank := true
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := strings.TrimSpace(text[off:end])
		nextBlank := end >= len(text) || strings.TrimSpace(firstLine(text[end+1:])) == ""
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			heads = append(heads, tocEntry{strings.TrimSpace(strings.TrimLeft(line, "#")), off})
		case prevBlank && nextBlank && titleLike(line):
			heads = append(heads, tocEntry{line, off})
		}
		if line != "" && prevBlank {
			paras = append(paras, tocEntry{firstWords(line, 60), off})
		}
		prevBlank = line == ""
		off = end + 1
	}
	if len(heads) >= 2 || len(paras) <= tocEvery*2 {
		return heads
	}
	var out []tocEntry
	for i := 0; i < len(paras); i += tocEvery {
		out = append(out, paras[i])
	}
	return out
}

// firstLine returns s up to its first newline.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// titleLike reports whether a line reads as a heading: short, and not
// ending like a sentence.
func titleLike(line string) bool {
	n := utf8.RuneCountInString(line)
	return n >= 3 && n <= 80 && !strings.ContainsAny(line[len(line)-1:], ".,;:!?")
}

// firstWords cuts s to at most n cells at a word boundary, with "…".
func firstWords(s string, n int) string {
	if ansi.StringWidth(s) <= n {
		return s
	}
	s = ansi.Truncate(s, n, "")
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return s + "…"
}
