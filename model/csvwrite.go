package model

import (
	"encoding/csv"
	"io"
	"strconv"
)

// csvWriter writes the rows of one CSV table, reusing one record.
type csvWriter struct {
	w    *csv.Writer
	kind string   // one of CSVKinds
	rec  []string // the row being written
}

// newCSVWriter returns a writer for table kind ("" for indicators) that has
// written the table's header.
func newCSVWriter(w io.Writer, kind string) (*csvWriter, error) {
	x := &csvWriter{w: csv.NewWriter(w), kind: kind}
	switch kind {
	case "", "indicators":
		x.kind = "indicators"
		x.w.Write([]string{"id", "doc", "metric", "subject", "value", "low", "high", "unit", "counted",
			"qualifier", "rate", "period_from", "period_to", "text", "start", "end", "sentence"})
	case "events":
		x.w.Write([]string{"id", "doc", "year", "month", "day", "end_year", "precision", "modifier",
			"relative", "text", "start", "end", "summary"})
	case "documents":
		x.w.Write([]string{"id", "path", "title", "date", "source", "format", "bytes"})
	case "problems":
		x.w.Write([]string{"path", "error"})
	default:
		return nil, &UnknownKindError{Kind: kind}
	}
	return x, nil
}

func (x *csvWriter) indicator(in *Indicator, id int, doc, sentence string) {
	value, low, high := "", "", ""
	if in.IsRange {
		low, high = csvFloat(in.Low), csvFloat(in.High)
	} else {
		value = csvFloat(in.Value)
	}
	from, to := "", ""
	if in.Period != nil {
		from, to = strconv.Itoa(in.Period.From), strconv.Itoa(in.Period.To)
	}
	x.rec = append(x.rec[:0], strconv.Itoa(id), doc, in.Metric, in.Subject, value, low, high, in.Unit,
		in.Counted, in.Qualifier, in.Rate, from, to, in.Text, strconv.Itoa(in.Span.Start),
		strconv.Itoa(in.Span.End), sentence)
	x.w.Write(x.rec)
}

func (x *csvWriter) event(e *Event, id int, doc string) {
	x.rec = append(x.rec[:0], strconv.Itoa(id), doc, strconv.Itoa(e.Year), csvInt(e.Month), csvInt(e.Day),
		csvInt(e.EndYear), e.Precision, e.Modifier, strconv.FormatBool(e.Relative), e.Text,
		strconv.Itoa(e.Span.Start), strconv.Itoa(e.Span.End), e.Summary)
	x.w.Write(x.rec)
}

func (x *csvWriter) document(d *Document) {
	x.rec = append(x.rec[:0], d.ID, d.Path, d.Title, d.Date.String(), d.Source, string(d.Format), strconv.Itoa(d.Bytes))
	x.w.Write(x.rec)
}

func (x *csvWriter) problem(p Problem) {
	x.rec = append(x.rec[:0], p.Path, p.Err)
	x.w.Write(x.rec)
}

// err returns the first error of an earlier write, if any.
func (x *csvWriter) err() error { return x.w.Error() }

func (x *csvWriter) flush() error {
	x.w.Flush()
	return x.w.Error()
}

// csvFloat formats a value for a CSV cell: the shortest decimal that reads
// back the same.
func csvFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// csvInt formats n for a CSV cell, empty for 0 (unknown).
func csvInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
