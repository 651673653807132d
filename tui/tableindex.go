package tui

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"corridor/model"
)

// tableIndex holds everything the indicator table precomputes once per
// corpus, so that a keypress never costs work proportional to the corpus:
// one sort order per column, the group of every indicator, and (built on the
// first filter) a word index for the fuzzy filter. It belongs to one Model
// (one SSH session); copies of the table pane share it by pointer, and only
// the caches below are written after construction, from Update.
type tableIndex struct {
	c      *model.Corpus
	titles []string // document title (or ID) per indicator's document, by doc index
	docOf  []int32  // document index of each indicator

	asc  [numCols][]int32 // indicator IDs sorted ascending by each column, ties by ID
	desc [numCols][]int32 // the reverse orders, made on first use

	groupOf     [numGroupings][]int32 // group number of each indicator (alphabetical by label)
	groupLabels [numGroupings][]string
	metricOf    map[string]model.Metric // metric group label -> the metric, for its sparkline

	grouped map[viewKey]groupedView // unfiltered grouped views, made on first use

	words *wordIndex // the filter's index, made on the first filter

	// conflicts says some figures disagree (model.Corpus.HasConflict): the
	// rows then have a column for the mark, and x compares.
	conflicts bool
}

// viewKey names an unfiltered view of the table.
type viewKey struct {
	col  tableCol
	desc bool
	g    grouping
}

// groupedView is a view's row order with where each group starts.
type groupedView struct {
	rows   []int32
	groups []tableGroup
}

// tableGroup is one group of rows in a grouped view.
type tableGroup struct {
	label string
	start int // index in rows of the group's first row
}

// newTableIndex sorts the corpus's indicators by every column.
func newTableIndex(c *model.Corpus) *tableIndex {
	n := len(c.Indicators)
	x := &tableIndex{c: c, docOf: make([]int32, n), grouped: map[viewKey]groupedView{}, metricOf: map[string]model.Metric{}}
	docIdx := make(map[string]int32, len(c.Documents))
	for i, d := range c.Documents {
		docIdx[d.ID] = int32(i)
		t := d.Title
		if t == "" {
			t = d.ID
		}
		x.titles = append(x.titles, t)
	}
	for i := range c.Indicators {
		x.docOf[i] = docIdx[c.Indicators[i].Doc]
	}
	ids := make([]int32, n)
	for i := range ids {
		ids[i] = int32(i)
	}
	for col := tableCol(0); col < numCols; col++ {
		order := slices.Clone(ids)
		slices.SortStableFunc(order, func(a, b int32) int { return x.compare(col, a, b) })
		x.asc[col] = order
	}
	for g := groupMetric; g < numGroupings; g++ {
		x.groupOf[g], x.groupLabels[g] = x.groupsBy(g)
	}
	x.conflicts = c.ConflictCount() > 0
	return x
}

// compare orders two indicators by a column; ties keep corpus order
// (the sort is stable).
func (x *tableIndex) compare(col tableCol, a, b int32) int {
	ia, ib := &x.c.Indicators[a], &x.c.Indicators[b]
	switch col {
	case colMetric:
		return cmp.Compare(ia.Metric, ib.Metric)
	case colSubject:
		return cmp.Compare(ia.Subject, ib.Subject)
	case colValue:
		// Comparable figures share a unit, so sort by unit first.
		if c := cmp.Compare(ia.Unit, ib.Unit); c != 0 {
			return c
		}
		return cmp.Compare(sortValue(ia), sortValue(ib))
	case colPeriod:
		return cmp.Compare(periodKey(ia.Period), periodKey(ib.Period))
	}
	return cmp.Compare(x.docOf[a], x.docOf[b])
}

// sortValue is the value a figure sorts by: a range by its midpoint.
func sortValue(in *model.Indicator) float64 {
	if in.IsRange {
		return (in.Low + in.High) / 2
	}
	return in.Value
}

