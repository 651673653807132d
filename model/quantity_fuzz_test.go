package model

import (
	"testing"
	"unicode/utf8"
)

// FuzzScanQuantities checks that the scanner never panics and that whatever
// it reports has valid spans: sorted, disjoint, inside the text, on rune
// boundaries when the text is valid UTF-8, and ranges the right way up.
func FuzzScanQuantities(f *testing.F) {
	for _, seed := range []string{
		"approximately 60% of GDP, between 6% and 7% a year",
		"over 1,400 mainland companies; HK$2 trillion ($260 billion)",
		"up to $35 billion by 2030. Around 10 million ton annually.",
		"1. The Landlocked Logistics Tax\n[25]: 215 COVID-19 mid-2026",
		"Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nRevs 11-1/2 pct",
		"one-tenth of the total, a third of, half of, seven million tonnes",
		"6–7 %, 1.5-2 billion dollars, $1.5 to $2 billion, €3m, £5bn, ¥100",
		"2,8 million tonnes; 5.903 trains; 1.234,5 t; 12 km²; 1986/87; 10:30",
		"RMB10bn, USD 5 million, 5 mln ECU, .125 dlrs, ~5 mln tonnes a year",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := scanQuantities(text)
		valid := utf8.ValidString(text)
		prev := 0
		for i, q := range qs {
			s, e := q.Span.Start, q.Span.End
			if s < prev || s >= e || e > len(text) {
				t.Fatalf("[%d] span %d..%d out of order or range (prev end %d, len %d)", i, s, e, prev, len(text))
			}
			if valid && (!utf8.RuneStart(text[s]) || e < len(text) && !utf8.RuneStart(text[e])) {
				t.Fatalf("[%d] span %d..%d splits a rune in %q", i, s, e, text)
			}
			if q.IsRange && !(q.Low <= q.High) {
				t.Fatalf("[%d] range %g..%g", i, q.Low, q.High)
			}
			if q.Unit == "" {
				t.Fatalf("[%d] %q has no unit", i, text[s:e])
			}
			prev = e
		}
	})
}
