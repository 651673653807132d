package model

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unique"
	"unsafe"
)

// Result is what Extract finds in one document. Doc and ID fields are filled
// in when the result is added to a Corpus.
type Result struct {
	Indicators []Indicator
	Events     []Event
}

// Extract runs the pipeline over one document, stage by stage:
//
//  1. Clean: blank the document's noise spans (same length, same offsets).
//  2. Sentences: split the clean text into sentence spans.
//  3. Quantities: scan figures with units, ranges and qualifiers.
//  4. Indicators: give each kept quantity a metric, subject and period.
//  5. Events: scan dates, resolving relative ones against the document date.
//
// Every span in the result indexes d.Text, and every Text field equals
// d.Text[Start:End].
func Extract(d *Document) Result {
	sc := extractPool.Get().(*extractScratch)
	defer sc.release()
	clean, buf := d.cleanInto(sc.clean)
	sc.clean = buf
	sents := appendSentences(sc.sents, clean)
	sc.sents = sents
	sc.marks.mark(clean)
	evs := appendDates(sc.evs, clean, d.Date, &sc.marks) // first: see scanMarks.dated
	qs := appendQuantities(sc.qs, clean, &sc.marks)
	for i := range qs {
		qs[i].Text = d.Text[qs[i].Span.Start:qs[i].Span.End]
	}
	var headline string
	if d.Format != FormatText {
		headline = detachedTitle(d.Title, clean)
	}
	inds := buildIndicatorsTitled(clean, headline, sents, qs, &sc.marks.words)
	inds = withTables(inds, tableIndicators(clean, sents, d.Text, d.Title))
	for i := range inds {
		// A plain-word unit or what a count counts is cut from the clean
		// text; the same few words recur, so they are interned.
		in := &inds[i]
		if inside(in.Unit, clean, d.Text) {
			in.Unit = unique.Make(in.Unit).Value()
		}
		if inside(in.Counted, clean, d.Text) {
			in.Counted = unique.Make(in.Counted).Value()
		}
	}
	sc.qs, sc.evs = qs, evs // the buffers grown by the scans, for the next document

	si := 0 // where sentenceAt starts looking: events come in text order
	for i := range evs {
		e := &evs[i]
		e.Text = d.Text[e.Span.Start:e.Span.End]
		e.Sentence, si = sentenceAt(sents, si, e.Span.Start)
		// Dates come in clusters ("from March 3 to March 5, 1987"): an
		// event in the same sentence as the one before shares its summary
		// rather than squeezing the sentence again.
		if i > 0 && evs[i-1].Sentence == e.Sentence {
			e.Summary = evs[i-1].Summary
			continue
		}
		summary := summarize(clean[e.Sentence.Start:e.Sentence.End], 160)
		if d.Title != "" && isDateLine(summary, e.Text) {
			// A metadata line ("Date: 1987-03-23") says nothing but the
			// date; on a timeline the event is the article's publication,
			// summed up by its title (shared, not copied: a prefix such as
			// "Published: " cost 3 MB over Reuters).
			e.Summary = d.Title
			continue
		}
		e.Summary = outside(summary, clean, d.Text)
	}
	datedByRelativeYear(inds, evs, clean)
	var out []Event
	if len(evs) > 0 {
		out = sc.events.cut(len(evs), 256) // a block: the events of some fifty short stories
		copy(out, evs)
	}
	return Result{Indicators: inds, Events: out}
}

// detachedTitle returns title when the clean text does not carry it near
// its start (a Markdown front matter's title, an HTML head's with no
// matching heading), else "". A plain-text file's title is its first line,
// in the text already.
func detachedTitle(title, clean string) string {
	if title == "" || strings.Contains(clean[:min(len(clean), len(title)+512)], title) {
		return ""
	}
	return title
}

