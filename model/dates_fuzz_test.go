package model

import (
	"testing"
	"unicode/utf8"
)

// FuzzScanDates checks the invariants every caller of scanDates relies on,
// whatever the input: no panic; spans in range, sorted, disjoint and on
// UTF-8 rune starts (so Text slices never split a character); date parts
// in range; EndYear either unset or not before Year.
func FuzzScanDates(f *testing.F) {
	for _, tt := range scanDatesTests {
		f.Add(tt.input, tt.ref.Year, tt.ref.Month, tt.ref.Day)
	}
	f.Add("Feb 29 and 31 April, 2024-02-30, mid-19th century (1522–1566) 1986/87", 2023, 3, 1)
	f.Add("the next day\n\nJanuary\n3, 1992 \xc2\xa02016\xe2\x80\x93 2017 \xff2016\x80", 0, 0, 0)
	f.Add("on Sunday last Saturday next Friday yesterday tomorrow", 2000, 2, 29)
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		// The loader only ever passes dates it parsed, so keep ref sane:
		// a year of up to four digits and a month and day in range.
		ref := Date{Year: int(uint(y) % 10000), Month: int(uint(m) % 13), Day: int(uint(d) % 32)}
		if ref.Year == 0 || ref.Month == 0 {
			ref.Month, ref.Day = 0, 0
		}
		if ref.Day != 0 && !dtValidDay(ref.Year, ref.Month, ref.Day) {
			ref.Day = 0
		}
		prevEnd := 0
		for i, e := range scanDates(text, ref) {
			sp := e.Span
			if sp.Start < prevEnd || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("event %d: span %v out of order or range (prev end %d, len %d)", i, sp, prevEnd, len(text))
			}
			if !utf8.RuneStart(text[sp.Start]) || (sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
				t.Fatalf("event %d: span %v splits a rune in %q", i, sp, text)
			}
			if e.Month < 0 || e.Month > 12 || e.Day < 0 || e.Day > 31 {
				t.Fatalf("event %d: month %d day %d out of range", i, e.Month, e.Day)
			}
			if e.Day != 0 && !dtValidDay(e.Year, e.Month, e.Day) {
				t.Fatalf("event %d: %d-%d-%d is not a calendar date", i, e.Year, e.Month, e.Day)
			}
			if e.EndYear != 0 && e.EndYear < e.Year {
				t.Fatalf("event %d: EndYear %d before Year %d", i, e.EndYear, e.Year)
			}
			if e.Precision == "" {
				t.Fatalf("event %d: no precision", i)
			}
			prevEnd = sp.End
		}
	})
}
