package tui

import (
	"slices"
	"strings"

	"corridor/model"
)

// The table's filter speaks the model's query language (model.ParseQuery):
//
//	metric:rail_freight subject:kazakhstan year:2020..2025 doc:"trade" rail freight
//
// with one difference, decided on purpose: the plain free words (not
// negated, not quoted) are not matched as the model's substrings but by the
// table's own fuzzy scorer (fuzzySearch), which ranks the rows (an exact
// word over a prefix over a substring, the whole phrase in the sentence
// first) and forgives typos ("frght" still finds freight). Everything else
// — facets, -negated words and "quoted phrases" — goes to
// model.Query.Filter, the fast path, whose exact semantics are what
// exclusion and phrases want. So `metric:rail_freight kazakstan` keeps the
// rail-freight figures, then ranks them by how well they match
// "kazakstan". `corridor extract -query` uses the model alone, so a free
// word with a typo can find rows here that extract does not.

// splitQuery separates a query into the part model.Query handles (facets,
// negated words, quoted phrases) and the plain words the fuzzy scorer
// ranks. Terms are split as model.ParseQuery splits them: at spaces
// outside quotes. It does not validate: ParseQuery does that.
func splitQuery(s string) (modelPart, words string) {
	var mp, ws []string
	for i := 0; i < len(s); {
		for i < len(s) && isBlank(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		end := termEnd(s, i)
		t := s[i:end]
		if isModelTerm(t) {
			mp = append(mp, t)
		} else {
			ws = append(ws, t)
		}
		i = end
	}
	return strings.Join(mp, " "), strings.Join(ws, " ")
}

// termEnd returns where the term starting at s[i] ends: the next blank
// outside double quotes, or the end (an unclosed quote runs to the end).
func termEnd(s string, i int) int {
	for i < len(s) && !isBlank(s[i]) {
		if s[i] == '"' {
			if k := strings.IndexByte(s[i+1:], '"'); k >= 0 {
				i += k + 2
				continue
			}
			return len(s)
		}
		i++
	}
	return i
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// isModelTerm reports whether a term is for model.Query: a known facet
// (facet:value), a negation (-word) or a quoted phrase.
func isModelTerm(t string) bool {
	if t[0] == '"' || len(t) > 1 && t[0] == '-' {
		return true
	}
	name, _, ok := strings.Cut(t, ":")
	return ok && slices.Contains(model.Facets, strings.ToLower(name))
}

// search returns the indicators matching query, best first, ties in
// tieOrder's order: the model's part of the query (see splitQuery) keeps
// the candidates, the fuzzy scorer ranks them by the free words. A query
// that does not parse matches nothing; callers check it with
// model.ParseQuery first and keep their previous rows instead.
func (x *tableIndex) search(query string, tieOrder []int32) []int32 {
	mp, words := splitQuery(query)
	if mp != "" {
		q, err := model.ParseQuery(mp)
		if err != nil {
			return nil
		}
		keep := make([]bool, len(x.c.Indicators))
		for _, id := range q.Filter(x.c) {
			keep[id] = true
		}
		cand := make([]int32, 0, len(tieOrder))
		for _, id := range tieOrder {
			if keep[id] {
				cand = append(cand, id)
			}
		}
		tieOrder = cand
	}
	if strings.TrimSpace(words) == "" {
		return tieOrder
	}
	return x.fuzzySearch(words, tieOrder)
}

// facetSummary is the few commonest values of one facet among the rows a
// filter leaves, for the table's summary line.
type facetSummary struct {
	facet  string
	counts []model.FacetCount
}

// summaryFacets are the facets the summary line counts, in order.
var summaryFacets = []string{"metric", "subject", "year"}

// summarise counts the summary facets over ids, keeping the first few
// values of each: a line has room for no more.
func (x *tableIndex) summarise(ids []int32) []facetSummary {
	all := make([]int, len(ids))
	for i, id := range ids {
		all[i] = int(id)
	}
	var out []facetSummary
	for _, f := range summaryFacets {
		fc := model.FacetCounts(x.c, f, all)
		out = append(out, facetSummary{f, fc[:min(len(fc), 4)]})
	}
	return out
}
