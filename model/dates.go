package model

import (
	"math/bits"
	"strings"
	"time"
)

// This file is the date scanner. It walks the clean text once, word by word,
// and stops only at triggers: a digit run, a capitalised month or weekday
// name, a spelled ordinal ("nineteenth") or one of a few relative words
// ("last", "this", "next", "following", "previous", "yesterday", "today",
// "tomorrow"). Every other word is skipped after one table lookup of its
// first bytes, which keeps the scanner far above the pipeline's 50 MB/s
// budget and allocation-free except for the events it returns.
//
// A trigger is examined by a small recogniser that looks a few words left
// and right of it:
//
//	number     digits: ISO dates, years, year ranges, decades, centuries,
//	           "3 January 1992"
//	month      "January 3, 1992", "Jan. 3", "March 2023", "March of 2023"
//	weekday    "on Tuesday", "last Friday"
//	relative   "last year", "earlier this month", "next week", "the next day"
//	dayWord    "yesterday", "today", "tomorrow"
//	ordinal    "the nineteenth century"
//
// Each recogniser returns the end of what it emitted, or 0 when the trigger
// is not a date; the main loop then resumes after the trigger's token.
// Recognisers may look left to pull a cue into the span ("In 2016",
// "mid-2026"), but never before the end of the previous event, so spans stay
// sorted and disjoint.
//
// A bare four-digit number is a year only with a cue, because most
// four-digit numbers in economic text are quantities or parts of names:
// a preposition before it ("in", "by", "since", ...), parentheses around it,
// a fuzzy modifier ("early 2024"), a time noun and "of" ("end of 2025"), a
// list continuing an earlier year ("in 2015 and 2017"), or a sentence that
// starts with it as its subject ("1997 was ..."). "for 2026" is deliberately
// not a cue: it usually names the period of a figure ("outlook for 2026").

// Year bounds for a bare number to be taken as a year. BC/AD are not handled,
// so nothing below 1000 is a year.
const (
	minYear = 1000
	maxYear = 2100
)

// scanDates returns the dated expressions of text, in text order, with
// disjoint spans that index text. ref is the document's publication date
// (zero when unknown); it resolves yearless dates ("October 4") and relative
// ones ("last year", "on Tuesday"), which are skipped when ref lacks the
// parts they need. Text, Summary, Sentence, Doc and ID are left for the
// pipeline to fill.
func scanDates(text string, ref Date) []Event {
	s := dateScanner{text: text, ref: ref, lastDay: -1}
	s.run()
	return s.out
}

// appendDates is scanDates appending to dst[:0], so that Extract can scan
// into a reused buffer. It reads the text's date bitmap from m (see
// scanMarks), and visits only the offsets it marks, and leaves in m.dated
// the numbers it read inside dates, for the quantity scanner.
func appendDates(dst []Event, text string, ref Date, m *scanMarks) []Event {
	s := dateScanner{text: text, ref: ref, lastDay: -1, out: dst[:0], dated: m.dated[:0]}
	s.runMarked(m.date)
	m.dated = s.dated
	return s.out
}

// datedNumber is a number that the date scanner read inside a date, noted
// for the quantity scanner, which drops most of them at a glance rather
// than reading each as a figure to drop it (qscanner.datedFigure): the day
// of "SALVADOR, Feb 26 - " and the year of "1987-02-26" open nearly every
// Reuters story.
type datedNumber struct {
	at, end int // the number's digits, t[at:end]
	// month is where the month name before a day starts: t[month:at-1]
	// is a whole run of ASCII letters, a month name that starts with a
	// capital, and t[at-1] is one blank; the day has one or two digits.
	// It is -1 for the year that opens an ISO date: four digits and a
	// dash at end.
	month int
}

// dateScanner holds the state of one scan. Its methods are the recognisers
// described at the top of this file.
type dateScanner struct {
	text       string  // the clean text being scanned
	ref        Date    // the document date; parts may be zero
	out        []Event // events found so far, in text order
	lastEnd    int     // end of the last emitted span: no later span starts before it
	lastDay    int     // index in out of the last day-precision event, or -1 ("the next day")
	refDays    int     // ref as a day number, once refDaysSet (see refDayNumber)
	refDaysSet bool
	dated      []datedNumber // the numbers read inside dates, in text order (see datedNumber)
	before     wordBounds    // wordBefore's last answer
}

// run is the main loop: it jumps from token to token and hands each trigger
// to its recogniser.
func (s *dateScanner) run() {
	t := s.text
	for i := 0; i < len(t); {
		switch dtClass[t[i]] {
		case clDigit:
			i = s.number(i)
		case clUpper, clLower:
			i = s.word(i)
		default:
			i++
		}
	}
}

// runMarked is run visiting only the offsets marks sets (scanMarks.date):
// digits, trigger words and letters glued to digits. Where a recogniser
// stops inside a word, the rest of the word is read as run reads it.
func (s *dateScanner) runMarked(marks []uint64) {
	t := s.text
	for i := 0; ; {
		if insideLetters(t, i) {
			i = s.word(i)
			continue
		}
		if i = nextMark(marks, i); i < 0 {
			return
		}
		if dtDigit(t[i]) {
			i = s.number(i)
		} else {
			i = s.word(i)
		}
	}
}

// Byte classes for the main loop and the word loops: one table lookup per
// byte instead of a chain of comparisons.
const (
	clOther = iota
	clDigit
	clUpper
	clLower
)

var dtClass = func() (m [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		m[c] = clDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		m[c], m[c+'a'-'A'] = clUpper, clLower
	}
	return m
}()

// emit appends an event spanning [start, end) and returns end. start is
// clamped to the end of the previous event so that a cue pulled in from the
// left can never overlap it. In invalid UTF-8 a stray continuation byte may
// follow the match; the event is then dropped (0 is returned) so that no
// span ends inside a character.
func (s *dateScanner) emit(start, end int, e Event) int {
	if end < len(s.text) && dtCont(s.text[end]) {
		return 0
	}
	start = max(start, s.lastEnd)
	e.Span = Span{Start: start, End: end}
	if s.out == nil {
		s.out = make([]Event, 0, 8) // most articles have a handful of dates
	}
	s.out = append(s.out, e)
	if e.Precision == PrecisionDay {
		s.lastDay = len(s.out) - 1
	}
	s.lastEnd = end
	return end
}

// ---- words ----------------------------------------------------------------

// Word kinds returned by dtWordKind. Only these words are triggers.
const (
	wkNone    = iota
	wkMonth   // val: 1-12
	wkWeekday // val: time.Weekday
	wkShift   // last/previous (-1), this (0), next/following (+1); val: shift+1
	wkDayWord // yesterday (-1), today (0), tomorrow (+1); val: shift+1
	wkOrdinal // spelled ordinal, val: 1-20 ("twenty-first" is built from "first")
)

// word handles a run of letters starting at i: it returns where scanning
// resumes. A token that mixes letters and digits ("G20", "COVID19") is an
// identifier and is skipped whole, so its digits never look like a number.
func (s *dateScanner) word(i int) int {
	t := s.text
	j := asciiLetterEnd(t, i+1)
	if j < len(t) && dtClass[t[j]] == clDigit {
		for j < len(t) && dtAlnum(t[j]) {
			j++
		}
		return j
	}
	kind, val := dtWordKind(t[i:j])
	e := 0
	switch kind {
	case wkMonth:
		if dtUpper(t[i]) { // "may" and "march" in lower case are verbs
			e = s.month(i, j, val)
		}
	case wkWeekday:
		if dtUpper(t[i]) {
			e = s.weekday(i, j, time.Weekday(val))
		}
	case wkShift:
		e = s.relative(i, j, val-1)
	case wkDayWord:
		e = s.dayWord(i, j, val-1)
	case wkOrdinal:
		e = s.ordinalWord(i, j, val)
	}
	if e > 0 {
		return e
	}
	return j
}

