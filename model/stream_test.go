package model

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// writeTree writes files (slash paths relative to dir) with their contents.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mixedTree is a folder with good files, bad files and a manifest naming a
// file that is not there: every kind of problem a stream must keep.
var mixedTree = map[string]string{
	"a.txt":         "Rail freight rose 12% to 5.9 million tonnes in 2023.\n",
	"b/c.md":        "# Trade\n\nKazakhstan's trade with China reached $31 billion in 2023.\n",
	"b/d.txt":       "Exports grew 8% in 2022, the ministry said on March 3, 2023.\n",
	"a/z.txt":       "Uzbekistan's GDP grew 6% in 2023.\n",
	"empty.txt":     "   \n",
	"bad.pdf":       "%PDF",
	"latin1.txt":    "Caf\xe9 exports rose 5% in 2021.\n",
	"photo.png":     "png",
	"manifest.json": `{"documents": [{"file": "a.txt", "title": "Rail"}, {"file": "gone.txt", "title": "Gone"}]}`,
}

// streamAll runs Stream over dir and returns the corpus and every batch.
func streamAll(t *testing.T, dir string, opt StreamOptions) (*Corpus, []Batch) {
	t.Helper()
	var batches []Batch
	var all []DocResult
	err := Stream(context.Background(), os.DirFS(dir), ".", opt, func(b Batch) error {
		batches = append(batches, b)
		all = append(all, b.Results...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return CorpusOf(all), batches
}

// sortedProblems returns the problems as sorted "path: error" lines.
func sortedProblems(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path+": "+p.Err)
	}
	slices.Sort(out)
	return out
}

func TestStreamMatchesLoadFS(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, mixedTree)
	docs, probs := LoadFS(os.DirFS(dir), ".", LoadOptions{Base: dir})
	want := Build(docs, probs)
	tests := []struct {
		name string
		opt  StreamOptions
	}{
		{"one worker, batches of one", StreamOptions{Workers: 1, BatchSize: 1}},
		{"two workers", StreamOptions{Workers: 2}},
		{"eight workers, batches of two", StreamOptions{Workers: 8, BatchSize: 2}},
		{"defaults", StreamOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Base = dir
			got, batches := streamAll(t, dir, tt.opt)
			var gotPaths, wantPaths []string
			for _, d := range got.Documents {
				gotPaths = append(gotPaths, d.Path+" "+d.ID+" "+d.Title)
			}
			for _, d := range want.Documents {
				wantPaths = append(wantPaths, d.Path+" "+d.ID+" "+d.Title)
			}
			if !slices.Equal(gotPaths, wantPaths) {
				t.Errorf("documents\n got %q\nwant %q", gotPaths, wantPaths)
			}
			if g, w := sortedProblems(got.Problems), sortedProblems(want.Problems); !slices.Equal(g, w) {
				t.Errorf("problems\n got %q\nwant %q", g, w)
			}
			if len(got.Indicators) != len(want.Indicators) || len(got.Events) != len(want.Events) {
				t.Fatalf("%d indicators, %d events; want %d, %d", len(got.Indicators), len(got.Events), len(want.Indicators), len(want.Events))
			}
			for i := range got.Indicators {
				g, w := got.Indicators[i], want.Indicators[i]
				if g.ID != i || g.Key() != w.Key() || g.Text != w.Text {
					t.Errorf("indicator %d: %v %q, want %v %q", i, g.Key(), g.Text, w.Key(), w.Text)
				}
			}
			last := batches[len(batches)-1].Progress
			if !last.Done || last.Files != last.Total || last.Total != 6 {
				t.Errorf("last progress %+v, want done with 6 files", last)
			}
			if last.Problems != len(want.Problems) {
				t.Errorf("progress counts %d problems, want %d", last.Problems, len(want.Problems))
			}
			prev := 0
			for i, b := range batches {
				if b.Progress.Done != (i == len(batches)-1) {
					t.Errorf("batch %d of %d: Done is %v", i, len(batches), b.Progress.Done)
				}
				if n := b.Progress.Files - prev; tt.opt.BatchSize > 0 && n > tt.opt.BatchSize {
					t.Errorf("batch of %d files, limit %d", n, tt.opt.BatchSize)
				}
				prev = b.Progress.Files
			}
		})
	}
}

