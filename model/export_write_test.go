package model

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"corridor/seeds"
)

// referenceJSON is what WriteJSON wrote when it encoded NewExport(c) with
// encoding/json; the hand-written writer must give the same bytes.
func referenceJSON(t *testing.T, c *Corpus) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewExport(c)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// referenceJSONL is what WriteJSONL wrote when it encoded each record of
// NewExport(c) with encoding/json behind a "kind" key, in its new order:
// each document, its indicators, its events; then the problems.
func referenceJSONL(t *testing.T, c *Corpus) []byte {
	t.Helper()
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
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	encode := func(v any) {
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
	}
	x := NewExport(c)
	for _, d := range x.Documents {
		encode(doc{"document", d})
		for _, in := range x.Indicators {
			if in.Doc == d.ID {
				encode(ind{"indicator", in})
			}
		}
		for _, e := range x.Events {
			if e.Doc == d.ID {
				encode(ev{"event", e})
			}
		}
	}
	for _, p := range x.Problems {
		encode(prob{"problem", p})
	}
	return b.Bytes()
}

// awkwardCorpus has every value the JSON writer must escape or format as
// encoding/json does: control characters, quotes, HTML characters (not
// escaped), U+2028, invalid UTF-8, tiny and huge floats, ranges, periods,
// empty fields that are null and an empty array.
func awkwardCorpus() *Corpus {
	d := &Document{ID: "a\"b\\c", Path: "dir/<a&b>.txt", Title: "tab\there\nnew\x01line\x7f \u2028 \u2029 é \xff end",
		Date: Date{2023, 3, 0}, Source: "Reuters", Format: FormatText, Bytes: 123,
		Text: "Rail freight rose 12% to 5.9 million tonnes in 2023. \"Quoted\" \b\f\r sentence."}
	d2 := &Document{ID: "plain", Path: "plain.txt", Title: "Plain", Format: FormatHTML, Bytes: 9, Text: "short"}
	c := NewCorpus()
	values := []float64{0, -0.5, 1e-7, 1.5e-6, 1e-6, 123456789.125, 1e20, 1e21, 2.5e30, -3e-9, 5.9e6, 0.1 + 0.2}
	var r Result
	for i, v := range values {
		in := Indicator{Quantity: Quantity{Value: v, Unit: "t", Span: Span{0, 4}, Text: "Rail"},
			Metric: MetricRailFreight, Sentence: Span{0, 52}}
		switch i % 3 {
		case 1:
			in.IsRange, in.Low, in.High = true, v, v*2
			in.Subject, in.Qualifier, in.Rate, in.Counted = "Kazakhstan", "over", "per year", "trains"
		case 2:
			in.Period = &Period{2020, 2023}
			in.Sentence = Span{60, 999} // past the text: no sentence
		}
		r.Indicators = append(r.Indicators, in)
	}
	r.Events = []Event{
		{Year: 2023, Precision: PrecisionYear, Span: Span{47, 51}, Text: "2023", Summary: "Rail \"freight\" <rose>"},
		{Year: 1990, Month: 3, Day: 4, EndYear: 1999, Precision: PrecisionDay, Modifier: "early", Relative: true, Text: "x", Summary: "\t"},
	}
	c.Add(d, r)
	c.Add(d2, Result{})
	c.Problems = []Problem{{Path: "bad\x00.pdf", Err: "unsupported \"pdf\""}}
	return c
}

func seedsCorpus(t *testing.T) *Corpus {
	t.Helper()
	docs, probs := LoadFS(seeds.FS, seeds.Root, LoadOptions{Base: "seeds"})
	return Build(docs, probs)
}

func TestWritersMatchEncodingJSON(t *testing.T) {
	tests := []struct {
		name   string
		corpus func(t *testing.T) *Corpus
	}{
		{"seeds", seedsCorpus},
		{"awkward values", func(*testing.T) *Corpus { return awkwardCorpus() }},
		{"empty", func(*testing.T) *Corpus { return NewCorpus() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.corpus(t)
			var got bytes.Buffer
			if err := WriteJSON(&got, c); err != nil {
				t.Fatal(err)
			}
			if want := referenceJSON(t, c); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("WriteJSON differs from encoding/json at byte %d:\n got %q\nwant %q", diffAt(got.Bytes(), want),
					around(got.Bytes(), diffAt(got.Bytes(), want)), around(want, diffAt(got.Bytes(), want)))
			}
			got.Reset()
			if err := WriteJSONL(&got, c); err != nil {
				t.Fatal(err)
			}
			if want := referenceJSONL(t, c); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("WriteJSONL differs from encoding/json at byte %d:\n got %q\nwant %q", diffAt(got.Bytes(), want),
					around(got.Bytes(), diffAt(got.Bytes(), want)), around(want, diffAt(got.Bytes(), want)))
			}
		})
	}
}

