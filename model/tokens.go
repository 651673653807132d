package model

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// Fast paths of the classifier's tokenizer (appendWords), kept out of
// classify.go.
//
// Word hashes. Every token the classifier makes carries the hash of its
// lower-case form, so that the gazetteer and the metric cues turn most
// words away with a bit test (vocabFilter) and find the rest with one probe
// of a wordTable. The hash reads a word eight bytes at a time: a
// byte-at-a-time hash was a chain of dependent multiplies, one per letter,
// for each of the million and a half tokens of a pass over Reuters.

// wordHash hashes a lower-case word (any string: tables are built with it
// and probed with it, so it only has to agree with itself).
func wordHash(w string) uint32 {
	h := uint64(len(w))
	i := 0
	for ; i+8 <= len(w); i += 8 {
		h = wordMix(h ^ load8(w, i))
	}
	var x uint64
	for k := len(w) - 1; k >= i; k-- {
		x = x<<8 | uint64(w[k])
	}
	return wordFinal(h ^ x)
}

// lowerWordHash returns wordHash(low[start:end]) and whether s[start:end]
// differs from it, where low is s with its ASCII capitals lower-cased (so
// the word has capitals). Where eight bytes can be read at start without
// passing the end of s, the word's last bytes are read in one load and the
// bytes beyond it masked off.
func lowerWordHash(s, low string, start, end int) (h uint32, caps bool) {
	hh := uint64(end - start)
	var diff uint64
	i := start
	for ; i+8 <= end; i += 8 {
		x := load8(low, i)
		diff |= x ^ load8(s, i)
		hh = wordMix(hh ^ x)
	}
	var x uint64
	if r := end - i; r > 0 {
		if i+8 <= len(s) {
			mask := uint64(1)<<(8*r) - 1
			x = load8(low, i) & mask
			diff |= x ^ load8(s, i)&mask
		} else {
			for k := end - 1; k >= i; k-- {
				x = x<<8 | uint64(low[k])
				diff |= uint64(low[k] ^ s[k])
			}
		}
	}
	return wordFinal(hh ^ x), diff != 0
}

// wordMix folds eight more bytes into a hash.
func wordMix(h uint64) uint64 {
	hi, lo := bits.Mul64(h, 0x9E3779B97F4A7C15)
	return hi ^ lo
}

// wordFinal makes the 32-bit hash: the high half of a multiply, in which
// every input bit has a say.
func wordFinal(h uint64) uint32 {
	hi, lo := bits.Mul64(h^h>>29, 0xBF58476D1CE4E5B9)
	return uint32(hi ^ lo>>32)
}

// fnv1a is the 32-bit FNV-1a hash of w. unitPhrase builds it byte by byte
// as it folds a phrase, so unitWordFilter is made with it, not wordHash.
func fnv1a(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// asciiGap reports whether gap is all ASCII and whether it holds a blank
// (space, tab or newline), in one pass.
func asciiGap(gap string) (ascii, spaced bool) {
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; {
		case c >= 0x80:
			return false, false
		case c == ' ' || c == '\t' || c == '\n':
			spaced = true
		}
	}
	return true, spaced
}

