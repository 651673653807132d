package model

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The query language of the dashboard's filter and of `corridor extract
// -query`. A query is a list of terms separated by spaces; an indicator
// matches when every term does:
//
//	metric:rail_freight subject:kazakhstan year:2020..2025 value:>1e6 rail freight
//
//   - a free word matches when it is a case-insensitive substring of the
//     indicator's metric, subject, text, unit, sentence or document title;
//     "a quoted phrase" is one word, spaces included;
//   - facet:value matches on one field (see Facets); facet:a,b matches when
//     any of the values does; a value with spaces is quoted: doc:"silk road";
//   - a leading - negates a term: -subject:china, -rumour.
//
// Facets: metric, subject, unit and qualifier compare whole values, ignoring
// case; doc (document title or ID) and counted match substrings; year takes
// a year or a range 2020..2025, ..2000 or 2020.. and matches the indicator's
// period or, when it has none, its document's date; value takes >x, <x,
// >=x, <=x, a..b or x (within 0.5%), with k, m, bn and tn suffixes, and
// matches a range figure when any of it does; conflict:yes (or no) matches
// figures that another document contradicts (see Corpus.Conflicts).

// Facets lists the facet names the query language knows, for help texts and
// completion.
var Facets = []string{"metric", "subject", "year", "value", "unit", "doc", "qualifier", "counted", "conflict"}

// facetKind is a facet, as an index into Facets plus one (0 is a free word).
type facetKind uint8

const (
	facetWord facetKind = iota
	facetMetric
	facetSubject
	facetYear
	facetValue
	facetUnit
	facetDoc
	facetQualifier
	facetCounted
	facetConflict
)

// Query is a parsed query. The zero Query matches everything.
type Query struct {
	terms []term
	src   string
}

// term is one space-separated part of a query.
type term struct {
	kind   facetKind
	neg    bool       // a leading '-'
	values []string   // lowercase; alternatives (OR) for text facets, one word for facetWord
	nums   []numRange // alternatives for year and value
	yes    bool       // conflict:yes
	pos    int        // byte offset of the term in the query
}

// numRange is a closed interval; the open ends are infinite. strict ends
// exclude their bound (">x").
type numRange struct {
	lo, hi             float64
	loStrict, hiStrict bool
}

// String returns the query as it was parsed.
func (q Query) String() string { return q.src }

// IsZero reports whether the query has no terms and so matches everything.
func (q Query) IsZero() bool { return len(q.terms) == 0 }

// QueryError is a mistake in a query, with where it is.
type QueryError struct {
	Offset int    // byte offset into the query of the term at fault
	Msg    string // what is wrong
	Hint   string // how to fix it, or ""
}

// Error reads like: unknown facet "metrc" at 1; did you mean metric?
// Positions are counted from 1, as a person counts columns.
func (e *QueryError) Error() string {
	s := e.Msg + " at " + strconv.Itoa(e.Offset+1)
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// ParseQuery parses a query (see the package's query language). An empty or
// blank query is the zero Query, which matches everything.
func ParseQuery(s string) (Query, error) {
	q := Query{src: s}
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		t, next, err := parseTerm(s, i)
		if err != nil {
			return Query{}, err
		}
		q.terms = append(q.terms, t)
		i = next
	}
	// Facets first: they are cheap comparisons and usually cut the set the
	// substring searches then scan.
	var facets, words []term
	for _, t := range q.terms {
		if t.kind == facetWord {
			words = append(words, t)
		} else {
			facets = append(facets, t)
		}
	}
	q.terms = append(facets, words...)
	return q, nil
}

