package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// describeQuery prints a parsed query in a compact form for the parser table:
// one term per space, "-" for negation, facet:v1|v2, ranges as [lo,hi].
func describeQuery(q Query) string {
	var parts []string
	for _, t := range q.terms {
		var b strings.Builder
		if t.neg {
			b.WriteByte('-')
		}
		if t.kind != facetWord {
			b.WriteString(Facets[t.kind-1] + ":")
		}
		var vals []string
		vals = append(vals, t.values...)
		for _, r := range t.nums {
			lo, hi := "[", "]"
			if r.loStrict {
				lo = "("
			}
			if r.hiStrict {
				hi = ")"
			}
			vals = append(vals, fmt.Sprintf("%s%g,%g%s", lo, r.lo, r.hi, hi))
		}
		if t.kind == facetConflict {
			vals = append(vals, fmt.Sprint(t.yes))
		}
		b.WriteString(strings.Join(vals, "|"))
		parts = append(parts, b.String())
	}
	return strings.Join(parts, " ")
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // describeQuery(q), or the error message
	}{
		{"empty", "", ""},
		{"blank", "   \t", ""},
		{"words", "Rail  freight", "rail freight"},
		{"phrase", `"rail freight" x`, "rail freight x"},
		{"facets before words", "rail metric:rail_freight", "metric:rail_freight rail"},
		{"case", "Metric:Rail_Freight Subject:Kazakhstan", "metric:rail_freight subject:kazakhstan"},
		{"or", "subject:kazakhstan,uzbekistan", "subject:kazakhstan|uzbekistan"},
		{"quoted value", `doc:"silk road",trade`, "doc:silk road|trade"},
		{"negation", "-subject:china -rumour", "-subject:china -rumour"},
		{"lone dash is a word", "- x", "- x"},
		{"year", "year:2020", "year:[2020,2020]"},
		{"year range", "year:2020..2025", "year:[2020,2025]"},
		{"year open", "year:..2000,2020..", "year:[-Inf,2000]|[2020,+Inf]"},
		{"value gt", "value:>1e6", "value:(1e+06,+Inf]"},
		{"value ge suffix", "value:>=2.5bn", "value:[2.5e+09,+Inf]"},
		{"value lt", "value:<5%", "value:[-Inf,5)"},
		{"value range", "value:1m..5m", "value:[1e+06,5e+06]"},
		{"value exact", "value:100", "value:[99.5,100.5]"},
		{"conflict", "conflict:yes -conflict:no", "conflict:true -conflict:false"},
		{"qualifier quoted", `qualifier:"at least"`, "qualifier:at least"},
		{"colon in word", "10:30 http://x", "10:30 http://x"},
		{"unknown facet", "metrc:gdp", `unknown facet "metrc" at 1; did you mean metric?`},
		{"unknown facet later", "rail yeer:2020", `unknown facet "yeer" at 6; did you mean year?`},
		{"unknown facet far", "note:x", `unknown facet "note" at 1; facets are metric, subject, year, value, unit, doc, qualifier, counted, conflict; quote a word with a colon to search for it`},
		{"unknown metric", "metric:rail_fright", `unknown metric "rail_fright" at 8; did you mean rail_freight?`},
		{"no value", "subject: x", `no value for subject: at 1; give a value after the colon, quoted if it has spaces`},
		{"bad year", "year:20x0", `bad year "20x0" at 6; give a year or a range: 2020, 2020..2025, ..2000, 2020..`},
		{"backwards year", "year:2025..2020", `bad year "2025..2020" at 6; give a year or a range: 2020, 2020..2025, ..2000, 2020..`},
		{"bad value", "value:>lots", `bad value ">lots" at 7; give >x, <x, >=x, <=x, a..b or x, e.g. value:>1e6 or value:1m..5m`},
		{"bad conflict", "conflict:maybe", `bad conflict value "maybe" at 10; give yes or no`},
		{"unterminated", `doc:"silk`, `unterminated quote at 5; close it with "`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := ParseQuery(tt.input)
			got := describeQuery(q)
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("ParseQuery(%q)\n got %s\nwant %s", tt.input, got, tt.want)
			}
		})
	}
}

