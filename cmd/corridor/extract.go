package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"corridor/model"
)

const extractUsage = `Usage: corridor extract [-format json|jsonl|csv] [-table T] [-max-bytes N] [PATH...]

Reads the documents at PATH (files or folders, recursively; .txt, .md, .html)
or, with no PATH, the embedded corpus, extracts indicators and dated events,
and writes them to standard output.

Flags:
  -format F     json (default): one object {"documents","indicators","events","problems"}
                jsonl: one object per line, each with a "kind" key
                csv: one table, chosen with -table
  -table T      with -format csv: indicators (default), events, documents or problems
  -max-bytes N  skip files larger than N bytes, as a problem (default 20971520, 20 MB)

JSON keys:
  documents:  id, path, title, date (YYYY-MM-DD or null), source, format, bytes
  indicators: id, doc, metric, subject, value (null for a range), low, high, unit,
              counted (what a "count" counts), qualifier, rate, period ({from,to} or null),
              text, start, end (byte offsets: the document's bytes [start:end] equal text), sentence
  events:     id, doc, year, month, day, end_year, precision (day|month|year|decade|century),
              modifier (early|mid|late), relative, text, start, end, summary
  problems:   path, error

Units: % (percent), pp (percentage points), t (tonnes), TEU, bbl, bpd, km, km2,
ISO currency codes (USD, HKD, CNY, KZT, UZS, EUR...), count (with "counted"),
and plain words for rarer units.

Metrics: {{metrics}}

Exit status: 0 when every path loaded, 1 when some paths had problems (the
rest is still written, problems are listed on stderr and in the output),
2 for a usage error.
`

// runExtract implements `corridor extract`.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	usage := strings.Replace(extractUsage, "{{metrics}}", strings.Join(model.Metrics, ", "), 1)
	fs := newFlagSet("extract", usage, stdout)
	format := fs.String("format", "json", "json, jsonl or csv")
	table := fs.String("table", "indicators", "with -format csv: indicators, events, documents or problems")
	maxBytes := fs.Int64("max-bytes", model.DefaultMaxBytes, "largest file to read, in bytes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "json", "jsonl", "csv":
	default:
		return usageError{fmt.Sprintf("unknown -format %q (want json, jsonl or csv)", *format)}
	}
	if *format == "csv" && !validTable(*table) {
		return usageError{fmt.Sprintf("unknown -table %q (want %s)", *table, strings.Join(model.CSVKinds, ", "))}
	}
	if *maxBytes <= 0 {
		return usageError{"-max-bytes must be positive"}
	}
	c := loadCorpus(fs.Args(), model.LoadOptions{MaxBytes: *maxBytes})
	var err error
	switch *format {
	case "json":
		err = model.WriteJSON(stdout, c)
	case "jsonl":
		err = model.WriteJSONL(stdout, c)
	case "csv":
		err = model.WriteCSV(stdout, c, *table)
	}
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	writeProblems(stderr, c)
	if len(c.Problems) > 0 {
		return problemsError{len(c.Problems)}
	}
	return nil
}

func validTable(t string) bool {
	for _, k := range model.CSVKinds {
		if k == t {
			return true
		}
	}
	return false
}
