package model

import (
	"math/bits"
	"unsafe"
)

// The quantity scanner and the date scanner both walk the whole clean text
// word by word, and each turns down nearly every word: a figure starts at a
// digit or at one of a few number words, a date at a digit or at one of a
// few trigger words. scanMarks finds the word boundaries once, in one pass
// over 64-byte blocks, asks both scanners' word filters there, and
// records where each scanner has work to do as a bitmap over the text's
// byte offsets. Each scanner then jumps from one set bit to the next
// instead of stepping over every word itself.
//
// A scanner that resumes where its last match ended may land inside a word.
// The marks describe the walk from the start of the text, which only ever
// reaches a word at its first letter, so a scanner that resumes inside a
// word reads that word's rest as it always has, byte by byte, and jumps on
// from its end: the calls it makes are exactly those of its plain loop.

// scanMarks holds the bitmaps for one text: bit i of a bitmap is word i/64,
// bit i%64.
type scanMarks struct {
	// qty marks every digit and the first letter of every run of ASCII
	// letters that may start a spelled-out figure (numberWordAt).
	qty []uint64
	// date marks every digit and the first letter of every run of ASCII
	// letters that is a trigger word (dtWordKind) or is glued to digits
	// ("G20": the date scanner skips the whole token).
	date []uint64
	// dated are the numbers the date scanner read inside dates
	// (appendDates), which the quantity scanner (appendQuantities) drops
	// at a glance: Extract scans the dates first, as neither scan reads
	// the other's results. mark empties it, so that a quantity scan with
	// no date scan before it reads none.
	dated []datedNumber
	// words are the masks the classifier's tokenizer reads (wordMasks):
	// they fall out of the same blocks.
	words wordMasks
}

// wordMasks are two bitmaps over a text for its tokenizer (appendWords):
// alnum marks the ASCII letters and digits, which most of every word is
// made of, and wide marks those and every byte of a multi-byte rune, the
// bytes a word may start at. The tokenizer jumps over a gap to the next
// wide bit and over a run of letters and digits to the next clear alnum
// bit, rather than testing the bytes one by one.
type wordMasks struct {
	alnum, wide []uint64
}

// reset sizes the masks for a text of n bytes, all bits clear.
func (wm *wordMasks) reset(n int) {
	wm.alnum, wm.wide = clearBits(wm.alnum, n), clearBits(wm.wide, n)
}

// clearBits returns b, or a new bitmap when b is too short, sized for a
// text of n bytes (a bit per byte and one more word) with every bit clear.
func clearBits(b []uint64, n int) []uint64 {
	w := n/64 + 1
	if cap(b) < w {
		b = make([]uint64, w, w+w/4)
	}
	b = b[:w]
	clear(b)
	return b
}

// build fills the masks for text.
func (wm *wordMasks) build(text string) {
	wm.reset(len(text))
	var pad [64]byte
	for blk := 0; blk < len(text); blk += 64 {
		letters, digits, high := blockMasks(blockAt(text, blk, &pad))
		wm.setBlock(blk, letters, digits, high)
	}
}

// setBlock sets the masks' word for the 64-byte block at blk from the
// block's masks (see blockMasks).
func (wm *wordMasks) setBlock(blk int, letters, digits, high uint64) {
	wm.alnum[blk>>6] = letters | digits
	wm.wide[blk>>6] = letters | digits | high
}

// alnumEnd returns the first offset at or after q that is not an ASCII
// letter or digit. The bitmap's last word always has a clear bit at the
// text's end, so the search stops there.
func (wm *wordMasks) alnumEnd(q int) int {
	w := q >> 6
	b := ^wm.alnum[w] & (^uint64(0) << (q & 63))
	for b == 0 {
		w++
		b = ^wm.alnum[w]
	}
	return w<<6 | bits.TrailingZeros64(b)
}