// appendPlain is appendWords' loop over plain words, which are most of
// any sentence: ASCII, under sixteen bytes, after a gap of up to three
// ASCII bytes that are not "$" and not a hyphen and a slash both, ended by
// a byte that does not continue them (see wordGlue; a number's inner ","
// and "." do), and no clause word.
// It writes them at toks[nt:], from i, the end of the last token, in
// clause clause, and returns the new count of tokens, the end of the last
// and its clause; it stops before the first word that is not plain, which
// appendWords makes itself. It makes no call, so that its values stay in
// registers: in appendWords' loop, whose rare words call out, they were
// reloaded for every word.
//
// text ends where the sentence does, and low is appendWords' buffer: each
// word is lower-cased into it as it is hashed.
func appendPlain(toks []wordTok, nt int, text string, low []byte, i, clause int, wm *wordMasks) (int, int, int) {
	// Offsets are unsigned here, so that the loop's tests (p < n, end < n)
	// bound its indexes for the compiler, which drops its own checks of
	// them: an int that passed them might still be negative.
	n, p := uint(len(text)), uint(i)
	for p < n {
		// The gap is read first, as gapKind would read it, and the word
		// must start right after it with an ASCII letter or digit: one bit
		// of the masks, where nextWide would search them.
		start, cl, sep := p+1, clause, byte(' ')
		if text[p] != ' ' { // one space is the common gap
			var g uint8
			for start = p; start < n && start < p+3 && gapBytes[text[start]] != 0; start++ {
				g |= gapBytes[text[start]]
			}
			spaced := g&gapSpace != 0
			if g&gapBreak != 0 || g&gapDash != 0 && spaced {
				cl++
			}
			if !spaced {
				switch g & (gapDash | gapSlash) {
				case gapDash:
					sep = '-'
				case gapSlash:
					sep = '/'
				case gapDash | gapSlash:
					start = p // the later wins: appendWords reads the gap
				}
			}
		}
		if start == p || start >= n {
			break
		}
		// One load of the masks says whether a word starts there and,
		// unless it runs on into the next 64 bytes, where it ends.
		run := wm.alnum[start>>6] >> (start & 63)
		if run&1 == 0 {
			break
		}
		end := start + uint(bits.TrailingZeros64(^run))
		if end&63 == 0 {
			end = uint(wm.alnumEnd(int(end)))
		}
		end = min(end, n)
		// Most words end at a byte that cannot continue them (see
		// wordGlue): a space, most punctuation.
		if end < n && wordGlue[text[end]] {
			// A digit's inner "," or "." continues a word ("1,400",
			// "3.2"), as wordRest reads it; after a letter, or before
			// a space, they end it.
			for end+1 < n && (text[end] == ',' || text[end] == '.') && isDigit(text[end-1]) && isDigit(text[end+1]) {
				end = min(uint(wm.alnumEnd(int(end+1))), n)
			}
			if end < n && (text[end] >= 0x80 || text[end] == '\'') {
				break // a word that goes on, or a possessive
			}
		}
		// The hash is wordHash of the word lower-cased, as lowerWordHash
		// makes it: the bytes past the word are masked off a load, or at
		// the sentence's end, where there are not eight, it is read byte
		// by byte.
		//
		// A plain word's bytes are letters, digits, "," and ".": setting
		// bit 5 of each lower-cases it, as it leaves the others as they
		// are. The eight or sixteen bytes loaded are stored in low so,
		// those past the word too: the words they belong to, later in the
		// sentence, write their own over them, and a load of them for a
		// hash masks them off.
		var hash uint32
		k := end - start
		switch {
		case k < 8 && start+8 <= n:
			x := load8(text, int(start)) | plainLower
			binary.LittleEndian.PutUint64(low[start:start+8], x)
			hash = wordFinal(uint64(k) ^ x&(1<<(8*k&63)-1))
		case k < 8:
			var x uint64
			for j := end; j > start; j-- {
				c := text[j-1] | 0x20
				low[j-1] = c
				x = x<<8 | uint64(c)
			}
			hash = wordFinal(uint64(k) ^ x)
		case k < 16 && start+16 <= n:
			x := load8(text, int(start)) | plainLower
			y := load8(text, int(start+8)) | plainLower
			binary.LittleEndian.PutUint64(low[start:start+8], x)
			binary.LittleEndian.PutUint64(low[start+8:start+16], y)
			hash = wordFinal(wordMix(uint64(k)^x) ^ y&(1<<(8*(k-8)&63)-1))
		default:
			return nt, int(p), clause
		}
		if clauseWordFilter.has(hash) {
			break
		}
		c := text[start]
		t := &toks[nt]
		t.start, t.end = int(start), int(end)
		t.lower, t.hash, t.clause = unsafe.String(&low[start], int(k)), hash, cl
		t.cap, t.num, t.poss, t.sep = c-'A' < 26, c-'0' < 10, false, sep // unsigned: no branch
		nt, p, clause = nt+1, end, cl
	}
	return nt, int(p), clause
}

// plainLower lower-cases the eight bytes of a plain word (see appendPlain)
// when or-ed into them.
const plainLower = 0x2020202020202020

// The kinds of byte a gap between plain words may hold, as gapRune reads
// them: gapBytes has one for each ASCII byte but the letters, the digits
// and "$" (a gap that starts with one names a currency), and 0 for those
// and the bytes of multi-byte runes, which appendPlain leaves to gapKind.
const (
	gapOther = 1 << iota // no say in the gap's kind
	gapSpace             // a blank: space, tab or newline
	gapBreak             // ends a clause: , ; : ( ) [ ] |
	gapDash              // a hyphen: joins two words, or spaced, ends a clause
	gapSlash             // joins two words when not spaced
)

var gapBytes = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if !asciiWord[c] && c != '$' {
			t[c] = gapOther
		}
	}
	t[' '], t['\t'], t['\n'] = gapSpace, gapSpace, gapSpace
	for _, c := range ",;:()[]|" {
		t[c] = gapBreak
	}
	t['-'], t['/'] = gapDash, gapSlash
	return t
}()
