package model

import "strconv"

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
// append each record straight to the output, see exportwrite.go); it is the
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

// UnknownKindError is returned by WriteCSV for a table it does not know.
type UnknownKindError struct{ Kind string }

func (e *UnknownKindError) Error() string {
	return "unknown table " + strconv.Quote(e.Kind) + " (want indicators, events, documents or problems)"
}