// isDateLine reports whether a sentence is only a date, perhaps after a
// "Date:" label.
//
// It runs for nearly every event, and nearly every sentence is turned away
// on its last byte, before any trim: a sentence that cannot end in white
// space (see endsBlank) must end with the date's last byte.
func isDateLine(sentence, date string) bool {
	if n, m := len(sentence), len(date); n > 0 && m > 0 && sentence[n-1] != date[m-1] && !endsBlank[sentence[n-1]] {
		return false
	}
	// Only the start is trimmed of labels below: a sentence that does not
	// end with the date is not one, and the rest are turned away here
	// without trimming.
	s := sentence
	if n := len(s); n > 0 && (s[n-1] < utf8.RuneSelf && asciiSpace[s[n-1]] || s[n-1] >= utf8.RuneSelf && lastRuneIsSpace(s)) {
		// Rare: summaries are squeezed. A summary cut short ends in
		// "…", which is not white space and is told so without a trim.
		s = strings.TrimRightFunc(s, unicode.IsSpace)
	}
	if !strings.HasSuffix(s, date) {
		return false
	}
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == date && date != "" && date[0]|0x20 != 'd' {
		// The usual date line once its label is blanked: no label can
		// open it, and the trims below would change nothing.
		return true
	}
	for _, label := range []string{"Date:", "date:", "Date", "date"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, label))
	}
	return s == date
}

// endsBlank marks the bytes white space may end with: the ASCII spaces and
// every byte of a multi-byte character but 0xA6, the last of the "…" that
// ends a cut summary (no space character ends with it).
var endsBlank = func() (m [256]bool) {
	for c := range m {
		m[c] = c < utf8.RuneSelf && asciiSpace[c] || c >= utf8.RuneSelf && c != 0xA6
	}
	return m
}()