// parseTerm reads the term starting at s[start].
func parseTerm(s string, start int) (term, int, error) {
	t := term{pos: start}
	i := start
	if s[i] == '-' && i+1 < len(s) && !isSpace(s[i+1]) {
		t.neg = true
		i++
	}
	if s[i] == '"' {
		w, next, err := quoted(s, i)
		if err != nil {
			return t, 0, err
		}
		t.values = []string{strings.ToLower(w)}
		return t, next, nil
	}
	// A facet name is letters followed by ':'; anything else is a word.
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '_') {
		j++
	}
	if j == i || j >= len(s) || s[j] != ':' {
		end := i
		for end < len(s) && !isSpace(s[end]) {
			end++
		}
		t.values = []string{strings.ToLower(s[i:end])}
		return t, end, nil
	}
	name := strings.ToLower(s[i:j])
	t.kind = facetByName(name)
	if t.kind == facetWord && strings.HasPrefix(s[j:], "://") {
		// A URL is a word, not a facet.
		end := j
		for end < len(s) && !isSpace(s[end]) {
			end++
		}
		t.values = []string{strings.ToLower(s[i:end])}
		return t, end, nil
	}
	if t.kind == facetWord {
		e := &QueryError{Offset: i, Msg: fmt.Sprintf("unknown facet %q", name)}
		if near := nearest(name, Facets); near != "" {
			e.Hint = "did you mean " + near + "?"
		} else {
			e.Hint = "facets are " + strings.Join(Facets, ", ") + `; quote a word with a colon to search for it`
		}
		return t, 0, e
	}
	vals, next, err := values(s, j+1)
	if err != nil {
		return t, 0, err
	}
	if len(vals) == 0 {
		return t, 0, &QueryError{Offset: i, Msg: "no value for " + name + ":", Hint: valueHint(t.kind)}
	}
	for _, v := range vals {
		if err := t.addValue(v.text, v.pos); err != nil {
			return t, 0, err
		}
	}
	return t, next, nil
}

// qval is one value of a facet, with its offset in the query.
type qval struct {
	text string
	pos  int
}

// values reads a comma-separated list of values, each bare or quoted,
// starting at s[i], up to the next space outside quotes.
func values(s string, i int) ([]qval, int, error) {
	var out []qval
	for i < len(s) && !isSpace(s[i]) {
		pos := i
		var v string
		if s[i] == '"' {
			w, next, err := quoted(s, i)
			if err != nil {
				return nil, 0, err
			}
			v, i = w, next
		} else {
			j := i
			for j < len(s) && !isSpace(s[j]) && s[j] != ',' {
				j++
			}
			v, i = s[i:j], j
		}
		if v != "" {
			out = append(out, qval{v, pos})
		}
		if i < len(s) && s[i] == ',' {
			i++
		}
	}
	return out, i, nil
}

// quoted reads the quoted string starting at s[i] == '"'.
func quoted(s string, i int) (string, int, error) {
	end := strings.IndexByte(s[i+1:], '"')
	if end < 0 {
		return "", 0, &QueryError{Offset: i, Msg: "unterminated quote", Hint: `close it with "`}
	}
	return s[i+1 : i+1+end], i + 2 + end, nil
}

func facetByName(name string) facetKind {
	for i, f := range Facets {
		if f == name {
			return facetKind(i + 1)
		}
	}
	return facetWord
}

// valueHint says what values a facet takes.
func valueHint(k facetKind) string {
	switch k {
	case facetMetric:
		return "metrics are " + strings.Join(Metrics, ", ")
	case facetYear:
		return "give a year or a range: 2020, 2020..2025, ..2000, 2020.."
	case facetValue:
		return "give >x, <x, >=x, <=x, a..b or x, e.g. value:>1e6 or value:1m..5m"
	case facetConflict:
		return "give yes or no"
	}
	return "give a value after the colon, quoted if it has spaces"
}

