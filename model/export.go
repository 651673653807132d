package model

import (
	"io"
	"strconv"
)

// The export shapes below are the documented JSON contract of
// `corridor extract`: the keys named in the issue, plus a few more
// ("counted", "rate", "precision"...) that scripts find useful. Missing
// values are null, never 0 or "", so that a script can tell them apart.

// ExportDocument is a document as exported.
type ExportDocument struct {
	ID     string  `json:"id"`
	Path   string  `json:"path"`
	Title  string  `json:"title"`
	Date   *string `json:"date"` // YYYY-MM-DD (or YYYY-MM, YYYY when that is all that is known); null when unknown
	Source *string `json:"source"`
	Format Format  `json:"format"`
	Bytes  int     `json:"bytes"`
}

// ExportIndicator is an indicator as exported.
type ExportIndicator struct {
	ID        int      `json:"id"`
	Doc       string   `json:"doc"`
	Metric    string   `json:"metric"`
	Subject   *string  `json:"subject"`
	Value     *float64 `json:"value"` // null for a range
	Low       *float64 `json:"low"`   // null unless a range
	High      *float64 `json:"high"`  // null unless a range
	Unit      string   `json:"unit"`
	Counted   *string  `json:"counted"` // what a "count" unit counts
	Qualifier *string  `json:"qualifier"`
	Rate      *string  `json:"rate"`
	Period    *Period  `json:"period"`
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Sentence  string   `json:"sentence"`
}

// ExportEvent is an event as exported.
type ExportEvent struct {
	ID        int     `json:"id"`
	Doc       string  `json:"doc"`
	Year      int     `json:"year"`
	Month     *int    `json:"month"`
	Day       *int    `json:"day"`
	EndYear   *int    `json:"end_year"`
	Precision string  `json:"precision"`
	Modifier  *string `json:"modifier"`
	Relative  bool    `json:"relative"`
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Summary   string  `json:"summary"`
}

// Export is the whole corpus as `corridor extract -format json` writes it.
type Export struct {
	Documents  []ExportDocument  `json:"documents"`
	Indicators []ExportIndicator `json:"indicators"`
	Events     []ExportEvent     `json:"events"`
	Problems   []Problem         `json:"problems"`
}

// NewExport converts a corpus to its export shape. Slices are never nil, so
// the JSON always has the four arrays. The writers below do not use it (they
// append each record straight to the output, see jsonwrite.go and csvwrite.go); it is the
// reference that their output is tested against, byte for byte, with
// encoding/json.
func NewExport(c *Corpus) Export {
	x := Export{
		Documents:  make([]ExportDocument, 0, len(c.Documents)),
		Indicators: make([]ExportIndicator, 0, len(c.Indicators)),
		Events:     make([]ExportEvent, 0, len(c.Events)),
		Problems:   append([]Problem{}, c.Problems...),
	}
	for _, d := range c.Documents {
		x.Documents = append(x.Documents, exportDocument(d))
	}
	for i := range c.Indicators {
		x.Indicators = append(x.Indicators, c.exportIndicator(&c.Indicators[i]))
	}
	for i := range c.Events {
		x.Events = append(x.Events, exportEvent(&c.Events[i]))
	}
	return x
}

func exportDocument(d *Document) ExportDocument {
	return ExportDocument{ID: d.ID, Path: d.Path, Title: d.Title, Date: nonEmpty(d.Date.String()),
		Source: nonEmpty(d.Source), Format: d.Format, Bytes: d.Bytes}
}

func (c *Corpus) exportIndicator(in *Indicator) ExportIndicator {
	x := ExportIndicator{
		ID: in.ID, Doc: in.Doc, Metric: in.Metric, Subject: nonEmpty(in.Subject), Unit: in.Unit,
		Counted: nonEmpty(in.Counted), Qualifier: nonEmpty(in.Qualifier), Rate: nonEmpty(in.Rate),
		Period: in.Period, Text: in.Text, Start: in.Span.Start, End: in.Span.End,
	}
	if in.IsRange {
		lo, hi := in.Low, in.High
		x.Low, x.High = &lo, &hi
	} else {
		v := in.Value
		x.Value = &v
	}
	if d := c.Doc(in.Doc); d != nil && in.Sentence.End <= len(d.Text) {
		x.Sentence = d.Text[in.Sentence.Start:in.Sentence.End]
	}
	return x
}

