package model

import (
	"bytes"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// findNoise returns the boilerplate spans of text, sorted and disjoint. Noise
// is never removed from a document: the spans are offsets into the original
// text, and Document.Clean blanks them when extraction runs.
//
// findNoise is one pass over the lines of text, plus one pass to find the
// document's dominant script. Each line goes through cheap tests first (its
// first byte, its length, whether it holds '[' or '$'); the few precompiled
// regular expressions only ever see short candidate lines, so a 20 MB file
// costs about as much as copying it.
//
// What counts as noise, by rule (every rule is generic, none is keyed to a
// particular article, and each errs on the side of keeping text):
//
//   - site chrome lines: a whole line that is only "Advertisement", "Share
//     this article", "Subscribe", "Related articles", a cookie banner, a
//     reading-time label ("Reading Time:3 minutes", "5 min read"), "Why you
//     can trust …", "Follow us on …", a copyright line (see isChromeLine);
//   - lines in another script: a short line without digits whose letters are
//     mostly in a script other than the document's dominant one, such as an
//     Amharic menu or cookie banner left in an English article;
//   - drawings: lines made only of box-drawing, arrow and rule characters
//     ("+-----+", "│", "▼", "---"), and the '|' edges of the text rows
//     inside such a box;
//   - LaTeX: display formulas "$$…$$" (one line or a block of lines) and
//     inline formulas like "$C_e$";
//   - citation markers: "[13]", "[25]: 215", "[ 23 ] [ 24 ]", "[30][31]",
//     "[a]", "[citation needed]", "[when?]", and language tags like "[zh]";
//   - ordered-list numbers at the start of a line ("1. ", "2) "), which are
//     labels and not figures;
//   - photo credits at the end of a line ("… on October 4. Photo: Edmond So").
//
// A UTF-8 byte-order mark at the start of the text is noise too.
func findNoise(text string) []Span {
	return findNoiseASCII(text, 0)
}

// findNoiseASCII is findNoise for a text whose first ascii bytes are known
// to be ASCII (0 when nothing is known): decodeText finds that prefix while
// it validates the file, and a line inside it needs no scan of its own to
// be kept by the other-script rule. Most files are ASCII throughout.
func findNoiseASCII(text string, ascii int) []Span {
	return mergeSpans(appendNoise(nil, text, ascii, nil))
}

// appendNoise is findNoiseASCII appending its spans to dst as the rules
// find them, neither sorted nor merged, so that parse can gather them with
// the metadata's in one buffer. When meta is not nil it reads the header
// lines of the text (see metaReader) on the same walk: each line is found
// and trimmed once for both.
//
// It is kept out of line: inlined into parse, which is too big to take
// more, it had its own calls (trimBlank) made out of line, once a line.
//
//go:noinline
func appendNoise(dst []Span, text string, ascii int, meta *metaReader) []Span {
	f := noiseFinder{text: text, ascii: ascii, spans: dst, bracket: -1, dollar: -1, colon: -1}
	if strings.HasPrefix(text, "\ufeff") {
		f.add(0, len("\ufeff"))
	}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimBlank(text, start, end)
		if meta != nil && !meta.done {
			switch {
			case meta.next == start: // the usual case, past the first line
				f.spans = meta.line(text, start, end, s, e, f.spans)
			case meta.next < start: // the walk skipped lines (a "$$" block)
				f.spans = meta.readThrough(text, start, f.spans)
			case meta.next <= end: // the line after a byte-order mark
				ms, me := trimBlank(text, meta.next, end)
				f.spans = meta.line(text, meta.next, end, ms, me, f.spans)
			}
		}
		next := f.line(s, e, end)
		start = max(next, end+1)
	}
	if meta != nil {
		f.spans = meta.readThrough(text, len(text), f.spans)
	}
	return f.spans
}

// noiseFinder holds the state of findNoise's line scan.
type noiseFinder struct {
	text     string
	ascii    int // text[:ascii] is known to be ASCII
	spans    []Span
	dominant writingScript // the script most letters of the text are in, once known
	scanned  bool          // dominant is known: it is found on first need, as pure-ASCII text never needs it
	inBox    bool          // the previous line was part of an ASCII-art box

	// The offsets of the next '[', '$' and ':' in text at or after the
	// line being read (len(text) when there is none; -1 before the first
	// search). Most lines hold none of them, and so can have no citation,
	// formula or photo credit: each byte is searched for once per text,
	// not once per line and rule.
	bracket, dollar, colon int
}

// holds reports whether the line f.text[s:e] holds c, where *next caches
// the offset of the next c in the text. Lines are read in order, so a
// cached offset at or after s still holds, and the text is searched again
// only past it: the test itself is a comparison, inlined.
func (f *noiseFinder) holds(next *int, c byte, s, e int) bool {
	if *next < s {
		*next = f.search(c, s)
	}
	return *next < e
}

