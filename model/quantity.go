package model

import (
	"math"
	"math/bits"
	"strings"
)

// This file is the quantity scanner: it finds figures in a document's clean
// text ("approximately 60%", "HK$2 trillion", "between 6% and 7%",
// "1.5 bln dlrs", "one-tenth of") and normalises them into Quantity values.
//
// It is a hand-written byte scanner in the manner of text/template/parse's
// lexer, but with the states as methods called in a fixed order rather than
// a loop of state functions, because a figure is short and its grammar is
// linear:
//
//	[qualifier | "between" | "from"] [sign] number [suffix] [scale] [unit]
//	    [("-" | "to" | "and") [sign] number [suffix] [scale] [unit]] [rate]
//
// run jumps from one digit or candidate number word to the next; figure reads
// one figure there, left to right, with a little look-behind for signs and
// qualifiers that precede the number. Look-behind never crosses the end of
// the previous figure (floor), so spans come out sorted and disjoint.
//
// Most of the code is about what is NOT a quantity: years, dates, times,
// ordinals, identifiers, citation markers, list numerals and compound
// adjectives. A figure that fails a check is dropped and the scanner moves on
// past it; nothing is ever reported as an error, because text is not wrong
// for containing a number the scanner does not want.

// scanQuantities returns the figures in text, in text order, with spans into
// text. Text is a document's clean text: noise is already blanked to spaces.
// The Text field of each Quantity is left for the caller to fill.
func scanQuantities(text string) []Quantity {
	// Newswire has about one figure per 200 bytes; starting near that size
	// saves most of the copying as the slice grows.
	s := qscanner{text: text, out: make([]Quantity, 0, len(text)/256+4)}
	s.run()
	return s.out
}

// appendQuantities is scanQuantities appending to dst[:0], so that Extract
// can scan into a reused buffer. It reads the text's qty bitmap from m
// (see scanMarks), and visits only the offsets it marks, and the numbers
// appendDates read inside dates, which it may drop at a glance.
func appendQuantities(dst []Quantity, text string, m *scanMarks) []Quantity {
	s := qscanner{text: text, out: dst[:0]}
	s.runMarked(m.qty, m.dated)
	return s.out
}

// qscanner holds the state of one scan.
type qscanner struct {
	text   string
	out    []Quantity
	floor  int  // look-behind stops here: the end of the last figure reported
	second bool // reading the second number of a range, after its dash
	// pw remembers the last prevWord answer: figure, qualifierBefore and
	// keep each ask for the word before the same number, and the answer
	// depends only on the offset and the floor.
	pw struct {
		key, floor int // the offset asked for plus one (0: nothing cached), and the floor then
		ws, we     int // the answer
	}
	// parts are figure's first and second parts.
	parts [2]qpart
	// tb remembers the last trimBack answer: prefixOK, signBefore,
	// qualifierBefore, prevWord and keep all trim the blanks before the
	// same number.
	tb struct{ key, b int } // the offset asked for plus one (0: nothing cached), and the answer
}

// qpart is one number with what is written around it: a currency sign or
// code before it, letters glued to it, and the scale and unit words after.
// A range has two parts.
type qpart struct {
	start, end       int      // the part, from its sign to its last unit word
	numStart, numEnd int      // the number alone
	mant             uint64   // the digits of the number as an integer
	frac             int      // how many of those digits follow the decimal point
	extra            float64  // a value not written in decimals (fractions "3/4", "one-tenth")
	alt              uint64   // for "5.903": the value if the dot groups thousands, else 0
	mult             float64  // product of the scale and unit factors
	scaled           bool     // a scale word or suffix was read
	unit             string   // normalised unit, "" when none was read
	kind             unitKind // what the unit is
	signed           bool     // the currency came from a sign or code before the number
	plain            bool     // digits only: no separator, no decimal point
	digits           int      // number of digits when plain
	word             bool     // the number is spelled out
	fraction         bool     // a spelled-out fraction ("a third of"); the value is in %
	notQty           bool     // a word after it makes it a time, not a quantity
}

// value returns the normalised value of the part.
func (p *qpart) value() float64 {
	return float64(p.mant)*p.mult/qPow10(p.frac) + p.extra*p.mult
}

// raw returns the number as written, without scale or unit.
func (p *qpart) raw() float64 { return float64(p.mant)/qPow10(p.frac) + p.extra }

// yearLike reports whether the part is a bare 4-digit number that reads as a
// year: "In 2016", "by 2030", "(1881)".
func (p *qpart) yearLike() bool {
	return p.plain && p.digits == 4 && p.mant >= 1000 && p.mant <= 2100 &&
		!p.signed && !p.scaled && (p.kind == lexNone || p.kind == lexDuration)
}

// run is the top-level loop: it skips to each digit or candidate number word
// and reads a figure there.
func (s *qscanner) run() {
	t := s.text
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case qDigit(c):
			i = s.figure(i, false)
		case qLetters[c]:
			e := qLetterEnd(t, i+1)
			if qNumberFirst[c] && s.numberWordAt(i, e) {
				i = s.figure(i, true)
			} else {
				i = e
			}
		default:
			i++
		}
	}
}

// runMarked is run visiting only the offsets marks sets (scanMarks.qty):
// digits and the words numberWordAt accepts. Where a figure ends inside a
// word, the rest of the word is read as run reads it. At a number of
// dated, in text order, datedFigure may answer for figure.
func (s *qscanner) runMarked(marks []uint64, dated []datedNumber) {
	t := s.text
	for i, next := 0, firstAt(dated, len(t)); ; {
		if insideLetters(t, i) {
			e := qLetterEnd(t, i+1)
			if qNumberFirst[t[i]] && s.numberWordAt(i, e) {
				i = s.figure(i, true)
				continue
			}
			i = e
		}
		if i = nextMark(marks, i); i < 0 {
			return
		}
		if i >= next {
			// A figure may have run over a dated number: it is passed.
			for len(dated) > 0 && dated[0].at < i {
				dated = dated[1:]
			}
			e := 0
			if len(dated) > 0 && dated[0].at == i {
				e = s.datedFigure(&dated[0])
				dated = dated[1:]
			}
			next = firstAt(dated, len(t))
			if e > 0 {
				i = e
				continue
			}
		}
		i = s.figure(i, !qDigit(t[i]))
	}
}

// firstAt returns where the first of dated starts, or none when dated is
// empty: runMarked compares each mark with it, and none is where no mark
// lies.
func firstAt(dated []datedNumber, none int) int {
	if len(dated) == 0 {
		return none
	}
	return dated[0].at
}

// datedFigure returns where figure(d.at, false) resumes when it certainly
// drops the number d that the date scanner read inside a date, or 0 when
// figure must read it.
func (s *qscanner) datedFigure(d *datedNumber) int {
	if d.month < 0 {
		// The year of "1987-02-26": figure would read it, as numeral's
		// plain digits, only to ask dateChain, which answers where the
		// digits follow a blank.
		return s.dateChain(d.at, d.end)
	}
	return s.dayAfterMonth(d.at, d.end, d.month)
}

// dayAfterMonth returns where figure(i, false) resumes when it certainly
// drops the number t[i:j] as a day after the month name at ms, or 0. The
// date scanner has read "Feb 26": the number has one or two digits and
// follows the name and one blank (datedNumber).
//
// It answers for the day up to 31 that a comma or a period ends, or a
// blank and a printable byte that is no letter and no "%": numeral reads
// plain digits, no unit follows, and rangeSecond, asked only after a dash,
// finds no range. The word before is the month for monthBefore, as it is
// for prevWord: no digit or dash is glued to it, and it lies after the
// floor. signBefore reads a currency code only before a blank after a
// capital, so the month must end in lower case.
func (s *qscanner) dayAfterMonth(i, j, ms int) int {
	t := s.text
	if ms < s.floor || j+1 >= len(t) || qUpper(t[i-2]) || ms > 0 && (qDigit(t[ms-1]) || t[ms-1] == '-') ||
		j-i == 2 && (t[i]-'0')*10+t[i+1]-'0' > 31 {
		return 0
	}
	switch c, n := t[j], t[j+1]; {
	case c == ',' || c == '.':
		if qDigit(n) {
			return 0 // "Feb 26,1987" is no plain number
		}
	case c == ' ':
		if !qVisible[n] || isLetter(n) || n == '%' {
			return 0
		}
		if n == '-' && !s.datelineDash(j+1) {
			if bs, _ := s.rangeSecond(j, ""); bs >= 0 {
				return 0
			}
		}
	default:
		return 0
	}
	return j
}

// datelineDash reports whether rangeSecond certainly finds no second
// number after the dash at i, which follows a blank after a number: one
// blank and a word follow it whose second letter is in lower case (no
// currency code, which is three capitals), with no "$" glued to it
// ("HK$"), that is no spelled-out number. "SALVADOR, Feb 26 - Showers
// continued": the dateline of nearly every Reuters story.
func (s *qscanner) datelineDash(i int) bool {
	t := s.text
	k := i + 2 // the word's first letter
	if k+1 >= len(t) || t[i+1] != ' ' || !isLetter(t[k]) || t[k+1] < 'a' || t[k+1] > 'z' {
		return false
	}
	e := qLetterEnd(t, k+2)
	return (e == len(t) || t[e] != '$') && !(qNumberFirst[t[k]] && s.numberWordAt(k, e))
}

// qNumberFirst marks the letters, in either case, that can start a word
// numberWordAt accepts: "a", "an", or a word numberWordShape may hold. Most
// words fail it, and skip the call.
var qNumberFirst = func() [256]bool {
	tab := numberWordShape.firstLetters()
	tab['a'], tab['A'] = true, true
	return tab
}()

// numberWordAt reports whether the word t[i:e] may start a spelled-out
// figure. It is the scanner's hot path for letters, so it filters on length
// and first letter before looking anything up. "a" and "an" start one only
// with the right word next ("a million", "a third of"): most words after
// them and one space start with a letter none of those starts with
// (qAfterAFirst), and skip wordAfter's call. (Its body keeps its line
// offsets, which the profile-guided build matches its calls by.)
func (s *qscanner) numberWordAt(i, e int) bool {
	t := s.text
	if i > 0 && (qDigit(t[i-1]) || t[i-1] == '-') {
		return false
	}
	if e-i <= 2 {
		if t[i]|0x20 != 'a' || (e-i == 2 && t[i+1]|0x20 != 'n') ||
			e+1 < len(t) && t[e] == ' ' && qVisible[t[e+1]] && !qAfterAFirst[t[e+1]] {
			return false
		}
		q, qe := s.wordAfter(e)
		if q == e || qe == q || !afterAShape.has(t[q:qe]) {
			return false
		}
		d, ok := unitWordMap.get(t[q:qe])
		_, frac := fractionWordMap.get(t[q:qe])
		return (ok && d.kind == lexScale) || frac
	}
	if !numberWordShape.has(t[i:e]) {
		return false
	}
	_, ok := numberWordMap.get(t[i:e])
	return ok || e-i == 4 && qHasWordFold(t, i, "half")
}

// qAfterAFirst marks the letters, in either case, that start a word
// afterAShape may hold ("million", "third"): the printable bytes it leaves
// out start no word that makes "a" a number.
var qAfterAFirst = afterAShape.firstLetters()

