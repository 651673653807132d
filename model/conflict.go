package model

import (
	"math"
	"slices"
	"strconv"
)

// Conflicting figures. Clippings from different years and outlets often give
// different numbers for what is meant to be the same thing, and a reader
// should see that before quoting one of them. The rule:
//
// Two indicators conflict when
//
//   - they come from different documents (one article giving two values for
//     the same thing is nearly always two different things the classifier
//     could not tell apart);
//   - they have the same metric, other than "other", the same non-empty
//     subject, the same period (both set: a figure with no period cannot be
//     said to be about the same time as another), and the same unit, counted
//     thing and rate;
//   - and their values disagree: each figure is taken as an interval, a
//     single value as [v, v], a range as [low, high], "over"/"at least" v as
//     [v, +inf), "under"/"up to" v as (-inf, v], "approximately"/"nearly" v
//     as v±5%; each end is widened by 0.25% of its size, so that values
//     within about 0.5% of each other (5.92 and 5.9) agree; two
//     figures agree when their intervals overlap, and conflict otherwise.
//
// The marks are computed once per Corpus, on first use, in
// O(indicators); Conflicts(id) then costs the size of id's group.

// relTolerance is how far each end of a figure's interval is widened,
// relative to its size; two single values within about twice this agree.
const relTolerance = 0.0025

// approxTolerance is how far "approximately" and "nearly" stretch a value.
const approxTolerance = 0.05

// conflictIndex is what Corpus.Conflicts needs, made once per corpus.
type conflictIndex struct {
	group   []int32   // indicator ID -> index in groups, or -1 when not comparable
	groups  [][]int32 // comparable indicators, by key
	lo, hi  []float64 // each indicator's interval
	doc     []int32   // each indicator's document index
	marked  []bool    // indicator ID -> has at least one conflict
	nMarked int
}

// HasConflict reports whether another document gives a figure for the same
// metric, subject, period and unit that disagrees with indicator id. It is
// cheap enough to call for every row a table draws.
func (c *Corpus) HasConflict(id int) bool {
	x := c.conflictIdx()
	return id >= 0 && id < len(x.marked) && x.marked[id]
}

// ConflictCount returns how many indicators have at least one conflict.
func (c *Corpus) ConflictCount() int { return c.conflictIdx().nMarked }

// Conflicts returns the IDs of the indicators that disagree with indicator
// id (see the rule above), newest document date first, then by ID; nil
// when there are none.
func (c *Corpus) Conflicts(id int) []int {
	x := c.conflictIdx()
	if id < 0 || id >= len(x.group) || !x.marked[id] {
		return nil
	}
	var out []int
	for _, j := range x.groups[x.group[id]] {
		if x.doc[j] != x.doc[id] && (x.hi[j] < x.lo[id] || x.lo[j] > x.hi[id]) {
			out = append(out, int(j))
		}
	}
	slices.SortFunc(out, func(a, b int) int {
		da := c.Documents[x.doc[a]].Date
		db := c.Documents[x.doc[b]].Date
		if n := cmpDate(db, da); n != 0 {
			return n
		}
		return a - b
	})
	return out
}

// cmpDate orders dates; unknown parts sort first.
func cmpDate(a, b Date) int {
	switch {
	case a.Year != b.Year:
		return a.Year - b.Year
	case a.Month != b.Month:
		return a.Month - b.Month
	}
	return a.Day - b.Day
}

// interval returns the figure as the closed interval of values it allows,
// widened by the tolerance.
func interval(in *Indicator) (lo, hi float64) {
	lo, hi = in.Value, in.Value
	if in.IsRange {
		lo, hi = min(in.Low, in.High), max(in.Low, in.High)
	} else {
		switch in.Qualifier {
		case "over", "at least":
			hi = math.Inf(1)
		case "under", "up to":
			lo = math.Inf(-1)
		case "approximately", "nearly":
			d := math.Abs(in.Value) * approxTolerance
			lo, hi = in.Value-d, in.Value+d
		}
	}
	return lo - math.Abs(lo)*relTolerance, hi + math.Abs(hi)*relTolerance
}

// conflictIdx builds the index on first use.
func (c *Corpus) conflictIdx() *conflictIndex {
	c.conflictOnce.Do(func() { c.conflicts = buildConflicts(c) })
	return c.conflicts
}

func buildConflicts(c *Corpus) *conflictIndex {
	n := len(c.Indicators)
	x := &conflictIndex{
		group: make([]int32, n), lo: make([]float64, n), hi: make([]float64, n),
		doc: make([]int32, n), marked: make([]bool, n),
	}
	byKey := map[string]int32{}
	var key []byte
	for i := range c.Indicators {
		in := &c.Indicators[i]
		x.group[i] = -1
		x.doc[i] = int32(c.byID[in.Doc])
		if in.Metric == MetricOther || in.Metric == "" || in.Subject == "" || in.Period == nil {
			continue
		}
		x.lo[i], x.hi[i] = interval(in)
		key = append(key[:0], in.Metric...)
		for _, s := range []string{in.Subject, in.Unit, in.Counted, in.Rate} {
			key = append(key, 0)
			key = append(key, s...)
		}
		key = append(key, 0)
		key = strconv.AppendInt(key, int64(in.Period.From), 10)
		key = append(key, '-')
		key = strconv.AppendInt(key, int64(in.Period.To), 10)
		g, ok := byKey[string(key)]
		if !ok {
			g = int32(len(x.groups))
			byKey[string(key)] = g
			x.groups = append(x.groups, nil)
		}
		x.group[i] = g
		x.groups[g] = append(x.groups[g], int32(i))
	}
	for _, members := range x.groups {
		x.mark(members)
	}
	return x
}

// mark flags the members of one group that some member from another
// document disagrees with. Rather than compare every pair, it keeps the two
// smallest upper ends and the two largest lower ends from different
// documents: a figure conflicts exactly when the smallest upper end among
// the other documents lies below its lower end, or the largest lower end
// above its upper end.
func (x *conflictIndex) mark(members []int32) {
	if len(members) < 2 {
		return
	}
	type best struct {
		v   float64
		doc int32
	}
	minHi := [2]best{{math.Inf(1), -1}, {math.Inf(1), -1}} // from two different documents
	maxLo := [2]best{{math.Inf(-1), -1}, {math.Inf(-1), -1}}
	for _, i := range members {
		hi, lo, d := x.hi[i], x.lo[i], x.doc[i]
		switch {
		case d == minHi[0].doc:
			minHi[0].v = min(minHi[0].v, hi)
		case hi < minHi[0].v:
			minHi[1], minHi[0] = minHi[0], best{hi, d}
		case d == minHi[1].doc:
			minHi[1].v = min(minHi[1].v, hi)
		case hi < minHi[1].v:
			minHi[1] = best{hi, d}
		}
		switch {
		case d == maxLo[0].doc:
			maxLo[0].v = max(maxLo[0].v, lo)
		case lo > maxLo[0].v:
			maxLo[1], maxLo[0] = maxLo[0], best{lo, d}
		case d == maxLo[1].doc:
			maxLo[1].v = max(maxLo[1].v, lo)
		case lo > maxLo[1].v:
			maxLo[1] = best{lo, d}
		}
	}
	for _, i := range members {
		d := x.doc[i]
		oh, ol := minHi[0].v, maxLo[0].v
		if minHi[0].doc == d {
			oh = minHi[1].v
		}
		if maxLo[0].doc == d {
			ol = maxLo[1].v
		}
		if oh < x.lo[i] || ol > x.hi[i] {
			x.marked[i] = true
			x.nMarked++
		}
	}
}
