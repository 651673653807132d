package model

import (
	"slices"
	"sort"
	"strconv"
	"sync"
)

// Corpus holds every loaded document with what was extracted from it, and the
// problems met while loading. Indicators and events are stored flat, in
// document order, so that the TUI and the exporters can index them directly.
// A Corpus is built once and then only read; it is safe to share between
// goroutines (SSH sessions) as long as nobody calls Add. What queries and
// conflict marks need is derived lazily, once, under a sync.Once, so that
// the first reader pays for it and the Corpus itself never changes; a
// Corpus must therefore not be copied by value.
type Corpus struct {
	Documents  []*Document // in load order
	Indicators []Indicator // Indicator.ID is the index here
	Events     []Event     // Event.ID is the index here
	Problems   []Problem   // paths that could not be loaded

	byID map[string]int // Document.ID -> index in Documents

	searchOnce   sync.Once
	search       *searchIndex // lowercase fields for queries; see query.go
	conflictOnce sync.Once
	conflicts    *conflictIndex // figures that disagree; see conflict.go
}

// Key identifies an indicator or an event across snapshots of a changing
// corpus, where IDs (indexes) shift as documents come and go: the document's
// ID and where the figure or date starts in its text. A TUI keeps the Key of
// the row under its cursor and finds it again in the next snapshot with
// FindIndicator or FindEvent.
type Key struct {
	Doc   string // Document.ID
	Start int    // Span.Start of the figure or date
}

// Key returns the indicator's stable key.
func (in *Indicator) Key() Key { return Key{in.Doc, in.Span.Start} }

// uniqueID returns d, or a copy of it whose ID has a "~2", "~3", ...
// suffix when taken says its ID is in use: two paths may clean to the same
// ID, and a corpus needs one document per ID.
func uniqueID(d *Document, taken func(id string) bool) *Document {
	if !taken(d.ID) {
		return d
	}
	cp := *d
	for n := 2; ; n++ {
		if id := d.ID + "~" + strconv.Itoa(n); !taken(id) {
			cp.ID = id
			return &cp
		}
	}
}

// Key returns the event's stable key.
func (e *Event) Key() Key { return Key{e.Doc, e.Span.Start} }

// FindIndicator returns the ID of the indicator with key k, or -1.
func (c *Corpus) FindIndicator(k Key) int {
	inds, _ := c.Figures(c.DocIndex(k.Doc))
	for i := range inds {
		if inds[i].Span.Start == k.Start {
			return inds[i].ID
		}
	}
	return -1
}

// FindEvent returns the ID of the event with key k, or -1.
func (c *Corpus) FindEvent(k Key) int {
	_, evs := c.Figures(c.DocIndex(k.Doc))
	for i := range evs {
		if evs[i].Span.Start == k.Start {
			return evs[i].ID
		}
	}
	return -1
}

// DocIndex returns the index in Documents of the document with the given
// ID, or -1.
func (c *Corpus) DocIndex(id string) int {
	if i, ok := c.byID[id]; ok {
		return i
	}
	return -1
}

// Figures returns the indicators and events of Documents[i] (none for an
// i out of range) as subslices of Indicators and Events. Items are stored
// grouped by document, in the order of Documents (Add appends a
// document's items together; CorpusOf, snapshots and Query.Select keep
// that order), so a binary search finds the document's run. This needs no
// index: a per-document index of figures cost the dashboard 10 MB on
// Reuters, and maps from Key to ID 12 MB, for lookups made when a document
// is opened or a snapshot swapped in.
func (c *Corpus) Figures(i int) ([]Indicator, []Event) {
	if i < 0 || i >= len(c.Documents) {
		return nil, nil
	}
	inds := c.Indicators[run(len(c.Indicators), i, func(k int) string { return c.Indicators[k].Doc }, c.byID):]
	inds = inds[:run(len(inds), i+1, func(k int) string { return inds[k].Doc }, c.byID)]
	evs := c.Events[run(len(c.Events), i, func(k int) string { return c.Events[k].Doc }, c.byID):]
	evs = evs[:run(len(evs), i+1, func(k int) string { return evs[k].Doc }, c.byID)]
	return inds, evs
}

