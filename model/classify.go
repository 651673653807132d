package model

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// This file turns quantities into indicators: for each figure it decides
// what is measured (Metric), whom it is about (Subject) and when (Period),
// reading only the words of its sentence and, for the subject, the one or
// two sentences before. The rules are generic English heuristics; the
// vocabulary they use lives in tables (metricTable below, gazetteer.tsv).

// buildIndicators gives each quantity worth reporting a metric, subject and
// period. Counts that measure nothing in the vocabulary ("three distinct
// tiers", "five agreements") are dropped: a bare count is only an indicator
// when its sentence says what population it counts.
func buildIndicators(text string, sents []Span, qs []Quantity, wm *wordMasks) []Indicator {
	return buildIndicatorsTitled(text, "", sents, qs, wm)
}

// buildIndicatorsTitled is buildIndicators for a document whose headline
// is not in its text (a Markdown front matter's or an HTML head's title):
// the topic counts it as the headline it is.
//
// wm are the text's word masks, or nil to have them made here.
func buildIndicatorsTitled(text, headline string, sents []Span, qs []Quantity, wm *wordMasks) []Indicator {
	if len(qs) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*classifyScratch)
	defer sc.release()
	if wm == nil {
		sc.words.build(text)
		wm = &sc.words
	}
	c := classifier{text: text, headline: headline, sents: sents, g: theGazetteer(), sc: sc, cache: sc.contexts(len(sents)), fuzzy: &sc.fuzzy, usableBuf: sc.usable, ctxBuf: sc.ctx, words: wm}
	defer func() { sc.usable, sc.ctx = c.usableBuf, c.ctxBuf }()
	// Every figure is classified in scratch, its verdict kept with its
	// placement; only those reported become indicators, in a slice of
	// their exact size.
	at := sc.placements(len(qs))
	for i := range qs {
		c.classify(&qs[i], &at[i])
	}
	dropRateNotes(text, qs, at)
	c.inheritChanges(qs, at)
	c.inheritComparisons(qs, at)
	c.inheritParagraphMetric(qs, at)
	c.inheritListIntro(qs, at)
	// Once more: a base that took its metric from the paragraph ("it
	// rose by 13.5 percent to 6.7 billion dollars" after a sentence on
	// trade) passes it on to its change.
	c.inheritChanges(qs, at)
	n := 0
	for i := range at {
		if at[i].ok {
			n++
		}
	}
	// Filled in place, field by field: a composite literal appended is
	// built on the stack and copied again.
	out := sc.indicators.cut(n, 128) // a block: the indicators of a few dozen short stories
	j := 0
	for i := range at {
		if r := &at[i]; r.ok {
			ind := &out[j]
			j++
			ind.Quantity = qs[i]
			ind.Metric, ind.Subject, ind.Period, ind.Sentence = r.metric, r.subject, r.period, r.sentence
			if ind.Unit == "UZS" && c.kyrgyzSom(ind) {
				ind.Unit = "KGS"
			}
		}
	}
	return out
}

// kyrgyzSom reports whether ind, read as Uzbek money, is in Kyrgyz som:
// both countries call their currency the som, and the scanner, which sees
// no context, takes the Uzbek one. A sum written "som" or "soms" (not
// "soum" or "sum", which are Uzbek only) is Kyrgyz when its subject is
// Kyrgyzstan, or when it has no subject of either country and the
// document is about Kyrgyzstan.
func (c *classifier) kyrgyzSom(ind *Indicator) bool {
	// The currency word alone: "some 5 billion soums" is Uzbek.
	words := strings.Fields(strings.ToLower(c.text[ind.Span.Start:ind.Span.End]))
	if len(words) == 0 || words[len(words)-1] != "som" && words[len(words)-1] != "soms" || strings.Contains(strings.Join(words, " "), "uzbek") {
		return false
	}
	kg, uz := strings.Contains(ind.Subject, "Kyrgyzstan"), strings.Contains(ind.Subject, "Uzbekistan")
	if kg || uz {
		return kg && !uz
	}
	t := c.topic()
	return t != nil && t.name == "Kyrgyzstan"
}

// dropRateNotes unreports the two sums of an exchange-rate note, "($1 =
// 470.50 tenge)", which newswires add so that a reader can convert the
// story's figures: it is a conversion, not a figure of the story.
func dropRateNotes(text string, qs []Quantity, at []placed) {
	for i := 0; i+1 < len(qs); i++ {
		a, b := &qs[i], &qs[i+1]
		if a.Value != 1 || a.IsRange || b.IsRange || unitClassOf(a.Unit) != unitMoney || unitClassOf(b.Unit) != unitMoney {
			continue
		}
		if strings.TrimSpace(text[a.Span.End:b.Span.Start]) == "=" {
			at[i].ok, at[i+1].ok = false, false
		}
	}
}

// countedEnd returns where the words of a count end: past the noun that
// says what is counted when it follows the number within four words of its
// clause ("7,815 China-Europe container trains"), else fe, the end of the
// figure's own words. A change is measured from there.
func countedEnd(toks []wordTok, fe int, counted string) int {
	if counted == "" || fe >= len(toks) {
		return fe
	}
	for k := fe; k < len(toks) && k < fe+4 && toks[k].clause == toks[fe].clause; k++ {
		if toks[k].lower == counted {
			return k + 1
		}
	}
	return fe
}

// placed records where a classified quantity sits, whether it is
// reported, and what it was found to measure, for the rules that relate
// figures to each other; the reported become Indicators at the end.
type placed struct {
	ok     bool      // reported: not a count that measures nothing
	class  unitClass // unitClassOf of its unit, once it is located in a sentence
	si     int       // sentence index, or -1
	fs, fe int       // the figure's words in the sentence
	clause int       // the figure's clause
	uncued bool      // no word of its sentence says what it measures
	// unread says classify turned the figure down before its sentence
	// was tokenized (see unmeasured): fs, fe and clause are unset.
	unread bool
	// The verdict, as Indicator has it.
	metric   Metric
	subject  string
	period   *Period
	sentence Span
}

// classifier holds the per-document state of buildIndicators: sentence
// contexts are tokenized once, however many figures a sentence holds.
type classifier struct {
	text  string
	sents []Span
	words *wordMasks // of text, for the tokenizer
	g     *gazetteer
	sc    *classifyScratch
	cache []sentCtx   // by sentence index: its words and place mentions, once built
	fuzzy *fuzzyCache // misspelt names met so far, in this document and before
	// usableBuf backs the result of usable, which subject needs only until
	// its next call.
	usableBuf []placeMention
	// ctxBuf is usableBuf for contextSubject and topic, which may run
	// while subject still holds a result of usable.
	ctxBuf []placeMention
	// topicDone, topicPlace and topicSecond cache topic and the country or
	// region its opening names next most.
	topicDone   bool
	topicPlace  *gazPlace
	topicSecond *gazPlace
	// lentTo is one more than the index of the sentence whose figures
	// were last lent a subject by the sentences before it (see
	// contextSubject), 0 when none has been; lentPair and lentPlace are
	// what they lent.
	lentTo    int
	lentPair  string
	lentPlace *gazPlace

	// headline is the document's title when its text does not carry it,
	// else "": topic reads it before the first sentence.
	headline string

	// lastOff is the offset sentenceIndex was last asked about, and
	// lastLo the first sentence that ends after it.
	lastOff, lastLo int
}

// classifyScratch holds the buffers buildIndicators reuses from one
// document to the next, through scratchPool: tokens, cue hits and sentence
// contexts were most of the pipeline's allocations, and a document's are all
// dead once its indicators are built (no Indicator points into them).
// Sentences take their tokens and hits as sub-slices of one buffer each.
type classifyScratch struct {
	toks  []wordTok
	hits  []cueHit
	years []int // backs the sentences' yearStarts
	ctxs  []sentCtx
	at    []placed // where each figure sits, and its verdict
	// low holds the lower case of the words tokenized, at the text's
	// offsets (see lowBuf): only tokens point into it. Tokens stay in toks after release (their
	// clearing was most of release's cost), so low and the strings of
	// wideLower stay alive with them until the next document overwrites
	// them: at most maxTokChunk tokens and a low of 1 MB, as release caps
	// both. What matters is that none points into a document's text.
	low []byte
	// usable and ctx are the classifier's usableBuf and ctxBuf, kept for
	// the next document: their mentions point only into the gazetteer, so
	// they need no clearing.
	usable []placeMention
	ctx    []placeMention
	// mentions backs the sentences' place mentions, as toks backs their
	// words; fuzzy is the fuzzyCache, kept from one document to the next.
	mentions []placeMention
	fuzzy    fuzzyCache
	// metric is chooseMetric's table of cue scores: kept here, it is not
	// zeroed, 1 KB, for every figure.
	metric metricScores
	// unclaimed keeps countedUnclaimed's verdicts on the nouns of counts
	// from one document to the next (see classifier.countedUnclaimed).
	// Its keys are copies, never slices of a document's text.
	unclaimed map[string]bool
	// words are the text's word masks when the caller has none.
	words wordMasks
	// indicators hands out the results' indicators (see resultBlock).
	indicators resultBlock[Indicator]
}

// placements returns n zero placements. They need no clearing here:
// release clears those handed out, and the rest of the buffer was never
// written. So it is called once per scratch between scratchPool.Get and
// release: a second call would hand out the first's verdicts (classify
// sets only some fields of a placement).
func (sc *classifyScratch) placements(n int) []placed {
	if cap(sc.at) < n {
		sc.at = make([]placed, n, n+n/2)
	}
	sc.at = sc.at[:n]
	return sc.at
}

// lowBuf returns the scratch's buffer for the lower case of a text of n
// bytes, at the text's offsets. appendWords writes into it the bytes of
// each word it makes as it reads them: the text is not lower-cased
// beforehand, in a pass of its own over each sentence tokenized.
func (sc *classifyScratch) lowBuf(n int) []byte {
	if cap(sc.low) < n {
		sc.low = make([]byte, n, n+n/4)
	}
	sc.low = sc.low[:n]
	return sc.low
}

// lowerInto writes text[start:end] with its ASCII capitals lower-cased
// into low at the same offsets, and returns it as a string.
func lowerInto(low []byte, text string, start, end int) string {
	b, src := low[start:end], text[start:end]
	for len(src) >= 8 && len(b) >= 8 {
		binary.LittleEndian.PutUint64(b[:8], swarLower(load8(src, 0)))
		src, b = src[8:], b[8:]
	}
	for k := 0; k < len(src) && k < len(b); k++ {
		b[k] = lowerByte[src[k]]
	}
	return lowString(low, start, end)
}

// lowString returns low[start:end] as a string, with no copy: the bytes
// of a word are written once, before its token is made, and are only
// written again with the same values (see appendWords).
func lowString(low []byte, start, end int) string {
	if start >= end {
		return ""
	}
	return unsafe.String(&low[start], end-start)
}

// lowerByte maps ASCII capitals to lower case and every other byte to
// itself: one load per byte, no branch.
var lowerByte = func() (t [256]byte) {
	for c := range t {
		t[c] = asciiLowerByte(byte(c))
	}
	return t
}()

// scratchPool lets concurrent Extract calls each take their own scratch.
var scratchPool = sync.Pool{New: func() any { return new(classifyScratch) }}

// contexts returns n empty sentence contexts.
func (sc *classifyScratch) contexts(n int) []sentCtx {
	if cap(sc.ctxs) < n {
		sc.ctxs = make([]sentCtx, n, n+n/2)
	}
	// The length records how many were handed out, so that release clears
	// only those: the rest of the buffer is still zero from the last
	// release, and clearing it all cost more than the contexts' use on
	// short documents after a long one.
	sc.ctxs = sc.ctxs[:n]
	return sc.ctxs
}

// release clears the scratch, so that it holds no pointer into the
// document just done, and returns it to the pool. The tokens, cue hits
// and place mentions are not cleared (the tokens' clearing was most of
// release's cost): a token's lower points into low, the scratch's own
// copy, or into a lower-cased copy of a word, never into the text (see
// wideLower); a hit points into the metric table and a mention into the
// gazetteer.
func (sc *classifyScratch) release() {
	clear(sc.ctxs)
	clear(sc.at)
	sc.toks, sc.hits, sc.ctxs, sc.at, sc.mentions = sc.toks[:0], sc.hits[:0], sc.ctxs[:0], sc.at[:0], sc.mentions[:0]
	sc.years = sc.years[:0]
	if cap(sc.mentions) > maxTokChunk {
		sc.mentions = nil
	}
	if cap(sc.at) > maxTokChunk/16 {
		sc.at = nil
	}
	if cap(sc.low) > 1<<20 {
		sc.low = nil                  // a huge document's copy is not kept
		clear(sc.toks[:cap(sc.toks)]) // nor its words, which point into it
	}
	if cap(sc.toks) > maxTokChunk {
		sc.toks = nil
	}
	if cap(sc.hits) > maxTokChunk {
		sc.hits = nil
	}
	if cap(sc.years) > maxTokChunk {
		sc.years = nil
	}
	if cap(sc.ctxs) > maxTokChunk {
		sc.ctxs = nil
	}
	scratchPool.Put(sc)
}

// minTokChunk and maxTokChunk bound the token buffers allocated, in
// tokens, unless one sentence needs more; a pooled buffer never holds more
// than maxTokChunk, so a huge document does not pin memory after it.
const (
	minTokChunk = 4096
	maxTokChunk = 1 << 16
)

// sentCtx is one tokenized sentence.
type sentCtx struct {
	span     Span
	toks     []wordTok
	mentions []placeMention
	hits     []cueHit // metric cues, found once for all the sentence's figures
	hitsDone bool     // hits has been filled
	// countCues says the sentence may hold a cue of a metric of counts,
	// once countCuesDone says it is set (see classifier.unmeasured).
	countCues     bool
	countCuesDone bool
	// sources has bit cl set for each clause cl that names a source (see
	// sourceClauses), once sourcesDone says it is set (see sourceSet).
	sources     uint64
	sourcesDone bool
	// years are the words that may start a year expression, found once
	// for all the sentence's figures (see yearStarts).
	years     []int
	yearsDone bool
	built     bool // span and toks are filled
	// placesDone says mentions is filled (see places), or that
	// gazetteer.mayMention ruled the sentence out before it had words.
	placesDone bool
	// firstBack is the first word that points back (see pointsBack), or
	// len(toks); backHere, that "here" does. backDone says they are set.
	firstBack int
	backHere  bool
	backDone  bool
	// rules are the clauses that hold the words some subject rules look
	// for, once rulesDone says they are set (see ruleWords).
	rules     ruleClauses
	rulesDone bool
}

// cueHit is a metric cue found at word k of a sentence.
type cueHit struct {
	k      int  // word index
	clause int  // the word's clause
	c      *cue // shared with the index: a hit is small
}

// sentence returns the context of sentence i with its words, tokenized on
// first use. Its place mentions are found apart (placeSentence, places):
// most sentences with a figure are read for their metric cues only, when
// no figure of theirs measures anything.
func (c *classifier) sentence(i int) *sentCtx {
	s := &c.cache[i]
	if s.built {
		return s
	}
	sp := c.sents[i]
	// A sentence has at most one word per two bytes; a buffer with less
	// room left is replaced, not grown, as earlier sentences point into it.
	need := (sp.End-sp.Start)/2 + 2
	if cap(c.sc.toks)-len(c.sc.toks) < need {
		c.sc.toks = make([]wordTok, 0, max(minTokChunk, min(2*cap(c.sc.toks), maxTokChunk), need))
	}
	n0 := len(c.sc.toks)
	c.sc.toks = appendWords(c.sc.toks, c.text, c.sc.lowBuf(len(c.text)), sp.Start, sp.End, c.words)
	s.span, s.toks, s.built = sp, c.sc.toks[n0:len(c.sc.toks):len(c.sc.toks)], true
	return s
}

// placeSentence returns the context of sentence i with its place mentions
// and, when it has any, its words: a sentence not yet tokenized that
// cannot name a place (see gazetteer.mayMention) is left so, with no
// mentions, as the context and the topic read such a sentence only for
// its places.
//
// A sentence with a figure is looked at too, though classify will
// tokenize it: most name no place either (the lead of a Reuters story
// read by topic), and mayMention costs half of what find would.
func (c *classifier) placeSentence(i int) *sentCtx {
	s := &c.cache[i]
	if !s.built {
		// A sentence with its places done but no words is one mayMention
		// ruled out before: it is asked again for each figure after it,
		// and by topic, and must not be tokenized then.
		if s.placesDone {
			return s
		}
		sp := c.sents[i]
		if !c.g.mayMention(c.text, sp.Start, sp.End, c.words, c.fuzzy) {
			s.placesDone = true
			return s
		}
	}
	s = c.sentence(i)
	c.places(s)
	return s
}

// places finds the place mentions of s, once: s.mentions is set after it.
func (c *classifier) places(s *sentCtx) {
	if s.placesDone {
		return
	}
	s.placesDone = true
	m0 := len(c.sc.mentions)
	c.sc.mentions = c.g.find(c.sc.mentions, c.text, s.toks, c.fuzzy)
	if len(c.sc.mentions) > m0 {
		s.mentions = c.sc.mentions[m0:len(c.sc.mentions):len(c.sc.mentions)]
	}
}

// cueHits returns the metric cues of sentence s, found on first use: a
// sentence read only for the subject of the next one never needs them.
func (c *classifier) cueHits(s *sentCtx) []cueHit {
	if s.hitsDone {
		return s.hits
	}
	s.hitsDone = true
	ix := metricCues()
	toks := s.toks
	n0 := len(c.sc.hits)
	for k := range toks {
		// appendHits' first tests: a word no cue can start at is
		// turned away without the call.
		t := &toks[k]
		if t.num || (!ix.words.has(cueWordKey(t.hash)) && (len(t.lower) < 3 || !ix.prefixes.has(t.lower))) {
			continue
		}
		c.sc.hits = ix.appendHits(c.sc.hits, toks, k)
	}
	if len(c.sc.hits) > n0 {
		s.hits = c.sc.hits[n0:len(c.sc.hits):len(c.sc.hits)]
	}
	return s.hits
}

// sourceSet returns sourceClauses of the sentence, found on first use:
// chooseMetric asks only about a cue outside its figure's clause, and
// most sentences' figures have none.
func (s *sentCtx) sourceSet() uint64 {
	if !s.sourcesDone {
		s.sources, s.sourcesDone = sourceClauses(s.toks), true
	}
	return s.sources
}

// sourceClauses returns the clauses of a sentence (below 64) that only say
// who gives its figures: "..., the State Revenue Committee said" or
// "according to the Finance Ministry". Their words are names, not what a
// figure measures. It looks only at the words that can end or open such a
// clause, found by their hashes, as cueHits runs it for every sentence
// with a figure.
func sourceClauses(toks []wordTok) (set uint64) {
	for k := range toks {
		h := toks[k].hash
		if sourceWordBits&(1<<(h&63)) == 0 {
			continue
		}
		cl := toks[k].clause
		if cl >= 64 {
			break
		}
		switch w := toks[k].lower; {
		case w == "according":
			// "according to X" opens its clause and holds no number.
			if (k == 0 || toks[k-1].clause != cl) && k+1 < len(toks) && toks[k+1].lower == "to" {
				end := k
				for end < len(toks) && toks[end].clause == cl {
					end++
				}
				if end-k <= 8 && !anyNumber(toks[k:end]) {
					set |= 1 << cl
				}
			}
		case k+1 < len(toks) && toks[k+1].clause == cl:
			// Not the end of its clause, so no source verb that counts:
			// tested before the word itself, as most words are not last.
		case sourceVerbs.hasLower(w):
			// "the X said" ends its clause, opened by "the" or "a".
			start := k
			for start > 0 && toks[start-1].clause == cl && k-start < 7 { // eight words at most
				start--
			}
			if first := toks[start].lower; (start == 0 || toks[start-1].clause != cl) && (first == "the" || first == "a") && !anyNumber(toks[start:k]) {
				set |= 1 << cl
			}
		}
	}
	return set
}