// periodKey sorts periods by first then last year, undated last.
func periodKey(p *model.Period) int {
	if p == nil || p.From == 0 {
		return 1 << 30
	}
	return p.From*10000 + p.To
}

// groupsBy numbers the distinct labels of a grouping alphabetically and
// returns each indicator's number, and the labels.
func (x *tableIndex) groupsBy(g grouping) ([]int32, []string) {
	label := func(in *model.Indicator) string {
		if g == groupMetric {
			return metricLabel(in.Metric)
		}
		if in.Subject == "" {
			return "(no subject)"
		}
		return in.Subject
	}
	seen := map[string]bool{}
	var labels []string
	for i := range x.c.Indicators {
		if l := label(&x.c.Indicators[i]); !seen[l] {
			seen[l] = true
			labels = append(labels, l)
			if g == groupMetric {
				x.metricOf[l] = x.c.Indicators[i].Metric
			}
		}
	}
	slices.Sort(labels)
	num := make(map[string]int32, len(labels))
	for i, l := range labels {
		num[l] = int32(i)
	}
	of := make([]int32, len(x.c.Indicators))
	for i := range x.c.Indicators {
		of[i] = num[label(&x.c.Indicators[i])]
	}
	return of, labels
}

// order returns the indicators sorted by col, reversed when desc. The
// slice is shared: callers must not modify it.
func (x *tableIndex) order(col tableCol, desc bool) []int32 {
	if !desc {
		return x.asc[col]
	}
	if x.desc[col] == nil {
		x.desc[col] = slices.Clone(x.asc[col])
		slices.Reverse(x.desc[col])
	}
	return x.desc[col]
}

