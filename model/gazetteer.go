package model

import (
	_ "embed"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The gazetteer is data, not code: gazetteer.tsv lists every place, corridor
// and body a figure can be about, with its aliases and demonyms. Its header
// comment documents the columns.
//
//go:embed gazetteer.tsv
var gazetteerTSV string

// Place kinds, as written in the kind column of gazetteer.tsv.
const (
	gazKindCountry   = "country"
	gazKindTerritory = "territory"
	gazKindRegion    = "region"
	gazKindCity      = "city"
	gazKindCrossing  = "crossing"
	gazKindCorridor  = "corridor"
	gazKindOrg       = "org"
	gazKindIgnore    = "ignore" // names that contain a place but are not about it
)

// gazPlace is one gazetteer entry.
type gazPlace struct {
	name  string    // canonical name, the Subject reported
	kind  string    // one of the kind* constants
	parts [2]string // for a pair entry (a border crossing), the canonical names it joins
}

// gazCaseRule says how an alias must be capitalised in the text to match. It
// keeps "US" from matching the pronoun "us" and "China" from matching
// porcelain, while "mainland" matches however it is written.
type gazCaseRule uint8

const (
	gazCaseAny   gazCaseRule = iota // the alias is lower case: match any case
	gazCaseTitle                    // the first letter must be upper case
	gazCaseExact                    // an all-caps acronym: the text must match byte for byte
)

// gazPhrase is one alias, split into the words the tokenizer makes of it.
type gazPhrase struct {
	words   []string // lower-case words
	hashes  []uint32 // wordHash of each word, so that most mismatches cost no string compare
	raw     []string // the words as written, for gazCaseExact
	rule    gazCaseRule
	demonym bool // an adjective or people noun ("Kazakh"), not a name
	p       *gazPlace
	capWord []bool // per word: its first letter is upper case in the alias (see accepts)
	mask    uint64 // letterMask of words[0], for the fuzzy prefilter
	runes   int    // rune count of words[0]
}

// gazetteer indexes the phrases by their first word so that a sentence is
// scanned word by word with one map lookup each; fuzzy holds the long
// one-word names by first letter for misspelling tolerance.
type gazetteer struct {
	places []*gazPlace
	first  map[string][]*gazPhrase // lower-case first word → phrases, longest first
	fuzzy  map[rune][]*gazPhrase   // lower-case first letter → one-word phrases of ≥ gazFuzzyMin letters
	byName map[string]*gazPlace    // canonical name → place
	pairs  map[[2]string]*gazPlace // (A, B) canonical names, both orders → pair entry
	starts vocabFilter             // the keys of first
	// heads holds the word of each one-word phrase, by its hash, and the
	// first two words of each longer one, by pairHash: of the words that
	// start a phrase, find tries only those it holds.
	heads  vocabFilter
	firstT *wordTable[gazStart] // first, for lookup by the token's hash
	// capKeys, capShort and anyKeys are what mayMention looks for (see
	// addKeys): capKeys and capShort hold, of each alias whose case
	// matters, one word capitalised in the alias, which a match must
	// find capitalised in the text; anyKeys, of each lower-case alias
	// (matched in any case), its longest word, which capKeys and capShort
	// hold too. noPrecheck says some alias has neither, and mayMention
	// can rule out nothing.
	capKeys  vocabFilter // the key words of more than eight bytes
	capShort shortFilter // those of one to eight, by their bytes
	// pairedKeys and pairedShort hold, as capKeys and capShort, the key
	// words of names of several words that are no other name's key
	// ("International", "P"): such a word names nothing unless the word
	// after or before it is the one it has in some name, and keyPairs
	// holds those two words' pairHash (see addPairedKey, pairedWith).
	pairedKeys  vocabFilter
	pairedShort shortFilter
	keyPairs    vocabFilter
	anyKeys     []string
	anyFirst    [256]bool // the first letters of anyKeys, in lower case
	noPrecheck  bool
	// fuzzyNear[r][n] lists, in the order of fuzzy[r], the names of ASCII
	// first letter r whose length is within the edit limit of a word of n
	// runes: the only ones misspelt need try for such a word.
	fuzzyNear [utf8.RuneSelf][gazFuzzyMaxNear][]*gazPhrase
}

// gazFuzzyMaxNear bounds the word lengths fuzzyNear covers; longer words
// (none in practice) go through fuzzy with a length test.
const gazFuzzyMaxNear = 40

// fuzzyLimit is the edit distance misspelt tolerates for a word of n runes.
func fuzzyLimit(n int) int {
	if n >= 9 {
		return 2
	}
	return 1
}

// fuzzyCands returns the names misspelt tries for a word of n runes
// starting with r, in the order of fuzzy[r]; some may still be too far in
// length when the word is long.
func (g *gazetteer) fuzzyCands(r rune, n int) []*gazPhrase {
	if r < utf8.RuneSelf && n < gazFuzzyMaxNear {
		return g.fuzzyNear[r][n]
	}
	return g.fuzzy[r]
}

// gazFuzzyMin is the shortest word tried for a misspelt match. Shorter names
// ("Iran", "Iraq", "Mali") differ from each other by one letter, so fuzzy
// matching them would trade precision for nothing.
const gazFuzzyMin = 6

var (
	gazOnce sync.Once
	gaz     *gazetteer
)

// theGazetteer returns the embedded gazetteer, parsed on first use.
func theGazetteer() *gazetteer {
	gazOnce.Do(func() { gaz = parseGazetteer(gazetteerTSV) })
	return gaz
}

// parseGazetteer reads the TSV format documented at the top of
// gazetteer.tsv. Malformed lines are skipped: the data is embedded and
// covered by tests, so there is no caller to report to.
func parseGazetteer(src string) *gazetteer {
	g := &gazetteer{
		first:  map[string][]*gazPhrase{},
		fuzzy:  map[rune][]*gazPhrase{},
		byName: map[string]*gazPlace{},
		pairs:  map[[2]string]*gazPlace{},
	}
	var phs []*gazPhrase // every alias, in the order of the file
	for line := range strings.SplitSeq(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) < 2 {
			continue
		}
		for len(col) < 5 {
			col = append(col, "")
		}
		p := &gazPlace{name: col[0], kind: col[1]}
		if parts := gazSplit(col[4]); len(parts) == 2 {
			p.parts = [2]string{parts[0], parts[1]}
			g.pairs[[2]string{parts[0], parts[1]}] = p
			g.pairs[[2]string{parts[1], parts[0]}] = p
		}
		g.places = append(g.places, p)
		if p.kind != gazKindIgnore {
			g.byName[p.name] = p
			phs = g.add(phs, p, p.name, false)
		}
		for _, a := range gazSplit(col[2]) {
			phs = g.add(phs, p, a, false)
		}
		for _, d := range gazSplit(col[3]) {
			phs = g.add(phs, p, d, true)
		}
	}
	g.addKeys(phs)
	for w, ps := range g.first {
		// Longest first, so "mainland China" wins over "mainland" and
		// "South China Morning Post" over "South China".
		sortGazPhrases(ps)
		g.first[w] = ps
	}
	starts := make(map[string]gazStart, len(g.first))
	for w, ps := range g.first {
		st := gazStart{phs: ps}
		for _, ph := range ps {
			if len(ph.words) == 1 {
				st.single = true
			} else {
				st.second |= 1 << (ph.hashes[1] & 63)
			}
		}
		starts[w] = st
	}
	g.firstT = newWordTable(starts)
	return g
}