// dtWordKind classifies a word, case-insensitively, as a trigger. Nearly
// every word is turned down by dtShapeTrigger, on its length and its first,
// second and last letters, before it is folded and looked up.
func dtWordKind(w string) (kind, val int) {
	if len(w) < 3 || len(w) > 12 {
		return wkNone, 0
	}
	h := dtShape(w[0], w[1], w[len(w)-1], len(w))
	k := dtShapeTrigger[h]
	if k == 0 {
		return wkNone, 0 // no trigger has the shape
	}
	// Most shapes belong to one trigger: compare the word with it, folded
	// as dtLower folds, rather than hash it for the map.
	if k > 0 {
		tw := &dtTriggerList[k-1]
		n := len(w)
		if len(tw.word) != n {
			return wkNone, 0
		}
		// Each byte of w with bit 0x20 set must equal the trigger's. A
		// word of four bytes or more is compared a load at a time from
		// both ends: the loads overlap in the middle, and a byte compared
		// twice is folded the same way twice. (The mark pass calls this
		// for every word of a trigger's shape.)
		switch {
		case n >= 8:
			if load8(w, 0)|0x2020202020202020 != load8(tw.word, 0) ||
				load8(w, n-8)|0x2020202020202020 != load8(tw.word, n-8) {
				return wkNone, 0
			}
		case n >= 4:
			if load4(w, 0)|0x20202020 != load4(tw.word, 0) || load4(w, n-4)|0x20202020 != load4(tw.word, n-4) {
				return wkNone, 0
			}
		default:
			for i := 0; i < n; i++ {
				if w[i]|0x20 != tw.word[i] {
					return wkNone, 0
				}
			}
		}
		return tw.kind, tw.val
	}
	var buf [12]byte
	kv, ok := dtTriggerWords[string(dtLower(w, buf[:]))]
	if !ok {
		return wkNone, 0
	}
	return int(kv >> 8), int(kv & 0xff)
}

// dtShape hashes a word's length and first, second and last letters
// (folded to lower case) to one of 4096 bits.
func dtShape(a, b, z byte, n int) uint32 {
	return (uint32(a|0x20)*1031 + uint32(b|0x20)*131 + uint32(z|0x20)*17 + uint32(n)*7919) & 4095
}

// dtShapeTrigger maps a dtShape to 1 + the index in dtTriggerList of the
// only trigger with that shape, to -1 when several share it (dtWordKind then
// asks dtTriggerWords), or to 0 when none has it: about one word in fifty
// that is not a trigger has a trigger's shape.
var dtShapeTrigger = func() (m [4096]int16) {
	for k, w := range dtTriggerList {
		h := dtShape(w.word[0], w.word[1], w.word[len(w.word)-1], len(w.word))
		switch m[h] {
		case 0:
			m[h] = int16(k + 1)
		default:
			m[h] = -1
		}
	}
	return m
}()

// dtTriggerList is every trigger word with its kind and value.
var dtTriggerList = []struct {
	word      string
	kind, val int
}{
	{"january", wkMonth, 1}, {"jan", wkMonth, 1}, {"february", wkMonth, 2}, {"feb", wkMonth, 2},
	{"march", wkMonth, 3}, {"mar", wkMonth, 3}, {"april", wkMonth, 4}, {"apr", wkMonth, 4},
	{"may", wkMonth, 5}, {"june", wkMonth, 6}, {"jun", wkMonth, 6}, {"july", wkMonth, 7},
	{"jul", wkMonth, 7}, {"august", wkMonth, 8}, {"aug", wkMonth, 8}, {"september", wkMonth, 9},
	{"sep", wkMonth, 9}, {"sept", wkMonth, 9}, {"october", wkMonth, 10}, {"oct", wkMonth, 10},
	{"november", wkMonth, 11}, {"nov", wkMonth, 11}, {"december", wkMonth, 12}, {"dec", wkMonth, 12},
	{"sunday", wkWeekday, int(time.Sunday)}, {"monday", wkWeekday, int(time.Monday)},
	{"tuesday", wkWeekday, int(time.Tuesday)}, {"wednesday", wkWeekday, int(time.Wednesday)},
	{"thursday", wkWeekday, int(time.Thursday)}, {"friday", wkWeekday, int(time.Friday)},
	{"saturday", wkWeekday, int(time.Saturday)},
	{"last", wkShift, 0}, {"previous", wkShift, 0}, {"this", wkShift, 1},
	{"next", wkShift, 2}, {"following", wkShift, 2},
	{"yesterday", wkDayWord, 0}, {"today", wkDayWord, 1}, {"tomorrow", wkDayWord, 2},
	{"first", wkOrdinal, 1}, {"second", wkOrdinal, 2}, {"third", wkOrdinal, 3},
	{"fourth", wkOrdinal, 4}, {"fifth", wkOrdinal, 5}, {"sixth", wkOrdinal, 6},
	{"seventh", wkOrdinal, 7}, {"eighth", wkOrdinal, 8}, {"ninth", wkOrdinal, 9},
	{"tenth", wkOrdinal, 10}, {"eleventh", wkOrdinal, 11}, {"twelfth", wkOrdinal, 12},
	{"thirteenth", wkOrdinal, 13}, {"fourteenth", wkOrdinal, 14}, {"fifteenth", wkOrdinal, 15},
	{"sixteenth", wkOrdinal, 16}, {"seventeenth", wkOrdinal, 17}, {"eighteenth", wkOrdinal, 18},
	{"nineteenth", wkOrdinal, 19}, {"twentieth", wkOrdinal, 20},
}

// dtTriggerWords maps each trigger word to kind<<8 | val.
var dtTriggerWords = func() map[string]uint16 {
	m := make(map[string]uint16, len(dtTriggerList))
	for _, w := range dtTriggerList {
		m[w.word] = uint16(w.kind<<8 | w.val)
	}
	return m
}()

// monthNameLen is the length of each month's full name; a shorter match is
// an abbreviation and may take a period ("Jan.", "Sept.").
var monthNameLen = [13]int{0, 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8}

// month recognises a date that starts with the month name t[i:j]:
// "January 3, 1992", "Jan. 3 1992", "Feb 26" (year from ref), "March 2023",
// "March of 2023", "mid-March 2024". A month alone is not a date. A day
// one blank after a whole word is noted in s.dated for the quantity scanner.
func (s *dateScanner) month(i, j, m int) int {
	t := s.text
	k := j
	if j-i < monthNameLen[m] && k < len(t) && t[k] == '.' {
		k++
	}
	q := s.skipSpace(k)
	if q < len(t) && t[q] == ',' {
		q = k // "September, 1984": the comma may follow the name directly
	} else if q == k || q >= len(t) {
		return s.bareMonth(i, j, m)
	}
	switch {
	case dtDigit(t[q]):
		r := dtDigitsEnd(t, q)
		switch r - q {
		case 1, 2:
			if q == j+1 && t[j] == ' ' && (i == 0 || !dtAlpha(t[i-1])) {
				s.dated = append(s.dated, datedNumber{at: q, end: r, month: i})
			}
			return s.monthDay(i, r, m, dtAtoi(t[q:r]))
		case 4:
			y := dtAtoi(t[q:r])
			if !s.yearAt(q, r) || y < minYear || y > maxYear || s.inTable(i, r) || s.unitAfter(r) {
				return 0
			}
			start, mod := s.modifierBefore(i)
			return s.emit(start, r, Event{Year: y, Month: m, Precision: PrecisionMonth, Modifier: mod})
		}
	case t[q] == ',' || dtWordIs(t, q, "of"):
		// "March, 2023" and "March of 2023".
		r := q + 1
		if t[q] != ',' {
			r = q + 2
		}
		y0 := s.skipSpace(r)
		y1 := dtDigitsEnd(t, y0)
		if y1-y0 != 4 || !s.yearAt(y0, y1) {
			if t[q] == ',' && y1 == y0 {
				return s.bareMonth(i, j, m) // "In September, a delegation visited"
			}
			return 0
		}
		y := dtAtoi(t[y0:y1])
		if y < minYear || y > maxYear {
			return 0
		}
		start, mod := s.modifierBefore(i)
		return s.emit(start, y1, Event{Year: y, Month: m, Precision: PrecisionMonth, Modifier: mod})
	}
	return s.bareMonth(i, j, m)
}