// search returns the offset of the first c at or after from in f.text, or
// len(f.text).
//
// It is kept out of line so that holds stays small enough to be inlined
// at each of its call sites: most calls find the cached offset still good
// and make no search.
//
//go:noinline
func (f *noiseFinder) search(c byte, from int) int {
	if k := strings.IndexByte(f.text[from:], c); k >= 0 {
		return from + k
	}
	return len(f.text)
}

// add records [start, end) as noise; empty spans are ignored.
func (f *noiseFinder) add(start, end int) {
	if end > start {
		f.spans = append(f.spans, Span{start, end})
	}
}

// line classifies a line (without its newline) and records its noise: end
// is the line's end, and s and e are its bounds trimmed of blanks
// (trimBlank). It returns the offset the scan should continue from, which
// is past end only when a multi-line block (a $$ formula) was consumed.
func (f *noiseFinder) line(s, e, end int) int {
	if s == e {
		f.inBox = false
		return end
	}
	t := f.text[s:e]

	// A display formula opening a line: "$$…$$" on one line, or a block
	// that closes within the next few lines. An unclosed "$$" is left alone.
	if strings.HasPrefix(t, "$$") {
		if k := strings.Index(t[2:], "$$"); k >= 0 {
			f.add(s, s+2+k+2)
			f.inline(s+2+k+2, e)
			return end
		}
		window := f.text[end:min(len(f.text), end+maxMathBlock)]
		if k := strings.Index(window, "$$"); k >= 0 {
			blockEnd := end + k + 2
			f.add(s, blockEnd)
			return blockEnd
		}
	}

	// Most lines open with a letter, which no drawing holds: told from
	// the first byte without a call.
	if (t[0] >= utf8.RuneSelf || drawingASCII[t[0]]) && isDrawing(t) {
		f.add(s, e)
		// A box border has corners; a Markdown table's "|---|" row does
		// not, and the rows under it are data, not a drawing's labels.
		f.inBox = f.inBox || strings.ContainsAny(t, "+┌┐└┘├┤╔╗╚╝")
		return end
	}
	// Inside a box only the '|' edges are chrome; the label between them is
	// kept, as it may be the only place a diagram names something.
	if f.inBox && len(t) >= 3 && t[0] == '|' && t[len(t)-1] == '|' {
		f.add(s, s+1)
		f.add(e-1, e)
		return end
	}
	f.inBox = false

	if len(t) <= maxChromeLine && chromeCandidate(t) && isChromeLine(t) {
		f.add(s, e)
		return end
	}
	if (t[0] == 'P' || t[0] == 'I' || t[0] == 'C') && captionLine(t) {
		f.add(s, e)
		return end
	}
	if e > f.ascii && f.otherScript(t) { // a line of the ASCII prefix is never in another script
		f.add(s, e)
		return end
	}
	if n := listMarker(t); n > 0 {
		f.add(s, s+n)
	}
	if f.holds(&f.bracket, '[', s, e) || f.holds(&f.dollar, '$', s, e) {
		f.inline(s, e)
	}
	if f.holds(&f.colon, ':', s, e) { // a credit follows its label's colon
		if c := creditTail(t); c >= 0 {
			f.add(s+c, e)
		}
	}
	return end
}

// maxMathBlock bounds how far a "$$" block may run before it is taken as a
// stray dollar sign instead: a formula is rarely longer than this.
const maxMathBlock = 2048

// maxChromeLine is the longest line that can be site chrome. Cookie banners
// are the longest chrome; real paragraphs are longer still.
const maxChromeLine = 320

// inline records the citation markers and inline formulas of text[s:e].
func (f *noiseFinder) inline(s, e int) {
	t := f.text[s:e]
	if strings.IndexByte(t, '[') < 0 && strings.IndexByte(t, '$') < 0 {
		return
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			if end := citationRun(t, i); end > i {
				f.add(s+i, s+end)
				i = end - 1
			}
		case '$':
			if end := inlineMath(t, i); end > i {
				f.add(s+i, s+end)
				i = end - 1
			}
		}
	}
}

// otherScript reports whether line t is a short line whose letters are
// mostly in a script other than the document's dominant one. Lines with
// digits are kept: chrome seldom has them, and data always does. Lines of
// pure ASCII are never taken, so Latin text in a non-Latin document stays.
func (f *noiseFinder) otherScript(t string) bool {
	if allASCII(t) || len(t) > 4*maxForeignRunes {
		return false
	}
	if !f.scanned {
		f.dominant, f.scanned = dominantScript(f.text), true
	}
	if f.dominant == scriptNone {
		return false
	}
	var counts [numScripts]int
	letters, runes := 0, 0
	for _, r := range t {
		runes++
		if r >= '0' && r <= '9' {
			return false
		}
		if sc := scriptOf(r); sc != scriptNone {
			counts[sc]++
			letters++
		}
	}
	if runes > maxForeignRunes || letters == 0 {
		return false
	}
	best := scriptNone
	for sc := range counts {
		if counts[sc] > counts[best] {
			best = writingScript(sc)
		}
	}
	return best != scriptNone && best != f.dominant && 2*counts[best] > letters
}

