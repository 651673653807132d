package model

import "strings"

// Result is what Extract finds in one document. Doc and ID fields are filled
// in when the result is added to a Corpus.
type Result struct {
	Indicators []Indicator
	Events     []Event
}

// Extract runs the pipeline over one document, stage by stage:
//
//  1. Clean: blank the document's noise spans (same length, same offsets).
//  2. Sentences: split the clean text into sentence spans.
//  3. Quantities: scan figures with units, ranges and qualifiers.
//  4. Indicators: give each kept quantity a metric, subject and period.
//  5. Events: scan dates, resolving relative ones against the document date.
//
// Every span in the result indexes d.Text, and every Text field equals
// d.Text[Start:End].
func Extract(d *Document) Result {
	clean := d.Clean()
	sents := splitSentences(clean)
	qs := scanQuantities(clean)
	for i := range qs {
		qs[i].Text = d.Text[qs[i].Span.Start:qs[i].Span.End]
	}
	inds := buildIndicators(clean, sents, qs)
	evs := scanDates(clean, d.Date)
	for i := range evs {
		e := &evs[i]
		e.Text = d.Text[e.Span.Start:e.Span.End]
		e.Sentence = sentenceAt(sents, e.Span.Start)
		e.Summary = summarize(clean[e.Sentence.Start:e.Sentence.End], 160)
	}
	return Result{Indicators: inds, Events: evs}
}

// summarize squeezes a sentence onto one line of at most limit bytes,
// collapsing runs of white space and cutting at a word boundary.
func summarize(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= limit {
		return s
	}
	cut := strings.LastIndexByte(s[:limit], ' ')
	if cut < limit/2 {
		cut = limit
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
	}
	return s[:cut] + "…"
}