// addValue checks one value of the term's facet and records it.
func (t *term) addValue(v string, pos int) error {
	lv := strings.ToLower(strings.TrimSpace(v))
	switch t.kind {
	case facetMetric:
		for _, m := range Metrics {
			if m == lv {
				t.values = append(t.values, lv)
				return nil
			}
		}
		e := &QueryError{Offset: pos, Msg: fmt.Sprintf("unknown metric %q", v)}
		if near := nearest(lv, Metrics); near != "" {
			e.Hint = "did you mean " + near + "?"
		} else {
			e.Hint = valueHint(facetMetric)
		}
		return e
	case facetYear:
		r, ok := parseRange(lv, false)
		if !ok {
			return &QueryError{Offset: pos, Msg: fmt.Sprintf("bad year %q", v), Hint: valueHint(facetYear)}
		}
		t.nums = append(t.nums, r)
	case facetValue:
		r, ok := parseValueCond(lv)
		if !ok {
			return &QueryError{Offset: pos, Msg: fmt.Sprintf("bad value %q", v), Hint: valueHint(facetValue)}
		}
		t.nums = append(t.nums, r)
	case facetConflict:
		switch lv {
		case "yes", "true", "1", "y":
			t.yes = true
		case "no", "false", "0", "n":
			t.yes = false
		default:
			return &QueryError{Offset: pos, Msg: fmt.Sprintf("bad conflict value %q", v), Hint: valueHint(facetConflict)}
		}
	default:
		t.values = append(t.values, lv)
	}
	return nil
}

// parseRange parses "2020", "2020..2025", "..2000" or "2020.." (numbers
// with suffixes when num is true).
func parseRange(s string, num bool) (numRange, bool) {
	parse := parseYear
	if num {
		parse = parseNumber
	}
	lo, hi, isRange := strings.Cut(s, "..")
	if !isRange {
		v, ok := parse(s)
		return numRange{lo: v, hi: v}, ok
	}
	r := numRange{lo: math.Inf(-1), hi: math.Inf(1)}
	var ok1, ok2 = true, true
	if lo != "" {
		r.lo, ok1 = parse(lo)
	}
	if hi != "" {
		r.hi, ok2 = parse(hi)
	}
	return r, ok1 && ok2 && (lo != "" || hi != "") && r.lo <= r.hi
}

func parseYear(s string) (float64, bool) {
	n, err := strconv.Atoi(s)
	return float64(n), err == nil && n > 0 && n < 10000
}