// maxForeignRunes is the longest line the other-script rule blanks: menus,
// captions and cookie banners fit, a translated paragraph mostly does not.
const maxForeignRunes = 200

// chromeCandidate is a cheap filter run before isChromeLine: short lines
// always pass, longer ones only when their first words can start a long
// chrome line. It spares the normalization of ordinary prose lines.
func chromeCandidate(t string) bool {
	if len(t) <= 48 {
		return true
	}
	// Skip the decoration a chrome line may open with.
	k := 0
	for k < len(t) && (t[k] == '*' || t[k] == '_' || t[k] == '-' || t[k] == '#' || t[k] == ' ') {
		k++
	}
	if k == len(t) {
		return false
	}
	// Only the starts that begin with the line's first byte are tried,
	// compared in place: none for most prose lines, one or two for the
	// rest.
	for _, p := range longChromeByFirst[asciiLowerByte(t[k])] {
		if hasPrefixLower(t[k:], p) {
			return true
		}
	}
	return false
}

// hasPrefixLower reports whether s begins with p, which is in lower case,
// when the ASCII capitals of s are read in lower case.
func hasPrefixLower(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if asciiLowerByte(s[i]) != p[i] {
			return false
		}
	}
	return true
}

// longChromeStarts are the beginnings of the chrome lines that may be
// longer than 48 bytes; see chromePrefixes and isChromeLine.
var longChromeStarts = []string{
	"why you can", "follow us", "this site", "this website", "our site", "our website",
	"we use cookie", "by continuing", "by using", "©", "copyright", "(c)", "sign up",
	"subscribe", "get our", "advertisement", "listen to",
}

// longChromeByFirst holds longChromeStarts by their first byte.
var longChromeByFirst = func() (t [256][]string) {
	for _, p := range longChromeStarts {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

// isChromeLine reports whether the whole line t is site chrome: navigation,
// sharing, subscription, advertising, consent and reading-time labels.
//
// Most lines it sees are short lines of prose or headlines, so pure-ASCII
// lines are normalized into a stack buffer and tested as bytes: no
// allocation. Other lines go through normalizeChrome.
func isChromeLine(t string) bool {
	if len(t) > maxChromeLine || !chromeFirstWord(t) {
		return false
	}
	if !allASCII(t) {
		return isChromeNormal([]byte(normalizeChrome(t)))
	}
	var buf [maxChromeLine]byte
	return isChromeNormal(normalizeChromeASCII(buf[:0], t))
}

// chromeFirstWord is a cheap filter run before normalizing a line: it
// reports false only when the line's first word (as normalizeChrome would
// leave it, ASCII only) starts no chrome line. Any doubt (a byte that is not
// ASCII) answers true; a digit answers true only where a reading time may
// start (see mayBeReadingTime).
//
// It runs on every short line, and most are table rows and headlines: the
// word is measured in place, and copied in lower case for the map only when
// its first byte and length match a chrome word's.
func chromeFirstWord(t string) bool {
	i := 0
	for i < len(t) && t[i] < utf8.RuneSelf && (asciiSpace[t[i]] || t[i] == '*' || t[i] == '_' || t[i] == '-') {
		i++
	}
	start := i
	// Eight bytes a step while they are plain word bytes: no digit, and
	// none that swarInkEnds flags. The byte loop reads the first byte
	// flagged.
	for i+8 <= len(t) && i-start <= maxChromeWord {
		x := load8(t, i)
		if m := swarInkEnds(x) | swarDigits(x); m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			break
		}
		i += 8
	}
	if i-start > maxChromeWord {
		return false // longer than any first word
	}
word:
	for ; i < len(t); i++ {
		switch chromeWordByte[t[i]] {
		case cwDoubt:
			if isASCIIDigit(t[i]) {
				// No chrome word holds a digit: only a reading time
				// opens with one ("5 min read"). A digit later in the
				// word ("MAR8", a Reuters table's month) starts no
				// chrome line.
				return i == start && mayBeReadingTime(t[i:])
			}
			return true
		case cwEnd:
			break word
		}
		if i-start == maxChromeWord {
			return false // longer than any first word
		}
	}
	n := i - start
	for n > 0 && isChromeTrail(t[start+n-1]) { // no trail byte has a case
		n--
	}
	// Most first words start no chrome line; a table of the lengths of the
	// words that do, by first and last byte, answers for nearly all of
	// them without a map look-up ("Reuter", which ends every Reuters
	// story, shares its first byte and length with "reject", not its last).
	if n > 0 && chromeStartLens[t[start]&31][t[start+n-1]&31]&(1<<n) == 0 {
		return false
	}
	var buf [maxChromeWord]byte
	for k := range n {
		buf[k] = asciiLowerByte(t[start+k])
	}
	return chromeStarts[string(buf[:n])]
}

// mayBeReadingTime is chromeFirstWord's answer for a line t that opens
// with a digit: only a reading time ("5 min read", "12-minute read") is
// such a chrome line, and it opens with one to three digits, then a run of
// blanks or a '-', then "min" in any case. Most lines that open with a
// digit are table rows and figures: they are not normalized. Any doubt (a
// byte that is not ASCII, which normalizeChrome may make a space) answers
// true.
func mayBeReadingTime(t string) bool {
	j := 0
	for j < len(t) && isASCIIDigit(t[j]) {
		j++
	}
	if j > 3 {
		return false
	}
	if j < len(t) && t[j] == '-' {
		j++
	} else {
		for j < len(t) && t[j] < utf8.RuneSelf && asciiSpace[t[j]] {
			j++
		}
	}
	for k := j; k < min(len(t), j+3); k++ {
		if t[k] >= utf8.RuneSelf {
			return true
		}
	}
	return hasPrefixLower(t[j:], "min")
}

// maxChromeWord is the longest first word chromeFirstWord looks up.
const maxChromeWord = 16

// What a byte of a line's first word tells chromeFirstWord.
const (
	cwWord  = iota // part of the word
	cwEnd          // ASCII white space: the word ends before it
	cwDoubt        // a digit or a byte that is not ASCII: the line may be chrome
)

// chromeWordByte classifies every byte for chromeFirstWord.
var chromeWordByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf || isASCIIDigit(byte(c)):
			t[c] = cwDoubt
		case asciiSpace[c]:
			t[c] = cwEnd
		}
	}
	return t
}()

