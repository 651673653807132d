package model

import (
	"strings"
	"unsafe"
)

// splitSentences returns the sentence spans of text, in order, trimmed of
// surrounding white space; together they cover every non-blank byte.
//
// A sentence ends:
//   - at a blank line (paragraph break);
//   - at a single newline, unless the line looks hard-wrapped (long, not
//     ending in punctuation, and the next line starts in lower case);
//   - after '.', '!' or '?' (and any closing quotes or brackets) followed by
//     white space and then an upper-case letter, digit, quote or bracket,
//     unless the word before the period is a known abbreviation or an initial.
//
// Decimals ("3.2") never split, as no space follows their period.
func splitSentences(text string) []Span {
	// About one sentence per 128 bytes of newswire: most texts fill the
	// slice without growing it.
	return appendSentences(make([]Span, 0, len(text)/128+4), text)
}

// appendSentences is splitSentences appending to dst[:0], so that Extract
// can split into a reused buffer.
//
// The loop jumps from one candidate byte to the next: the next newline
// and the next '.', '!' and '?' are each found by strings.IndexByte, which
// scans many bytes per instruction, and searched again only once the scan
// has passed them. A byte-by-byte loop over the whole text was the
// costliest part of this stage. Nothing is a closure: the offsets stay in
// registers, where closures that shared them kept them in memory.
//
// It is kept out of line: inlined into Extract, which holds many other
// values, its offsets were moved between registers and the stack on every
// turn of the loop.
//
//go:noinline
func appendSentences(dst []Span, text string) []Span {
	out := dst[:0]
	start := 0 // where the sentence being read starts
	nl := indexFrom(text, '\n', 0)
	dot, bang, qm := endingFrom(text, '.', 0), endingFrom(text, '!', 0), endingFrom(text, '?', 0)
	lineStart := 0
	for {
		if nl < dot && nl < bang && nl < qm {
			// A short line is never hard-wrapped: tested here, as most
			// lines are short, without a call.
			i := nl
			if i-lineStart < minWrapped || !hardWrapped(text, lineStart, i) {
				out = appendTrimmed(out, text, start, i)
				start = i + 1
			}
			lineStart = i + 1
			if k := strings.IndexByte(text[i+1:], '\n'); k >= 0 {
				nl = i + 1 + k
			} else {
				nl = len(text)
			}
			continue
		}
		i := min(dot, bang, qm)
		if i >= len(text) {
			break
		}
		// Only the candidate at i is passed, and searched again: a
		// sentence end resumes after closing quotes and brackets, which
		// are none of the four bytes, and before the blank that must
		// follow them.
		switch text[i] {
		case '.':
			for from := i + 1; ; {
				k := strings.IndexByte(text[from:], '.')
				if k < 0 {
					dot = len(text)
					break
				}
				dot = from + k
				if n := dot + 1; n >= len(text) || text[n] == ' ' || text[n] == '\t' || isCloser(text[n]) {
					break
				}
				from = dot + 1
			}
		case '!':
			bang = endingFrom(text, '!', i+1)
		default: // '?'
			qm = endingFrom(text, '?', i+1)
		}
		if j := sentenceEnd(text, i); j > 0 {
			out = appendTrimmed(out, text, start, j)
			start = j
		}
	}
	return appendTrimmed(out, text, start, len(text))
}

// appendTrimmed appends text[s:e], trimmed of white space, to out unless
// nothing is left.
func appendTrimmed(out []Span, text string, s, e int) []Span {
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && isSpace(text[e-1]) {
		e--
	}
	if e > s {
		out = append(out, Span{s, e})
	}
	return out
}

// indexFrom returns the offset of the first c at or after from in text, or
// len(text).
func indexFrom(text string, c byte, from int) int {
	if k := strings.IndexByte(text[from:], c); k >= 0 {
		return from + k
	}
	return len(text)
}