// fixture builds a small corpus by hand: three documents on Kazakhstan rail
// freight that partly disagree, and one on Uzbekistan.
func fixture() *Corpus {
	doc := func(path, title string, date Date, text string) *Document {
		return &Document{ID: strings.TrimSuffix(path, ".txt"), Path: path, Title: title, Date: date, Text: text}
	}
	ind := func(metric, subject string, v float64, unit string, p *Period, text, sentence string) Indicator {
		return Indicator{Quantity: Quantity{Value: v, Unit: unit, Text: text, Span: Span{0, len(text)}},
			Metric: metric, Subject: subject, Period: p, Sentence: Span{0, len(sentence)}}
	}
	y23 := &Period{2023, 2023}
	rs := []DocResult{
		{Path: "a.txt", Doc: doc("a.txt", "Rail boom", Date{2024, 1, 5}, "5.9 million tonnes of rail freight."),
			Result: Result{Indicators: []Indicator{ind(MetricRailFreight, "Kazakhstan", 5.9e6, "t", y23, "5.9 million tonnes", "5.9 million tonnes of rail freight.")}}},
		{Path: "b.txt", Doc: doc("b.txt", "Corridor review", Date{2024, 6, 1}, "5.92 million tonnes by rail."),
			Result: Result{Indicators: []Indicator{ind(MetricRailFreight, "Kazakhstan", 5.92e6, "t", y23, "5.92 million tonnes", "5.92 million tonnes by rail.")}}},
		{Path: "c.txt", Doc: doc("c.txt", "Silk Road trade", Date{2023, 3, 1}, "7 million tonnes by rail. GDP grew 6%."),
			Result: Result{Indicators: []Indicator{
				ind(MetricRailFreight, "Kazakhstan", 7e6, "t", y23, "7 million tonnes", "7 million tonnes by rail."),
				ind(MetricGDPGrowth, "Uzbekistan", 6, "%", nil, "6%", "7 million tonnes by rail."),
			}}},
		{Path: "d.txt", Doc: doc("d.txt", "Other", Date{2025, 1, 1}, "9 million tonnes of other stuff."),
			Result: Result{Indicators: []Indicator{
				ind(MetricOther, "Kazakhstan", 9e6, "t", y23, "9 million tonnes", "9 million tonnes of other stuff."),
				ind(MetricRailFreight, "", 9e6, "t", y23, "9 million tonnes", "9 million tonnes of other stuff."),
				ind(MetricRailFreight, "Kazakhstan", 9e6, "t", nil, "9 million tonnes", "9 million tonnes of other stuff."),
			}}},
	}
	rs[2].Result.Indicators[1].Qualifier = "over"
	return assemble(rs)
}

func TestQueryMatch(t *testing.T) {
	c := fixture()
	tests := []struct {
		query string
		want  []int
	}{
		{"", []int{0, 1, 2, 3, 4, 5, 6}},
		{"metric:rail_freight", []int{0, 1, 2, 5, 6}},
		{"rail freight", []int{0, 1, 2, 5, 6}}, // the metric's words
		{"RAIL", []int{0, 1, 2, 3, 5, 6}},      // case; GDP shares a sentence with rail
		{"subject:kazakhstan", []int{0, 1, 2, 4, 6}},
		{"subject:kazakhstan,uzbekistan", []int{0, 1, 2, 3, 4, 6}},
		{"-subject:kazakhstan", []int{3, 5}},
		{"doc:silk", []int{2, 3}},
		{`doc:"corridor review"`, []int{1}},
		{"doc:corridor,other", []int{1, 4, 5, 6}},
		{"year:2023", []int{0, 1, 2, 3, 4, 5}},
		{"year:2025..", []int{6}}, // no period: the document's year
		{"year:..2022", nil},
		{"value:>6e6", []int{2, 4, 5, 6}},
		{"value:5.92m", []int{0, 1}}, // within 0.5%
		{"value:5.88m", []int{0}},
		{"value:<=6", []int{3}},
		{"unit:%", []int{3}},
		{"unit:T metric:rail_freight -value:>8m", []int{0, 1, 2}},
		{"qualifier:over", []int{3}},
		{"conflict:yes", []int{0, 1, 2}},
		{"-conflict:yes", []int{3, 4, 5, 6}},
		{"tonnes -other", []int{0, 1, 2, 3}}, // 3 shares a sentence with 2
		{`"million tonnes of"`, []int{0, 4, 5, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got := q.Filter(c)
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("Filter = %v, want %v", got, tt.want)
			}
			// Match must agree with Filter, one indicator at a time.
			var one []int
			for i := range c.Indicators {
				if q.Match(c, &c.Indicators[i]) {
					one = append(one, i)
				}
			}
			if !slices.Equal(one, got) {
				t.Errorf("Match gives %v, Filter %v", one, got)
			}
		})
	}
}