func diffAt(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(b []byte, at int) []byte { return b[max(0, at-60):min(len(b), at+60)] }

// TestWriteJSONUnsupportedValue: a NaN cannot be written as JSON; the
// writers say so as encoding/json does rather than write invalid JSON.
func TestWriteJSONUnsupportedValue(t *testing.T) {
	c := NewCorpus()
	c.Add(&Document{ID: "d", Text: "x"}, Result{Indicators: []Indicator{{Quantity: Quantity{Value: math.NaN()}}}})
	for name, write := range map[string]func() error{
		"json":  func() error { return WriteJSON(&bytes.Buffer{}, c) },
		"jsonl": func() error { return WriteJSONL(&bytes.Buffer{}, c) },
	} {
		var uv *json.UnsupportedValueError
		if err := write(); !errors.As(err, &uv) || uv.Str != "NaN" {
			t.Errorf("%s: error %v, want json: unsupported value: NaN", name, err)
		}
	}
}

// TestExporterMatchesCorpus streams a folder in order into an Exporter and
// checks that it writes, in every format, what the writers write for the
// corpus of the same files, with a file named twice (so IDs get a suffix)
// and every kind of problem.
func TestExporterMatchesCorpus(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, mixedTree)
	paths := []string{dir, filepath.Join(dir, "b"), filepath.Join(dir, "a.txt"), dir, filepath.Join(dir, "nope")}
	c, err := LoadCorpus(context.Background(), nil, "", paths, StreamOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	formats := []struct{ format, table string }{
		{"json", ""}, {"jsonl", ""}, {"csv", "indicators"}, {"csv", "events"}, {"csv", "documents"}, {"csv", "problems"},
	}
	for _, f := range formats {
		t.Run(f.format+" "+f.table, func(t *testing.T) {
			var want bytes.Buffer
			switch f.format {
			case "json":
				err = WriteJSON(&want, c)
			case "jsonl":
				err = WriteJSONL(&want, c)
			default:
				err = WriteCSV(&want, c, f.table)
			}
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			x, err := NewExporter(&got, f.format, f.table)
			if err != nil {
				t.Fatal(err)
			}
			// One worker finishing out of order is enough to test the
			// reordering; batches of one hand results over one by one.
			err = StreamPaths(context.Background(), paths, StreamOptions{Ordered: true, Workers: 3, BatchSize: 1}, func(b Batch) error {
				for _, r := range b.Results {
					if err := x.Add(r); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			problems, err := x.Close()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("exporter differs at byte %d:\n got %q\nwant %q", diffAt(got.Bytes(), want.Bytes()),
					around(got.Bytes(), diffAt(got.Bytes(), want.Bytes())), around(want.Bytes(), diffAt(got.Bytes(), want.Bytes())))
			}
			if len(problems) != len(c.Problems) {
				t.Fatalf("%d problems, want %d", len(problems), len(c.Problems))
			}
			for i := range problems {
				if problems[i] != c.Problems[i] {
					t.Errorf("problem %d: %v, want %v", i, problems[i], c.Problems[i])
				}
			}
		})
	}
	if !strings.Contains(documentsCSV(t, c), "~2") {
		t.Error("no document was named twice; the test lost its point")
	}
}

func documentsCSV(t *testing.T, c *Corpus) string {
	var b bytes.Buffer
	if err := WriteCSV(&b, c, "documents"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestJSONPlain8 compares the eight-byte test with the byte table: every
// byte value at every place among plain letters, and random words.
func TestJSONPlain8(t *testing.T) {
	plain := func(s string) bool {
		for i := range len(s) {
			if s[i] >= 0x80 || !jsonSafe[s[i]] {
				return false
			}
		}
		return true
	}
	check := func(b []byte) {
		t.Helper()
		if got, want := jsonPlain8(load8(string(b), 0)), plain(string(b)); got != want {
			t.Fatalf("%q: %v, want %v", b, got, want)
		}
	}
	for n := range 256 {
		for pos := range 8 {
			b := []byte("abcdefgh")
			b[pos] = byte(n)
			check(b)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		var b [8]byte
		for i := range b {
			// Mostly near the edges: controls, '"', '\\', DEL, 0x80.
			b[i] = []byte{0x00, 0x1f, 0x20, 0x21, '"', 0x23, '\\', 0x5b, 0x5d, 0x7f, 0x80, 0xff, 'a'}[r.IntN(13)]
		}
		check(b[:])
	}
}
