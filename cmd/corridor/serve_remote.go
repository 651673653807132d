package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
	"corridor/tui"
)

// remoteOptions are the dashboard flags a client may send as its SSH
// command. Only view choices are here: nothing that names a file, changes a
// limit or reaches outside the session.
type remoteOptions struct {
	filter string    // initial table filter; "" for none
	theme  tui.Theme // palette; ThemeAuto follows the terminal
}

// remoteUsage is printed for `ssh HOST -- --help`.
const remoteUsage = `corridor over SSH: the first view can be chosen with a command after --:

  ssh -t -p PORT HOST -- --query "metric:rail_freight kazakhstan" --theme dark

  --query Q      open with the indicator table filtered by the query Q (the
                 words after it are joined, because ssh drops the quotes);
                 --filter Q is the same
  --theme T      auto (default), light, dark or mono
  --help         print this and exit

-t is needed with a command: ssh asks for a terminal only without one.
`

// errRemoteHelp is returned by parseRemoteArgs for --help.
var errRemoteHelp = errors.New("help requested")

// parseRemoteArgs reads a session's command (ssh.Session.Command, already
// split by shell rules) as dashboard flags. ssh sends a remote command as
// its words joined by spaces, so `-- --filter "rail freight"` arrives as
// three words: words that are not flags are joined onto the filter instead
// of being refused, and flags may come after them.
func parseRemoteArgs(args []string) (remoteOptions, error) {
	o := remoteOptions{theme: tui.ThemeAuto}
	fs := flag.NewFlagSet("corridor", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var query string // --query, or its old name --filter
	fs.StringVar(&query, "query", "", "")
	fs.StringVar(&query, "filter", "", "")
	theme := fs.String("theme", string(tui.ThemeAuto), "")
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return o, errRemoteHelp
			}
			return o, fmt.Errorf("%v (over SSH only --query, --filter and --theme are accepted)", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		words = append(words, args[0])
		args = args[1:]
	}
	if len(words) > 0 && query == "" {
		return o, fmt.Errorf("unexpected %q: over SSH the command can only hold --query Q and --theme T", strings.Join(words, " "))
	}
	o.filter = strings.TrimSpace(strings.Join(append([]string{query}, words...), " "))
	switch t := tui.Theme(*theme); t {
	case tui.ThemeAuto, tui.ThemeLight, tui.ThemeDark, tui.ThemeMono:
		o.theme = t
	default:
		return o, fmt.Errorf("unknown --theme %q (want auto, light, dark or mono)", *theme)
	}
	return o, nil
}

// dashboardSpec is what one session's dashboard is built from.
type dashboardSpec struct {
	corpus        *model.Corpus // shared, read-only
	styles        tui.Styles    // from the client's renderer
	width, height int           // the client's terminal
	opts          remoteOptions // from the client's command
	clip          io.Writer     // the session: y copies with OSC 52 to the client's terminal
	term          string        // the client's TERM
}

// newDashboard is serveConfig.newDashboard in production: the same
// dashboard as the local command, sized to the client's terminal.
func newDashboard(d dashboardSpec) tea.Model {
	// A client inside tmux or screen needs OSC 52 wrapped to reach its
	// terminal; its TERM is all the server can see of that.
	passthrough := ""
	switch {
	case strings.HasPrefix(d.term, "tmux"):
		passthrough = "tmux"
	case strings.HasPrefix(d.term, "screen"):
		passthrough = "screen"
	}
	return tui.New(d.corpus, d.styles, d.width, d.height,
		tui.WithFilter(d.opts.filter), tui.WithClipboard(d.clip, passthrough))
}
