package model

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// libDoc makes a document with one indicator and one event at the given
// offsets, as a stream would deliver it.
func libDoc(path, id string, starts ...int) (*Document, Result) {
	d := &Document{ID: id, Path: path, Text: "Rail freight rose to 5.9 million tonnes in 2023 and 6 million in 2024."}
	var r Result
	for _, s := range starts {
		r.Indicators = append(r.Indicators, Indicator{Quantity: Quantity{Value: float64(s), Span: Span{s, s + 3}}, Metric: MetricRailFreight})
		r.Events = append(r.Events, Event{Year: 2023, Span: Span{s + 1, s + 2}})
	}
	return d, r
}

func TestLibrary(t *testing.T) {
	type step struct {
		name    string
		do      func(l *Library)
		docs    []string // document IDs in the snapshot, in order
		inds    int
		probs   []string
		changed bool
	}
	steps := []step{
		{"empty", func(*Library) {}, nil, 0, nil, false},
		{"put b", func(l *Library) { l.Put(libDoc("b.txt", "b", 21)) }, []string{"b"}, 1, nil, true},
		{"put a after b sorts first", func(l *Library) { l.Put(libDoc("a.txt", "a", 0, 40)) }, []string{"a", "b"}, 3, nil, true},
		{"put a again replaces it", func(l *Library) { l.Put(libDoc("a.txt", "a", 40)) }, []string{"a", "b"}, 2, nil, true},
		{"a turns bad", func(l *Library) { l.SetProblem("a.txt", errors.New("empty file")) }, []string{"b"}, 1, []string{"a.txt: empty file"}, true},
		{"a is fixed", func(l *Library) { l.Put(libDoc("a.txt", "a", 0)) }, []string{"a", "b"}, 2, nil, true},
		{"same ID in another file", func(l *Library) { l.Put(libDoc("a.md", "a", 5)) }, []string{"a", "a~2", "b"}, 3, nil, true}, // a.md sorts first
		{"remove", func(l *Library) { l.Remove("a.md"); l.Remove("b.txt"); l.Remove("nope") }, []string{"a"}, 1, nil, true},
		{"folder problems", func(l *Library) {
			l.Apply(DocResult{Path: "dir", Problems: []Problem{{"dir", "skipped 1 file"}, {"dir", "manifest lists x"}}})
		}, []string{"a"}, 1, []string{"dir: skipped 1 file", "dir: manifest lists x"}, true},
		{"nothing changed", func(*Library) {}, []string{"a"}, 1, []string{"dir: skipped 1 file", "dir: manifest lists x"}, false},
		{"retain after a rescan", func(l *Library) {
			l.Put(libDoc("gone.txt", "gone", 0))
			if n := l.Retain(func(p string) bool { return p != "gone.txt" && p != "dir" }); n != 2 {
				t.Errorf("Retain removed %d, want 2", n)
			}
		}, []string{"a"}, 1, nil, true},
	}
	l := NewLibrary()
	var prev *Corpus
	var prevDocs []string
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			st.do(l)
			if l.Changed() != st.changed {
				t.Errorf("Changed = %v, want %v", l.Changed(), st.changed)
			}
			c := l.Snapshot()
			var docs, probs []string
			for _, d := range c.Documents {
				docs = append(docs, d.ID)
			}
			for _, p := range c.Problems {
				probs = append(probs, p.Path+": "+p.Err)
			}
			if !slices.Equal(docs, st.docs) || len(c.Indicators) != st.inds || !slices.Equal(probs, st.probs) {
				t.Errorf("snapshot: docs %v, %d indicators, problems %q; want %v, %d, %q", docs, len(c.Indicators), probs, st.docs, st.inds, st.probs)
			}
			for i := range c.Indicators {
				in := &c.Indicators[i]
				if in.ID != i || c.Doc(in.Doc) == nil || c.FindIndicator(in.Key()) != i {
					t.Errorf("indicator %d: ID %d, doc %q, key %v", i, in.ID, in.Doc, in.Key())
				}
			}
			for i := range c.Events {
				if c.Events[i].ID != i || c.FindEvent(c.Events[i].Key()) != i {
					t.Errorf("event %d: ID %d", i, c.Events[i].ID)
				}
			}
			// The previous snapshot is untouched: it may still be on screen
			// in another session.
			if prev != nil {
				var now []string
				for _, d := range prev.Documents {
					now = append(now, d.ID)
				}
				if !slices.Equal(now, prevDocs) {
					t.Errorf("old snapshot changed: %v, was %v", now, prevDocs)
				}
			}
			prev, prevDocs = c, docs
		})
	}
}

