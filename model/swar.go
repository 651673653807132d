package model

import (
	"math/bits"
	"unicode/utf8"
)

// Word-run scanning eight bytes at a time. The scanners spend much of their
// time finding where a word ends; a byte loop there costs one unpredictable
// branch per word (words have no fixed length). These helpers test eight
// bytes at once with arithmetic on a uint64 ("SIMD within a register") and
// find the first byte that ends the run with one TrailingZeros, so most
// words cost one load and a dozen integer operations. Bytes are assembled
// in text order (t[i] in the low byte) whatever the machine's byte order.

const (
	swarHi  = 0x8080808080808080 // bit 7 of every byte
	swarLo7 = 0x7f7f7f7f7f7f7f7f // bits 0-6 of every byte
)

// load8 returns t[i:i+8] as a uint64, t[i] in the low byte; the compiler
// turns it into one load.
func load8(t string, i int) uint64 {
	t = t[i : i+8]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// load4 returns t[i:i+4] as a uint64, t[i] in the low byte.
func load4(t string, i int) uint64 {
	t = t[i : i+4]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24
}

// load2 returns t[i:i+2] as a uint64, t[i] in the low byte.
func load2(t string, i int) uint64 {
	t = t[i : i+2]
	return uint64(t[0]) | uint64(t[1])<<8
}

// swarLetters has bit 7 set in each byte of x that is an ASCII letter.
func swarLetters(x uint64) uint64 {
	return swarLetters7(x&swarLo7) &^ x & swarHi // and not a byte ≥ 0x80
}

// swarLetters7 has bit 7 set in each byte of y that is an ASCII letter,
// and maybe other bits: the bytes of y are below 0x80. No byte's sum
// carries into the next: each is at most 0x7f plus 0x1f. A byte whose
// bit 7 is set in gt has it set in ge as well, so ge^gt has it where
// ge &^ gt does, in one instruction rather than two (amd64 v1 has no
// and-not): this runs eight times for each 64 bytes of every text.
func swarLetters7(y uint64) uint64 {
	y |= 0x2020202020202020      // fold case
	ge := y + 0x1f1f1f1f1f1f1f1f // bit 7 set when y >= 'a' (0x80-0x61)
	gt := y + 0x0505050505050505 // bit 7 set when y > 'z' (0x80-0x7b)
	return ge ^ gt
}

// swarDigits has bit 7 set in each byte of x that is an ASCII digit.
func swarDigits(x uint64) uint64 {
	return swarDigits7(x&swarLo7) &^ x & swarHi
}

// swarDigits7 has bit 7 set in each byte of y that is an ASCII digit, and
// maybe other bits: the bytes of y are below 0x80. As in swarLetters7,
// gt's bit 7 implies ge's, and ge^gt stands for ge &^ gt.
func swarDigits7(y uint64) uint64 {
	ge := y + 0x5050505050505050 // y >= '0' (0x80-0x30)
	gt := y + 0x4646464646464646 // y > '9' (0x80-0x3a)
	return ge ^ gt
}

// asciiLetterEnd returns the end of the run of ASCII letters at t[i:].
func asciiLetterEnd(t string, i int) int {
	for i+8 <= len(t) {
		if m := ^swarLetters(load8(t, i)) & swarHi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(t) && qLetters[t[i]] {
		i++
	}
	return i
}

// asciiAlnumEnd returns the end of the run of ASCII letters and digits at
// t[i:].
func asciiAlnumEnd(t string, i int) int {
	for i+8 <= len(t) {
		x := load8(t, i)
		if m := ^(swarLetters(x) | swarDigits(x)) & swarHi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(t) && t[i] < 0x80 && asciiWord[t[i]] {
		i++
	}
	return i
}

// swarLower lower-cases the ASCII capitals among x's eight bytes and
// leaves every other byte as it is.
func swarLower(x uint64) uint64 {
	y := x & swarLo7
	ge := y + 0x3f3f3f3f3f3f3f3f // bit 7 set when y >= 'A' (0x80-0x41)
	gt := y + 0x2525252525252525 // bit 7 set when y > 'Z' (0x80-0x5b)
	up := ge &^ gt &^ x & swarHi // capitals, not bytes ≥ 0x80
	return x | up>>2             // bit 7 becomes 0x20
}

// asciiPrefix returns the length of the run of ASCII bytes that starts t:
// len(t) when t is all ASCII. It reads 32 bytes a step while they are all
// ASCII, as most text is, then finds the first other byte eight at a time.
func asciiPrefix(t string) int {
	i := 0
	for ; i+32 <= len(t); i += 32 {
		g := t[i : i+32] // one bounds check for the four loads
		if (load8(g, 0)|load8(g, 8)|load8(g, 16)|load8(g, 24))&swarHi != 0 {
			break
		}
	}
	for ; i+8 <= len(t); i += 8 {
		if m := load8(t, i) & swarHi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	// The last bytes are read as the text's last eight, which overlap
	// the bytes read above, known to be ASCII: most lines end here.
	if i < len(t) && len(t) >= 8 {
		if m := load8(t, len(t)-8) & swarHi; m != 0 {
			return len(t) - 8 + bits.TrailingZeros64(m)>>3
		}
		return len(t)
	}
	for i < len(t) && t[i] < utf8.RuneSelf {
		i++
	}
	return i
}