// endingFrom is indexFrom for a '.', '!' or '?' that may end a sentence,
// or len(text). Most periods are followed by a letter or digit ("3.2",
// "U.S."), and end nothing: only a space, tab, quote or bracket after one
// may end a sentence, and the search passes over the others, which would
// change nothing, without a turn of appendSentences' loop each.
func endingFrom(text string, c byte, from int) int {
	for {
		k := strings.IndexByte(text[from:], c)
		if k < 0 {
			return len(text)
		}
		i := from + k
		if n := i + 1; n >= len(text) || text[n] == ' ' || text[n] == '\t' || isCloser(text[n]) {
			return i
		}
		from = i + 1
	}
}

// sentenceEnd handles the '.', '!' or '?' at text[i]: when it ends a
// sentence it returns the end, after any closing quotes or brackets, and
// else 0.
func sentenceEnd(text string, i int) int {
	c := text[i]
	j := i + 1
	for j < len(text) && isCloser(text[j]) {
		j++
	}
	if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
		return 0
	}
	k := j
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k >= len(text) || text[k] == '\n' {
		return 0 // the newline case ends it
	}
	if !startsSentence(text[k]) {
		return 0
	}
	if c == '.' && abbreviationBefore(text, i) {
		return 0
	}
	return j
}

// hardWrapped reports whether the line text[ls:nl] continues on the next
// line: a long line that does not end a sentence, followed by a line that
// starts in lower case.
func hardWrapped(text string, ls, nl int) bool {
	if nl-ls < minWrapped || nl+1 >= len(text) {
		return false
	}
	last := nl - 1
	for last > ls && isSpace(text[last]) {
		last--
	}
	switch text[last] {
	case '.', '!', '?', ':', ';', '"':
		return false
	}
	next := text[nl+1]
	return next >= 'a' && next <= 'z'
}

// minWrapped is the length of the shortest line hardWrapped may join to
// the next.
const minWrapped = 50

// isSpace reports whether c is ASCII white space: a space, or '\t', '\n',
// '\v', '\f' or '\r', which are 9 to 13 and so take one unsigned
// comparison, not five.
func isSpace(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t'
}

func isCloser(c byte) bool { return c == '"' || c == '\'' || c == ')' || c == ']' }

func startsSentence(c byte) bool {
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '(' || c == '[' || c >= 0x80
}

// isAbbreviation reports whether w, in lower case, is an abbreviation
// that ends in a period without ending a sentence ("etc" ends one). A
// switch, not a map: it tells a word by its length and bytes with no hash.
func isAbbreviation(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr",
		"no", "nos", "inc", "co", "corp", "ltd", "vs",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec", "gen", "gov",
		"sen", "rep", "e.g", "i.e", "u.s", "u.k", "u.n",
		"approx", "est", "fig", "vol", "pp", "p":
		return true
	}
	return false
}

// abbreviationBefore reports whether the period at text[dot] ends an
// abbreviation or a one-letter initial rather than a sentence.
func abbreviationBefore(text string, dot int) bool {
	s := dot
	for s > 0 && (isLetter(text[s-1]) || text[s-1] == '.') {
		s--
	}
	w := text[s:dot]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial: "J. Smith"
	}
	if len(w) > 8 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	// A view of buf, not a copy: isAbbreviation only compares it, and
	// string(buf[:len(w)]) allocated for every period read this far.
	return isAbbreviation(unsafe.String(&buf[0], len(w)))
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// sentenceAt returns the sentence containing offset off, or the nearest one
// before it; the zero Span when there is none. from is where to start
// looking: the index it returned for an earlier offset, as the events of a
// document come in text order (0 always works). It returns the index to pass
// on.
//
// The scan goes forward from there, which costs the sentences between two
// events once, where a binary search per event cost more on the few
// sentences of a news article.
func sentenceAt(sents []Span, from, off int) (Span, int) {
	i := from
	if i > len(sents) || i > 0 && sents[i-1].End > off {
		i = 0 // an offset before the last one: start again
	}
	for i < len(sents) && sents[i].End <= off {
		i++
	}
	// sents[i] is the first sentence that ends after off.
	if i < len(sents) && sents[i].Start <= off {
		return sents[i], i
	}
	if i > 0 {
		return sents[i-1], i
	}
	return Span{}, i
}
