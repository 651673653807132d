package model

import "math/bits"

// The quantity scanner and the date scanner both walk the whole clean text
// word by word, and each turns down nearly every word: a figure starts at a
// digit or at one of a few number words, a date at a digit or at one of a
// few trigger words. scanMarks finds the word boundaries once, in one pass
// eight bytes at a time, asks both scanners' word filters there, and
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
}

// mark fills m for text, reusing its bitmaps' memory.
func (m *scanMarks) mark(text string) {
	n := len(text)/64 + 1
	if cap(m.qty) < n {
		m.qty = make([]uint64, n, n+n/4)
		m.date = make([]uint64, n, n+n/4)
	}
	m.qty, m.date = m.qty[:n], m.date[:n]
	clear(m.qty)
	clear(m.date)
	qs := qscanner{text: text} // for numberWordAt, which reads only the text
	i := 0
	prevLetter := uint64(0) // bit 7 set when the byte before the chunk is a letter
	for ; i+8 <= len(text); i += 8 {
		x := load8(text, i)
		letters := swarLetters(x)
		if digits := swarDigits(x); digits != 0 {
			// Gather bit 7 of each byte into bits 0-7, in text order.
			b := (digits >> 7) * 0x0102040810204080 >> 56 << (i & 63)
			m.qty[i>>6] |= b
			m.date[i>>6] |= b
		}
		starts := letters &^ (letters<<8 | prevLetter)
		prevLetter = letters >> 56
		ends := ^letters & swarHi // bit 7 of each byte that ends a run
		for starts != 0 {
			b := bits.TrailingZeros64(starts)
			starts &= starts - 1
			// The run ends in this chunk, at its first non-letter after
			// the start, or else somewhere after it.
			e := i + 8
			if end := ends >> b; end != 0 {
				e = i + (b+bits.TrailingZeros64(end))>>3
			} else {
				e = asciiLetterEnd(text, e)
			}
			if p := i + b>>3; mayMark(text, p, e) {
				m.markWord(&qs, p, e)
			}
		}
	}
	for ; i < len(text); i++ {
		c := text[i]
		switch {
		case qDigit(c):
			m.qty[i>>6] |= 1 << (i & 63)
			m.date[i>>6] |= 1 << (i & 63)
		case qLetters[c] && (i == 0 || !qLetters[text[i-1]]):
			if e := asciiLetterEnd(text, i+1); mayMark(text, i, e) {
				m.markWord(&qs, i, e)
			}
		}
	}
}

// mayMark reports whether markWord may mark the run of letters t[p:e]: it
// is markWord's first tests, small enough to be inlined into mark's loop,
// so that nearly every word is done with there without a call.
func mayMark(t string, p, e int) bool {
	n := e - p
	return e < len(t) && dtDigit(t[e]) || n < 32 && markShape.hasLetters(t[p], t[e-1], n)
}

// markWord sets the marks of the run of letters t[p:e].
func (m *scanMarks) markWord(qs *qscanner, p, e int) {
	t := qs.text
	if e < len(t) && dtDigit(t[e]) {
		m.date[p>>6] |= 1 << (p & 63) // "G20": the date scanner skips it whole
	}
	// Nearly every word has a shape no filter below accepts.
	if n := e - p; n >= 32 || !markShape.hasLetters(t[p], t[e-1], n) {
		return
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
var markShape = func() *wordShape {
	words := []string{"a", "an"}
	for _, w := range dtTriggerList {
		words = append(words, w.word)
	}
	ws := newWordShape(words...)
	for f := range ws {
		for l := range ws[f] {
			ws[f][l] |= numberWordShape[f][l]
		}
	}
	return ws
}()

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