// gazStart is what the gazetteer indexes under a first word: its phrases,
// longest first, and a filter on the word after it. Some first words
// ("new", "south", "the") start many names: most of their occurrences are
// followed by a word none of those names goes on with, and only the
// one-word names are then tried.
type gazStart struct {
	phs    []*gazPhrase
	second uint64 // bit h&63 set for the hash h of each phrase's second word
	single bool   // some phrase is the word alone
}

// gazSplit splits a "|"-separated column, dropping empty items.
func gazSplit(s string) []string {
	var out []string
	for it := range strings.SplitSeq(s, "|") {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// add indexes one alias of p and appends its phrase to phs; its key for
// mayMention is chosen once all are read (see addKeys).
func (g *gazetteer) add(phs []*gazPhrase, p *gazPlace, alias string, demonym bool) []*gazPhrase {
	toks := tokenizeWords(alias, 0)
	if len(toks) == 0 {
		return phs
	}
	ph := &gazPhrase{p: p, demonym: demonym}
	for _, t := range toks {
		ph.words = append(ph.words, t.lower)
		ph.hashes = append(ph.hashes, wordHash(t.lower))
		ph.raw = append(ph.raw, alias[t.start:t.end])
		r, _ := utf8.DecodeRuneInString(alias[t.start:t.end])
		ph.capWord = append(ph.capWord, unicode.IsUpper(r))
	}
	switch {
	case !gazHasUpper(alias):
		ph.rule = gazCaseAny
	case gazIsAcronym(alias):
		ph.rule = gazCaseExact
	default:
		ph.rule = gazCaseTitle
	}
	g.first[ph.words[0]] = append(g.first[ph.words[0]], ph)
	g.starts.add(ph.words[0])
	if len(ph.hashes) == 1 {
		g.heads.addHash(ph.hashes[0])
	} else {
		g.heads.addHash(pairHash(ph.hashes[0], ph.hashes[1]))
	}
	ph.mask, ph.runes = letterMask(ph.words[0]), utf8.RuneCountInString(ph.words[0])
	if len(ph.words) == 1 && ph.rule == gazCaseTitle && ph.runes >= gazFuzzyMin {
		r, _ := utf8.DecodeRuneInString(ph.words[0])
		g.fuzzy[r] = append(g.fuzzy[r], ph)
		if r < utf8.RuneSelf {
			for n := gazFuzzyMin; n < gazFuzzyMaxNear; n++ {
				if limit := fuzzyLimit(n); ph.runes-n <= limit && n-ph.runes <= limit {
					g.fuzzyNear[r][n] = append(g.fuzzyNear[r][n], ph)
				}
			}
		}
	}
	return append(phs, ph)
}

// addCapKey records w, a lower-case key word of wordHash h, as one
// mayMention finds capitalised.
func (g *gazetteer) addCapKey(w string, h uint32) {
	if len(w) <= 8 {
		g.capShort.add(packWord(w))
	} else {
		g.capKeys.addHash(h)
	}
}

// addPairedKey records the key word k of ph, a name of several words whose
// key is no other name's, with the words next to it in ph: mayMention
// looks for it capitalised next to one of them.
func (g *gazetteer) addPairedKey(ph *gazPhrase, k int) {
	if w := ph.words[k]; len(w) <= 8 {
		g.pairedShort.add(packWord(w))
	} else {
		g.pairedKeys.addHash(ph.hashes[k])
	}
	if k > 0 {
		g.keyPairs.addHash(pairHash(ph.hashes[k-1], ph.hashes[k]))
	}
	if k+1 < len(ph.words) {
		g.keyPairs.addHash(pairHash(ph.hashes[k], ph.hashes[k+1]))
	}
}

// addKeys records, of each phrase, the word that mayMention looks for.
// A phrase of kind ignore has none: find never returns what it matches, so
// a sentence that names nothing else has no place for mayMention to find.
//
// A lower-case alias is keyed by its longest word. An alias whose case
// matters may be keyed by any word capitalised in it, since a match finds
// each capitalised: every key is a word whose sentences are tokenized and
// searched, so it is the one least likely to stand in a sentence that
// names nothing. A word that is a key already (the name "Asia", for "Asia
// Pacific"; the demonym "European", for "European Union") adds no
// sentences; else the longest is taken, as long words are the rare ones
// ("World" for "World Bank", not "Bank"), and of words as long the first:
// a name's first words say which it is, its head noun ("Exchange",
// "Union") only what kind. So all the initialisms of "United" share "U",
// where their last letters passed every sentence that opens with "A" or
// mentions "N.Y.". A key of names of several words only is paired with
// the words next to it in them (see addPairedKey): "International" is
// looked for before "Monetary", not wherever a company is named.
func (g *gazetteer) addKeys(phs []*gazPhrase) {
	keyed := map[string]bool{} // the key words of one-word and lower-case aliases
	for _, ph := range phs {
		switch {
		case ph.p.kind == gazKindIgnore:
		case ph.rule == gazCaseAny:
			keyed[anyKey(ph)] = true
		case len(ph.words) == 1 && ph.capWord[0]:
			keyed[ph.words[0]] = true
		}
	}
	for _, ph := range phs {
		if ph.p.kind == gazKindIgnore {
			continue
		}
		if ph.rule == gazCaseAny {
			key := anyKey(ph)
			if !slices.Contains(g.anyKeys, key) {
				g.anyKeys = append(g.anyKeys, key)
				g.anyFirst[key[0]] = true
			}
			// Written with a capital ("The Mainland"), the key is a
			// capitalised word, which mayMention looks up as one.
			g.addCapKey(key, ph.hashes[slices.Index(ph.words, key)])
			continue
		}
		key := -1
		for k, w := range ph.words {
			switch {
			case !ph.capWord[k]:
			case keyed[w]:
				key = k
			case key < 0 || !keyed[ph.words[key]] && len(w) > len(ph.words[key]):
				key = k
			}
			if key >= 0 && keyed[ph.words[key]] {
				break
			}
		}
		if key < 0 {
			g.noPrecheck = true
			continue
		}
		if len(ph.words) == 1 || keyed[ph.words[key]] {
			g.addCapKey(ph.words[key], ph.hashes[key])
		} else {
			g.addPairedKey(ph, key)
		}
	}
}

// anyKey is the key of ph, a lower-case alias: its longest word, the first
// of those as long.
func anyKey(ph *gazPhrase) string {
	key := ""
	for _, w := range ph.words {
		if len(w) > len(key) {
			key = w
		}
	}
	return key
}

// sortGazPhrases orders phrases by word count, longest first (insertion sort:
// the lists are a handful long).
func sortGazPhrases(ps []*gazPhrase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func gazHasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// gazIsAcronym reports whether s is written in capitals throughout ("US",
// "U.S.", "HKEX"), allowing one trailing lower-case letter ("HKEx", "PBoC"
// are still acronyms in spirit: the case is part of the name).
func gazIsAcronym(s string) bool {
	lower, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				lower++
			}
		}
	}
	return letters >= 2 && lower <= 1 && !strings.Contains(s, " ")
}

