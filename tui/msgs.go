package tui

import "corridor/model"

// Every message that crosses panes lives here. Names say what happened;
// "cursor moved" (…FocusedMsg, like soft-serve's ActiveMsg) is kept apart
// from "chosen" (open…Msg, like SelectMsg).

// indicatorFocusedMsg says the table's cursor moved to an indicator. The root
// shows its comparable figures in the chart and marks its document's events
// on the timeline.
type indicatorFocusedMsg struct{ ID int }

// eventFocusedMsg says the timeline's cursor moved to an event.
type eventFocusedMsg struct{ ID int }

// openSourceMsg asks the root to open the reader at a span of a document,
// centred, with the given highlight focused. Sent by enter in the table
// (an indicator) or the timeline (an event).
type openSourceMsg struct {
	Doc  string     // model.Document.ID
	Span model.Span // the span to centre and highlight
	// Indicator or Event is the id of the item the span belongs to, or -1.
	Indicator, Event int
}

// highlightChosenMsg says enter was pressed on a highlight in the reader:
// the root focuses that indicator in the table (or event in the timeline).
type highlightChosenMsg struct {
	Indicator int // -1 when the highlight is an event
	Event     int // -1 when the highlight is an indicator
}

// closeReaderMsg says esc was pressed in the reader: go back where we came
// from.
type closeReaderMsg struct{}

// compareChosenMsg says the compare key was pressed on a figure that other
// documents contradict: the root opens the compare view over it.
type compareChosenMsg struct{ ID int }

// closeCompareMsg says esc was pressed in the compare view.
type closeCompareMsg struct{}

// errMsg carries an error to the root's status line.
type errMsg struct{ err error }

// statusMsg carries a transient notice ("copied to clipboard") to the
// root's status line.
type statusMsg string

// corpusLoadedMsg carries a new snapshot of a corpus that is still loading
// or was just reloaded, with every pane's index already built in the
// loader's goroutine, so the root's Update only swaps them in.
type corpusLoadedMsg struct {
	snap     snapshot
	progress model.Progress // of the first load; Done once it has finished
	reloaded int            // files the watcher re-read; 0 while loading
}

// loadProgressMsg says how far the first load has come, between two
// snapshots: the header's progress bar moves with it.
type loadProgressMsg struct{ progress model.Progress }
