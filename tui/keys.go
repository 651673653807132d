package tui

import "github.com/charmbracelet/bubbles/key"

// This file holds the root's global keys and the indicator table's keys.
// Each keymap implements help.KeyMap, so the footer and the ? screen are
// generated from the bindings, and Named, so a config file can rebind any
// key by name (see config.go). The other panes keep their keymaps in their
// own files with names prefixed by the pane ("chart.cycle").

// globalKeyMap are the keys that work whichever pane has focus.
type globalKeyMap struct {
	Quit     key.Binding // leave the dashboard
	Help     key.Binding // show or hide the full help
	Next     key.Binding // focus the next pane
	Prev     key.Binding // focus the previous pane
	Table    key.Binding // jump to pane 1
	Chart    key.Binding // jump to pane 2
	Timeline key.Binding // jump to pane 3
	Reader   key.Binding // jump to pane 4
	Copy     key.Binding // copy the focused indicator with its source (OSC 52)
	Back     key.Binding // go back where we came from
}

// defaultGlobalKeyMap returns the global keys.
func defaultGlobalKeyMap() globalKeyMap {
	return globalKeyMap{
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Next:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Table:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "indicators")),
		Chart:    key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "chart")),
		Timeline: key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "timeline")),
		Reader:   key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "reader")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// Named returns the bindings by their config-file names.
func (k *globalKeyMap) Named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"quit": &k.Quit, "help": &k.Help, "next_pane": &k.Next, "prev_pane": &k.Prev,
		"pane_table": &k.Table, "pane_chart": &k.Chart, "pane_timeline": &k.Timeline,
		"pane_reader": &k.Reader, "copy": &k.Copy, "back": &k.Back,
	}
}

// ShortHelp implements help.KeyMap: the few keys the footer always shows.
func (k globalKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Copy, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k globalKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Table, k.Chart, k.Timeline, k.Reader},
		{k.Copy, k.Back, k.Help, k.Quit},
	}
}

// tableKeyMap are the indicator table's keys. Their config names have no
// prefix, as the table is where most work happens ("filter", "sort").
type tableKeyMap struct {
	Up, Down         key.Binding // move the cursor one row
	PageUp, PageDown key.Binding // move it one screen
	Top, Bottom      key.Binding // first and last row
	SortPrev         key.Binding // sort by the column to the left
	SortNext         key.Binding // sort by the column to the right
	Reverse          key.Binding // reverse the sort
	Group            key.Binding // group by nothing, metric, subject
	Filter           key.Binding // start typing a filter
	Open             key.Binding // open the indicator's source in the reader
	Compare          key.Binding // compare a figure with those that disagree

	// While the filter is being typed only these apply.
	Accept       key.Binding // keep the filter and return to the rows
	Cancel       key.Binding // drop the filter
	Complete     key.Binding // complete the term at the cursor, or step through candidates
	CompletePrev key.Binding // step back through the candidates
}

// defaultTableKeyMap returns the table's keys.
func defaultTableKeyMap() tableKeyMap {
	return tableKeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		SortPrev:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "sort ←")),
		SortNext:     key.NewBinding(key.WithKeys("right", "l", "s"), key.WithHelp("→/l", "sort →")),
		Reverse:      key.NewBinding(key.WithKeys("r", "S"), key.WithHelp("r", "reverse")),
		Group:        key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "group")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open source")),
		Compare:      key.NewBinding(key.WithKeys("x", "="), key.WithHelp("x", "compare")),
		Accept:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply filter")),
		Cancel:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Complete:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
		CompletePrev: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
	}
}

// Named returns the bindings by their config-file names.
func (k *tableKeyMap) Named() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down, "page_up": &k.PageUp, "page_down": &k.PageDown,
		"top": &k.Top, "bottom": &k.Bottom, "sort_prev": &k.SortPrev, "sort_next": &k.SortNext,
		"reverse": &k.Reverse, "group": &k.Group, "filter": &k.Filter, "open": &k.Open,
		"filter_accept": &k.Accept, "filter_cancel": &k.Cancel, "compare": &k.Compare,
		"filter_complete": &k.Complete, "filter_complete_prev": &k.CompletePrev,
	}
}

// ShortHelp implements help.KeyMap.
func (k tableKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Filter, k.Open, k.Compare, k.SortNext, k.Reverse, k.Group}
}

// FullHelp implements help.KeyMap.
func (k tableKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.Open, k.Compare, k.SortPrev, k.SortNext, k.Reverse, k.Group},
	}
}

// editingHelp is the table's help while the filter is typed.
func (k tableKeyMap) editingHelp() []key.Binding {
	return []key.Binding{k.Complete, k.Accept, k.Cancel}
}