// placeMention is a gazetteer phrase found in a token sequence.
type placeMention struct {
	i, j    int       // tokens [i, j)
	p       *gazPlace // what it names
	demonym bool      // matched through a demonym ("Russian cavalry")
	fuzzy   bool      // matched through a misspelling
}

// fuzzyCache remembers what each capitalised long word misspells (nil:
// nothing), so that the edit-distance search runs once per distinct word
// rather than once per occurrence. What a word misspells depends on the
// word alone, so one cache serves document after document: the words that
// reach it (company names, the words of ALL-CAPS headlines) recur across
// a corpus, and were searched afresh in every document while the cache was
// per document. Its keys are copies, never slices of a document's text:
// they are copied into keyBytes, one allocation for many keys rather than
// one each.
//
// It is an open-addressing table probed with the hash the tokenizer
// already stored in each token, like wordTable but growing: a Go map
// hashed every word a second time, and was most of the cost of a lookup.
type fuzzyCache struct {
	slots []wordSlot[*gazPhrase] // a power of two long, at most half full
	n     int                    // slots used
	// keyBytes holds the keys' bytes. It is never grown in place: a key
	// that does not fit starts a new one, and the keys copied before
	// keep the old.
	keyBytes []byte
	// seen keeps mayMention's verdicts on capitalised words of six to
	// eight bytes, each with the word (see capKeyWord); 0 is an empty slot.
	// With 1,024 slots, words that shared one were judged afresh 14,000
	// times over Reuters; 4,096 (32 KB) cut that by a third, and 16,384
	// only by half.
	seen [4096]uint64
}

