package model

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Writing the export formats. Each record is appended straight to the
// output as encoding/json would write the Export shapes of export.go (the
// same keys, order, escaping, number formats and indentation; the tests
// compare the two byte for byte), without building an Export copy of the
// corpus, without reflection and without one allocation per field: over
// Reuters the indented JSON went from three copies of a 67 MB output in
// memory to one record at a time.
//
// Two ways in: WriteJSON, WriteJSONL and WriteCSV write a Corpus that is
// already built (after a query, say); an Exporter writes the results of an
// ordered stream one document at a time, so that `corridor extract` never
// holds the whole corpus unless the format needs it.

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

// Exporter writes the results of an ordered stream (StreamOptions.Ordered)
// in one of the export formats as they arrive, with what WriteJSON,
// WriteJSONL and WriteCSV would write for CorpusOf of the same results: the
// same document IDs (made unique the same way), indicator and event IDs,
// and problems sorted by path. JSONL and CSV are written as results come
// and nothing of them is kept but the problems and the document IDs
// given; JSON lists every document before the first indicator, so it keeps
// the documents and their figures, and nothing else, until Close.
type Exporter struct {
	format string      // "json", "jsonl" or "csv"
	json   *jsonWriter // with format json
	jsonl  *jsonlWriter
	csv    *csvWriter

	ids      map[string]struct{} // document IDs given so far
	nInd     int                 // indicators written (or kept) so far: the next indicator's ID
	nEv      int                 // events likewise
	kept     []DocResult         // with format json: the documents and their figures, for Close
	problems []rankedProblem     // every problem met, in arrival order
}

// rankedProblem is a problem with the ID of the document whose result
// carried it, which orders problems of one path as CorpusOf does.
type rankedProblem struct {
	Problem
	doc string
}

// NewExporter returns an Exporter writing format ("json", "jsonl" or
// "csv") to w; table is the CSV table, one of CSVKinds ("" for indicators),
// and is ignored for the other formats. Nothing reaches w before Close
// except JSONL lines and CSV rows, which are buffered.
func NewExporter(w io.Writer, format, table string) (*Exporter, error) {
	x := &Exporter{format: format, ids: map[string]struct{}{}}
	switch format {
	case "json":
		x.json = newJSONWriter(w)
	case "jsonl":
		x.jsonl = newJSONLWriter(w)
	case "csv":
		var err error
		if x.csv, err = newCSVWriter(w, table); err != nil {
			return nil, err
		}
	default:
		return nil, &UnknownFormatError{Format: format}
	}
	return x, nil
}

// UnknownFormatError is returned by NewExporter for a format it does not
// know.
type UnknownFormatError struct{ Format string }

func (e *UnknownFormatError) Error() string {
	return "unknown format " + strconv.Quote(e.Format) + " (want json, jsonl or csv)"
}

// Add writes (or, for JSON, keeps) one stream result: results must come in
// the order of an ordered stream. A document whose ID is already taken is
// exported under a numeric suffix ("report~2"), as Corpus.Add names it; the
// document itself is not changed. The error is the writer's, if any.
func (x *Exporter) Add(r DocResult) error {
	for _, p := range r.Problems {
		x.problems = append(x.problems, rankedProblem{p, docID(r.Doc)})
	}
	d := r.Doc
	if d == nil {
		return nil
	}
	if _, taken := x.ids[d.ID]; taken {
		cp := *d
		for n := 2; ; n++ {
			id := d.ID + "~" + strconv.Itoa(n)
			if _, taken := x.ids[id]; !taken {
				cp.ID = id
				break
			}
		}
		d = &cp
	}
	x.ids[d.ID] = struct{}{}
	inds, evs := r.Result.Indicators, r.Result.Events
	firstInd, firstEv := x.nInd, x.nEv
	x.nInd += len(inds)
	x.nEv += len(evs)
	switch {
	case x.json != nil:
		if len(inds) == 0 && (d.Text != "" || d.Noise != nil) {
			// Only indicators need the text (for their sentence): a third
			// of Reuters' documents have none, 3.6 MB of text not kept.
			cp := *d
			cp.Text, cp.Noise = "", nil
			d = &cp
		}
		x.kept = append(x.kept, DocResult{Doc: d, Result: r.Result})
		return nil
	case x.jsonl != nil:
		x.jsonl.document(d, inds, evs, firstInd, firstEv)
		return x.jsonl.err
	}
	switch x.csv.kind {
	case "indicators":
		for i := range inds {
			x.csv.indicator(&inds[i], firstInd+i, d.ID, sentenceOf(d, &inds[i]))
		}
	case "events":
		for i := range evs {
			x.csv.event(&evs[i], firstEv+i, d.ID)
		}
	case "documents":
		x.csv.document(d)
	}
	return x.csv.err()
}