// bareMonth recognises a month named without a year after a preposition,
// "in January", "by October", resolved against the document date to the
// nearest such month: "in January" in an article of February 2025 is
// January 2025, "in December" in one of January 2025 is December 2024, and
// "in October" in one of June 2025 is October 2025. Without a document
// date, or without the preposition ("May I", "March on"), it is nothing.
func (s *dateScanner) bareMonth(i, j, m int) int {
	t := s.text
	if y, end := s.monthRangeYear(j, m); end > 0 && dtUpper(t[i]) {
		// "January–September 2025": the range's year is its first month's.
		start, mod := s.modifierBefore(i)
		return s.emit(start, end, Event{Year: y, Month: m, Precision: PrecisionMonth, Modifier: mod})
	}
	if s.ref.Year == 0 || s.ref.Month == 0 || !dtUpper(t[i]) {
		return 0
	}
	ws, we := s.wordBefore(i)
	if i > 0 && t[i-1] == '-' {
		if ms, mod := s.modifierBefore(i); mod != "" {
			ws, we = ms, i-1 // "in mid-September": the modifier glued to the month
		}
	}
	if ws < 0 {
		return 0
	}
	var buf [12]byte
	prep := dtLower(t[ws:we], buf[:]) // bytes, converted at each use: a string would be a copy
	switch string(prep) {
	case "in", "by", "since", "until", "till", "during", "from", "before", "after", "through", "last", "next", "early", "late", "mid":
	case "of":
		// "at the end of October", "by the beginning of March": the
		// span starts at the time noun.
		ns, ne := s.wordBefore(ws)
		if ns < 0 {
			return 0
		}
		var nbuf [12]byte
		switch string(dtLower(t[ns:ne], nbuf[:])) {
		case "end", "beginning", "start", "middle", "close":
			ws = ns
		default:
			return 0
		}
	default:
		return 0
	}
	if j < len(t) && (dtAlpha(t[j]) || dtDigit(t[j])) {
		return 0
	}
	// "in January–October" without a year: the range is dated by where it
	// ends, as that is what the writer has seen ("January–October" said
	// in December is this year's).
	last, end := m, j
	if n := dashLen(t, j); n > 0 {
		if e := dtAlphaEnd(t, j+n); e > j+n && dtUpper(t[j+n]) {
			if kind, m2 := dtWordKind(t[j+n : e]); kind == wkMonth && m2 > m && (e >= len(t) || !dtAlnum(t[e])) {
				last, end = m2, e
			}
		}
	}
	y := s.ref.Year
	d := last - s.ref.Month
	switch {
	case string(prep) == "last":
		if d >= 0 {
			y-- // "last March" said in March or later is a year back
		}
	case string(prep) == "next":
		if d <= 0 {
			y++
		}
	case string(prep) == "in" && s.pastVerbBefore(ws):
		if d > 0 {
			y-- // "began in February" said in November: the last one
		}
	case d > 6:
		y-- // "in December" said in January
	case d < -6:
		y++ // "in January" said in August: the coming one
	}
	start, mod := s.modifierBefore(i)
	if mod == "" {
		start = ws // "in October", like "in 2024"
	}
	return s.emit(start, end, Event{Year: y, Month: m, Precision: PrecisionMonth, Modifier: mod, Relative: true})
}

// pastVerbBefore reports whether the word before offset i is a verb in the
// past tense ("began", "opened", "was"): what a sentence says happened in a
// month without a year happened in the last such month, not the coming one.
// Only "in" is read so: "postponed until November" and "extended through
// July" look ahead whatever the tense.
func (s *dateScanner) pastVerbBefore(i int) bool {
	ws, we := s.wordBefore(i)
	if ws < 0 || we-ws < 3 {
		return false
	}
	var buf [12]byte
	if we-ws > len(buf) {
		return false
	}
	w := string(dtLower(s.text[ws:we], buf[:]))
	if as, ae := s.wordBefore(ws); as >= 0 && ae-as <= len(buf) {
		// "to be held in April", "is expected in June", "will be
		// approved before June": a participle after an auxiliary is no
		// past tense.
		var abuf [12]byte
		switch string(dtLower(s.text[as:ae], abuf[:])) {
		case "be", "been", "being", "is", "are", "was", "were", "will", "would", "to", "may", "might", "could", "should", "must":
			return false
		}
	}
	switch w {
	case "expected", "scheduled", "planned", "slated", "proposed", "intended", "targeted", "forecasted", "needed":
		return false // "a meeting expected in June" looks ahead
	}
	if w[len(w)-2:] == "ed" && w != "need" && w != "speed" && w != "seed" && w != "feed" {
		return true
	}
	switch w {
	case "began", "was", "were", "rose", "fell", "grew", "came", "took", "saw", "had", "won", "met", "made", "held", "became", "sank", "slid", "went", "left", "broke", "ran", "sold", "bought", "paid", "told", "said":
		return true
	}
	return false
}

// monthRangeYear reads the rest of a range of months after the first month
// m ends at j: a hyphen or dash, a later capitalised month and its year
// ("January–September 2025"). It returns the year and where it ends, or
// end 0.
func (s *dateScanner) monthRangeYear(j, m int) (y, end int) {
	t := s.text
	n := dashLen(t, j)
	if n == 0 {
		return 0, 0
	}
	k := j + n
	e := dtAlphaEnd(t, k)
	if e == k || !dtUpper(t[k]) {
		return 0, 0
	}
	if kind, m2 := dtWordKind(t[k:e]); kind != wkMonth || m2 <= m {
		return 0, 0
	}
	y0 := s.skipSpace(e)
	y1 := dtDigitsEnd(t, y0)
	if y0 == e || y1-y0 != 4 || !s.yearAt(y0, y1) || s.unitAfter(y1) {
		return 0, 0
	}
	if y = dtAtoi(t[y0:y1]); y < minYear || y > maxYear {
		return 0, 0
	}
	return y, y1
}

// inTable reports whether the expression t[i:j] sits between numbers, as
// in a commodity price table ("Mar 1390 1391 ... May 1410 1411"), where a
// month and four digits are a delivery month and a price, not a date.
func (s *dateScanner) inTable(i, j int) bool {
	t := s.text
	if q := s.skipSpace(j); q > j && q < len(t) && dtDigit(t[q]) {
		return true
	}
	p := s.prevNonSpace(i)
	return p >= 0 && p < i-1 && dtDigit(t[p])
}

// monthDay finishes "Month D" whose day digits end at r: an optional ordinal
// suffix, an optional day range ("3-5"), then an optional year. Without a
// year the year comes from ref, and the event is marked Relative.
func (s *dateScanner) monthDay(start, r, m, d int) int {
	t := s.text
	r = dtOrdinalSuffix(t, r)
	// A day range "January 3-5": keep the first day, span the whole range.
	if r+1 < len(t) && (t[r] == '-') && dtDigit(t[r+1]) {
		r2 := dtDigitsEnd(t, r+1)
		if r2-r-1 <= 2 && dtAtoi(t[r+1:r2]) > d && dtAtoi(t[r+1:r2]) <= 31 && s.numberEnds(r2) {
			r = r2
		}
	}
	if d < 1 || d > 31 || !s.numberEnds(r) {
		return 0
	}
	if s.unitAfter(r) {
		return 0 // "March 10 percent"
	}
	return s.dayWithYear(start, r, r, m, d) // "January 3, 1992" or "January 3 1992"
}

// dayWithYear finishes a day-precision date whose month m and day d are
// read up to r: with the year that follows ("…, 1992" or "… 1992"), or, when
// none does, ending at end (before an abbreviation's period) with the year
// taken from the document date and marked Relative. It returns what emit
// returns, or 0 when the date is invalid or its year unknown.
func (s *dateScanner) dayWithYear(start, r, end, m, d int) int {
	t := s.text
	k := r
	if k < len(t) && t[k] == ',' {
		k++
	}
	y0 := s.skipSpace(k)
	if y1 := dtDigitsEnd(t, y0); y1-y0 == 4 && y0 > r && s.yearAt(y0, y1) && !s.unitAfter(y1) {
		y := dtAtoi(t[y0:y1])
		if y >= minYear && y <= maxYear && dtValidDay(y, m, d) {
			return s.emit(start, y1, Event{Year: y, Month: m, Day: d, Precision: PrecisionDay})
		}
		return 0
	}
	y, ok := s.yearFor(m, d)
	if !ok {
		return 0
	}
	return s.emit(start, end, Event{Year: y, Month: m, Day: d, Precision: PrecisionDay, Relative: true})
}

