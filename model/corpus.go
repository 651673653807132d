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

// Key returns the event's stable key.
func (e *Event) Key() Key { return Key{e.Doc, e.Span.Start} }

// FindIndicator returns the ID of the indicator with key k, or -1.
func (c *Corpus) FindIndicator(k Key) int {
	return c.findByKey(k, len(c.Indicators), func(i int) (string, int) {
		return c.Indicators[i].Doc, c.Indicators[i].Span.Start
	})
}

// FindEvent returns the ID of the event with key k, or -1.
func (c *Corpus) FindEvent(k Key) int {
	return c.findByKey(k, len(c.Events), func(i int) (string, int) {
		return c.Events[i].Doc, c.Events[i].Span.Start
	})
}

// findByKey returns the first of n items whose document and start equal k,
// or -1. Items are stored grouped by document, in the order of Documents
// (Add appends a document's items together, and snapshots are assembled the
// same way), so a binary search finds the document's run and a short scan
// the offset. This needs no index: maps from Key to ID cost 12 MB on the
// Reuters corpus, for a lookup made once per snapshot swap.
func (c *Corpus) findByKey(k Key, n int, at func(i int) (doc string, start int)) int {
	want, ok := c.byID[k.Doc]
	if !ok {
		return -1
	}
	lo := sort.Search(n, func(i int) bool {
		doc, _ := at(i)
		return c.byID[doc] >= want
	})
	for i := lo; i < n; i++ {
		doc, start := at(i)
		if doc != k.Doc {
			break
		}
		if start == k.Start {
			return i
		}
	}
	return -1
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
		if _, taken := c.byID[d.ID]; taken {
			cp := *d
			for n := 2; ; n++ {
				id := d.ID + "~" + strconv.Itoa(n)
				if _, taken := c.byID[id]; !taken {
					cp.ID = id
					break
				}
			}
			d = &cp
		}
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