// group splits rows into groups with a counting sort, which keeps the
// order of rows within each group (so a descending sort stays descending
// inside every group) in time linear in len(rows).
func (x *tableIndex) group(rows []int32, g grouping) groupedView {
	if g == groupNone {
		return groupedView{rows: rows}
	}
	of, labels := x.groupOf[g], x.groupLabels[g]
	count := make([]int, len(labels)+1)
	for _, id := range rows {
		count[of[id]+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	var v groupedView
	for gi, l := range labels {
		if count[gi+1] > count[gi] {
			v.groups = append(v.groups, tableGroup{label: l, start: count[gi]})
		}
	}
	v.rows = make([]int32, len(rows))
	next := slices.Clone(count[:len(labels)])
	for _, id := range rows {
		v.rows[next[of[id]]] = id
		next[of[id]]++
	}
	return v
}

// view returns the unfiltered view for a sort and grouping, cached.
func (x *tableIndex) view(col tableCol, desc bool, g grouping) groupedView {
	k := viewKey{col, desc, g}
	if v, ok := x.grouped[k]; ok {
		return v
	}
	v := x.group(x.order(col, desc), g)
	x.grouped[k] = v
	return v
}

// wordIndex maps every indicator to the words of all its fields: metric,
// subject, value as shown, period, unit, qualifier, its sentence, and its
// document's title and ID. Words are numbered in a vocabulary so that a
// query token is matched against each distinct word once, not once per
// indicator.
type wordIndex struct {
	vocab []string
	ind   [][]int32 // word numbers of each indicator's own fields
	doc   [][]int32 // word numbers of each document's title and ID
}

// wordIdx builds the word index on first use.
func (x *tableIndex) wordIdx() *wordIndex {
	if x.words != nil {
		return x.words
	}
	w := &wordIndex{ind: make([][]int32, len(x.c.Indicators)), doc: make([][]int32, len(x.c.Documents))}
	num := map[string]int32{}
	add := func(dst []int32, s string) []int32 {
		for _, t := range tokens(s) {
			n, ok := num[t]
			if !ok {
				n = int32(len(w.vocab))
				num[t] = n
				w.vocab = append(w.vocab, t)
			}
			if !slices.Contains(dst, n) {
				dst = append(dst, n)
			}
		}
		return dst
	}
	for i, d := range x.c.Documents {
		w.doc[i] = add(add(nil, x.titles[i]), d.ID)
	}
	for i := range x.c.Indicators {
		in := &x.c.Indicators[i]
		f := metricLabel(in.Metric) + " " + in.Subject + " " + formatValue(in) + " " + formatPeriod(in.Period) +
			" " + in.Unit + " " + in.Counted + " " + in.Qualifier + " " + in.Text + " " + x.sentence(in)
		w.ind[i] = add(nil, f)
	}
	x.words = w
	return w
}

// sentence returns the sentence an indicator came from.
func (x *tableIndex) sentence(in *model.Indicator) string {
	d := x.c.Documents[x.docOf[in.ID]]
	if in.Sentence.Start < 0 || in.Sentence.End > len(d.Text) || in.Sentence.Start >= in.Sentence.End {
		return in.Text
	}
	return d.Text[in.Sentence.Start:in.Sentence.End]
}

// tokens lower-cases s and splits it into runs of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Scores of a query token against a word: an exact word counts most, then a
// prefix, then a substring, then a fuzzy match (letters in order, same first
// letter) — which is what lets "frieght" still find "freight".
const (
	scoreExact  = 100
	scorePrefix = 60
	scoreSub    = 40
	scoreFuzzy  = 15
	scorePhrase = 200 // the whole query appears as typed in the sentence
)

// fuzzySearch returns the IDs of the indicators of tieOrder matching every
// token of query, best first, ties in the order given by tieOrder. Its cost
// is linear in len(tieOrder); it runs only when the filter text changes.
// search (tablequery.go) gives it the free words of a query.
func (x *tableIndex) fuzzySearch(query string, tieOrder []int32) []int32 {
	toks := tokens(query)
	if len(toks) == 0 {
		return tieOrder
	}
	w := x.wordIdx()
	per := make([][]uint8, len(toks)) // score of each vocabulary word, per token
	for ti, t := range toks {
		s := make([]uint8, len(w.vocab))
		for vi, word := range w.vocab {
			switch {
			case word == t:
				s[vi] = scoreExact
			case strings.HasPrefix(word, t):
				s[vi] = scorePrefix
			case strings.Contains(word, t):
				s[vi] = scoreSub
			}
		}
		if utf8.RuneCountInString(t) >= 3 {
			// A fuzzy match must start at the word's first letter, so only
			// the unmatched words starting with t's first byte are tried:
			// a twentieth of a large vocabulary, and the fuzzy matcher is
			// the costly part of a query (10 ms over Reuters' vocabulary).
			var sub []string
			var at []int
			for vi, word := range w.vocab {
				if s[vi] == 0 && word != "" && word[0] == t[0] {
					sub = append(sub, word)
					at = append(at, vi)
				}
			}
			for _, m := range fuzzy.FindNoSort(t, sub) {
				if len(m.MatchedIndexes) > 0 && m.MatchedIndexes[0] == 0 {
					s[at[m.Index]] = scoreFuzzy
				}
			}
		}
		per[ti] = s
	}
	phrase := strings.Join(toks, " ")
	score := make([]int, len(x.c.Indicators))
	var hits []int32
	for _, id := range tieOrder {
		total := 0
		for _, s := range per {
			best := uint8(0)
			for _, n := range w.ind[id] {
				best = max(best, s[n])
			}
			for _, n := range w.doc[x.docOf[id]] {
				best = max(best, s[n])
			}
			if best == 0 {
				total = 0
				break
			}
			total += int(best)
		}
		if total == 0 {
			continue
		}
		if len(toks) > 1 && strings.Contains(strings.Join(tokens(x.sentence(&x.c.Indicators[id])), " "), phrase) {
			total += scorePhrase
		}
		score[id] = total
		hits = append(hits, id)
	}
	slices.SortStableFunc(hits, func(a, b int32) int { return cmp.Compare(score[b], score[a]) })
	return hits
}