// yearFor picks the year of a yearless "Month D" from ref: ref's year, or
// the year before when that would put the date more than four months after
// ref (a January article mentioning "December 28"). News looks back more
// often than ahead, but announcements of pay days, meetings and deadlines a
// quarter ahead are common, so the window ahead is wider than the two months
// a pure look-back rule would give.
func (s *dateScanner) yearFor(m, d int) (int, bool) {
	if s.ref.Year == 0 {
		return 0, false
	}
	y := s.ref.Year
	// A month up to ref's ends at most 30 days after ref (d is 1-31):
	// only a later month is counted, the datelines' "Feb 26" never.
	if s.ref.Month > 0 && m > s.ref.Month {
		// Day numbers, not time.Date and Time.Sub: this runs for every
		// yearless date, and the answer is the same.
		if civilDays(y, m, d)-s.refDayNumber() > 122 {
			y--
		}
	}
	return y, dtValidDay(y, m, d)
}

// refDayNumber returns the civilDays of ref as Date.Time reads it (an
// unknown month or day as 1), found on first need and kept.
func (s *dateScanner) refDayNumber() int {
	if !s.refDaysSet {
		s.refDays, s.refDaysSet = civilDays(s.ref.Year, max(s.ref.Month, 1), max(s.ref.Day, 1)), true
	}
	return s.refDays
}

// civilDate returns the date of day number n, as civilDays counts days: its
// inverse (H. Hinnant's civil_from_days). Date arithmetic in the date
// scanner goes through day numbers rather than time.Time, whose every date
// and field costs a conversion.
func civilDate(n int) Date {
	n += 719468 // days from 0000-03-01
	era := n / 146097
	if n < 0 && n%146097 != 0 {
		era-- // rounded down, not toward zero
	}
	doe := n - era*146097                                  // day of the 400-year cycle, 0-146096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the cycle, 0-399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from March 1, 0-365
	mp := (5*doy + 2) / 153                                // month from March, 0-11
	d := Date{Year: yoe + era*400, Month: mp + 3, Day: doy - (153*mp+2)/5 + 1}
	if d.Month > 12 {
		d.Month -= 12
		d.Year++ // January and February end the year counted from March
	}
	return d
}

// civilDays returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar, negative before it. A month or day out of
// range carries over as time.Date carries it: month 13 is January of the
// next year, April 31 is May 1.
func civilDays(y, m, d int) int {
	// Months from March, so that a leap day ends the year, and years from
	// the start of a 400-year cycle (H. Hinnant's days_from_civil).
	m--
	y += m / 12
	if m %= 12; m < 0 {
		m += 12
		y--
	}
	if m < 2 {
		y--
		m += 12
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era-- // rounded down, not toward zero
	}
	yoe := y - era*400
	doy := (153*(m-2)+2)/5 + d - 1
	return era*146097 + yoe*365 + yoe/4 - yoe/100 + doy - 719468
}

// weekday recognises "on Tuesday", "last Friday", "next Monday": a weekday
// name with a cue before it, resolved against ref (which must give the day).
// "on Tuesday" is the most recent Tuesday on or before ref.
func (s *dateScanner) weekday(i, j int, wd time.Weekday) int {
	t := s.text
	if s.ref.Day == 0 {
		return 0
	}
	// "Tuesday, January 3, 1992", "Tuesday 5 November": the date that
	// follows says it all.
	q := j
	if q < len(t) && t[q] == ',' {
		q++
	}
	if q = s.skipSpace(q); q < len(t) {
		if dtDigit(t[q]) {
			return 0
		}
		if kind, _ := dtWordKind(t[q:dtAlphaEnd(t, q)]); kind == wkMonth && dtUpper(t[q]) {
			return 0
		}
	}
	start := i
	ref := s.refDayNumber()
	refDay := (ref%7 + 11) % 7         // ref's weekday: 1970-01-01 was a Thursday (4)
	back := (refDay - int(wd) + 7) % 7 // days back to the latest such weekday
	days := -back
	ws, we := s.wordBefore(i)
	if ws < 0 {
		return 0
	}
	var buf [12]byte
	switch w := string(dtLower(t[ws:we], buf[:])); w {
	case "on", "since", "until", "by", "said", "late", "early", "told", "met", "says":
	case "this":
		start = ws
	case "last":
		start = ws
		if back == 0 {
			days = -7
		}
	case "next":
		start = ws
		days = (int(wd) - refDay + 7) % 7
		if days == 0 {
			days = 7
		}
	default:
		// News drops the "on": "figures released Wednesday", "the
		// ministry announced Tuesday". A verb in the past tense dates it.
		if len(w) < 5 || w[len(w)-2:] != "ed" {
			return 0
		}
	}
	d := civilDate(ref + days)
	return s.emit(start, j, Event{Year: d.Year, Month: d.Month, Day: d.Day, Precision: PrecisionDay, Relative: true})
}

// relative recognises last/this/next + year, month or week ("earlier this
// month", "next year's budget"), resolved against ref, and "the next day",
// "the following day", "the previous day", resolved against the last
// day-precision date of the text. shift is -1, 0 or +1.
func (s *dateScanner) relative(i, j, shift int) int {
	t := s.text
	ns, ne := s.wordAfter(j)
	if ns < 0 {
		return 0
	}
	var buf [12]byte
	unit := dtLower(t[ns:ne], buf[:]) // bytes, converted at each use: a string would be a copy
	switch string(unit) {
	case "day", "year", "month", "week":
	default:
		return 0 // "this company", "last night": told before the word before is read
	}
	isThe := false
	if ws, we := s.wordBefore(i); ws >= 0 {
		isThe = dtWordIs(t, ws, "the") && we-ws == 3
	}
	if string(unit) == "day" {
		// "the next day" continues the story of the last full date.
		if !isThe || s.lastDay < 0 || dtWordIs(t, i, "this") || dtWordIs(t, i, "last") {
			return 0
		}
		ws, _ := s.wordBefore(i)
		p := s.out[s.lastDay]
		d := civilDate(civilDays(p.Year, p.Month, p.Day+shift))
		return s.emit(ws, ne, Event{Year: d.Year, Month: d.Month, Day: d.Day, Precision: PrecisionDay, Relative: true})
	}
	// "over the last year" and "in the next year" are durations, and
	// "following"/"previous" need an anchor in the text, not ref.
	if isThe || !(dtWordIs(t, i, "last") || dtWordIs(t, i, "this") || dtWordIs(t, i, "next")) {
		return 0
	}
	start := i
	if ws, we := s.wordBefore(i); ws >= 0 && shift == 0 {
		var b2 [12]byte
		if w := dtLower(t[ws:we], b2[:]); string(w) == "earlier" || string(w) == "later" {
			start = ws
		}
	}
	var e Event
	switch string(unit) {
	case "year":
		if s.ref.Year == 0 {
			return 0
		}
		e = Event{Year: s.ref.Year + shift, Precision: PrecisionYear}
	case "month":
		if s.ref.Month == 0 {
			return 0
		}
		d := civilDate(civilDays(s.ref.Year, s.ref.Month+shift, 1))
		e = Event{Year: d.Year, Month: d.Month, Precision: PrecisionMonth}
	case "week":
		if s.ref.Day == 0 {
			return 0
		}
		d := civilDate(s.refDayNumber() + 7*shift)
		e = Event{Year: d.Year, Month: d.Month, Day: d.Day, Precision: PrecisionDay}
	default:
		return 0
	}
	e.Relative = true
	return s.emit(start, ne, e)
}

// dayWord recognises "yesterday", "today" and "tomorrow" against ref, but
// not the possessive "today's", which almost always means "nowadays".
func (s *dateScanner) dayWord(i, j, shift int) int {
	if s.ref.Day == 0 || s.possessive(j) || shift == 0 && s.nowadays(i, j) {
		return 0
	}
	d := civilDate(s.refDayNumber() + shift)
	return s.emit(i, j, Event{Year: d.Year, Month: d.Month, Day: d.Day, Precision: PrecisionDay, Relative: true})
}

