package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Layout thresholds. At fullW×fullH and more all four panes fit; from
// minW×minH the table shares the screen with one other pane, shown as tabs;
// below, the dashboard asks for a larger terminal.
const (
	minW, minH   = 60, 16
	fullW, fullH = 120, 36
)

// layoutMode is how many panes the terminal's size allows.
type layoutMode int

const (
	modeTooSmall layoutMode = iota
	modeCompact             // the table above one other pane
	modeFull                // all four panes
)

// rect is a pane's outer rectangle (border included) on screen.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// mode returns the layout the current size allows.
func (m Model) mode() layoutMode {
	switch {
	case m.width < minW || m.height < minH:
		return modeTooSmall
	case m.width >= fullW && m.height >= fullH:
		return modeFull
	}
	return modeCompact
}

// resize records the terminal's size and lays the panes out for it.
func (m *Model) resize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.help.Width = m.width
	m.header.SetSize(m.width, 1)
	m.compare.SetSize(max(m.width-2, 0), max(m.height-4, 0)) // over the panes, in a frame
	m.layout()
}

// layout computes every pane's rectangle and tells each pane its inner
// size (the rectangle less the border). Panes not on screen get a zero
// rectangle and keep their last size.
func (m *Model) layout() {
	m.rects = [numFocus]rect{}
	top, body := 1, m.height-2 // one line of header, one of footer
	switch m.mode() {
	case modeTooSmall:
		return
	case modeFull:
		leftW := m.width * 3 / 5
		upH := body / 2
		m.rects[focusTable] = rect{0, top, leftW, upH}
		m.rects[focusChart] = rect{leftW, top, m.width - leftW, upH}
		m.rects[focusReader] = rect{0, top + upH, leftW, body - upH}
		m.rects[focusTimeline] = rect{leftW, top + upH, m.width - leftW, body - upH}
	case modeCompact:
		// The focused pane gets three fifths of the height.
		tableH := body * 2 / 5
		if m.focus == focusTable {
			tableH = body - body*2/5
		}
		m.rects[focusTable] = rect{0, top, m.width, tableH}
		m.rects[m.second] = rect{0, top + tableH, m.width, body - tableH}
	}
	size := func(f focus) (int, int) { return max(m.rects[f].w-2, 0), max(m.rects[f].h-2, 0) }
	if r := m.rects[focusTable]; r.w > 0 {
		m.table.SetSize(size(focusTable))
	}
	if r := m.rects[focusChart]; r.w > 0 {
		m.chart.SetSize(size(focusChart))
	}
	if r := m.rects[focusTimeline]; r.w > 0 {
		m.timeline.SetSize(size(focusTimeline))
	}
	if r := m.rects[focusReader]; r.w > 0 {
		m.reader.SetSize(size(focusReader))
	}
}

// View implements tea.Model. Every line it returns is exactly the
// terminal's width, never wider.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.mode() == modeTooSmall {
		return m.tooSmallView()
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.header.View())
	switch {
	case m.showHelp:
		lines = append(lines, m.frame(m.helpTitle(), m.helpView(m.width-2), rect{0, 1, m.width, m.height - 2}, true)...)
	case m.comparing:
		lines = append(lines, m.frame(m.compare.Title(), m.compare.View(), rect{0, 1, m.width, m.height - 2}, true)...)
	default:
		lines = append(lines, m.panesView()...)
	}
	lines = append(lines, m.footerView())
	return strings.Join(lines, "\n")
}

// panesView draws the panes row by row: the rectangles of one row share
// their top and height, so their framed lines are joined side by side.
func (m Model) panesView() []string {
	var out []string
	framed := [numFocus][]string{}
	for f := focus(0); f < numFocus; f++ {
		r := m.rects[f]
		if r.w == 0 {
			continue
		}
		framed[f] = m.frame(m.paneTitle(f), m.paneView(f), r, f == m.focus)
	}
	for y := 1; y < m.height-1; y++ {
		var b strings.Builder
		for _, f := range m.rowOrder() {
			r := m.rects[f]
			if r.w > 0 && y >= r.y && y < r.y+r.h {
				b.WriteString(framed[f][y-r.y])
			}
		}
		out = append(out, b.String())
	}
	return out
}

// rowOrder lists the panes left to right.
func (m Model) rowOrder() []focus {
	return []focus{focusTable, focusReader, focusChart, focusTimeline}
}

// paneView renders one pane.
func (m Model) paneView(f focus) string {
	switch f {
	case focusChart:
		return m.chart.View()
	case focusTimeline:
		return m.timeline.View()
	case focusReader:
		return m.reader.View()
	}
	return m.table.View()
}

// paneTitle is a pane's number and name; in the two-pane layout the lower
// pane's title lists the panes it can show, as tabs.
func (m Model) paneTitle(f focus) string {
	if m.mode() == modeFull || f == focusTable {
		return fmt.Sprintf("%d %s", f+1, paneTitles[f])
	}
	var tabs []string
	for g := focusChart; g < numFocus; g++ {
		t := fmt.Sprintf("%d %s", g+1, paneTitles[g])
		if g == f {
			t = "[" + t + "]"
		}
		tabs = append(tabs, t)
	}
	return strings.Join(tabs, " · ")
}