// fuzzyCacheMax bounds a fuzzyCache: one that would grow past it is
// emptied first, so that a corpus of many distinct names cannot grow it
// without limit. Its 65,536 slots take 2 MB.
const fuzzyCacheMax = 1 << 15

// get returns what w, whose wordHash is h, misspells, and whether w is
// in the cache. A nil cache holds nothing.
func (fc *fuzzyCache) get(w string, h uint32) (*gazPhrase, bool) {
	if fc == nil || fc.n == 0 {
		return nil, false
	}
	mask := uint32(len(fc.slots) - 1)
	for i := wordSlotOf(h) & mask; fc.slots[i].used; i = (i + 1) & mask {
		if s := &fc.slots[i]; s.hash == h && s.key == w {
			return s.val, true
		}
	}
	return nil, false
}

// put records that w, whose wordHash is h and which the cache does not
// hold, misspells ph. It keeps a copy of w.
func (fc *fuzzyCache) put(w string, h uint32, ph *gazPhrase) {
	if fc.n >= fuzzyCacheMax {
		clear(fc.slots)
		fc.n, fc.keyBytes = 0, nil
	}
	if 2*(fc.n+1) > len(fc.slots) {
		fc.grow()
	}
	if cap(fc.keyBytes)-len(fc.keyBytes) < len(w) {
		fc.keyBytes = make([]byte, 0, max(fuzzyKeyChunk, len(w)))
	}
	k0 := len(fc.keyBytes)
	fc.keyBytes = append(fc.keyBytes, w...)
	key := unsafe.String(unsafe.SliceData(fc.keyBytes[k0:]), len(w))
	fc.insert(wordSlot[*gazPhrase]{used: true, hash: h, key: key, val: ph})
	fc.n++
}

// fuzzyKeyChunk is the size of each fuzzyCache.keyBytes: some 400 keys.
const fuzzyKeyChunk = 4096

// grow doubles the table (to 1,024 slots at first) and re-inserts its
// entries.
func (fc *fuzzyCache) grow() {
	old := fc.slots
	fc.slots = make([]wordSlot[*gazPhrase], max(1024, 2*len(old)))
	for _, s := range old {
		if s.used {
			fc.insert(s)
		}
	}
}

func (fc *fuzzyCache) insert(s wordSlot[*gazPhrase]) {
	mask := uint32(len(fc.slots) - 1)
	i := wordSlotOf(s.hash) & mask
	for fc.slots[i].used {
		i = (i + 1) & mask
	}
	fc.slots[i] = s
}