// nowadays reports whether the "today" at t[i:j] means these days, not
// the day of writing: "Today a container costs $1,200", "and today over
// 3,600 enterprises operate here". It does when it opens its clause (after
// a sentence's end, "and" or "but"), a noun phrase follows it, and the
// clause's verb is in the present tense, with nothing before it that
// tells of the day ("said", "will", a past tense in -ed). Wire copy's
// "said today", "will meet today" and "Today is the end of" keep the day.
func (s *dateScanner) nowadays(i, j int) bool {
	t := s.text
	if ws, we := s.wordBefore(i); ws >= 0 {
		var buf [12]byte
		if w := string(dtLower(t[ws:we], buf[:])); w != "and" && w != "but" {
			return false
		}
	} else if p := s.prevNonSpace(i); p >= 0 && !strings.ContainsRune(".!?\"\n", rune(t[p])) {
		return false
	}
	for k, n := j, 0; k < len(t) && k < j+120 && n < 10; {
		c := t[k]
		if c == '.' || c == ';' || c == '?' || c == '!' || c == '\n' {
			return false
		}
		if !dtAlpha(c) {
			k++
			continue
		}
		e := dtAlphaEnd(t, k)
		var buf [12]byte
		w := string(dtLower(t[k:e], buf[:]))
		switch {
		case presentVerbs[w]:
			return n > 0 // "Today is the end of the moratorium" is the day
		case w == "said" || w == "will" || w == "would" || w == "told" || len(w) > 3 && w[len(w)-2:] == "ed":
			return false
		}
		k, n = e, n+1
	}
	return false
}

// presentVerbs are the verbs in the present tense that make "today" mean
// these days.
var presentVerbs = map[string]bool{
	"is": true, "are": true, "costs": true, "cost": true, "takes": true, "take": true,
	"stands": true, "remains": true, "remain": true, "operate": true, "operates": true,
	"account": true, "accounts": true, "employs": true, "employ": true, "handles": true,
	"handle": true, "runs": true, "run": true, "exceeds": true, "exceed": true,
	"makes": true, "make": true, "live": true, "lives": true, "work": true, "works": true,
}

// ordinalWord recognises a spelled century, "the nineteenth century" or
// "twenty-first century", with an optional modifier.
func (s *dateScanner) ordinalWord(i, j, n int) int {
	t := s.text
	start := i
	if n == 1 && i >= 7 && t[i-1] == '-' && dtWordIs(t, i-7, "twenty") && (i == 7 || !dtAlpha(t[i-8])) {
		n, start = 21, i-7
	}
	return s.century(start, j, n)
}

// ---- numbers --------------------------------------------------------------

// number handles a run of digits starting at i and returns where scanning
// resumes: after the date it emitted, or after the whole number-like token
// ("1,400.5", "10:30", "852-2345-6789") so that its parts are not re-read.
func (s *dateScanner) number(i int) int {
	t := s.text
	j := dtDigitsEnd(t, i)
	if !dtFigureGoesOn(t, j) && s.numberMayStart(i) {
		e := 0
		switch j - i {
		case 4:
			e = s.fourDigits(i, j)
		case 1, 2:
			e = s.smallNumber(i, j)
		}
		// A historic range needs a dash after its first year: most
		// numbers are turned away here without a call (0xE2 starts "–" and
		// "—", which historicRange reads with dashLen).
		if e == 0 && j-i <= 3 && j < len(t) && (t[j] == '-' || t[j] == 0xE2) {
			e = s.historicRange(i, j)
		}
		if e > 0 {
			return e
		}
	}
	for {
		for j < len(t) && dtAlnum(t[j]) {
			j++
		}
		if j+1 < len(t) && dtDigit(t[j+1]) {
			switch t[j] {
			case '.', ',', ':', '/', '-':
				j += 2
				continue
			}
		}
		return j
	}
}

// dtFigureGoesOn reports whether the digits ending at j go on as a decimal,
// a thousands group or a time ("1.5", "1,400", "10:30"): no recogniser
// takes such a number (numberEnds turns each away), so it is skipped
// whole before any is tried. Most numbers in economic text are of this kind.
func dtFigureGoesOn(t string, j int) bool {
	return j+1 < len(t) && (t[j] == '.' || t[j] == ',' || t[j] == ':') && dtDigit(t[j+1])
}

// numberMayStart reports whether the digits at i can begin a date, judging by
// the byte before them: not inside an identifier ("COVID-19"), a decimal,
// a money amount ("$2016", "£1000"), a fraction or a time.
func (s *dateScanner) numberMayStart(i int) bool {
	t := s.text
	if i == 0 || t[i-1] == ' ' {
		return true // most numbers follow a space: spare the switch
	}
	switch p := t[i-1]; p {
	case '-':
		// Only a fuzzy modifier may be hyphenated to a date: "mid-2026".
		_, mod := s.modifierBefore(i)
		return mod != ""
	case '$', '#', '+', '@', '.', '_', '\\', '=', '^', '\'', '&', '*', '~':
		return false
	case ',', ':', '/':
		return i < 2 || !dtAlnum(t[i-2])
	case 0xA3, 0xA5: // "£", "¥"
		return i < 2 || t[i-2] != 0xC2
	case 0xAC: // "€"
		return i < 3 || t[i-3:i] != "€"
	}
	return true
}

// fourDigits handles four digits t[i:j]: an ISO date, a decade, a range of
// years, or a year with a cue.
func (s *dateScanner) fourDigits(i, j int) int {
	y := dtAtoi(s.text[i:j])
	if y < minYear || y > maxYear {
		return 0
	}
	if e := s.isoDate(i, j, y); e > 0 {
		return e
	}
	if e := s.decade(i, j, y); e > 0 {
		return e
	}
	if e := s.yearRange(i, j, y); e > 0 {
		return e
	}
	if !s.yearAt(i, j) {
		return 0
	}
	return s.bareYear(i, j, y)
}

// isoDate recognises "2024-11-06" and "2024/11/06".
func (s *dateScanner) isoDate(i, j, y int) int {
	t := s.text
	if j+6 > len(t) {
		return 0
	}
	sep := t[j]
	if (sep != '-' && sep != '/') || t[j+3] != sep ||
		!dtDigit(t[j+1]) || !dtDigit(t[j+2]) || !dtDigit(t[j+4]) || !dtDigit(t[j+5]) {
		return 0
	}
	if sep == '-' {
		s.dated = append(s.dated, datedNumber{at: i, end: j, month: -1})
	}
	e := j + 6
	timestamp := e+1 < len(t) && t[e] == 'T' && dtDigit(t[e+1]) // "2024-11-06T10:30:00Z"
	if !timestamp && e < len(t) && (dtAlnum(t[e]) || dtCont(t[e]) ||
		((t[e] == sep || t[e] == '.' || t[e] == ',') && e+1 < len(t) && dtDigit(t[e+1])) ||
		(t[e] == sep || t[e] == '_') && e+1 < len(t) && dtAlnum(t[e+1])) {
		return 0 // a longer identifier or number: "2026-10-21-HBR-5531", an article's id
	}
	m, d := dtAtoi(t[j+1:j+3]), dtAtoi(t[j+4:j+6])
	if !dtValidDay(y, m, d) {
		return 0
	}
	return s.emit(i, e, Event{Year: y, Month: m, Day: d, Precision: PrecisionDay})
}

// decade recognises "1990s", "1990's", "late 1990s". A hundred ("the 1800s")
// is read as its century of years, 1800-1899.
func (s *dateScanner) decade(i, j, y int) int {
	t := s.text
	k := j
	switch {
	case k < len(t) && t[k] == 's':
		k++
	case k+1 < len(t) && t[k] == '\'' && t[k+1] == 's':
		k += 2
	case k+3 < len(t) && t[k:k+3] == "’" && t[k+3] == 's':
		k += 4
	default:
		return 0
	}
	if y%10 != 0 || y < 1100 || (k < len(t) && (dtAlnum(t[k]) || dtCont(t[k]))) {
		return 0
	}
	start, mod := s.modifierBefore(i)
	e := Event{Year: y, EndYear: y + 9, Precision: PrecisionDecade, Modifier: mod}
	if y%100 == 0 && y < 2000 {
		e.EndYear, e.Precision = y+99, PrecisionCentury
	}
	return s.emit(start, k, e)
}

