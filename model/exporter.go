package model

import (
	"cmp"
	"io"
	"slices"
	"strconv"
)

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
	d = uniqueID(d, func(id string) bool { _, taken := x.ids[id]; return taken })
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
