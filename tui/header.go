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

// View renders the summary, dropping the least useful parts first when the
// line is too narrow: the title, then the problems' wording.
func (p headerPane) View() string {
	if p.w <= 0 {
		return ""
	}
	counts := plural(p.docs, "document") + " · " + plural(p.indicators, "indicator") + " · " + plural(p.evs, "event")
	var filter string
	if p.query != "" {
		filter = "filter “" + p.query + "”: " + strconv.Itoa(p.shown) + " shown"
	}
	var problems string
	if p.problems > 0 {
		problems = "⚠ " + plural(p.problems, "problem")
	}
	parts := []string{p.st.Accent.Render("corridor"), p.st.Header.Render(counts)}
	if filter != "" {
		parts = append(parts, p.st.Status.Render(filter))
	}
	if problems != "" {
		parts = append(parts, p.st.Error.Render(problems))
	}
	sep := p.st.Muted.Render(" │ ")
	line := strings.Join(parts, sep)
	if ansi.StringWidth(line) > p.w {
		line = strings.Join(parts[1:], sep) // the name is the first thing to go
	}
	if w := ansi.StringWidth(line); w > p.w {
		line = ansi.Truncate(line, p.w, "…")
	} else {
		line += strings.Repeat(" ", p.w-w)
	}
	return line
}