// parseNumber reads 1e6, 2.5, 3m, 1.2bn, 4k, 1tn, 27%.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.ReplaceAll(s, "_", ""), "%")
	mult := 1.0
	for _, suf := range []struct {
		s string
		m float64
	}{{"tn", 1e12}, {"bn", 1e9}, {"mln", 1e6}, {"mn", 1e6}, {"m", 1e6}, {"k", 1e3}} {
		if strings.HasSuffix(s, suf.s) && len(s) > len(suf.s) {
			s, mult = s[:len(s)-len(suf.s)], suf.m
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f * mult, true
}

// parseValueCond parses a value: facet condition.
func parseValueCond(s string) (numRange, bool) {
	inf := math.Inf(1)
	for _, op := range []string{">=", "<=", ">", "<", "="} {
		rest, ok := strings.CutPrefix(s, op)
		if !ok {
			continue
		}
		v, ok := parseNumber(rest)
		if !ok {
			return numRange{}, false
		}
		switch op {
		case ">=":
			return numRange{lo: v, hi: inf}, true
		case "<=":
			return numRange{lo: -inf, hi: v}, true
		case ">":
			return numRange{lo: v, hi: inf, loStrict: true}, true
		case "<":
			return numRange{lo: -inf, hi: v, hiStrict: true}, true
		}
		s = rest
		break
	}
	r, ok := parseRange(s, true)
	if ok && r.lo == r.hi {
		// A plain number matches within the conflict tolerance, so that
		// value:5.9 finds 5.93 the way a reader means it.
		d := math.Abs(r.lo) * 2 * relTolerance
		r.lo, r.hi = r.lo-d, r.hi+d
	}
	return r, ok
}

// overlaps reports whether [lo, hi] meets r.
func (r numRange) overlaps(lo, hi float64) bool {
	if r.loStrict && hi <= r.lo || hi < r.lo {
		return false
	}
	if r.hiStrict && lo >= r.hi || lo > r.hi {
		return false
	}
	return true
}

// nearest returns the candidate within two edits of s (or that s is a
// prefix of), or "" when none is close enough to suggest.
func nearest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		d := editDistance(s, c)
		if len(s) >= 2 && strings.HasPrefix(c, s) {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// searchIndex holds the lowercase fields a query compares, made once per
// corpus on the first query, so that matching is comparisons in flat slices
// and substring searches in a few long strings, with no allocation per
// indicator.
//
// A free word is looked for in an indicator's fields (metric, subject, text,
// unit, counted), its document's title and its sentence. All but the text
// come from small vocabularies, so each indicator keeps indexes into one
// list of their lowercase forms (words), and a word is looked for in that
// list once per query rather than in a copy per indicator: on Reuters this
// list is a few hundred strings where copies were 5 MB.
type searchIndex struct {
	texts    packed   // per indicator: lowercase text of the figure
	sents    packed   // lowercase sentences that hold a figure, each once
	docTitle packed   // per document: lowercase title and ID, for words and doc:
	sent     []int32  // per indicator: index in sents
	doc      []int32  // per indicator: document index
	metric   []int32  // per indicator: its metric, both spellings ("gdp_share\x00gdp share"), an index in words
	subject  []int32  // per indicator: its lowercase subject, an index in words
	unit     []int32  // per indicator: its lowercase unit, an index in words
	counted  []int32  // per indicator: what it counts, lowercase, an index in words
	words    []string // the distinct values of the four above
	docYear  []int    // per document: publication year, 0 when unknown
}

// wordIn returns, for each of x.words, whether it contains w.
func (x *searchIndex) wordIn(w string) []bool {
	in := make([]bool, len(x.words))
	for k, s := range x.words {
		in[k] = strings.Contains(s, w)
	}
	return in
}

// fieldHas reports whether indicator i's fields hold w, for one indicator.
func (x *searchIndex) fieldHas(i int, w string) bool {
	return strings.Contains(x.words[x.metric[i]], w) || strings.Contains(x.words[x.subject[i]], w) ||
		strings.Contains(x.words[x.unit[i]], w) || strings.Contains(x.words[x.counted[i]], w) ||
		strings.Contains(x.texts.get(i), w)
}

// fieldHit reports whether indicator i's fields hold the word whose
// vocabulary hits are inWords and which is w.
func (x *searchIndex) fieldHit(i int, w string, inWords []bool) bool {
	return inWords[x.metric[i]] || inWords[x.subject[i]] || inWords[x.unit[i]] || inWords[x.counted[i]] ||
		strings.Contains(x.texts.get(i), w)
}

// packed is a list of strings stored end to end in one, each followed by a
// separator no query word holds, so that a word is found in all of them
// with one pass of strings.Index (vectorised) instead of one call each.
type packed struct {
	all string
	off []int32 // off[i] is where string i starts; off[len] is len(all)
}

// packSep ends each string of a packed list; a match cannot span two.
const packSep = '\x01'

// packer builds a packed list.
type packer struct {
	b   strings.Builder
	off []int32
}

// add appends s, lowercased.
func (p *packer) add(s string) {
	p.off = append(p.off, int32(p.b.Len()))
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			// Non-ASCII: let the library lowercase it properly.
			p.b.WriteString(strings.ToLower(s[i:]))
			p.b.WriteByte(packSep)
			return
		}
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		p.b.WriteByte(c)
	}
	p.b.WriteByte(packSep)
}