// figure reads the figure whose number starts at i and reports it when it
// passes every check. It returns where scanning resumes, always after i.
func (s *qscanner) figure(i int, word bool) int {
	// a and b live in the scanner and part fills them in place: a qpart
	// is some fifteen words, and returning one by value copied it on
	// every call, as zeroing two here did. part sets every field of
	// what it reads, and b is read only once part has read a range's
	// second number into it.
	a, b := &s.parts[0], &s.parts[1]
	if !s.part(i, word, a) {
		return max(a.end, i+1)
	}
	t := s.text

	// Look-behind: the opening word of a range. A qualifier is looked for
	// only once the figure is kept and is no range (below): a third of
	// the figures read here are dropped, and the qualifier, which no check
	// in between reads, cost them a fifth of their time. No qualifier
	// ends in "between" or "from" (TestQualifierNotIntro), so the word
	// before the number is never both.
	intro, introStart := "", a.start
	// Only a word of four or seven letters can be "from" or "between":
	// the others are not folded. The word is looked for only when the
	// byte before the blanks can end one of them ("m", "n", or the dot
	// prevWord steps over): a year, which is dropped below, then never
	// reads it, and the rest read it later, from prevWord's memo.
	if b := s.trimBack(a.start); b > 0 && qIntroLast[t[b-1]] {
		if ws, we := s.prevWord(a.start); we-ws == 4 || we-ws == 7 {
			switch w := qWordLower(t[ws:we]); w {
			case "between", "from":
				intro, introStart = w, ws
			}
		}
	}

	// A range: "6-7%", "3.2 to 4.1 pct", "between 6% and 7%".
	isRange := false
	if !a.fraction && !s.noConnectorAt(a.end) {
		// After a verb of change, "X to Y" is where a figure went, not a
		// range: "cut 5 to 3 pct", "rose from $50.3 billion to $89.4
		// billion", and, with a unit of its own on X, a few words after
		// the verb: "raised butane prices 5.50 dlrs to 123 dlrs".
		if bs, conn := s.rangeSecond(a.end, intro); bs >= 0 && !(conn == 't' && (intro == "" && (s.changeBefore(a.start) || a.kind != lexNone && s.changedFrom(a.start)) || intro == "from" && s.changedFrom(introStart))) {
			s.second = true
			bok := s.part(bs, !qDigit(t[bs]), b)
			s.second = false
			if bok {
				joinAs := intro
				if intro == "from" && s.fromIsRange(introStart) {
					joinAs = "between" // "ranged from 6-3/16 to 6-1/8 pct": either order
				}
				switch s.joinRange(a, b, joinAs, conn) {
				case joinRange:
					isRange = true
				case joinDrop:
					return max(b.end, i+1)
				}
			}
		}
	}

	if !isRange {
		// "in 1987", "Feb 26": a year or a day after a month, which keep
		// would drop, is dropped before listUnit and keep read it. The
		// answer cannot change: listUnit returns at once for a year-like
		// number, and it copies a sign only from a following number that
		// starts at a digit, never a signed one, while keep's test for a
		// day after a month does not look at the unit.
		if a.yearLike() || a.plain && a.mant <= 31 && !a.signed && s.monthBefore(a.numStart) {
			return max(a.end, i+1)
		}
		s.listUnit(a, 0)
	}
	if !s.keep(a, isRange, b) {
		if isRange {
			return max(b.end, i+1)
		}
		return max(a.end, i+1)
	}

	last := a
	if isRange {
		last = b
	}
	q := Quantity{Span: Span{a.start, last.end}}
	if isRange {
		q.IsRange = true
		q.Low, q.High = a.value(), b.value()
		if q.Low > q.High {
			q.Low, q.High = q.High, q.Low
		}
		if intro != "" {
			q.Span.Start = introStart
		}
	} else {
		q.Value = a.value()
		if qual, qualStart := s.qualifierBefore(a.start); qual != "" {
			q.Qualifier, q.Span.Start = qual, qualStart
		}
	}
	q.Unit, q.Counted = s.unitOf(last, q.Span.Start)
	if q.Unit == "count" { // most figures kept are no count: one compare
		if q.Counted == "" {
			q.Counted = s.headNoun(last.end)
			if !isRange && a.alt != 0 && q.Counted != "" {
				// "5.903 trains": no fraction of a train; the dot groups thousands.
				q.Value = float64(a.alt)
			}
		}
		if last.kind == lexCount && !isRange && a.alt != 0 {
			q.Value = float64(a.alt)
		}
		if q.Counted == "" && (last.scaled || a.plain && s.comparedAfter(q.Span.Start)) {
			q.Unit, q.Counted = s.comparedUnit(q.Span.Start)
		}
		if q.Unit == "count" && q.Counted == "" && !isRange {
			q.Counted = s.labelNoun(q.Span.Start)
			if q.Counted == "" {
				q.Counted = s.reachedNoun(q.Span.Start)
			}
		}
		if q.Unit == "count" && q.Counted == "" && !isRange && a.plain && a.digits >= 4 && !a.scaled {
			// "system 6800", "Fortune 500": a long bare number
			// counting nothing is a model or an id; a count would
			// have a comma.
			return max(a.end, i+1)
		}
	}
	if !rateWordsAbsent(t, last.end) {
		rate, rateEnd := s.rateAfter(last.end)
		q.Rate = rate
		if rateEnd > 0 {
			q.Span.End = rateEnd
		}
	}
	s.out = append(s.out, q)
	s.floor = q.Span.End
	return q.Span.End
}

// qIntroLast marks the bytes that may end the word before a figure when
// that word is "from" or "between": their last letters in either case, and
// the abbreviation dot prevWord steps over.
var qIntroLast = [256]bool{'m': true, 'M': true, 'n': true, 'N': true, '.': true}

// dateChain returns where scanning resumes after a chain of three numbers
// joined by dashes starting at i ("1987-02-26", "978-3-16"), or 0 when
// there is none: the end of its third number, or of its second when the
// third is no plain number. A chain is a date or an id: figure would read
// its first two numbers as a range, two parts, for joinRange to drop them
// (joinDrop), and every Reuters story opens with such a date. It answers
// only where that is the certain outcome, and returns where figure would
// then resume: the first number follows a blank or starts the text, so
// prefixOK lets it through, and neither dash starts a fraction ("7-3/4")
// that numeral would read.
//
// numeral asks it (through numeralFraction) for the first number of a
// figure and for a number listUnit reads after a comma, "and" or "or":
// there the chain would come out of part unsigned and without a unit,
// which gives listUnit nothing to take.
//
// ja is the end of the first number's digits, which numeral has read.
func (s *qscanner) dateChain(i, ja int) int {
	t := s.text
	if i > 0 && t[i-1] != ' ' && t[i-1] != '\n' {
		return 0
	}
	if ja-i > 15 || ja+1 >= len(t) || t[ja] != '-' || !qDigit(t[ja+1]) {
		return 0
	}
	jb := qDigitsEnd(t, ja+1)
	if jb-ja > 16 || jb+1 >= len(t) || t[jb] != '-' || !qDigit(t[jb+1]) {
		return 0
	}
	// The third number's digits, read once for the two tests below.
	k := qDigitsEnd(t, jb+1)
	// qFraction's test at the second dash: at most three digits, then "/".
	if k-jb-1 <= 3 && k < len(t) && t[k] == '/' {
		return 0
	}
	// "[25]: 1987-…": prefixOK drops the number after a citation. Most
	// chains have no colon in reach, and skip the walk back over the
	// blanks before them: the blanked "Date:" label before the date that
	// opens every Reuters story cost this test two thirds of its time.
	if colonBefore(t, i) {
		if b := s.trimBack(i); b > 1 && t[b-1] == ':' && t[b-2] == ']' {
			return 0
		}
	}
	// The chain's third number, the "26" glued to the dash, would be read
	// next as a figure of its own, for prefixOK to drop it and figure to
	// resume after its letters and digits: resume there at once. That is
	// certain when numeral reads it as plain digits: no decimal part, no
	// dash or slash after it, at most 15 digits. Most chains end at a
	// blank or a line end, where no letter or digit goes on.
	if k-jb-1 <= 15 && !dashOrSlashAt(t, k) && !(k+1 < len(t) && (t[k] == ',' || t[k] == '.') && qDigit(t[k+1])) {
		if k == len(t) || !isLetter(t[k]) {
			return k
		}
		return qAlnumEnd(t, k)
	}
	return jb
}

// colonBefore reports whether a colon lies among the 16 bytes before
// offset i of t (among all of them when fewer): dateChain looks for a
// citation's colon before the blanks qTrimBack steps back over, at most
// 10 bytes, only then.
func colonBefore(t string, i int) bool {
	if i < 16 {
		return strings.IndexByte(t[:i], ':') >= 0
	}
	// A byte of x is zero where t has a colon; the test finds whether
	// any is, with no false alarm when none is.
	const lo = 0x0101010101010101
	x, y := load8(t, i-16)^(':'*lo), load8(t, i-8)^(':'*lo)
	return ((x-lo)&^x|(y-lo)&^y)&swarHi != 0
}

// changeBefore reports whether a change verb comes right before offset i:
// "jumped 2-7/8 to 73" is a change and its new level, not a range.
func (s *qscanner) changeBefore(i int) bool {
	ws, we := s.prevWord(i)
	return we > ws && changeSet.has(s.text[ws:we])
}

// changedFrom reports whether the word at i (a "from", or a figure with a
// unit) follows a verb of change within the few words before it, in the
// same clause: "rose from", "raised its price from", "cut the rate on
// deposits from", "raised prices 5.50 dlrs to 123 dlrs". Its "from X to Y"
// or "X to Y" is then where a figure went, two figures, not a range. "up
// from" and "down from" name an old value, which may itself be a range
// ("down from 2.4 to 2.7 mln tonnes"), and "ranged from" is a range
// whatever its order.
func (s *qscanner) changedFrom(i int) bool {
	t := s.text
	for n := 0; n < 5; n++ {
		ws, we := s.prevWordAt(i)
		if we <= ws || strings.TrimLeft(t[we:i], " ") != "" {
			return false // a number, a comma or a bracket ends the clause
		}
		switch w := qWordLower(t[ws:we]); {
		case changedFromVerbs[w]:
			return true
		case n == 0 && (w == "up" || w == "down" || rangeVerbs[w]):
			return false
		}
		i = ws
	}
	return false
}

// fromIsRange reports whether the "from" at i follows a verb that makes
// its "from X to Y" a range in either order: "ranged from 6-3/16 to 6-1/8
// pct".
func (s *qscanner) fromIsRange(i int) bool {
	ws, we := s.prevWordAt(i)
	return we > ws && rangeVerbs[qWordLower(s.text[ws:we])]
}

// changedFromVerbs are the verbs of change that put a figure's old value
// after "from".
var changedFromVerbs = map[string]bool{
	"rose": true, "fell": true, "gained": true, "lost": true, "dropped": true, "climbed": true,
	"increased": true, "decreased": true, "declined": true, "jumped": true, "slipped": true,
	"edged": true, "eased": true, "grew": true, "cut": true, "raised": true, "lowered": true,
	"reduced": true, "lifted": true, "boosted": true, "increase": true, "reduce": true,
	"cutting": true, "widened": true, "narrowed": true, "expanded": true, "revised": true,
	"changed": true, "soared": true, "surged": true, "plunged": true, "tumbled": true,
	"doubled": true, "tripled": true, "halved": true, "grown": true, "risen": true, "fallen": true,
}

// rangeVerbs make "from X to Y" a range.
var rangeVerbs = map[string]bool{"range": true, "ranged": true, "ranges": true, "ranging": true, "varied": true, "varying": true}

// listUnit gives a bare number the unit of the next number in a list, where
// writers state it once: "at 35 and 45 dlrs", "1,870, 1,875 and 1,880 dlrs",
// "21,000 and 7,000 tonnes".
func (s *qscanner) listUnit(a *qpart, depth int) {
	if depth > 5 || a.kind != lexNone || a.signed || a.word || a.yearLike() {
		return
	}
	t := s.text
	q := s.skipBlank(a.end)
	comma := q < len(t) && t[q] == ','
	if comma {
		q = s.skipBlank(q + 1)
	}
	// Most figures are followed by neither word: their first letter,
	// folded, turns them away before qHasWordFold.
	c := byte(0)
	if q < len(t) {
		c = t[q] | 0x20
	}
	switch {
	case c == 'a' && qHasWordFold(t, q, "and"):
		q = s.skipBlank(q + 3)
	case c == 'o' && qHasWordFold(t, q, "or"):
		q = s.skipBlank(q + 2)
	case !comma:
		return
	}
	if q >= len(t) || !qDigit(t[q]) {
		return
	}
	var b qpart
	if !s.part(q, false, &b) {
		return
	}
	s.listUnit(&b, depth+1)
	if b.kind == lexNone && !b.signed || b.yearLike() || b.notQty {
		return
	}
	if a.scaled && b.kind == lexPercent {
		return // "a deficit of 23.3 billion, or 5.5 pct of imports": no billion is a percentage
	}
	a.unit, a.kind, a.signed = b.unit, b.kind, b.signed
	if !a.scaled && b.scaled && a.raw() <= b.raw() {
		a.mult *= scaleOf(&b)
		a.scaled = true
	}
}

