package model_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corridor/model"
)

// updateIdentity re-records testdata/reuters_extract.sha256. Use it only
// for a deliberate change of output, and say why in the commit message.
var updateIdentity = flag.Bool("update-identity", false, "re-record testdata/reuters_extract.sha256")

// identityDump, when set, also writes the dump to that file, to diff
// against a dump from another commit when the hash changes.
var identityDump = flag.String("identity-dump", "", "also write the Reuters output dump to this file")

// identityHashFile holds the SHA-256 of the canonical dump of the pipeline's
// output over the whole Reuters corpus. A hash reveals nothing of the
// corpus, so it can be committed although the corpus cannot.
const identityHashFile = "testdata/reuters_extract.sha256"

// TestReutersIdentity guards optimisations of the pipeline: it runs
// ParseDocument and Extract over every Reuters article, writes a canonical
// dump of every document's Title, Date, Noise spans, indicators and events
// (every field), and compares its hash with the recorded one. Any change of
// output, however small, fails it.
func TestReutersIdentity(t *testing.T) {
	if testing.Short() {
		t.Skip("long: the whole Reuters corpus")
	}
	files := reutersFiles(t)
	h := sha256.New()
	var out io.Writer = h
	if *identityDump != "" {
		f, err := os.Create(*identityDump)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		out = io.MultiWriter(h, f)
	}
	// Every document is extracted before anything is written, so that a
	// result still pointing into a buffer the pipeline reuses for the next
	// document (a pooled clean copy, say) reads as changed output.
	type extracted struct {
		name string
		d    *model.Document
		err  error
		r    model.Result
	}
	all := make([]extracted, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := model.ParseDocument(filepath.Base(f), data)
		e := extracted{name: filepath.Base(f), d: d, err: err}
		if d != nil {
			e.r = model.Extract(d)
		}
		all = append(all, e)
	}
	w := bufio.NewWriter(out)
	for _, e := range all {
		d, r := e.d, e.r
		fmt.Fprintf(w, "doc %s err=%v\n", e.name, e.err)
		if d == nil {
			continue
		}
		fmt.Fprintf(w, "title %q date %v source %q text %d noise %v\n", d.Title, d.Date, d.Source, len(d.Text), d.Noise)
		for _, in := range r.Indicators {
			p := "nil"
			if in.Period != nil {
				p = fmt.Sprintf("%d-%d", in.Period.From, in.Period.To)
			}
			fmt.Fprintf(w, "ind %#v period %s\n", in.Quantity, p)
			fmt.Fprintf(w, "    id %d doc %q metric %q subject %q sentence %v\n", in.ID, in.Doc, in.Metric, in.Subject, in.Sentence)
		}
		for _, ev := range r.Events {
			fmt.Fprintf(w, "ev %#v\n", ev)
		}
	}
	w.Flush()
	got := hex.EncodeToString(h.Sum(nil))
	if *updateIdentity {
		if err := os.WriteFile(identityHashFile, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(identityHashFile)
	if err != nil {
		t.Fatalf("no recorded hash (run with -update-identity): %v", err)
	}
	if got != strings.TrimSpace(string(want)) {
		t.Errorf("pipeline output over Reuters changed: hash %s, recorded %s", got, strings.TrimSpace(string(want)))
	}
}
