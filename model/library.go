package model

import (
	"maps"
	"slices"
)

// Library is the changing set of documents behind a live dashboard: what
// each path last gave (a document and its figures, or problems), keyed by
// the path as shown. It is mutable and owned by one goroutine, the one that
// applies stream results and file-change events; other goroutines only ever
// see the immutable Corpus values that Snapshot builds.
//
// A snapshot is a new Corpus: documents sorted by path, indicators and
// events flat in that order with ID = index, problems sorted by path. IDs
// therefore shift from one snapshot to the next; Key does not, and
// Corpus.FindIndicator maps a key back to an ID.
type Library struct {
	entries map[string]DocResult // shown path -> its latest result
	changed bool                 // something changed since the last Snapshot
}

// NewLibrary returns an empty library.
func NewLibrary() *Library { return &Library{entries: map[string]DocResult{}} }

// Put records d and what was extracted from it under d.Path, replacing
// whatever the path held before, figures and problems alike.
func (l *Library) Put(d *Document, r Result) {
	l.Apply(DocResult{Path: d.Path, Doc: d, Result: r})
}

// Apply records a stream result under r.Path, replacing whatever the path
// held before. A result with problems and no document (a file that turned
// bad) leaves only the problems: the old figures go away.
func (l *Library) Apply(r DocResult) {
	if r.Doc == nil && len(r.Problems) == 0 {
		l.Remove(r.Path)
		return
	}
	l.entries[r.Path] = r
	l.changed = true
}

// SetProblem makes path a problem: its document and figures, if any, are
// dropped, and err is reported for it instead.
func (l *Library) SetProblem(path string, err error) {
	l.Apply(DocResult{Path: path, Problems: []Problem{{Path: path, Err: err.Error()}}})
}

// Remove forgets path (a file deleted or moved away).
func (l *Library) Remove(path string) {
	if _, ok := l.entries[path]; ok {
		delete(l.entries, path)
		l.changed = true
	}
}

// Retain removes every path for which keep returns false, and returns how
// many it removed: after a full rescan, keep is "was delivered by the
// stream", so files deleted while the view was open go away.
func (l *Library) Retain(keep func(path string) bool) int {
	n := 0
	for p := range l.entries {
		if !keep(p) {
			delete(l.entries, p)
			n++
		}
	}
	if n > 0 {
		l.changed = true
	}
	return n
}

// Has reports whether the library holds anything for path.
func (l *Library) Has(path string) bool {
	_, ok := l.entries[path]
	return ok
}

// Paths returns every path the library holds, sorted; a rescan removes those
// that are gone.
func (l *Library) Paths() []string { return slices.Sorted(maps.Keys(l.entries)) }

// Len returns how many paths the library holds.
func (l *Library) Len() int { return len(l.entries) }

// Changed reports whether anything was put, removed or made a problem since
// the last Snapshot, so a caller can skip building an identical corpus.
func (l *Library) Changed() bool { return l.changed }

// Snapshot builds a new immutable Corpus of everything the library holds.
// Nothing in it is shared mutably with the library: documents are shared
// read-only, and the flat slices are new.
//
// After the snapshot, each entry's figures are re-pointed at the snapshot's
// flat slices (read-only, capacity capped), so the library and the latest
// snapshot share one copy of them rather than holding two, and the
// per-document slices a stream delivered become garbage.
func (l *Library) Snapshot() *Corpus {
	paths := l.Paths()
	rs := make([]DocResult, 0, len(paths))
	for _, p := range paths {
		rs = append(rs, l.entries[p])
	}
	l.changed = false
	c := assemble(rs)
	ni, ne := 0, 0
	for i, p := range paths {
		r := rs[i]
		if r.Doc == nil {
			continue
		}
		ki, ke := len(r.Result.Indicators), len(r.Result.Events)
		r.Result = Result{Indicators: c.Indicators[ni : ni+ki : ni+ki], Events: c.Events[ne : ne+ke : ne+ke]}
		ni, ne = ni+ki, ne+ke
		l.entries[p] = r
	}
	return c
}
