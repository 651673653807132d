package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// headerPane is the one-line summary above the panes: what the corpus holds,
// the filter in force and how many paths could not be loaded. It has no
// keys; the root tells it the filter after every table update.
type headerPane struct {
	st                    Styles
	docs, indicators, evs int
	problems              int
	w                     int
	query                 string
	shown                 int
}

// newHeaderPane summarises c.
func newHeaderPane(st Styles, c *model.Corpus) headerPane {
	return headerPane{st: st, docs: len(c.Documents), indicators: len(c.Indicators), evs: len(c.Events),
		problems: len(c.Problems), shown: len(c.Indicators)}
}

// SetSize sets the width; the header is always one line.
func (p *headerPane) SetSize(w, _ int) { p.w = max(w, 0) }

// SetFilter records the table's filter and how many rows it leaves.
func (p *headerPane) SetFilter(query string, shown int) { p.query, p.shown = query, shown }

// plural writes n and a noun, with an s unless n is 1.
func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

// View renders the summary. When the line is too narrow the name goes
// first, then the filter's wording is cut: the counts and the problems
// always show.
func (p headerPane) View() string {
	if p.w <= 0 {
		return ""
	}
	sep := p.st.Muted.Render(" │ ")
	counts := plural(p.docs, "document") + " · " + plural(p.indicators, "indicator") + " · " + plural(p.evs, "event")
	parts := []string{p.st.Accent.Render("corridor"), p.st.Header.Render(counts)}
	if p.problems > 0 {
		parts = append(parts, p.st.Error.Render("⚠ "+plural(p.problems, "problem")))
	}
	line := strings.Join(parts, sep)
	filter := ""
	if p.query != "" {
		filter = "filter “" + p.query + "”: " + strconv.Itoa(p.shown) + " shown"
	}
	fits := func(l string) bool {
		return ansi.StringWidth(l)+ansi.StringWidth(filter)+ansi.StringWidth(sep) <= p.w || filter == "" && ansi.StringWidth(l) <= p.w
	}
	if !fits(line) {
		line = strings.Join(parts[1:], sep) // the name is the first thing to go
	}
	if filter != "" {
		room := p.w - ansi.StringWidth(line) - ansi.StringWidth(sep)
		if room >= 8 {
			line += sep + p.st.Status.Render(ansi.Truncate(filter, room, "…"))
		}
	}
	if w := ansi.StringWidth(line); w > p.w {
		line = ansi.Truncate(line, p.w, "…")
	} else {
		line += strings.Repeat(" ", p.w-w)
	}
	return line
}
