package tui

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"corridor/model"
)

// liveHeap returns the live heap after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestReutersRetainedHeap loads the Reuters folder as the dashboard's
// loader does (a stream into a Library, a snapshot, its query and conflict
// indexes, the panes' indexes) and reports what stays on the heap at each
// step, to compare with the text it holds. Run it alone:
//
//	go test ./tui -run TestReutersRetainedHeap -v -count=1
//
// With HEAPPROF=file it also writes a heap profile of what is retained, for
// go tool pprof -sample_index=inuse_space.
//
// What is left is mostly what the text and the figures need: the text
// (17.5 MB), the flat indicator and event slices (26 MB, in the types that
// Extract returns), event summaries (5 MB), the query index (lowercase
// sentences and fields, 11 MB). It was 111 MB, 6.4× the text; the test
// fails above 5×, so that a per-item map or a kept copy does not creep
// back.
func TestReutersRetainedHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole Reuters corpus")
	}
	if _, err := os.Stat(reutersDir); err != nil {
		t.Skipf("Reuters corpus not found: %v", err)
	}
	base := liveHeap()
	lib := model.NewLibrary()
	err := model.StreamPaths(context.Background(), []string{reutersDir}, model.StreamOptions{}, func(b model.Batch) error {
		for _, r := range b.Results {
			lib.Apply(r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mb := func(n uint64) float64 { return float64(n-base) / 1e6 }
	loaded := liveHeap()
	c := lib.Snapshot()
	snapped := liveHeap()
	c.Prepare()
	prepared := liveHeap()
	st := testStyles()
	s := prepareSnapshot(&st, c)
	all := liveHeap()
	var text int
	for _, d := range c.Documents {
		text += len(d.Text)
	}
	t.Logf("%d documents, %d indicators, %d events, text %.1f MB", len(c.Documents), len(c.Indicators), len(c.Events), float64(text)/1e6)
	t.Logf("live heap: library %.1f MB, + snapshot %.1f MB, + query and conflict indexes %.1f MB, + pane indexes %.1f MB",
		mb(loaded), mb(snapped), mb(prepared), mb(all))
	t.Logf("retained: %.1f MB, %.2f× the text", mb(all), mb(all)/(float64(text)/1e6))
	if ratio := mb(all) / (float64(text) / 1e6); ratio > 5 {
		t.Errorf("the dashboard retains %.2f× its text, over 5×", ratio)
	}
	if f := os.Getenv("HEAPPROF"); f != "" {
		w, err := os.Create(f)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if err := pprof.WriteHeapProfile(w); err != nil {
			t.Fatal(err)
		}
	}
	runtime.KeepAlive(lib)
	runtime.KeepAlive(s)
}