func exportEvent(e *Event) ExportEvent {
	return ExportEvent{
		ID: e.ID, Doc: e.Doc, Year: e.Year, Month: nonZero(e.Month), Day: nonZero(e.Day),
		EndYear: nonZero(e.EndYear), Precision: e.Precision, Modifier: nonEmpty(e.Modifier),
		Relative: e.Relative, Text: e.Text, Start: e.Span.Start, End: e.Span.End, Summary: e.Summary,
	}
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// Writing the export formats. Each record is appended straight to the
// output as encoding/json would write the Export shapes above (the
// same keys, order, escaping, number formats and indentation; the tests
// compare the two byte for byte), without building an Export copy of the
// corpus, without reflection and without one allocation per field: over
// Reuters the indented JSON went from three copies of a 67 MB output in
// memory to one record at a time.
//
// Two ways in: WriteJSON, WriteJSONL and WriteCSV write a Corpus that is
// already built (after a query, say); an Exporter (exporter.go) writes the
// results of an ordered stream one document at a time, so that `corridor
// extract` never holds the whole corpus unless the format needs it. The
// record writers are in jsonwrite.go and csvwrite.go.

// WriteJSON writes the corpus as one indented JSON object with the four
// arrays of Export, each element as encoding/json indents it.
func WriteJSON(w io.Writer, c *Corpus) error {
	x := newJSONWriter(w)
	x.open("documents")
	for _, d := range c.Documents {
		x.element(func(o *jsonObject) { o.document(d) })
	}
	x.next("indicators")
	for i := range c.Indicators {
		in := &c.Indicators[i]
		x.element(func(o *jsonObject) { o.indicator(in, in.ID, in.Doc, c.sentence(in)) })
	}
	x.next("events")
	for i := range c.Events {
		e := &c.Events[i]
		x.element(func(o *jsonObject) { o.event(e, e.ID, e.Doc) })
	}
	x.next("problems")
	for _, p := range c.Problems {
		x.element(func(o *jsonObject) { o.problem(p) })
	}
	return x.close()
}

// sentence returns the sentence of in, from its document's text, or "" when
// the document is not in the corpus.
func (c *Corpus) sentence(in *Indicator) string {
	if d := c.Doc(in.Doc); d != nil {
		return sentenceOf(d, in)
	}
	return ""
}

// sentenceOf returns the sentence of in, taken from d's text.
func sentenceOf(d *Document, in *Indicator) string {
	if in.Sentence.End > len(d.Text) {
		return ""
	}
	return d.Text[in.Sentence.Start:in.Sentence.End]
}

// WriteJSONL writes one JSON object per line, each with a "kind" key
// ("document", "indicator", "event", "problem") besides its export keys:
// each document followed by its indicators and then its events, in the
// corpus's order, and the problems last. This is the order in which
// `corridor extract` streams the lines as the files are read, so that
// neither it nor a reader of the output needs the whole corpus at once.
//
// It relies on what Add, CorpusOf and Query.Select guarantee: a document's
// indicators and events are stored together, in the order of Documents.
// Any that are not (a corpus built by hand) come after the last document.
func WriteJSONL(w io.Writer, c *Corpus) error {
	x := newJSONLWriter(w)
	ni, ne := 0, 0 // the first indicator and event not yet written
	for _, d := range c.Documents {
		x.line(func(o *jsonObject) { o.document(d) }, "document")
		for ; ni < len(c.Indicators) && c.Indicators[ni].Doc == d.ID; ni++ {
			in := &c.Indicators[ni]
			x.line(func(o *jsonObject) { o.indicator(in, in.ID, in.Doc, sentenceOf(d, in)) }, "indicator")
		}
		for ; ne < len(c.Events) && c.Events[ne].Doc == d.ID; ne++ {
			e := &c.Events[ne]
			x.line(func(o *jsonObject) { o.event(e, e.ID, e.Doc) }, "event")
		}
	}
	for i := range c.Indicators[ni:] {
		in := &c.Indicators[ni+i]
		x.line(func(o *jsonObject) { o.indicator(in, in.ID, in.Doc, c.sentence(in)) }, "indicator")
	}
	for i := range c.Events[ne:] {
		e := &c.Events[ne+i]
		x.line(func(o *jsonObject) { o.event(e, e.ID, e.Doc) }, "event")
	}
	for _, p := range c.Problems {
		x.line(func(o *jsonObject) { o.problem(p) }, "problem")
	}
	return x.flush()
}

// CSVKinds are the tables WriteCSV can write.
var CSVKinds = []string{"indicators", "events", "documents", "problems"}

// WriteCSV writes one table of the corpus as CSV with a header row: kind is
// one of CSVKinds ("indicators" when empty). Empty cells stand for null.
func WriteCSV(w io.Writer, c *Corpus, kind string) error {
	x, err := newCSVWriter(w, kind)
	if err != nil {
		return err
	}
	switch x.kind {
	case "indicators":
		for i := range c.Indicators {
			in := &c.Indicators[i]
			x.indicator(in, in.ID, in.Doc, c.sentence(in))
		}
	case "events":
		for i := range c.Events {
			x.event(&c.Events[i], c.Events[i].ID, c.Events[i].Doc)
		}
	case "documents":
		for _, d := range c.Documents {
			x.document(d)
		}
	case "problems":
		for _, p := range c.Problems {
			x.problem(p)
		}
	}
	return x.flush()
}

// UnknownKindError is returned by WriteCSV for a table it does not know.
type UnknownKindError struct{ Kind string }

func (e *UnknownKindError) Error() string {
	return "unknown table " + strconv.Quote(e.Kind) + " (want indicators, events, documents or problems)"
}