// lastRuneIsSpace reports whether s ends with white space, as
// unicode.IsSpace reads it.
func lastRuneIsSpace(s string) bool {
	if strings.HasSuffix(s, "…") {
		return false // the end of a summary cut short: told without a table search
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

// Strings cut from the clean text. Clean copies the whole text when the
// document has noise (every Reuters article does), and any substring of the
// copy keeps all of it alive for as long as the result lives: in a
// dashboard, for ever. On Reuters that was 21 MB, more than the text itself,
// held by event summaries and a few units. inside and outside find and
// free such strings.

// inside reports whether s is a substring of clean, when clean is a copy
// of text rather than text itself.
func inside(s, clean, text string) bool {
	if len(s) == 0 || len(clean) == 0 || unsafe.StringData(clean) == unsafe.StringData(text) {
		return false
	}
	base, p := uintptr(unsafe.Pointer(unsafe.StringData(clean))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= base && p+uintptr(len(s)) <= base+uintptr(len(clean))
}

// outside returns s as a string that does not share clean's memory: when s
// is a substring of clean, the same bytes of text (clean has text's
// offsets, and only noise differs), or a copy if they are noise; otherwise
// s itself.
func outside(s, clean, text string) string {
	if !inside(s, clean, text) {
		return s
	}
	off := int(uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(clean))))
	if t := text[off : off+len(s)]; t == s {
		return t
	}
	return strings.Clone(s)
}

// extractScratch holds the buffers Extract reuses from one document to the
// next, through extractPool: the quantities are dead once buildIndicators
// has copied them into indicators, and the events are copied out at their
// exact size, so neither buffer grows afresh for every document.
type extractScratch struct {
	qs    []Quantity
	evs   []Event
	marks scanMarks // where the quantity and date scanners have work
	// sents are the sentence spans: indicators and events copy the spans
	// they need, so nothing holds the slice after Extract.
	sents []Span
	// clean backs the document's clean text (see Document.cleanInto).
	// Nothing in a result points into it: strings cut from the clean text
	// are interned or mapped back to the document's own (see inside and
	// outside), and TestReutersIdentity, which extracts every document
	// before it reads any result, would see one that did.
	clean []byte
	// events hands out the results' events (see resultBlock).
	events resultBlock[Event]
}

// resultBlock hands out the slices of results (indicators, events), each
// at its exact size (a result may live long, and a caller's append must not
// run into another's), cut from blocks shared with the results of the
// documents before and after: an allocation per document cost more than
// the copy of its items. A result so keeps its block alive while it lives,
// and a pooled scratch keeps its last block: at most one block's items
// more than the results hold.
type resultBlock[T any] struct {
	rest []T // what is left of the last block
}

// cut returns n zero items, from a block of size items. A slice of more
// than a quarter of a block gets an allocation of its own, so that a
// block is not left mostly unused.
func (b *resultBlock[T]) cut(n, size int) []T {
	if n > len(b.rest) {
		if n > size/4 {
			return make([]T, n)
		}
		b.rest = make([]T, size)
	}
	out := b.rest[:n:n]
	b.rest = b.rest[n:]
	return out
}

// extractPool lets concurrent Extract calls each take their own scratch.
var extractPool = sync.Pool{New: func() any { return new(extractScratch) }}

// maxScratchItems bounds what a pooled buffer keeps, so that one huge
// document does not pin its buffers' memory afterwards.
const maxScratchItems = 1 << 12

// maxScratchText bounds the clean-text buffer a pooled scratch keeps.
const maxScratchText = 1 << 20

// release clears the scratch, so that it holds no pointer into the
// document just done, and returns it to the pool.
func (sc *extractScratch) release() {
	clear(sc.qs)
	clear(sc.evs)
	sc.qs, sc.evs, sc.sents = sc.qs[:0], sc.evs[:0], sc.sents[:0]
	if cap(sc.sents) > maxScratchItems {
		sc.sents = nil
	}
	if cap(sc.qs) > maxScratchItems {
		sc.qs = nil
	}
	if cap(sc.evs) > maxScratchItems {
		sc.evs = nil
	}
	if cap(sc.clean) > maxScratchText {
		sc.clean = nil
	}
	if cap(sc.marks.qty) > maxScratchItems {
		sc.marks = scanMarks{} // a bitmap of 4096 words covers 256 KB of text
	}
	extractPool.Put(sc)
}

// summarize squeezes a sentence onto one line of at most limit bytes,
// collapsing runs of white space and cutting at a word boundary.
//
// It runs once per event, so it avoids strings.Fields and strings.Join: a
// sentence whose words are already separated by single spaces (most of
// them) is returned as a substring, and any other is collapsed in one pass
// into one buffer. White space is what strings.Fields splits on.
//
// Only the first limit+1 bytes of the squeezed sentence are ever read, so a
// long sentence is tested, or squeezed, only that far.
func summarize(s string, limit int) string {
	switch {
	case len(s) > limit+1 && s[limit] != ' ' && squeezed(s[:limit+1]):
		// squeeze(s) starts with s[:limit+1]: the cut below reads no more.
	case len(s) > limit+1 && s[limit] == ' ' && s[limit+1] > ' ' && s[limit+1] < utf8.RuneSelf && squeezed(s[:limit]):
		// The same, when s[:limit+1] ends with a space between two words
		// (one long sentence in six), which squeezed would turn away as
		// it would a trailing space: squeeze(s) starts with it too.
	case len(s) > limit+1 || !squeezed(s):
		s = squeezePrefix(s, limit+1)
	}
	return cutSqueezed(s, limit)
}

// cutSqueezed is summarize for a sentence already squeezed, at least in
// its first limit+1 bytes: s itself when it fits, else s cut at its last
// space before limit (or at limit, when that space comes too early), and
// an ellipsis.
func cutSqueezed(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := strings.LastIndexByte(s[:limit], ' ')
	if cut < limit/2 {
		cut = limit
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
	}
	// s[:cut] + "…", built in a buffer of its exact size that becomes the
	// string: the concatenation's general path cost more than the copy.
	b := make([]byte, cut+len("…"))
	copy(b[copy(b, s[:cut]):], "…")
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// squeezed reports whether s is already what squeeze would make of it: no
// white space at either end and single ASCII spaces between words.
//
// Nearly every sentence an event is found in is squeezed (in Reuters a
// paragraph is one line, and a sentence ends at a line's end), so the test
// is built for a yes: eight bytes at a time, with no branch but the loop's,
// it gathers the signs of anything squeeze might change (see squeezeSigns)
// in one word, and only when one is found does the byte loop below decide.
func squeezed(s string) bool {
	if n := len(s); n >= 9 && s[0] != ' ' && s[n-1] > ' ' && s[n-1] < utf8.RuneSelf {
		var signs uint64
		i := 0
		for ; i+17 <= n; i += 16 {
			g := s[i : i+17] // one bounds check for the four loads
			signs |= squeezeSigns(load8(g, 0), load8(g, 1)) | squeezeSigns(load8(g, 8), load8(g, 9))
		}
		if i+9 <= n {
			signs |= squeezeSigns(load8(s, i), load8(s, i+1))
		}
		// The last pairs, read as the last eight, overlapping the bytes
		// before them; the last byte was tested above.
		signs |= squeezeSigns(load8(s, n-9), load8(s, n-8))
		if signs&swarHi == 0 {
			return true
		}
	}
	prevSpace := true // so that leading white space fails
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false // rare: let squeeze decide about Unicode spaces
		}
		if asciiSpace[c] {
			if prevSpace || c != ' ' {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return len(s) == 0 || !prevSpace
}

// squeezeSigns sets bit 7 of a byte of x when that byte is outside ASCII,
// below 0x20, or a blank next to a blank, where next is x one byte on (the
// eight bytes after x's first). It may also flag a '!' after a blank, as a
// subtraction's borrow runs on to the next byte: enough for squeezed, which
// then reads the bytes one by one.
func squeezeSigns(x, next uint64) uint64 {
	return (x - 0x2020202020202020) | x | (x-0x2121212121212121)&(next-0x2121212121212121)
}

// swarPlain reports whether the eight bytes of x are plain: ASCII, no
// control byte, and no space next to another, where bit 7 of prev is set
// when the byte before them is a space. spaces has bit 7 set in each space.
//
// Both tests subtract from every byte at once, and a byte that borrows
// passes the borrow to the next: a byte below 0x20 (below 0x21 for the
// space test) sets its bit 7, and may set the next byte's too. So eight
// plain bytes may be turned away ('!' after a space), and then go to a
// byte loop; bytes that are not plain are never taken for plain.
func swarPlain(x, prev uint64) (spaces uint64, ok bool) {
	spaces = (x - 0x2121212121212121) & swarHi
	bad := ((x-0x2020202020202020)|x)&swarHi | spaces&(spaces<<8|prev) // ≥ 0x80 or < 0x20; a space after a space
	return spaces, bad == 0
}

// swarInkEnds has bit 7 set in each byte of x below 0x21 (a blank or a
// control byte) or above 0x7f, where a run of plain ASCII ink ends, and
// perhaps in a byte after one of them: a byte below 0x21 borrows when 0x21
// is taken from every byte, which may set the next byte's bit 7 too. The
// lowest byte flagged is always one of them.
func swarInkEnds(x uint64) uint64 { return ((x - 0x2121212121212121) | x) & swarHi }

// squeeze is strings.Join(strings.Fields(s), " ") in one pass.
func squeeze(s string) string { return squeezePrefix(s, len(s)) }

// squeezePrefix is squeeze(s), or a prefix of it at least want bytes long:
// it stops once it has made want bytes, as every byte it appends is final.
//
// The sentences that need it are mostly wrapped lines and table rows: runs
// of plain words, single-spaced, between newlines or long runs of blanks.
// Each such run is found first (see plainEnd) and appended whole, with one
// copy, rather than word by word or byte by byte. The result is the buffer
// itself, not a copy of it: nothing else holds the buffer.
func squeezePrefix(s string, want int) string {
	b := make([]byte, 0, min(len(s), want+utf8.UTFMax))
	for i := 0; i < len(s) && len(b) < want; {
		w := blankEnd(s, i)
		if w == len(s) {
			break
		}
		if w > i && len(b) > 0 {
			b = append(b, ' ')
		}
		// The run ends at the next blank that is not a single space
		// between words, or once the prefix is made: at the first rune
		// that starts at or past want bytes. A space that reached want
		// is still followed by one rune, as the run's first rune goes
		// with it. A word that starts with a byte plainEnd does not
		// take (one past ASCII, or a control byte) is read by wordEnd.
		stop := w + max(want-len(b), 1)
		e := plainEnd(s, w, stop)
		if e == w {
			e = wordEnd(s, w, stop)
		}
		b = append(b, s[w:e]...)
		i = e
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// plainEnd returns the end of the plain run at s[i:]: printable ASCII words
// separated by single spaces, which squeeze keeps as they are. It ends at
// the first other byte or at stop, whichever comes first, and before the
// space it would end with. It returns i when s[i] is not printable ASCII.
func plainEnd(s string, i, stop int) int {
	stop = min(stop, len(s))
	start := i
	// Eight bytes at a time while swarPlain takes them; the chunk it
	// turns down, and the last few bytes, go through the byte loop.
	prev := uint64(0) // s[i] is not a space: see swarPlain
	for i+8 <= stop {
		sp, ok := swarPlain(load8(s, i), prev)
		if !ok {
			break
		}
		i, prev = i+8, sp>>56
	}
	for ; i < stop; i++ {
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf || c == ' ' && (i == start || s[i-1] == ' ') {
			break
		}
	}
	if i > start && s[i-1] == ' ' {
		i--
	}
	return i
}

// blankEnd returns the end of the run of white space (as unicode.IsSpace
// reads it) at s[i:].
func blankEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// wordEnd returns the end of the word that starts at s[i], a byte that is
// not white space: the next white space, or the first rune boundary at or
// past stop, whichever comes first.
func wordEnd(s string, i, stop int) int {
	// Eight bytes at a time up to the first blank, control or non-ASCII
	// byte (see swarInkEnds), which the byte loop reads.
	for i+8 <= len(s) && i+8 <= stop {
		if m := swarInkEnds(load8(s, i)); m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			break
		}
		i += 8
	}
	for i < len(s) && i < stop {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// datedByRelativeYear gives a figure with no period the year of a relative
// date that follows it closely in its sentence ("It grew 8.3 pct last
// year", "sales should reach 2 mln tonnes this year"), as the date scanner
// resolved it against the document's date. The classifier reads only years
// written out; the date scanner alone knows the document's date.
//
// The date must follow with no number, comma or other break between (a
// later figure's date is not this one's), and not as the base of a
// comparison ("up from last year", "higher than last year", "since last
// year").
func datedByRelativeYear(inds []Indicator, evs []Event, clean string) {
	// A story has a relative year or two at most, most have none: they
	// are listed once, rather than all events searched for each figure.
	var buf [8]int
	rel := buf[:0]
	for k := range evs {
		if evs[k].Relative && evs[k].Precision == PrecisionYear {
			rel = append(rel, k)
		}
	}
	if len(rel) == 0 {
		return
	}
	for i := range inds {
		in := &inds[i]
		if in.Period != nil {
			continue
		}
		for _, k := range rel {
			e := &evs[k]
			if e.Span.Start < in.Span.End {
				continue
			}
			if e.Span.End <= in.Sentence.End && (k == 0 || evs[k-1].Span.Start < in.Span.End) {
				// The first date after the figure, in its sentence.
				if gap := clean[in.Span.End:e.Span.Start]; len(gap) <= 24 && !breaksGap(gap) && !comparisonBase.has(lastWord(gap)) {
					in.Period = &Period{From: e.Year, To: e.Year}
				}
			}
			break
		}
	}
}

// comparisonBase holds the words after which a date is what a figure is
// compared with, not when it holds: "up from last year", "since last year".
var comparisonBase = wordSet("from than over against since versus vs with on")

// breaksGap reports whether gap, the words between a figure and a date,
// holds a number, a comma, a bracket or other punctuation that ends the
// figure's phrase, or a dash. A byte loop: strings.ContainsAny with the
// dashes' multi-byte runes in its set took a slow path for every figure.
func breaksGap(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch b := gap[i]; {
		case b >= '0' && b <= '9', b == ',', b == ';', b == ':', b == '(', b == ')', b == '[', b == ']', b == '-':
			return true
		case b == 0xE2 && (strings.HasPrefix(gap[i:], "–") || strings.HasPrefix(gap[i:], "—")):
			return true
		}
	}
	return false
}

// lastWord returns the last word of s, without quotes or a full stop, in
// lower case, or "".
func lastWord(s string) string {
	s = strings.TrimRight(s, " \t\n\r.'\"")
	w := s[strings.LastIndexAny(s, " \t\n\r")+1:]
	if w != strings.ToLower(w) {
		w = strings.ToLower(w) // only "From", "Than" and the like: rare
	}
	return w
}
