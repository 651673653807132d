package tui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Theme chooses the palette: ThemeAuto adapts to the terminal's background.
type Theme string

// The themes --theme accepts.
const (
	ThemeAuto  Theme = "auto"
	ThemeLight Theme = "light"
	ThemeDark  Theme = "dark"
	ThemeMono  Theme = "mono"
)

// palette is the handful of colours every style is built from. Colours are
// ANSI 16-colour indexes with 256-colour refinements through
// lipgloss.CompleteColor, so the dashboard stays readable on 16 colours.
type palette struct {
	fg, muted, subtle, accent, accent2, warn, bad, good, border, selBg, selFg, hlBg, hlFg, hl2Bg, hl2Fg lipgloss.TerminalColor
}

func paletteFor(t Theme) palette {
	light := palette{
		fg: lipgloss.Color("0"), muted: lipgloss.Color("8"), subtle: lipgloss.Color("7"),
		accent: lipgloss.Color("4"), accent2: lipgloss.Color("5"), warn: lipgloss.Color("3"),
		bad: lipgloss.Color("1"), good: lipgloss.Color("2"), border: lipgloss.Color("8"),
		selBg: lipgloss.Color("4"), selFg: lipgloss.Color("15"),
		hlBg: lipgloss.Color("3"), hlFg: lipgloss.Color("0"),
		hl2Bg: lipgloss.Color("7"), hl2Fg: lipgloss.Color("0"),
	}
	dark := palette{
		fg: lipgloss.Color("15"), muted: lipgloss.Color("8"), subtle: lipgloss.Color("8"),
		accent: lipgloss.Color("12"), accent2: lipgloss.Color("13"), warn: lipgloss.Color("11"),
		bad: lipgloss.Color("9"), good: lipgloss.Color("10"), border: lipgloss.Color("8"),
		selBg: lipgloss.Color("4"), selFg: lipgloss.Color("15"),
		hlBg: lipgloss.Color("11"), hlFg: lipgloss.Color("0"),
		hl2Bg: lipgloss.Color("8"), hl2Fg: lipgloss.Color("15"),
	}
	switch t {
	case ThemeLight:
		return light
	case ThemeDark:
		return dark
	case ThemeMono:
		none := lipgloss.NoColor{}
		return palette{none, none, none, none, none, none, none, none, none, none, none, none, none, none, none}
	}
	ad := func(l, d lipgloss.TerminalColor) lipgloss.TerminalColor {
		return lipgloss.AdaptiveColor{Light: string(l.(lipgloss.Color)), Dark: string(d.(lipgloss.Color))}
	}
	return palette{
		ad(light.fg, dark.fg), ad(light.muted, dark.muted), ad(light.subtle, dark.subtle),
		ad(light.accent, dark.accent), ad(light.accent2, dark.accent2), ad(light.warn, dark.warn),
		ad(light.bad, dark.bad), ad(light.good, dark.good), ad(light.border, dark.border),
		ad(light.selBg, dark.selBg), ad(light.selFg, dark.selFg), ad(light.hlBg, dark.hlBg),
		ad(light.hlFg, dark.hlFg), ad(light.hl2Bg, dark.hl2Bg), ad(light.hl2Fg, dark.hl2Fg),
	}
}

// Styles holds every style the dashboard uses. It is built once per
// renderer by NewStyles and passed to every pane: tui has no package-level
// styles, so each SSH session renders with its own client's colours.
type Styles struct {
	// Frame and chrome.
	Pane, PaneFocused lipgloss.Style // pane borders
	PaneTitle         lipgloss.Style // a pane's title line
	Header            lipgloss.Style // the corpus summary bar
	Footer            lipgloss.Style // the short help line
	Status            lipgloss.Style // transient notices
	Error             lipgloss.Style // errors and problems
	Muted             lipgloss.Style // secondary text
	Accent            lipgloss.Style // emphasis
	TooSmall          lipgloss.Style // the "terminal too small" message

	// Table.
	TableHeader, TableRow, TableSelected, TableGroup lipgloss.Style
	Conflict                                         lipgloss.Style // marks figures that disagree

	// Chart and timeline.
	BarPositive, BarNegative, BarFocused, Axis lipgloss.Style
	Marker, MarkerFocused                      lipgloss.Style

	// Reader.
	Highlight        lipgloss.Style // every indicator and event in the text
	HighlightFocused lipgloss.Style // the focused one, strongest
	SearchMatch      lipgloss.Style
	Noise            lipgloss.Style // boilerplate, dimmed

	// Raw colours for components that take colours rather than styles
	// (ntcharts, bubbles/progress).
	AccentColor, Accent2Color, MutedColor, BadColor, GoodColor lipgloss.TerminalColor
}

// NewStyles builds the styles for theme from r, the renderer of the local
// terminal or of an SSH session. NO_COLOR in the environment (or a renderer
// with the Ascii profile) gives the mono theme.
func NewStyles(r *lipgloss.Renderer, theme Theme) Styles {
	if r.ColorProfile() == termenv.Ascii {
		theme = ThemeMono
	}
	p := paletteFor(theme)
	border := lipgloss.RoundedBorder()
	return Styles{
		Pane:        r.NewStyle().Border(border).BorderForeground(p.border),
		PaneFocused: r.NewStyle().Border(border).BorderForeground(p.accent),
		PaneTitle:   r.NewStyle().Bold(true).Foreground(p.accent),
		Header:      r.NewStyle().Bold(true).Foreground(p.fg),
		Footer:      r.NewStyle().Foreground(p.muted),
		Status:      r.NewStyle().Foreground(p.good),
		Error:       r.NewStyle().Foreground(p.bad).Bold(true),
		Muted:       r.NewStyle().Foreground(p.muted),
		Accent:      r.NewStyle().Foreground(p.accent).Bold(true),
		TooSmall:    r.NewStyle().Foreground(p.warn).Bold(true),

		TableHeader:   r.NewStyle().Bold(true).Foreground(p.accent),
		TableRow:      r.NewStyle().Foreground(p.fg),
		TableSelected: r.NewStyle().Bold(true).Foreground(p.selFg).Background(p.selBg).Reverse(theme == ThemeMono),
		TableGroup:    r.NewStyle().Bold(true).Foreground(p.accent2),
		Conflict:      r.NewStyle().Foreground(p.warn).Bold(true),

		BarPositive:   r.NewStyle().Foreground(p.accent),
		BarNegative:   r.NewStyle().Foreground(p.bad),
		BarFocused:    r.NewStyle().Foreground(p.warn).Bold(true),
		Axis:          r.NewStyle().Foreground(p.muted),
		Marker:        r.NewStyle().Foreground(p.accent),
		MarkerFocused: r.NewStyle().Foreground(p.warn).Bold(true),

		Highlight:        r.NewStyle().Foreground(p.hl2Fg).Background(p.hl2Bg).Underline(theme == ThemeMono),
		HighlightFocused: r.NewStyle().Foreground(p.hlFg).Background(p.hlBg).Bold(true).Reverse(theme == ThemeMono),
		SearchMatch:      r.NewStyle().Foreground(p.accent2).Underline(true),
		Noise:            r.NewStyle().Foreground(p.muted).Faint(true),

		AccentColor: p.accent, Accent2Color: p.accent2, MutedColor: p.muted, BadColor: p.bad, GoodColor: p.good,
	}
}
