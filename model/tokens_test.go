package model

import "testing"

// asciiLower returns s with its ASCII capitals lower-cased, at the same
// offsets.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = asciiLowerByte(c)
	}
	return string(b)
}

// TestLowerWordHash checks that the tokenizer's hash, read in place with
// loads past the word's end, is wordHash of the lower-case word, and that
// it finds the capitals, for every word of a text and at its very end.
func TestLowerWordHash(t *testing.T) {
	for _, s := range []string{
		"a",
		"Kazakhstan",
		"the Trans-Caspian International Transport Route carried 2.76 MLN TONNES",
		"tail words at the END",
		"abcdefgh ABCDEFGHIJKLMNOPQ x",
	} {
		low := asciiLower(s)
		for start := 0; start < len(s); start++ {
			for end := start + 1; end <= len(s); end++ {
				h, caps := lowerWordHash(s, low, start, end)
				if want := wordHash(low[start:end]); h != want {
					t.Fatalf("lowerWordHash(%q) = %x, wordHash = %x", s[start:end], h, want)
				}
				if want := s[start:end] != low[start:end]; caps != want {
					t.Fatalf("lowerWordHash(%q) caps = %v", s[start:end], caps)
				}
			}
		}
	}
}
