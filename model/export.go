package model

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
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
// the JSON always has the four arrays.
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

// WriteJSON writes the corpus as one indented JSON object.
func WriteJSON(w io.Writer, c *Corpus) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewExport(c))
}

// WriteJSONL writes one JSON object per line, documents first, then
// indicators, events and problems; each object has a "kind" key
// ("document", "indicator", "event", "problem") besides its export keys.
// Lines are written as they are made, so a large corpus streams.
func WriteJSONL(w io.Writer, c *Corpus) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	type (
		doc struct {
			Kind string `json:"kind"`
			ExportDocument
		}
		ind struct {
			Kind string `json:"kind"`
			ExportIndicator
		}
		ev struct {
			Kind string `json:"kind"`
			ExportEvent
		}
		prob struct {
			Kind string `json:"kind"`
			Problem
		}
	)
	for _, d := range c.Documents {
		if err := enc.Encode(doc{"document", exportDocument(d)}); err != nil {
			return err
		}
	}
	for i := range c.Indicators {
		if err := enc.Encode(ind{"indicator", c.exportIndicator(&c.Indicators[i])}); err != nil {
			return err
		}
	}
	for i := range c.Events {
		if err := enc.Encode(ev{"event", exportEvent(&c.Events[i])}); err != nil {
			return err
		}
	}
	for _, p := range c.Problems {
		if err := enc.Encode(prob{"problem", p}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// CSVKinds are the tables WriteCSV can write.
var CSVKinds = []string{"indicators", "events", "documents", "problems"}

// WriteCSV writes one table of the corpus as CSV with a header row: kind is
// one of CSVKinds ("indicators" when empty). Empty cells stand for null.
func WriteCSV(w io.Writer, c *Corpus, kind string) error {
	cw := csv.NewWriter(w)
	switch kind {
	case "", "indicators":
		cw.Write([]string{"id", "doc", "metric", "subject", "value", "low", "high", "unit", "counted",
			"qualifier", "rate", "period_from", "period_to", "text", "start", "end", "sentence"})
		for i := range c.Indicators {
			x := c.exportIndicator(&c.Indicators[i])
			from, to := "", ""
			if x.Period != nil {
				from, to = strconv.Itoa(x.Period.From), strconv.Itoa(x.Period.To)
			}
			cw.Write([]string{strconv.Itoa(x.ID), x.Doc, x.Metric, str(x.Subject), num(x.Value), num(x.Low),
				num(x.High), x.Unit, str(x.Counted), str(x.Qualifier), str(x.Rate), from, to, x.Text,
				strconv.Itoa(x.Start), strconv.Itoa(x.End), x.Sentence})
		}
	case "events":
		cw.Write([]string{"id", "doc", "year", "month", "day", "end_year", "precision", "modifier",
			"relative", "text", "start", "end", "summary"})
		for i := range c.Events {
			x := exportEvent(&c.Events[i])
			cw.Write([]string{strconv.Itoa(x.ID), x.Doc, strconv.Itoa(x.Year), intStr(x.Month), intStr(x.Day),
				intStr(x.EndYear), x.Precision, str(x.Modifier), strconv.FormatBool(x.Relative), x.Text,
				strconv.Itoa(x.Start), strconv.Itoa(x.End), x.Summary})
		}
	case "documents":
		cw.Write([]string{"id", "path", "title", "date", "source", "format", "bytes"})
		for _, d := range c.Documents {
			x := exportDocument(d)
			cw.Write([]string{x.ID, x.Path, x.Title, str(x.Date), str(x.Source), string(x.Format), strconv.Itoa(x.Bytes)})
		}
	case "problems":
		cw.Write([]string{"path", "error"})
		for _, p := range c.Problems {
			cw.Write([]string{p.Path, p.Err})
		}
	default:
		return &UnknownKindError{Kind: kind}
	}
	cw.Flush()
	return cw.Error()
}

// UnknownKindError is returned by WriteCSV for a table it does not know.
type UnknownKindError struct{ Kind string }

func (e *UnknownKindError) Error() string {
	return "unknown table " + strconv.Quote(e.Kind) + " (want indicators, events, documents or problems)"
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'g', -1, 64)
}

func intStr(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