// done returns the packed list. The builder and the offsets grew by
// doubling, and the index lives as long as its snapshot, so both are kept
// at their exact size: on Reuters the slack was 2 MB.
func (p *packer) done() packed {
	all := p.b.String()
	if p.b.Cap() > len(all)+len(all)/16 {
		all = strings.Clone(all)
	}
	off := make([]int32, len(p.off)+1)
	copy(off, p.off)
	off[len(p.off)] = int32(len(all))
	return packed{all: all, off: off}
}

// get returns string i, without its separator.
func (p *packed) get(i int) string { return p.all[p.off[i] : p.off[i+1]-1] }

// hits returns, for each string of the list, whether it contains w.
func (p *packed) hits(w string) []bool {
	out := make([]bool, len(p.off)-1)
	if w == "" {
		for i := range out {
			out[i] = true
		}
		return out
	}
	from := 0
	for from < len(p.all) {
		k := strings.Index(p.all[from:], w)
		if k < 0 {
			break
		}
		at := int32(from + k)
		// The string holding the match: the last offset <= at.
		i, _ := slices.BinarySearch(p.off, at)
		if i == len(p.off) || p.off[i] > at {
			i--
		}
		out[i] = true
		from = int(p.off[i+1]) // one hit per string is enough
	}
	return out
}

// searchIdx builds the index on first use; Corpus is shared, so sync.Once.
func (c *Corpus) searchIdx() *searchIndex {
	c.searchOnce.Do(func() { c.search = buildSearch(c) })
	return c.search
}

// lower returns s in lower case, interning short repeated values (subjects,
// units) so that 64k indicators do not hold 64k copies of "kazakhstan".

func buildSearch(c *Corpus) *searchIndex {
	n := len(c.Indicators)
	x := &searchIndex{
		sent: make([]int32, n), doc: make([]int32, n),
		metric: make([]int32, n), subject: make([]int32, n), unit: make([]int32, n), counted: make([]int32, n),
		docYear: make([]int, len(c.Documents)),
	}
	var titles packer
	for i, d := range c.Documents {
		titles.add(d.Title + "\x00" + d.ID)
		x.docYear[i] = d.Date.Year
	}
	x.docTitle = titles.done()
	word := map[string]int32{} // as written -> index in x.words
	lowerWord := func(s string) int32 {
		if i, ok := word[s]; ok {
			return i
		}
		i := int32(len(x.words))
		x.words = append(x.words, strings.ToLower(s))
		word[s] = i
		return i
	}
	type sentKey struct {
		doc   int32
		start int
	}
	last := sentKey{-1, -1}
	metricWord := map[string]int32{} // metric -> index in x.words of both its spellings
	var texts, sents packer
	for i := range c.Indicators {
		in := &c.Indicators[i]
		di := int32(c.byID[in.Doc])
		x.doc[i] = di
		m, ok := metricWord[in.Metric]
		if !ok {
			m = lowerWord(in.Metric + "\x00" + strings.ReplaceAll(in.Metric, "_", " "))
			metricWord[in.Metric] = m
		}
		x.metric[i] = m
		x.subject[i] = lowerWord(in.Subject)
		x.unit[i] = lowerWord(in.Unit)
		x.counted[i] = lowerWord(in.Counted)
		texts.add(in.Text)
		// Indicators of one sentence are adjacent: keep one copy of it.
		k := sentKey{di, in.Sentence.Start}
		if k != last {
			text := c.Documents[di].Text
			s := ""
			if in.Sentence.Start >= 0 && in.Sentence.End <= len(text) && in.Sentence.Start <= in.Sentence.End {
				s = text[in.Sentence.Start:in.Sentence.End]
			}
			sents.add(s)
			last = k
		}
		x.sent[i] = int32(len(sents.off) - 1)
	}
	x.texts, x.sents = texts.done(), sents.done()
	return x
}