// TestLibraryCursorKey restores a cursor across a snapshot swap: the row
// under the cursor keeps its key while its ID shifts.
func TestLibraryCursorKey(t *testing.T) {
	l := NewLibrary()
	l.Put(libDoc("m.txt", "m", 0, 21, 40))
	c1 := l.Snapshot()
	cursor := c1.Indicators[1].Key()  // m, offset 21
	l.Put(libDoc("a.txt", "a", 0, 5)) // sorts before m: IDs shift by 2
	c2 := l.Snapshot()
	id := c2.FindIndicator(cursor)
	if id != 3 || c2.Indicators[id].Key() != cursor {
		t.Errorf("cursor found at %d, want 3", id)
	}
	l.Remove("m.txt")
	if id := l.Snapshot().FindIndicator(cursor); id != -1 {
		t.Errorf("key of a removed document found at %d", id)
	}
}

// heapAfterGC returns the live heap after a full collection.
func heapAfterGC() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// reload streams dir into l (as a dashboard does when the folder changes)
// and returns a fresh snapshot.
func reload(t testing.TB, l *Library, dir string) *Corpus {
	err := Stream(context.Background(), os.DirFS(dir), ".", StreamOptions{}, func(b Batch) error {
		for _, r := range b.Results {
			l.Apply(r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := l.Snapshot()
	// What a TUI asks of every snapshot: a query and the conflict marks.
	q, _ := ParseQuery("rail")
	q.Filter(c)
	c.HasConflict(0)
	return c
}

// TestLibraryReloadMemoryFlat reloads the same folder ten times, keeping
// only the latest snapshot, as a live dashboard does, and checks that the
// live heap does not grow: each reload replaces every entry, and old
// snapshots are garbage once nobody holds them.
//
// With CORRIDOR_RELOAD_REUTERS=1 it reloads the Reuters folder instead
// (about a minute on two cores).
func TestLibraryReloadMemoryFlat(t *testing.T) {
	dir := ""
	if os.Getenv("CORRIDOR_RELOAD_REUTERS") != "" {
		if _, err := os.Stat(reutersDir); err != nil {
			t.Skip("Reuters corpus not present")
		}
		dir = reutersDir
	} else {
		dir = bigTree(t, 1500)
	}
	l := NewLibrary()
	var c *Corpus
	var heaps []uint64
	for range 10 {
		c = reload(t, l, dir)
		heaps = append(heaps, heapAfterGC())
	}
	runtime.KeepAlive(c)
	var mb []float64
	for _, h := range heaps {
		mb = append(mb, float64(h)/1e6)
	}
	t.Logf("live heap after each reload, MB: %.1f", mb)
	// The first reload warms lazily made tables (gazetteer, regexps); from
	// the second on the heap must stay within 10%.
	base := heaps[1]
	for i, h := range heaps[2:] {
		if float64(h) > float64(base)*1.10 {
			t.Errorf("reload %d: live heap %.1f MB, over 110%% of %.1f MB after reload 2", i+3, float64(h)/1e6, float64(base)/1e6)
		}
	}
}

// TestCorpusConcurrentReaders has many goroutines (SSH sessions) query one
// snapshot at once while the library moves on; run with -race.
func TestCorpusConcurrentReaders(t *testing.T) {
	l := NewLibrary()
	for _, p := range []string{"a.txt", "b.txt", "c.txt"} {
		l.Put(libDoc(p, p[:1], 0, 21, 40))
	}
	c := l.Snapshot()
	q, _ := ParseQuery("rail conflict:no year:2023")
	done := make(chan int)
	for range 8 {
		go func() {
			n := len(q.Filter(c))
			for i := range c.Indicators {
				c.HasConflict(i)
				c.Conflicts(i)
				c.FindIndicator(c.Indicators[i].Key())
			}
			Complete(c, "metric:", 7)
			done <- n
		}()
	}
	l.Put(libDoc("a.txt", "a", 5)) // the owner goes on changing the library
	l.Snapshot()
	first := <-done
	for range 7 {
		if n := <-done; n != first {
			t.Errorf("readers disagree: %d and %d matches", n, first)
		}
	}
}

// TestLoadResultLikeStream reloads single files of a streamed folder, as a
// live view does when one file changes, and checks that each lands on the
// entry the stream made for it: same Path, same ID, same keys.
func TestLoadResultLikeStream(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, mixedTree)
	opt := StreamOptions{LoadOptions: LoadOptions{Base: dir}}
	l := NewLibrary()
	fsys := os.DirFS(dir)
	if err := Stream(context.Background(), fsys, ".", opt, func(b Batch) error {
		for _, r := range b.Results {
			l.Apply(r)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	before := l.Snapshot()
	for _, name := range []string{"b/c.md", "a.txt", "a/z.txt"} {
		r := LoadResult(fsys, ".", name, opt.LoadOptions)
		if r.Path != ShownPath(".", name, opt.LoadOptions) || !l.Has(r.Path) || r.Doc == nil {
			t.Fatalf("%s: result for %q, not a path the stream gave", name, r.Path)
		}
		l.Apply(r)
	}
	after := l.Snapshot()
	if len(after.Indicators) != len(before.Indicators) {
		t.Fatalf("%d indicators after reloading, %d before", len(after.Indicators), len(before.Indicators))
	}
	for i := range before.Indicators {
		if after.FindIndicator(before.Indicators[i].Key()) != i {
			t.Errorf("indicator %v moved", before.Indicators[i].Key())
		}
	}
	if d := after.Doc("a"); d == nil || d.Title != "Rail" {
		t.Errorf("the manifest's title is lost on reload: %+v", d)
	}
	// A file deleted while the view is open gives a problem; the view
	// removes it instead.
	os.Remove(filepath.Join(dir, "a.txt"))
	if r := LoadResult(fsys, ".", "a.txt", opt.LoadOptions); r.Doc != nil || len(r.Problems) != 1 {
		t.Errorf("deleted file: %+v", r)
	}
}

// TestCorpusFigures finds each document's run of indicators and events,
// including a document with none between two that have some.
func TestCorpusFigures(t *testing.T) {
	l := NewLibrary()
	l.Put(libDoc("a.txt", "a", 0, 21))
	l.Put(libDoc("b.txt", "b"))
	l.Put(libDoc("c.txt", "c", 40))
	c := l.Snapshot()
	inds, evs := c.FigureCounts()
	tests := []struct {
		id    string
		want  []int // IDs of the indicators (and, in these documents, of the events)
		count int32
	}{
		{"a", []int{0, 1}, 2},
		{"b", nil, 0},
		{"c", []int{2}, 1},
		{"nope", nil, -1},
	}
	for _, tt := range tests {
		i := c.DocIndex(tt.id)
		gi, ge := c.Figures(i)
		var got, gotEv []int
		for _, in := range gi {
			got = append(got, in.ID)
		}
		for _, e := range ge {
			gotEv = append(gotEv, e.ID)
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(gotEv, tt.want) {
			t.Errorf("%s: indicators %v, events %v, want %v", tt.id, got, gotEv, tt.want)
		}
		if tt.count < 0 {
			if i != -1 {
				t.Errorf("%s: index %d, want -1", tt.id, i)
			}
			continue
		}
		if inds[i] != tt.count || evs[i] != tt.count {
			t.Errorf("%s: counts %d, %d, want %d", tt.id, inds[i], evs[i], tt.count)
		}
	}
}