// find returns the gazetteer mentions in toks, left to right, longest match
// first. Adjacent mentions of the same place ("mainland Chinese") merge into
// one. Places of kind ignore are matched (so that they swallow the place
// names inside them) but not returned. src is the text the tokens' offsets
// index; fz may be nil. The mentions are appended to out, whose existing
// elements are left alone.
func (g *gazetteer) find(out []placeMention, src string, toks []wordTok, fz *fuzzyCache) []placeMention {
	first := len(out)
	for i := 0; i < len(toks); {
		// Most words start no name and are too short or not capitalised
		// to misspell one: matchAt would say no, and is not called. A
		// word such as "the" or "new" starts many phrases, but is mostly
		// followed by a word none of them goes on with: heads turns it
		// away before matchAt looks it up to say no.
		t := &toks[i]
		head := g.starts.has(t.hash) && (g.heads.has(t.hash) || i+1 < len(toks) && g.heads.has(pairHash(t.hash, toks[i+1].hash)))
		if t.num || !head && (!t.cap || len(t.lower) < gazFuzzyMin) {
			i++
			continue
		}
		m, ok := g.matchAt(src, toks, i, fz)
		if !ok {
			i++
			continue
		}
		i = m.j
		if m.p.kind == gazKindIgnore {
			continue
		}
		if n := len(out); n > first && out[n-1].p == m.p && out[n-1].j == m.i {
			out[n-1].j = m.j
			continue
		}
		out = append(out, m)
	}
	return out
}

// pairHash combines the hashes of two words into heads' key for the pair.
func pairHash(a, b uint32) uint32 { return a*0x9E3779B1 ^ b }

// mayMention reports whether find may find a place in text[from:to], a
// sentence, given wm, the text's word masks; when it says no, find would
// find none. The classifier reads the sentences around a figure only for
// their places, and most name none: this look at the starts of their
// words spares tokenizing them.
//
// A match needs, for an alias whose case matters, its key word (capKeys)
// as a capitalised word of the text; for a misspelt name, a capitalised
// word of gazFuzzyMin letters or more that passes misspelt's filters; for a
// lower-case alias, its key (anyKeys) as a word in any case. A word is a
// run of ASCII letters and digits, which the masks give 64 bytes at a
// time, as appendWords makes it; only its first byte is read unless it is
// a capital or starts a key of anyKeys. A sentence with a byte beyond
// ASCII is not looked at: its words may start with a capital that is no
// ASCII letter.
func (g *gazetteer) mayMention(text string, from, to int, wm *wordMasks, fz *fuzzyCache) bool {
	if g.noPrecheck {
		return true
	}
	doc := text // the document, for loads past the sentence's end
	text = text[:to]
	for blk := from >> 6; blk<<6 < to; blk++ {
		in := ^uint64(0) // the block's bytes within the sentence
		if lo := from - blk<<6; lo > 0 {
			in <<= lo
		}
		if hi := to - blk<<6; hi < 64 {
			in &= 1<<hi - 1
		}
		alnum := wm.alnum[blk]
		if (wm.wide[blk]^alnum)&in != 0 {
			return true // a byte beyond ASCII
		}
		var before uint64 // 1 if the byte before the block is in a word
		if blk > 0 {
			before = wm.alnum[blk-1] >> 63
		}
		starts := alnum &^ (alnum<<1 | before) & in
		if blk == from>>6 {
			starts |= alnum & (1 << (from & 63)) // the tokenizer starts a word there
		}
		for ; starts != 0; starts &= starts - 1 {
			p := blk<<6 | bits.TrailingZeros64(starts)
			c := text[p]
			if c-'A' >= 26 {
				if g.anyFirst[c] && g.anyKeyAt(text, p, wm) {
					return true
				}
				continue
			}
			// A letter after an apostrophe that ends a run of letters and
			// digits starts no word: appendWords reads it as a possessive
			// "'s" or as the inside of a word ("O'Neill"). ALL-CAPS
			// headlines are full of them ("MOODY'S"), and "S" is a key.
			if p-2 >= from && text[p-1] == '\'' && wm.alnum[(p-2)>>6]&(1<<((p-2)&63)) != 0 {
				continue
			}
			// The word ends as appendWords ends it.
			end := min(wm.alnumEnd(p), to)
			if end < to && wordGlue[text[end]] {
				var ascii bool
				if end, ascii = wordRest(text, p, end, wm); !ascii {
					return true
				}
			}
			if g.capKeyWord(fz, doc, p, end, from, to, wm) {
				return true
			}
		}
	}
	return false
}

// anyKeyAt reports whether the word at p of text, which does not start
// with a capital, is a key of anyKeys, in any case.
func (g *gazetteer) anyKeyAt(text string, p int, wm *wordMasks) bool {
	w := text[p:min(wm.alnumEnd(p), len(text))]
	for _, key := range g.anyKeys {
		if strings.EqualFold(w, key) {
			return true
		}
	}
	return false
}

// shortFilter is a one-hash Bloom filter over words of one to eight bytes,
// each keyed by its bytes packed in a uint64 (packWord): no string hash.
// It is prefixFilter's twin with another key and size; the two are not one
// generic type because has runs for every capitalised word of a context
// sentence, and a shared helper over a slice costs a bounds check there.
type shortFilter [1 << 16 / 64]uint64

// add adds the word packed in key.
func (f *shortFilter) add(key uint64) {
	b := shortBit(key)
	f[b/64] |= 1 << (b % 64)
}

// has reports whether the word packed in key may be in f.
func (f *shortFilter) has(key uint64) bool {
	b := shortBit(key)
	return f[b/64]&(1<<(b%64)) != 0
}

