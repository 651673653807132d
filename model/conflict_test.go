package model

import (
	"slices"
	"testing"
)

func TestConflicts(t *testing.T) {
	c := fixture()
	// 0: 5.9 Mt (a, 2024-01), 1: 5.93 Mt (b, 2024-06), 2: 7 Mt (c, 2023-03),
	// 3: Uzbekistan over 6% (no period), 4: metric other, 5: no subject,
	// 6: no period.
	tests := []struct {
		name string
		id   int
		want []int
	}{
		{"within 0.5% agrees; the other disagrees", 0, []int{2}},
		{"newest document first", 2, []int{1, 0}},
		{"no period", 3, nil},
		{"metric other", 4, nil},
		{"no subject", 5, nil},
		{"no period either", 6, nil},
		{"out of range", 99, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Conflicts(tt.id)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Conflicts(%d) = %v, want %v", tt.id, got, tt.want)
			}
			if c.HasConflict(tt.id) != (len(tt.want) > 0) {
				t.Errorf("HasConflict(%d) = %v", tt.id, c.HasConflict(tt.id))
			}
		})
	}
	if c.ConflictCount() != 3 {
		t.Errorf("ConflictCount = %d, want 3", c.ConflictCount())
	}
}

// TestConflictIntervals checks the agreement rule figure by figure: each
// case is two figures for the same metric, subject, period and unit from two
// documents.
func TestConflictIntervals(t *testing.T) {
	one := func(v float64, q string) Quantity { return Quantity{Value: v, Qualifier: q} }
	rng := func(lo, hi float64) Quantity { return Quantity{Low: lo, High: hi, IsRange: true} }
	tests := []struct {
		name     string
		a, b     Quantity
		conflict bool
	}{
		{"equal", one(100, ""), one(100, ""), false},
		{"0.4% apart", one(100, ""), one(100.4, ""), false},
		{"1% apart", one(100, ""), one(101, ""), true},
		{"value in range", one(6.5, ""), rng(6, 7), false},
		{"value outside range", one(8, ""), rng(6, 7), true},
		{"overlapping ranges", rng(5, 6.5), rng(6, 7), false},
		{"disjoint ranges", rng(1, 2), rng(3, 4), true},
		{"over agrees with more", one(5, "over"), one(9, ""), false},
		{"over disagrees with less", one(5, "over"), one(4, ""), true},
		{"up to agrees with less", one(5, "up to"), one(4, ""), false},
		{"approximately within 5%", one(100, "approximately"), one(104, ""), false},
		{"approximately beyond 5%", one(100, "approximately"), one(110, ""), true},
		{"negative values", one(-3, ""), one(-3.005, ""), false},
		{"zero", one(0, ""), one(0.1, ""), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Period{2023, 2023}
			mk := func(q Quantity, doc string) DocResult {
				return DocResult{Path: doc, Doc: &Document{ID: doc, Path: doc},
					Result: Result{Indicators: []Indicator{{Quantity: q, Metric: MetricGDP, Subject: "Kazakhstan", Period: p}}}}
			}
			c := assemble([]DocResult{mk(tt.a, "a"), mk(tt.b, "b")})
			if got := c.HasConflict(0); got != tt.conflict {
				t.Errorf("conflict %v, want %v", got, tt.conflict)
			}
			if c.HasConflict(0) != c.HasConflict(1) {
				t.Error("a conflict goes both ways")
			}
			// The same two figures in one document never conflict.
			same := assemble([]DocResult{{Path: "a", Doc: &Document{ID: "a", Path: "a"}, Result: Result{Indicators: []Indicator{
				{Quantity: tt.a, Metric: MetricGDP, Subject: "Kazakhstan", Period: p},
				{Quantity: tt.b, Metric: MetricGDP, Subject: "Kazakhstan", Period: p}}}}})
			if same.HasConflict(0) {
				t.Error("figures of one document marked as conflicting")
			}
		})
	}
}

// TestConflictsMatchPairwise checks the O(n) marking against comparing
// every pair, on a group where documents give several figures each.
func TestConflictsMatchPairwise(t *testing.T) {
	p := &Period{2020, 2020}
	var rs []DocResult
	vals := [][]float64{{10, 10.01}, {10, 20}, {20}, {10}, {30, 10}}
	for i, vs := range vals {
		id := string(rune('a' + i))
		r := DocResult{Path: id, Doc: &Document{ID: id, Path: id}}
		for _, v := range vs {
			r.Result.Indicators = append(r.Result.Indicators, Indicator{Quantity: Quantity{Value: v}, Metric: MetricGDP, Subject: "X", Period: p})
		}
		rs = append(rs, r)
	}
	c := assemble(rs)
	for i := range c.Indicators {
		want := false
		for j := range c.Indicators {
			a, b := &c.Indicators[i], &c.Indicators[j]
			alo, ahi := interval(a)
			blo, bhi := interval(b)
			if a.Doc != b.Doc && (bhi < alo || blo > ahi) {
				want = true
			}
		}
		if c.HasConflict(i) != want {
			t.Errorf("indicator %d (%s %g): HasConflict %v, pairwise %v", i, c.Indicators[i].Doc, c.Indicators[i].Value, c.HasConflict(i), want)
		}
	}
}
