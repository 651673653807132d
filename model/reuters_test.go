package model

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// reutersDir is the Reuters-21578 corpus, read in place: it is research-use
// only and never copied into the repository. Tests that need it skip when
// it is absent.
const reutersDir = "/work/shared/corpora/reuters21578"

// reuters loads the Reuters corpus with the stream, or skips.
func reuters(tb testing.TB) *Corpus {
	tb.Helper()
	if _, err := os.Stat(reutersDir); err != nil {
		tb.Skip("Reuters corpus not present")
	}
	c, err := LoadCorpus(context.Background(), os.DirFS(reutersDir), ".", nil, StreamOptions{LoadOptions: LoadOptions{Base: reutersDir}}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// vmHWM returns the process's peak resident set size in bytes, from
// /proc/self/status, or 0 where there is no /proc.
func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// TestReutersStream loads the whole Reuters folder with the stream and
// reports the wall time, the peak RSS (VmHWM) and where the time went. Run
// it alone, so that the peak is this load's:
//
//	go test ./model -run 'TestReutersStream$' -v -count=1
func TestReutersStream(t *testing.T) {
	if _, err := os.Stat(reutersDir); err != nil {
		t.Skip("Reuters corpus not present")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	runtime.GC()
	debug.FreeOSMemory()
	before := vmHWM()
	start := time.Now()
	var last Progress
	batches := 0
	c, err := LoadCorpus(context.Background(), os.DirFS(reutersDir), ".", nil, StreamOptions{LoadOptions: LoadOptions{Base: reutersDir}},
		func(p Progress) { last = p; batches++ })
	if err != nil {
		t.Fatal(err)
	}
	wall := time.Since(start)
	var text int64
	for _, d := range c.Documents {
		text += int64(len(d.Text))
	}
	peak := vmHWM()
	t.Logf("%d files, %d documents, %d indicators, %d events, %d problems, %d batches",
		last.Total, len(c.Documents), len(c.Indicators), len(c.Events), len(c.Problems), batches)
	t.Logf("wall %v (%s), text %.1f MB, peak RSS %.1f MB (%.2fx text; %.1f MB before load), GOMAXPROCS %d",
		wall.Round(time.Millisecond), last, float64(text)/1e6, float64(peak)/1e6, float64(peak)/float64(text),
		float64(before)/1e6, runtime.GOMAXPROCS(0))
	if last.Files != last.Total || !last.Done {
		t.Errorf("progress at the end %+v", last)
	}
}

// reutersCorpus holds the Reuters corpus for the benchmarks, loaded once.
var reutersCorpus *Corpus

// BenchmarkQuery filters the full Reuters corpus (about 64k indicators)
// with queries a user types, including the first, which pays for the
// lowercase fields (once per corpus, before the timer). Target: under 20 ms.
//
//	go test ./model -run '^$' -bench 'BenchmarkQuery' -count 5
func BenchmarkQuery(b *testing.B) {
	if reutersCorpus == nil {
		reutersCorpus = reuters(b)
	}
	c := reutersCorpus
	c.searchIdx()
	c.conflictIdx()
	for _, src := range []string{
		"oil",
		"crude oil prices",
		`metric:price subject:kuwait,"saudi arabia",iran`,
		`year:1986..1987 value:>1e6 unit:usd -metric:other`,
		`doc:"cocoa" qualifier:over,"up to" tonnes`,
		"-conflict:no",
		"nosuchwordanywhere",
	} {
		q, err := ParseQuery(src)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(src, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = len(q.Filter(c))
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// BenchmarkQueryIndex measures what the first query on a new snapshot pays:
// the lowercase search fields and the conflict marks.
func BenchmarkQueryIndex(b *testing.B) {
	if reutersCorpus == nil {
		reutersCorpus = reuters(b)
	}
	for b.Loop() {
		x := buildSearch(reutersCorpus)
		y := buildConflicts(reutersCorpus)
		runtime.KeepAlive(x)
		runtime.KeepAlive(y)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
}

// BenchmarkStreamReuters loads and extracts the whole Reuters folder with
// the stream. Target: under 1.5 s on two cores.
//
//	go test ./model -run '^$' -bench 'BenchmarkStreamReuters' -benchtime 1x -count 5
func BenchmarkStreamReuters(b *testing.B) {
	if _, err := os.Stat(reutersDir); err != nil {
		b.Skip("Reuters corpus not present")
	}
	for b.Loop() {
		c, err := LoadCorpus(context.Background(), os.DirFS(reutersDir), ".", nil, StreamOptions{}, nil)
		if err != nil || len(c.Documents) < 20000 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}
