package model

import (
	"slices"
	"strconv"
	"strings"
)

// Completion of queries and counts per facet value, for the dashboard's
// filter line: what can be typed next, and how many figures each value
// would leave.

// Completion is one way to finish the word under the cursor.
type Completion struct {
	Text  string // the whole term after completion, e.g. `subject:kazakhstan` or `metric:`
	Start int    // byte offset in the input where the replaced term starts
	End   int    // byte offset where it ends; replace input[Start:End] with Text
	Value string // the value or facet offered, as shown in a menu
	Count int    // indicators with that value in the corpus; 0 for facet names
}

// Complete returns completions for the term at byte offset cursor of input:
// facet names while the term has no colon, else the facet's values in c
// that start with (then contain) what is typed, most frequent first, with
// their counts. For facet:a,b it completes the value after the last comma.
func Complete(c *Corpus, input string, cursor int) []Completion {
	cursor = max(0, min(cursor, len(input)))
	start := cursor
	for start > 0 && !isSpace(input[start-1]) {
		start--
	}
	end := cursor
	for end < len(input) && !isSpace(input[end]) {
		end++
	}
	word := input[start:cursor]
	neg := ""
	if strings.HasPrefix(word, "-") {
		neg, word = "-", word[1:]
	}
	name, typed, hasColon := strings.Cut(word, ":")
	var out []Completion
	if !hasColon {
		lw := strings.ToLower(word)
		for _, f := range Facets {
			if strings.HasPrefix(f, lw) {
				out = append(out, Completion{Text: neg + f + ":", Start: start, End: end, Value: f})
			}
		}
		return out
	}
	facet := strings.ToLower(name)
	if facetByName(facet) == facetWord {
		return nil
	}
	head := ""
	if k := strings.LastIndexByte(typed, ','); k >= 0 {
		head, typed = typed[:k+1], typed[k+1:]
	}
	typed = strings.ToLower(strings.Trim(typed, `"`))
	var prefix, inside []Completion
	for _, fc := range FacetCounts(c, facet, nil) {
		lv := strings.ToLower(fc.Value)
		v := fc.Value
		if facet != "doc" && facet != "counted" && facet != "year" {
			v = lv
		}
		if strings.ContainsAny(v, " \t,\"") {
			v = `"` + v + `"`
		}
		comp := Completion{Text: neg + facet + ":" + head + v, Start: start, End: end, Value: fc.Value, Count: fc.Count}
		switch {
		case strings.HasPrefix(lv, typed):
			prefix = append(prefix, comp)
		case strings.Contains(lv, typed):
			inside = append(inside, comp)
		}
	}
	return append(prefix, inside...)
}

// FacetCount is how many indicators have one value of a facet.
type FacetCount struct {
	Value string // as it appears in the corpus ("Kazakhstan", "rail_freight", "2023", "yes")
	Count int
}

// FacetCounts counts the values of facet over the indicators ids (all of c
// when ids is nil), most frequent first, then by value. A figure whose
// period spans several years counts once for each year (periods over 200
// years are history rather than statistics and are not counted); one with no
// subject, unit, qualifier or counted thing is not counted for that facet.
// For doc the values are document IDs; a large corpus has thousands, so a
// menu should show the first few.
// The value facet has no discrete values and yields nil.
func FacetCounts(c *Corpus, facet string, ids []int) []FacetCount {
	kind := facetByName(strings.ToLower(facet))
	if kind == facetWord || kind == facetValue {
		return nil
	}
	counts := map[string]int{}
	var yearCounts map[int]int
	each := func(fn func(int)) {
		if ids == nil {
			for i := range c.Indicators {
				fn(i)
			}
			return
		}
		for _, i := range ids {
			if i >= 0 && i < len(c.Indicators) {
				fn(i)
			}
		}
	}
	switch kind {
	case facetYear:
		yearCounts = map[int]int{}
		each(func(i int) {
			in := &c.Indicators[i]
			if in.Period != nil && in.Period.To-in.Period.From < 200 {
				for y := in.Period.From; y <= in.Period.To; y++ {
					yearCounts[y]++
				}
			} else if d := c.Doc(in.Doc); in.Period == nil && d != nil && d.Date.Year != 0 {
				yearCounts[d.Date.Year]++
			}
		})
		for y, n := range yearCounts {
			counts[strconv.Itoa(y)] = n
		}
	case facetConflict:
		each(func(i int) {
			if c.HasConflict(i) {
				counts["yes"]++
			} else {
				counts["no"]++
			}
		})
	default:
		each(func(i int) {
			in := &c.Indicators[i]
			var v string
			switch kind {
			case facetMetric:
				v = in.Metric
			case facetSubject:
				v = in.Subject
			case facetUnit:
				v = in.Unit
			case facetQualifier:
				v = in.Qualifier
			case facetCounted:
				v = in.Counted
			case facetDoc:
				v = in.Doc
			}
			if v != "" {
				counts[v]++
			}
		})
	}
	out := make([]FacetCount, 0, len(counts))
	for v, n := range counts {
		out = append(out, FacetCount{v, n})
	}
	sortFacetCounts(out)
	return out
}

// sortFacetCounts orders by count, descending, then by value.
func sortFacetCounts(fc []FacetCount) {
	slices.SortFunc(fc, func(a, b FacetCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
}