// yearRange recognises a range of years starting with y at t[i:j]:
// "1522–1566", "1522-1566", "(1522–1566)", "1986/87", "2019-20",
// "From 2015 to 2017", "between 2020 and 2025", "2026 to 2030".
func (s *dateScanner) yearRange(i, j, y int) int {
	t := s.text
	k, tight, word := j, false, ""
	switch {
	case k+1 < len(t) && (t[k] == '-' || t[k] == '/') && dtDigit(t[k+1]):
		k, tight = k+1, true
	default:
		q := s.skipSpace(k)
		if q+3 < len(t) && (t[q:q+3] == "–" || t[q:q+3] == "—") {
			k, tight = s.skipSpace(q+3), q == k
			break
		}
		if q == k {
			return 0
		}
		ws, we := q, dtAlphaEnd(t, q)
		var buf [12]byte
		// word is a constant, not the word read, which would be copied
		// for every year: only "and" is told from the others.
		switch string(dtLower(t[ws:we], buf[:])) {
		case "to", "through", "until", "till":
			word = "to"
		case "and":
			word = "and"
		default:
			return 0
		}
		k = s.skipSpace(we)
		if k == we {
			return 0
		}
	}
	k2 := dtDigitsEnd(t, k)
	y2 := 0
	switch k2 - k {
	case 4:
		y2 = dtAtoi(t[k:k2])
	case 2:
		if !tight {
			return 0
		}
		y2 = y/100*100 + dtAtoi(t[k:k2])
		if y2 <= y {
			y2 += 100
		}
		if y2-y > 10 {
			return 0 // "2024-11" is a month, not 2024-2111
		}
	default:
		return 0
	}
	if y2 <= y || y2 > maxYear || !s.yearAt(k, k2) || s.unitAfter(k2) {
		return 0
	}
	if i > 0 && t[i-1] == '/' {
		return 0
	}
	start, end := i, k2
	cue := ""
	if ws, we := s.wordBefore(i); ws >= 0 {
		var buf [12]byte
		switch w := string(dtLower(t[ws:we], buf[:])); w {
		case "from", "between", "in", "during", "since", "by":
			cue, start = w, ws
		case "pp", "p", "pages", "page", "no", "nos":
			return 0 // a page range
		}
	} else if p := s.prevNonSpace(i); p >= 0 && t[p] == '(' {
		if q := s.skipSpace(k2); q < len(t) && t[q] == ')' {
			start, end = p, q+1
		}
	}
	switch {
	case word == "and" && cue != "between":
		return 0 // "2015 and 2017" is a list, not a range
	case word != "" && cue != "from" && cue != "between" && y2-y > 100:
		return 0
	case y2-y > 300:
		return 0
	}
	return s.emit(start, end, Event{Year: y, EndYear: y2, Precision: PrecisionYear})
}

// historicRange recognises a reign or dynasty's years in brackets right
// after its name, where years below 1000 are years: "the Tang dynasty
// (618–907)". BC is not handled, and a bracketed range after any other
// word ("items (618–907)") is not a date.
func (s *dateScanner) historicRange(i, j int) int {
	t := s.text
	// The dash after the first year first: it turns away nearly every
	// number, which the words before it would cost more to.
	n := dashLen(t, j)
	if n == 0 {
		return 0
	}
	p := s.prevNonSpace(i)
	if p < 0 || t[p] != '(' {
		return 0
	}
	ws, we := s.wordBefore(p)
	if ws < 0 {
		return 0
	}
	var buf [12]byte
	switch string(dtLower(t[ws:we], buf[:])) {
	case "dynasty", "dynasties", "reign", "empire", "era", "kingdom", "khanate", "caliphate", "period", "rule":
	default:
		return 0
	}
	k := j + n
	k2 := dtDigitsEnd(t, k)
	if k2-k < 1 || k2-k > 4 {
		return 0
	}
	q := s.skipSpace(k2)
	if q >= len(t) || t[q] != ')' {
		return 0
	}
	y, y2 := dtAtoi(t[i:j]), dtAtoi(t[k:k2])
	if y < 1 || y2 <= y || y2 > maxYear {
		return 0
	}
	return s.emit(p, q+1, Event{Year: y, EndYear: y2, Precision: PrecisionYear})
}

// bareYear decides whether the year y at t[i:j] has a cue that makes it a
// date, and emits it with the cue in its span.
func (s *dateScanner) bareYear(i, j, y int) int {
	t := s.text
	if s.unitAfter(j) || s.failedRange(i, j) {
		return 0 // "2016 tonnes", "2025 growth", "1500 GMT", "from 2000 to 3000"
	}
	end := j
	start, mod := s.modifierBefore(i)
	if start < i {
		return s.emit(start, end, Event{Year: y, Precision: PrecisionYear, Modifier: mod})
	}
	p := s.prevNonSpace(i)
	switch {
	case p < 0:
		if !s.subjectYear(j) {
			return 0
		}
	case t[p] == '(':
		q := s.skipSpace(j)
		if q >= len(t) || t[q] != ')' {
			return 0
		}
		start, end = p, q+1
	case t[p] == ',' && len(s.out) > 0 && s.out[len(s.out)-1].Span.End == p &&
		s.out[len(s.out)-1].Precision == PrecisionYear:
		// A list of years: "in 1997, 1998 and 1999".
	case t[p] == '.' || t[p] == '!' || t[p] == '?' || t[p] == '\n' || t[p] == '"':
		if c := s.circa(p); c >= 0 {
			start = c
		} else if !s.subjectYear(j) {
			return 0
		}
	default:
		if q := s.quarterBefore(i); q >= 0 {
			start = q
			break
		}
		ws, we := s.wordBefore(i)
		if ws < 0 {
			return 0
		}
		c, ok := s.yearCue(i, ws, we)
		if !ok {
			return 0
		}
		start = c
	}
	return s.emit(start, end, Event{Year: y, Precision: PrecisionYear})
}

// quarterBefore returns where a quarter written before the year at i
// starts ("Q3 2025", "3Q 2025"), or -1.
func (s *dateScanner) quarterBefore(i int) int {
	t := s.text
	p := s.prevNonSpace(i)
	if p < 1 || p == i-1 {
		return -1 // "Q32025" is no quarter
	}
	a, b := t[p-1], t[p]
	if !(a == 'Q' && b >= '1' && b <= '4' || b == 'Q' && a >= '1' && a <= '4') {
		return -1
	}
	if p >= 2 && dtAlnum(t[p-2]) {
		return -1
	}
	return p - 1
}

// failedRange reports whether the number t[i:j] reads as the start of a
// range, "from N to M" or "between N and M": yearRange has already turned it
// down as a range of years, so it is a range of something else ("from 2000
// to 3000 units").
func (s *dateScanner) failedRange(i, j int) bool {
	t := s.text
	ws, we := s.wordAfter(j)
	switch {
	case ws < 0:
		return false
	case dtWordIs(t, ws, "and"):
		if bs, _ := s.wordBefore(i); bs < 0 || !dtWordIs(t, bs, "between") {
			return false
		}
	case !dtWordIs(t, ws, "to"):
		return false
	}
	q := s.skipSpace(we)
	if q >= len(t) || !dtDigit(t[q]) {
		return false
	}
	if bs, _ := s.wordBefore(i); bs >= 0 && dtWordIs(t, bs, "from") {
		return true
	}
	// No "from": "expanded 5.5% in 2025 to 3.9 trillion yuan" is a year
	// and a change's result; only a whole number as long as the year
	// ("2000 to 3000 units") makes a range of something else.
	e := q
	for e < len(t) && dtDigit(t[e]) {
		e++
	}
	return e-q >= 4 && (e == len(t) || t[e] != '.' && t[e] != ',')
}