// nextWide returns the first offset at or after q whose wide bit is set,
// or at least limit when there is none before limit.
func (wm *wordMasks) nextWide(q, limit int) int {
	w := q >> 6
	b := wm.wide[w] & (^uint64(0) << (q & 63))
	for b == 0 {
		w++
		if w<<6 >= limit || w >= len(wm.wide) {
			return limit
		}
		b = wm.wide[w]
	}
	return w<<6 | bits.TrailingZeros64(b)
}

// mark fills m for text, reusing its bitmaps' memory.
//
// The text is read in blocks of 64 bytes, one bitmap word each: eight
// loads make a 64-bit mask of its letters and one of its digits, one bit
// per byte. The digits' mask is the block's marks as it is; a word starts
// at each letter whose bit below is clear and ends at the next letter
// whose bit above is clear, each found with one TrailingZeros. Reading eight bytes at a time
// and ending each word with arithmetic on that chunk cost about 100
// instructions per eight bytes; the masks cost about 30.
func (m *scanMarks) mark(text string) {
	m.qty, m.date, m.dated = clearBits(m.qty, len(text)), clearBits(m.date, len(text)), m.dated[:0]
	m.words.reset(len(text))
	qs := qscanner{text: text} // for numberWordAt, which reads only the text
	// open is where the run of letters that reaches the end of the
	// blocks read so far starts, or -1: the next block's letters tell
	// where it ends, with no search of the text.
	open := -1
	var pad [64]byte
	for blk := 0; blk < len(text); blk += 64 {
		block := blockAt(text, blk, &pad)
		letters, digits, high := blockMasks(block)
		m.words.setBlock(blk, letters, digits, high)
		var carry uint64 // 1 when the byte before the block is a letter
		if open >= 0 {
			carry = 1
			if n := bits.TrailingZeros64(^letters); n < 64 {
				if mayMark(text, open, blk+n) {
					m.markWord(&qs, open, blk+n)
				}
				open = -1
			}
		}
		open = m.markBlock(&qs, blk, block, letters, digits, carry, open)
	}
	if open >= 0 && mayMark(text, open, len(text)) {
		m.markWord(&qs, open, len(text))
	}
}

// blockAt returns the 64 bytes of text at blk: in place, or for the last,
// short block a copy in pad, padded with zero bytes, which are neither
// letters, digits nor high.
func blockAt(text string, blk int, pad *[64]byte) string {
	if blk+64 <= len(text) {
		return text[blk : blk+64]
	}
	clear(pad[copy(pad[:], text[blk:]):])
	return unsafe.String(&pad[0], len(pad))
}

// blockMasks returns the masks of the ASCII letters, the ASCII digits and
// the bytes ≥ 0x80 of b, 64 bytes: bit k is b[k].
//
// Nearly every block is ASCII throughout: its masks are made as if it
// were, which spares splitting each byte's high bit from the rest, and
// wideBlockMasks makes them when it is not. The eight words are written
// out rather than looped over: the loads are made once, the shifts are
// constants, and the pass over Reuters cost 25 M instructions less.
func blockMasks(b string) (letters, digits, high uint64) {
	b = b[:64]
	x0, x1, x2, x3 := load8(b, 0), load8(b, 8), load8(b, 16), load8(b, 24)
	x4, x5, x6, x7 := load8(b, 32), load8(b, 40), load8(b, 48), load8(b, 56)
	if (x0|x1|x2|x3|x4|x5|x6|x7)&swarHi != 0 {
		return wideBlockMasks(b)
	}
	letters = letters8(x0) | letters8(x1)<<8 | letters8(x2)<<16 | letters8(x3)<<24 |
		letters8(x4)<<32 | letters8(x5)<<40 | letters8(x6)<<48 | letters8(x7)<<56
	digits = digits8(x0) | digits8(x1)<<8 | digits8(x2)<<16 | digits8(x3)<<24 |
		digits8(x4)<<32 | digits8(x5)<<40 | digits8(x6)<<48 | digits8(x7)<<56
	return letters, digits, 0
}

