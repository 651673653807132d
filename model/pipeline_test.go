package model_test

import (
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"unicode/utf8"

	"corridor/model"
	"corridor/seeds"
)

// reutersDir is the Reuters-21578 corpus, read in place: its terms allow
// research use only, so it is never copied into this repository. Tests and
// benchmarks that need it skip when it is absent.
const reutersDir = "../../shared/corpora/reuters21578"

// reutersFiles returns the paths of the Reuters articles, or skips.
func reutersFiles(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(reutersDir, "[0-9]*.txt"))
	if len(files) == 0 {
		tb.Skipf("Reuters corpus not found at %s", reutersDir)
	}
	sort.Strings(files)
	return files
}

// checkSpans fails when any span of r is out of range, not on a UTF-8 rune
// start, or does not equal its Text.
func checkSpans(t *testing.T, d *model.Document, r model.Result) {
	t.Helper()
	ok := func(sp model.Span, text string) bool {
		return 0 <= sp.Start && sp.Start < sp.End && sp.End <= len(d.Text) &&
			utf8.RuneStart(d.Text[sp.Start]) && (sp.End == len(d.Text) || utf8.RuneStart(d.Text[sp.End])) &&
			d.Text[sp.Start:sp.End] == text
	}
	for _, in := range r.Indicators {
		if !ok(in.Span, in.Text) || !ok(in.Sentence, d.Text[in.Sentence.Start:in.Sentence.End]) {
			t.Errorf("%s: bad indicator span %v %q", d.Path, in.Span, in.Text)
		}
	}
	for _, ev := range r.Events {
		if !ok(ev.Span, ev.Text) {
			t.Errorf("%s: bad event span %v %q", d.Path, ev.Span, ev.Text)
		}
	}
}

// TestReuters runs the whole pipeline over every Reuters article: no panic,
// every span exact. With -v it logs the counts and 20 random indicators for
// a reader to judge by eye.
func TestReuters(t *testing.T) {
	if testing.Short() {
		t.Skip("long: the whole Reuters corpus")
	}
	files := reutersFiles(t)
	var docs, inds, evs, bytes int
	var all []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := model.ParseDocument(filepath.Base(f), data)
		if err != nil {
			continue // a problem, reported by the loader; nothing to extract
		}
		r := model.Extract(d)
		checkSpans(t, d, r)
		docs++
		bytes += len(data)
		inds += len(r.Indicators)
		evs += len(r.Events)
		for _, in := range r.Indicators {
			all = append(all, d.ID+": "+in.Text+" → "+describe(in)+" | "+d.Text[in.Sentence.Start:in.Sentence.End])
		}
	}
	t.Logf("%d documents, %d bytes, %d indicators, %d events", docs, bytes, inds, evs)
	rng := rand.New(rand.NewSource(1987))
	for i := 0; i < 20 && len(all) > 0; i++ {
		t.Logf("sample: %s", all[rng.Intn(len(all))])
	}
}

func describe(in model.Indicator) string {
	v := in.Value
	s := ""
	if in.IsRange {
		s = ftoa(in.Low) + ".." + ftoa(in.High)
	} else {
		s = ftoa(v)
	}
	s += " " + in.Unit
	if in.Counted != "" {
		s += "(" + in.Counted + ")"
	}
	s += " [" + in.Metric + "; " + in.Subject
	if in.Period != nil {
		s += "; " + ftoa(float64(in.Period.From)) + "-" + ftoa(float64(in.Period.To))
	}
	return s + "]"
}

// benchFile is one document's name and bytes, read before a benchmark's
// timer starts.
type benchFile struct {
	name string
	data []byte
}

// benchCorpus returns the Reuters corpus when present, else the seeds, and
// their size in bytes.
func benchCorpus(b *testing.B) ([]benchFile, int64) {
	var files []benchFile
	var total int64
	if paths, _ := filepath.Glob(filepath.Join(reutersDir, "[0-9]*.txt")); len(paths) > 0 {
		sort.Strings(paths)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, benchFile{filepath.Base(p), data})
			total += int64(len(data))
		}
		return files, total
	}
	entries, _ := seeds.FS.ReadDir(seeds.Root)
	for _, e := range entries {
		data, _ := seeds.FS.ReadFile(seeds.Root + "/" + e.Name())
		files = append(files, benchFile{e.Name(), data})
		total += int64(len(data))
	}
	return files, total
}

// extractAll runs the pipeline over files once.
func extractAll(files []benchFile) {
	for _, f := range files {
		if d, err := model.ParseDocument(f.name, f.data); err == nil {
			model.Extract(d)
		}
	}
}

// BenchmarkExtract measures the whole pipeline (parse, clean, sentences,
// quantities, indicators, dates) over in-memory files: the Reuters corpus
// when present, else the seeds. MB/s is the figure quoted in the README.
func BenchmarkExtract(b *testing.B) {
	files, total := benchCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extractAll(files)
	}
}

// growStack uses about n×8 KB of goroutine stack, so that the stack is
// grown before a measured pass rather than during it.
//
//go:noinline
func growStack(n int) byte {
	var buf [8192]byte
	buf[n%len(buf)] = byte(n)
	if n > 0 {
		return growStack(n-1) + buf[(n*7)%len(buf)]
	}
	return buf[0]
}

// BenchmarkExtractPass is BenchmarkExtract for callgrind (make
// instructions): one pass per iteration, after the goroutine's stack has
// grown, because callgrind's --toggle-collect loses its place when Go
// copies a stack in the middle of a counted call.
func BenchmarkExtractPass(b *testing.B) {
	files, total := benchCorpus(b)
	b.SetBytes(total)
	growStack(64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extractAll(files)
	}
}

// BenchmarkExtractSeeds measures the pipeline on the five seed articles.
func BenchmarkExtractSeeds(b *testing.B) {
	entries, _ := seeds.FS.ReadDir(seeds.Root)
	var names []string
	var datas [][]byte
	var total int64
	for _, e := range entries {
		data, _ := seeds.FS.ReadFile(seeds.Root + "/" + e.Name())
		names, datas = append(names, e.Name()), append(datas, data)
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for j := range names {
			if d, err := model.ParseDocument(names[j], datas[j]); err == nil {
				model.Extract(d)
			}
		}
	}
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