// sourceVerbWords end a clause that names a source (see sourceClauses).
const sourceVerbWords = "said says reported reports estimated estimates"

var sourceVerbs = wordSet(sourceVerbWords)

// sourceWordBits has bit h&63 set for the wordHash h of "according" and of
// each source verb: sourceClauses passes over the other words on it.
var sourceWordBits = func() (b uint64) {
	for _, w := range strings.Fields("according " + sourceVerbWords) {
		b |= 1 << (wordHash(w) & 63)
	}
	return b
}()

// anyNumber reports whether any of toks is a number.
func anyNumber(toks []wordTok) bool {
	for _, t := range toks {
		if t.num {
			return true
		}
	}
	return false
}

// yearStarts returns the words of s that are years and start no name: the
// only words yearExprs can start an expression at, whatever the figure.
func (c *classifier) yearStarts(s *sentCtx) []int {
	if s.yearsDone {
		return s.years
	}
	s.yearsDone = true
	n0 := len(c.sc.years)
	// toks is held, and year's first test made inline, as this loop reads
	// every word of each sentence with a figure and most are not four
	// bytes long.
	toks := s.toks
	for k := range toks {
		if len(toks[k].lower) != 4 {
			continue
		}
		if _, ok := toks[k].year(); ok && !namesYear(toks, k) {
			c.sc.years = append(c.sc.years, k)
		}
	}
	if len(c.sc.years) > n0 {
		s.years = c.sc.years[n0:len(c.sc.years):len(c.sc.years)]
	}
	return s.years
}

// sentenceIndex returns the index of the sentence holding offset off (or the
// nearest one before it), or -1.
//
// The figures are classified in the order of the text: from the offset of
// the last one on, it steps from the first sentence that ended after it,
// most often to that same sentence, rather than search them all again.
func (c *classifier) sentenceIndex(off int) int {
	lo, hi := 0, len(c.sents)
	if off >= c.lastOff {
		lo = c.lastLo
		for lo < hi && c.sents[lo].End <= off {
			lo++
		}
	} else {
		for lo < hi {
			m := (lo + hi) / 2
			if c.sents[m].End > off {
				hi = m
			} else {
				lo = m + 1
			}
		}
	}
	c.lastOff, c.lastLo = off, lo
	if lo < len(c.sents) && c.sents[lo].Start <= off {
		return lo
	}
	return lo - 1
}

// figure locates a quantity among the words of its sentence.
type figure struct {
	// q is the quantity, nil in the figures made up only to say where
	// words are; a pointer, so that a figure passed by value, as the
	// subject rules pass it, is 48 bytes to copy rather than 176.
	q      *Quantity
	fs, fe int  // tokens [fs, fe) overlap the quantity's span
	clause int  // clause of the first token
	slash  bool // a word follows the figure after a slash ("dlrs/bbl")
	// class is unitClassOf(q.Unit), found once by locate: the metric,
	// subject and change rules all ask it.
	class unitClass
}

// classify places q in its sentence and fills in its verdict in at, which
// is zero.
func (c *classifier) classify(q *Quantity, at *placed) {
	si := c.sentenceIndex(q.Span.Start)
	at.si = si
	class := unitClassOf(q.Unit) // asked by each step below: found once
	if si < 0 {
		at.metric = MetricOther
		at.ok = class != unitCount && class != unitNone
		return
	}
	if c.unmeasured(q, class, si) {
		at.class, at.unread = class, true
		return
	}
	s := c.sentence(si)
	at.sentence = s.span
	f := locate(s.toks, q, class)
	at.fs, at.fe, at.clause, at.class = f.fs, f.fe, f.clause, f.class
	metric, ok, cued := chooseMetric(c.cueHits(s), &f, &c.sc.metric, s)
	if !ok {
		return
	}
	c.places(s)
	at.uncued = !cued
	if f.class == unitPct && shareOfPeople(s.toks, s.mentions, f) != nil {
		// "43% of Kazakhs viewed Chinese investment negatively": a share
		// of a people is an opinion or a census figure, whatever it
		// mentions.
		metric = MetricOther
	}
	if metric == MetricFreightVolume && f.class == unitMass && soldAbroad(s.toks, s.mentions, f) {
		metric = MetricTradeVolume // "Kazakhstan shipped 2.9 million tonnes of wheat to China"
	}
	at.ok = true
	at.metric = metric
	at.subject = c.subject(si, s, f, metric)
	at.period = period(s.toks, c.yearStarts(s), &f, metric)
}

// unmeasured reports whether q, of unit class class and sentence si, is
// surely no indicator, as chooseMetric would find, without tokenizing the
// sentence: a duration; a bare count (no unit, nothing counted) whose
// sentence holds no word that starts a cue of a metric of counts (see
// cueIndex.countCues); or a count of something no metric of counts
// claims (see countedUnclaimed). A third of the figures of Reuters are
// such bare counts, the rows of earnings tables, and two in three of the
// counts that say what they count are of things no metric counts,
// shares above all: their sentences were tokenized for nothing.
func (c *classifier) unmeasured(q *Quantity, class unitClass, si int) bool {
	if class == unitNone {
		return true
	}
	if class != unitCount {
		return false
	}
	if q.Unit != "count" || q.Counted != "" {
		return c.countedUnclaimed(q)
	}
	s := &c.cache[si]
	if s.built {
		return false
	}
	if !s.countCuesDone {
		sp := c.sents[si]
		s.countCues, s.countCuesDone = metricCues().countCues.mayStart(c.text, sp.Start, sp.End, c.words), true
	}
	return !s.countCues
}

// countedUnclaimed reports whether q, a count that says what it counts
// (its Counted, or a plain-word unit), is no indicator whatever its
// sentence says. chooseMetric gives such a count the metric of a rule of
// counts only when a word of what it counts is a cue of that rule (or
// the noun is generic: "pairs", "units"), and otherwise keeps it, as
// "other", only when it is an estimate of ten or more or counts a noun
// of economyCounts; each test below is one of those, in the same words.
func countedUnclaimed(q *Quantity) bool {
	counted := q.Counted
	if q.Unit != "count" {
		counted += " " + q.Unit
	}
	if q.Qualifier != "" && q.Value >= 10 || countsEconomy(counted) {
		return false
	}
	lower := strings.ToLower(counted)
	if genericCounts.hasLower(lower) {
		return false
	}
	ix := metricCues()
	for w := range strings.FieldsSeq(lower) {
		claimed := false
		ix.lookup([]wordTok{{lower: w, hash: wordHash(w)}}, 0, func(cu *cue) {
			claimed = claimed || ix.countMetrics&(1<<cu.rule) != 0
		})
		if claimed {
			return false
		}
	}
	return true
}

// unclaimedMax bounds classifyScratch.unclaimed: one that would grow past
// it is emptied first. Under a thousand nouns make the counts of Reuters.
const unclaimedMax = 4096

// countedUnclaimed is countedUnclaimed with its verdicts on counts whose
// unit is "count" kept by their noun: the same few nouns make most counts
// ("shares" a third of Reuters'), and each verdict cost lower-casings and
// the words' cue lookups. The verdict depends on the noun alone once the
// first test, of the qualifier and value, is passed; the rare count of a
// plain-word unit is not kept, as its noun would need the unit too.
func (c *classifier) countedUnclaimed(q *Quantity) bool {
	if q.Unit != "count" || q.Qualifier != "" && q.Value >= 10 {
		return countedUnclaimed(q)
	}
	unclaimed, ok := c.sc.unclaimed[q.Counted]
	if !ok {
		unclaimed = countedUnclaimed(q)
		if c.sc.unclaimed == nil || len(c.sc.unclaimed) >= unclaimedMax {
			c.sc.unclaimed = make(map[string]bool)
		}
		c.sc.unclaimed[strings.Clone(q.Counted)] = unclaimed
	}
	return unclaimed
}

// figureStart returns at[n].fs, locating figure n in its sentence first
// when classify turned it down unread; inheritChanges asks it only of a
// figure in the sentence of a reported one, which is tokenized.
func (c *classifier) figureStart(qs []Quantity, at []placed, n int) int {
	if at[n].unread {
		return locate(c.sentence(at[n].si).toks, &qs[n], at[n].class).fs
	}
	return at[n].fs
}

// soldAbroad reports whether figure f, a mass, is what was shipped, sold or
// supplied to a country: "shipped 2.9 million tonnes of wheat to China",
// "sold 41,300 tonnes to Japan". A mass that crosses a border to a buyer
// is trade, where one handled by a port or carried by rail is freight. The
// verb stands at most three words before the figure, and "to" and the
// country at most six after it, in its clause.
func soldAbroad(toks []wordTok, ms []placeMention, f figure) bool {
	verb := false
	for k := f.fs - 1; k >= 0 && k >= f.fs-3 && toks[k].clause == f.clause; k-- {
		if salesVerbs.hasLower(toks[k].lower) {
			verb = true
			break
		}
	}
	if !verb {
		return false
	}
	for k := f.fe; k < len(toks) && k < f.fe+6 && toks[k].clause == f.clause; k++ {
		if toks[k].lower == "to" {
			m := mentionAt(ms, skipDeterminers(toks, k+1, f.clause))
			return m != nil && m.p.kind == gazKindCountry
		}
	}
	return false
}

// salesVerbs are the verbs soldAbroad looks for.
var salesVerbs = wordSet("shipped ships ship shipping exported exports export exporting sold sells sell selling supplied supplies supply supplying")

// inheritChanges gives a percentage change the metric and subject of the
// figure it changes: in "handled 420,000 TEU in 2024, up 18% from a year
// earlier" or "rose 18% to 420,000 TEU" the 18% is a change of freight
// volume, whatever words stand near it. The change must be marked ("up",
// "rose", "an increase of") and sit next to its base: the figure just
// before it in the sentence, a few words and at most one clause away, or
// the "to N" right after it. A change of a trade value or of an economy's
// size is its growth; other metrics have no growth of their own and keep
// the base's.
func (c *classifier) inheritChanges(qs []Quantity, at []placed) {
	for i := range at {
		r := &at[i]
		if !r.ok || r.si < 0 || r.class != unitPct {
			continue
		}
		toks := c.cache[r.si].toks
		k := changeMarker(toks, figure{fs: r.fs, fe: r.fe, clause: r.clause})
		if k < 0 && (signed(c.text, qs[i].Span) || changeAfter(toks, r.fe, r.clause)) {
			k = r.fs // "177.5 mln t, +3.2%", "1.05 million TEU, 10% more than a year earlier"
		}
		if k < 0 {
			continue
		}
		// "rose 62% to 4.5 million tons" names its base; only without one
		// is the figure before it ("1.4 million TEU, while traffic ... rose
		// 62%") taken, a few words away, across at most a clause break or
		// a bracket ("2.07 million TEUs (twenty-foot units) of goods, up
		// 9 percent").
		base := -1
		if n, to := i+1, skipWhen(toks, r.fe, r.clause); n < len(at) && at[n].si == r.si && to < len(toks) &&
			toks[to].lower == "to" && c.figureStart(qs, at, n) == to+1 {
			base = n
		} else if p := i - 1; p >= 0 && at[p].si == r.si && !at[p].unread && at[p].fe <= k && k-countedEnd(toks, at[p].fe, qs[p].Counted) <= 6 &&
			r.clause-at[p].clause <= 3 {
			base = p
		}
		if base < 0 || !at[base].ok {
			continue
		}
		b := &at[base]
		if at[base].class == unitPct {
			// A change in percentage points is of the percentage before
			// it, and measures what it measures: "make up about 79% of
			// the market's value, up 2.3 percentage points". A change in
			// per cent of a percentage says too little to follow.
			if qs[i].Unit == "pp" && b.metric != MetricOther {
				r.metric = b.metric
				if b.subject != "" {
					r.subject = b.subject
				}
			}
			continue
		}
		if b.metric == MetricOther && r.metric != MetricOther {
			continue // "exports declined 9.9 pct to 615 billion": the base's own cues misled it
		}
		if k > 0 && changeNouns.hasLower(toks[k].lower) && ownMeasures.hasLower(toks[k-1].lower) {
			continue // "a country of 37 million people, has averaged GDP growth of 5%": it says what grew
		}
		r.metric = growthOf(b.metric)
		r.subject = b.subject
		if b.period != nil {
			r.period = b.period // "down 4% on 2022": that year is the comparison's
		}
	}
}

// skipWhen returns the index of the first word at or after k that is not
// part of a short time phrase in clause cl: a change is often dated between
// itself and its result ("rose 65 percent last year to 2.76 million
// tonnes", "up 12% year on year to ...", "fell 3% in 2023 to ...").
func skipWhen(toks []wordTok, k, cl int) int {
	for n := 0; n < 4 && k < len(toks) && toks[k].clause == cl; n, k = n+1, k+1 {
		if _, isYear := toks[k].year(); !isYear && !whenWords.hasLower(toks[k].lower) && !isMonthWord(toks[k].lower) {
			break
		}
	}
	return k
}

// whenWords make up the time phrases skipWhen passes over.
var whenWords = wordSet("last this past previous in on a the year years annual annually quarter month week yearly earlier ago")

// inheritComparisons gives a figure that another is compared with, or
// that restates another in a second currency in brackets, the metric and
// subject of that other: in "43% of Kazakhs viewed it
// negatively, up from 31% in 2017" or "1.82 billion marks vs 1.62 billion"
// both figures measure the same thing. The compared figure comes right
// after "up from", "down from", "compared with", "against", "vs" or
// "versus" (see comparedWith for which figure it is compared with).
func (c *classifier) inheritComparisons(qs []Quantity, at []placed) {
	for i := 1; i < len(at); i++ {
		r := &at[i]
		if !r.ok || r.si < 0 {
			continue
		}
		if at[i-1].ok && r.class == unitMoney && at[i-1].class == unitMoney &&
			strings.TrimSpace(c.text[min(qs[i-1].Span.End, qs[i].Span.Start):qs[i].Span.Start]) == "(" {
			// "HK$3-5 billion (US$385-640 million)": the same sum in
			// another currency. Whichever of the two the words say more
			// of gives the metric to both ("1150 francs (189.66 dlrs) per
			// tonne").
			if at[i-1].metric == MetricOther {
				at[i-1].metric = at[i].metric
			}
			at[i].metric, at[i].subject = at[i-1].metric, at[i-1].subject
			continue
		}
		if r.fs < 2 {
			continue
		}
		toks := c.cache[r.si].toks
		w1, w2 := toks[r.fs-2].lower, toks[r.fs-1].lower
		switch {
		case w2 == "from" && (w1 == "up" || w1 == "down" || changeVerbs.hasLower(w1)),
			w2 == "with" && w1 == "compared",
			w2 == "against" || w2 == "vs" || w2 == "versus",
			w1 == "vs" || w1 == "versus", // "Shr loss 27 cts vs loss 24 cts"
			w2 == "of" && r.fs >= 4 && toks[r.fs-4].lower == "from" && (toks[r.fs-3].lower == "a" || toks[r.fs-3].lower == "an"):
			// "swung to a surplus of 1.9 billion dlrs from a deficit of
			// 640 mln dlrs"
		default:
			continue
		}
		o := comparedWith(qs, at, i)
		if o < 0 {
			continue
		}
		at[i].metric = at[o].metric
		ownPlace := false
		for _, m := range c.cache[r.si].mentions {
			ownPlace = ownPlace || toks[m.i].clause == r.clause && m.i > r.fs
		}
		if !ownPlace { // "compared with around 4% in Kazakhstan" has its own
			at[i].subject = at[o].subject
		}
	}
}

// comparedWith returns the figure before figure i in its sentence that i is
// compared with, or -1: the nearest with the same unit and a value within a
// factor of ten, so that in "earned 1.02 billion dlrs, or 10.26 dlrs a
// share, compared with 996.2 mln dlrs" the profit is compared with the
// profit, not with the profit per share.
func comparedWith(qs []Quantity, at []placed, i int) int {
	v := max(qs[i].Value, qs[i].High)
	for o := i - 1; o >= 0 && at[o].si == at[i].si; o-- {
		if !at[o].ok || qs[o].Unit != qs[i].Unit {
			continue
		}
		w := max(qs[o].Value, qs[o].High)
		if v > 0 && w > 0 && v/w <= 10 && w/v <= 10 {
			return o
		}
	}
	return -1
}

// inheritParagraphMetric gives a figure whose sentence says nothing of
// what it measures the metric of the nearest figure before it with a unit
// of the same class, in its sentence or the one before in its paragraph: "China's trade with the region reached US$94.8 billion. Kazakhstan
// alone accounted for US$43.8 billion" continues to count trade.
func (c *classifier) inheritParagraphMetric(qs []Quantity, at []placed) {
	for i := 1; i < len(at); i++ {
		r := &at[i]
		if !r.ok || !r.uncued || at[i].metric != MetricOther || r.class == unitPct || r.si < 0 {
			continue // a percentage without words is a share or a change of anything
		}
		for j := i - 1; j >= 0 && (at[j].si == r.si || at[j].si == r.si-1 && c.sameParagraph(r.si)); j-- {
			if at[j].ok && at[j].class == r.class {
				// Of the same order too: after "18 dlrs a share", "the 8.5
				// mln dlrs will be reported" is no price.
				v, w := max(qs[i].Value, qs[i].High), max(qs[j].Value, qs[j].High)
				if at[j].metric != MetricOther && v > 0 && w > 0 && v/w <= 10 && w/v <= 10 {
					at[i].metric = at[j].metric
					if at[i].metric == MetricTradeTarget {
						// A target is set in so many words; the figure after
						// it, said without them, is where trade stands: "want
						// trade to double to $2 billion by 2030. It was about
						// $1.1 billion last year."
						at[i].metric = MetricTradeVolume
					}
				}
				break
			}
		}
	}
}

// inheritListIntro gives a figure of a list item that says nothing of what
// it measures the metric that its list's introduction would give it: after
// "Vehicles drove the increase in imports. The five largest items bought
// from China were:", the item "1. Passenger cars – USD 1.87 billion" is
// trade. The introduction is the sentence before the list's first item,
// ending with a colon; when it says nothing either, the sentence before it
// in its paragraph is read too. A percentage is left alone, as
// inheritParagraphMetric leaves it.
func (c *classifier) inheritListIntro(qs []Quantity, at []placed) {
	for i := range at {
		r := &at[i]
		if !r.ok || !r.uncued || r.metric != MetricOther || r.class == unitPct || r.si <= 0 || !c.listItem(r.si) {
			continue
		}
		in := r.si - 1
		for in >= 0 && c.listItem(in) {
			in--
		}
		if in < 0 || !strings.HasSuffix(strings.TrimSpace(c.text[c.sents[in].Start:c.sents[in].End]), ":") {
			continue
		}
		for si := in; si >= 0 && si >= in-1; si-- {
			if si < in && !c.sameParagraph(in) {
				break
			}
			s := c.sentence(si)
			if len(s.toks) == 0 {
				continue
			}
			// The figure stands where the introduction ends, which is
			// where the list it introduces goes on.
			last := len(s.toks)
			f := figure{q: &qs[i], fs: last, fe: last, clause: s.toks[last-1].clause, class: r.class}
			if m, ok, cued := chooseMetric(c.cueHits(s), &f, &c.sc.metric, s); ok && cued && m != MetricOther {
				r.metric = m
				break
			}
		}
	}
}