// letters8 returns the mask of the letters among the eight ASCII bytes of
// x, bit i for x's byte i.
func letters8(x uint64) uint64 { return swarLetters7(x) & swarHi * swarGather >> 56 }

// digits8 returns the mask of the digits among the eight ASCII bytes of x,
// bit i for x's byte i.
func digits8(x uint64) uint64 { return swarDigits7(x) & swarHi * swarGather >> 56 }

// wideBlockMasks is blockMasks for a block that holds a byte ≥ 0x80.
func wideBlockMasks(b string) (letters, digits, high uint64) {
	_ = b[63]
	for j := 0; j < 64; j += 8 {
		x := load8(b, j)
		// The tests of letters and digits share the byte's low seven
		// bits and its high one, which rules them out.
		h := x & swarHi
		y, ascii := x^h, h^swarHi
		letters |= swarLetters7(y) & ascii * swarGather >> 56 << j
		digits |= swarDigits7(y) & ascii * swarGather >> 56 << j
		high |= h * swarGather >> 56 << j
	}
	return letters, digits, high
}

// swarGather gathers bit 7 of each byte of a multiplicand into bits 56-63
// of the product, in text order: bit 8i+7 times 2**(7*(7-i)) lands on bit
// 56+i, and no other product reaches the top byte or carries into it,
// provided bit 7 is the only bit set in each byte.
const swarGather = 0x0002040810204081

// markBlock sets the marks of the 64-byte block at blk, whose text and
// whose letters and digits masks are given, but for the run of letters that
// reaches its last byte, which may go on after it: it returns where that
// run starts, for mark to end it, or open when that run started before the
// block (carry is 1 when the byte before the block is a letter).
//
// It runs for every block and its loop for every word, so the loop makes
// no call: it only collects the starts of the words that pass a filter,
// nearly none, for markWord to read after it. The byte after a word is a
// digit when the digits' mask says so, and the shape test reads the word's
// first and last letters from the block.
func (m *scanMarks) markBlock(qs *qscanner, blk int, block string, letters, digits, carry uint64, open int) int {
	m.qty[blk>>6] |= digits
	m.date[blk>>6] |= digits
	block = block[:64]
	starts := letters &^ (letters<<1 | carry)
	if letters>>63 != 0 && starts != 0 {
		b := 63 - bits.LeadingZeros64(starts)
		starts &^= 1 << b
		open = blk + b
	}
	// Every other run ends inside the block: it is block[b:l+1], l < 63.
	// ends marks the last letter of each run but the one that reaches
	// bit 63 (read above) and the one that goes on from the block before
	// (carry): the k-th start and the k-th end are then one run's, and
	// each word costs two TrailingZeros and no shift. Bit l+1 of digits
	// is clear past the text's end, as the short block is padded with
	// zeros.
	ends := letters &^ (letters>>1 | 1<<63)
	if carry&letters != 0 {
		ends &= ends - 1
	}
	for pass := passing(block, starts, ends, digits>>1, &markShape); pass != 0; pass &= pass - 1 {
		b := bits.TrailingZeros64(pass) & 63
		m.markWord(qs, blk+b, blk+b+bits.TrailingZeros64(^letters>>b))
	}
	return open
}

// passing returns the starts, among the given starts of the runs of
// letters of the 64-byte block, of those that markWord may mark: the runs
// that shape (markShape) may hold or that a digit follows (beforeDigit has
// the bit of each byte before a digit). ends has the last letter of each
// run, the k-th end the k-th start's, and no bit 63.
//
// It is kept out of line, as a function that calls none: inlined into
// mark's loop, whose calls to markWord make every register caller-saved,
// this loop reloaded the text and its bounds from the stack for each word
// of the text.
//
// Its loop runs for every word of the text, and is written for the
// compiler: shape comes as an argument, which stays in a register, where
// the address of markShape would be made anew for each word, and it is
// checked for nil once, before the loop. The compiler knows s is not zero
// in the loop, and e is not, as it has bit 63: so the trailing zeros of
// each are below 64, which spares both the test for zero and the bounds
// checks of block[b] and block[l]. The three cost six instructions of 28
// a word (17 M over Reuters).
//
//go:noinline
func passing(block string, starts, ends, beforeDigit uint64, shape *runShape) uint64 {
	block = block[:64]
	_ = shape[0]
	var pass uint64
	for s := starts; s != 0; s &= s - 1 {
		b := bits.TrailingZeros64(s)
		e := ends | 1<<63 // ends has as many bits as s: bit 63 is never the lowest
		l := bits.TrailingZeros64(e)
		ends = e & (e - 1)
		if beforeDigit>>l&1 != 0 || shape.has(block[b], block[l], l-b+1) {
			pass |= 1 << b
		}
	}
	return pass
}