// run returns the first of n items, sorted by their document's index, whose
// document comes at or after document i.
func run(n, i int, doc func(k int) string, byID map[string]int) int {
	return sort.Search(n, func(k int) bool { return byID[doc(k)] >= i })
}

// FigureCounts returns how many indicators and events each document has,
// by index in Documents, in one pass.
func (c *Corpus) FigureCounts() (inds, evs []int32) {
	inds, evs = make([]int32, len(c.Documents)), make([]int32, len(c.Documents))
	for i := range c.Indicators {
		if d, ok := c.byID[c.Indicators[i].Doc]; ok {
			inds[d]++
		}
	}
	for i := range c.Events {
		if d, ok := c.byID[c.Events[i].Doc]; ok {
			evs[d]++
		}
	}
	return inds, evs
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{byID: map[string]int{}} }

// Build extracts every document and returns the corpus of the results,
// keeping the problems as they are.
func Build(docs []*Document, problems []Problem) *Corpus {
	c := NewCorpus()
	for _, d := range docs {
		c.Add(d, Extract(d))
	}
	c.Problems = append(c.Problems, problems...)
	return c
}

// Add appends a document and its extraction result. A document whose ID is
// already taken gets a numeric suffix ("report~2") so that IDs stay unique;
// the indicators and events are re-pointed to it and given their corpus IDs.
func (c *Corpus) Add(d *Document, r Result) {
	if c.byID == nil {
		c.byID = map[string]int{}
	}
	if _, taken := c.byID[d.ID]; taken {
		base := d.ID
		for n := 2; ; n++ {
			id := base + "~" + strconv.Itoa(n)
			if _, taken := c.byID[id]; !taken {
				d.ID = id
				break
			}
		}
	}
	c.byID[d.ID] = len(c.Documents)
	c.Documents = append(c.Documents, d)
	for _, in := range r.Indicators {
		in.Doc = d.ID
		in.ID = len(c.Indicators)
		c.Indicators = append(c.Indicators, in)
	}
	for _, ev := range r.Events {
		ev.Doc = d.ID
		ev.ID = len(c.Events)
		c.Events = append(c.Events, ev)
	}
}

// Doc returns the document with the given ID, or nil.
func (c *Corpus) Doc(id string) *Document {
	if i, ok := c.byID[id]; ok {
		return c.Documents[i]
	}
	return nil
}

// assemble builds a corpus from results already in their final order. It is
// Add without the mutation: a document whose ID is taken is copied before it
// is renamed, because the same *Document may sit in a Library and in older
// snapshots that other goroutines are reading.
func assemble(rs []DocResult) *Corpus {
	c := NewCorpus()
	nInd, nEv, nProb := 0, 0, 0
	for i := range rs {
		nInd += len(rs[i].Result.Indicators)
		nEv += len(rs[i].Result.Events)
		nProb += len(rs[i].Problems)
	}
	c.Documents = make([]*Document, 0, len(rs))
	c.Indicators = make([]Indicator, 0, nInd)
	c.Events = make([]Event, 0, nEv)
	c.Problems = make([]Problem, 0, nProb)
	for i := range rs {
		r := &rs[i]
		c.Problems = append(c.Problems, r.Problems...)
		d := r.Doc
		if d == nil {
			continue
		}
		d = uniqueID(d, func(id string) bool { _, taken := c.byID[id]; return taken })
		c.byID[d.ID] = len(c.Documents)
		c.Documents = append(c.Documents, d)
		for _, in := range r.Result.Indicators {
			in.Doc = d.ID
			in.ID = len(c.Indicators)
			c.Indicators = append(c.Indicators, in)
		}
		for _, ev := range r.Result.Events {
			ev.Doc = d.ID
			ev.ID = len(c.Events)
			c.Events = append(c.Events, ev)
		}
	}
	// Problems are sorted by path too, stably, so each path's problems keep
	// the order they were met in.
	slices.SortStableFunc(c.Problems, func(a, b Problem) int { return cmpStrings(a.Path, b.Path, "", "") })
	return c
}

// Prepare builds now what queries and conflict marks would
// otherwise build on first use (about 60-100 ms for 64k indicators), so a
// dashboard can pay for it in the command that made the snapshot rather
// than in its Update. Calling it is optional and safe from any goroutine.
func (c *Corpus) Prepare() {
	c.searchIdx()
	c.conflictIdx()
}