func TestQuerySelect(t *testing.T) {
	c := fixture()
	c.Events = []Event{{ID: 0, Doc: "a", Year: 2023, Text: "2023"}, {ID: 1, Doc: "b", Year: 2019, Text: "2019"}, {ID: 2, Doc: "d", Year: 2023}}
	q, _ := ParseQuery("year:2020.. metric:rail_freight subject:kazakhstan")
	s := q.Select(c)
	var docs []string
	for _, d := range s.Documents {
		docs = append(docs, d.ID)
	}
	if !slices.Equal(docs, []string{"a", "b", "c", "d"}) || len(s.Indicators) != 4 {
		t.Errorf("documents %v, %d indicators", docs, len(s.Indicators))
	}
	for i, in := range s.Indicators {
		if in.ID != i {
			t.Errorf("indicator %d has ID %d", i, in.ID)
		}
	}
	if len(s.Events) != 2 || s.Events[0].Doc != "a" || s.Events[1].Doc != "d" || s.Events[1].ID != 1 {
		t.Errorf("events %+v", s.Events)
	}
	if c.Indicators[2].ID != 2 {
		t.Error("Select changed the corpus")
	}
}

func TestComplete(t *testing.T) {
	c := fixture()
	tests := []struct {
		input  string
		cursor int
		want   []string // Text (Count)
	}{
		{"", 0, []string{"metric: (0)", "subject: (0)", "year: (0)", "value: (0)", "unit: (0)", "doc: (0)", "qualifier: (0)", "counted: (0)", "conflict: (0)"}},
		{"rail me", 7, []string{"metric: (0)"}},
		{"-su", 3, []string{"-subject: (0)"}},
		{"subject:k", 9, []string{"subject:kazakhstan (5)", "subject:uzbekistan (1)"}}, // prefix, then substring
		{"subject:kazakhstan,u x", 20, []string{"subject:kazakhstan,uzbekistan (1)"}},
		{"metric:fr", 9, []string{"metric:rail_freight (5)"}}, // a substring, after prefixes
		{"unit:", 5, []string{"unit:t (6)", "unit:% (1)"}},
		{"conflict:", 9, []string{"conflict:no (4)", "conflict:yes (3)"}},
		{"nope:", 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			var got []string
			for _, comp := range Complete(c, tt.input, tt.cursor) {
				got = append(got, fmt.Sprintf("%s (%d)", comp.Text, comp.Count))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Complete(%q, %d)\n got %q\nwant %q", tt.input, tt.cursor, got, tt.want)
			}
		})
	}
	comp := Complete(c, "x subject:k y", 11)
	if len(comp) != 2 || comp[0].Start != 2 || comp[0].End != 11 {
		t.Errorf("replacement range %+v", comp)
	}
}

func TestFacetCounts(t *testing.T) {
	c := fixture()
	got := FacetCounts(c, "year", nil)
	if len(got) != 2 || got[0] != (FacetCount{"2023", 6}) || got[1] != (FacetCount{"2025", 1}) {
		t.Errorf("years %v", got)
	}
	got = FacetCounts(c, "subject", []int{3, 4, 5})
	if len(got) != 2 || got[0].Count != 1 || got[0].Value != "Kazakhstan" {
		t.Errorf("subjects of 3,4,5: %v", got)
	}
	if FacetCounts(c, "value", nil) != nil || FacetCounts(c, "nope", nil) != nil {
		t.Error("value and unknown facets have no counts")
	}
}