// labelNoun returns what a figure counts when a label names it: "Vessel
// arrivals: 164,000" counts arrivals. The label's last word must be a
// plural noun; otherwise, or without a colon right before the figure, "".
func (s *qscanner) labelNoun(i int) string {
	t := s.text
	p := i - 1
	for p >= 0 && (t[p] == ' ' || t[p] == '\t') {
		p--
	}
	if p < 1 || t[p] != ':' {
		return ""
	}
	we := p
	ws := we
	for ws > 0 && isLetter(t[ws-1]) {
		ws--
	}
	if we-ws < 4 || t[we-1] != 's' || t[we-2] == 's' || (ws > 0 && t[ws-1] != ' ') {
		return ""
	}
	return strings.ToLower(t[ws:we])
}

// reachedNoun returns what a bare figure counts when the clause before it
// says so with a verb of total: "arrivals from China reached 96,400",
// "visitors numbered 12,000". It reads back from the verb over at most four
// words to a noun that counts people or things an economy has (see
// economyCounts); otherwise "".
func (s *qscanner) reachedNoun(i int) string {
	// The word before a figure with no qualifier is the one keep and
	// qualifierBefore read: prevWord's memo holds it.
	ws, we := s.prevWord(i)
	if we <= ws {
		return ""
	}
	// Every verb of total but "hit" ends in "d": the others are not folded.
	if c := s.text[we-1] | 0x20; c != 'd' && c != 't' {
		return ""
	}
	switch qWordLower(s.text[ws:we]) {
	case "reached", "totalled", "totaled", "numbered", "topped", "exceeded", "hit":
	default:
		return ""
	}
	for n := 0; n < 4; n++ {
		ps, pe := s.prevWordAt(ws)
		if pe <= ps || strings.ContainsAny(s.text[pe:ws], ".,;:!?\n") {
			return ""
		}
		if w := strings.ToLower(s.text[ps:pe]); economyCounts.hasLower(w) {
			return w
		}
		ws = ps
	}
	return ""
}

// comparedUnit returns the unit (and for a count, what is counted) a bare
// number at i, scaled or right after a comparison, takes from the figure
// it is compared with: "3 billion kWh this year, up from 2.4 billion", "15
// million visitors a year, up from 6.6 million", "420 dlrs, compared with
// 385". It is "count" (no unit) unless a comparison comes right
// before it (see comparedAfter) and the figure before it, in the same
// sentence and a few words back, has a unit.
func (s *qscanner) comparedUnit(i int) (unit, counted string) {
	t := s.text
	n := len(s.out)
	if n == 0 {
		return "count", ""
	}
	prev := &s.out[n-1]
	switch prev.Unit {
	case "%", "pp", "points":
		return "count", ""
	case "count":
		if prev.Counted == "" {
			return "count", ""
		}
	}
	ws, we := s.prevWord(i)
	if we <= ws {
		return "count", ""
	}
	// A sum of money is stated once and its currency left off after:
	// "exports of 19.8 billion dlrs and imports of 14.6 billion".
	if !s.comparedAfter(i) && !isCurrencyCode(prev.Unit) {
		return "count", ""
	}
	gap := t[prev.Span.End:ws]
	if len(gap) > 80 || strings.ContainsAny(gap, ".;!?\n") {
		return "count", ""
	}
	return prev.Unit, prev.Counted
}

// comparedAfter reports whether the word before offset i compares the
// number there with a figure before it: "612 ship calls, up from 548",
// "74 flights a week, compared with 29". A bare number takes the unit of
// that figure only then (see comparedUnit); a scaled one ("up 2.4
// billion") may take it after any word.
func (s *qscanner) comparedAfter(i int) bool {
	ws, we := s.prevWord(i)
	if we <= ws {
		return false
	}
	switch qWordLower(s.text[ws:we]) {
	case "from", "against", "vs", "versus", "than":
		return true
	case "with":
		ps, pe := s.prevWord(ws)
		return pe > ps && qWordLower(s.text[ps:pe]) == "compared"
	}
	return false
}

