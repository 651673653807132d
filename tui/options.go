package tui

import (
	"context"
	"io"

	"corridor/model"
)

// Option changes how New builds the dashboard.
type Option func(*options)

type options struct {
	filter      string              // the filter to open with
	keys        map[string][]string // key rebindings from the config file
	clip        io.Writer           // where OSC 52 copies are written
	passthrough string              // "tmux" or "screen" to wrap OSC 52 for a multiplexer
	stream      *streamSpec         // load (and watch) these paths in the background
}

// WithFilter opens the dashboard with the table already filtered, as
// --filter and the SSH deep link do.
func WithFilter(query string) Option { return func(o *options) { o.filter = query } }

// WithKeys rebinds keys by action name (see Config and KeyNames).
func WithKeys(keys map[string][]string) Option { return func(o *options) { o.keys = keys } }

// WithClipboard sets where y writes its OSC 52 sequence: the program's
// output locally, the session over SSH. passthrough is "tmux" or "screen"
// when the sequence must be wrapped for a multiplexer, else "".
func WithClipboard(w io.Writer, passthrough string) Option {
	return func(o *options) { o.clip, o.passthrough = w, passthrough }
}

// WithStream makes the dashboard load paths (files or folders, as
// `corridor PATH` takes them) in the background: New shows the corpus it
// was given (normally empty) at once, and Init starts a pool of workers
// whose results fill the panes in as they arrive, under a progress bar.
// With watch, files added, changed or removed under the paths afterwards
// are re-read within a second. The load and the watch stop when ctx is
// cancelled or the dashboard quits.
func WithStream(ctx context.Context, paths []string, opt model.LoadOptions, watch bool) Option {
	return func(o *options) { o.stream = &streamSpec{ctx: ctx, paths: paths, opt: opt, watch: watch} }
}