// mayMark reports whether markWord may mark the run of letters t[p:e]: it
// is markWord's first tests, small enough to be inlined into mark, which
// makes them before the call for the runs that cross into the next block,
// as markBlock's loop makes them from the masks for the others.
func mayMark(t string, p, e int) bool {
	n := e - p
	return e < len(t) && dtDigit(t[e]) || n < 32 && markShape.has(t[p], t[e-1], n)
}

// markWord sets the marks of the run of letters t[p:e], one that mayMark
// accepts: when no digit follows it, markShape holds its shape.
func (m *scanMarks) markWord(qs *qscanner, p, e int) {
	t := qs.text
	if e < len(t) && dtDigit(t[e]) {
		m.date[p>>6] |= 1 << (p & 63) // "G20": the date scanner skips it whole
		// The run may have been passed for the digit alone.
		if n := e - p; n >= 32 || !markShape.has(t[p], t[e-1], n) {
			return
		}
	}
	if qNumberFirst[t[p]] && qs.numberWordAt(p, e) {
		m.qty[p>>6] |= 1 << (p & 63)
	}
	if kind, _ := dtWordKind(t[p:e]); kind != wkNone {
		m.date[p>>6] |= 1 << (p & 63)
	}
}

// markShape holds, by first and last letter, the lengths of the words that
// numberWordAt or dtWordKind may accept: "a" and "an" (whatever follows
// them), the words numberWordShape holds, and the date triggers.
//
// It is a value, not a pointer as the other shapes are: its address, which
// markBlock hands to passing, is a constant, with no pointer to load.
var markShape = func() runShape {
	words := []string{"a", "an"}
	for _, w := range dtTriggerList {
		words = append(words, w.word)
	}
	ws := newWordShape(words...)
	var rs runShape
	for f := range ws {
		for l := range ws[f] {
			rs[f][l] = uint64(ws[f][l]|numberWordShape[f][l]) >> 1
		}
	}
	return rs
}()

// runShape is a wordShape whose rows have 64 bits: a run of letters inside
// a 64-byte block has fewer than 64, so markBlock tests its length with
// no bound (the bits from 31 up are clear, as no word in a set is that
// long). Bit n-1, not n, stands for n letters: passing finds a run's
// first and last letters, n-1 apart.
type runShape [32][32]uint64

// has reports whether the set may hold the word of n letters (0 < n < 64)
// from first to last, which the caller knows are ASCII letters: other
// bytes would alias letters.
func (rs *runShape) has(first, last byte, n int) bool {
	return rs[first&31][last&31]>>((n-1)&63)&1 != 0
}

// nextMark returns the first offset at or after i whose bit is set in
// marks, or -1.
func nextMark(marks []uint64, i int) int {
	w := i >> 6
	if w >= len(marks) {
		return -1
	}
	b := marks[w] & (^uint64(0) << (i & 63))
	for b == 0 {
		w++
		if w >= len(marks) {
			return -1
		}
		b = marks[w]
	}
	return w<<6 | bits.TrailingZeros64(b)
}

// insideLetters reports whether offset i of t is a letter that continues a
// run of letters: a scanner resuming there is not at a word's start.
func insideLetters(t string, i int) bool {
	return i > 0 && i < len(t) && qLetters[t[i]] && qLetters[t[i-1]]
}
