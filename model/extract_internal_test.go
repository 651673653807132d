package model

import (
	"math/rand"
	"strings"
	"testing"
	"unsafe"
)

// shares reports whether s lies in of's memory.
func shares(s, of string) bool {
	if len(s) == 0 || len(of) == 0 {
		return false
	}
	base, p := uintptr(unsafe.Pointer(unsafe.StringData(of))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= base && p+uintptr(len(s)) <= base+uintptr(len(of))
}

// TestOutsideClean checks that strings cut from a document's clean copy
// are moved off it: onto the text when the bytes are the same, onto a copy
// when they are noise, and that other strings are left alone.
func TestOutsideClean(t *testing.T) {
	text := "Date: 3 March 1987\nExports rose 5% in 1987."
	d := &Document{Text: text, Noise: []Span{{0, 5}}}
	clean := d.Clean()
	other := strings.Repeat("x", 5)
	tests := []struct {
		name       string
		s          string
		wantText   bool // the result lies in the text
		wantItself bool // the result is s, not moved
	}{
		{"same bytes in text", clean[19:26], true, false},
		{"noise", clean[0:7], false, false},
		{"not from clean", other, false, true},
		{"empty", clean[3:3], false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := outside(tt.s, clean, text)
			if got != tt.s {
				t.Fatalf("outside changed the string: %q, want %q", got, tt.s)
			}
			if shares(got, clean) {
				t.Errorf("%q still lies in the clean copy", got)
			}
			if shares(got, text) != tt.wantText {
				t.Errorf("%q lies in the text: %v, want %v", got, shares(got, text), tt.wantText)
			}
			if itself := len(got) == 0 || unsafe.StringData(got) == unsafe.StringData(tt.s); itself != tt.wantItself {
				t.Errorf("%q is the same string: %v, want %v", got, itself, tt.wantItself)
			}
		})
	}
}

// TestExtractKeepsNoCleanCopy: a summary that needs no squeezing must lie
// in the document's text, not in the clean copy Extract makes, which it
// would keep alive.
func TestExtractKeepsNoCleanCopy(t *testing.T) {
	d := &Document{Text: "Date: March 3, 1987\nExports rose 5% to 300 widgets on March 3, 1987.", Date: Date{1987, 3, 3}}
	d.Noise = []Span{{0, 5}}
	r := Extract(d)
	if len(r.Events) == 0 || len(r.Indicators) == 0 {
		t.Fatalf("nothing found: %+v", r)
	}
	for _, e := range r.Events {
		if !shares(e.Summary, d.Text) {
			t.Errorf("summary %q does not lie in the text", e.Summary)
		}
	}
}

// TestSummarize checks summarize, which reads a long sentence only as far
// as its cut, against its definition (cutSqueezed of the whole squeezed
// sentence) on random sentences around the limit: words of one to six
// letters (a few of two bytes) between single spaces, now and then a run of
// blanks or a Unicode space, and sometimes only blanks after the cut.
func TestSummarize(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	letters := []string{"a", "b", "x", "é"}
	blanks := []string{" ", " ", " ", " ", " ", " ", " ", " ", "  ", "\n", " \t", "\u00a0"}
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		limit := 4 + rng.Intn(30)
		for b.Len() < limit+rng.Intn(12) {
			for k := 1 + rng.Intn(6); k > 0; k-- {
				b.WriteString(letters[rng.Intn(len(letters))])
			}
			b.WriteString(blanks[rng.Intn(len(blanks))])
		}
		if rng.Intn(4) > 0 {
			b.WriteString("z")
		}
		s := b.String()
		if got, want := summarize(s, limit), cutSqueezed(squeeze(s), limit); got != want {
			t.Fatalf("summarize(%q, %d) = %q, want %q", s, limit, got, want)
		}
	}
}

// TestReleasedTokensOutsideText checks what classifyScratch.release relies
// on to leave tokens in the pool uncleared: no token points into the text
// of the document it was made from, so a pooled scratch never keeps a
// document alive. Words outside ASCII (and invalid UTF-8) take the paths
// that lower-case through strings.ToLower.
func TestReleasedTokensOutsideText(t *testing.T) {
	text := "ALMATY, March 3, 2025\n\nKazakhstan's café exports to Ürümqi rose 5% to 2 mln tonnes in 2024. " +
		"The caf\xe9 trade of Xi'an grew by 27% between 2020 and 2025. Cargo reached 10 million tonnes."
	d, err := ParseDocument("doc.txt", []byte(text))
	if d == nil {
		t.Fatal(err) // the invalid byte is only a warning: "read as Windows-1252"
	}
	if len(Extract(d).Indicators) == 0 {
		t.Fatal("no indicators: the tokens were not exercised")
	}
	// The pool hands back the scratch just released on this goroutine's P
	// unless a collection ran in between; then there is nothing to check.
	sc := scratchPool.Get().(*classifyScratch)
	defer scratchPool.Put(sc)
	for i, tok := range sc.toks[:cap(sc.toks)] {
		if shares(tok.lower, d.Text) {
			t.Fatalf("token %d %q points into the document's text", i, tok.lower)
		}
	}
}