func TestStreamPaths(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, mixedTree)
	file := filepath.Join(dir, "b", "d.txt")
	missing := filepath.Join(dir, "nope.txt")
	paths := []string{filepath.Join(dir, "a"), file, missing, ""}
	docs, probs := LoadPaths(paths, LoadOptions{})
	want := Build(docs, probs)
	got, err := LoadCorpus(context.Background(), nil, "", paths, StreamOptions{Workers: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 2 || len(got.Documents) != len(want.Documents) {
		t.Fatalf("%d documents, want %d", len(got.Documents), len(want.Documents))
	}
	for i := range got.Documents {
		if got.Documents[i].Path != want.Documents[i].Path {
			t.Errorf("document %d is %s, want %s", i, got.Documents[i].Path, want.Documents[i].Path)
		}
	}
	if g, w := sortedProblems(got.Problems), sortedProblems(want.Problems); !slices.Equal(g, w) || len(g) != 2 {
		t.Errorf("problems\n got %q\nwant %q", g, w)
	}
}

// bigTree writes n small articles, enough that a stream takes a while.
func bigTree(t testing.TB, n int) string {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("d%03d/%05d.txt", i%100, i)] = strings.Repeat(
			fmt.Sprintf("Kazakhstan's rail freight rose %d%% to %d million tonnes in 20%02d, the ministry said on March 3, 2023. ", i%50, i, i%30), 20)
	}
	writeTree(t, dir, files)
	return dir
}

func TestStreamCancel(t *testing.T) {
	dir := bigTree(t, 3000)
	tests := []struct {
		name   string
		cancel func(context.CancelFunc, Batch) error // called per batch
		want   error
	}{
		{"cancel in first batch", func(c context.CancelFunc, _ Batch) error { c(); return nil }, context.Canceled},
		{"callback error", func(context.CancelFunc, Batch) error { return errors.New("disk full") }, errors.New("disk full")},
		{"callback stops", func(context.CancelFunc, Batch) error { return ErrStopped }, nil},
	}
	for _, tt := range tests {
		for _, ordered := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, ordered %v", tt.name, ordered), func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				files := 0
				start := time.Now()
				err := Stream(ctx, os.DirFS(dir), ".", StreamOptions{BatchSize: 10, Ordered: ordered}, func(b Batch) error {
					files = b.Progress.Files
					return tt.cancel(cancel, b)
				})
				took := time.Since(start)
				if fmt.Sprint(err) != fmt.Sprint(tt.want) {
					t.Fatalf("err %v, want %v", err, tt.want)
				}
				if files >= 3000 {
					t.Errorf("all %d files were done: the stream did not stop", files)
				}
				// Stopping waits only for the files the workers are on.
				if took > 2*time.Second {
					t.Errorf("stopping took %v", took)
				}
			})
		}
	}
	t.Run("cancelled before start", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		called := false
		err := Stream(ctx, os.DirFS(dir), ".", StreamOptions{}, func(Batch) error { called = true; return nil })
		if !errors.Is(err, context.Canceled) || called {
			t.Errorf("err %v, called %v", err, called)
		}
	})
}

// TestStreamOrdered checks that an ordered stream hands the results over in
// CorpusOf's order, whatever the number of workers, with a window much
// smaller than the folder.
func TestStreamOrdered(t *testing.T) {
	dir := bigTree(t, 400)
	writeTree(t, dir, mixedTree)
	for _, workers := range []int{1, 2, 7} {
		var got []DocResult
		err := Stream(context.Background(), os.DirFS(dir), ".", StreamOptions{Ordered: true, Workers: workers, BatchSize: 3},
			func(b Batch) error { got = append(got, b.Results...); return nil })
		if err != nil {
			t.Fatal(err)
		}
		wantC := CorpusOf(got)
		var gotDocs []string
		for _, r := range got {
			if r.Doc != nil {
				gotDocs = append(gotDocs, r.Doc.ID)
			}
		}
		if len(gotDocs) != len(wantC.Documents) {
			t.Fatalf("%d workers: %d documents, want %d", workers, len(gotDocs), len(wantC.Documents))
		}
		for i, d := range wantC.Documents {
			if gotDocs[i] != d.ID {
				t.Fatalf("%d workers: document %d is %s, want %s", workers, i, gotDocs[i], d.ID)
			}
		}
	}
}
