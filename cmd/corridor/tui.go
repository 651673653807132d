package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corridor/model"
	"corridor/tui"
)

// runTUI opens the dashboard in the alternate screen.
func runTUI(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("corridor", mainUsage+tuiFlagsUsage, stdout)
	maxBytes := fs.Int64("max-bytes", model.DefaultMaxBytes, "largest file to read, in bytes")
	theme := fs.String("theme", "", "auto, light, dark or mono")
	// -query is the documented name; -filter, its old one, still works.
	var query string
	fs.StringVar(&query, "query", "", "open with the table filtered by a query")
	fs.StringVar(&query, "filter", "", "the old name of -query")
	configPath := fs.String("config", "", "config file (default: corridor.yaml or corridor.toml in the XDG config folder)")
	watch := fs.Bool("watch", true, "re-read files under PATH as they change")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *maxBytes <= 0 {
		return usageError{"-max-bytes must be positive"}
	}
	if _, err := model.ParseQuery(query); err != nil {
		// Said here, before the screen changes, as extract -query says it.
		return usageError{"bad -query: " + err.Error()}
	}
	cfg, err := loadConfig(*configPath)
	if err != nil {
		return err
	}
	th, err := pickTheme(*theme, cfg.Theme)
	if err != nil {
		return err
	}
	opt := model.LoadOptions{MaxBytes: *maxBytes}
	opts := []tui.Option{tui.WithFilter(query), tui.WithKeys(cfg.Keys), tui.WithClipboard(stdout, multiplexer())}
	var c *model.Corpus
	if paths := fs.Args(); len(paths) > 0 {
		// The first frame comes at once: the files are read in the
		// background, on every core, while the panes fill in.
		c = model.NewCorpus()
		opts = append(opts, tui.WithStream(ctx, paths, opt, *watch))
	} else {
		c = loadCorpus(nil, opt) // the embedded seeds are small
	}

	// Styles come from a renderer of the output the program writes to, so
	// NO_COLOR and the terminal's colour support are honoured.
	r := lipgloss.NewRenderer(stdout)
	m := tui.New(c, tui.NewStyles(r, th), 0, 0, opts...)
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx),
		tea.WithInput(stdin), tea.WithOutput(stdout))
	final, err := p.Run()
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("dashboard: %w", err)
	}
	if fm, ok := final.(tui.Model); ok {
		c = fm.Corpus() // the last snapshot of a streamed load
	}
	writeProblems(stderr, c.Problems)
	return nil
}

// loadConfig reads the config file named by -config, or the one found in
// the XDG config folders; with neither, the defaults apply.
func loadConfig(path string) (tui.Config, error) {
	if path == "" {
		path = tui.FindConfig()
	}
	if path == "" {
		return tui.Config{}, nil
	}
	return tui.LoadConfig(path)
}

// pickTheme chooses the theme: the flag, else the config file, else auto.
func pickTheme(flag, config string) (tui.Theme, error) {
	t := tui.Theme(flag)
	if t == "" {
		t = tui.Theme(config)
	}
	switch t {
	case "":
		return tui.ThemeAuto, nil
	case tui.ThemeAuto, tui.ThemeLight, tui.ThemeDark, tui.ThemeMono:
		return t, nil
	}
	return "", usageError{fmt.Sprintf("unknown -theme %q (want auto, light, dark or mono)", t)}
}

// multiplexer tells the clipboard how to reach the outer terminal through
// tmux or screen, which otherwise swallow OSC 52.
func multiplexer() string {
	switch {
	case os.Getenv("TMUX") != "":
		return "tmux"
	case strings.HasPrefix(os.Getenv("TERM"), "screen"):
		return "screen"
	}
	return ""
}

const tuiFlagsUsage = `  -theme T      auto (default: adapts to the background), light, dark or mono;
                NO_COLOR in the environment gives mono
  -query Q      open with the indicator table filtered by the query Q (the language
                of extract -query), e.g. -query 'metric:rail_freight kazakhstan';
                -filter Q is the same
  -config F     config file; by default corridor.yaml or corridor.toml in the XDG
                config folder ($XDG_CONFIG_HOME or ~/.config, or its corridor/ folder)
  -max-bytes N  skip files larger than N bytes, as a problem (default 20971520, 20 MB)
  -watch=false  do not re-read files under PATH as they are added, changed or removed

Config file (YAML or TOML):
  theme: dark
  keys: {quit: ["q", "ctrl+c"], filter: ["/"], chart.cycle: ["c"]}
`