// shortBit is the high sixteen bits of a multiplicative hash of key.
func shortBit(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> 48 }

// capKeyWord reports whether text[start:end], an ASCII word that starts
// with a capital, may be the key word of an alias or a misspelt name in
// the sentence text[from:to] (see mayMention). It is hashed as it is
// lower-cased, with no copy.
func (g *gazetteer) capKeyWord(fz *fuzzyCache, text string, start, end, from, to int, wm *wordMasks) bool {
	n := end - start
	if n >= gazFuzzyMaxNear {
		return true // none so long in practice
	}
	if n > 8 {
		h := lowerHashOf(text, start, end)
		return g.capKeys.has(h) || g.pairedKeys.has(h) && g.pairedWith(text, h, start, end, from, to, wm) ||
			g.mayMisspell(fz, text, h, start, end)
	}
	// Up to eight letters, the word's bytes are their own key.
	var x uint64
	if start+8 <= len(text) {
		x = swarLower(load8(text, start)) & (^uint64(0) >> (64 - 8*n))
	} else {
		for k := end - 1; k >= start; k-- {
			x = x<<8 | uint64(asciiLowerByte(text[k]))
		}
	}
	if n < gazFuzzyMin {
		// Too short to be misspelt.
		return g.capShort.has(x) || g.pairedShort.has(x) && g.pairedWith(text, lowerHashOf(text, start, end), start, end, from, to, wm)
	}
	if fz == nil {
		return g.capShort.has(x) || g.pairedShort.has(x) && g.pairedWith(text, lowerHashOf(text, start, end), start, end, from, to, wm) ||
			g.fuzzyNearWord(text, start, end)
	}
	// A word long enough to be misspelt is judged once (the same
	// capitalised words come back sentence after sentence: "Reuters",
	// "Company"), its verdict kept beside its bytes in fz.seen.
	slot := &fz.seen[shortBit(x)%uint64(len(fz.seen))]
	if *slot&^(seenKey|seenPaired|seenNear) != x {
		*slot = x
		if g.capShort.has(x) {
			*slot |= seenKey
		} else {
			if g.pairedShort.has(x) {
				*slot |= seenPaired
			}
			if g.fuzzyNearWord(text, start, end) {
				*slot |= seenNear
			}
		}
	}
	return *slot&seenKey != 0 ||
		*slot&seenPaired != 0 && g.pairedWith(text, lowerHashOf(text, start, end), start, end, from, to, wm) ||
		*slot&seenNear != 0 && g.mayMisspell(fz, text, lowerHashOf(text, start, end), start, end)
}

// seenKey, seenPaired and seenNear are the verdicts fuzzyCache.seen keeps
// with a word of up to eight bytes: it may be an alias's key word, or the
// key of names of several words only (see pairedWith), or it is near
// enough a name to be misspelling it. They are bits that the word's
// bytes, ASCII, never set.
const (
	seenKey    = 1 << 63
	seenPaired = 1 << 47
	seenNear   = 1 << 55
)

// pairedWith reports whether text[start:end], a capitalised ASCII word of
// the sentence text[from:to] whose lower case has wordHash h, is next to
// a word it is paired with in a name (see addPairedKey): the word after
// it or the word before it, as appendWords makes them. Where that word
// may not be as read here (an apostrophe or a byte beyond ASCII between
// or around them, a digit's inner comma) it says yes.
func (g *gazetteer) pairedWith(text string, h uint32, start, end, from, to int, wm *wordMasks) bool {
	if q := wm.nextWide(end, to); q < to {
		if text[q] >= utf8.RuneSelf || strings.IndexByte(text[end:q], '\'') >= 0 {
			return true
		}
		e := min(wm.alnumEnd(q), to)
		if e < to && wordGlue[text[e]] {
			var ascii bool
			if e, ascii = wordRest(text[:to], q, e, wm); !ascii {
				return true
			}
		}
		if g.keyPairs.has(pairHash(h, lowerHashOf(text, q, e))) {
			return true
		}
	}
	alnumAt := func(k int) bool { return wm.alnum[k>>6]&(1<<(k&63)) != 0 }
	k := start - 1
	for ; k >= from && !alnumAt(k); k-- {
		if text[k] >= utf8.RuneSelf || text[k] == '\'' {
			return true
		}
	}
	if k < from {
		return false // the sentence's first word
	}
	pe := k + 1
	for k >= from && alnumAt(k) {
		k--
	}
	ps := k + 1
	if k >= from {
		if c := text[k]; c >= utf8.RuneSelf || c == '\'' || (c == '.' || c == ',') && k > from && isDigit(text[k-1]) && isDigit(text[ps]) {
			return true // the word before may start further back
		}
	}
	return g.keyPairs.has(pairHash(lowerHashOf(text, ps, pe), h))
}