// wordHits returns, for each indicator, whether word w is in its fields,
// its document's title or its sentence: three passes of strings.Index over
// packed lists, then one over the indicators.
func (x *searchIndex) wordHits(w string) []bool {
	hit := x.texts.hits(w)
	inWords := x.wordIn(w)
	title := x.docTitle.hits(w)
	sent := x.sents.hits(w)
	for i := range hit {
		hit[i] = hit[i] || inWords[x.metric[i]] || inWords[x.subject[i]] || inWords[x.unit[i]] || inWords[x.counted[i]] ||
			title[x.doc[i]] || sent[x.sent[i]]
	}
	return hit
}

// Match reports whether indicator in (of corpus c) matches the query. To
// filter many indicators, Filter is much faster.
func (q Query) Match(c *Corpus, in *Indicator) bool {
	if len(q.terms) == 0 {
		return true
	}
	x := c.searchIdx()
	i := in.ID
	if i < 0 || i >= len(x.doc) {
		return false
	}
	for t := range q.terms {
		if !q.terms[t].matchIndicator(c, x, i) {
			return false
		}
	}
	return true
}

// Filter returns the IDs of the indicators of c that match, in ID order. It
// is the tight loop behind the dashboard's filter, in two steps:
//
//  1. one pass over the indicators checks the facets (comparisons in flat
//     slices, no allocation), leaving the candidates;
//  2. each free word, longest (usually rarest) first, narrows the
//     candidates: while they are many, with one strings.Index pass over
//     the packed fields of the whole corpus (wordHits); once they are few,
//     with a search in each candidate's own fields, a sentence shared by
//     several figures searched once.
func (q Query) Filter(c *Corpus) []int {
	n := len(c.Indicators)
	if len(q.terms) == 0 {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	x := c.searchIdx()
	var words []*term
	for t := range q.terms {
		if q.terms[t].kind == facetWord {
			words = append(words, &q.terms[t])
		}
	}
	facets := q.terms[:len(q.terms)-len(words)] // ParseQuery put the facets first
	cand := make([]int, 0, n)
next:
	for i := 0; i < n; i++ {
		for t := range facets {
			if !facets[t].matchIndicator(c, x, i) {
				continue next
			}
		}
		cand = append(cand, i)
	}
	slices.SortStableFunc(words, func(a, b *term) int { return len(b.values[0]) - len(a.values[0]) })
	for _, w := range words {
		word := w.values[0]
		keep := cand[:0]
		// A packed pass reads about 300 bytes per indicator of the corpus,
		// a per-candidate search about as much per candidate plus three
		// calls: below a third of the corpus, go per candidate.
		if 3*len(cand) > n {
			hits := x.wordHits(word)
			for _, i := range cand {
				if hits[i] != w.neg {
					keep = append(keep, i)
				}
			}
		} else {
			lastSent, lastHit := int32(-1), false
			inWords := x.wordIn(word)
			for _, i := range cand {
				hit := x.fieldHit(i, word, inWords) || strings.Contains(x.docTitle.get(int(x.doc[i])), word)
				if !hit {
					if s := x.sent[i]; s != lastSent {
						lastSent, lastHit = s, strings.Contains(x.sents.get(int(s)), word)
					}
					hit = lastHit
				}
				if hit != w.neg {
					keep = append(keep, i)
				}
			}
		}
		cand = keep
	}
	return cand
}

// matchIndicator reports whether the term holds for indicator i.
func (t *term) matchIndicator(c *Corpus, x *searchIndex, i int) bool {
	in := &c.Indicators[i]
	hit := false
	switch t.kind {
	case facetWord:
		w := t.values[0]
		hit = x.fieldHas(i, w) || strings.Contains(x.docTitle.get(int(x.doc[i])), w) ||
			strings.Contains(x.sents.get(int(x.sent[i])), w)
	case facetMetric:
		hit = anyEqual(t.values, in.Metric)
	case facetSubject:
		hit = anyEqual(t.values, x.words[x.subject[i]])
	case facetUnit:
		hit = anyEqual(t.values, x.words[x.unit[i]])
	case facetQualifier:
		hit = anyEqual(t.values, in.Qualifier)
	case facetCounted:
		hit = anyContains(x.words[x.counted[i]], t.values)
	case facetDoc:
		hit = anyContains(x.docTitle.get(int(x.doc[i])), t.values)
	case facetYear:
		lo, hi := 0, 0
		if in.Period != nil {
			lo, hi = in.Period.From, in.Period.To
		} else if y := x.docYear[x.doc[i]]; y != 0 {
			lo, hi = y, y
		}
		hit = lo != 0 && anyOverlaps(t.nums, float64(lo), float64(hi))
	case facetValue:
		lo, hi := in.Value, in.Value
		if in.IsRange {
			lo, hi = min(in.Low, in.High), max(in.Low, in.High)
		}
		hit = anyOverlaps(t.nums, lo, hi)
	case facetConflict:
		hit = c.HasConflict(i) == t.yes
	}
	return hit != t.neg
}

func anyEqual(vals []string, s string) bool {
	for _, v := range vals {
		if v == s {
			return true
		}
	}
	return false
}

func anyContains(s string, vals []string) bool {
	for _, v := range vals {
		if strings.Contains(s, v) {
			return true
		}
	}
	return false
}

func anyOverlaps(rs []numRange, lo, hi float64) bool {
	for _, r := range rs {
		if r.overlaps(lo, hi) {
			return true
		}
	}
	return false
}

// MatchEvent reports whether event e (of corpus c) matches the facets that
// apply to events: doc, year (the event's years) and free words (over its
// text, summary and document title). Facets about figures (metric, subject,
// value...) say nothing about a date and are ignored here.
func (q Query) MatchEvent(c *Corpus, e *Event) bool {
	var title string
	var hay string
	for t := range q.terms {
		tm := &q.terms[t]
		hit := true
		switch tm.kind {
		case facetWord, facetDoc:
			if title == "" {
				if d := c.Doc(e.Doc); d != nil {
					title = strings.ToLower(d.Title + "\x00" + d.ID)
				}
			}
			if tm.kind == facetDoc {
				hit = anyContains(title, tm.values)
				break
			}
			if hay == "" {
				hay = strings.ToLower(e.Text + "\x00" + e.Summary)
			}
			hit = strings.Contains(hay, tm.values[0]) || strings.Contains(title, tm.values[0])
		case facetYear:
			hit = anyOverlaps(tm.nums, float64(e.Year), float64(max(e.EndYear, e.Year)))
		default:
			continue
		}
		if hit == tm.neg {
			return false
		}
	}
	return true
}

// Select returns the part of c that `corridor extract -query` writes: the
// indicators that match; the documents holding at least one of them; the
// events of those documents that match the query's doc, year and words (see
// MatchEvent); and every problem, since problems are about loading, not
// content. IDs are renumbered from 0 so the result is a Corpus like any
// other; c is not changed.
func (q Query) Select(c *Corpus) *Corpus {
	if q.IsZero() {
		return c
	}
	ids := q.Filter(c)
	keep := make(map[string]bool)
	for _, i := range ids {
		keep[c.Indicators[i].Doc] = true
	}
	out := NewCorpus()
	for _, d := range c.Documents {
		if keep[d.ID] {
			out.byID[d.ID] = len(out.Documents)
			out.Documents = append(out.Documents, d)
		}
	}
	out.Indicators = make([]Indicator, 0, len(ids))
	for _, i := range ids {
		in := c.Indicators[i]
		in.ID = len(out.Indicators)
		out.Indicators = append(out.Indicators, in)
	}
	for i := range c.Events {
		e := c.Events[i]
		if keep[e.Doc] && q.MatchEvent(c, &e) {
			e.ID = len(out.Events)
			out.Events = append(out.Events, e)
		}
	}
	out.Problems = append([]Problem{}, c.Problems...)
	return out
}