// isChromeTrail reports whether c is decoration that may end a chrome
// line's first word ("Share:", "Menu >"), trimmed before it is looked up.
func isChromeTrail(c byte) bool {
	switch c {
	case '*', '_', ':', '.', '!', '|', '>', '-':
		return true
	}
	return false
}

// chromeStartLens has bit n of entry [f&31][l&31] set when a word of
// chromeStarts is n bytes long, starts with f and ends with l;
// chromeFirstWord reads words of at most maxChromeWord bytes, all ASCII.
// The low five bits fold the case of a letter, as the words are in lower
// case; other bytes share entries with letters, which only lets a few
// more words through to the map.
var chromeStartLens = func() (t [32][32]uint32) {
	for w := range chromeStarts {
		if len(w) > 0 && len(w) <= maxChromeWord {
			t[w[0]&31][w[len(w)-1]&31] |= 1 << len(w)
		}
	}
	return t
}()

// chromeStarts holds the first words of every chrome line and prefix, and
// of the other patterns isChromeNormal knows, for chromeFirstWord.
var chromeStarts = func() map[string]bool {
	m := map[string]bool{"sign": true, "subscribe": true, "get": true, "estimated": true, "reading": true}
	first := func(s string) string {
		w, _, _ := strings.Cut(s, " ")
		return strings.TrimRight(w, "*_:.!|>-")
	}
	for _, l := range chromeLineList {
		m[first(l)] = true
	}
	for _, p := range chromePrefixes {
		if p.prefix[0] < utf8.RuneSelf && !strings.Contains(p.prefix, " ") {
			panic("chromePrefixes: an ASCII prefix must end its first word: " + p.prefix)
		}
		m[first(p.prefix)] = true
	}
	return m
}()

// isChromeNormal is isChromeLine for a line n already normalized.
func isChromeNormal(n []byte) bool {
	if len(n) == 0 {
		return false
	}
	if chromeLines[string(n)] {
		return true
	}
	hasPrefix := func(p string) bool { return len(n) >= len(p) && string(n[:len(p)]) == p }
	for _, p := range chromePrefixes {
		if hasPrefix(p.prefix) && len(n) <= p.maxLen {
			return true
		}
	}
	if len(n) <= 160 && bytes.Contains(n, []byte("newsletter")) &&
		(hasPrefix("sign up") || hasPrefix("subscribe") || hasPrefix("get our")) {
		return true
	}
	// A copy for the regular expression, which would keep n, and with it
	// isChromeLine's stack buffer, on the heap for every line: it is made
	// only for the few lines that get this far.
	if len(n) <= 60 && bytes.Contains(n, []byte("min")) && readingTime.MatchString(string(n)) {
		return true
	}
	return false
}