// fuzzyNearWord reports whether text[start:end], an ASCII word that starts
// with a capital, passes misspelt's filters, read on the word as it
// is: its letters' set does not depend on their case.
func (g *gazetteer) fuzzyNearWord(text string, start, end int) bool {
	n := end - start
	phs := g.fuzzyNear[text[start]|0x20][n]
	if n < gazFuzzyMin || len(phs) == 0 {
		return false
	}
	var mask uint64
	for k := start; k < end; k++ {
		mask |= 1 << ((text[k] | 0x20) & 63)
	}
	limit := fuzzyLimit(n)
	for _, ph := range phs {
		if bits.OnesCount64(mask^ph.mask) <= 2*limit {
			return true
		}
	}
	return false
}

// mayMisspell reports whether text[start:end], a capitalised ASCII word
// whose lower case has wordHash h, may misspell a name. With fz it says
// whether it does: misspelt's verdict is found here for a word not met
// before and kept in fz, where find's matchAt will find it for the word's
// token. A word not near any name (see fuzzyNearWord) is kept too, as
// misspelling none: a word of more than eight bytes, which fz.seen does
// not hold, is then judged once. Most words near a name misspell none,
// and a sentence with no other key word then is not tokenized.
func (g *gazetteer) mayMisspell(fz *fuzzyCache, text string, h uint32, start, end int) bool {
	if fz == nil {
		return g.fuzzyNearWord(text, start, end)
	}
	var buf [gazFuzzyMaxNear]byte
	n := end - start
	for k := range n {
		buf[k] = asciiLowerByte(text[start+k])
	}
	w := unsafe.String(&buf[0], n)
	got, ok := fz.get(w, h)
	if !ok {
		if g.fuzzyNearWord(text, start, end) {
			got = g.misspeltWord(w)
		}
		fz.put(w, h, got)
	}
	return got != nil
}

// lowerHashOf returns wordHash of text[start:end] with its ASCII capitals
// lower-cased, reading the word eight bytes at a time.
func lowerHashOf(text string, start, end int) uint32 {
	h := uint64(end - start)
	i := start
	for ; i+8 <= end; i += 8 {
		h = wordMix(h ^ swarLower(load8(text, i)))
	}
	var x uint64
	if r := end - i; r > 0 {
		if i+8 <= len(text) {
			x = swarLower(load8(text, i)) & (1<<(8*r) - 1)
		} else {
			for k := end - 1; k >= i; k-- {
				x = x<<8 | uint64(asciiLowerByte(text[k]))
			}
		}
	}
	return wordFinal(h ^ x)
}

// matchAt tries every phrase that starts with toks[i], longest first, and
// falls back to a misspelt one-word name, remembered in fz when it is not
// nil.
func (g *gazetteer) matchAt(src string, toks []wordTok, i int, fz *fuzzyCache) (placeMention, bool) {
	t := &toks[i]
	if t.num {
		return placeMention{}, false
	}
	var phs []*gazPhrase
	multi := false // some phrase of several words may start here
	if g.starts.has(t.hash) {
		st, _ := g.firstT.get(t.lower, t.hash)
		multi = i+1 < len(toks) && st.second&(1<<(toks[i+1].hash&63)) != 0
		if multi || st.single {
			phs = st.phs
		}
	}
	for _, ph := range phs {
		if i+len(ph.words) > len(toks) || len(ph.words) > 1 && (!multi || toks[i+1].hash != ph.hashes[1]) {
			continue // the second word, by its hash, before the words' case
		}
		ok := true
		for k, w := range ph.words {
			tk := &toks[i+k]
			// The first word is the table's key, already matched.
			if k > 0 && (tk.hash != ph.hashes[k] || tk.lower != w) {
				ok = false
				break
			}
			// The title rule, the common one, is decided by a flag made
			// when the alias was indexed; accepts decodes the alias word.
			if ph.rule == gazCaseTitle && ph.capWord[k] && !tk.cap || ph.rule == gazCaseExact && !ph.rule.accepts(src, *tk, ph.raw[k]) {
				ok = false
				break
			}
			if k > 0 && tk.clause != toks[i].clause {
				ok = false // a name never spans a comma or a bracket
				break
			}
		}
		if ok {
			return placeMention{i: i, j: i + len(ph.words), p: ph.p, demonym: ph.demonym}, true
		}
	}
	if !t.cap || len(t.lower) < gazFuzzyMin {
		return placeMention{}, false // cheap gate: misspelt would say no
	}
	var ph *gazPhrase
	if got, ok := fz.get(t.lower, t.hash); ok {
		ph = got
	} else {
		// Most capitalised words (every word of an ALL-CAPS headline)
		// have no name of their first letter near their length and
		// letter set: misspelt turns them away without an edit distance.
		ph = g.misspelt(*t)
		if fz != nil {
			fz.put(t.lower, t.hash, ph)
		}
	}
	if ph != nil {
		return placeMention{i: i, j: i + 1, p: ph.p, demonym: ph.demonym, fuzzy: true}, true
	}
	return placeMention{}, false
}