// listItem reports whether sentence si is an item of a list: it opens a
// line with a bullet ("-", "*", "•") or a number and a period or bracket
// ("1.", "2)").
func (c *classifier) listItem(si int) bool {
	if !c.opensParagraph(si) {
		return false
	}
	// The marker may open the sentence, or stand before it: the text
	// classified is the clean text, in which a numbered list's "1. " is
	// noise, blanked out, so an item of a line that opens with blanks
	// is one too.
	start := c.sents[si].Start
	if lead := c.text[strings.LastIndexByte(c.text[:start], '\n')+1 : start]; len(lead) >= 2 && strings.TrimLeft(lead, " \t") == "" {
		return true
	}
	t := c.text[start:c.sents[si].End]
	if len(t) < 2 {
		return false
	}
	switch {
	case t[0] == '-' || t[0] == '*':
		return t[1] == ' '
	case strings.HasPrefix(t, "•"):
		return true
	}
	k := 0
	for k < len(t) && k < 3 && isDigit(t[k]) {
		k++
	}
	return k > 0 && k+1 < len(t) && (t[k] == '.' || t[k] == ')') && t[k+1] == ' '
}

// sameParagraph reports whether sentence si continues the paragraph of
// the sentence before it.
func (c *classifier) sameParagraph(si int) bool { return si > 0 && !c.opensParagraph(si) }

// changeMarker returns the index of the word that marks the figure as a
// change ("up 18%", "rose by 18%", "an increase of 18%"), or -1.
func changeMarker(toks []wordTok, f figure) int {
	k := f.fs - 1
	if k < 0 || toks[k].clause != f.clause {
		return -1
	}
	switch w := toks[k].lower; {
	case w == "up" && k > 0 && madeUp.hasLower(toks[k-1].lower):
		return -1 // "wheat made up about 80%": a share, not a rise
	case changeVerbs.hasLower(w):
		return k
	case w == "by" && k > 0 && changeVerbs.hasLower(toks[k-1].lower):
		return k - 1
	case w == "of" && k > 0 && changeNouns.hasLower(toks[k-1].lower):
		return k - 1
	}
	return -1
}

// signed reports whether the figure at sp of text is written with its
// sign, in its span or just before it: "+3.2%", "-4%", "−0.5%".
func signed(text string, sp Span) bool {
	// The ASCII signs are read as bytes, as the text holds them.
	asciiSign := func(i int) bool { return 0 <= i && i < len(text) && (text[i] == '+' || text[i] == '-') }
	if asciiSign(sp.Start) || asciiSign(sp.Start-1) {
		return true
	}
	return strings.HasPrefix(text[sp.Start:], "−") || strings.HasSuffix(text[:sp.Start], "−")
}

// changeAfter reports whether the words after a figure ending at word fe
// mark it as a change: "10% more than", "12% higher than", "5% up on",
// "3% down from", "8% above".
func changeAfter(toks []wordTok, fe, cl int) bool {
	if fe >= len(toks) || toks[fe].clause != cl {
		return false
	}
	next := ""
	if fe+1 < len(toks) && toks[fe+1].clause == cl {
		next = toks[fe+1].lower
	}
	switch toks[fe].lower {
	case "more", "less", "higher", "lower", "fewer":
		return next == "than"
	case "up", "down":
		return next == "on" || next == "from" || next == "year" || next == "compared"
	case "above", "below":
		return true
	}
	return false
}

// madeUp are the verbs that make "up" part of a share: "made up 80%".
var madeUp = wordSet("make makes made making add adds added adding sum sums summed")

// Words that mark a percentage as a change: adverbs and verbs right before
// it, nouns before "of".
var (
	changeVerbs = wordSet("up down rose fell risen fallen rising falling increased decreased grew jumped climbed dropped declined gained lost surged slipped eased plunged soared slumped advanced")
	changeNouns = wordSet("increase decrease rise fall drop decline jump gain growth reduction cut surge")
)

// ownMeasures name what a change noun is a change of ("GDP growth of 5%",
// "an export decline of 3%"), so that the change is not taken for a change
// of the figure before it.
var ownMeasures = wordSet("gdp gnp economic economy output trade export exports import imports")

// growthOf is the metric of a change in m: trade and GDP have growth
// metrics of their own; any other change is filed under what changed.
func growthOf(m Metric) Metric {
	switch m {
	case MetricTradeVolume:
		return MetricTradeGrowth
	case MetricGDP:
		return MetricGDPGrowth
	}
	return m
}

// locate finds the tokens covered by q's span; class is unitClassOf its
// unit.
//
// Tokens are sorted and disjoint, so the start is a binary search, for the
// first token ending after the figure's start: a table row is one long
// sentence with many figures, and a linear scan per figure was quadratic
// in it. The end, the first token starting at or after the figure's end,
// is a few tokens on.
func locate(toks []wordTok, q *Quantity, class unitClass) figure {
	f := figure{q: q, class: class}
	// The search written out: sort.Search's closure call per
	// probe cost more than the probes.
	lo, hi := 0, len(toks)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); toks[m].end > q.Span.Start {
			hi = m
		} else {
			lo = m + 1
		}
	}
	f.fs = lo
	// A figure is a few words: the end is stepped to, not searched for.
	for lo < len(toks) && toks[lo].start < q.Span.End {
		lo++
	}
	f.fe = lo
	f.slash = f.fe < len(toks) && f.fe > f.fs && toks[f.fe].sep == '/' && !toks[f.fe].num
	if f.fs < len(toks) {
		f.clause = toks[f.fs].clause
	} else if len(toks) > 0 {
		f.clause = toks[len(toks)-1].clause
	}
	return f
}

// ---------------------------------------------------------------------------
// Words

// wordTok is one word of a sentence: a run of letters and digits, with the
// digits' inner "," and "." kept ("1,400", "3.2") and inner apostrophes kept
// ("Xi'an") except a possessive "'s", which is recorded instead. The word
// as written is text[start:end] of the text tokenized; it is not kept, so
// that a token holds one pointer for the garbage collector to follow.
type wordTok struct {
	start, end int    // byte offsets in the document
	lower      string // lower case
	cap        bool   // first letter upper case
	num        bool   // starts with a digit
	poss       bool   // followed by a possessive "'s" or "'"
	sep        byte   // what joins it to the previous word: '-' (hyphen or dash, no spaces), '/', '$' (a gap that starts with one), or ' '
	hash       uint32 // wordHash(lower), for the vocabulary filters
	clause     int    // clause index: commas, brackets, colons, semicolons and dashes start a new one
}

// joined reports whether the word is glued to the previous one by a hyphen
// or a dash ("Sino-Kazakh", "Hong Kong–Central Asia", "1522–1566").
func (t *wordTok) joined() bool { return t.sep == '-' }

// tokenizeWords splits s, which starts at byte base of the document, into
// words, recording clause breaks from the punctuation between them.
func tokenizeWords(s string, base int) []wordTok {
	var wm wordMasks
	wm.build(s)
	toks := appendWords(make([]wordTok, 0, len(s)/5+1), s, make([]byte, len(s)), 0, len(s), &wm)
	for k := range toks {
		toks[k].start += base
		toks[k].end += base
	}
	return toks
}

// appendWords is tokenizeWords appending to toks the words of
// text[from:to], with wm the word masks of text. low is a buffer as long
// as text at least: the bytes of each word, ASCII lower-cased, are
// written at their offsets there, and its lower field points into it; the
// bytes around may be written too, with their own lower case. It runs over every
// sentence that holds a figure, which on newswire is most of the text, so
// runs of plain words are made by appendPlain, and here the common word
// takes a straight path too: all ASCII, ended by a byte that cannot
// continue it (see wordGlue), and under eight bytes. The masks find where
// it starts and where its letters and digits end, no rune is decoded, and
// it is lower-cased eight bytes at once as it is hashed. wordRest reads
// the rest of any other word.
//
// It is kept out of line: inlined into classifier.sentence (PGO does
// it), its loop shared the registers with the caller's values and spilled
// them, and the pass took 45 million instructions more.
//
//go:noinline
func appendWords(toks []wordTok, text string, low []byte, from, to int, wm *wordMasks) []wordTok {
	// A word and the gap after it take two bytes or more, so the room is
	// made once and each token is written in place rather than appended.
	toks = slices.Grow(toks, (to-from)/2+2)
	first := len(toks) // toks[:first] belong to the caller
	nt := first        // tokens written
	toks = toks[:cap(toks)]
	// Offsets are the document's throughout: text ends where the span does, so no word
	// or rune reads past it; low too, so appendPlain's loop keeps one length for both.
	text, low = text[:to], low[:to:to]
	clause := 0
	prevEnd := from
	for i := from; i < to; {
		if nt > first && i == prevEnd {
			nt, i, clause = appendPlain(toks, nt, text, low, i, clause, wm)
			prevEnd = i
		}
		if i = wm.nextWide(i, to); i >= to {
			break
		}
		if text[i] >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
				i += n
				continue
			}
		}
		start := i
		i = min(wm.alnumEnd(i), to)
		ascii, poss := true, false
		end := i
		if i < to && wordGlue[text[i]] {
			end, ascii = wordRest(text, start, i, wm)
			i = end
			if possessiveAt(text, i) {
				poss = true
				_, n := utf8.DecodeRuneInString(text[i:])
				i += n
				if i < to && (text[i] == 's' || text[i] == 'S') {
					i++
				}
			}
		}
		hasPrev := nt > first
		var capital, num bool
		if c := text[start]; c < utf8.RuneSelf {
			capital, num = 'A' <= c && c <= 'Z', isDigit(c)
		} else {
			r0, _ := utf8.DecodeRuneInString(text[start:end])
			capital, num = unicode.IsUpper(r0), unicode.IsDigit(r0)
		}
		var (
			lower     string
			hash      uint32
			capsFirst bool // only ever read for a clause word
		)
		if ascii {
			// A word of under eight bytes with eight bytes to read (nearly
			// every word) is hashed here, as lowerWordHash does it,
			// without the call; whether it has capitals is only asked of
			// a clause word.
			if k := end - start; k < 8 && start+8 <= to {
				mask := uint64(1)<<(8*k) - 1
				orig := load8(text, start)
				x := swarLower(orig)
				binary.LittleEndian.PutUint64(low[start:start+8], x)
				lower = lowString(low, start, end)
				x &= mask
				hash = wordFinal(uint64(k) ^ x)
				capsFirst = x != orig&mask
			} else {
				// lowerWordHash reads the low bytes past the word only
				// to mask them off.
				lower = lowerInto(low, text, start, end)
				hash, capsFirst = lowerWordHash(text[start:], lowString(low, start, to), 0, end-start)
			}
		} else {
			lower = wideLower(text[start:end], lowerInto(low, text, start, end))
			hash = wordHash(lower)
		}
		// A capitalised ASCII clause word is tested before the gap's
		// break, any other after it, as the tokenizer always has: the
		// clause numbers the metric rules compare depend on it.
		clauseWord := clauseWordFilter.has(hash) && isClauseWord(lower)
		if capsFirst && clauseWord && hasPrev {
			clause++
		}
		var sep byte
		if hasPrev {
			if start-prevEnd == 1 && text[prevEnd] == ' ' {
				sep = ' ' // the common gap, as gapKind would say
			} else {
				var brk bool
				sep, brk = gapKind(text[prevEnd:start])
				if brk {
					clause++
					clauseWord = false // the gap has started the clause
				}
			}
			if !capsFirst && clauseWord {
				clause++ // "forecast that Italian output would rise": a new clause
			}
		}
		prevEnd = i
		// Field by field: a whole wordTok, which holds a pointer, was built
		// on the stack and copied in through the write barrier's wbMove.
		t := &toks[nt]
		t.start, t.end = start, end
		t.lower, t.hash, t.clause = lower, hash, clause
		t.cap, t.num, t.poss, t.sep = capital, num, poss, sep
		nt++
	}
	return toks[:nt]
}

// wideLower returns word, which is not all ASCII, in lower case; ascii is
// word with its ASCII capitals lower-cased. When strings.ToLower returns
// word itself, ascii is returned, the same bytes, so that no token points
// into the text it was made from (see classifyScratch.release).
//
//go:noinline
func wideLower(word, ascii string) string {
	if lower := strings.ToLower(word); lower != word {
		return lower
	}
	return ascii
}

// wordGlue marks the bytes that may continue a word past its run of ASCII
// letters and digits: any byte from 0x80 (the start of a multi-byte rune,
// and also a stray continuation or Latin-1 byte of invalid UTF-8, which
// appendPlain relies on), a digit's
// inner "," or ".", and an apostrophe. A word ended by any other byte is
// done; one ended by these is finished by wordRest.
var wordGlue = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	t[','], t['.'], t['\''] = true, true, true
	return t
}()

// wordRest returns the end of the word that starts at start in text, whose
// ASCII letters and digits run to i, and whether it is all ASCII: a word
// goes on through letters and digits of any script, a digit's inner "," or
// "." ("1,400", "3.2") and an inner apostrophe ("Xi'an"), but not a
// possessive "'s", which its caller records.
func wordRest(text string, start, i int, wm *wordMasks) (end int, ascii bool) {
	ascii = true
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				ascii = false
				i = min(wm.alnumEnd(i+n), len(text))
				continue
			}
		}
		if (r == ',' || r == '.') && i > start && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]) {
			i = min(wm.alnumEnd(i+n), len(text)) // "1,400", "3.2"
			continue
		}
		if (r == '\'' || r == '’') && !possessiveAt(text, i) {
			if r2, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < len(text) && unicode.IsLetter(r2) {
				if r != '\'' {
					ascii = false
				}
				i = min(wm.alnumEnd(i+n), len(text)) // "Xi'an"
				continue
			}
		}
		break
	}
	return i, ascii
}

func asciiLowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// vocabFilter is a one-hash Bloom filter over a vocabulary: has may say yes
// for a word not in it, never no for one that is.
type vocabFilter [1 << 16 / 64]uint64

func (f *vocabFilter) add(w string) { f.addHash(wordHash(w)) }

// addHash adds the word whose hash is h.
func (f *vocabFilter) addHash(h uint32) {
	b := vocabBit(h)
	f[b/64] |= 1 << (b % 64)
}

func (f *vocabFilter) has(h uint32) bool {
	b := vocabBit(h)
	return f[b/64]&(1<<(b%64)) != 0
}

func vocabBit(h uint32) uint32 { return (h ^ h>>16) & (1<<16 - 1) }

// asciiWord marks the ASCII bytes that are word runes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// clauseWords open a subordinate clause, whose subject is its own.
const clauseWords = "that which while whereas although because if unless"

var clauseWordSet = wordSet(clauseWords)

// clauseWordFilter holds the clause words: the tokenizer asks
// isClauseWord only about the words it may hold.
var clauseWordFilter = func() (f vocabFilter) {
	for _, w := range strings.Fields(clauseWords) {
		f.add(w)
	}
	return f
}()

