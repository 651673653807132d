package model

import (
	"math/rand"
	"testing"
)

// TestSWARRuns checks the eight-byte run scanners against byte loops on
// every byte value at every offset.
func TestSWARRuns(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte("aZz0 9.,'-@[`{/:AbQ\x80\xc3\xa9\xff\x00")
	for n := 0; n < 2000; n++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			if rng.Intn(4) == 0 {
				b[i] = byte(rng.Intn(256))
			} else {
				b[i] = alphabet[rng.Intn(len(alphabet))]
			}
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && qLetters[s[want]] {
				want++
			}
			if got := asciiLetterEnd(s, i); got != want {
				t.Fatalf("asciiLetterEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
			want = i
			for want < len(s) && s[want] < 0x80 && asciiWord[s[want]] {
				want++
			}
			if got := asciiAlnumEnd(s, i); got != want {
				t.Fatalf("asciiAlnumEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
	for c := 0; c < 256; c++ {
		s := string([]byte{'a', 'a', 'a', byte(c), 'a', 'a', 'a', 'a', 'a'})
		if got, want := asciiLetterEnd(s, 0) == 3, !qLetters[c]; got != want {
			t.Errorf("byte %#x: letter end at 3 = %v", c, got)
		}
	}
}

// TestSqueezed checks squeezed, which scans eight bytes at a time, against
// its definition on random strings of spaces, controls and letters.
func TestSqueezed(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := []byte("ab  \t\n\x01~\x1f!\xc3\xa9")
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.Intn(30))
		for i := range b {
			b[i] = alphabet[rng.Intn(len(alphabet))]
		}
		s := string(b)
		if got, want := squeezed(s), squeeze(s) == s && allASCII(s); got != want {
			t.Fatalf("squeezed(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSWARLower checks swarLower against lowerByte on every byte value in
// every position.
func TestSWARLower(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			b := []byte("aB1 \x80Zz@")
			b[pos] = byte(c)
			want := make([]byte, 8)
			for i := range b {
				want[i] = lowerByte[b[i]]
			}
			got := swarLower(load8(string(b), 0))
			for i := range 8 {
				if byte(got>>(8*i)) != want[i] {
					t.Fatalf("swarLower(%q) byte %d = %#x, want %#x", b, i, byte(got>>(8*i)), want[i])
				}
			}
		}
	}
}
