package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"corridor/model"
)

const extractUsage = `Usage: corridor extract [-format json|jsonl|csv] [-table T] [-query Q] [-max-bytes N] [PATH...]

Reads the documents at PATH (files or folders, recursively; .txt, .md, .html)
or, with no PATH, the embedded corpus, extracts indicators and dated events,
and writes them to standard output. Files are read on all cores; the output
is in path order whatever order they finish in. When standard error is a
terminal, a progress line is shown there while files are read.

Flags:
  -format F     json (default): one object {"documents","indicators","events","problems"}
                jsonl: one object per line, each with a "kind" key: each document
                followed by its indicators and events, the problems last; lines
                are written as the files are read, so memory stays small
                csv: one table, chosen with -table
  -table T      with -format csv: indicators (default), events, documents or problems
  -query Q      keep only what matches the query Q (the dashboard's filter language):
                indicators that match; documents with at least one of them; events of
                those documents that match Q's doc, year and free words; every problem.
                IDs are renumbered from 0.
  -max-bytes N  skip files larger than N bytes, as a problem (default 20971520, 20 MB)

Queries: space-separated terms, all of which must match. A free word matches
its metric, subject, text, unit, sentence or document title (case-insensitive
substring; "quote a phrase"). Facets: metric:rail_freight  subject:kazakhstan
unit:t  qualifier:over  counted:trains  doc:"silk road" (title or id)
year:2020..2025 (also 2020, ..2000, 2020..; the period, else the document date)
value:>1e6 (>, <, >=, <=, a..b, or x within 0.5%; k, m, bn, tn suffixes)
conflict:yes (another document gives a different figure). facet:a,b matches
either; a leading - negates: -subject:china. Example:
  corridor extract -query 'metric:rail_freight subject:kazakhstan year:2020.. value:>1m' DIR

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
	query := fs.String("query", "", "keep only what matches this query")
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
	q, err := model.ParseQuery(*query)
	if err != nil {
		return usageError{"bad -query: " + err.Error()}
	}
	progress, clearProgress := progressLine(stderr)
	var problems []model.Problem
	if q.IsZero() {
		problems, err = streamExtract(ctx, fs.Args(), *maxBytes, *format, *table, stdout, progress)
	} else {
		problems, err = queryExtract(ctx, fs.Args(), *maxBytes, q, *format, *table, stdout, progress)
	}
	clearProgress()
	if err != nil {
		return err
	}
	writeProblems(stderr, problems)
	if len(problems) > 0 {
		return problemsError{len(problems)}
	}
	return nil
}

// streamExtract loads the paths in path order and writes each document's
// results as they come (for JSON, once all have come), so that JSONL and
// CSV never hold more than a few documents: over Reuters, peak RSS went
// from 160 MB for the whole corpus to the size of the read-ahead window.
func streamExtract(ctx context.Context, paths []string, maxBytes int64, format, table string, stdout io.Writer,
	progress func(model.Progress)) ([]model.Problem, error) {
	x, err := model.NewExporter(stdout, format, table)
	if err != nil {
		return nil, err
	}
	var writeErr error
	err = streamPaths(ctx, paths, model.StreamOptions{LoadOptions: model.LoadOptions{MaxBytes: maxBytes}, Ordered: true},
		func(b model.Batch) error {
			if progress != nil {
				progress(b.Progress)
			}
			for _, r := range b.Results {
				if writeErr = x.Add(r); writeErr != nil {
					return writeErr
				}
			}
			return nil
		})
	switch {
	case writeErr != nil:
		return nil, fmt.Errorf("writing output: %w", writeErr)
	case err != nil:
		return nil, fmt.Errorf("interrupted: %w", err)
	}
	problems, err := x.Close()
	if err != nil {
		return nil, fmt.Errorf("writing output: %w", err)
	}
	return problems, nil
}

// queryExtract loads the whole corpus, which a query needs (conflict:yes
// compares figures across documents), keeps what matches q and writes it.
func queryExtract(ctx context.Context, paths []string, maxBytes int64, q model.Query, format, table string, stdout io.Writer,
	progress func(model.Progress)) ([]model.Problem, error) {
	c, err := loadCorpusCtx(ctx, paths, model.LoadOptions{MaxBytes: maxBytes}, progress)
	if err != nil {
		return nil, fmt.Errorf("interrupted: %w", err)
	}
	c = q.Select(c)
	switch format {
	case "json":
		err = model.WriteJSON(stdout, c)
	case "jsonl":
		err = model.WriteJSONL(stdout, c)
	case "csv":
		err = model.WriteCSV(stdout, c, table)
	}
	if err != nil {
		return nil, fmt.Errorf("writing output: %w", err)
	}
	return c.Problems, nil
}

func validTable(t string) bool {
	for _, k := range model.CSVKinds {
		if k == t {
			return true
		}
	}
	return false
}