// isClauseWord reports whether w, in lower case, is a clause word.
func isClauseWord(w string) bool { return clauseWordSet.hasLower(w) }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// possessiveAt reports whether s[i] is an apostrophe that marks a possessive:
// "'s" or "’s" ending a word, or a bare "'" after a plural ("countries'").
func possessiveAt(s string, i int) bool {
	if i >= len(s) || s[i] != '\'' && s[i] != "’"[0] {
		return false // the common case, decided without decoding
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r != '\'' && r != '’' {
		return false
	}
	j := i + n
	if j < len(s) && (s[j] == 's' || s[j] == 'S') {
		j++
		r2, _ := utf8.DecodeRuneInString(s[j:])
		return j >= len(s) || !unicode.IsLetter(r2)
	}
	r2, _ := utf8.DecodeRuneInString(s[j:])
	return i > 0 && s[i-1] == 's' && (j >= len(s) || !unicode.IsLetter(r2))
}

// gapKind classifies the characters between two words: how they are joined
// and whether a clause ends between them. A comma followed by a digit is a
// thousands separator and never gets here; "—" always breaks, "-" and "–"
// break only when spaced (" - ") and otherwise join.
func gapKind(gap string) (sep byte, brk bool) {
	if gap == " " {
		return ' ', false // most gaps
	}
	sep = ' '
	if len(gap) > 0 && gap[0] == '$' {
		return '$', false // "US$ 6.3 billion": the word before names a currency
	}
	if ascii, spaced := asciiGap(gap); ascii {
		// Most gaps are ASCII (", ", ". "): the same rules, without
		// decoding.
		for i := 0; i < len(gap); i++ {
			sep, brk = gapRune(rune(gap[i]), spaced, sep, brk)
		}
		return sep, brk
	}
	spaced := strings.ContainsAny(gap, " \t\n")
	for _, r := range gap {
		sep, brk = gapRune(r, spaced, sep, brk)
	}
	return sep, brk
}

// gapRune applies one character of a gap to what gapKind has found so far.
func gapRune(r rune, spaced bool, sep byte, brk bool) (byte, bool) {
	switch r {
	case ',', ';', ':', '(', ')', '[', ']', '|', '—', '•':
		brk = true
	case '-', '–', '‐', '‑':
		if spaced {
			brk = true
		} else {
			sep = '-'
		}
	case '/':
		if !spaced {
			sep = '/'
		}
	}
	return sep, brk
}

// year reports whether t is a plausible year: four digits, 1500 to 2100.
func (t *wordTok) year() (int, bool) {
	if !t.num || len(t.lower) != 4 { // digits: lower is the text
		return 0, false
	}
	// Four digits read by hand, as strconv.Atoi would read them: the
	// period rules ask this of every number in the sentence, per figure.
	y := 0
	for i := 0; i < 4; i++ {
		c := t.lower[i]
		if !isDigit(c) {
			return 0, false // "3.25", "1/87": Atoi fails on them too
		}
		y = y*10 + int(c-'0')
	}
	if y < 1500 || y > 2100 {
		return 0, false
	}
	return y, true
}

// ---------------------------------------------------------------------------
// Metric

// unitClass is what kind of figure a metric rule accepts. A number, not a
// name: every figure's class is compared and turned into a rule mask.
type unitClass uint8

// The unit classes. Their names, which metricTable uses, are in
// unitClassNames.
const (
	unitNone   unitClass = iota // a duration: no rule accepts it, and it is never an indicator
	unitPct                     // % and percentage points
	unitMoney                   // an ISO currency code
	unitMass                    // tonnes
	unitTEU                     // containers
	unitArea                    // km²
	unitLength                  // km
	unitOil                     // barrels, barrels per day
	unitEnergy                  // electricity: kWh and its multiples, and power: kW, MW, GW
	unitCount                   // a number of things, or a plain-word unit
	numUnitClasses
)

// unitClassNames names the unit classes in metricTable's units.
var unitClassNames = [numUnitClasses]string{
	unitPct: "pct", unitMoney: "money", unitMass: "mass", unitTEU: "teu", unitArea: "area",
	unitLength: "length", unitOil: "oil", unitEnergy: "energy", unitCount: "count",
}

// classBit is the bit of a unit class in metricRule.units. No rule has
// unitNone's.
func classBit(class unitClass) uint16 { return 1 << class }

// unitClassOf maps a Quantity.Unit to its class: a unit the scanner
// reports, an ISO currency code, or else a count (a plain-word unit names
// what is counted). Physical quantities other than tonnes (bushels, cubic
// metres) count as mass: they measure goods the same way. Durations map to
// unitNone and are never indicators. A switch, not a map: every figure asks, and
// the compiler's search by length and bytes beats hashing the unit.
func unitClassOf(u string) unitClass {
	switch u {
	case "%", "pp", "bp":
		return unitPct
	case "t", "kg", "g", "lb", "oz", "long tons", "short tons", "dwt", "bushels", "bales", "bags",
		"head", "m3", "cubic feet", "litres", "gallons":
		return unitMass
	case "TEU", "FEU", "containers":
		return unitTEU
	case "km2", "m2", "mi2", "ft2", "acres", "hectares":
		return unitArea
	case "km", "m", "miles", "mi", "feet", "ft":
		return unitLength
	case "bbl", "bpd":
		return unitOil
	case "kWh", "MWh", "GWh", "TWh", "kW", "MW", "GW":
		return unitEnergy
	case "cents", "ECU", "francs", "pesos", "crowns", "kroner",
		"dinars", "riyals", "dirhams", "shillings", "kwacha":
		return unitMoney
	case "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries":
		return unitNone
	}
	if len(u) == 3 && 'A' <= u[0] && u[0] <= 'Z' {
		// Upper case throughout, as ToUpper leaves it: ASCII, which
		// every currency code is, is read by hand, without ToUpper.
		if u[1] < utf8.RuneSelf && u[2] < utf8.RuneSelf {
			if !('a' <= u[1] && u[1] <= 'z') && !('a' <= u[2] && u[2] <= 'z') {
				return unitMoney
			}
		} else if strings.ToUpper(u) == u {
			return unitMoney
		}
	}
	return unitCount
}

// metricTable is the classifier's knowledge, as data. Each row is a metric,
// the unit classes it accepts, a base score, and groups of cue words. A
// group starting "req" must match or the metric is out; "opt" groups only
// add; a "not" group's best cue is subtracted, and a metric left at zero
// or below is out; a "big" group must match when the figure is a large sum
// of money (see bigMoney) and adds nothing. A cue is word:weight; "_" joins
// the words of a phrase, a trailing "*" matches any ending, "@next" / "@prev" restrict it to the word right
// after / before the figure, and "<byyear>" is "by" followed by a year. A
// cue's weight shrinks with its distance in words from the figure and again
// when a comma, bracket or dash lies between (see cueProximity). The metric
// with the highest total wins; ties go to the row listed first. The "other"
// row competes too, so that "profit rose 20 pct" is not read as growth of
// an economy.
var metricTable = []struct {
	metric Metric
	units  string  // space-separated unit classes
	base   float64 // score before any cue
	groups []string
}{
	{MetricGDPShare, "pct", 0, []string{
		"req gdp:4 gross_domestic_product:4 gnp:4 gross_national_product:4 economy:3 economic_output:3 nominal_output:3",
		"req share:3 shares:2 of@next:2 account*:2 controlling:2 controls:1 comprising:1 make_up:2 makes_up:2 made_up:2 percent_of:2"}},
	{MetricTradeTarget, "money pct", 0, []string{
		"req " + tradeCues,
		"req aim*:3 target*:3 goal*:3 plan:2 plans:2 planned:2 seek*:2 hope*:1 envisag*:2 pledg*:2 vow*:2 <byyear>:3",
		// A figure that has happened is no target, whatever target the
		// next clause sets: "reached $13.7 billion last year, and both
		// sides set a target of $20 billion".
		"not reached:3 totalled:3 totaled:3 stood:2 amounted:3 hit:2 climbed:3 rose:3 grew:3 jumped:3 surged:3 fell:3",
		"not " + notTradeCues}},
	// A percentage "of" something is a share of it, not a change, even
	// beside a verb of change: "exports to the mainland, which take about
	// 55 pct of the total, grew 14.1 pct". "Up" or "down" right before
	// it is a change: "exports were up 9.2 pct".
	{MetricTradeGrowth, "pct", 0, []string{"req " + tradeCues, "req " + growthCues, "not " + notTradeCues + " " + shareOfCues + " production:3 output:3 orders:3 sales:3 stock:3 share:5"}},
	{MetricGDPGrowth, "pct", 0, []string{
		"req " + growthCues + " up@prev:2 down@prev:2",
		"req gdp:4 gross_domestic_product:4 gnp:4 gross_national_product:4 economy:3 economic:3 economies:3 growth:1",
		"not " + notEconomyCues + " " + shareOfCues}},
	// A change of freight with no base figure in its sentence ("container
	// traffic up 34% y-o-y") is filed under the freight it changes, as a
	// change with a base is (see inheritChanges).
	{MetricRailFreight, "pct", 0, []string{
		"req rail*:3 train:3 trains:3 railway*:3",
		"req " + growthCues + " up@prev:2 more@next:1 higher@next:1 lower@next:1",
		"req freight:1 cargo:1 container*:1"}},
	{MetricFreightVolume, "pct", 0, []string{
		"req freight:2 cargo*:2 container*:2 throughput:3 transit:1 teu:2",
		"req " + growthCues + " up@prev:2 more@next:1 higher@next:1 lower@next:1",
		"not " + tradeCues}},
	{MetricMarketValue, "money", 0, []string{
		"req market_value:5 market_capitalisation:5 market_capitalization:5 market_cap:5 capitalisation:3 capitalization:3 valuation*:3 " +
			"value_the_company:4 values_the_company:4 valued_the_company:4 valuing_the_company:4 company_was_valued:4 company_is_valued:4",
		// "values the company at 51 dlrs per share": a price.
		"not per_share@next:5 a_share@next:5"}},
	// A share of a market's value is market value, as a share of
	// investment is investment: "make up about 79% of the exchange's
	// market capitalisation".
	{MetricMarketValue, "pct", 0, []string{
		"req market_value:5 market_capitalisation:5 market_capitalization:5 market_cap:5",
		"req of@next:2"}},
	{MetricTradeVolume, "money mass teu energy", 0, []string{"req " + tradeCues, "not " + notTradeCues}},
	// A ministry of the economy that sells a bond does not make the bond
	// an economy's size: this takes back the "economy" cue of its name.
	{MetricGDP, "money", 0, []string{
		"req gdp:4 gross_domestic_product:4 gnp:4 gross_national_product:4 economy:3 economies:2 economic_output:3 nominal_output:3",
		"not ministry_of_economy:3 economy_ministry:3 minister_of_economy:3 economy_minister:3 " + tradePartnerCues}},
	{MetricInvestment, "money", 0, []string{
		"req invest*:3 fdi:3 loan*:3 lend*:2 financing:2 finance:1 fund:2 funds:2 funding:2 credit*:1 capital:1 bond*:3 debenture*:3 stake*:1 infrastructure:1 projects_worth:3 project_worth:3 credit_line*:3 " +
			"raising@prev:3 raised@prev:3 raise@prev:3 raises@prev:3 raised@next:3 raising_a_combined:3 raising_a_total_of:3 raised_a_combined:3 raised_a_total_of:3 proceeds:2 ipo*:2 fundrais*:3 cost:0.9 costs:0.9 costing:0.9 " +
			"pledg*:2 earmark*:2 allocat*:2 commit*:1 develop*:1 grant:2 grants:3 promis*:2 spend:2 spent:2",
		// The finance ministry that publishes a figure does not make it
		// finance: this takes back the "finance" cue of its name.
		"not finance_ministry:1 finance_minister:1 finance_ministers:1"}},
	// A share of investment is investment ("40 per cent of foreign direct
	// investment"): FDI, or investment with "of" or "share"; a bare
	// percentage near "fund" or "bond" is more often a rate.
	{MetricInvestment, "pct", 0, []string{
		"req fdi:4 foreign_direct_investment:5 direct_investment:4 investment:3 investments:3",
		"req of@next:2 share:2 fdi:2 foreign_direct_investment:2 direct_investment:2"}},
	{MetricRailFreight, "mass teu", 0, []string{
		"req rail*:3 train:3 trains:3 railroad*:3 land_bridge:2",
		"opt freight:1 cargo:1"}},
	// Ounces weigh precious metals, mined, held or sold, not freight; a
	// ship's deadweight ("84,137 tonnes dw") is its size, not its cargo.
	{MetricFreightVolume, "mass teu", 0.5, []string{
		"opt freight:2 cargo*:2 port*:2 throughput:3 container*:2 ship*:1 handl*:2 transit:1 transport*:1",
		"not ounce:3 ounces:3 gold:2 silver:2 platinum:2 dw:3 dwt:3 deadweight:3 dead_weight:3"}},
	{MetricTrains, "count", 0, []string{
		"req train:3 trains:4 trainload*:3",
		"opt rail*:1 freight:1 trip*:1 journey*:1"}},
	{MetricListedCompanies, "count", 0, []string{
		"req listed:3 listing*:3 stock_exchange:2 exchange:1 bourse*:2 ipo*:2",
		"req compan*:2 firms:2 enterprises:2 issuers:2 corporations:2 stocks:1"}},
	{MetricDelegation, "count", 0, []string{
		"req delegat*:3 mission*:2 entourage:2",
		"opt executives:1 leaders:1 officials:1 members:1 representatives:1 compan*:1 firms:1 businesses:1 entrepreneurs:1 delegates:1 people:1 persons:1"}},
	{MetricExhibitors, "count pct", 0, []string{
		"req exhibitor*:4 expo:3 fair:2 exhibition*:3 booth*:2 pavilion*:2 exhibit*:2",
		"opt compan*:1 firms:1 enterprises:1 brands:1 businesses:1"}},
	{MetricTerritory, "area", 1, []string{
		"opt territor*:2 land:1 area:1 occup*:1 claim*:1"}},
	// The people of a delegation are its size, not a population: "a
	// delegation of 420 people".
	{MetricPopulation, "count", 0, []string{
		"req people:3 population*:3 inhabitant*:3 resident*:3 citizens:2 persons:2 populous:1 nationals:1",
		"not delegat*:3"}},
	{MetricPrice, "money pct", 0, []string{
		"req price*:3 cost:1 costs:1 costing:1 fare*:2 tariff*:2 inflation:3 interest_rate*:3 prime_rate:3 " + shareMoveCues + " " + perUnitCues,
		"big " + perUnitCues,
		// "US$2,660 per capita" is an economy's output per person. ("Per
		// head" is left to price: of cattle, it is.)
		"not per_capita@next:5"}},
	// An amount per share is a price ("an offer of 20 dlrs a share")
	// unless its sentence says it is what a company earns, loses or pays
	// out: "net profit of 1.2 billion tenge, or 12 tenge a share". The
	// per-share cue scores as price's does, so any such word tips it.
	{MetricOther, "money", 0, []string{
		"req a_share@next:4 per_share@next:4 a_shr@next:4 per_shr@next:4",
		"req " + payoutCues}},
	{MetricOther, "pct money count mass teu length oil energy", 0, []string{
		"req profit*:4 earnings:4 revenue*:4 gross_margin*:4 operating_margin*:4 ebitda_margin*:4 profit_margin*:4 net_margin*:4 sales:3 sale:3 sold:2 dividend*:4 stake:2 interest:2 acqui*:3 purchase*:3 loss:3 losses:3 net:2 unemploy*:3 debt*:2 reserves:3 budget:2 shares:2 " +
			"damages:4 fine:3 fines:3 penalty:3 penalties:3 settlement:2 compensation:2 harvest*:3 crop:3 crops:3 shr:6 div:5 eps:5 " +
			"output:3 produced:3 produces:3 producing:3 " + otherGrowthCues}},
}

// Cue groups several rows share. notEconomyCues name other things that
// grow: money, credit, orders, prices, profits, people. Near a figure they
// veto reading a bare "growth" as growth of an economy; all but prices and
// population (metrics of their own) also make a figure "other". perUnitCues mark a
// price: an amount per unit ("dlrs per tonne", "cts a share", "dlrs/bbl").
// payoutCues name what a company earns, loses or pays out: an amount per
// share in their sentence is earnings or a dividend, not a price ("net
// profit of 12 tenge a share", "a charge of 19 cts a share"). "Shr 1.23
// dlrs" and "Qtly div 15 cts" are earnings and a dividend whatever follows.
const (
	notEconomyCues = otherGrowthCues + " inflation:4 prices:4 population:4 " + tradePartnerCues
	// tradePartnerCues name economies as partners in trade, not as the
	// economy measured: "Hong Kong's trade with the five Central Asian
	// economies reached HK$12.6 billion".
	tradePartnerCues = "trade_with:4 trade_between:4 trading_partner*:4"
	perUnitCues      = "per@next:4 a_share@next:4 per_share@next:4 a_barrel@next:4 a_tonne@next:4 a_ton@next:4 an_ounce@next:4 a_pound@next:4 a_bushel@next:4 a_gallon@next:4 a_litre@next:4 a_kilo@next:4 a_head@next:4 a_day@next:2 each@next:2 apiece@next:3"
	payoutCues       = "earnings:1 profit*:1 dividend*:1 div:1 shr:1 eps:1 income:1 net:1 loss:1 losses:1 lost:1 payout*:1 charge*:1 gain:1 gains:1 writedown*:1 extraordinary:1"
	otherGrowthCues  = "deposit*:4 credit:4 money:4 supply:3 orders:4 consumption:4 spending:3 production:3 lending:4 loans:4 profit*:4 earnings:4 sales:4 revenue*:4 wages:4 m:4 productivity:3 employment:3"
	// notTradeCues name balances that are no trade: a budget, a payroll, and
	// the current account and its other parts (transfers, income,
	// invisibles, the balance of payments), whose deficit or surplus is
	// not the trade balance it includes.
	notTradeCues = "budget:3 psbr:3 payroll:3 current_account:6 balance_of_payments:6 payments_balance:6 transfers:4 unilateral:4 invisible*:4 income_account:5 services_account:5 " +
		"begin_trading:3 start_trading:3 began_trading:3 started_trading:3 trading_debut:3 trade_finance:4 trade_financing:4 trade_credit*:4 " +
		"morning_trade:4 early_trade:4 afternoon_trade:4 late_trade:4 midday_trade:4 heavy_trade:3 light_trade:3 active_trade:3"
	// shareMoveCues mark a move of a price on a market: "Shares in
	// Tianshan Gateway jumped as much as 7.8% to HK$4.69 in morning
	// trade", "hog prices rose 1.00 dlr in active trade".
	shareMoveCues = "morning_trade:3 early_trade:3 afternoon_trade:3 late_trade:3 midday_trade:3 active_trade:3 share_price*:3 stock_price*:3 shares_closed:3 shares_rose:3 shares_fell:3 shares_jumped:3 shares_slipped:3 shares_gained:3 shares_climbed:3 shares_dropped:3 shares_lost:3 shares_surged:3 shares_tumbled:3"
	tradeCues     = "trade:3 trading:1 export*:3 import:3 imports:3 imported:2 importing:2 importer*:2 turnover:3 merchandise:2 shipments:2 bilateral:1 surplus*:2 deficit*:2"
	// shareOfCues follow a percentage that is a share of a whole: "55 pct
	// of the total", "33 pct of its imports".
	shareOfCues = "of_the@next:4 of_total@next:4 of_its@next:4 of_all@next:4 of_their@next:4"
	growthCues  = "grow*:3 growth:3 grew:3 rose:2 rise:2 rises:2 rising:2 risen:2 increas*:2 expan*:2 accelerat*:2 jump*:2 surg*:2 climb*:2 gain*:1 fell:2 fall*:1 declin*:2 drop*:2 slow*:2 contract*:2 shrink*:2 plung*:2 year_on_year:1"
)

// Cue positions.
const (
	cueAnywhere = iota
	cueNext     // the word right after the figure
	cuePrev     // the word right before the figure
)

// metricRule and cue are metricTable parsed.
type metricRule struct {
	metric Metric
	units  uint16 // unit classes accepted, as classBit bits
	base   float64
	// groups are the kinds of the rule's groups of cues, in a fixed array
	// that chooseMetric reads with no bound to check.
	groups [4]groupKind
	nGroup int // groups in use
	// anyReq and anyBig say whether some group is req, or big: a rule no
	// cue of which was seen is scored by them and base alone.
	anyReq, anyBig bool
}

// groupKind is how a group of cues counts toward its rule's score: by
// the weight of its best cue seen, added (opt, req) or subtracted (not).
type groupKind uint8

const (
	groupOpt groupKind = iota // adds
	groupReq                  // must match, and adds
	groupNot                  // subtracts
	groupBig                  // must match when the figure is a large amount of money, adds nothing
)

type cue struct {
	words  []string // lower case; the last may be a prefix
	hashes []uint32 // wordHash of each word, for matchCue
	prefix bool     // the last word matches any word it begins
	weight float64
	where  int
	rule   int // index in metricRules
	group  int
	units  uint16 // the rule's units, here so that a hit of the wrong class is turned away without reading the rule
}

// cueIndex maps a cue's first word to its cues; one-word prefix cues are
// kept apart, keyed by the prefix in byPrefix while the index is built,
// then grouped by their first three letters (preAt, preGroups), so that
// probing the prefixes of a word allocates nothing and hashes nothing.
type cueIndex struct {
	rules    []metricRule
	byWord   map[string][]*cue
	byPrefix map[string][]*cue   // one-word prefix cues by their prefix
	byWordT  *wordTable[cueList] // byWord, for lookup by the token's hash
	// words holds the keys of byWord, and "by", each by cueWordKey.
	words vocabFilter
	// preAt, by a prefix cue's first three letters (a-z only), is the
	// index in preGroups of the prefix cues that start with them, 0 for
	// none: most words are done with the prefixes in one load, and the
	// others compare a few short strings, where a map lookup per prefix
	// length hashed the word's prefixes.
	preAt     [26 * 26 * 26]uint16
	preGroups [][]prefixCues // preGroups[0] is empty
	// prefixes holds the prefix cues: with words, the filter cueHits
	// turns most words away by, before appendHits is called.
	prefixes prefixFilter
	// byClass, by unit class, has bit ri set when rule ri accepts that
	// class: chooseMetric visits only those rules.
	byClass [numUnitClasses]uint32
	// countMetrics has bit ri set when rule ri takes a count and gives it
	// a metric (not MetricOther).
	countMetrics uint32
	// countCues are the first words of the cues of the rules that take a
	// count and give it a metric (not MetricOther), for unmeasured.
	countCues cueStarts
	// free has bit ri set when rule ri can win with none of its cues seen:
	// no group is required and its base is above zero. chooseMetric
	// scores only these and the rules with a cue in the sentence.
	free uint32
}

// cueWordKey is the key of the word whose hash is h in cueIndex.words: the
// high half of h, which vocabFilter then takes as it is. The fold of both
// halves a vocabFilter otherwise takes puts "and", one word of Reuters in
// forty, on the bit of a cue.
func cueWordKey(h uint32) uint32 { return h >> 16 }

// tri returns the preAt index of w's first three bytes, or -1 when they are
// not all lower-case ASCII letters.
func tri(w string) int {
	if len(w) < 3 {
		return -1
	}
	a, b, c := int(w[0])-'a', int(w[1])-'a', int(w[2])-'a'
	if uint(a) >= 26 || uint(b) >= 26 || uint(c) >= 26 {
		return -1
	}
	return (a*26+b)*26 + c
}

var (
	cuesOnce sync.Once
	cues     *cueIndex
)

// metricCues returns metricTable parsed, on first use.
func metricCues() *cueIndex {
	cuesOnce.Do(func() { cues = parseMetricTable() })
	return cues
}

func parseMetricTable() *cueIndex {
	ix := &cueIndex{byWord: map[string][]*cue{}, byPrefix: map[string][]*cue{}}
	if len(metricTable) > maxMetricRules {
		panic("metricTable: more rules than metricScores holds")
	}
	for ri, row := range metricTable {
		if len(row.groups) > len(metricScores{}.best[0]) {
			panic("metricTable: more groups than metricScores holds")
		}
		r := metricRule{metric: row.metric, base: row.base}
		for _, u := range strings.Fields(row.units) {
			i := slices.Index(unitClassNames[:], u)
			if i < 0 || unitClass(i) == unitNone {
				panic("metricTable: unknown unit class " + u)
			}
			r.units |= classBit(unitClass(i))
		}
		for gi, grp := range row.groups {
			fields := strings.Fields(grp)
			switch fields[0] {
			case "req":
				r.groups[gi] = groupReq
			case "not":
				r.groups[gi] = groupNot
			case "big":
				r.groups[gi] = groupBig
			}
			r.nGroup = gi + 1
			r.anyReq = r.anyReq || fields[0] == "req"
			r.anyBig = r.anyBig || fields[0] == "big"
			for _, f := range fields[1:] {
				word, w, _ := strings.Cut(f, ":")
				weight, _ := strconv.ParseFloat(w, 64)
				cu := &cue{weight: weight, rule: ri, group: gi, units: r.units}
				if base, ok := strings.CutSuffix(word, "@next"); ok {
					word, cu.where = base, cueNext
				} else if base, ok := strings.CutSuffix(word, "@prev"); ok {
					word, cu.where = base, cuePrev
				}
				if base, ok := strings.CutSuffix(word, "*"); ok {
					word, cu.prefix = base, true
				}
				cu.words = strings.Split(word, "_")
				for _, w := range cu.words {
					cu.hashes = append(cu.hashes, wordHash(w))
				}
				key := cu.words[0]
				if cu.prefix && len(cu.words) == 1 {
					t := tri(key)
					if t < 0 {
						panic("metricTable: prefix cue " + key + " is not three lower-case letters or more")
					}
					ix.prefixes.add(key)
					ix.byPrefix[key] = append(ix.byPrefix[key], cu)
					continue
				}
				ix.byWord[key] = append(ix.byWord[key], cu)
				ix.words.addHash(cueWordKey(cu.hashes[0]))
			}
		}
		ix.rules = append(ix.rules, r)
		if r.units&classBit(unitCount) != 0 && r.metric != MetricOther {
			ix.countMetrics |= 1 << ri
		}
		if !r.anyReq && r.base > 0 {
			ix.free |= 1 << ri
		}
		for c := range numUnitClasses {
			if r.units&classBit(c) != 0 {
				ix.byClass[c] |= 1 << ri
			}
		}
	}
	ix.groupPrefixes()
	ix.countCues = countCueStarts(ix)
	ix.words.addHash(cueWordKey(wordHash("by"))) // "by" and a year, looked up by hand in appendHits
	lists := make(map[string]cueList, len(ix.byWord))
	for key, cus := range ix.byWord {
		var l cueList
		for _, cu := range cus {
			switch {
			case len(cu.words) == 1:
				l.singles = append(l.singles, cu)
			case len(cu.words) == 2 && cu.prefix:
				l.prefixed = append(l.prefixed, cu) // a prefix has no hash to test
			default:
				l.second |= 1 << (cu.hashes[1] & 63)
			}
		}
		l.bySecond = make([][]*cue, bits.OnesCount64(l.second))
		for _, cu := range cus {
			if len(cu.words) > 1 && !(len(cu.words) == 2 && cu.prefix) {
				b := l.bucket(cu.hashes[1])
				l.bySecond[b] = append(l.bySecond[b], cu)
			}
		}
		lists[key] = l
	}
	ix.byWordT = newWordTable(lists)
	return ix
}

// countCueStarts returns the cueStarts of the rules that take a count and
// give it a metric: a bare count is reported only when one of them wins,
// which it cannot with none of its cues seen, nor, when it has a req
// group, with none of its first req group's ("officials" alone makes no
// delegation), nor, when it has none, with none of its opt groups'. Only
// those cues are added. The filter is turned off
// (always says yes) when that does not hold: a rule that wins on its base
// alone, a "per" cue (a slash hits it, unwritten: see chooseMetric), or a
// first word that is not three lower-case letters or more.
func countCueStarts(ix *cueIndex) (cs cueStarts) {
	for ri, r := range ix.rules {
		if r.units&classBit(unitCount) == 0 || r.metric == MetricOther {
			continue
		}
		if ix.free&(1<<ri) != 0 {
			cs.off = true
		}
	}
	add := func(cu *cue) {
		r := &ix.rules[cu.rule]
		if r.units&classBit(unitCount) == 0 || r.metric == MetricOther {
			return
		}
		if r.anyReq && cu.group != slices.Index(r.groups[:r.nGroup], groupReq) || !r.anyReq && r.groups[cu.group] != groupOpt {
			return
		}
		if w := cu.words[0]; w == "per" || tri(w) < 0 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			cs.off = true
		} else {
			cs.add(w)
		}
	}
	for _, cus := range ix.byWord {
		for _, cu := range cus {
			add(cu)
		}
	}
	for _, cus := range ix.byPrefix {
		for _, cu := range cus {
			add(cu)
		}
	}
	return cs
}