// accepts reports whether token t of src, matched against the alias word
// raw, is capitalised as the rule requires.
func (r gazCaseRule) accepts(src string, t wordTok, raw string) bool {
	switch r {
	case gazCaseExact:
		return src[t.start:t.end] == raw
	case gazCaseTitle:
		// Every word capitalised in the alias must be capitalised in the
		// text: "mainland China" matches, "mainland china" does not.
		r, _ := utf8.DecodeRuneInString(raw)
		return !unicode.IsUpper(r) || t.cap
	}
	return true
}

// misspelt returns the one-word name that t misspells, if any: a
// capitalised word of at least gazFuzzyMin letters, same first letter, within
// edit distance 1 (2 for words of 9 letters or more), transpositions
// counting as one edit ("Kazkah" → "Kazakh", "Kazakshtan" → "Kazakhstan").
func (g *gazetteer) misspelt(t wordTok) *gazPhrase {
	if !t.cap {
		return nil
	}
	return g.misspeltWord(t.lower)
}

// misspeltWord is misspelt for a capitalised word w, given in lower case.
func (g *gazetteer) misspeltWord(w string) *gazPhrase {
	n := utf8.RuneCountInString(w)
	if n < gazFuzzyMin {
		return nil
	}
	limit := fuzzyLimit(n)
	r, size := utf8.DecodeRuneInString(w)
	mask := letterMask(w)
	var best *gazPhrase
	bestD := limit + 1
	for _, ph := range g.fuzzyCands(r, n) {
		if d := ph.runes - n; d > limit || -d > limit {
			continue
		}
		// Each edit changes which letters occur by at most two, so
		// letter sets further apart cannot be within the limit.
		if bits.OnesCount64(mask^ph.mask) > 2*limit {
			continue
		}
		// The first letter, the same in both, adds nothing to the
		// distance: the alignment of the rest is left.
		if d := osaDistance(w[size:], ph.words[0][size:], limit); d < bestD {
			best, bestD = ph, d
		}
	}
	return best
}

// letterMask is the set of letters in w, one bit per letter (hashed for
// runes beyond 63, which only makes masks collide: a collision can hide a
// difference but never invent one, so the fuzzy prefilter stays safe).
func letterMask(w string) uint64 {
	var m uint64
	for _, r := range w {
		m |= 1 << (uint(r) & 63)
	}
	return m
}

// osaDistance is the optimal-string-alignment distance between a and b
// (Levenshtein plus adjacent transpositions), or limit+1 as soon as it is
// known to exceed limit.
func osaDistance(a, b string, limit int) int {
	var bufA, bufB [32]rune
	ra, rb := toRunes(bufA[:0], a), toRunes(bufB[:0], b)
	if ra == nil || rb == nil {
		if a == b {
			return 0
		}
		return limit + 1
	}
	if len(ra)-len(rb) > limit || len(rb)-len(ra) > limit {
		return limit + 1 // each edit changes the length by at most one
	}
	// Only the band of cells within limit of the diagonal is computed:
	// a cell further off holds more than limit, and every cell is capped
	// at limit+1, which changes no answer of at most limit (the distance
	// only adds to its neighbours). The cells just outside the band are
	// set to the cap, as the band's neighbours.
	capped := limit + 1
	var rows [3][34]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(rb); j++ {
		prev[j] = min(j, capped)
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-limit), min(len(rb), i+limit)
		cur[lo-1] = capped
		if lo == 1 {
			cur[0] = min(i, capped)
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		cur[hi+1] = capped // the next row's neighbour above its band's end
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}

// toRunes decodes s into buf without allocating, or returns nil when s has
// more runes than buf holds.
func toRunes(buf []rune, s string) []rune {
	for _, r := range s {
		if len(buf) == cap(buf) {
			return nil
		}
		buf = append(buf, r)
	}
	return buf
}

// pair returns the canonical subject for two places named together: the
// gazetteer's pair entry when there is one ("Alashankou–Dostyk"), else
// "A–B" in the order given.
func (g *gazetteer) pair(a, b *gazPlace) string {
	if p := g.pairs[[2]string{a.name, b.name}]; p != nil {
		return p.name
	}
	return a.name + "–" + b.name
}

// lookupPlace returns the canonical name of the place, corridor or body that
// name (an alias, demonym or slight misspelling) refers to, or "" when the
// gazetteer has no such entry. The whole of name must match.
func lookupPlace(name string) string {
	toks := tokenizeWords(name, 0)
	if len(toks) == 0 {
		return ""
	}
	g := theGazetteer()
	m, ok := g.matchAt(name, toks, 0, nil)
	if !ok || m.j != len(toks) || m.p.kind == gazKindIgnore {
		return ""
	}
	return m.p.name
}
