package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"corridor/model"
)

// headerPane is the one-line summary above the panes: what the corpus holds,
// the filter in force and how many paths could not be loaded. It has no
// keys; the root tells it the filter after every table update.
type headerPane struct {
	st                    *Styles
	docs, indicators, evs int
	problems              int
	w                     int
	query                 string
	shown                 int
	metric, spark         string // the focused figure's metric and its figures per year
	loading               bool   // a background load is under way: show its progress
	progress              model.Progress
	bar                   progress.Model
}

// newHeaderPane summarises c.
func newHeaderPane(st *Styles, c *model.Corpus) headerPane {
	return headerPane{st: st, docs: len(c.Documents), indicators: len(c.Indicators), evs: len(c.Events),
		problems: len(c.Problems), shown: len(c.Indicators)}
}

// SetSize sets the width; the header is always one line.
func (p *headerPane) SetSize(w, _ int) { p.w = max(w, 0) }

// SetFilter records the table's filter and how many rows it leaves.
func (p *headerPane) SetFilter(query string, shown int) { p.query, p.shown = query, shown }

// SetMetric records the focused figure's metric and its sparkline, drawn
// by the root from counts made once, shown at the right when there is room.
func (p *headerPane) SetMetric(label, spark string) { p.metric, p.spark = label, spark }

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
		// The focused metric's figures per year, right-aligned, last to
		// get room: the counts and the filter matter more. While loading,
		// the progress takes its place.
		right := ""
		if p.loading {
			right = p.progressView(p.w - w - 3)
		} else if p.metric != "" && strings.TrimSpace(ansi.Strip(p.spark)) != "" {
			right = p.st.Muted.Render(p.metric+" by year ") + strings.TrimLeft(p.spark, " ")
		}
		if rw := ansi.StringWidth(right); right != "" && w+rw+3 <= p.w {
			line += strings.Repeat(" ", p.w-w-rw) + right
		} else {
			line += strings.Repeat(" ", p.w-w)
		}
	}
	return line
}

// SetCorpus updates the counts for a new snapshot of a changing corpus.
func (p *headerPane) SetCorpus(c *model.Corpus) {
	p.docs, p.indicators, p.evs, p.problems = len(c.Documents), len(c.Indicators), len(c.Events), len(c.Problems)
}

// SetProgress records how far a background load has come; the bar goes
// away once it is done.
func (p *headerPane) SetProgress(pr model.Progress) { p.loading, p.progress = !pr.Done, pr }

// StartLoading shows an empty progress bar until the first progress
// arrives, so the very first frame already says that files are coming.
func (p *headerPane) StartLoading() {
	p.loading = true
	// The bar is drawn in plain characters and coloured with the session's
	// styles, as bubbles/progress would otherwise pick colours for the
	// local terminal.
	p.bar = progress.New(progress.WithoutPercentage(), progress.WithColorProfile(termenv.Ascii),
		progress.WithFillCharacters('█', '░'))
}

// progressView is the load's bar and figures in at most room cells:
// "████░░░░ 1,204/5,000 files · 820/s · 5s left", losing the rate and time
// left, then the bar, when there is less room.
func (p headerPane) progressView(room int) string {
	pr := p.progress
	texts := []string{"reading files…"}
	frac := 0.0
	if pr.Total > 0 {
		frac = float64(pr.Files) / float64(pr.Total)
		count := fmt.Sprintf("%s/%s files", groupDigits(pr.Files), groupDigits(pr.Total))
		texts = []string{count, fmt.Sprintf("%d%%", int(frac*100))}
		if r := pr.FilesPerSecond(); r > 0 && pr.Files > 0 {
			left := time.Duration(float64(pr.Total-pr.Files) / r * float64(time.Second)).Round(time.Second)
			texts = append([]string{fmt.Sprintf("%s · %s/s · %s left", count, groupDigits(int(r+0.5)), left)}, texts...)
		}
	}
	for _, text := range texts {
		if bw := min(room-ansi.StringWidth(text)-1, 24); bw >= 6 {
			b := p.bar
			b.Width = bw
			return p.st.Accent.Render(b.ViewAs(frac)) + " " + p.st.Status.Render(text)
		}
	}
	for _, text := range texts {
		if ansi.StringWidth(text) <= room {
			return p.st.Status.Render(text)
		}
	}
	return ""
}

// groupDigits writes n with thousands separators: "21,578".
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