// cueStarts is a filter over a set of words of three lower-case letters
// or more: whether a stretch of text may hold a word that starts with one
// of them, read from its bytes and word masks, without tokenizing it.
type cueStarts struct {
	// firsts has bit startBit(x) set for the first three bytes x of each
	// word, lower-cased: mayStart turns most words away with one load and
	// one multiply, before it reads at.
	firsts [1 << 12 / 64]uint64
	at     [26 * 26 * 26]uint8 // by a word's first three letters (tri): 1 + its group in pre, 0 for none
	pre    [][]packedPrefix
	off    bool // the filter always says yes
}

// packedPrefix is a word's first eight bytes at most, packed as load8
// reads them, and the mask of the bytes it has.
type packedPrefix struct{ bits, mask uint64 }

// add adds w.
func (cs *cueStarts) add(w string) {
	n := min(len(w), 8)
	pp := packedPrefix{packWord(w[:n]), ^uint64(0) >> (64 - 8*n)}
	b := startBit(pp.bits)
	cs.firsts[b/64] |= 1 << (b % 64)
	t := tri(w)
	if cs.at[t] == 0 {
		if len(cs.pre) >= 255 {
			cs.off = true
			return
		}
		cs.pre = append(cs.pre, nil)
		cs.at[t] = uint8(len(cs.pre))
	}
	cs.pre[cs.at[t]-1] = append(cs.pre[cs.at[t]-1], pp)
}

// mayStart reports whether a word of text[from:to] may start with a word
// of cs. It says yes for any stretch with a byte of a multi-byte rune,
// whose lower case is not the ASCII one. A word a token may start at is
// the start of a run of ASCII letters and digits (or from itself), and
// its first bytes are compared lower-cased, up to eight and not past to.
func (cs *cueStarts) mayStart(text string, from, to int, wm *wordMasks) bool {
	if cs.off {
		return true
	}
	for w := from >> 6; w<<6 < to; w++ {
		in := ^uint64(0)
		if w == from>>6 {
			in <<= from & 63
		}
		if to < (w+1)<<6 {
			in &= 1<<(to&63) - 1
		}
		a := wm.alnum[w]
		if (wm.wide[w]^a)&in != 0 {
			return true
		}
		prev := a << 1
		if w > 0 {
			prev |= wm.alnum[w-1] >> 63
		}
		starts := a &^ prev & in
		if w == from>>6 {
			starts |= a & (1 << (from & 63))
		}
		for ; starts != 0; starts &= starts - 1 {
			p := w<<6 | bits.TrailingZeros64(starts)
			if p+3 > to {
				continue
			}
			if p+8 <= len(text) {
				if b := startBit(load8(text, p) | plainLower); cs.firsts[b/64]&(1<<(b%64)) == 0 {
					continue
				}
			}
			g := cs.at[triIndex(text[p]|0x20, text[p+1]|0x20, text[p+2]|0x20)]
			if g == 0 {
				continue
			}
			var x uint64
			if p+8 <= to {
				x = load8(text, p) | plainLower
			} else {
				for k := to - 1; k >= p; k-- {
					x = x<<8 | uint64(text[k]|0x20)
				}
			}
			for _, pp := range cs.pre[g-1] {
				if x&pp.mask == pp.bits {
					return true
				}
			}
		}
	}
	return false
}

// startBit hashes the three low bytes of x, a word's first bytes as
// load8 reads them, to a bit of cueStarts.firsts.
func startBit(x uint64) uint64 { return (x & 0xffffff) * 0x9E3779B1 >> 20 & (1<<12 - 1) }

// triIndex is tri's index of three lower-cased bytes, with no branch on
// whether they are letters: a byte that is not one counts as "a". A group
// found so is no match by itself, as mayStart then compares the bytes in
// full.
func triIndex(a, b, c byte) int {
	return (int(clampLetter(a))*26+int(clampLetter(b)))*26 + int(clampLetter(c))
}

// clampLetter maps a lower-case letter to 0-25 and any other byte to 0.
func clampLetter(c byte) byte {
	if d := c - 'a'; d < 26 {
		return d
	}
	return 0
}

// cueList is the cues whose first word is one word: "a" starts twenty-two
// ("a share", "a tonne", ...), and is one of the commonest words there
// is. singles are those that are the word alone; the phrases are kept by
// the hash h of their second word, in bySecond[bucket(h)], when second
// has bit h&63 set: a word is tried only against the phrases that may go
// on with the word after it, not one by one. prefixed are the phrases of
// two words whose second is a prefix, which have no hash to sort by.
type cueList struct {
	singles  []*cue
	bySecond [][]*cue
	second   uint64
	prefixed []*cue
}

// bucket returns the index in bySecond of the phrases whose second word's
// hash has h's six low bits, which second must have set: one for each
// bit of second below it.
func (l *cueList) bucket(h uint32) int {
	return bits.OnesCount64(l.second & (1<<(h&63) - 1))
}

// prefixCues is the one-word prefix cues of one prefix.
type prefixCues struct {
	prefix string
	cues   []*cue
}

