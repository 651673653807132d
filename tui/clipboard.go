package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

// copyText is what y copies: the figure as the table shows it, what it
// measures, and where it comes from, so that a pasted figure carries its
// source.
func (m Model) copyText(id int) string {
	in := &m.corpus.Indicators[id]
	var b strings.Builder
	b.WriteString(formatValue(in) + " — " + metricLabel(in.Metric))
	if in.Subject != "" {
		b.WriteString(", " + in.Subject)
	}
	if p := formatPeriod(in.Period); p != "" {
		b.WriteString(", " + p)
	}
	if d := m.corpus.Doc(in.Doc); d != nil {
		title := d.Title
		if title == "" {
			title = d.ID
		}
		fmt.Fprintf(&b, "\nSource: %s (%s, bytes %d–%d)", title, d.Path, in.Span.Start, in.Span.End)
		if s := in.Sentence; s.Start >= 0 && s.End <= len(d.Text) && s.Start < s.End {
			b.WriteString("\n“" + strings.Join(strings.Fields(d.Text[s.Start:s.End]), " ") + "”")
		}
	}
	return b.String()
}

// copyCmd copies the focused indicator with OSC 52, written by a command
// (not in Update, which does no I/O) to the writer New was given: the
// terminal locally, the session over SSH.
func (m Model) copyCmd() tea.Cmd {
	id := m.current
	if id < 0 || id >= len(m.corpus.Indicators) {
		return func() tea.Msg { return statusMsg("nothing to copy: no indicator is focused") }
	}
	w, pass, text := m.opts.clip, m.opts.passthrough, m.copyText(id)
	return func() tea.Msg {
		if w == nil {
			return errMsg{errors.New("copy: no clipboard output in this session")}
		}
		seq := osc52.New(text)
		switch pass {
		case "tmux":
			seq = seq.Tmux()
		case "screen":
			seq = seq.Screen()
		}
		if _, err := seq.WriteTo(w); err != nil {
			return errMsg{fmt.Errorf("copy: %w", err)}
		}
		return statusMsg("copied " + formatValue(&m.corpus.Indicators[id]) + " with its source")
	}
}
