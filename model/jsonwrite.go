package model

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"
)

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