// groupPrefixes fills preAt and preGroups from byPrefix: each group holds
// the prefixes of three first letters, longest first, as appendHits
// tries them.
func (ix *cueIndex) groupPrefixes() {
	keys := make([]string, 0, len(ix.byPrefix))
	for key := range ix.byPrefix {
		keys = append(keys, key)
	}
	// Longest first, then in byte order, so that the index is the same
	// from run to run.
	slices.SortFunc(keys, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	ix.preGroups = [][]prefixCues{nil}
	for _, key := range keys {
		t := tri(key)
		if ix.preAt[t] == 0 {
			ix.preAt[t] = uint16(len(ix.preGroups))
			ix.preGroups = append(ix.preGroups, nil)
		}
		g := ix.preAt[t]
		ix.preGroups[g] = append(ix.preGroups[g], prefixCues{key, ix.byPrefix[key]})
	}
}

// bigMoney is the amount from which a sum of money is read as a total (a
// project's cost, a deal's value) rather than a price, unless the text says
// it is per unit: prices of goods and shares are small numbers.
const bigMoney = 1e6

// cueProximity weighs a cue d words away from the figure: full weight next
// to it, half at five words, and 0.6 of that across a clause break, so that
// the noun phrase right after a figure and the verb right before it count
// most.
func cueProximity(d int, sameClause bool) float64 {
	p := 1 / (1 + float64(d)/5)
	if !sameClause {
		p *= 0.6
	}
	return p
}

// maxMetricRules bounds metricTable: metricScores has a row for each rule,
// and a bit of a uint32 says whether the row is in use.
const maxMetricRules = 32

// metricScores holds, for chooseMetric, the strongest cue seen for each
// group of each rule. Only the rows of the rules in seen are current: a row
// is cleared when its rule's first cue is seen, so that a figure costs
// nothing for the rules none of whose cues its sentence has.
type metricScores struct {
	best [maxMetricRules][4]float64
	seen uint32
}

// note records weight for group g of rule r.
func (ms *metricScores) note(r, g int, weight float64) {
	if ms.seen&(1<<r) == 0 {
		ms.seen |= 1 << r
		ms.best[r] = [4]float64{}
	}
	ms.best[r][g] = max(ms.best[r][g], weight)
}

// chooseMetric scores every metric rule against the words of the sentence
// s, whose cues are hits, and returns the best. It reports false for a
// count that no count metric claims. ms is its scratch.
func chooseMetric(hits []cueHit, f *figure, ms *metricScores, s *sentCtx) (metric Metric, ok, cued bool) {
	class := f.class
	if class == unitNone {
		return "", false, false // a duration: "12 months" measures nothing here
	}
	ix := metricCues()
	cb := classBit(class)
	ms.seen = 0
	hit := func(cu *cue, d int, same bool, after, before bool) {
		switch cu.where {
		case cueNext:
			if !after || d > 1 {
				return
			}
		case cuePrev:
			if !before || d > 1 {
				return
			}
		}
		ms.note(cu.rule, cu.group, cu.weight*cueProximity(d, same))
	}
	if f.slash {
		// "17.50 dlrs/bbl" is per unit, as "per" would say; not as a
		// phrase that starts with it ("per head") would.
		for _, cu := range ix.byWord["per"] {
			if len(cu.words) == 1 {
				hit(cu, 0, true, true, false)
			}
		}
	}
	for _, h := range hits {
		if h.c.units&cb == 0 {
			continue // a cue of rules that do not take the figure's unit
		}
		if h.clause != f.clause && h.clause < 64 && s.sourceSet()&(1<<h.clause) != 0 {
			continue // "the State Revenue Committee said": a source's name says nothing of the figure
		}
		k, n := h.k, len(h.c.words)
		var d int
		after, before := k >= f.fe, k+n <= f.fs
		switch {
		case after:
			d = k - f.fe
		case before:
			d = f.fs - (k + n)
		}
		hit(h.c, d, h.clause == f.clause, after, before)
	}
	// What the scanner says is counted is the noun of the figure itself,
	// and so is a plain-word unit ("trains", "delegates").
	counted := f.q.Counted
	if class == unitCount && f.q.Unit != "count" {
		counted += " " + f.q.Unit
	}
	var countedRules uint64 // the rules a word of counted is a cue of
	if counted != "" {
		// Most figures count nothing: the lower-casing is left to those
		// that do, and the words are visited in place (FieldsSeq), not
		// split into a new slice.
		for w := range strings.FieldsSeq(strings.ToLower(counted)) {
			one := []wordTok{{lower: w, hash: wordHash(w)}}
			ix.lookup(one, 0, func(cu *cue) {
				if cu.units&cb != 0 {
					hit(cu, 0, true, true, true)
				}
				countedRules |= 1 << cu.rule
			})
		}
	}
	big := class == unitMoney && max(f.q.Value, f.q.High) >= bigMoney
	bestRule, bestScore := -1, 0.0
	// Only the rules some cue was seen for, and those that can win on
	// their base alone: any other scores 0 or is out.
	for rs := ix.byClass[class] & (ms.seen | ix.free); rs != 0; rs &= rs - 1 {
		ri := bits.TrailingZeros32(rs)
		r := &ix.rules[ri] // not copied: a rule is 56 bytes
		if ms.seen&(1<<ri) == 0 {
			// No cue of the rule: every group scores 0.
			if !r.anyReq && !(big && r.anyBig) && r.base > bestScore {
				bestRule, bestScore = ri, r.base
			}
			continue
		}
		best := &ms.best[ri]
		score, ok := r.base, true
	groups:
		for gi, kind := range r.groups[:r.nGroup] {
			switch w := best[gi]; kind {
			case groupReq:
				if w == 0 {
					ok = false
					break groups
				}
				score += w
			case groupBig:
				if big && w == 0 {
					ok = false
					break groups
				}
			case groupNot:
				score -= w
			default:
				score += w
			}
		}
		if ok && score > bestScore {
			bestRule, bestScore = ri, score
		}
	}
	if bestRule >= 0 && class == unitCount && counted != "" && countedRules&(1<<bestRule) == 0 && !genericCounts.hasLower(strings.ToLower(counted)) {
		// A count says what it counts, and it is not what the metric
		// counts: "the service has reached 227 cities" is no number of
		// trains, whatever train the sentence names.
		bestRule = -1
	}
	if bestRule < 0 || ix.rules[bestRule].metric == MetricOther {
		// A count that no metric claims is kept when it is an estimate of
		// a population it names ("about 200 companies", "more than 50
		// projects"): "three tiers" and "five agreements" are wording,
		// not figures.
		return MetricOther, class != unitCount || f.q.Qualifier != "" && counted != "" && f.q.Value >= 10 ||
			countsEconomy(counted), bestRule >= 0
	}
	return ix.rules[bestRule].metric, true, true
}

// genericCounts are nouns that count units of something else, which the
// sentence names: "60 pairs of trains", "19,000 trips".
var genericCounts = wordSet("pairs units trips sets rounds batches")

// countsEconomy reports whether counted names things whose number is a
// figure in itself, with or without "about": "120 new jobs", "35
// projects", "2,000 wagons".
func countsEconomy(counted string) bool {
	// Visited in place (FieldsSeq): most figures count nothing, and a
	// slice of no words was still made for them.
	for w := range strings.FieldsSeq(counted) {
		if economyCounts.hasLower(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// economyCounts are the nouns countsEconomy looks for.
var economyCounts = wordSet("jobs workers employees projects vehicles wagons railcars locomotives flights tourists visitors passengers students vessels ships factories plants mines wells hotels events participants arrivals departures sailings cars trucks calls voyages trips rooms")

// lookup calls fn for each cue that matches the words starting at toks[k].
func (ix *cueIndex) lookup(toks []wordTok, k int, fn func(*cue)) {
	var buf [8]cueHit
	for _, h := range ix.appendHits(buf[:0], toks, k) {
		fn(h.c)
	}
}

// prefixFilter is a one-hash Bloom filter over the first four bytes of
// words (three, for a word of three): has may say yes for a word no prefix
// in it starts, never no for one that some prefix starts. Four bytes, not
// three, because a word's first three letters are shared by many a word
// no prefix starts: "inc" (increas*), "gro" (grow*), "pri" (price*), "exp"
// (expan*, export*), "all" (allocat*).
type prefixFilter [1 << 16 / 64]uint64

// add adds the prefix p, of three bytes or more. A prefix of three starts
// words with any fourth byte, or none (hashed as a zero): all 256 keys
// are added.
func (f *prefixFilter) add(p string) {
	if len(p) > 3 {
		f.set(prefixBit(p))
		return
	}
	first3 := uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16
	for c := range uint32(256) {
		f.set(prefixHash(first3 | c<<24))
	}
}

// set sets bit b.
func (f *prefixFilter) set(b uint) { f[b/64] |= 1 << (b % 64) }

// has reports whether w, of three bytes or more, may start with a prefix
// in f.
func (f *prefixFilter) has(w string) bool {
	b := prefixBit(w)
	return f[b/64]&(1<<(b%64)) != 0
}

// prefixBit hashes the first four bytes of w, of three bytes or more, to
// a bit of a prefixFilter; a word of three is hashed with a zero fourth.
func prefixBit(w string) uint {
	x := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
	if len(w) > 3 {
		x |= uint32(w[3]) << 24
	}
	return prefixHash(x)
}

// prefixHash is prefixBit of the four bytes packed in x, the first in the
// low byte.
func prefixHash(x uint32) uint { return uint(x * 0x9E3779B1 >> 16) }

// appendHits appends a hit for each cue that matches the words starting at
// toks[k]. It appends rather than calling back, as cueHits runs it for
// nearly every word of a sentence.
func (ix *cueIndex) appendHits(hits []cueHit, toks []wordTok, k int) []cueHit {
	w := toks[k].lower
	if ix.words.has(cueWordKey(toks[k].hash)) {
		l, _ := ix.byWordT.get(w, toks[k].hash)
		for _, cu := range l.singles {
			hits = append(hits, cueHit{k, toks[k].clause, cu})
		}
		if k+1 < len(toks) {
			// The order of the hits is no matter to chooseMetric, which
			// keeps the strongest of each group.
			if next := toks[k+1].hash; l.second&(1<<(next&63)) != 0 {
				for _, cu := range l.bySecond[l.bucket(next)] {
					// A phrase whose second word is another is
					// turned away by its hash, without the call.
					if cu.hashes[1] == next && matchCue(cu, toks, k) {
						hits = append(hits, cueHit{k, toks[k].clause, cu})
					}
				}
			}
			for _, cu := range l.prefixed {
				if matchCue(cu, toks, k) {
					hits = append(hits, cueHit{k, toks[k].clause, cu})
				}
			}
		}
	}
	if t := tri(w); t >= 0 && ix.preAt[t] != 0 {
		// The prefixes of the word's first three letters, longest first.
		for _, pc := range ix.preGroups[ix.preAt[t]] {
			if len(pc.prefix) <= len(w) && w[:len(pc.prefix)] == pc.prefix {
				for _, cu := range pc.cues {
					hits = append(hits, cueHit{k, toks[k].clause, cu})
				}
			}
		}
	}
	if w == "by" && k+1 < len(toks) {
		if _, ok := toks[k+1].year(); ok {
			for _, cu := range ix.byWord["<byyear>"] {
				hits = append(hits, cueHit{k, toks[k].clause, cu})
			}
		}
	}
	return hits
}

// matchCue reports whether the phrase cue cu matches the words at toks[k],
// whose first word the index has already matched (lookup is its only
// caller). A word that must match whole is turned away by its hash, before
// the strings are compared.
func matchCue(cu *cue, toks []wordTok, k int) bool {
	if len(cu.words) == 1 {
		return true // the index key already matched
	}
	if k+len(cu.words) > len(toks) {
		return false
	}
	last := len(cu.words) - 1
	for i := 1; i < len(cu.words); i++ {
		t, w := &toks[k+i], cu.words[i]
		if i == last && cu.prefix {
			if !strings.HasPrefix(t.lower, w) {
				return false
			}
		} else if t.hash != cu.hashes[i] || t.lower != w {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// Subject

// Function words the subject rules read. A place right after a preposition
// is an object or a modifier ("trade with China", "60% of Central Asia's
// GDP"), not what the clause is about.
var (
	prepositions  = wordSet("in of to from with at on into onto for by across through between among amongst via toward towards against including like than about under within throughout near outside inside beyond along alongside during after before since per versus vs as upon without excluding except")
	determiners   = wordSet("the a an its their his her our this that these those both all entire whole")
	modifiers     = wordSet("neighbouring neighboring eastern western northern southern central north south east west northwest northeast southwest southeast northwestern northeastern southwestern southeastern present landlocked")
	npStops       = wordSet("is are was were be been has have had will would can could may might to that which who whose while whereas but or said says")
	originVerbs   = wordSet("originating coming hailing arriving")
	currencyWords = wordSet("dollar dollars dlr dlrs yuan renminbi rmb yen won tenge rouble roubles ruble rubles pound pounds sterling franc francs mark marks euro euros rupee rupees ringgit peso pesos lira sum soms som crown crowns krona kronor")
	tradeWords    = wordSet(tradeWordList)
)

// tradeWordList are the words of tradeWords, which ruleWords looks for by
// their hashes too.
const tradeWordList = "trade trading turnover exports export imports import shipments commerce"

// wordSet makes the set of the space-separated words of s. The
// classifier asks its sets about nearly every word of a sentence, with
// tokens already in lower case: hasLower.
func wordSet(s string) *shapedSet {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return newShapedSet(m)
}

// isTradeMetric reports whether m is about trade between two parties, where
// a partner named in the clause makes the subject a pair.
func isTradeMetric(m Metric) bool {
	return m == MetricTradeGrowth || m == MetricTradeVolume || m == MetricTradeTarget
}

// subject picks the place, corridor or body the figure is about. The rules,
// in order:
//
//  1. "200 originating from Shanghai": a "from X" right after a count.
//  2. listed companies: the place of the exchange ("listed in X", "X stock
//     exchange"), as the count belongs to the exchange, not to where the
//     companies come from.
//  3. a place in the figure's own noun phrase ("40 Hong Kong leaders").
//  4. a pair: "between A and B", "A–B", trade "with/to/from B" (the clause's
//     subject and B), or "A and B" as a trade metric's subject.
//  5. the grammatical subject of the figure's clause: its first place not
//     governed by a preposition, else its first place. A share's whole
//     ("60% of Central Asia's GDP") is never the subject.
//  6. the subject of the nearest clause before, then after, in the sentence.
//  7. the context's subject (see contextSubject).
//
// A trade figure whose clause names only the partner ("trade turnover with
// China climbed to $43.8 billion") is the context's subject paired with it.
func (c *classifier) subject(si int, s *sentCtx, f figure, metric Metric) string {
	toks := s.toks
	ms := usable(c.usableBuf[:0], toks, s.mentions, f)
	c.usableBuf = ms[:0]
	if metric == MetricDelegation {
		ms = withoutDestinations(toks, ms, f)
	}
	if len(ms) > 0 {
		if p := fromAfter(toks, ms, f); p != nil && f.class == unitCount {
			return p.name
		}
		if p := placeWith(toks, ms, f); p != nil {
			return p.name
		}
		if t := c.definiteTopic(toks, ms, f, s.ruleWords().kinds); t != nil {
			return t.name
		}
		if metric == MetricListedCompanies {
			if p := exchangePlace(toks, ms, f); p != nil {
				return p.name
			}
		} else if m := inNounPhrase(toks, ms, f); m != nil {
			// "4,500 China–Europe trains": a pair that names the thing
			// counted is the subject as a pair, not its first half.
			if n := mentionAt(ms, m.j); n != nil && toks[n.i].joined() && n.p != m.p {
				return c.g.pair(m.p, n.p)
			}
			// "Uzbekistan received 312,000 Chinese tourists": a people's
			// name in a count of visitors says who came; the place the
			// clause is about, named before the figure, is whose figure
			// it is. ("700 Libyan casualties" are Libya's.)
			if m.demonym && f.class == unitCount && visitorNouns.hasLower(f.q.Counted) {
				if p := firstSubjectBefore(toks, ms, f); p != nil && p != m.p {
					return p.name
				}
			}
			return m.p.name
		}
		if pr := c.pairIn(toks, ms, f.clause, metric, true); pr != "" {
			return pr
		}
		if (isTradeMetric(metric) || metric == MetricOther) && firstSubjectIn(toks, ms, f.clause) == nil {
			if b := tradePartner(toks, ms, f.clause, s.ruleWords().trade); b != nil {
				// The trader is the subject of an earlier clause ("Hong
				// Kong's role is growing: the city's re-exports to
				// Kazakhstan rose 18%"), else the context's.
				a := earlierClauseSubject(toks, ms, f.clause, b)
				if a == nil {
					if pr, p := c.contextSubject(si, f.fs); pr == "" {
						a = p
					}
				}
				if a != nil && a != b {
					return c.g.pair(a, b)
				}
			} else if pr := bilateralPair(c.g, toks, ms, f.clause, s.ruleWords().sides); pr != "" {
				return pr
			} else if pr := c.topicPair(si, toks, f.clause, s.ruleWords().sides); pr != "" {
				return pr
			}
		}
		if p := shareOfPeople(toks, ms, f); p != nil {
			return p.name
		}
		if p := c.governmentOf(toks, ms, f.clause); p != nil {
			return p.name
		}
		ms = withoutShareWhole(toks, ms, f)
		if onlyGovernedDemonyms(toks, ms, f.clause) {
			// "lease 1 million hectares to Chinese companies": a people's
			// name after a preposition is who receives, not whose figure
			// it is; the context says better.
			if pr, p := c.contextSubject(si, f.fs); pr != "" {
				return pr
			} else if p != nil {
				return p.name
			}
		}
		// The place a sentence opens with, set off by commas, is whose
		// figure it is when the figure's clause names places only after a
		// preposition: "Uzbekistan, meanwhile, shipped 1.3 million tonnes
		// to China", "Turkmenistan, China's largest supplier, sent 24 bln
		// cubic metres".
		if firstSubjectIn(toks, ms, f.clause) == nil {
			if m := appositiveSubject(toks, ms, f); m != nil {
				return m.p.name
			}
		}
		if p := clauseSubject(toks, ms, f.clause, metric == MetricListedCompanies, f); p != nil {
			return p.name
		}
		if m := appositiveSubject(toks, ms, f); m != nil {
			return m.p.name
		}
		for cl := f.clause - 1; cl >= 0; cl-- {
			if appositive(toks, ms, cl) {
				continue // "and Italy, the main buyer of Kazakh crude, third with 11.2%": the buyer is Italy
			}
			if conditional(toks, cl) {
				continue // "if Caspian ports are dredged, at a cost of $18.5 billion"
			}
			if p := clauseSubject(toks, ms, cl, false, f); p != nil {
				return p.name
			}
		}
		// A later clause lends only its grammatical subject: in "orders
		// peaked at 18 billion yuan, with Asian investors taking 85 per
		// cent", the investors are not whose orders they were.
		// Nor does a place that comes after another figure: in "reached 4.5
		// million tonnes, against the 20 million tonnes that cross Russia",
		// Russia is the second figure's.
		for cl := f.clause + 1; cl <= toks[len(toks)-1].clause; cl++ {
			if m := firstSubjectMention(toks, ms, cl); m != nil {
				if !numberBetween(toks, f.fe, m.i) {
					return m.p.name
				}
				break
			}
		}
	}
	if isTradeMetric(metric) {
		if pr := c.topicPair(si, toks, f.clause, s.ruleWords().sides); pr != "" {
			return pr // "bilateral trade between the two countries"
		}
	}
	if pr, p := c.contextSubject(si, f.fs); pr != "" {
		return pr
	} else if p != nil {
		return p.name
	}
	return ""
}

// contextSubject is the subject of a figure whose clause names no place of
// its own: a pair (pr) or a place (p) from around sentence si. A sentence
// that points back (see pointsBack) or shares a paragraph with the sentence
// before it (see opensParagraph) continues that sentence, so the previous sentence or the one before lends
// its subject, never its objects ("to Woodco of Houston" says nothing of
// where the next figure belongs). Otherwise the figure is about what the
// document is about: "Freight rates on the route fell to about $6,000" in
// an article on a corridor is the corridor's, whatever the sentence before
// happened to name. Without a topic, the earlier sentences lend theirs.
func (c *classifier) contextSubject(si, fs int) (pr string, p *gazPlace) {
	// opensParagraph reads only the gap before the sentence; pointsBack
	// reads every word of it, so it goes last: without a topic (a table
	// of earnings), the sentences before lend the subject whatever the
	// sentence points to.
	if c.opensParagraph(si) {
		if t := c.topic(); t != nil && !c.sentence(si).pointsBack(fs) {
			return "", t
		}
	}
	// What the sentences before lend does not depend on the figure: it is
	// found once for all the figures of a sentence (a table row asks it
	// of each of its figures).
	if c.lentTo != si+1 {
		c.lentTo = si + 1
		c.lentPair, c.lentPlace = c.lentSubject(si)
	}
	return c.lentPair, c.lentPlace
}

// lentSubject is contextSubject's subject of a figure of sentence si lent
// by the sentences before it, or else the document's topic.
func (c *classifier) lentSubject(si int) (pr string, p *gazPlace) {
	for back := 1; back <= 2 && si-back >= 0; back++ {
		if back > 1 && c.opensParagraph(si-back+1) {
			break // the sentence before opened the paragraph: the one before that is another's
		}
		ps := c.placeSentence(si - back)
		if len(ps.mentions) == 0 {
			continue
		}
		// With no clause (-1) and strict unset, pairIn does not read the
		// metric: the pair is the subject of any figure.
		if pr := c.pairIn(ps.toks, ps.mentions, -1, MetricOther, false); pr != "" {
			return pr, nil
		}
		us := usable(c.ctxBuf[:0], ps.toks, ps.mentions, figure{fs: -1, fe: -1})
		us = withoutTravelled(ps.toks, us)
		c.ctxBuf = us[:0]
		if p := firstSubject(ps.toks, us); p != nil && p.kind != gazKindOrg {
			// A body is lent to no one: after "the IMF said...", the
			// growth of the next sentence is still a country's.
			return "", p
		}
	}
	return "", c.topic()
}

// pointsBack reports whether sentence s refers to the one before it: by a
// pronoun before the figure at word fs ("It said...", "Their exports...")
// or by "here" anywhere ("crosses the border here"). "This" and "there"
// are left out: "this year" and "there are" point nowhere. The sentence is
// read once for all its figures: a table row of figures asks it of each.
func (s *sentCtx) pointsBack(fs int) bool {
	if !s.backDone {
		s.backDone = true
		s.firstBack = len(s.toks)
		for k := range s.toks {
			if backWordBits&(1<<(s.toks[k].hash&63)) == 0 {
				continue // neither "here" nor a pronoun, by its hash
			}
			if w := s.toks[k].lower; w == "here" {
				s.backHere = true
				break
			} else if k < s.firstBack && isBackPointer(w) {
				s.firstBack = k
			}
		}
	}
	return s.backHere || s.firstBack < fs
}

// opensParagraph reports whether sentence si starts a line: a paragraph,
// list item or (in newswire) a sentence of its own. Within a paragraph the
// sentences before keep talking about their subject ("The port of Baku
// handled 7.2 million tonnes. Expansion to 25 million tonnes is planned").
func (c *classifier) opensParagraph(si int) bool {
	if si == 0 {
		return true
	}
	// The gap between two sentences is white space: mostly one blank,
	// or a newline and an indent. A loop that stops at the first newline
	// costs a few instructions where strings.IndexByte's call cost sixty.
	gap := c.text[c.sents[si-1].End:c.sents[si].Start]
	for i := range len(gap) {
		if gap[i] == '\n' {
			return true
		}
	}
	return false
}

// backWordBits has bit h&63 set for the wordHash h of "here" and of each
// pronoun isBackPointer knows: pointsBack passes over the other words on it.
var backWordBits = func() (b uint64) {
	for _, w := range []string{"here", "it", "its", "they", "their", "them", "he", "she", "his", "her"} {
		b |= 1 << (wordHash(w) & 63)
	}
	return b
}()

// isBackPointer reports whether w is one of the pronouns pointsBack looks
// for before the figure; after it they mostly refer to the sentence's own
// subject ("The government plans to sell stakes in its airline"). It is a
// switch, not a map: pointsBack asks it of nearly every word of a sentence.
func isBackPointer(w string) bool {
	switch w {
	case "it", "its", "they", "their", "them", "he", "she", "his", "her":
		return true
	}
	return false
}

// topicSentences is how far into a document topic looks: the headline and
// the lead, where news and reference articles name what they are about.
const topicSentences = 5

// topic returns the place the document is about, or nil: the place its
// opening sentences name most, a mention governed by a preposition ("trade
// with China", "via Kazakhstan") or joined to another ("China–Europe
// trains") counting half, and one in the headline (the first sentence)
// double, or 1.5 times when governed ("Record freight at Dostyk"). A tie
// goes to a
// place on the map over a region, corridor or body (see kindRank), then to
// the place named first. A dateline's city is where the story was filed, not
// what it is about, and counts for nothing. The first sentence alone
// misleads: a headline often names a route's three countries in order,
// or its topic only after a preposition.
func (c *classifier) topic() *gazPlace {
	if c.topicDone {
		return c.topicPlace
	}
	c.topicDone = true
	type tally struct {
		p     *gazPlace
		score float64
	}
	var tallies [16]tally
	ts := tallies[:0]
	// A headline kept apart from the text is sentence -1; the text's
	// first sentence is then its lead, no headline.
	first := 0
	if c.headline != "" {
		first = -1
	}
	for si := first; si < len(c.sents) && si < topicSentences; si++ {
		var toks []wordTok
		var mentions []placeMention
		if si < 0 {
			toks = tokenizeWords(c.headline, 0)
			mentions = c.g.find(nil, c.headline, toks, c.fuzzy)
		} else {
			s := c.placeSentence(si)
			toks, mentions = s.toks, s.mentions
		}
		if len(mentions) == 0 {
			continue
		}
		us := usable(c.ctxBuf[:0], toks, mentions, figure{fs: -1, fe: -1})
		c.ctxBuf = us[:0]
		head := si == first
		for _, m := range us {
			w := 1.0
			switch gov := governed(toks, us, m); {
			case head && gov:
				w = 1.5 // a headline names its topic after "in" or "at" as often as not
			case head:
				w = 2
			case gov:
				w = 0.5
			}
			if toks[m.i].joined() || m.j < len(toks) && toks[m.j].joined() {
				w /= 2 // "China–Europe trains": a route named as a modifier
			}
			found := false
			for i := range ts {
				if ts[i].p == m.p {
					ts[i].score += w
					found = true
					break
				}
			}
			if !found {
				ts = append(ts, tally{m.p, w})
			}
		}
	}
	best := -1
	for i := range ts {
		if best < 0 || ts[i].score > ts[best].score ||
			ts[i].score == ts[best].score && kindRank(ts[i].p.kind) < kindRank(ts[best].p.kind) {
			best = i
		}
	}
	if best >= 0 {
		c.topicPlace = ts[best].p
		second := -1
		for i := range ts {
			if i != best && sideKind(ts[i].p.kind) && (second < 0 || ts[i].score > ts[second].score) {
				second = i
			}
		}
		if second >= 0 {
			c.topicSecond = ts[second].p
		}
	}
	return c.topicPlace
}

// kindRank orders the kinds of place for a tie in topic: "Belt and Road
// Initiative in Kazakhstan" is about Kazakhstan as much as the initiative,
// and a place on the map makes the better default subject.
func kindRank(kind string) int {
	switch kind {
	case gazKindCountry, gazKindCity, gazKindCrossing, gazKindTerritory:
		return 0
	case gazKindRegion:
		return 1
	case gazKindCorridor:
		return 2
	}
	return 3
}

// withoutDestinations drops, in place, the places a delegation goes to: a
// delegation "visited Almaty and Tashkent" or "travelled to Beijing" is not
// about them but about where it comes from, which the context says when its
// own sentence does not.
func withoutDestinations(toks []wordTok, ms []placeMention, f figure) []placeMention {
	from := -1
	for k := f.fe; k < len(toks) && toks[k].clause == f.clause; k++ {
		if travelVerbs.hasLower(toks[k].lower) {
			from = k
			break
		}
	}
	if from < 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if m.i < from || toks[m.i].clause != f.clause {
			out = append(out, m)
		}
	}
	return out
}

// withoutTravelled drops, in place, the places someone travels to in their
// clause: "A delegation visited Almaty and Tashkent" lends no subject to
// the sentence after it, whose figure is not about Almaty.
func withoutTravelled(toks []wordTok, ms []placeMention) []placeMention {
	out := ms[:0]
	for _, m := range ms {
		travelled := false
		for k := m.i - 1; k >= 0 && toks[k].clause == toks[m.i].clause; k-- {
			if travelVerbs.hasLower(toks[k].lower) {
				travelled = true
				break
			}
		}
		if !travelled {
			out = append(out, m)
		}
	}
	return out
}

// travelVerbs lead to a delegation's destinations.
var travelVerbs = wordSet("visit visits visited visiting tour tours toured touring travel travels travelled traveled travelling traveling went arrived arrives heads headed")

// earlierClauseSubject is the subject of the nearest clause before cl
// that names a place other than not, or nil.
func earlierClauseSubject(toks []wordTok, ms []placeMention, cl int, not *gazPlace) *gazPlace {
	for c := cl - 1; c >= 0; c-- {
		for _, m := range ms {
			if toks[m.i].clause == c && m.p != not && !governed(toks, ms, m) {
				return m.p
			}
		}
	}
	return nil
}

// bilateralPair returns the pair a "bilateral" trade figure in clause cl is
// about when the sentence names two places as "A and B" ("Uzbekistan and
// Hong Kong signed a pact, as bilateral trade climbed to US$312 million"),
// or "".
//
// sides are the clauses of the sentence that may say "bilateral" (see
// ruleWords).
func bilateralPair(g *gazetteer, toks []wordTok, ms []placeMention, cl int, sides clauseSet) string {
	if !sides.has(cl) {
		return ""
	}
	bilateral := false
	lo, hi := clauseSpan(toks, cl)
	for k := lo; k < hi && !bilateral; k++ {
		bilateral = toks[k].lower == "bilateral"
	}
	if !bilateral {
		return ""
	}
	for x := 0; x+1 < len(ms); x++ {
		a, b := ms[x], ms[x+1]
		if b.i == a.j+1 && toks[a.j].lower == "and" && a.p != b.p {
			return g.pair(a.p, b.p)
		}
	}
	return ""
}

// topicPair returns the two sides a clause cl of sentence si speaks of
// without naming them ("bilateral trade between the two countries", "the
// two sides aim to raise trade") as a pair: the two that the sentence
// before names, or else the document's two main places. Both must be
// countries or regions, so that a city and its country never make a pair.
//
// sides are the clauses of the sentence that may speak of two sides (see
// ruleWords).
func (c *classifier) topicPair(si int, toks []wordTok, cl int, sides clauseSet) string {
	if !sides.has(cl) {
		return ""
	}
	two := false
	lo, hi := clauseSpan(toks, cl)
	for k := lo; k < hi; k++ {
		if k > 0 && (toks[k-1].lower == "two" || toks[k-1].lower == "both") && sideNouns.hasLower(toks[k].lower) {
			two = true
		}
		if toks[k].lower == "bilateral" && k+1 < len(toks) && tradeNouns.hasLower(toks[k+1].lower) {
			two = true // "bilateral trade reached a record $14.9 billion"
		}
	}
	if !two {
		return ""
	}
	// The sentence before, in the paragraph, names the two sides when it
	// names two countries or regions: "China is Kazakhstan's largest
	// trading partner. Bilateral trade reached $44 billion".
	if c.sameParagraph(si) {
		if ps := c.placeSentence(si - 1); len(ps.mentions) > 1 {
			var a *gazPlace
			for _, m := range ps.mentions {
				if !sideKind(m.p.kind) || m.p == a {
					continue
				}
				if a != nil {
					return c.g.pair(a, m.p)
				}
				a = m.p
			}
		}
	}
	a, b := c.topic(), c.topicSecond
	if a != nil && a.parts[0] != "" {
		return a.name // the article is about a pair already: "the China–Central Asia summit"
	}
	if a == nil || b == nil || !sideKind(a.kind) || !sideKind(b.kind) {
		return ""
	}
	return c.g.pair(a, b)
}

// sideNouns are what "the two" or "both" call the sides of a bilateral
// figure: "the two governments have set a goal of $50 billion".
var sideNouns = wordSet(sideNounList)

// sideNounList is sideNouns as a list, for ruleWords' filter.
const sideNounList = "countries sides nations governments economies neighbours neighbors partners leaders presidents"

// tradeNouns are what "bilateral" qualifies when it means the trade of the
// two sides the article is about.
var tradeNouns = wordSet("trade turnover commerce exchanges")

// sideKind reports whether a place of this kind can be one side of a
// bilateral figure: a country or a region ("China and Central Asia").
func sideKind(kind string) bool { return kind == gazKindCountry || kind == gazKindRegion }

// clauseSpan returns the words [lo, hi) of clause cl of a sentence: the
// tokenizer numbers clauses in order, so they are a run, found by a
// binary search. The subject rules that look for a word in the figure's
// clause read that run rather than every word of the sentence, for each
// figure.
func clauseSpan(toks []wordTok, cl int) (lo, hi int) {
	lo, hi = 0, len(toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if toks[m].clause < cl {
			lo = m + 1
		} else {
			hi = m
		}
	}
	hi = lo
	for hi < len(toks) && toks[hi].clause == cl {
		hi++
	}
	return lo, hi
}

// clauseSet is a set of the clauses of a sentence: bit cl for clause cl
// below 63, and bit 63 for all the later ones, so that it may say it holds
// a clause it does not but never misses one it holds.
type clauseSet uint64

// clauseBit is the bit of clause cl, which is not negative, in a clauseSet.
func clauseBit(cl int) clauseSet { return 1 << min(cl, 63) }

// has reports whether the set may hold clause cl; a negative cl, before
// the sentence's first clause, it never holds.
func (cs clauseSet) has(cl int) bool { return cl >= 0 && cs&clauseBit(cl) != 0 }

// ruleClauses are the clauses of a sentence that hold the words some subject
// rules look for in a figure's clause, each rule's set a superset of the
// clauses it can use: a rule turns away a figure whose clause is not in
// its set without reading the words. Each rule read every word of the
// sentence for each of its figures, where ruleWords reads them once.
type ruleClauses struct {
	trade clauseSet // a trade word (tradeWords): tradePartner's "exports to B"
	sides clauseSet // "bilateral" or a noun of sideNouns: bilateralPair's and topicPair's two sides
	kinds clauseSet // a noun of kindNouns: definiteTopic's "the region"
}

// ruleWords returns the ruleClauses of the sentence, found on first use.
func (s *sentCtx) ruleWords() *ruleClauses {
	if s.rulesDone {
		return &s.rules
	}
	s.rulesDone = true
	for k := range s.toks {
		t := &s.toks[k]
		if !ruleWordFilter.has(t.hash) {
			continue // none of the words, by its hash
		}
		switch w := t.lower; {
		case tradeWords.hasLower(w):
			s.rules.trade |= clauseBit(t.clause)
		case sideWords.hasLower(w):
			s.rules.sides |= clauseBit(t.clause)
		case kindNouns[w] != "":
			s.rules.kinds |= clauseBit(t.clause)
		}
	}
	return &s.rules
}

// sideWords are the words of the two sides topicPair and bilateralPair
// look for: "bilateral trade", "the two countries", "both sides".
var sideWords = wordSet("bilateral " + sideNounList)

// ruleWordFilter holds the words ruleWords looks for: it passes over the
// other words on it, with no look-up.
var ruleWordFilter = func() (f vocabFilter) {
	for _, w := range strings.Fields(tradeWordList + " bilateral " + sideNounList) {
		f.add(w)
	}
	for w := range kindNouns {
		f.add(w)
	}
	return f
}()

// tradePartner returns the place a trade figure's clause cl trades with
// ("trade with B", "exports to B", "imports from B"), or nil.
//
// An appositive may stand between the trade and its figure ("Its trade
// with China, its largest partner, topped $13 billion"), so up to two
// clauses before cl are read too, unless one names a subject of its own.
//
// trade are the clauses of the sentence that may hold a trade word (see
// ruleWords): with none among the three, there is no partner to look for.
func tradePartner(toks []wordTok, ms []placeMention, cl int, trade clauseSet) *gazPlace {
	if !trade.has(cl) && !trade.has(cl-1) && !trade.has(cl-2) {
		return nil
	}
	for c := cl; c >= 0 && c >= cl-2; c-- {
		if c < cl && firstSubjectIn(toks, ms, c) != nil {
			return nil
		}
		if !trade.has(c) {
			continue
		}
		lo, hi := clauseSpan(toks, c)
		for k := lo; k < hi; k++ {
			if !tradeWords.hasLower(toks[k].lower) {
				continue
			}
			// "exports to China", "trade with them"; what is traded may
			// stand between after "of": "exports of refined copper to
			// China".
			reach := 3
			if k+1 < len(toks) && toks[k+1].lower == "of" {
				reach = 5
			}
			for j := k + 1; j < len(toks) && j <= k+reach && toks[j].clause == c; j++ {
				if w := toks[j].lower; w == "with" || w == "to" || w == "from" {
					if b := mentionAt(ms, skipDeterminers(toks, j+1, c)); b != nil {
						return b.p
					}
					if b := mentionAt(ms, skipCount(toks, j+1)); b != nil {
						return b.p // "trade with the five Central Asian countries"
					}
					break
				}
			}
		}
	}
	return nil
}

// usable drops the mentions that cannot be the figure's subject: those
// inside the figure itself ("US$5 billion") and places used as the name of
// a currency ("5 billion Hong Kong dollars") or to say where a body sits
// ("a Kuala Lumpur-based council").
//
// It appends to out[:0]: the classifier passes one buffer for every call,
// as each result is dead by the next.
func usable(out []placeMention, toks []wordTok, ms []placeMention, f figure) []placeMention {
	out = out[:0]
	if len(ms) == 0 {
		return out // no place: the dateline need not be looked for
	}
	dl := datelineEnd(toks)
	for _, m := range ms {
		if m.i < dl || m.j > f.fs && m.i < f.fe {
			continue
		}
		if m.j < len(toks) && toks[m.j-1].clause == toks[m.j].clause &&
			(currencyWords.hasLower(toks[m.j].lower) || toks[m.j].joined() && placeModifiers.hasLower(toks[m.j].lower)) {
			continue // "Hong Kong dollars", "Kuala Lumpur-based", "Belt and Road-related bonds"
		}
		if m.demonym && m.j < len(toks) && namingNouns.hasLower(toks[m.j].lower) && indefiniteBefore(toks, m.i) {
			continue // "as a closed Soviet town it grew": the town is described, not named
		}
		if routeEnd(toks, ms, m) {
			continue // "the Atasu–Alashankou pipeline": one end of a route named as a thing
		}
		if m.j < len(toks) && toks[m.j].sep == '$' {
			continue // "US$ 6.3 billion" in another figure of the sentence
		}
		if attributed(toks, m.i) || reports(toks, m) {
			continue // "according to the World Bank", "the World Bank estimates that": a source, not a subject
		}
		if exemplified(toks, m.i) && (f.fs < 0 || toks[m.i].clause != toks[min(f.fs, len(toks)-1)].clause) {
			// "invest 2.3 trillion tenge, including the Dostyk–Moiynty
			// track": an example is the subject of no figure but its own.
			continue
		}
		out = append(out, m)
	}
	return out
}

// routeEnd reports whether m is one end of a route named by its two ends,
// the other not a place of the gazetteer, before a noun for the route:
// "the Atasu–Alashankou pipeline", "the Dostyk-Moiynty line". The route is
// what the sentence is about, not the town at its end; a route between two
// places the gazetteer knows ("the Kashgar–Andijan road") stays a pair.
// The other end is a name, capitalised: "the Kazakhstan-owned railway" is
// Kazakhstan's, not a route's.
func routeEnd(toks []wordTok, ms []placeMention, m placeMention) bool {
	end := m.j
	switch {
	case m.i > 0 && toks[m.i].joined():
		if !toks[m.i-1].cap || mentionEndingAt(ms, m.i) != nil {
			return false
		}
	case m.j+1 < len(toks) && toks[m.j].joined():
		if !toks[m.j].cap || mentionAt(ms, m.j) != nil {
			return false
		}
		end = m.j + 1
	default:
		return false
	}
	return end < len(toks) && toks[end].clause == toks[m.i].clause && routeNouns.hasLower(toks[end].lower)
}

// routeNouns name what runs between two ends: routeEnd looks for them.
var routeNouns = wordSet("pipeline pipelines railway railways railroad line lines road highway motorway route corridor canal bridge tunnel")

// mentionEndingAt returns the mention that ends at word k (its j is k), or
// nil.
func mentionEndingAt(ms []placeMention, k int) *placeMention {
	for i := range ms {
		if ms[i].j == k {
			return &ms[i]
		}
	}
	return nil
}

// indefiniteBefore reports whether "a" or "an" opens the noun phrase that
// word k is in, at most three words before it in its clause.
func indefiniteBefore(toks []wordTok, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3 && toks[j].clause == toks[k].clause; j-- {
		if w := toks[j].lower; w == "a" || w == "an" {
			return true
		}
	}
	return false
}

// placeModifiers, joined to a place by a hyphen, make it a kind of thing
// ("Kuala Lumpur-based", "Belt and Road-related"), not whose figure it is.
var placeModifiers = wordSet("based related linked")

// attributed reports whether the place at token k is named as a source:
// "according to (the) X".
func attributed(toks []wordTok, k int) bool {
	if k > 0 && determiners.hasLower(toks[k-1].lower) {
		k--
	}
	return k >= 2 && toks[k-1].lower == "to" && toks[k-2].lower == "according"
}

// exemplified reports whether the place at token k is named as an example
// after "including", "such as" or "like", looking past an article and
// modifiers ("including the 836-km Dostyk–Moiynty track").
func exemplified(toks []wordTok, k int) bool {
	cl := toks[k].clause
	for n := 0; k > 0 && n < 4 && toks[k-1].clause == cl; n++ {
		switch w := toks[k-1].lower; {
		case w == "including" || w == "like" || w == "as" && k > 1 && toks[k-2].lower == "such":
			return true
		case determiners.hasLower(w) || toks[k-1].num || toks[k-1].joined() && !toks[k-1].cap:
			k--
		default:
			return false
		}
	}
	return false
}

// datelineEnd returns the index of the first word after a newswire
// dateline ("TOKYO, March 2 - "), or 0 when the sentence has none. The
// dateline names where the story was filed, not what it is about.
func datelineEnd(toks []wordTok) int {
	for k := 1; k < len(toks)-2 && k <= 6; k++ {
		if toks[k].clause > 0 && toks[k].cap && isMonthWord(toks[k].lower) && toks[k+1].num &&
			toks[k+2].clause != toks[k+1].clause {
			return k + 2
		}
	}
	return 0
}

// mentionAt returns the mention starting at token k, if any.
func mentionAt(ms []placeMention, k int) *placeMention {
	for i := range ms {
		if ms[i].i == k {
			return &ms[i]
		}
	}
	return nil
}

// skipDeterminers returns the first token from k on that is not an article,
// possessive pronoun or direction word, staying in clause cl.
func skipDeterminers(toks []wordTok, k, cl int) int {
	for n := 0; k < len(toks) && n < 3 && toks[k].clause == cl && isDeterminer(toks[k]); n++ {
		k++
	}
	// "present-day Kazakhstan": skip a hyphenated modifier.
	for k+1 < len(toks) && toks[k+1].joined() && toks[k+1].clause == cl && !toks[k+1].cap {
		k += 2
	}
	return k
}

// isNumberWord reports whether w is a spelled-out cardinal ("five").
func isNumberWord(w string) bool {
	_, ok := numberWords[w]
	return ok
}

// skipCount returns the first token from k on past an article and a
// number: "between Xinjiang and the five Central Asian countries".
func skipCount(toks []wordTok, k int) int {
	if k < len(toks) && determiners.hasLower(toks[k].lower) {
		k++
	}
	if k < len(toks) {
		if _, ok := numberWords[toks[k].lower]; ok || toks[k].num {
			k++
		}
	}
	return k
}

// isDeterminer reports whether t is an article or pronoun, or a lower-case
// modifier that may stand between a preposition and a place ("in eastern
// Kazakhstan"). Capitalised "Central" or "North" begin names and are kept.
func isDeterminer(t wordTok) bool {
	return determiners.hasLower(t.lower) || !t.cap && modifiers.hasLower(t.lower)
}

// fromAfter finds "N (originating) from X" right after the figure.
func fromAfter(toks []wordTok, ms []placeMention, f figure) *gazPlace {
	k := f.fe
	if k < len(toks) && originVerbs.hasLower(toks[k].lower) {
		k++
	}
	if k >= len(toks) || toks[k].lower != "from" || toks[k].clause != f.clause {
		return nil
	}
	if m := mentionAt(ms, skipDeterminers(toks, k+1, f.clause)); m != nil {
		return m.p
	}
	return nil
}

// exchangePlace finds where listed companies are listed: "listed on/in
// [the] X", "X stock exchange", "X-listed", or a named exchange.
func exchangePlace(toks []wordTok, ms []placeMention, f figure) *gazPlace {
	for _, m := range ms {
		if m.p.kind == gazKindOrg && strings.Contains(strings.ToLower(m.p.name), "exchange") || m.p.name == "HKEX" || m.p.name == "AIFC" {
			return m.p
		}
		if m.j < len(toks) {
			nx := toks[m.j].lower
			if nx == "stock" || nx == "exchange" || nx == "bourse" || nx == "listed" && toks[m.j].joined() {
				return m.p
			}
		}
		if k := m.i - 1; k >= 1 && prepositions.hasLower(toks[k].lower) && toks[k-1].lower == "listed" {
			return m.p
		}
	}
	return nil
}

// inNounPhrase finds a place among the next few words of the figure's noun
// phrase: "over 40 Hong Kong professional service leaders", "30 state-owned
// and private mainland Chinese executives". The phrase ends at a clause
// break, a preposition, a verb-like function word or another number.
func inNounPhrase(toks []wordTok, ms []placeMention, f figure) *placeMention {
	for k := f.fe; k < len(toks) && k < f.fe+8; k++ {
		t := toks[k]
		if t.clause != f.clause || t.num || prepositions.hasLower(t.lower) || npStops.hasLower(t.lower) || t.lower == "and" {
			return nil // "62 companies and Tajikistan by 38": "and" starts another phrase
		}
		if m := mentionAt(ms, k); m != nil {
			return m
		}
	}
	return nil
}

// pairIn looks for two places named as a pair in clause cl (any clause when
// cl < 0): "between A and B", "A–B", and for trade metrics "trade with B"
// (with the clause's subject as A) and "A and B" as the clause's subject.
// With strict set, "between" pairs elsewhere in the sentence count only
// when the figure's clause names no place of its own.
func (c *classifier) pairIn(toks []wordTok, ms []placeMention, cl int, metric Metric, strict bool) string {
	in := func(m placeMention) bool { return cl < 0 || toks[m.i].clause == cl }
	clauseHasPlace := false
	for _, m := range ms {
		clauseHasPlace = clauseHasPlace || in(m)
	}
	// between A and B
	for x, a := range ms {
		if x+1 >= len(ms) || a.i == 0 || toks[a.i-1].lower != "between" && !(a.i >= 2 && toks[a.i-2].lower == "between" && determiners.hasLower(toks[a.i-1].lower)) {
			continue
		}
		b := ms[x+1]
		if toks[a.j].lower != "and" || a.p == b.p || b.i != a.j+1 && b.i != a.j+2 && b.i != skipCount(toks, a.j+1) {
			continue
		}
		if (in(a) || !strict || !clauseHasPlace) && !(strict && pairYields(toks, ms, a, b, cl, metric)) {
			return c.g.pair(a.p, b.p)
		}
	}
	// between A and the region: B is the document's topic, when it is a
	// place of the kind named.
	for _, a := range ms {
		if !in(a) || a.i == 0 || toks[a.i-1].lower != "between" || a.j+2 >= len(toks) ||
			toks[a.j].lower != "and" || toks[a.j+1].lower != "the" {
			continue
		}
		if kind := kindNouns[toks[a.j+2].lower]; kind != "" {
			if t := c.topic(); t != nil && t.kind == kind && t != a.p {
				return c.g.pair(a.p, t)
			}
		}
	}
	// from A to B
	for x := 0; x+1 < len(ms); x++ {
		a, b := ms[x], ms[x+1]
		if a.i == 0 || toks[a.i-1].lower != "from" || a.j >= len(toks) || toks[a.j].lower != "to" ||
			skipDeterminers(toks, a.j+1, toks[a.j].clause) != b.i || a.p == b.p {
			continue
		}
		if (in(a) || !strict || !clauseHasPlace) && !(strict && pairYields(toks, ms, a, b, cl, metric)) {
			return c.g.pair(a.p, b.p)
		}
	}
	// A–B, A-B
	for x := 0; x+1 < len(ms); x++ {
		a, b := ms[x], ms[x+1]
		if b.i == a.j && toks[b.i].joined() && a.p != b.p && in(a) && !(strict && pairYields(toks, ms, a, b, cl, metric)) {
			return c.g.pair(a.p, b.p)
		}
	}
	if !isTradeMetric(metric) || cl < 0 {
		return ""
	}
	// trade with B: A is the clause's subject.
	lo, hi := clauseSpan(toks, cl)
	for k := lo; k < hi; k++ {
		if !tradeWords.hasLower(toks[k].lower) {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+3 && toks[j].clause == cl; j++ {
			w := toks[j].lower
			if w != "with" && w != "to" && w != "from" {
				continue
			}
			b := mentionAt(ms, skipDeterminers(toks, j+1, cl))
			if b == nil {
				break
			}
			var rest []placeMention
			for _, m := range ms {
				if m.p != b.p {
					rest = append(rest, m)
				}
			}
			if a := firstSubjectIn(toks, rest, cl); a != nil {
				return c.g.pair(a, b.p)
			}
			break
		}
	}
	// A and B as the subject of a trade figure's clause.
	for x := 0; x+1 < len(ms); x++ {
		a, b := ms[x], ms[x+1]
		if in(a) && b.i == a.j+1 && toks[a.j].lower == "and" && a.p != b.p && !governed(toks, ms, a) {
			return c.g.pair(a.p, b.p)
		}
	}
	return ""
}

// definiteTopic returns the document's topic when the figure's clause refers to it
// by the kind of place it is and names no other place as its grammatical
// subject: "Some 4,500 China–Europe trains passed through the crossing" in
// an article on the Dostyk crossing counts the crossing's trains, and the
// route in the noun phrase only says which trains.
//
// kinds are the clauses of the sentence that may hold a noun of kindNouns
// (see ruleWords): a clause with none refers to no place by its kind.
func (c *classifier) definiteTopic(toks []wordTok, ms []placeMention, f figure, kinds clauseSet) *gazPlace {
	cl := f.clause
	if !kinds.has(cl) {
		return nil
	}
	ref := false
	var near *gazPlace // the place of the noun's kind named last before it, when the topic is of another kind
	// "the" and its noun stand in the figure's clause.
	lo, hi := clauseSpan(toks, cl)
	for k := lo + 1; k < hi; k++ {
		if f.class == unitPct && k == f.fe+2 && toks[f.fe].lower == "of" {
			continue // "80% of the route's flows": the whole of a share is not its subject
		}
		if toks[k-1].lower == "the" && (k < 2 || toks[k-2].lower != "and") {
			if kind := kindNouns[toks[k].lower]; kind != "" {
				if t := c.topic(); t != nil && (t.kind == kind || kind == gazKindCrossing && t.kind == gazKindCity) {
					ref = true
				} else if kind == gazKindCountry {
					// "trains crossing Kazakhstan ..., while cargo carried
					// across the country": the country the sentence named.
					for _, m := range ms {
						if m.j < k && m.p.kind == gazKindCountry && !m.demonym {
							near = m.p
						}
					}
				}
			}
		}
	}
	if !ref {
		if near != nil && firstSubjectIn(toks, ms, cl) == nil {
			return near
		}
		return nil
	}
	for _, m := range ms {
		if toks[m.i].clause == cl && !governed(toks, ms, m) && !m.demonym && !toks[m.i].joined() &&
			(m.j >= len(toks) || !toks[m.j].joined()) {
			return nil // "Kazakhstan's crossing": a place of its own
		}
	}
	return c.topic()
}

// kindNouns are the nouns that, after "the", refer back to a place of a
// gazetteer kind: "trade between China and the region".
var kindNouns = map[string]string{
	"region": gazKindRegion, "country": gazKindCountry, "nation": gazKindCountry,
	"city": gazKindCity, "town": gazKindCity, "crossing": gazKindCrossing, "corridor": gazKindCorridor,
	"route": gazKindCorridor,
}

// pairYields reports whether a pair named in the figure's clause cl gives
// way to the clause's grammatical subject. A pair governed by a preposition
// is a modifier: "the dry port on the Kazakhstan–China border handled 420,000
// TEU" is about the port, and "trains between China and Europe that transit
// Kazakhstan" about Kazakhstan, so another place of the clause not governed
// by a preposition wins. Trade is bilateral: its pairs never yield. Nor does
// a pair with no rival ("rail cargo passes between Khorgos and Altynkol").
func pairYields(toks []wordTok, ms []placeMention, a, b placeMention, cl int, metric Metric) bool {
	if isTradeMetric(metric) || cl < 0 || !governed(toks, ms, a) {
		return false
	}
	for _, m := range ms {
		if toks[m.i].clause != cl || m.p == a.p || m.p == b.p {
			continue
		}
		if !governed(toks, ms, m) {
			return true
		}
	}
	return false
}

// onlyGovernedDemonyms reports whether clause cl names places only through
// demonyms governed by prepositions ("to Chinese companies").
func onlyGovernedDemonyms(toks []wordTok, ms []placeMention, cl int) bool {
	n := 0
	for _, m := range ms {
		if toks[m.i].clause != cl {
			continue
		}
		if !m.demonym || !governed(toks, ms, m) {
			return false
		}
		n++
	}
	return n > 0
}

// capitalOf maps the capitals that news uses for their governments to
// their countries ("Beijing has promised 1.5 billion yuan").
var capitalOf = map[string]string{
	"Beijing": "China", "Moscow": "Russia", "Washington": "United States", "Astana": "Kazakhstan",
	"Tashkent": "Uzbekistan", "Bishkek": "Kyrgyzstan", "Dushanbe": "Tajikistan", "Ashgabat": "Turkmenistan",
	"Tokyo": "Japan", "London": "United Kingdom", "Tehran": "Iran", "New Delhi": "India", "Islamabad": "Pakistan",
	"Baku": "Azerbaijan", "Tbilisi": "Georgia", "Minsk": "Belarus", "Paris": "France", "Berlin": "Germany", "Seoul": "South Korea",
}

// governmentVerbs are what a capital does when it stands for its
// government: "Beijing has promised", "Moscow said", "Washington imposed".
var governmentVerbs = wordSet("said says promised promises pledged pledges agreed agrees signed signs announced announces plans planned wants wanted aims aimed imposed imposes urged urges offered offers approved approves vowed vows has have had will would")

// governmentOf returns the country whose capital opens clause cl as its
// grammatical subject and acts as a government ("Beijing has promised 1.5
// billion yuan in grants"), or nil: then the figure is the country's, not
// the city's.
func (c *classifier) governmentOf(toks []wordTok, ms []placeMention, cl int) *gazPlace {
	for _, m := range ms {
		// The verb after the place is looked for before a preposition
		// governing it: governed reads the words before the place, and
		// may follow a list or a hyphen back to another mention, while
		// most places are followed by no verb of government.
		if toks[m.i].clause != cl || m.j >= len(toks) || toks[m.j].clause != cl ||
			!governmentVerbs.hasLower(toks[m.j].lower) || governed(toks, ms, m) {
			continue
		}
		if country, ok := capitalOf[m.p.name]; ok {
			return c.g.byName[country]
		}
		return nil
	}
	return nil
}

// shareOfPeople returns the place whose people a share is taken of: "43%
// of Kazakhs viewed ...", "a third of Uzbeks". A people is a plural
// demonym; "60% of Chinese exports" is a share of exports, not of people.
func shareOfPeople(toks []wordTok, ms []placeMention, f figure) *gazPlace {
	if f.fe >= len(toks) || toks[f.fe].lower != "of" {
		return nil
	}
	m := mentionAt(ms, skipDeterminers(toks, f.fe+1, f.clause))
	if m == nil || !m.demonym || m.j-m.i != 1 || !strings.HasSuffix(toks[m.i].lower, "s") {
		return nil
	}
	return m.p
}

// withoutShareWhole drops the place a share is taken of: in "60% of Central
// Asia's GDP" the figure belongs to the part, so Central Asia cannot be the
// subject.
func withoutShareWhole(toks []wordTok, ms []placeMention, f figure) []placeMention {
	if f.fe >= len(toks) || toks[f.fe].lower != "of" {
		return ms
	}
	k := skipDeterminers(toks, f.fe+1, f.clause)
	out := ms[:0:0]
	for _, m := range ms {
		if m.i >= k && m.i <= k+1 {
			continue
		}
		out = append(out, m)
	}
	return out
}

// governed reports whether a mention is the object of a preposition,
// looking past articles and modifiers ("in eastern Kazakhstan", "of
// present-day Kazakhstan"), or the second of two conjoined places whose
// first is governed ("between Alashankou and Dostyk").
func governed(toks []wordTok, ms []placeMention, m placeMention) bool {
	cl := toks[m.i].clause
	if toks[m.i].joined() {
		// The second of a hyphenated pair shares the first's role: in "on
		// the Kazakhstan–China border" China is governed too.
		if o := mentionEndingAt(ms, m.i); o != nil {
			return governed(toks, ms, *o)
		}
	}
	k := m.i - 1
	for {
		for n := 0; k >= 0 && n < 4 && toks[k].clause == cl; n++ {
			switch {
			case isDeterminer(toks[k]) || toks[k].num || isNumberWord(toks[k].lower):
				k-- // "with the five Central Asian countries"
			case toks[k].joined() && !toks[k].cap:
				k -= 2
			default:
				n = 4
			}
		}
		if k < 0 || toks[k].clause != cl {
			// "from Xi'an, Chongqing and Urumqi": the next item of a list,
			// after the comma that began a clause, has the role of the
			// item right before it.
			if k == m.i-1 && k >= 0 && toks[m.i].clause == toks[k].clause+1 {
				if o := mentionEndingAt(ms, m.i); o != nil && o.i < m.i {
					return governed(toks, ms, *o)
				}
			}
			return false
		}
		// "the port of Baku", "the city of Almaty" name the place: its
		// role is the phrase's, so look before "the port".
		if toks[k].lower != "of" || k == 0 || !namingNouns.hasLower(toks[k-1].lower) {
			break
		}
		k -= 2
	}
	if prepositions.hasLower(toks[k].lower) {
		return true
	}
	if toks[k].lower == "and" || toks[k].lower == "or" {
		if o := mentionEndingAt(ms, k); o != nil {
			return governed(toks, ms, *o)
		}
	}
	return false
}

// namingNouns take a place's name after "of": "the port of Baku".
var namingNouns = wordSet("port city town village province region republic state island capital emirate kingdom county district municipality oblast prefecture")

// clauseSubject returns the subject of clause cl: its first place not
// governed by a preposition, else its first place. A body (the IMF, the
// OECD) yields to a place, as it is more often the source of a figure than
// its subject. Places in the figure's own noun phrase are skipped when
// skipNP is set (listed companies are counted for the exchange, not for
// where they come from).
func clauseSubject(toks []wordTok, ms []placeMention, cl int, skipNP bool, f figure) *gazPlace {
	var best *gazPlace
	bestRank := 4
	for _, m := range ms {
		if toks[m.i].clause != cl {
			continue
		}
		if skipNP && m.i >= f.fe && m.i < f.fe+4 {
			continue
		}
		rank := 0
		if governed(toks, ms, m) {
			rank += 2
		}
		if m.p.kind == gazKindOrg {
			rank++
		}
		// In the figure's own clause, a place that opens a coordinated
		// phrase before the figure is its subject rather than the
		// clause's first: "Kyrgyzstan was represented by 62 companies
		// and Tajikistan by 38".
		if rank < bestRank || rank == bestRank && cl == f.clause && f.fs >= 0 && m.i < f.fs && best != nil && !skipNP &&
			m.i > 1 && coordinators.hasLower(toks[m.i-1].lower) && mentionEndingAt(ms, m.i-1) == nil {
			// ("West Germany and Tanzania signed": two places joined are
			// one subject, and the first stands for it.)
			best, bestRank = m.p, rank
		}
	}
	return best
}

// appositiveSubject returns the place that makes up the whole first clause
// of a sentence whose second clause is an appositive and whose third holds
// figure f: "Turkmenistan, China's largest pipeline supplier, sent about 24
// bln cubic metres". The place before the appositive is the sentence's
// subject; the places inside it only describe it.
//
// A list of places is no place and its appositive ("Egypt, Japan and Iraq
// were the buyers"), nor is a clause opened by a coordinator ("while sales
// to China fell") the first clause's: it has a subject of its own.
func appositiveSubject(toks []wordTok, ms []placeMention, f figure) *placeMention {
	if f.clause != 2 || len(ms) == 0 {
		return nil
	}
	m := &ms[0]
	if m.i != 0 || m.j >= len(toks) || toks[m.j].clause != 1 || toks[m.j-1].clause != 0 {
		return nil
	}
	if n := mentionAt(ms, m.j); n != nil && !toks[n.j-1].poss {
		return nil
	}
	for k := m.j; k < len(toks); k++ {
		if toks[k].clause == 2 {
			if coordinators.hasLower(toks[k].lower) {
				return nil
			}
			break
		}
	}
	return m
}

// appositive reports whether clause cl describes the place that ends the
// clause before it: "Italy, the main buyer of Kazakh crude, ...". It opens
// with an article, and the places in it are not the sentence's subjects.
func appositive(toks []wordTok, ms []placeMention, cl int) bool {
	k := 0
	for k < len(toks) && toks[k].clause < cl {
		k++
	}
	if k == 0 || k >= len(toks) || toks[k].clause != cl || toks[k-1].clause != cl-1 {
		return false
	}
	if w := toks[k].lower; w != "the" && w != "a" && w != "an" {
		return false
	}
	return mentionEndingAt(ms, k) != nil
}

// coordinators join two phrases of a clause, each with its own subject.
var coordinators = wordSet("and while whereas but")

// visitorNouns count people who come to a place from elsewhere.
var visitorNouns = wordSet("tourists visitors travellers travelers students workers migrants passengers arrivals guests pilgrims holidaymakers")

// firstSubjectBefore is the first place of figure f's clause, before the
// figure, not governed by a preposition, or nil.
func firstSubjectBefore(toks []wordTok, ms []placeMention, f figure) *gazPlace {
	for _, m := range ms {
		if m.i < f.fs && toks[m.i].clause == f.clause && !governed(toks, ms, m) {
			return m.p
		}
	}
	return nil
}

// firstSubjectIn is clauseSubject without the fallback: the first place in
// clause cl not governed by a preposition.
func firstSubjectIn(toks []wordTok, ms []placeMention, cl int) *gazPlace {
	for _, m := range ms {
		if toks[m.i].clause == cl && !governed(toks, ms, m) {
			return m.p
		}
	}
	return nil
}

// reports reports whether m is a body named as the source of the clause
// that follows: "the World Bank estimates that capacity could rise". A body
// that "said it provided" money is the actor, and stays a subject.
func reports(toks []wordTok, m placeMention) bool {
	return m.p.kind == gazKindOrg && m.j+1 < len(toks) && reportingVerbs.hasLower(toks[m.j].lower) && toks[m.j+1].lower == "that"
}

// reportingVerbs are the verbs of reports.
var reportingVerbs = wordSet("said says estimates estimated expects predicts predicted reported reports calculates calculated believes noted warned")

// conditional reports whether clause cl is a condition, opened by "if" or
// "unless": its places are not lent to the figures around it.
func conditional(toks []wordTok, cl int) bool {
	for _, t := range toks {
		if t.clause == cl {
			return t.lower == "if" || t.lower == "unless"
		}
	}
	return false
}

// firstSubjectMention is firstSubjectIn's mention.
func firstSubjectMention(toks []wordTok, ms []placeMention, cl int) *placeMention {
	for i := range ms {
		if toks[ms[i].i].clause == cl && !governed(toks, ms, ms[i]) {
			return &ms[i]
		}
	}
	return nil
}

// numberBetween reports whether a number other than a year stands among
// words [from, to): another figure.
func numberBetween(toks []wordTok, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].num {
			if _, ok := toks[k].year(); !ok {
				return true
			}
		}
	}
	return false
}

// placeWith finds "X with N" ("followed by Russia with 16.8 per cent"): the
// place right before the "with" that introduces the figure holds it.
func placeWith(toks []wordTok, ms []placeMention, f figure) *gazPlace {
	k := f.fs - 1
	if k < 1 || toks[k].lower != "with" || toks[k].clause != f.clause {
		return nil
	}
	for _, m := range ms {
		if m.j == k {
			return m.p
		}
	}
	return nil
}

// firstSubject is the first place of a sentence not governed by a
// preposition.
func firstSubject(toks []wordTok, ms []placeMention) *gazPlace {
	for _, m := range ms {
		if !governed(toks, ms, m) {
			return m.p
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Period

// yearExpr is a year or a span of years found among the words.
type yearExpr struct {
	i, j     int // tokens [i, j)
	from, to int
}

// isFlowMetric reports whether m is measured over a period, so that a
// sentence-opening "In 1986," dates it even across the comma; a territory
// or a count is not dated that way ("In 1862, ... occupying 580,000 km²"
// gives no period to the area).
func isFlowMetric(m Metric) bool {
	switch m {
	case MetricTradeGrowth, MetricTradeVolume, MetricGDP, MetricGDPGrowth,
		MetricRailFreight, MetricFreightVolume, MetricTrains, MetricInvestment:
		return true
	}
	return false
}

// period finds the years the figure refers to: the nearest year expression
// in the figure's clause, preferring one after the figure or one directly
// modifying a noun before it ("2025 growth"), or for flow metrics a
// sentence-opening "In 1986". Years that start a name ("the 2024 Hong Kong
// Investment Promotion Conference") are not periods. starts are the
// sentence's yearStarts.
func period(toks []wordTok, starts []int, f *figure, metric Metric) *Period {
	if len(starts) == 0 {
		return nil // most sentences name no year
	}
	var buf [8]yearExpr // most sentences have fewer: no allocation
	exprs := yearExprs(buf[:0], toks, starts, f)
	bestScore, best := 1<<30, -1
	for x, e := range exprs {
		if toks[e.i].clause != f.clause {
			continue
		}
		var score int
		if e.i >= f.fe {
			if comparisonBefore(toks, f.fe, e.i) {
				continue // "rose to 644,500 bpd from 604,200 bpd in 1985": 1985 is the earlier figure's
			}
			score = e.i - f.fe
		} else {
			score = f.fs - e.j + 2
			if e.j < len(toks) && !toks[e.j].num && !toks[e.j].cap && !prepositions.hasLower(toks[e.j].lower) && toks[e.j].lower != "and" {
				score -= 2 // "2025 growth": the year modifies a noun
			}
		}
		if score < bestScore {
			bestScore, best = score, x
		}
	}
	if best < 0 && f.clause > 0 && isFlowMetric(metric) {
		for _, e := range exprs {
			if toks[e.i].clause == 0 && e.i <= 2 && e.i > 0 && (toks[0].lower == "in" || toks[0].lower == "during" || toks[0].lower == "for") {
				best = 0
				exprs[0] = e
				break
			}
		}
	}
	if best < 0 {
		return nil
	}
	return &Period{From: exprs[best].from, To: exprs[best].to}
}

// comparisonBefore reports whether words from to to hold a figure that the
// one ending at from is compared with, "from", "against", "vs" or "versus"
// and a number not a year: a year after that figure dates it, not the
// figure before the comparison.
func comparisonBefore(toks []wordTok, from, to int) bool {
	for k := from; k < to; k++ {
		switch toks[k].lower {
		case "from", "against", "vs", "versus":
			return numberBetween(toks, k+1, to)
		}
	}
	return false
}

// yearExprs lists the year expressions outside the figure: "between Y1 and
// Y2", "from Y1 to Y2", "Y1–Y2", fiscal "1986/87", and single years.
//
// It appends them to out. starts are the sentence's yearStarts: only they
// are read, not every word, for each figure.
func yearExprs(out []yearExpr, toks []wordTok, starts []int, f *figure) []yearExpr {
	next := 0 // the first word no expression found has taken
	for _, k := range starts {
		if k < next || k >= f.fs && k < f.fe {
			continue
		}
		y, _ := toks[k].year()
		e := yearExpr{i: k, j: k + 1, from: y, to: y}
		if k+1 < len(toks) && toks[k+1].num && (toks[k+1].joined() || toks[k+1].sep == '/') {
			if y2, ok := endYear(y, toks[k+1].lower); ok {
				e.j, e.to = k+2, y2
			}
		} else if k+2 < len(toks) && (toks[k+1].lower == "and" || toks[k+1].lower == "to") {
			if y2, ok := toks[k+2].year(); ok && y2 >= y {
				e.j, e.to = k+3, y2
				if k > 0 && (toks[k-1].lower == "between" || toks[k-1].lower == "from") {
					e.i = k - 1
				}
			}
		}
		out = append(out, e)
		next = e.j
	}
	return out
}

// endYear reads the second year of "1986/87" or "2020–2025".
func endYear(from int, s string) (int, bool) {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, false
	case len(s) == 2:
		n += from / 100 * 100
		if n < from {
			n += 100
		}
	case len(s) != 4:
		return 0, false
	}
	if n < from || n-from > 50 {
		return 0, false
	}
	return n, true
}

// namesYear reports whether the year at toks[k] begins a name: an article
// before it and a capitalised word after ("the 2024 Hong Kong Investment
// Promotion Conference", "the 2008 Olympics").
func namesYear(toks []wordTok, k int) bool {
	if k+1 >= len(toks) || !toks[k+1].cap || toks[k+1].clause != toks[k].clause {
		return false
	}
	if isMonthWord(toks[k+1].lower) {
		return false
	}
	return k > 0 && determiners.hasLower(toks[k-1].lower)
}

func isMonthWord(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}
