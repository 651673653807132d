package model

import "strconv"

// Corpus holds every loaded document with what was extracted from it, and the
// problems met while loading. Indicators and events are stored flat, in
// document order, so that the TUI and the exporters can index them directly.
// A Corpus is built once and then only read; it is safe to share between
// goroutines (SSH sessions) as long as nobody calls Add.
type Corpus struct {
	Documents  []*Document // in load order
	Indicators []Indicator // Indicator.ID is the index here
	Events     []Event     // Event.ID is the index here
	Problems   []Problem   // paths that could not be loaded

	byID map[string]int // Document.ID -> index in Documents
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
