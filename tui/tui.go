// Package tui is corridor's dashboard: a Bubble Tea root model that lays out
// and routes messages between the indicator table, chart, timeline and reader
// panes. Styles come from a lipgloss renderer passed in, so the same model
// runs locally and per SSH session.
package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// Model is the dashboard's root model.
type Model struct {
	corpus        *model.Corpus
	styles        Styles
	width, height int
}

// New returns a dashboard over c of the given size (0, 0 until the first
// WindowSizeMsg).
func New(c *model.Corpus, st Styles, width, height int) Model {
	return Model{corpus: c, styles: st, width: width, height: height}
}

// Init implements tea.Model.
func (m Model) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		if msg.String() == "q" || msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
	}
	return m, nil
}

// View implements tea.Model.
func (m Model) View() string {
	return m.styles.Header.Render(fmt.Sprintf("corridor: %d documents, %d indicators, %d events (q quits)",
		len(m.corpus.Documents), len(m.corpus.Indicators), len(m.corpus.Events)))
}
