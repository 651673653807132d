package tui

import (
	"context"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
)

// Background loading. `corridor PATH` must show its first frame at once,
// whatever PATH holds, so the dashboard starts on an empty corpus and a
// loader goroutine, started by a command from Init, streams the files on
// every core (model.StreamPaths) into a model.Library. The library belongs
// to that goroutine alone; the root only ever receives immutable snapshots
// (corpusLoadedMsg), with every pane's index already built, and the
// progress in between (loadProgressMsg). The messages go through a channel
// that a one-message command reads and the root re-issues after each one,
// as in Bubble Tea's "realtime" example, so Update never blocks or does I/O.
//
// Building a snapshot and its pane indexes is linear in the corpus (about
// 200 ms for 100,000 figures), so snapshots are throttled: one as soon as
// the first documents arrive, then at most one every snapshotEvery, or
// three times what the last one cost if that is longer, and the final one.
// Once the load is done the goroutine watches the paths (watch.go).

// snapshotEvery is the shortest time between two snapshots while loading:
// often enough that the panes visibly fill in, rarely enough that the
// table's sort orders are not rebuilt dozens of times a second.
const snapshotEvery = 250 * time.Millisecond

// streamSpec is what WithStream asked for.
type streamSpec struct {
	ctx   context.Context
	paths []string
	opt   model.LoadOptions
	watch bool
}

// loader is the background load of one Model. The Model holds it by
// pointer, so the copies Bubble Tea makes of the Model share it; only the
// loader goroutine writes to it after New.
type loader struct {
	spec    streamSpec
	prepare func(*model.Corpus) snapshot // builds the panes' indexes
	ch      chan tea.Msg                 // messages for the root; closed when the loader ends
	ctx     context.Context
	cancel  context.CancelFunc
	once    sync.Once
}

// newLoader returns a loader for spec that has not started yet.
func newLoader(spec streamSpec, prepare func(*model.Corpus) snapshot) *loader {
	ctx := spec.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithCancel(ctx)
	// A few progress messages may wait while Update is busy; more are
	// dropped (the next one says as much), snapshots never are.
	return &loader{spec: spec, prepare: prepare, ch: make(chan tea.Msg, 4), ctx: ctx, cancel: cancel}
}

// start is the command that starts the loader goroutine (once) and waits
// for its first message.
func (l *loader) start() tea.Cmd {
	return func() tea.Msg {
		l.once.Do(func() { go l.run() })
		return l.next()
	}
}

// wait is the command that waits for the loader's next message. The root
// issues it again after each loader message; it returns nil once the
// loader has ended, which ends the subscription.
func (l *loader) wait() tea.Cmd { return l.next }

func (l *loader) next() tea.Msg {
	msg, ok := <-l.ch
	if !ok {
		return nil
	}
	return msg
}

// stop cancels the load and the watch: the workers finish the file they
// are on and the goroutine ends.
func (l *loader) stop() { l.cancel() }

// run streams the paths into a library, sends throttled snapshots and the
// progress, then (with watch) re-reads files as they change, until the
// context is cancelled.
func (l *loader) run() {
	defer close(l.ch)
	ctx := l.ctx
	lib := model.NewLibrary()

	var w *watcher
	if l.spec.watch {
		// Watch before listing, so a file changed during the load is not
		// missed: its event waits in pending until the load is done.
		var err error
		if w, err = newWatcher(l.spec.paths, l.spec.opt); err != nil {
			l.send(errMsg{err})
		} else {
			defer w.close()
		}
	}

	batches := make(chan model.Batch)
	go func() {
		defer close(batches)
		_ = model.StreamPaths(ctx, l.spec.paths, model.StreamOptions{LoadOptions: l.spec.opt}, func(b model.Batch) error {
			select {
			case batches <- b:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var (
		last     time.Time     // when the last snapshot was sent
		cost     time.Duration // what it took to build
		sent     bool          // a snapshot has been sent
		loading  = true
		progress model.Progress
		pending  = map[string]bool{} // OS paths changed, to re-read
		settle   *time.Timer         // fires once changes have settled
		first    time.Time           // when the oldest pending change came
	)
	snap := func(reloaded int) bool {
		t := time.Now()
		c := lib.Snapshot()
		c.Prepare() // key lookups, query and conflict indexes, off Update
		s := l.prepare(c)
		cost, last, sent = time.Since(t), time.Now(), true
		return l.send(corpusLoadedMsg{snap: s, progress: progress, reloaded: reloaded})
	}
	for {
		var settled <-chan time.Time
		if settle != nil {
			settled = settle.C
		}
		select {
		case <-ctx.Done():
			return
		case b, ok := <-batches:
			if !ok {
				batches = nil // the stream ended; nil blocks for ever
				if loading {  // cancelled before the end
					return
				}
				continue
			}
			progress = b.Progress
			for _, r := range b.Results {
				lib.Apply(r)
			}
			switch {
			case b.Progress.Done:
				loading = false
				// Files changed during the load are read again now, so
				// the final snapshot has their latest content.
				w.reread(lib, pending)
				if !snap(0) {
					return
				}
			case !sent && lib.Len() > 0 || time.Since(last) >= max(snapshotEvery, 3*cost):
				if !snap(0) {
					return
				}
			default:
				l.trySend(loadProgressMsg{progress})
			}
		case ev := <-w.events():
			if !w.relevant(ev) {
				continue
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[ev.Name] = true
			if loading {
				continue
			}
			// Debounce: an editor's save is several events, a copy of a
			// folder hundreds; wait until they stop, but no more than a
			// second after the first.
			d := min(settleDelay, max(time.Second-time.Since(first), 0))
			if settle == nil {
				settle = time.NewTimer(d)
			} else {
				settle.Reset(d)
			}
		case err := <-w.errors():
			l.trySend(errMsg{err})
		case <-settled:
			settle = nil
			n := w.reread(lib, pending)
			if lib.Changed() && !snap(n) {
				return
			}
		}
	}
}

// send hands msg to the root, waiting for it; false when cancelled.
func (l *loader) send(msg tea.Msg) bool {
	select {
	case l.ch <- msg:
		return true
	case <-l.ctx.Done():
		return false
	}
}

// trySend hands msg to the root if there is room, and drops it otherwise:
// for progress, which the next message supersedes.
func (l *loader) trySend(msg tea.Msg) {
	select {
	case l.ch <- msg:
	default:
	}
}
