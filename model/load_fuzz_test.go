package model

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"corridor/seeds"
)

// fuzzExts are the extensions FuzzParseDocument picks from, so that every
// format (and the unsupported path) is explored.
var fuzzExts = []string{".txt", ".md", ".html", ".htm", ".markdown", ".pdf"}

// checkNoise fails t unless spans are sorted, disjoint, non-empty, within
// text, and start and end on UTF-8 character boundaries of text.
func checkNoise(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := -1
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("span %v out of range or empty (len %d)", s, len(text))
		}
		if s.Start <= prev {
			t.Fatalf("span %v not sorted and disjoint after end %d", s, prev)
		}
		prev = s.End
		if !utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("span %v splits a UTF-8 character", s)
		}
	}
}

// FuzzParseDocument feeds arbitrary bytes to ParseDocument under every
// extension. It must never panic; a document it returns must have valid
// UTF-8 text, sane noise spans, a Clean() of the same length, and for text
// and Markdown files that were already valid UTF-8, exactly the file's bytes.
func FuzzParseDocument(f *testing.F) {
	seedFiles, _ := fs.ReadDir(seeds.FS, seeds.Root)
	for i, e := range seedFiles {
		data, err := fs.ReadFile(seeds.FS, seeds.Root+"/"+e.Name())
		if err == nil {
			f.Add(uint8(i), data)
		}
	}
	for _, s := range []string{
		"---\ntitle: T\ndate: 2024-01-02\n---\nBody [1] text.\n",
		"+++\ntitle = \"T\"\n+++\n",
		" date 2024-11-06 Officials vowed.\n",
		"Title\nDate: 26-FEB-1987 15:01:01.79\n\nText $C_e$ and $$x$$.\n",
		"<html><head><title>T</title><meta name=date content=2024-01-02></head><body><h1>H</h1><p>A <a href=x>link</a>.</p><table><tr><td>1</td></tr></table></body></html>",
		"\xff\xfeH\x00i\x00",
		"Caf\xe9 \x93x\x94\n",
		"+---+\n| a |\n+---+\n  │\n  ▼\n",
		"\ufeff[ 23 ] [ 24 ]\n[25]:\u200a215\u200a x\n",
	} {
		f.Add(uint8(0), []byte(s))
		f.Add(uint8(2), []byte(s))
	}
	f.Fuzz(func(t *testing.T, ext uint8, data []byte) {
		name := "doc" + fuzzExts[int(ext)%len(fuzzExts)]
		d, err := ParseDocument(name, data)
		if d == nil {
			if err == nil {
				t.Fatal("no document and no error")
			}
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("text is not valid UTF-8: %q", d.Text)
		}
		if d.Bytes != len(data) {
			t.Fatalf("Bytes = %d, want %d", d.Bytes, len(data))
		}
		if d.Format != FormatHTML && utf8.Valid(data) && !strings.HasPrefix(string(data), "\xff\xfe") && !strings.HasPrefix(string(data), "\xfe\xff") {
			if d.Text != string(data) || err != nil {
				t.Fatalf("text file changed on load (err %v)", err)
			}
		}
		checkNoise(t, d.Text, d.Noise)
		if c := d.Clean(); len(c) != len(d.Text) {
			t.Fatalf("Clean() has length %d, Text %d", len(c), len(d.Text))
		}
		if strings.ContainsRune(d.Title, '\n') || len(d.Title) > maxTitle+len("…") || !utf8.ValidString(d.Title) {
			t.Fatalf("bad title %q", d.Title)
		}
	})
}

// FuzzFindNoise checks findNoise alone on arbitrary valid UTF-8 text.
func FuzzFindNoise(f *testing.F) {
	for _, s := range []string{
		"Advertisement\nReading Time:3 minutes\n[13] x [ 23 ] [ 24 ]\n",
		"$$a$$ $C_e$ HK$2 ($260)\n+--+\n|x|\n+--+\n",
		"ይህ ድረ-ገጽ ኩኪዎችን ይጠቀማል\nEnglish text here.\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		checkNoise(t, s, findNoise(s))
	})
}
