package model

import (
	"math/rand"
	"strings"
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
		var wm wordMasks
		wm.build(s)
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
			if got := wm.alnumEnd(i); got != want {
				t.Fatalf("wordMasks.alnumEnd(%q, %d) = %d, want %d", s, i, got, want)
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
// its definition on random strings of spaces, controls and letters, and on
// longer ones mostly squeezed: letters, single spaces, '!' (which a blank's
// borrow may flag) and now and then a control or a second space.
func TestSqueezed(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := []byte("ab  \t\n\x01~\x1f!\xc3\xa9")
	plain := []byte("abcdefgh !!~")
	for n := 0; n < 40000; n++ {
		b := make([]byte, rng.Intn(30))
		if n%2 == 1 {
			b = make([]byte, rng.Intn(60))
			for i := range b {
				b[i] = plain[rng.Intn(len(plain))]
				if i > 0 && b[i-1] == ' ' && b[i] == ' ' {
					b[i] = 'a'
				}
			}
			if len(b) > 0 && rng.Intn(3) == 0 {
				b[rng.Intn(len(b))] = alphabet[rng.Intn(len(alphabet))]
			}
		} else {
			for i := range b {
				b[i] = alphabet[rng.Intn(len(alphabet))]
			}
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

// TestIsMostlyControl checks isMostlyControl, which bounds its count eight
// bytes at a time, against a byte loop, on data around the one-in-ten
// threshold and on every byte value in every position of a group.
func TestIsMostlyControl(t *testing.T) {
	naive := func(data []byte) bool {
		head := data[:min(len(data), 8<<10)]
		n := 0
		for _, c := range head {
			n += int(controlByte[c])
		}
		return n*10 > len(head)
	}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		b := make([]byte, rng.Intn(300))
		if n%100 == 0 {
			b = make([]byte, 8<<10+rng.Intn(100))
		}
		p := rng.Intn(30) // chance in 100 of a byte below 0x20
		for i := range b {
			switch r := rng.Intn(100); {
			case r < p:
				b[i] = byte(rng.Intn(0x20))
			case r < p+5:
				b[i] = byte(rng.Intn(256))
			default:
				b[i] = 'a'
			}
		}
		if got, want := isMostlyControl(b), naive(b); got != want {
			t.Fatalf("isMostlyControl(%q) = %v, want %v", b, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		for at := 0; at < 16; at++ {
			b := []byte("abcdefghijklmnop")
			b[at] = byte(c)
			if got, want := swarBelowSpace(load8(string(b), at&^7))>>(8*(at&7)+7)&1 == 1, c < 0x20; got != want {
				t.Errorf("swarBelowSpace: byte %#x at %d: %v", c, at, got)
			}
		}
	}
}

// TestASCIIPrefix checks asciiPrefix, which reads up to 32 bytes a step,
// against a byte loop, with the first byte above 0x7f at every offset.
func TestASCIIPrefix(t *testing.T) {
	for n := 0; n <= 80; n++ {
		for at := 0; at <= n; at++ {
			b := []byte(strings.Repeat("a\n~\x00", 20)[:n])
			if at < n {
				b[at] = 0x80 | byte(at)
			}
			if got := asciiPrefix(string(b)); got != at {
				t.Fatalf("asciiPrefix(%q) = %d, want %d", b, got, at)
			}
			if got, want := allASCII(string(b)), at == n; got != want {
				t.Fatalf("allASCII(%q) = %v, want %v", b, got, want)
			}
		}
	}
}

// TestColonBefore checks colonBefore against a search of the 16 bytes
// before each offset, for a colon at each place around them, among bytes
// next to a colon's and with its high bit set.
func TestColonBefore(t *testing.T) {
	for n := 0; n < 40; n++ {
		for c := -1; c < n; c++ {
			b := []byte(strings.Repeat(" ;9\xba\x00\n", n)[:n])
			if c >= 0 {
				b[c] = ':'
			}
			text := string(b)
			for i := 0; i <= n; i++ {
				want := strings.IndexByte(text[max(0, i-16):i], ':') >= 0
				if got := colonBefore(text, i); got != want {
					t.Errorf("colonBefore(%q, %d) = %v, want %v", text, i, got, want)
				}
			}
		}
	}
}