// isCurrencyCode reports whether u is an ISO currency code, the Unit of a
// sum of money.
func isCurrencyCode(u string) bool {
	return len(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z' && u != "TEU" && u != "FEU"
}

// unitOf returns the Unit and Counted of a finished figure.
func (s *qscanner) unitOf(p *qpart, start int) (unit, counted string) {
	switch p.kind {
	case lexNone:
		return "count", ""
	case lexCount:
		return "count", p.unit
	case lexPoints:
		// "rose 2 points" is a change of a rate; "index at 2,000 points"
		// is a level.
		if ws, we := s.prevWord(start); we > ws && changeSet.has(s.text[ws:we]) {
			return "pp", ""
		}
		return "points", ""
	}
	return p.unit, ""
}

// keep applies the checks that need the whole figure: spelled-out numbers
// must carry a unit, years and dates and labels are dropped.
func (s *qscanner) keep(a *qpart, isRange bool, b *qpart) bool {
	t := s.text
	if a.notQty || (isRange && b.notQty) {
		return false
	}
	last := a
	if isRange {
		last = b
	}
	if !spelledOK(a, last) || isRange && !spelledOK(b, last) {
		return false
	}
	if a.fraction {
		return true
	}
	bare := !last.signed && !last.scaled && last.kind == lexNone
	if a.yearLike() && (!isRange || b.yearLike()) && !last.signed && !last.scaled {
		switch last.kind {
		case lexNone, lexDuration:
			return false
		}
	}
	if a.word {
		return true
	}
	if !a.signed {
		// The sets' shapes turn away most words before any is folded.
		ws, we := s.prevWord(a.numStart)
		// "Article 5", "page 215", "pp. 45–47", "Phase 2".
		if b := s.trimBack(a.numStart); (we == b || we+1 == b && t[we] == '.') && labelSet.has(t[ws:we]) {
			return false
		}
		// "Feb 26", "January 3, 1992", "9 July 2020".
		if a.plain && a.mant <= 31 {
			if we > ws && qUpper(t[ws]) && monthSet.has(t[ws:we]) {
				return false
			}
			ns := s.skipBlank(a.numEnd)
			if ns < len(t) && qUpper(t[ns]) {
				if monthSet.has(t[ns:qLetterEnd(t, ns)]) {
					return false
				}
			}
		}
	}
	if !bare {
		return true
	}
	// What follows applies to bare numbers only: a unit would make them a
	// quantity whatever the context.
	if a.plain && (a.digits >= 7 || (a.digits > 1 && t[a.numStart] == '0')) {
		return false // an id or a code: "0044", "20241106"
	}
	// "  Harvested   2.38    2.38": a cell of a table laid out with
	// spaces. Prose puts one space around its figures.
	if s.tableCell(a.numStart, last.end) {
		return false
	}
	// "April 1, 2 and 3": more days of a month.
	if a.plain && a.mant <= 31 && s.dayList(a.numStart) {
		return false
	}
	if a.plain && s.phoneGroup(a.numStart) {
		return false // "+998 71 238 50 10": the groups after the country code
	}
	before := s.trimBack(a.numStart)
	if before > 0 {
		switch t[before-1] {
		case ',':
			// "Johnstone, 54, is now president", "said Mr Lee, 62.": an
			// age after a name.
			if ws, we := s.prevWord(before - 1); we > ws && qUpper(t[ws]) && a.plain && a.digits == 2 &&
				last.end < len(t) && (t[last.end] == ',' || t[last.end] == '.' || t[last.end] == ';') {
				return false
			}

		case '+':
			return false // "+852 2123 4567"
		case '(':
			if after := s.skipBlank(last.end); after < len(t) && t[after] == ')' && a.plain {
				return false // "(1)", "(30)": a list mark or a year in brackets
			}
		}
	}
	// "1. The Landlocked…", "2) Institutional", "3 Capital Scale": list
	// numerals and numbered headings at the start of a line.
	if s.atLineStart(a.numStart) && a.plain && !isRange {
		e := a.numEnd
		if e < len(t) && (t[e] == '.' || t[e] == ')') && (e+1 >= len(t) || !qDigit(t[e+1])) {
			return false
		}
		if ns := s.skipBlank(e); ns > e && ns < len(t) && qUpper(t[ns]) {
			return false
		}
	}
	return true
}

// phoneGroup reports whether the number at i is a later group of an
// international phone number, as "71" or "238" in "+998 71 238 50 10" and
// "356" in "+7 (727) 356 14 20": going back over groups of up to four
// digits, each behind a blank, a hyphen, a dot or brackets, it reaches a
// "+". keep drops the first group by the "+" before it.
func (s *qscanner) phoneGroup(i int) bool {
	t := s.text
	for range 6 {
		j := i
		for j > 0 && i-j < 3 && (t[j-1] == ' ' || t[j-1] == '-' || t[j-1] == '.' || t[j-1] == '(' || t[j-1] == ')') {
			j--
		}
		if j == i || j == 0 || !qDigit(t[j-1]) {
			return false
		}
		k := j - 1
		for k > 0 && qDigit(t[k-1]) {
			k--
		}
		if j-k > 4 {
			return false
		}
		if k > 0 && t[k-1] == '+' {
			return true
		}
		i = k
	}
	return false
}

// spelledOK reports whether part p of a figure whose last part is last may
// be kept as far as its spelling goes: a spelled-out number must carry a
// unit.
func spelledOK(p, last *qpart) bool {
	if !p.word || p.fraction || p.scaled {
		return true
	}
	switch last.kind {
	case lexCurrency, lexPercent, lexPP, lexMeasure:
		return true
	case lexNone, lexCount:
		// "three hundred containers" is a count, as "two cities" is
		// not: nobody spells out hundreds for nothing.
		return p.mant >= 100 && p.frac == 0
	}
	return false // "two cities", "five years"
}

// monthBefore reports whether the word before offset i is the name of a
// month, "Feb 26": the number at i is a day, which keep drops when it is
// plain and unsigned.
func (s *qscanner) monthBefore(i int) bool {
	ws, we := s.prevWord(i)
	return we > ws && qUpper(s.text[ws]) && monthSet.has(s.text[ws:we])
}

// tableCell reports whether the bare number t[i:e] stands between runs of
// blanks, as in a table: two or more before it, and two or more or a line
// end after it.
func (s *qscanner) tableCell(i, e int) bool {
	t := s.text
	if i < 2 || t[i-1] != ' ' && t[i-1] != '\t' || t[i-2] != ' ' && t[i-2] != '\t' {
		return false
	}
	return e >= len(t) || t[e] == '\n' || t[e] == '\r' ||
		e+1 < len(t) && (t[e] == ' ' || t[e] == '\t') && (t[e+1] == ' ' || t[e+1] == '\t' || t[e+1] == '\n')
}

// dayList reports whether the number at i continues a list of days after
// a month name: the "2" of "April 1, 2 and 3".
func (s *qscanner) dayList(i int) bool {
	t := s.text
	for n := 0; n < 4; n++ {
		b := qTrimBack(t, i)
		switch {
		case b > 0 && t[b-1] == ',':
			b = qTrimBack(t, b-1)
		case b >= 3 && qHasWordFold(t, b-3, "and") && (b == 3 || !isLetter(t[b-4])):
			b = qTrimBack(t, b-3)
		default:
			return false
		}
		d := b
		for d > 0 && b-d < 2 && qDigit(t[d-1]) {
			d--
		}
		if d == b {
			return false
		}
		if ws, we := s.prevWord(d); we > ws && qUpper(t[ws]) && monthSet.has(t[ws:we]) {
			return true
		}
		i = d
	}
	return false
}

// atLineStart reports whether only blanks and bullet marks come before i on
// its line.
func (s *qscanner) atLineStart(i int) bool {
	t := s.text
	for k := i - 1; k >= 0; k-- {
		if i-k > 32 {
			return false
		}
		switch c := t[k]; c {
		case '\n':
			return true
		case ' ', '\t', '*', '-', '#', '>', '(', '\r':
		default:
			if c < 0x80 {
				return false
			}
			// Bullets (•, ·, ▪) and other symbols: step over them.
		}
	}
	return true
}

// joinResult is what joinRange decided.
type joinResult int

const (
	joinNone  joinResult = iota // not a range: report the first part alone
	joinRange                   // a range
	joinDrop                    // a date, a year range or an id: report nothing
)

// noConnectorAt reports, without a call, what rangeSecond(e, …) would
// find at once: that the printable byte after at most one space at e
// starts no range connector. Most figures are followed by a word or a
// punctuation mark, and skip the call.
func (s *qscanner) noConnectorAt(e int) bool {
	t := s.text
	if e < len(t) && t[e] == ' ' {
		e++
	}
	return e < len(t) && qNoConnector[t[e]]
}

// qNoConnector marks the printable ASCII bytes that start no connector
// rangeSecond reads: all but "-" and the first letters of "to" and "and".
// The en dash is no ASCII, and is left to rangeSecond.
var qNoConnector = func() (tab [256]bool) {
	for c := 0; c < 256; c++ {
		tab[c] = qVisible[c] && c != '-' && c|0x20 != 't' && c|0x20 != 'a'
	}
	return tab
}()

// rangeSecond looks for the connector of a range after the first part,
// which ends at aEnd ("-", "–", "to", or "and" after "between") and returns
// where the second number (or its currency sign) starts, or -1. conn is the
// connector's first byte.
func (s *qscanner) rangeSecond(aEnd int, intro string) (int, byte) {
	t := s.text
	q := s.skipBlank(aEnd)
	if q >= len(t) {
		return -1, 0
	}
	var conn byte
	switch {
	case t[q] == '-':
		conn = '-'
		q++
	case strings.HasPrefix(t[q:], "–"): // en dash
		conn = '-'
		q += len("–")
	case t[q]|0x20 == 't' && qHasWordFold(t, q, "to"): // the letter first: most words are neither
		if intro == "between" {
			return -1, 0
		}
		conn = 't'
		q += 2
	case t[q]|0x20 == 'a' && qHasWordFold(t, q, "and"):
		if intro != "between" {
			return -1, 0
		}
		conn = 'a'
		q += 3
	default:
		return -1, 0
	}
	if conn != '-' || q > aEnd+1 {
		r := s.skipBlank(q)
		if conn != '-' && r == q {
			return -1, 0 // "to" must be a word
		}
		q = r
	} else {
		q = s.skipBlank(q)
	}
	if q >= len(t) {
		return -1, 0
	}
	// Step over a currency sign to the number: "$1.5 to $2 billion".
	k := q
	for k < len(t) && k < q+6 && !qDigit(t[k]) && t[k] != ' ' && !isLetter(t[k]) {
		k++
	}
	if k < len(t) && k < q+6 && isLetter(t[k]) {
		// Either a code ("HK$", "USD 5") or a spelled-out number ("seven").
		e := qLetterEnd(t, k)
		if e < len(t) && t[e] == '$' {
			k = e + 1
		} else if _, ok := isoCode(t[k:e]); ok {
			k = s.skipBlank(e)
		} else if s.numberWordAt(k, e) && k == q {
			return k, conn
		}
	}
	if k < len(t) && t[k] == ' ' && k > q {
		k++
	}
	if k < len(t) && qDigit(t[k]) {
		return k, conn
	}
	return -1, 0
}

// joinRange decides whether parts a and b make one range, and moves the
// shared unit and scale onto the part that lacks them ("6-7%": a gets %;
// "1.5-2 billion dollars": a gets the billion and the dollars).
func (s *qscanner) joinRange(a, b *qpart, intro string, conn byte) joinResult {
	t := s.text
	// "2024-11-06", "978-3-16", "1986/87-88": a chain of numbers is a date
	// or an id, not a range.
	if e := b.numEnd; e+1 < len(t) && (t[e] == '-' || t[e] == '/') && qDigit(t[e+1]) && conn == '-' {
		return joinDrop
	}
	if a.yearLike() && b.yearLike() {
		return joinDrop // "2020-2025", "between 2020 and 2025", "from 2015 to 2017"
	}
	if a.word != b.word {
		return joinNone
	}
	// "profits rose in 1986 to 495 billion rupiah": a year, then a figure.
	if a.yearLike() && (conn != '-' || !b.plain || b.digits != 4) {
		return joinNone
	}
	if a.kind == lexNone && !a.signed {
		a.unit, a.kind, a.signed = b.unit, b.kind, b.signed
		if b.kind != lexCount && b.kind != lexNone {
			a.mult *= b.mult / scaleOf(b)
		}
	} else if b.kind == lexNone && !b.signed && !b.scaled && intro == "between" {
		b.unit, b.kind, b.mult = a.unit, a.kind, a.mult
	} else if b.kind == lexNone && !b.signed && a.signed && a.kind == lexCurrency {
		// "HK$3-5 billion", "$3 to 5 billion": the sign before the first
		// number is the whole range's, and so is the scale after the last.
		b.unit, b.kind, b.signed = a.unit, a.kind, true
	} else if a.unit != b.unit || a.kind != b.kind {
		return joinNone
	}
	if !a.scaled && b.scaled && a.raw() <= b.raw() {
		a.mult *= scaleOf(b)
		a.scaled = true
	}
	if a.plain && b.plain && a.kind == lexNone && a.digits >= 4 && b.digits >= 4 && conn == '-' {
		return joinDrop // "1234-5678": a phone number or an id
	}
	if a.value() > b.value() && (intro == "" || intro == "from") {
		// "from 600 mln dlrs to 230 mln dlrs": nobody writes a range
		// from high to low; it is a fall.
		if conn == '-' && intro == "" {
			return joinDrop // "1986-87", a score "3-1"
		}
		return joinNone // "cut 5 pct to 3 pct": a change, not a range
	}
	return joinRange
}

// scaleOf returns the scale factor that part p read (1 when none).
func scaleOf(p *qpart) float64 {
	if !p.scaled {
		return 1
	}
	f := p.mult
	if p.kind != lexNone && p.kind != lexCount {
		// The unit may carry its own factor ("kt"): take it out.
		if d, ok := unitWords[strings.ToLower(p.unit)]; ok && d.kind == p.kind {
			f /= d.factor()
		}
	}
	return f
}

// part reads one number at i, with its sign, suffix, scale and unit. When it
// returns false, p.end is where scanning should resume.
func (s *qscanner) part(i int, word bool, p *qpart) bool {
	*p = qpart{mult: 1}
	if word {
		if !s.wordNumeral(i, p) {
			return false
		}
		if p.fraction {
			return true
		}
	} else if !s.numeral(i, p) {
		return false
	}
	t := s.text

	if !word && !s.prefixOK(p) {
		p.end = qAlnumEnd(t, p.numEnd)
		return false
	}
	p.start = p.numStart
	if code, st := s.signBefore(p.numStart); code != "" {
		p.unit, p.kind, p.signed, p.start = code, lexCurrency, true, st
	}
	p.end = p.numEnd
	// Most numbers have no letter glued after them, and skip the call.
	if !word && p.numEnd < len(t) && isLetter(t[p.numEnd]) && !s.suffix(p) {
		return false
	}
	return s.unitAfter(p)
}

// numeral reads the digits at i: thousands separators, a decimal point or
// comma, a leading ".5", a fraction "3/4" or "7-3/4".
func (s *qscanner) numeral(i int, p *qpart) bool {
	t := s.text
	start := i
	// ".125 dlrs": a decimal point with nothing before it.
	if i > s.floor && t[i-1] == '.' && (i-1 == 0 || t[i-2] == ' ' || t[i-2] == '$' || t[i-2] == '(' || t[i-2] == '\n') {
		start = i - 1
	}
	if start == i {
		// Most numbers are a plain run of digits ("15", "1987"): read
		// those in one pass that adds up the value as it goes, without
		// the groups and separators below.
		j := i
		var m uint64
		for j < len(t) && qDigit(t[j]) {
			m = m*10 + uint64(t[j]-'0')
			j++
		}
		if !(j+1 < len(t) && (t[j] == ',' || t[j] == '.') && qDigit(t[j+1])) {
			p.numStart, p.numEnd, p.end = i, j, j
			if j-i > 15 {
				return false // an id, not a figure
			}
			p.plain, p.digits, p.mant = true, j-i, m
			return !dashOrSlashAt(t, j) || s.numeralFraction(i, j, p)
		}
		// Next most common are two groups, "155,221" and "5.93": they
		// are read on in the same pass, and decided as the general code
		// below decides two groups, without its group arrays.
		sep, k := t[j], j+1
		for k < len(t) && qDigit(t[k]) {
			m = m*10 + uint64(t[k]-'0')
			k++
		}
		if !(k+1 < len(t) && (t[k] == ',' || t[k] == '.') && qDigit(t[k+1])) {
			p.numStart, p.numEnd, p.end = i, k, k
			lead, tail := j-i, k-j-1 // digits before and after the separator
			if lead+tail > 15 {
				return false // an id, not a figure (m may have wrapped)
			}
			switch {
			case sep == ',' && lead >= 1 && lead <= 3 && tail == 3:
				// "155,221": the comma groups thousands.
			case sep == '.' && lead >= 1 && lead <= 3 && tail == 3 && t[i] != '0':
				p.frac, p.alt = tail, m // "5.903": decided once the unit is known
			default:
				p.frac = tail // "5.93", "2,8 million tonnes"
			}
			p.mant = m
			return !dashOrSlashAt(t, k) || s.numeralFraction(i, k, p)
		}
	}
	var (
		groups [12]int  // digit count of each group
		seps   [12]byte // the separator before each group
		ng     int
		total  int
	)
	j := i
	for {
		k := j
		for k < len(t) && qDigit(t[k]) {
			k++
		}
		groups[ng] = k - j
		total += k - j
		ng++
		j = k
		if j+1 < len(t) && (t[j] == ',' || t[j] == '.') && qDigit(t[j+1]) {
			if ng == len(groups) {
				// "0,0,0,0,…": a list or a code, not a number. Skip all of it.
				for j < len(t) && (qDigit(t[j]) || (t[j] == ',' || t[j] == '.') && j+1 < len(t) && qDigit(t[j+1])) {
					j++
				}
				p.end = j
				return false
			}
			seps[ng] = t[j]
			j++
			continue
		}
		break
	}
	p.numStart, p.numEnd, p.end = start, j, j
	if total > 15 {
		return false // an id, not a figure
	}
	// Decide which separator is the decimal point.
	dec := byte(0) // the decimal separator, 0 for none
	commas, dots := 0, 0
	for g := 1; g < ng; g++ {
		if seps[g] == ',' {
			commas++
		} else {
			dots++
		}
	}
	groups3 := func(from, to int) bool { // groups [from, to) all have 3 digits
		for g := from; g < to; g++ {
			if groups[g] != 3 {
				return false
			}
		}
		return true
	}
	lead := groups[0] >= 1 && groups[0] <= 3
	switch {
	case start < i: // ".125"
		if ng > 1 {
			return false
		}
		p.frac = groups[0]
	case ng == 1:
		p.plain, p.digits = true, groups[0]
	case dots == 0: // commas only
		switch {
		case lead && groups3(1, ng):
		case ng == 2:
			dec = ',' // "2,8 million tonnes"
		default:
			return false // "1,2,3": a list
		}
	case commas == 0: // dots only
		switch {
		case ng == 2:
			dec = '.'
			if lead && groups[1] == 3 && t[i] != '0' {
				p.alt = 1 // "5.903": decided once the unit is known
			}
		case lead && groups3(1, ng):
		default:
			return false // "1.2.3", "26.02.1987": a version or a date
		}
	case seps[ng-1] == '.' && commas == ng-2 && lead && groups3(1, ng-1):
		dec = '.' // "1,234.5"
	case seps[ng-1] == ',' && dots == ng-2 && lead && groups3(1, ng-1):
		dec = ',' // "1.234,5"
	default:
		return false
	}
	// Accumulate the digits; every figure has at most 15, so this is exact.
	// The decimal places are the digits after the decimal separator; alt
	// reads every separator as a thousands one ("5.903" as 5903).
	var m uint64
	for k := i; k < j; k++ {
		if c := t[k]; qDigit(c) {
			m = m*10 + uint64(c-'0')
		} else if c == dec {
			p.frac = j - k - 1
		}
	}
	p.mant = m
	if p.alt != 0 {
		p.alt = m
	}
	return !dashOrSlashAt(t, j) || s.numeralFraction(i, j, p)
}

// dashOrSlashAt reports whether t[j] is a dash or a slash, the bytes after
// which numeralFraction reads: numeral tests it first, as most numbers are
// followed by neither ('-' and '/' differ only in bit 1).
func dashOrSlashAt(t string, j int) bool { return j < len(t) && t[j]|2 == '/' }

// numeralFraction reads what may follow the digits t[i:j] that numeral
// read into p: a fraction, "7-3/4 pct" (Reuters), "1/2 pct"; a slash that
// makes them a date or a ratio, "1986/87", which it rejects; or a chain of
// dash-joined numbers that dateChain drops whole, "1987-02-26". Its callers
// have seen a dash or slash at t[j], so j < len(t).
func (s *qscanner) numeralFraction(i, j int, p *qpart) bool {
	t := s.text
	// "1987-02-26": a chain of numbers certain to be dropped whole is
	// dropped before the rest of the part is read. A range's second
	// number is left to joinRange.
	if t[j] == '-' && p.plain && !s.second {
		if e := s.dateChain(i, j); e > 0 {
			p.end = e
			return false
		}
	}
	// Fractions: "7-3/4 pct" (Reuters), "1/2 pct".
	if j+3 < len(t) && t[j] == '-' && p.plain && qDigit(t[j+1]) {
		if n, d, e, ok := qFraction(t, j+1); ok {
			p.extra = float64(n) / float64(d)
			p.plain = false
			p.numEnd, p.end = e, e
		}
	} else if j+1 < len(t) && t[j] == '/' && qDigit(t[j+1]) {
		if n, d, e, ok := qFraction(t, i); ok && p.plain {
			p.mant = 0
			p.extra = float64(n) / float64(d)
			p.plain = false
			p.numEnd, p.end = e, e
			return true
		}
		// "1986/87", "24/7", "02/26/87": a date or a ratio.
		e := j
		for e < len(t) && (qDigit(t[e]) || t[e] == '/') {
			e++
		}
		p.end = e
		return false
	}
	return true
}

// qFraction reads "n/d" at i where d is 3 or a power of two up to 64 and
// n < d, the fractions used in prices ("7-3/4", "8-1/3"). It returns the end of the fraction.
func qFraction(t string, i int) (n, d, end int, ok bool) {
	k := i
	for k < len(t) && qDigit(t[k]) && k-i < 3 {
		n = n*10 + int(t[k]-'0')
		k++
	}
	if k == i || k >= len(t) || t[k] != '/' {
		return 0, 0, 0, false
	}
	k++
	ds := k
	for k < len(t) && qDigit(t[k]) && k-ds < 3 {
		d = d*10 + int(t[k]-'0')
		k++
	}
	if k == ds || (k < len(t) && (qDigit(t[k]) || t[k] == '/')) {
		return 0, 0, 0, false
	}
	switch d {
	case 2, 3, 4, 8, 16, 32, 64:
		return n, d, k, n > 0 && n < d
	}
	return 0, 0, 0, false
}

// prefixOK rejects a number by what is glued before it: letters or a
// hyphenated word ("G20", "A320", "COVID-19", "mid-2026"), a citation
// bracket ("[13]", "[25]: 215"), a formula ("x^2", "S_{hk}"), a time.
func (s *qscanner) prefixOK(p *qpart) bool {
	t := s.text
	i := p.numStart
	if i == 0 {
		return true
	}
	cited := true // a citation marker may end before the number
	switch c := t[i-1]; {
	case c == ' ':
		// The common case, tested first: a blank glues nothing. One
		// blank after a byte that opens no citation, as in most text,
		// leaves only the clock test below.
		cited = i < 2 || !qNoCitation[t[i-2]]
	case isLetter(c):
		// Glued letters are fine only when they are a currency code
		// ("RMB10bn", "USD5m"), which signBefore will read.
		ls := i - 1
		for ls > 0 && isLetter(t[ls-1]) {
			ls--
		}
		if ls > 0 && (qDigit(t[ls-1]) || t[ls-1] == '-' || t[ls-1] == '_') {
			return false
		}
		_, iso := isoCode(t[ls:i])
		return iso || t[ls:i] == "Rs"
	case c == '-':
		// "COVID-19", "mid-2026", "Su-27" and the tail of a chain
		// "2024-11-06". A dash after a blank is a dash.
		return i < 2 || !(isLetter(t[i-2]) || qDigit(t[i-2]) && !s.second)
	case c == '/' || c == '_' || c == '^' || c == '{' || c == '\\' || c == '#' || c == '@' || c == '=' || c == '&' || c == '|':
		return false
	case c == ':':
		return false // "10:30", "[25]:215", "Time:3": a label glued to its number
	case c == '\'':
		return !(p.plain && p.digits == 2) // "'87"
	case c == '.' && i >= 2 && qDigit(t[i-2]):
		return false
	case c == ',' && i >= 2 && qDigit(t[i-2]):
		return false
	}
	// Citation markers: "[13]", "[ 22 ]", "[25]: 215".
	if cited {
		b := s.trimBack(i)
		if b > 0 && t[b-1] == '[' {
			a := s.skipBlank(p.numEnd)
			if a < len(t) && t[a] == ']' {
				return false
			}
		}
		if b > 1 && t[b-1] == ':' && t[b-2] == ']' {
			return false
		}
	}
	// A clock time "10:30" or a ratio "3:1" is read from its first number.
	if e := p.numEnd; e+1 < len(t) && t[e] == ':' && qDigit(t[e+1]) {
		return false
	}
	return true
}

// qNoCitation marks the printable ASCII bytes that end no citation
// marker before a number: all but "[" and the ":" of "[25]: 215".
var qNoCitation = func() (tab [256]bool) {
	for c := 0; c < 256; c++ {
		tab[c] = qVisible[c] && c != '[' && c != ':'
	}
	return tab
}()

// suffix reads letters glued to the number: a scale ("5bn", "$3m"), a unit
// ("10km", "20pct"), or anything else, which makes the number an ordinal, a
// decade or an identifier ("15th", "1990s", "4G") and drops it. It also
// reads "%" and a hyphenated word ("5-million", "20-point").
func (s *qscanner) suffix(p *qpart) bool {
	t := s.text
	e := p.numEnd
	if e >= len(t) {
		return true
	}
	if isLetter(t[e]) {
		k := qLetterEnd(t, e)
		// Allow "km2" but not "3G2", "4x4".
		if k < len(t) && qDigit(t[k]) {
			if k+1 < len(t) && qDigit(t[k+1]) || !(t[k] == '2' || t[k] == '3') {
				p.end = qAlnumEnd(t, k)
				return false
			}
			k++
		}
		if strings.HasPrefix(t[k:], "²") {
			k += len("²")
		}
		suf := t[e:k]
		var def unitDef
		switch {
		case suf == "Mt":
			def = unitDef{unit: "t", kind: lexMeasure, mult: 1e6}
		default:
			var buf [16]byte
			a, ok := attachedSuffixes[qFold(buf[:], suf)]
			if !ok && strings.HasSuffix(suf, "²") {
				a.def, ok = unitWords[qFold(buf[:], suf)], true
				ok = a.def.kind == lexMeasure
			}
			if !ok || (a.needsCurrency && !p.signed) {
				if suf == "m" && !p.signed {
					def = unitDef{unit: "m", kind: lexMeasure}
					break
				}
				p.end = qAlnumEnd(t, k)
				return false
			}
			def = a.def
		}
		p.end = k
		s.apply(p, def)
		return !p.notQty
	}
	return true
}

// apply records a scale or unit read after the number.
func (s *qscanner) apply(p *qpart, d unitDef) {
	switch d.kind {
	case lexScale:
		p.mult *= d.factor()
		p.scaled = true
	case lexNotQty:
		p.notQty = true
	case lexCurrency:
		if !p.signed {
			p.unit, p.kind = d.unit, lexCurrency
		}
	default:
		p.unit, p.kind = d.unit, d.kind
		p.mult *= d.factor()
	}
}

// unitAfter reads the scale and unit words after the number (and its
// suffix): "10 million ton", "1.5 bln dlrs", "27%", "34,000 square
// kilometers", "5 mln ECU". A number hyphenated to a word that is not a scale
// or a percent is a compound adjective ("20-point road map", "10-day") and is
// dropped, unless a currency sign marks it as money ("$100-a-barrel").
func (s *qscanner) unitAfter(p *qpart) bool {
	t := s.text
	for iter := 0; iter < 3; iter++ {
		pos := p.end
		if pos >= len(t) {
			return true
		}
		if t[pos] == '-' && pos+1 < len(t) && isLetter(t[pos+1]) {
			e := qLetterEnd(t, pos+1)
			// unitHeads holds every unitWords key of one word, and
			// folds the word itself: no copy and no map look-up.
			h := unitHeads.get(t[pos+1 : e])
			d, ok := h.def, h.key
			if ok && (d.kind == lexScale && !p.scaled || d.kind == lexPercent || d.kind == lexCurrency && p.scaled) {
				p.end = e
				s.apply(p, d)
				continue
			}
			if ok && d.kind == lexMeasure && !p.word && p.kind == lexNone && (e >= len(t) || t[e] != '-') {
				// "a 1,152-kilometre line", "a 10-km road": a measure
				// written as an adjective is still a measure.
				p.end = e
				s.apply(p, d)
				return true
			}
			if p.signed || p.scaled {
				return true // "$100-a-barrel", "5 billion-strong"
			}
			// "20-point", "five-year", "10-day": an adjective.
			for e < len(t) && (isLetter(t[e]) || t[e] == '-' && e+1 < len(t) && isLetter(t[e+1])) {
				e++
			}
			p.end = e
			return false
		}
		// Most numbers and units are followed by one space and a word:
		// that case is answered here, without skipBlank's call.
		q := pos + 1
		if q >= len(t) || t[pos] != ' ' || !qVisible[t[q]] {
			if q = s.skipBlank(pos); q >= len(t) {
				return true
			}
		}
		if t[q] == '%' {
			if p.kind == lexNone || p.kind == lexCurrency && !p.signed {
				p.unit, p.kind = "%", lexPercent
				p.end = q + 1
			}
			return true
		}
		if q == pos && pos > p.numEnd {
			return true // the glued suffix is not followed by a blank
		}
		if !isLetter(t[q]) || q == pos {
			return true
		}
		d, end, ok := s.unitPhrase(q)
		if !ok {
			return true
		}
		switch {
		case d.kind == lexScale:
			if p.scaled || p.kind != lexNone && p.kind != lexCurrency {
				return true
			}
		case d.kind == lexMeasure && d.unit == "m" && p.signed && !p.scaled:
			d = unitDef{kind: lexScale, mult: 1e6} // "$5 m"
		case d.kind == lexNotQty:
			p.notQty = true
			return true
		case p.kind == lexCurrency && d.kind == lexCurrency:
			// "$5 million US dollars": the sign already said it.
		case p.kind != lexNone:
			return true // "$5 per share": the unit ends with the sign
		}
		if d.kind == lexDuration && s.timeAgo(end) {
			return true // "293,000 week ago": the figure counts something else
		}
		p.end = end
		s.apply(p, d)
		if d.kind != lexScale {
			return true
		}
	}
	return true
}

// unitPhrase reads up to maxUnitWords+1 words at q, folded, and returns the
// longest lexicon entry they start with. Words are separated by blanks or a
// hyphen; a dot inside or after a word is dropped ("U.S. dlrs" is "us dlrs").
// It stops reading at the first word that no key continues past
// (unitPrefixFilter): most units are one word, and reading three more words
// after "mln" only to look them up cost more than the rest of the figure.
//
// Most units are one word of letters that starts no longer key ("mln",
// "dlrs", "tonnes"): such a word is looked up alone, in unitHeads, with
// none of the folding and hashing a phrase takes.
func (s *qscanner) unitPhrase(q int) (unitDef, int, bool) {
	t := s.text
	e := qLetterEnd(t, q)
	if !unitFirstShape.hasLetters(t[q], t[e-1], e-q) && !(e-q == 3 && qUpper(t[q])) {
		return unitDef{}, 0, false // "vs", "in", "and": not the start of a unit
	}
	if e-q <= 8 && qUnitWordEnd(t, q, e) == e {
		if h := unitHeads.get(t[q:e]); !h.starts || s.unitPhraseEnds(e) {
			// A code ("USD", "Mt") starts with a capital: the
			// lower-case words, nearly all, skip the call.
			if qUpper(t[q]) {
				if d, ok := unitCode(t[q:e]); ok {
					return d, e, true
				}
			}
			if !h.key || h.def.kind == lexNone {
				return h.def, 0, false // "millions of", "percentage"
			}
			return h.def, e, true
		}
	}
	var (
		buf  [64]byte
		n    int
		ends [maxUnitWords + 1]int
		lens [maxUnitWords + 1]int
		// hs[w] is fnv1a(buf[:lens[w]]), made as buf is filled, so
		// that unitWordFilter turns away most phrases before the map.
		hs [maxUnitWords + 1]uint32
		h  = uint32(2166136261)
		nw int
	)
	pos := q
	for nw < len(ends) {
		we := qUnitWordEnd(t, pos, pos)
		if we == pos || n+(we-pos)+1 > len(buf) {
			break
		}
		if nw > 0 {
			buf[n] = ' '
			if t[pos-1] == '-' {
				buf[n] = '-'
			}
			h = (h ^ uint32(buf[n])) * 16777619
			n++
		}
		for k := pos; k < we; k++ {
			if t[k] != '.' {
				buf[n] = qLower(t[k])
				h = (h ^ uint32(buf[n])) * 16777619
				n++
			}
		}
		ends[nw], lens[nw], hs[nw] = we, n, h
		nw++
		if !unitPrefixFilter.has(h) {
			break // no key goes on from these words: the rest cannot match
		}
		next := we
		if next < len(t) && t[next] == '.' {
			next++
		}
		if next < len(t) && t[next] == '-' && next+1 < len(t) && isLetter(t[next+1]) {
			pos = next + 1
			continue
		}
		r := s.skipBlank(next)
		if r == next || r >= len(t) || !isLetter(t[r]) {
			break
		}
		pos = r
	}
	for w := nw - 1; w >= 0; w-- {
		if w == 0 {
			if d, ok := unitCode(t[q:ends[0]]); ok {
				return d, ends[0], true
			}
		}
		if !unitWordFilter.has(hs[w]) {
			continue // not a key of unitWords
		}
		if d, ok := unitTable.getBytes(buf[:lens[w]], hs[w]); ok {
			if d.kind == lexNone {
				return d, 0, false // "millions of", "percentage"
			}
			return d, ends[w], true
		}
	}
	return unitDef{}, 0, false
}

// unitPhraseEnds reports whether no key of more than one word goes on
// from a first word that ends at e: the loop of unitPhrase would read no
// word after it, or one of letters that is no key's second word ("pct"
// before "vs", not before "points").
func (s *qscanner) unitPhraseEnds(e int) bool {
	t := s.text
	next := e
	if next < len(t) && t[next] == '.' {
		next++
	}
	pos := next + 1
	if !(next < len(t) && t[next] == '-' && next+1 < len(t) && isLetter(t[next+1])) {
		pos = s.skipBlank(next)
		if pos == next || pos >= len(t) || !isLetter(t[pos]) {
			return true
		}
	}
	we := qLetterEnd(t, pos)
	return qUnitWordEnd(t, pos, we) == we && !unitSecondWords.has(t[pos:we])
}

// unitCode reads the first word of a unit phrase, as written, as a
// currency code ("USD", "ECU") or as "Mt" (megatonnes, not metric tons).
func unitCode(raw string) (unitDef, bool) {
	if raw == "Mt" {
		return unitDef{unit: "t", kind: lexMeasure, mult: 1e6}, true
	}
	if code, ok := isoCode(raw); ok {
		return unitDef{unit: code, kind: lexCurrency}, true
	}
	return unitDef{}, false
}

// qUnitWordEnd returns the end of the unit word at i: letters, with inner
// dots and slashes ("U.S", "b/d") and a trailing 2, 3, ² or ³ ("km2", "m³").
// The caller knows that t[i:k] are letters (k may be i).
func qUnitWordEnd(t string, i, k int) int {
	for k < len(t) {
		c := t[k]
		switch {
		case isLetter(c):
			k++
			continue
		case (c == '.' || c == '/' && k-i <= 3) && k > i && k+1 < len(t) && isLetter(t[k+1]):
			k++
			continue
		case (c == '2' || c == '3') && k > i && isLetter(t[k-1]) && (k+1 >= len(t) || !qDigit(t[k+1]) && !isLetter(t[k+1])):
			return k + 1
		case c == 0xC2 && k > i && k+1 < len(t) && (t[k+1] == 0xB2 || t[k+1] == 0xB3):
			return k + 2
		}
		break
	}
	return k
}

// wordNumeral reads a spelled-out number or fraction at i: "seven",
// "twenty-five", "two hundred", "a" (before a scale), "one-tenth", "a third",
// "two-thirds", "half". A fraction counts only when "of" follows it.
//
// Most numbers are followed by none of the words that go on with them:
// the word is compared or looked up only when its first letter fits (the
// "h" of "hundred", the "a" of "and a half", qFractionFirst).
func (s *qscanner) wordNumeral(i int, p *qpart) bool {
	t := s.text
	e := qLetterEnd(t, i)
	var buf [16]byte
	w := qFold(buf[:], t[i:e])
	p.word, p.numStart, p.start = true, i, i
	p.end = e
	n, den := 0, 0.0
	end := e
	switch {
	case w == "a" || w == "an":
		n = 1
		q := s.skipBlank(e)
		ne := qLetterEnd(t, q)
		if d, ok := fractionWordMap.get(t[q:ne]); ok {
			den, end = d, ne
		}
	case w == "half":
		if ws, we := s.prevWord(i); we > ws {
			switch qWordLower(t[ws:we]) {
			case "first", "second", "latter", "former", "other", "and", "the", "this", "that", "each":
				return false // "the first half of 2024", "one and a half"
			}
		}
		n, den = 1, 2
	default:
		v, ok := numberWordMap.getLower(w)
		if !ok {
			return false
		}
		n = v
		// "twenty-five", "twenty five".
		if n >= 20 && end < len(t) && (t[end] == '-' || t[end] == ' ') && end+1 < len(t) && isLetter(t[end+1]) {
			ue := qLetterEnd(t, end+1)
			if u, ok := numberWordMap.get(t[end+1 : ue]); ok && u < 10 {
				n += u
				end = ue
			}
		}
		// "two hundred".
		if end+1 < len(t) && t[end] == ' ' && t[end+1]|0x20 == 'h' && qHasWordFold(t, end+1, "hundred") {
			n *= 100
			end += 1 + len("hundred")
		}
		// "one and a half million tonnes": the half is a decimal.
		const andAHalf = " and a half"
		if e := end + len(andAHalf); n < 100 && e <= len(t) && t[end+1]|0x20 == 'a' && strings.EqualFold(t[end:e], andAHalf) && (e == len(t) || !isLetter(t[e])) {
			end = e
			p.numEnd, p.end = end, end
			p.mant, p.frac, p.plain = uint64(n)*10+5, 1, false
			return true
		}
		// "one-tenth", "two thirds".
		if end+1 < len(t) && (t[end] == '-' || t[end] == ' ') && qFractionFirst[t[end+1]] {
			fe := qLetterEnd(t, end+1)
			if d, ok := fractionWordMap.get(t[end+1 : fe]); ok && float64(n) < d {
				den, end = d, fe
			}
		}
	}
	p.numEnd, p.end = end, end
	if den == 0 {
		p.mant, p.plain = uint64(n), false
		return true
	}
	// A fraction is a share only as "… of": "one-tenth of the total", or
	// as the size of a change: "GDP fell by almost half".
	q := s.skipBlank(end)
	if (q == end || !qHasWordFold(t, q, "of") && !possessiveNext(t, q)) && !(s.changeBy(i) && s.endsFraction(end)) {
		return false
	}
	p.fraction = true
	p.extra = math.Round(float64(n)/den*100*100) / 100
	p.unit, p.kind = "%", lexPercent
	return true
}

// qFractionFirst marks the letters, in either case, that start a word of
// fractionWords: wordNumeral looks up the word after a number only when it
// starts with one ("two thirds", not "two companies").
var qFractionFirst = newWordShape(mapKeys(fractionWords)...).firstLetters()

// possessiveNext reports whether a possessive pronoun starts at q: "lost
// half its value", "a third of" without the "of".
func possessiveNext(t string, q int) bool {
	for _, w := range []string{"its", "their", "his", "her", "our"} {
		if qHasWordFold(t, q, w) {
			return true
		}
	}
	return false
}

// changeBy reports whether the word before offset i, or before a
// qualifier there, is "by": "fell by half", "cut by almost a third".
func (s *qscanner) changeBy(i int) bool {
	t := s.text
	ws, we := s.prevWord(i)
	if we <= ws {
		return false
	}
	w := qWordLower(t[ws:we])
	switch w {
	case "almost", "nearly", "about", "roughly", "around", "some", "over", "than":
		if w == "than" {
			if ws2, we2 := s.prevWord(ws); we2 > ws2 && qWordLower(t[ws2:we2]) == "more" {
				ws = ws2
			}
		}
		if ws, we = s.prevWord(ws); we <= ws {
			return false
		}
		w = qWordLower(t[ws:we])
	}
	return w == "by"
}

// endsFraction reports whether a fraction read as a change ends at e: not
// "by half an hour", "by a half-point" or "by half a percentage point".
func (s *qscanner) endsFraction(e int) bool {
	t := s.text
	if e < len(t) && (t[e] == '-' || isLetter(t[e])) {
		return false
	}
	q := s.skipBlank(e)
	return q == e || !(qHasWordFold(t, q, "a") || qHasWordFold(t, q, "an") || qHasWordFold(t, q, "point") ||
		qHasWordFold(t, q, "points") || qHasWordFold(t, q, "percentage"))
}

// signBefore returns the currency whose sign or code is written just before
// the number at i ("$", "US$", "HK$", "€", "RMB10", "USD 5"), and where it
// starts; "" when there is none.
//
// Most numbers follow a blank, and the blank a word in lower case: the
// byte before each offset tried is tested (qSignLast) before
// signEndingAt is called.
func (s *qscanner) signBefore(i int) (string, int) {
	t := s.text
	if i > 0 && qSignLast[t[i-1]] {
		if code, st := s.signEndingAt(i); code != "" {
			return code, st
		}
	}
	// Most numbers follow one blank after a printable byte: signBefore
	// is the first to step back over it, and remembers it for trimBack's
	// later callers here, without trimBackNew's call.
	b := i - 1
	if i >= 2 && t[b] == ' ' && qVisible[t[b-1]] {
		s.tb.key, s.tb.b = i+1, b
	} else {
		b = s.trimBack(i)
	}
	// A word in lower case ending in "s" ("was", "dlrs") is the commonest
	// to pass qSignLast before a blank: only "Rs" is a sign.
	if b < i && i-b <= 3 && b > 0 && qSignLast[t[b-1]] && (t[b-1] != 's' || b >= 2 && t[b-2] == 'R') {
		return s.signEndingAt(b)
	}
	return "", 0
}

// qSignLast marks the bytes a currency sign or code can end with, the
// cases of signEndingAt: "$", a capital, the "s" of "Rs", the dot of
// "Rs." and the last byte of a sign outside ASCII.
var qSignLast = func() (tab [256]bool) {
	for c := 0; c < 256; c++ {
		tab[c] = c == '$' || qUpper(byte(c)) || c == 's' || c == '.' || c >= 0x80
	}
	return tab
}()

// signEndingAt reads a currency sign or code that ends exactly at e.
func (s *qscanner) signEndingAt(e int) (string, int) {
	t := s.text
	if e <= s.floor {
		return "", 0
	}
	switch c := t[e-1]; {
	case c == '$':
		k := e - 1
		if k > s.floor && t[k-1] == '$' {
			return "", 0 // "$$": LaTeX
		}
		ls := k
		for ls > s.floor && k-ls < 4 && (qUpper(t[ls-1]) || t[ls-1] == '.') {
			ls--
		}
		if ls > 0 && isLetter(t[ls-1]) {
			ls = k // letters of a longer word: a plain "$"
		}
		var buf [8]byte
		n := 0
		for j := ls; j < k; j++ {
			if t[j] != '.' {
				buf[n] = t[j]
				n++
			}
		}
		code, ok := dollarPrefixes[string(buf[:n])]
		if !ok {
			return "USD", k
		}
		return code, ls
	case qUpper(c) || c == 's':
		// Only an ISO code (three capitals) or "Rs" can end here: any
		// other letter, as at the end of most words before a number,
		// is no sign, and skips the walk back.
		ls := e - 1
		for ls > s.floor && isLetter(t[ls-1]) && e-ls < 4 {
			ls--
		}
		if ls > 0 && isLetter(t[ls-1]) {
			return "", 0
		}
		if code, ok := isoCode(t[ls:e]); ok {
			return code, ls
		}
		if t[ls:e] == "Rs" {
			return "INR", ls
		}
	case c == '.':
		if e-3 >= s.floor && t[e-3:e] == "Rs." && (e-3 == 0 || !isLetter(t[e-4])) {
			return "INR", e - 3
		}
	case c >= 0x80:
		for _, cs := range currencySigns {
			if e-len(cs.sign) >= s.floor && strings.HasSuffix(t[:e], cs.sign) {
				return cs.code, e - len(cs.sign)
			}
		}
	}
	return "", 0
}

// qualifierBefore returns the normalised qualifier written before offset i
// ("approximately", "more than", "~") and where it starts. The word before
// i alone is looked up only when its shape fits a qualifier of one word
// (qualifierAloneShape): "of" and "to", the commonest last words, end
// phrases only.
func (s *qscanner) qualifierBefore(i int) (string, int) {
	t := s.text
	if b := s.trimBack(i); b > s.floor && t[b-1] == '~' {
		return "approximately", b - 1
	}
	var (
		starts [3]int
		ends   [3]int
		nw     int
	)
	// Most figures have no qualifier: give up unless the word right before
	// can end one.
	ws, we := s.prevWord(i)
	if we == ws || !qualifierLastSet.has(t[ws:we]) {
		return "", 0
	}
	starts[0], ends[0], nw = ws, we, 1
	pos := ws
	for nw < 3 {
		// prevWordAt: the farther words would only push the nearest
		// one, which figure and keep ask for next, out of the memo.
		ws, we := s.prevWordAt(pos)
		if we == ws {
			break
		}
		if nw == 1 && !qualifierInnerSet.has(t[ws:we]) {
			break // no phrase ends in these two words: "of" after "sales"
		}
		starts[nw], ends[nw] = ws, we
		nw++
		pos = ws
	}
	var buf [48]byte
	for w := nw - 1; w >= 0 && (w > 0 || qualifierAloneShape.has(t[starts[0]:ends[0]])); w-- {
		// Build "w_w ... w_0" from the farthest word in, and its fnv1a
		// hash for qualifierTable.
		n := 0
		h := uint32(2166136261)
		for k := w; k >= 0; k-- {
			word := t[starts[k]:ends[k]]
			if n+len(word)+1 > len(buf) {
				n = -1
				break
			}
			if k != w {
				buf[n] = ' '
				h = (h ^ ' ') * 16777619
				n++
			}
			for j := 0; j < len(word); j++ {
				buf[n] = qLower(word[j])
				h = (h ^ uint32(buf[n])) * 16777619
				n++
			}
		}
		if n < 0 {
			continue
		}
		if q, ok := qualifierTable.getBytes(buf[:n], h); ok {
			if qualifierOutsideShape.hasLetters(buf[0], buf[n-1], n) && qualifierOutsideSpan[string(buf[:n])] {
				return q, i
			}
			return q, starts[w]
		}
	}
	return "", 0
}

// prevWord returns the letters of the word before offset i, across at most
// a few blanks and an abbreviation dot ("approx. 5"); ws == we when there is
// none or it lies before the floor.
func (s *qscanner) prevWord(i int) (ws, we int) {
	if s.pw.key == i+1 && s.pw.floor == s.floor {
		return s.pw.ws, s.pw.we
	}
	ws, we = s.prevWordAt(i)
	s.pw.key, s.pw.floor, s.pw.ws, s.pw.we = i+1, s.floor, ws, we
	return ws, we
}

// prevWordAt is prevWord without its memo.
func (s *qscanner) prevWordAt(i int) (ws, we int) {
	t := s.text
	b := s.trimBack(i)
	if b < i-8 {
		return 0, 0
	}
	if b > 0 && t[b-1] == '.' && b < i {
		b--
	}
	we = b
	ws = we
	// Walk back over the word's letters eight bytes at a time while all
	// eight lie at or after the floor: the run of letters that ends the
	// eight is counted with one LeadingZeros (t[ws-1] is the high byte).
	for ws-8 >= s.floor && ws >= 8 {
		if m := ^swarLetters(load8(t, ws-8)) & swarHi; m != 0 {
			ws -= bits.LeadingZeros64(m) >> 3
			goto walked
		}
		ws -= 8
	}
	for ws > s.floor && isLetter(t[ws-1]) {
		ws--
	}
walked:
	if ws > 0 && (qDigit(t[ws-1]) || t[ws-1] == '-') {
		return 0, 0
	}
	return ws, we
}

// rateAfter looks for a rate after offset e: "a year", "per day",
// "annually". A rate right after the figure extends its span (the returned
// end); one a few words later ("10 million ton of freight crosses here
// annually") only sets the rate, and then only an unambiguous one: "daily"
// far from the figure is more often an adjective ("daily trading").
//
// It is not inlined: figure is so large that what it inlines may inline
// almost nothing more, which left wordAfter a call for each of the three or
// so words read here; on its own it inlines wordAfter.
//
//go:noinline
func (s *qscanner) rateAfter(e int) (rate string, end int) {
	t := s.text
	pos := e
	for w := 0; w < 10; w++ {
		q, we := s.wordAfter(pos)
		if we == q || (w == 0 && q == pos) {
			return "", 0
		}
		// Most words start no rate phrase by their shape (first and
		// last letters and length) and skip the call.
		if rateFirstShape.hasLetters(t[q], t[we-1], we-q) {
			r, re := s.ratePhrase(q, we, w == 0)
			if r != "" {
				if w == 0 {
					return r, re
				}
				return r, 0
			}
		}
		pos = we
		if pos < len(t) && (t[pos] == '\'' || t[pos] == '-') && pos+1 < len(t) && isLetter(t[pos+1]) {
			pos = qLetterEnd(t, pos+1) // "country's", "cross-border"
		}
	}
	return "", 0
}

// rateWordsAbsent reports whether rateAfter's walk from e cannot meet a
// rate: every rate phrase holds a word with a "y" or an "m" ("year",
// "day", "month", "annum", "annually", "daily"...) next to a letter that
// rateLetterAt looks for, and none is among the bytes the walk may read,
// up to the first byte that stops it. The walk steps only over letters,
// blanks, and an apostrophe or a hyphen inside a word ("company's",
// "prior-year"), so any other ASCII byte, or the text's end, ends the
// bytes looked at here; control bytes and bytes ≥ 0x80 are let through,
// as the blanks skipBlank steps over may be, and so is any apostrophe or
// hyphen. Seven figures in eight end with no such letter before a digit
// or a punctuation mark ("rose 5 pct in the quarter, ..."), and figure
// does not call rateAfter, whose walk cost them some seven hundred
// instructions each.
//
// It reads eight bytes at a time, up to rateScanMax bytes after e, and
// answers false (walk) when it finds no stop there. It is not inlined:
// inlined into figure, it cost the pass 1.2 M instructions more.
//
//go:noinline
func rateWordsAbsent(t string, e int) bool {
	const ones = 0x0101010101010101
	for i := e; i < e+rateScanMax; {
		var x uint64
		switch {
		case i+8 <= len(t):
			x = load8(t, i)
		case len(t) >= 8:
			// The text's last bytes, then full stops: the walk ends
			// with the text.
			k := len(t) - i
			x = load8(t, len(t)-8)>>(64-8*k) | '.'*ones<<(8*k)
		default:
			return false
		}
		y := x & swarLo7
		// A byte of z is zero exactly when it matches: z+0x7f sets bit 7
		// in every other byte (no byte of y is above 0x7f, so nothing
		// carries). A byte ≥ 0x80 may pass for a "y" or an "m", and
		// rateLetterAt turns it away.
		lower := y | 0x20*ones
		ys, ms := lower^('y'*ones), lower^('m'*ones)
		hits := (^(ys + 0x7f*ones | ys) | ^(ms + 0x7f*ones | ms)) & swarHi
		walked := swarLetters7(y) | ^(y + 0x5f*ones) | x // letters, bytes up to ' ', bytes ≥ 0x80
		stop := ^walked & swarHi
		if stop == 0 {
			if hits != 0 && rateLetterAt(t, i, hits) {
				return false
			}
			i += 8
			continue
		}
		// Only the bytes before the first stop count.
		if hits &= stop&-stop - 1; hits != 0 && rateLetterAt(t, i, hits) {
			return false
		}
		j := bits.TrailingZeros64(stop) >> 3
		if c := byte(x >> (8 * j)); c != '\'' && c != '-' {
			return true
		}
		i += j + 1
	}
	return false
}

// rateScanMax is how many bytes after a figure rateWordsAbsent reads at
// most: rateAfter's ten words seldom go further. At 64, one figure in
// twenty-five met no stop in a long clause and was walked.
const rateScanMax = 128

// rateLetterAt reports whether a byte of t[i:i+8] that hits flags (bit 7)
// is a "y" or an "m" as a rate word holds it, by the letters around it, in
// either case. ratePhrase matches whole words only, each after a blank
// (rateAfter reads no word glued to the one before), so the letters that
// end or start the word are known: "yearly", "daily", "monthly" and
// "annually" end in "arly", "aily", "thly" and "ally"; "year", "yr" and
// "month" ("mont") start a word, and "day" is a word, after "a", "per",
// "each" or "every", whose last letter comes right before a single blank;
// "annum" ends a word. Most of the "y"s and "m"s after figures are in other
// words ("company", "from", "by", "million", "last year", "today",
// "number", "money", "nearly"): over Reuters, rateAfter walks after 3.9k
// figures of 113k, 0.9k of which have a rate; it walked after 14.4k when
// any "yea", "day", "mon" or "ly" after "i", "l", "r" or "h" passed.
func rateLetterAt(t string, i int, hits uint64) bool {
	for ; hits != 0; hits &= hits - 1 {
		p := i + bits.TrailingZeros64(hits)>>3
		if p < 3 || p+4 > len(t) {
			return true // rare: the walk decides
		}
		w := t[p-3 : p+4] // one bounds check for the seven loads
		b3, b2, b1, a1, a2, a3 := w[0]|0x20, w[1]|0x20, w[2]|0x20, w[4]|0x20, w[5]|0x20, w[6]|0x20
		// The letter starts a word that may follow a rate's first word,
		// or it ends a word.
		starts := !isLetter(w[2]) && (!isLetter(w[1]) || b2 == 'a' || b2 == 'r' || b2 == 'h' || b2 == 'y')
		ends := !isLetter(w[4])
		switch w[3] | 0x20 {
		case 'y':
			if starts && (a1 == 'e' && a2 == 'a' || a1 == 'r') ||
				ends && b1 == 'a' && b2 == 'd' && !isLetter(w[0]) ||
				ends && b1 == 'l' && (b3 == 'a' && (b2 == 'i' || b2 == 'l' || b2 == 'r') || b3 == 't' && b2 == 'h') {
				return true
			}
		case 'm':
			if starts && a1 == 'o' && a2 == 'n' && a3 == 't' || ends && b1 == 'u' && b2 == 'n' {
				return true
			}
		}
	}
	return false
}

// ratePhrase matches a rate phrase whose first word is t[q:we] and returns
// the rate and the phrase's end. The rate words are few, so a switch on the
// folded word is cheaper than a map look-up for every word after a figure.
func (s *qscanner) ratePhrase(q, we int, adjacent bool) (string, int) {
	t := s.text
	switch w := qWordLower(t[q:we]); w {
	case "annually":
		return "per year", we
	case "yearly", "daily", "monthly":
		if !adjacent {
			return "", 0
		}
		return rateWords[w], we
	case "a", "per", "each", "every":
		r := s.skipBlank(we)
		if r == we || r >= len(t) || !isLetter(t[r]) {
			return "", 0
		}
		e2 := qLetterEnd(t, r)
		// The length test keeps buf safe whatever rateWords holds: the
		// shape filter passes only the lengths of its second words.
		if e2-r > 10 || !rateSecondShape.hasLetters(t[r], t[e2-1], e2-r) {
			return "", 0 // "a share", "per ounce"
		}
		var buf [16]byte
		n := copy(buf[:], w)
		buf[n] = ' '
		n++
		for k := r; k < e2; k++ {
			buf[n] = qLower(t[k])
			n++
		}
		if rate, ok := rateWords[string(buf[:n])]; ok && !s.timeAgo(e2) {
			return rate, e2
		}
	}
	return "", 0
}

// rateFirstShape and rateSecondShape filter the first and the second
// words of the rateWords phrases ("per" and "day" of "per day").
var rateFirstShape, rateSecondShape = func() (*wordShape, *wordShape) {
	var firsts, seconds []string
	for k := range rateWords {
		first, second, _ := strings.Cut(k, " ")
		firsts, seconds = append(firsts, first), append(seconds, second)
	}
	return newWordShape(firsts...), newWordShape(seconds...)
}()

// timeAgo reports whether the words after a rate phrase make it a point in
// time instead ("a year ago", "a year earlier", "a year-on-year rise").
func (s *qscanner) timeAgo(e int) bool {
	t := s.text
	if e < len(t) && t[e] == '-' {
		return true
	}
	q := s.skipBlank(e)
	if q >= len(t) || !isLetter(t[q]) {
		return false
	}
	switch qWordLower(t[q:qLetterEnd(t, q)]) {
	case "ago", "earlier", "before", "after", "later", "previously", "prior", "since":
		return true
	}
	return false
}

// headNoun returns the noun a bare number counts: the first plural word
// within a few words ("over 40 Hong Kong professional service leaders" →
// "leaders"), or "" ("close to 200 originating from Shanghai").
// It is not inlined, for the reason rateAfter is not.
//
//go:noinline
func (s *qscanner) headNoun(e int) string {
	t := s.text
	pos := e
	for w := 0; w < 8; w++ {
		q, we := s.wordAfter(pos)
		if we == q || (w == 0 && q == pos) {
			return ""
		}
		for we < len(t) && t[we] == '-' && we+1 < len(t) && isLetter(t[we+1]) {
			we = qLetterEnd(t, we+1) // "state-owned"
		}
		// The word is ASCII letters and hyphens: its bytes fold one by
		// one, as the sets fold it.
		if word := t[q:we]; len(word) <= 24 {
			if headNounStopSet.has(word) {
				return ""
			}
			n := len(word)
			if irregularPluralSet.has(word) || n >= 4 && qLower(word[n-1]) == 's' &&
				qLower(word[n-2]) != 's' && qLower(word[n-2]) != 'u' && qLower(word[n-2]) != 'i' &&
				strings.IndexByte(word, '-') < 0 {
				return strings.ToLower(word) // the word itself when already lower case
			}
		}
		pos = we
		if pos < len(t) && t[pos] == '\'' {
			return ""
		}
	}
	return ""
}

// wordAfter returns the run of letters after the blanks at pos: it starts
// at q, skipBlank(pos), and ends at e, qLetterEnd(q), or e is q when no
// letter is there. rateAfter and headNoun read the words after a figure
// with it, and numberWordAt the word after "a", nearly all of them after
// one space: that case takes one load of the eight bytes after the space,
// whose letters end the word unless all eight are letters, and no call.
func (s *qscanner) wordAfter(pos int) (q, e int) {
	t := s.text
	if pos+9 <= len(t) && t[pos] == ' ' {
		q = pos + 1
		if m := ^swarLetters(load8(t, q)) & swarHi; m != 0 {
			// A byte that is not a letter right after the space is
			// visible or blank: skipBlank stops at the first or
			// skips the second, and the word is t[q:q] only for the
			// first.
			if k := bits.TrailingZeros64(m) >> 3; k > 0 || qVisible[t[q]] {
				return q, q + k
			}
		} else {
			return q, asciiLetterEnd(t, q+8)
		}
	}
	q = s.skipBlank(pos)
	if q < len(t) && isLetter(t[q]) {
		return q, qLetterEnd(t, q)
	}
	return q, q
}

// skipBlank skips spaces, tabs, no-break and thin spaces after i, for up to
// 8 bytes. It crosses one newline only into a lower-case word, as in
// hard-wrapped prose ("10 million\ntonnes"): a capital after a newline starts
// a new line of a table or a heading ("Revs 13.5 mln\nYear").
//
// It is called over a million times a pass, nearly always at one space
// before a word or at the word itself: those two cases are answered before
// the loop, in the one function (a fast path in a wrapper of its own cost
// a second call on every one of them).
func (s *qscanner) skipBlank(i int) int {
	t := s.text
	if i+1 < len(t) {
		if c := t[i]; qVisible[c] {
			return i // nothing to skip
		} else if c == ' ' && qVisible[t[i+1]] {
			return i + 1 // one space before a printable byte
		}
	}
	k, nl := i, -1
	for k < len(t) && k-i < 8 {
		switch c := t[k]; {
		case c == ' ' || c == '\t' || c == '\r':
			k++
		case c == '\n':
			if nl >= 0 {
				return nl
			}
			nl = k
			k++
		case c == 0xC2 && k+1 < len(t) && t[k+1] == 0xA0: // no-break space
			k += 2
		case c == 0xE2 && k+2 < len(t) && t[k+1] == 0x80 && (t[k+2] == 0xAF || t[k+2] == 0x89 || t[k+2] == 0x8A):
			k += 3 // narrow no-break, thin and hair spaces
		default:
			if nl >= 0 && (c < 'a' || c > 'z') {
				return nl
			}
			return k
		}
	}
	return k
}

// trimBack is qTrimBack(s.text, i), remembered for the last i. It is
// small enough to inline, so that a remembered answer costs no call.
func (s *qscanner) trimBack(i int) int {
	if s.tb.key == i+1 {
		return s.tb.b
	}
	return s.trimBackNew(i)
}

// trimBackNew is trimBack for an i it does not remember. It is kept out of
// line: inlined into trimBack, it would make trimBack too big to inline.
//
//go:noinline
func (s *qscanner) trimBackNew(i int) int {
	b := qTrimBack(s.text, i)
	s.tb.key, s.tb.b = i+1, b
	return b
}

// qTrimBack returns the offset before the blanks (ASCII, no-break, thin and
// hair spaces; up to 8 bytes) that end t[:i].
//
// The scanner's look-behinds call it about seventy times per kilobyte of
// text. Most often t[:i] ends in a printable ASCII byte or one space after
// one, and next most often in a run of spaces, as between the columns of a
// table: those cases are answered without the byte loop, which is kept for
// tabs, newlines and the wide spaces.
func qTrimBack(t string, i int) int {
	if i >= 2 && t[i-1] == ' ' && qVisible[t[i-2]] {
		return i - 1
	}
	if i >= 1 && qVisible[t[i-1]] {
		return i
	}
	b := i
	if i >= 8 {
		// n is the number of spaces that end t[:i], found with one
		// LeadingZeros over the eight bytes before i (t[i-1] is the high
		// byte): y has a zero byte for each space, and nonSpace bit 7 of
		// every other byte.
		y := load8(t, i-8) ^ 0x2020202020202020
		nonSpace := ((y & swarLo7) + swarLo7 | y) & swarHi
		n := bits.LeadingZeros64(nonSpace) >> 3
		if n == 8 {
			return i - 8 // the loop below stops after 8 bytes too
		}
		if qVisible[t[i-1-n]] {
			return i - n
		}
		// The loop goes on from the first byte before the spaces: the
		// newline before a line's indent ("\n      1987-02-26", the
		// blanked date line of every Reuters story) or a tab.
		b = i - n
	}
	for b > 0 && i-b < 8 {
		switch c := t[b-1]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			b--
		case c == 0xA0 && b >= 2 && t[b-2] == 0xC2:
			b -= 2
		case (c == 0xAF || c == 0x89 || c == 0x8A) && b >= 3 && t[b-3] == 0xE2 && t[b-2] == 0x80:
			b -= 3
		default:
			return b
		}
	}
	return b
}