// normalizeChromeASCII is normalizeChrome for a pure-ASCII line t of at
// most maxChromeLine bytes, appended to dst: lower case, white-space runs
// collapsed to one space, decoration trimmed from both ends.
func normalizeChromeASCII(dst []byte, t string) []byte {
	space := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		if asciiSpace[c] {
			space = true
			continue
		}
		if space && len(dst) > 0 {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, asciiLowerByte(c))
	}
	// The ASCII members of normalizeChrome's trim sets.
	i := 0
	for i < len(dst) && strings.IndexByte("*_- ", dst[i]) >= 0 {
		i++
	}
	j := len(dst)
	for j > i && strings.IndexByte("*_:.!|>- ", dst[j-1]) >= 0 {
		j--
	}
	return dst[i:j]
}

// readingTime matches a normalized reading-time label: "reading time:3
// minutes", "estimated reading time: 4 min", "5 min read", "12-minute read".
var readingTime = regexp.MustCompile(`^(?:estimated )?(?:reading time:? ?\d{1,3} ?(?:min|mins|minute|minutes)(?: read)?|\d{1,3}[ -]?(?:min|mins|minute|minutes) read)$`)

// chromeLines are whole lines, normalized by normalizeChrome, that are
// always site chrome. Single words are safe here because the whole line must
// be the word: "Share" alone on a line is a button, never prose.
var chromeLines = map[string]bool{}

func init() {
	for _, s := range chromeLineList {
		chromeLines[s] = true
	}
}

// chromeLineList is the list chromeLines is made of.
var chromeLineList = []string{
	// advertising
	"advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content",
	"paid content", "paid post", "promoted", "promoted content", "advertisement feature",
	"advertisement - scroll to continue", "scroll to continue with content",
	"story continues below advertisement", "article continues below advertisement",
	"continue reading below", "continue reading", "read more", "show more", "load more",
	// sharing
	"share", "share this", "share this article", "share this story", "share this post",
	"share on facebook", "share on twitter", "share on x", "share on linkedin",
	"share on whatsapp", "share via email", "tweet", "print", "email", "copy link",
	"link copied", "save", "save article", "bookmark",
	// subscription and accounts
	"subscribe", "subscribe now", "subscribe today", "sign up", "sign in", "log in",
	"login", "register", "newsletter", "newsletters",
	// related content
	"related", "related articles", "related stories", "related content", "related posts",
	"related topics", "related news", "more stories", "more on this story",
	"you may also like", "you might also like", "recommended", "recommended for you",
	"most read", "most popular", "most viewed", "trending", "trending now", "top stories",
	"latest news", "editor's picks", "editors' picks",
	// consent
	"accept", "accept all", "accept all cookies", "accept cookies", "reject all",
	"reject", "decline", "i agree", "got it", "ok, got it", "manage cookies",
	"cookie settings", "cookie preferences", "manage preferences", "privacy settings",
	"manage consent", "allow all", "allow cookies",
	// navigation
	"skip to content", "skip to main content", "skip to navigation", "back to top",
	"toggle navigation", "menu", "close", "search", "home", "next article",
	"previous article",
	// comments and media
	"comments", "leave a comment", "post a comment", "view comments", "add comment",
	"listen to this article", "listen", "play video", "watch video",
	// attribution
	"all rights reserved",
}

// chromePrefixes are beginnings of normalized lines that make the line
// chrome when it is at most maxLen bytes long.
var chromePrefixes = []struct {
	prefix string
	maxLen int
}{
	{"why you can trust ", 60},
	{"follow us on ", 100},
	{"follow us: ", 100},
	{"this site uses cookies", maxChromeLine},
	{"this website uses cookies", maxChromeLine},
	{"our site uses cookies", maxChromeLine},
	{"our website uses cookies", maxChromeLine},
	{"we use cookies", maxChromeLine},
	{"this site uses cookie", maxChromeLine},
	{"by continuing to use this site", maxChromeLine},
	{"by continuing to browse", maxChromeLine},
	{"by using this site, you agree", maxChromeLine},
	{"by using our site, you agree", maxChromeLine},
	{"advertisement ", 48},
	{"listen to this article ", 48},
	{"©", 120},
	{"copyright ©", 120},
	{"(c) copyright", 120},
}

// normalizeChrome lower-cases a line, collapses its white space and strips
// the decoration chrome often carries: bullets, Markdown emphasis, and
// trailing colons, dots, arrows and separators. It returns "" for lines too
// long to be chrome.
func normalizeChrome(t string) string {
	if len(t) > maxChromeLine {
		return ""
	}
	t = strings.ToLower(t)
	t = strings.Join(strings.Fields(t), " ")
	t = strings.TrimLeft(t, "*_•·-–— ")
	t = strings.TrimRight(t, "*_:.!·|»›>→-–—• ")
	return t
}

