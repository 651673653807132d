package tui

import "io"

// Option changes how New builds the dashboard.
type Option func(*options)

type options struct {
	filter      string              // the filter to open with
	keys        map[string][]string // key rebindings from the config file
	clip        io.Writer           // where OSC 52 copies are written
	passthrough string              // "tmux" or "screen" to wrap OSC 52 for a multiplexer
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