// yearCue reports whether the word t[ws:we] before a year makes it a date,
// and where the span starts.
func (s *dateScanner) yearCue(i, ws, we int) (int, bool) {
	t := s.text
	var buf [12]byte
	switch string(dtLower(t[ws:we], buf[:])) {
	case "from":
		// "from 1986" is a year in economic text, but "from 1456 CST" and
		// "from 1200" are not: only modern years are taken after "from".
		return ws, dtAtoi(t[i:i+4]) >= 1800
	case "in", "since", "by", "after", "before", "until", "till", "during", "due",
		"through", "throughout", "circa", "year", "spring", "summer", "autumn", "winter",
		"fiscal", "fy", "quarter", "qtr":
		return ws, true
	case "of":
		// "end of 2025", "first half of 1987", "as of 2024", "the first
		// nine months of 1986", "the whole of 2024" — but not "a total of
		// 1987 bags".
		ns, ne := s.wordBefore(ws)
		if ns < 0 {
			return 0, false
		}
		var b2 [12]byte
		switch string(dtLower(t[ns:ne], b2[:])) {
		case "end", "beginning", "start", "middle", "half", "quarter", "spring", "summer",
			"autumn", "winter", "as", "part", "course", "rest", "remainder", "all",
			"months", "weeks", "period", "season", "level", "levels", "whole", "entirety":
			return ns, true
		}
	case "over", "than", "against", "versus", "vs", "around":
		// "up 14.3 per cent over 2023.", "due to open around 2030," — but
		// "over 2000 people", "more than 1500 tonnes" and "around 2000
		// workers" are counts: a comparison or an approximate year ends
		// its phrase.
		q := s.skipSpace(i + 4)
		ends := q >= len(t) || t[q] == '.' || t[q] == ',' || t[q] == ';' || t[q] == ':' || t[q] == ')'
		if ends && we-ws == len("around") && t[ws]|0x20 == 'a' && t[ws+1]|0x20 == 'r' && s.ref.Year != 0 {
			// "index levels around 2050." in 1987 is a level, not a
			// year: an approximate year lies within a few decades of
			// the document.
			y := dtAtoi(t[i : i+4])
			ends = y >= s.ref.Year-50 && y <= s.ref.Year+30
		}
		return ws, ends
	case "and", "or":
		// A list of years: "in 2015 and 2017".
		if n := len(s.out); n > 0 && s.out[n-1].Precision == PrecisionYear && !s.out[n-1].Relative &&
			s.prevNonSpace(ws) == s.out[n-1].Span.End-1 {
			return i, true
		}
	}
	return 0, false
}

// circa returns where "c." or "ca." starts when the period at t[p] ends one
// ("c. 1850"), or -1.
func (s *dateScanner) circa(p int) int {
	t := s.text
	if t[p] != '.' {
		return -1
	}
	ws, we := s.wordBefore(p)
	if ws >= 0 && we == p && (we-ws == 1 && t[ws]|0x20 == 'c' || we-ws == 2 && dtWordIs(t, ws, "ca")) {
		return ws
	}
	return -1
}

// subjectYear reports whether a year that starts a sentence is its subject:
// "1997 was a turning point", "2025 saw ...".
func (s *dateScanner) subjectYear(j int) bool {
	ws, we := s.wordAfter(j)
	if ws < 0 || ws == j {
		return false
	}
	var buf [12]byte
	switch string(dtLower(s.text[ws:we], buf[:])) {
	case "was", "is", "saw", "marked", "will", "has", "had", "became", "brought", "proved", "remains":
		return true
	}
	return false
}

// smallNumber handles one or two digits t[i:j]: a century ("19th century"),
// or a day before a month ("9 July 2020", "3rd of January").
func (s *dateScanner) smallNumber(i, j int) int {
	t := s.text
	if j+1 < len(t) && t[j] == ' ' && dtClass[t[j+1]] == clLower {
		// "15 pct", "3 mln": a blank then a lower-case word leaves no
		// ordinal suffix, day range or capitalised month to read, and
		// most small numbers in economic text are of this kind.
		return 0
	}
	n := dtAtoi(t[i:j])
	k := dtOrdinalSuffix(t, j)
	ordinal := k > j
	if ordinal {
		if e := s.century(i, k, n); e > 0 {
			return e
		}
	}
	if d := dashLen(t, k); d > 0 && !ordinal {
		// "29–30 January 2024": a range of days dates its first, and the
		// span takes both.
		if e2 := dtDigitsEnd(t, k+d); e2-(k+d) >= 1 && e2-(k+d) <= 2 {
			if m2 := dtAtoi(t[k+d : e2]); m2 > n && m2 <= 31 {
				k = e2
			}
		}
	}
	if n < 1 || n > 31 || !s.numberEnds(k) {
		return 0
	}
	q := s.skipSpace(k)
	if q == k {
		return 0
	}
	if ordinal && dtWordIs(t, q, "of") && q+2 < len(t) && !dtAlpha(t[q+2]) {
		q = s.skipSpace(q + 2)
	}
	if q >= len(t) || !dtUpper(t[q]) {
		return 0 // "15 pct": a month is capitalised, told before it is read
	}
	me := dtAlphaEnd(t, q)
	kind, m := dtWordKind(t[q:me])
	if kind != wkMonth {
		return 0
	}
	r := me
	if me-q < monthNameLen[m] && r < len(t) && t[r] == '.' {
		r++
	}
	if r < len(t) && dtDigit(t[r]) {
		return 0
	}
	return s.dayWithYear(i, r, me, m, n) // "9 July 2020", "3 January, 1992"
}

// century recognises "19th century", "mid-19th century", "late 18th-century"
// from an ordinal n whose token ends at k; BC centuries are not handled.
func (s *dateScanner) century(i, k, n int) int {
	t := s.text
	if n < 1 || n > 21 || k >= len(t) || (t[k] != ' ' && t[k] != '-') {
		return 0
	}
	q := k + 1
	if t[k] == ' ' {
		q = s.skipSpace(k)
	}
	e := dtAlphaEnd(t, q)
	if e-q != 7 || !dtWordIs(t, q, "century") {
		return 0
	}
	if ws, _ := s.wordAfter(e); t[q] == 'C' && ws >= 0 && dtUpper(t[ws]) {
		return 0 // a name: "20th Century Fox"
	}
	if ws, we := s.wordAfter(e); ws >= 0 {
		if w := t[ws:we]; w == "BC" || w == "BCE" || w == "B" {
			return 0
		}
	}
	start, mod := s.modifierBefore(i)
	return s.emit(start, e, Event{Year: (n-1)*100 + 1, EndYear: n * 100,
		Precision: PrecisionCentury, Modifier: mod})
}

// ---- context --------------------------------------------------------------

// modifierBefore looks for a fuzzy modifier right before i ("mid-2026",
// "early 2024", "late 1990s", "end-1986") and returns where the span starts
// and the modifier; i and "" when there is none.
func (s *dateScanner) modifierBefore(i int) (int, string) {
	t := s.text
	var ws, we int
	if i > 0 && t[i-1] == '-' {
		ws, we = i-1, i-1
		for ws > 0 && dtAlpha(t[ws-1]) {
			ws--
		}
		if ws > 0 && dtAlnum(t[ws-1]) {
			return i, ""
		}
	} else if ws, we = s.wordBefore(i); ws < 0 {
		return i, ""
	}
	var buf [12]byte
	switch string(dtLower(t[ws:we], buf[:])) {
	case "early":
		return ws, "early"
	case "mid", "middle":
		return ws, "mid"
	case "late", "end":
		return ws, "late"
	}
	return i, ""
}