// qHasWordFold reports whether the word w (lower case) stands at i in t, in
// any case, followed by a non-letter.
func qHasWordFold(t string, i int, w string) bool {
	if i+len(w) > len(t) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if qLower(t[i+k]) != w[k] {
			return false
		}
	}
	return i+len(w) == len(t) || !isLetter(t[i+len(w)])
}

// qFold copies w into buf in ASCII lower case and returns it as a string
// that does not escape (for map look-ups); "" when w does not fit.
func qFold(buf []byte, w string) string {
	if len(w) > len(buf) {
		return ""
	}
	for k := 0; k < len(w); k++ {
		buf[k] = qLower(w[k])
	}
	return string(buf[:len(w)])
}

// qWordLower returns a short word (up to 24 bytes, else "") in ASCII lower
// case. It is small enough to be inlined, so the result lives on the
// caller's stack: look-ups cost no allocation.
func qWordLower(w string) string {
	var buf [24]byte
	return qFold(buf[:], w)
}

// qLetterEnd returns the end of the run of ASCII letters at i. Most words
// end within the eight bytes at i, and one load answers for them: where
// the profile finds a call hot, inlined, that costs no call.
func qLetterEnd(t string, i int) int {
	if i+8 <= len(t) {
		if m := ^swarLetters(load8(t, i)) & swarHi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	return asciiLetterEnd(t, i)
}

// qLetters marks the ASCII letters: a table look-up is the cheapest test in
// the scanner's inner loop.
var qLetters = func() (tab [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		tab[c], tab[c-'a'+'A'] = true, true
	}
	return tab
}()

// qVisible marks the printable ASCII bytes other than the space, '!' to
// '~': a blank-skipping fast path stops at one.
var qVisible = func() (tab [256]bool) {
	for c := '!'; c <= '~'; c++ {
		tab[c] = true
	}
	return tab
}()

// qAlnumEnd returns the end of the run of ASCII letters and digits at i.
func qAlnumEnd(t string, i int) int { return asciiAlnumEnd(t, i) }

func qDigit(c byte) bool { return c >= '0' && c <= '9' }

// qDigitsEnd returns the end of the run of ASCII digits at i.
func qDigitsEnd(t string, i int) int {
	for i < len(t) && qDigit(t[i]) {
		i++
	}
	return i
}

func qUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func qLower(c byte) byte {
	if qUpper(c) {
		return c + 'a' - 'A'
	}
	return c
}

// qPow10 returns 10**n for the small n of decimal places.
func qPow10(n int) float64 {
	if n < len(qPow10tab) {
		return qPow10tab[n]
	}
	return math.Pow10(n)
}

var qPow10tab = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}