// Close writes what is left (for JSON, everything; for the others, the
// problems) and flushes the output. It returns the problems, sorted by path
// as in a Corpus, for the caller to report.
func (x *Exporter) Close() ([]Problem, error) {
	// Problems of one path keep the order of the results that carried
	// them, ranked by document ID, as CorpusOf sorts results; the listing's
	// problems came first and carry no document.
	slices.SortStableFunc(x.problems, func(a, b rankedProblem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.doc, b.doc))
	})
	problems := make([]Problem, len(x.problems))
	for i, p := range x.problems {
		problems[i] = p.Problem
	}
	switch {
	case x.json != nil:
		return problems, x.writeJSON(problems)
	case x.jsonl != nil:
		for _, p := range problems {
			x.jsonl.line(func(o *jsonObject) { o.problem(p) }, "problem")
		}
		return problems, x.jsonl.flush()
	}
	if x.csv.kind == "problems" {
		for _, p := range problems {
			x.csv.problem(p)
		}
	}
	return problems, x.csv.flush()
}

// writeJSON writes the kept results as WriteJSON writes a corpus, letting
// each document go once its figures are written.
func (x *Exporter) writeJSON(problems []Problem) error {
	j := x.json
	j.open("documents")
	for _, r := range x.kept {
		j.element(func(o *jsonObject) { o.document(r.Doc) })
	}
	j.next("indicators")
	id := 0
	for _, r := range x.kept {
		for i := range r.Result.Indicators {
			in := &r.Result.Indicators[i]
			j.element(func(o *jsonObject) { o.indicator(in, id, r.Doc.ID, sentenceOf(r.Doc, in)) })
			id++
		}
	}
	j.next("events")
	id = 0
	for k, r := range x.kept {
		for i := range r.Result.Events {
			e := &r.Result.Events[i]
			j.element(func(o *jsonObject) { o.event(e, id, r.Doc.ID) })
			id++
		}
		x.kept[k] = DocResult{}
	}
	x.kept = nil
	j.next("problems")
	for _, p := range problems {
		j.element(func(o *jsonObject) { o.problem(p) })
	}
	return j.close()
}

// jsonWriter writes the indented JSON object of WriteJSON, one array
// element at a time.
type jsonWriter struct {
	w     *bufio.Writer
	obj   jsonObject
	count int   // elements in the current array
	err   error // the first error met
}

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriterSize(w, 64<<10), obj: jsonObject{indent: "\n      "}}
}

// open starts the object and its first array.
func (j *jsonWriter) open(key string) {
	j.w.WriteString("{\n  \"" + key + "\": [")
}

// next closes the current array and starts the next one.
func (j *jsonWriter) next(key string) {
	j.endArray()
	j.w.WriteString(",\n  \"" + key + "\": [")
}

// endArray closes the current array: "[]" when it is empty.
func (j *jsonWriter) endArray() {
	if j.count > 0 {
		j.w.WriteString("\n  ]")
	} else {
		j.w.WriteString("]")
	}
	j.count = 0
}

// element writes one object of the current array, its fields written by
// fields.
func (j *jsonWriter) element(fields func(o *jsonObject)) {
	if j.count > 0 {
		j.w.WriteString(",\n    ")
	} else {
		j.w.WriteString("\n    ")
	}
	j.count++
	j.obj.start("")
	fields(&j.obj)
	j.obj.end()
	if j.obj.err != nil && j.err == nil {
		j.err = j.obj.err
	}
	j.w.Write(j.obj.b)
}