// unitAfter reports whether the number ending at j is followed by a unit, a
// magnitude or a noun that makes it a figure rather than a date ("2016
// tonnes", "1500 GMT", "2025 growth"), or by "BC".
func (s *dateScanner) unitAfter(j int) bool {
	t := s.text
	q := s.skipSpace(j)
	if q >= len(t) {
		return false
	}
	if t[q] == '%' {
		return true
	}
	e := q
	for e < len(t) && dtAlnum(t[e]) {
		e++
	}
	if e == q || e-q > 12 {
		return false
	}
	var buf [12]byte
	switch string(dtLower(t[q:e], buf[:])) {
	case "percent", "pct", "per", "tonnes", "tonne", "tons", "ton", "t", "mt", "kg", "kgs", "lbs",
		"km", "kms", "km2", "kilometres", "kilometers", "miles", "mi", "metres", "meters", "m", "sq",
		"hectares", "ha", "acres", "barrels", "bbl", "bpd", "bags", "ounces", "oz", "bushels",
		"dlrs", "dollars", "usd", "yuan", "rmb", "yen", "euros", "pounds", "francs", "marks", "rubles", "tenge",
		"units", "teu", "teus", "shares", "points", "mln", "million", "millions", "billion", "bln",
		"trillion", "thousand", "growth", "outlook", "budget", "budgets", "forecast", "forecasts", "target",
		"targets", "figures", "levels", "estimates", "results", "earnings", "profit", "profits",
		"revenue", "revenues", "sales", "output", "gdp", "gmt", "utc", "hrs", "hours", "h", "local",
		"est", "edt", "cst", "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet", "hkt", "jst", "sgt",
		"am", "pm", "bc", "bce", "mw", "kw", "gw", "mwh", "kwh", "cc", "mm", "cm":
		return true
	}
	return false
}

// possessive reports whether "'s" or "’s" follows at j.
func (s *dateScanner) possessive(j int) bool {
	t := s.text
	return (j+1 < len(t) && t[j] == '\'' && (t[j+1] == 's' || t[j+1] == 'S')) ||
		(j+3 < len(t) && t[j:j+3] == "’" && (t[j+3] == 's' || t[j+3] == 'S'))
}

// yearAt reports whether four digits t[i:j] stand alone as a year: not glued
// to letters or more digits, not a decimal or a thousands group, not a
// percentage, not the first part of a compound ("2024-style").
func (s *dateScanner) yearAt(i, j int) bool {
	t := s.text
	if i > 0 && (dtAlnum(t[i-1]) || t[i-1] == '.' || t[i-1] == '$') {
		return false
	}
	return s.numberEnds(j)
}

// numberEnds reports whether a number token ends at j: what follows is not a
// letter or digit, a decimal or thousands part, a time, a percent sign, or a
// hyphenated continuation ("20-point", "852-2345").
func (s *dateScanner) numberEnds(j int) bool {
	t := s.text
	if j >= len(t) {
		return true
	}
	c := t[j]
	if dtAlnum(c) || dtCont(c) || c == '%' {
		return false
	}
	if j+1 < len(t) {
		switch n := t[j+1]; c {
		case '.', ',', ':', '/':
			return !dtDigit(n)
		case '-':
			return !dtAlnum(n)
		}
	}
	return true
}

// skipSpace returns the first index at or after k that is not a blank:
// spaces, tabs, carriage returns, no-break spaces and at most one newline
// (a blank line ends any date).
func (s *dateScanner) skipSpace(k int) int {
	t := s.text
	nl := false
	for k < len(t) {
		switch c := t[k]; {
		case c == ' ' || c == '\t' || c == '\r':
			k++
		case c == '\n' && !nl:
			nl = true
			k++
		case c == 0xC2 && k+1 < len(t) && t[k+1] == 0xA0:
			k += 2
		default:
			return k
		}
	}
	return k
}

// prevNonSpace returns the index of the last byte before i that is not a
// blank (as skipSpace counts them), or -1.
func (s *dateScanner) prevNonSpace(i int) int {
	t := s.text
	nl := false
	k := i - 1
	for k >= 0 {
		switch c := t[k]; {
		case c == ' ' || c == '\t' || c == '\r':
			k--
		case c == '\n' && !nl:
			nl = true
			k--
		case c == 0xA0 && k > 0 && t[k-1] == 0xC2:
			k -= 2
		default:
			return k
		}
	}
	return -1
}

// wordBefore returns the bounds of the ASCII word just before i (blanks
// between allowed), or -1, -1 when a non-letter comes first or the word is
// glued to digits. The recognisers ask for the word before one offset two
// or three times ("in 1987": for a modifier, then for a cue), so the last
// answer is kept (see before).
func (s *dateScanner) wordBefore(i int) (int, int) {
	if s.before.at == i+1 {
		return s.before.start, s.before.end
	}
	t := s.text
	ws, we := -1, -1
	if p := s.prevNonSpace(i); p >= 0 && dtAlpha(t[p]) {
		k := p
		for k > 0 && dtAlpha(t[k-1]) {
			k--
		}
		if k == 0 || !dtDigit(t[k-1]) {
			ws, we = k, p+1
		}
	}
	s.before = wordBounds{at: i + 1, start: ws, end: we}
	return ws, we
}

// wordBounds is wordBefore's last answer: the word t[start:end] before
// offset at-1, at 0 when there is none yet (so a new scanner needs no
// setting up).
type wordBounds struct {
	at, start, end int
}

// wordAfter returns the bounds of the ASCII word starting after the blanks
// at j, or -1, -1.
func (s *dateScanner) wordAfter(j int) (int, int) {
	q := s.skipSpace(j)
	e := dtAlphaEnd(s.text, q)
	if e == q {
		return -1, -1
	}
	return q, e
}

// ---- byte helpers ---------------------------------------------------------

// The dt prefix keeps these helpers clear of the other scanners' names in
// this package.

func dtDigit(c byte) bool { return dtClass[c] == clDigit }
func dtUpper(c byte) bool { return dtClass[c] == clUpper }
func dtAlpha(c byte) bool { return dtClass[c] >= clUpper }
func dtAlnum(c byte) bool { return dtClass[c] != clOther }

// dtCont reports whether c is a UTF-8 continuation byte: a date glued to one
// would end inside a multi-byte character.
func dtCont(c byte) bool { return c&0xC0 == 0x80 }

// dtDigitsEnd returns the end of the run of digits starting at i. Every
// trigger of the scan starts with one, so the first eight bytes are tested
// at once (see swar.go): nearly every run ends inside them.
func dtDigitsEnd(t string, i int) int {
	if i+8 <= len(t) {
		if m := ^swarDigits(load8(t, i)) & swarHi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	for i < len(t) && dtDigit(t[i]) {
		i++
	}
	return i
}

// dtAlphaEnd returns the end of the run of ASCII letters starting at i.
func dtAlphaEnd(t string, i int) int { return asciiLetterEnd(t, i) }

// dtAtoi converts a short run of digits; callers bound its length. A
// year's four digits and a day's or month's two are read without a loop:
// every dateline's "1987-02-26" reads three.
func dtAtoi(d string) int {
	switch len(d) {
	case 2:
		return int(d[0]-'0')*10 + int(d[1]-'0')
	case 4:
		return int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	}
	n := 0
	for i := 0; i < len(d); i++ {
		n = n*10 + int(d[i]-'0')
	}
	return n
}

// dtLower folds the ASCII word w into buf and returns the folded bytes, or
// nil when w does not fit. Switching on string(dtLower(...)) compiles to
// comparisons without allocating.
func dtLower(w string, buf []byte) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	return buf[:len(w)]
}

// dtWordIs reports whether t at i starts with the lower-case ASCII word lit,
// ignoring case, and lit is a whole word (not followed by a letter).
func dtWordIs(t string, i int, lit string) bool {
	if i < 0 || i+len(lit) > len(t) {
		return false
	}
	for k := 0; k < len(lit); k++ {
		if t[i+k]|0x20 != lit[k] {
			return false
		}
	}
	return i+len(lit) == len(t) || !dtAlpha(t[i+len(lit)])
}

// dtOrdinalSuffix returns the index after an ordinal suffix ("st", "nd",
// "rd", "th") at j, or j when there is none.
func dtOrdinalSuffix(t string, j int) int {
	if j+2 > len(t) {
		return j
	}
	a, b := t[j]|0x20, t[j+1]|0x20
	if (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h') {
		if j+2 == len(t) || !dtAlnum(t[j+2]) {
			return j + 2
		}
	}
	return j
}

// dtValidDay reports whether y-m-d is a calendar date.
func dtValidDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// dashLen returns the length of the hyphen, en dash or em dash at t[k],
// or 0 when there is none.
func dashLen(t string, k int) int {
	switch {
	case k < len(t) && t[k] == '-':
		return 1
	case k+3 <= len(t) && (t[k:k+3] == "–" || t[k:k+3] == "—"):
		return 3
	}
	return 0
}