// isDrawing reports whether t, a trimmed non-empty line, is made only of
// drawing characters: ASCII rules and box corners, or Unicode box drawing,
// block elements, arrows and geometric shapes. Such a line carries no words.
func isDrawing(t string) bool {
	for i := 0; i < len(t); {
		// An ASCII byte is looked up in a table: a prose line fails on its
		// first letter, with no rune decoded.
		if c := t[i]; c < utf8.RuneSelf {
			if !drawingASCII[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		i += n
		switch {
		case r >= 0x2190 && r <= 0x21FF: // arrows
		case r >= 0x2500 && r <= 0x25FF: // box drawing, block elements, geometric shapes
		case r >= 0x27F0 && r <= 0x27FF, r >= 0x2900 && r <= 0x297F: // supplemental arrows
		default:
			return false
		}
	}
	return true
}

// drawingASCII marks the ASCII characters of a drawing: rules, box corners
// and arrow heads, and the blanks between them.
var drawingASCII = func() (t [utf8.RuneSelf]bool) {
	for _, c := range " \t+-=|_~*#.:<>^/\\`'" {
		t[c] = true
	}
	return t
}()

// listMarker returns the length of an ordered-list number at the start of
// t ("1. ", "12) "), excluding the space after it, or 0. Only one or two
// digits count: "2024. " at the start of a wrapped line is a year.
func listMarker(t string) int {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 || i+1 >= len(t) {
		return 0
	}
	if (t[i] == '.' || t[i] == ')') && (t[i+1] == ' ' || t[i+1] == '\t') {
		return i + 1
	}
	return 0
}

// citationRun returns the end of the run of citation markers that starts at
// t[i] == '[', or i when there is none. Markers separated only by spaces are
// one run, so "[ 23 ] [ 24 ]" and "[30][31]" are single spans.
func citationRun(t string, i int) int {
	if i > 0 && t[i-1] == '!' { // a Markdown image
		return i
	}
	end := i
	for j := i; j < len(t) && t[j] == '['; {
		k := citation(t, j)
		if k <= j {
			break
		}
		end = k
		j = skipBlank(t, k)
	}
	return end
}

// citation returns the end of the single marker starting at t[i] == '[', or
// i: a reference number "[13]" (with an optional page, "[25]: 215"), a note
// letter "[a]", "[note 3]", an editorial tag "[citation needed]", "[when?]",
// or a language tag "[zh]". A bracket followed by '(' is a Markdown link.
func citation(t string, i int) int {
	rb := strings.IndexByte(t[i+1:min(len(t), i+1+maxBracket)], ']')
	if rb < 0 {
		return i
	}
	rb += i + 1
	inner := strings.TrimSpace(t[i+1 : rb])
	end := rb + 1
	if end < len(t) && t[end] == '(' {
		return i
	}
	switch {
	case allDigits(inner) && len(inner) <= 3:
		// An optional page number: "[25]: 215", "[40]:\u200a158".
		if end < len(t) && t[end] == ':' {
			k := skipBlank(t, end+1)
			d := k
			for d < len(t) && d-k < 5 && (isASCIIDigit(t[d]) || (d > k && (t[d] == '-' || t[d] == ','))) {
				d++
			}
			for d > k && !isASCIIDigit(t[d-1]) {
				d--
			}
			if d > k {
				return d
			}
		}
		return end
	case len(inner) == 1 && inner[0] >= 'a' && inner[0] <= 'z':
		return end
	case strings.HasPrefix(inner, "note ") && allDigits(inner[5:]),
		strings.HasPrefix(inner, "nb ") && allDigits(inner[3:]):
		return end
	case languageTags[inner]:
		return end
	case isEditorial(inner):
		return end
	}
	return i
}

// maxBracket is the longest bracketed text taken as a marker.
const maxBracket = 48

// languageTags are the language codes Wikipedia-style pages put after a
// foreign word ("self-media [zh]"). Codes that are English words ("he",
// "it", "no", "my", "am") are left out: "[he]" in a quote is a word.
var languageTags = map[string]bool{
	"zh": true, "ru": true, "kk": true, "ky": true, "uz": true, "tg": true, "tk": true,
	"mn": true, "ug": true, "ar": true, "fa": true, "ur": true, "de": true, "fr": true,
	"es": true, "pt": true, "ja": true, "ko": true, "tr": true, "uk": true, "pl": true,
	"nl": true, "sv": true, "fi": true, "da": true, "cs": true, "el": true, "vi": true,
	"th": true, "ms": true, "la": true, "ka": true, "hy": true, "az": true, "ps": true,
	"bo": true, "en": true, "zh-hans": true, "zh-hant": true, "yue": true,
}

// isEditorial reports whether inner (the text between brackets) is an
// editorial tag: lower-case words that end in "needed" or '?', or one of a
// few fixed tags. "[sic]" is not one: it belongs to the quotation.
func isEditorial(inner string) bool {
	if inner == "" {
		return false
	}
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		if !(c >= 'a' && c <= 'z' || c == ' ' || c == '?' || c == '-') {
			return false
		}
	}
	switch inner {
	case "edit", "dubious", "disputed", "failed verification", "unreliable source",
		"original research", "not in citation given", "permanent dead link", "dead link":
		return true
	}
	return strings.HasSuffix(inner, " needed") || (strings.HasSuffix(inner, "?") && len(inner) > 1)
}

// inlineMath returns the end of an inline LaTeX formula starting at
// t[i] == '$' ("$C_e$", "$S_{hk}$", "$$…$$"), or i. Dollar amounts are never
// formulas: the opening '$' must not be followed by a digit or space, the
// closing one must not be preceded by a space or followed by a letter or
// digit, and the body must use LaTeX syntax (_ ^ \ { }) or be one short word.
func inlineMath(t string, i int) int {
	if strings.HasPrefix(t[i:], "$$") {
		if k := strings.Index(t[i+2:], "$$"); k > 0 {
			return i + 2 + k + 2
		}
		return i
	}
	j := i + 1
	if j >= len(t) || t[j] == ' ' || t[j] == '\t' || isASCIIDigit(t[j]) || t[j] == '$' {
		return i
	}
	if i > 0 && wordByte(t[i-1]) { // "HK$2", "US$"
		return i
	}
	k := strings.IndexByte(t[j:min(len(t), j+maxInlineMath)], '$')
	if k < 0 {
		return i
	}
	k += j
	body := t[j:k]
	if body[len(body)-1] == ' ' || (k+1 < len(t) && wordByte(t[k+1])) {
		return i
	}
	if strings.ContainsAny(body, `_^\{}`) || (len(body) <= 3 && allLetters(body)) {
		return k + 1
	}
	return i
}

// maxInlineMath bounds an inline formula's length.
const maxInlineMath = 80

// creditTail returns the offset in t of a photo credit that ends the line
// ("… on October 4. Photo: Edmond So"), or -1. The label must start the line
// or follow a sentence end, and the credit must be a few words with no
// sentence punctuation, so a sentence that mentions a photo is kept.
func creditTail(t string) int {
	// The label and its credit fit in the last 80 bytes of the line.
	from := max(0, len(t)-80)
	// The last ": ", found by its colon: strings.LastIndex is slow for
	// a two-byte pattern, and this runs on every line. The colons are
	// found going forward, as strings.IndexByte is vectorised and
	// strings.LastIndexByte is not: most lines have none, and are done
	// with one call.
	p := -1
	for i := from; ; {
		k := strings.IndexByte(t[i:], ':')
		if k < 0 {
			break
		}
		k += i
		if k+1 < len(t) && t[k+1] == ' ' {
			p = k
		}
		i = k + 1
	}
	if p < 0 {
		return -1
	}
	label := ""
	for _, l := range creditLabels {
		if p >= len(l) && t[p-len(l):p] == l {
			label = l
			break
		}
	}
	if label == "" {
		return -1
	}
	at := p - len(label)
	if at > 0 && !(at >= 2 && (t[at-2] == '.' || t[at-2] == ')' || t[at-2] == '|') && t[at-1] == ' ') {
		return -1
	}
	credit := t[p+2:]
	if credit == "" || len(credit) > 60 || len(strings.Fields(credit)) > 6 || strings.ContainsAny(credit, ".!?;") {
		return -1
	}
	return at
}

// captionLine reports whether t is a picture's caption on a line of its
// own, opened by its label and a capital: "Photo: Visitors at the
// Registan, Samarkand, in April 2026. (Travel Desk/Li Wen)". A caption describes the picture, not
// the story, and its dates and figures are none of the story's.
func captionLine(t string) bool {
	if len(t) > maxCaptionLine {
		return false
	}
	for _, l := range captionLabels {
		if strings.HasPrefix(t, l) {
			// A caption names what is shown, with a capital; "Photo: the
			// minister said the picture was taken ..." is prose.
			return len(t) > len(l) && 'A' <= t[len(l)] && t[len(l)] <= 'Z'
		}
	}
	return false
}

// maxCaptionLine is the longest line captionLine takes for a caption.
const maxCaptionLine = 240

// captionLabels open a caption line.
var captionLabels = []string{"Photo: ", "Photograph: ", "Picture: ", "Image: ", "Caption: ", "Photo credit: ", "Image credit: "}

// creditLabels introduce a picture credit.
var creditLabels = []string{"Photo", "Photograph", "Photo credit", "Image", "Image credit", "Picture", "Credit"}

// mergeSpans sorts spans and merges those that overlap or touch, so that
// the result is sorted and disjoint. Empty spans are dropped.
func mergeSpans(spans []Span) []Span {
	// The empty spans out, in place (slices.DeleteFunc, without a call
	// per span: this runs on every document, most with one or two spans).
	n := 0
	for _, s := range spans {
		if s.End > s.Start {
			spans[n] = s
			n++
		}
	}
	spans = spans[:n]
	if len(spans) < 2 {
		return spans
	}
	slices.SortFunc(spans, func(a, b Span) int { return a.Start - b.Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// trimBlank narrows [s, e) of text to exclude leading and trailing white
// space, including the Unicode spaces web pages leave behind (no-break,
// thin, hair, zero-width, ideographic) and a carriage return.
//
// It runs on every line findNoise and parseMeta read. Printable ASCII at
// both ends (from '!' up, below utf8.RuneSelf), by far the common case, is
// told by one unsigned comparison an end, with no loop; any other end
// goes to trimBlankEnds.
func trimBlank(text string, s, e int) (int, int) {
	if s < e && text[s]-'!' < utf8.RuneSelf-'!' && text[e-1]-'!' < utf8.RuneSelf-'!' {
		return s, e
	}
	return trimBlankEnds(text, s, e)
}

// trimBlankEnds is trimBlank past its first test. An ASCII byte at either
// end is tested with a table look-up and never decoded as a rune.
func trimBlankEnds(text string, s, e int) (int, int) {
	for s < e {
		if c := text[s]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			s++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isBlankRune(r) {
			break
		}
		s += n
	}
	for e > s {
		if c := text[e-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isBlankRune(r) {
			break
		}
		e -= n
	}
	return s, e
}

// skipBlank returns the first offset at or after i in t that is not
// horizontal white space (ASCII or Unicode).
func skipBlank(t string, i int) int {
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf { // as in trimBlank: no decoding for ASCII
			if c == '\n' || !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isBlankRune(r) {
			break
		}
		i += n
	}
	return i
}

// isBlankRune reports whether r shows as blank: white space, or a
// zero-width space, joiner or byte-order mark.
func isBlankRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return asciiSpace[r] // unicode.IsSpace's answer, without its range checks
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func wordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// isDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return true
}

// isLetters reports whether s is one or more ASCII letters.
func allLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// allASCII reports whether s holds only ASCII bytes.
func allASCII(s string) bool {
	return asciiPrefix(s) == len(s) // many bytes a step: it runs on every line of every document
}

// writingScript is a writing system, coarse enough that one language's text falls
// in one script: Japanese kana and Chinese characters are both scriptCJK.
type writingScript int

// The scripts findNoise tells apart.
const (
	scriptNone writingScript = iota // not a letter, or a script not listed
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptArabic
	scriptHebrew
	scriptCJK
	scriptHangul
	scriptThai
	scriptDevanagari
	scriptEthiopic
	scriptGeorgian
	scriptArmenian
	numScripts
)

// scriptTables maps each script but Latin (tested first) to its tables.
var scriptTables = []struct {
	sc     writingScript
	tables []*unicode.RangeTable
}{
	{scriptCJK, []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo}},
	{scriptCyrillic, []*unicode.RangeTable{unicode.Cyrillic}},
	{scriptArabic, []*unicode.RangeTable{unicode.Arabic}},
	{scriptHangul, []*unicode.RangeTable{unicode.Hangul}},
	{scriptGreek, []*unicode.RangeTable{unicode.Greek}},
	{scriptHebrew, []*unicode.RangeTable{unicode.Hebrew}},
	{scriptThai, []*unicode.RangeTable{unicode.Thai}},
	{scriptDevanagari, []*unicode.RangeTable{unicode.Devanagari}},
	{scriptEthiopic, []*unicode.RangeTable{unicode.Ethiopic}},
	{scriptGeorgian, []*unicode.RangeTable{unicode.Georgian}},
	{scriptArmenian, []*unicode.RangeTable{unicode.Armenian}},
}

// scriptOf returns the script of letter r, or scriptNone for anything that
// is not a letter of a known script.
func scriptOf(r rune) writingScript {
	if r < utf8.RuneSelf {
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return scriptLatin
		}
		return scriptNone
	}
	if r >= 0x2000 && r <= 0x2BFF { // punctuation, symbols, arrows, drawing
		return scriptNone
	}
	if !unicode.IsLetter(r) {
		return scriptNone
	}
	if unicode.Is(unicode.Latin, r) {
		return scriptLatin
	}
	for _, st := range scriptTables {
		if unicode.In(r, st.tables...) {
			return st.sc
		}
	}
	return scriptNone
}

// dominantScript returns the script of most of the letters of text when it
// is clearly dominant (at least three in four letters), or scriptNone for
// mixed or letterless text, where no line can be called foreign.
func dominantScript(text string) writingScript {
	var counts [numScripts]int
	total := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				counts[scriptLatin]++
				total++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if sc := scriptOf(r); sc != scriptNone {
			counts[sc]++
			total++
		}
	}
	best := scriptNone
	for sc := range counts {
		if counts[sc] > counts[best] {
			best = writingScript(sc)
		}
	}
	if best == scriptNone || 4*counts[best] < 3*total {
		return scriptNone
	}
	return best
}