// close ends the last array and the object, and flushes.
func (j *jsonWriter) close() error {
	j.endArray()
	j.w.WriteString("\n}\n")
	if err := j.w.Flush(); err != nil {
		return err
	}
	return j.err
}

// jsonlWriter writes the lines of WriteJSONL.
type jsonlWriter struct {
	w   *bufio.Writer
	obj jsonObject
	err error // the first error met, the writer's or an unsupported value
}

func newJSONLWriter(w io.Writer) *jsonlWriter {
	return &jsonlWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

// line writes one object with the given kind as one line.
func (j *jsonlWriter) line(fields func(o *jsonObject), kind string) {
	if j.err != nil {
		return
	}
	j.obj.start(kind)
	fields(&j.obj)
	j.obj.end()
	j.obj.b = append(j.obj.b, '\n')
	if j.obj.err != nil {
		j.err = j.obj.err
		return
	}
	if _, err := j.w.Write(j.obj.b); err != nil {
		j.err = err
	}
}

// document writes the line of d, then those of its indicators and events,
// whose IDs start at firstInd and firstEv.
func (j *jsonlWriter) document(d *Document, inds []Indicator, evs []Event, firstInd, firstEv int) {
	j.line(func(o *jsonObject) { o.document(d) }, "document")
	for i := range inds {
		in := &inds[i]
		j.line(func(o *jsonObject) { o.indicator(in, firstInd+i, d.ID, sentenceOf(d, in)) }, "indicator")
	}
	for i := range evs {
		j.line(func(o *jsonObject) { o.event(&evs[i], firstEv+i, d.ID) }, "event")
	}
}

func (j *jsonlWriter) flush() error {
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// jsonObject builds one JSON object in b, field by field, compact or
// indented as encoding/json would write it.
type jsonObject struct {
	b      []byte
	indent string // newline and indentation before each field; "" for compact JSON
	fields int    // fields written so far
	err    error  // an unsupported value (NaN or an infinity), as encoding/json reports it
}

// start begins a new object in b, with a "kind" field when kind is not "".
func (o *jsonObject) start(kind string) {
	o.b = append(o.b[:0], '{')
	o.fields = 0
	if kind != "" {
		o.str("kind", kind)
	}
}

// end closes the object.
func (o *jsonObject) end() {
	if o.indent != "" && o.fields > 0 {
		o.b = append(o.b, o.indent[:len(o.indent)-2]...)
	}
	o.b = append(o.b, '}')
}

// key writes the separator before a field and its key.
func (o *jsonObject) key(k string) {
	if o.fields > 0 {
		o.b = append(o.b, ',')
	}
	o.fields++
	o.b = append(o.b, o.indent...)
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
	if o.indent != "" {
		o.b = append(o.b, ' ')
	}
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

// strOrNull writes null for "", as the *string fields of the Export shapes.
func (o *jsonObject) strOrNull(k, v string) {
	if v == "" {
		o.null(k)
		return
	}
	o.str(k, v)
}

func (o *jsonObject) null(k string) {
	o.key(k)
	o.b = append(o.b, "null"...)
}

func (o *jsonObject) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

// intOrNull writes null for 0, as the *int fields of the Export shapes.
func (o *jsonObject) intOrNull(k string, v int) {
	if v == 0 {
		o.null(k)
		return
	}
	o.int(k, v)
}

func (o *jsonObject) bool(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

// float writes v as encoding/json writes a float64: the shortest decimal
// that reads back the same, in exponent form only below 1e-6 or from 1e21
// on, with the exponent's leading zero dropped (1e-07 → 1e-7).
func (o *jsonObject) float(k string, v float64) {
	o.key(k)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		if o.err == nil {
			s := strconv.FormatFloat(v, 'g', -1, 64)
			o.err = &json.UnsupportedValueError{Value: reflect.ValueOf(v), Str: s}
		}
		o.b = append(o.b, "null"...)
		return
	}
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	o.b = strconv.AppendFloat(o.b, v, format, -1, 64)
	if format == 'e' {
		n := len(o.b)
		if n >= 4 && o.b[n-4] == 'e' && o.b[n-3] == '-' && o.b[n-2] == '0' {
			o.b[n-2] = o.b[n-1]
			o.b = o.b[:n-1]
		}
	}
}

// document writes the fields of ExportDocument.
func (o *jsonObject) document(d *Document) {
	o.str("id", d.ID)
	o.str("path", d.Path)
	o.str("title", d.Title)
	o.strOrNull("date", d.Date.String())
	o.strOrNull("source", d.Source)
	o.str("format", string(d.Format))
	o.int("bytes", d.Bytes)
}

// indicator writes the fields of ExportIndicator, with the given ID,
// document ID and sentence.
func (o *jsonObject) indicator(in *Indicator, id int, doc, sentence string) {
	o.int("id", id)
	o.str("doc", doc)
	o.str("metric", in.Metric)
	o.strOrNull("subject", in.Subject)
	if in.IsRange {
		o.null("value")
		o.float("low", in.Low)
		o.float("high", in.High)
	} else {
		o.float("value", in.Value)
		o.null("low")
		o.null("high")
	}
	o.str("unit", in.Unit)
	o.strOrNull("counted", in.Counted)
	o.strOrNull("qualifier", in.Qualifier)
	o.strOrNull("rate", in.Rate)
	if in.Period == nil {
		o.null("period")
	} else {
		o.key("period")
		// The nested object, one level deeper.
		inner := jsonObject{b: o.b, indent: o.indent}
		if inner.indent != "" {
			inner.indent += "  "
		}
		inner.b = append(inner.b, '{')
		inner.int("from", in.Period.From)
		inner.int("to", in.Period.To)
		inner.end()
		o.b = inner.b
	}
	o.str("text", in.Text)
	o.int("start", in.Span.Start)
	o.int("end", in.Span.End)
	o.str("sentence", sentence)
}

// event writes the fields of ExportEvent, with the given ID and document ID.
func (o *jsonObject) event(e *Event, id int, doc string) {
	o.int("id", id)
	o.str("doc", doc)
	o.int("year", e.Year)
	o.intOrNull("month", e.Month)
	o.intOrNull("day", e.Day)
	o.intOrNull("end_year", e.EndYear)
	o.str("precision", e.Precision)
	o.strOrNull("modifier", e.Modifier)
	o.bool("relative", e.Relative)
	o.str("text", e.Text)
	o.int("start", e.Span.Start)
	o.int("end", e.Span.End)
	o.str("summary", e.Summary)
}

// problem writes the fields of Problem.
func (o *jsonObject) problem(p Problem) {
	o.str("path", p.Path)
	o.str("error", p.Err)
}

// jsonSafe marks the ASCII bytes that encoding/json writes as they are in a
// string when HTML escaping is off: all printable ASCII but '"' and '\\'.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

// appendJSONString appends s as a JSON string exactly as encoding/json
// does with SetEscapeHTML(false): control characters escaped (\n, \t... or
// \u00XX), invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0 // s[start:i] is still to be copied
	for i := 0; i < len(s); {
		if i+8 <= len(s) && jsonPlain8(load8(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonPlain8 reports whether all eight bytes of x are written as they are
// in a JSON string: printable ASCII other than '"' and '\\'. Most of what
// is written is, so strings are copied eight bytes per test.
func jsonPlain8(x uint64) bool {
	const ones = 0x0101010101010101
	quote, backslash := x^(ones*'"'), x^(ones*'\\')
	control := (x - ones*0x20) & ^x      // bit 7 set somewhere if a byte is below 0x20
	q := (quote - ones) & ^quote         // ... if a byte is '"'
	b := (backslash - ones) & ^backslash // ... if a byte is '\\'
	return (x|control|q|b)&swarHi == 0   // and x's own bit 7: a byte of 0x80 or more
}

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
