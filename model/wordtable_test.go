package model

import (
	"math/rand"
	"strings"
	"testing"
)

// TestShapedSetLookups checks shapedSet's look-ups, which use shortWords
// for short words, against the map they index: has folds ASCII capitals
// as qWordLower does, hasLower takes the word as it is. The words probed
// are every key, each in capitals, each cut short, grown by a byte or with
// a zero byte added, and random strings of one to ten bytes, outside ASCII
// too.
func TestShapedSetLookups(t *testing.T) {
	sets := map[string]map[string]bool{
		"month": monthWords, "label": labelWords, "change": changeWords,
		"qualifierLast": qualifierLast, "odd": {"": true, "A": true, "b-c": true, "no": false, "abcdefgh": true, "abcdefghi": true},
	}
	r := rand.New(rand.NewSource(1))
	for name, m := range sets {
		s := newShapedSet(m)
		var probes []string
		for k := range m {
			probes = append(probes, k, strings.ToUpper(k), k+"s", k+"\x00", "\x00"+k)
			if len(k) > 1 {
				probes = append(probes, k[:len(k)-1], k[1:])
			}
		}
		for n := 0; n < 20000; n++ {
			b := make([]byte, 1+r.Intn(10))
			for i := range b {
				switch r.Intn(4) {
				case 0:
					b[i] = byte(r.Intn(256))
				case 1:
					b[i] = 'A' + byte(r.Intn(26))
				default:
					b[i] = 'a' + byte(r.Intn(26))
				}
			}
			probes = append(probes, string(b))
		}
		for _, w := range probes {
			if got, want := s.has(w), m[qWordLower(w)]; got != want {
				t.Errorf("%s.has(%q) = %v, want %v", name, w, got, want)
			}
			if got, want := s.hasLower(w), m[w] && (s.all || s.shape.has(w)); got != want {
				t.Errorf("%s.hasLower(%q) = %v, want %v", name, w, got, want)
			}
		}
	}
}

// TestPackWord holds packWord's overlapping loads to a byte loop, for
// every length up to nine.
func TestPackWord(t *testing.T) {
	const text = "\x01\x82abcDEF\xffg"
	for i := 0; i <= len(text); i++ {
		for j := i; j <= len(text) && j-i <= 9; j++ {
			w := text[i:j]
			var want uint64
			for k := 0; k < len(w) && k < 8; k++ {
				want |= uint64(w[k]) << (8 * k)
			}
			if got := packWord(w); got != want {
				t.Errorf("packWord(%q) = %#x, want %#x", w, got, want)
			}
		}
	}
}