// frame draws a border round content in rectangle r, with the title in
// the top edge. The focused pane gets a heavy border, so focus shows
// without colour (mono, NO_COLOR, screen readers of captured text).
// Content lines are cut or padded to exactly the inner width.
func (m Model) frame(title, content string, r rect, focused bool) []string {
	b, st := lipgloss.RoundedBorder(), m.styles.Muted
	if focused {
		b, st = lipgloss.ThickBorder(), m.styles.Accent
	}
	pre, post := wrapOf(st)
	iw, ih := max(r.w-2, 0), max(r.h-2, 0)
	out := make([]string, 0, r.h)

	title = ansi.Truncate(" "+title+" ", max(iw-2, 0), "…")
	tw := ansi.StringWidth(title)
	tpre, tpost := wrapOf(m.styles.PaneTitle)
	fill := max(iw-1-tw, 0)
	out = append(out, pre+b.TopLeft+b.Top+post+tpre+title+tpost+pre+strings.Repeat(b.Top, fill)+b.TopRight+post)

	lines := strings.Split(content, "\n")
	side := pre + b.Left + post
	rside := pre + b.Right + post
	for i := 0; i < ih; i++ {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		if w := ansi.StringWidth(l); w > iw {
			l = ansi.Truncate(l, iw, "")
		} else if w < iw {
			l += strings.Repeat(" ", iw-w)
		}
		if strings.IndexByte(l, '\x1b') >= 0 {
			l += "\x1b[0m" // a pane's style must not run into the border
		}
		out = append(out, side+l+rside)
	}
	if r.h >= 2 {
		out = append(out, pre+b.BottomLeft+strings.Repeat(b.Bottom, iw)+b.BottomRight+post)
	}
	return out[:min(len(out), r.h)]
}

// footerView is the status message, if any, then the short help: the
// focused pane's keys on the left, cut to fit, and the keys that must
// always be found (help, quit) on the right.
func (m Model) footerView() string {
	var left string
	if m.status != "" {
		st := m.styles.Status
		if m.isErr {
			st = m.styles.Error
		}
		left = st.Render(ansi.Truncate(m.status, m.width, "…")) + "  "
	}
	h := m.help
	right := h.ShortHelpView([]key.Binding{m.keys.Help, m.keys.Quit})
	h.Width = max(m.width-ansi.StringWidth(left)-ansi.StringWidth(right)-3, 0)
	keys := m.paneShortHelp()
	if !m.comparing { // over the compare view, panes and copying wait
		keys = append(keys, m.keys.Next, m.keys.Copy)
	}
	line := left + h.ShortHelpView(keys)
	gap := m.width - ansi.StringWidth(line) - ansi.StringWidth(right)
	if gap >= 1 {
		line += strings.Repeat(" ", gap) + right
	}
	if w := ansi.StringWidth(line); w > m.width {
		line = ansi.Truncate(line, m.width, "")
	} else {
		line += strings.Repeat(" ", m.width-w)
	}
	return line
}

// helpTitle names the pane whose keys the help screen lists.
func (m Model) helpTitle() string {
	if m.comparing {
		return "Keys: Compare and global (? or esc closes)"
	}
	return "Keys: " + paneTitles[m.focus] + " and global (? or esc closes)"
}

// helpView lays out the focused pane's and the global key groups in as
// many rows of columns as the width needs, so no binding is ever cut off.
func (m Model) helpView(width int) string {
	var rows []string
	var row [][]key.Binding
	h := m.help
	h.Width = 0 // measure unbounded; the packing below keeps rows in width
	rowW := 0
	for _, g := range m.FullHelp() {
		gw := lipgloss.Width(h.FullHelpView([][]key.Binding{g})) + 4
		if len(row) > 0 && rowW+gw > width {
			rows = append(rows, h.FullHelpView(row))
			row, rowW = nil, 0
		}
		row = append(row, g)
		rowW += gw
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	return strings.Join(rows, "\n\n")
}

// tooSmallView asks for a larger terminal, centred, in the space there is.
func (m Model) tooSmallView() string {
	msg := fmt.Sprintf("Terminal too small: %d×%d. corridor needs at least %d×%d; enlarge the window, or press q to quit.",
		m.width, m.height, minW, minH)
	text := ansi.Hardwrap(ansi.Wordwrap(msg, m.width, ""), m.width, true)
	lines := strings.Split(text, "\n")
	out := make([]string, m.height)
	top := max((m.height-len(lines))/2, 0)
	for i := range out {
		l := ""
		if j := i - top; j >= 0 && j < len(lines) {
			l = strings.TrimSpace(lines[j])
			pad := max((m.width-ansi.StringWidth(l))/2, 0)
			l = strings.Repeat(" ", pad) + m.styles.TooSmall.Render(l)
		}
		out[i] = l
	}
	return strings.Join(out, "\n")
}

// newHelp returns a help model styled from st, so that help, like every
// other part, renders with the session's renderer.
func newHelp(st *Styles) help.Model {
	h := help.New()
	h.Styles = help.Styles{
		Ellipsis: st.Muted, ShortKey: st.Accent, ShortDesc: st.Muted, ShortSeparator: st.Muted,
		FullKey: st.Accent, FullDesc: st.Muted, FullSeparator: st.Muted,
	}
	return h
}
