package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"

	"corridor/model"
	"corridor/seeds"
)

// sequentialJSON is what extract wrote before loading went parallel: the
// documents read one after another, then extracted in order.
func sequentialJSON(t *testing.T, paths []string) string {
	t.Helper()
	var docs []*model.Document
	var probs []model.Problem
	if len(paths) == 0 {
		docs, probs = model.LoadFS(seeds.FS, seeds.Root, model.LoadOptions{Base: "seeds", MaxBytes: model.DefaultMaxBytes})
	} else {
		docs, probs = model.LoadPaths(paths, model.LoadOptions{MaxBytes: model.DefaultMaxBytes})
	}
	var b bytes.Buffer
	if err := model.WriteJSON(&b, model.Build(docs, probs)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// writeFiles writes files (slash paths under dir).
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestExtractSameAsSequential checks that the parallel load writes exactly
// what the sequential one did, byte for byte, when there are no problems
// (with problems, the same problems, sorted by path).
func TestExtractSameAsSequential(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":    "Kazakhstan's trade with China reached $31 billion in 2023.\n",
		"a/c.md":   "# Rail\n\nRail freight rose 12% to 5.9 million tonnes in 2023.\n",
		"a.txt":    "Uzbekistan's GDP grew 6% in 2023, the ministry said on March 3, 2024.\n",
		"z/y/x.md": "Over 400 companies from Central Asia exhibited in Hong Kong in 2024.\n",
	})
	for _, paths := range [][]string{nil, {dir}, {filepath.Join(dir, "b.txt"), filepath.Join(dir, "a")}} {
		out, errOut, code := runCLI(t, append([]string{"extract"}, paths...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", paths, code, errOut)
		}
		if want := sequentialJSON(t, paths); out != want {
			t.Errorf("%v: parallel output differs from sequential:\n%s\nwant\n%s", paths, out, want)
		}
	}
}

func TestExtractQuery(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"rail.txt":  "Kazakhstan's rail freight rose 12% to 5.9 million tonnes in 2023, the ministry said on March 3, 2024.\n",
		"gdp.txt":   "Uzbekistan's GDP grew 6% in 2023. Its population reached 36 million in 2023.\n",
		"other.txt": "The fair opened on May 5, 2024.\n",
	})
	tests := []struct {
		name     string
		query    string
		wantCode int
		wantDocs []string // document ids
		minInds  int
		wantErr  string
	}{
		{"no query keeps all", "", 0, []string{"gdp", "other", "rail"}, 3, ""},
		{"facet", "subject:uzbekistan", 0, []string{"gdp"}, 1, ""},
		{"word", "tonnes", 0, []string{"rail"}, 1, ""},
		{"negation", "-subject:uzbekistan", 0, []string{"rail"}, 1, ""},
		{"nothing", "subject:mongolia", 0, nil, 0, ""},
		{"bad facet", "metrc:gdp", 2, nil, 0, `bad -query: unknown facet "metrc" at 1; did you mean metric?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "extract", "-query", tt.query, dir)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", code, tt.wantCode, errOut)
			}
			if tt.wantErr != "" {
				if !strings.Contains(errOut, tt.wantErr) {
					t.Errorf("stderr %q lacks %q", errOut, tt.wantErr)
				}
				return
			}
			var x model.Export
			if err := json.Unmarshal([]byte(out), &x); err != nil {
				t.Fatal(err)
			}
			var docs []string
			for _, d := range x.Documents {
				docs = append(docs, d.ID)
			}
			if strings.Join(docs, ",") != strings.Join(tt.wantDocs, ",") || len(x.Indicators) < tt.minInds {
				t.Errorf("documents %v, %d indicators; want %v, at least %d", docs, len(x.Indicators), tt.wantDocs, tt.minInds)
			}
			for i, in := range x.Indicators {
				if in.ID != i {
					t.Errorf("indicator %d has id %d", i, in.ID)
				}
				if tt.query == "tonnes" && !strings.Contains(in.Sentence, "tonnes") && !strings.Contains(in.Text, "tonnes") {
					t.Errorf("indicator %q does not mention tonnes", in.Text)
				}
			}
			for _, ev := range x.Events {
				if !strings.Contains(strings.Join(docs, ","), ev.Doc) {
					t.Errorf("event of document %s, which was not kept", ev.Doc)
				}
			}
		})
	}
	// CSV and JSONL take the query too.
	out, _, code := runCLI(t, "extract", "-format", "csv", "-query", "subject:kazakhstan", dir)
	if code != 0 || strings.Contains(out, "Uzbekistan") || !strings.Contains(out, "rail") {
		t.Errorf("csv with query: exit %d\n%s", code, out)
	}
}

// TestExtractProgress checks that the progress line appears only on a
// terminal: nothing extra on a buffer, a file or a pipe, and a line that is
// cleared at the end on a pseudo-terminal.
func TestExtractProgress(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files[n+".txt"] = "Rail freight rose 12% to 5.9 million tonnes in 2023.\n"
	}
	writeFiles(t, dir, files)

	var buf bytes.Buffer
	if err := run(context.Background(), []string{"extract", dir}, strings.NewReader(""), &bytes.Buffer{}, &buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("stderr to a buffer: %q, want nothing", buf.String())
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := run(context.Background(), []string{"extract", dir}, strings.NewReader(""), &bytes.Buffer{}, f); err != nil {
		t.Fatal(err)
	}
	if info, _ := f.Stat(); info.Size() != 0 {
		t.Errorf("stderr to a file: %d bytes, want nothing", info.Size())
	}

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal:", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := run(context.Background(), []string{"extract", dir}, strings.NewReader(""), &bytes.Buffer{}, tty); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	var got bytes.Buffer
	got.ReadFrom(ptmx) // ends with EIO once the tty side is closed
	s := got.String()
	if !strings.Contains(s, "corridor: reading 8/8 files") || !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("progress on a terminal: %q", s)
	}
}
