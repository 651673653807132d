package model

import (
	"reflect"
	"strings"
	"testing"

	"corridor/seeds"
)

// marksInputs are texts on which the marked scans must match the plain
// ones: the seed articles, the date table's inputs, and cases where a match
// ends inside a word or a word runs across the eight-byte chunks.
func marksInputs(t testing.TB) []string {
	ins := []string{
		"",
		"a",
		"5th of seven",
		"G20 rose 5pct in mid-March 2024, twenty-five miles",
		"abcdefgh7 Januaryx 3, 1992; a million tonnes; 1.5-2 billion dollars",
		"Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nRevs 11-1/2 pct",
		strings.Repeat("x", 63) + " two hundred tonnes last Tuesday 12", // a word over a bitmap word
		// Days after a month that dayAfterMonth answers for, and those it
		// leaves to figure: a range, a number word, a code or a sign after
		// the dash, a unit, a month in capitals, glued to a dash, a digit
		// or a letter, or before the end of the last figure.
		"CLEVELAND, Feb 26 - Standard Oil said. On March 5, 1987 and Jan 3. it rose\nJune 9 -",
		"Feb 26 - Two banks; Feb 26 - 3 pct; March 3-5; June 9 - USD 5 mln; May 2 - A million; Feb 4 - An",
		"FEB 26 - Oil; mid-March 5 - x; 5March 5 - y; April 40 - z; May 7 %; July 4 tonnes; Aug 1,2; Dec 9 - Hk$ 5",
		"xJune 3 - Co; June  3; June. 3; Jun 31 - Ab; Jan 09, Jan 32, Sept 3 -- x; Oct 3 - Abc$; 5 mln dlrs a year Jan 3 - Xy",
		"Nov 3 - Three; Nov 3 - Half; Nov 3 - Seven-Up; Nov 30 - Eight; Nov 1 -Eight; Nov 1 - 5; Nov 2 - $5",
		// ISO dates, whose year dateChain answers for, and those it
		// leaves to figure.
		"\n      1987-02-26\n\nx 1987-02-26, .1987-02-26 [25]: 1987-02-26 1987-02-3/4 1987-02-26-9 1987-02-26.5 a1987-02-26",
		"1987-02-26x 2024-11-06T10:30 1987-02-2611 (1987-02-26) 1987-13-45 1987-02-26",
	}
	for _, tt := range scanDatesTests {
		ins = append(ins, tt.input)
	}
	entries, _ := seeds.FS.ReadDir(seeds.Root)
	for _, e := range entries {
		data, _ := seeds.FS.ReadFile(seeds.Root + "/" + e.Name())
		ins = append(ins, string(data))
	}
	return ins
}

// TestScanMarks checks that the scanners' marked loops find what their
// plain loops find.
func TestScanMarks(t *testing.T) {
	var m scanMarks
	for _, in := range marksInputs(t) {
		m.mark(in)
		// The dates first, as in Extract: the quantity scan reads the
		// numbers they leave in m.dated.
		ref := Date{Year: 2024, Month: 6, Day: 12}
		if got, want := appendDates(nil, in, ref, &m), scanDates(in, ref); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("dates of %.40q: marked %v, plain %v", in, got, want)
		}
		if got, want := appendQuantities(nil, in, &m), scanQuantities(in); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("quantities of %.40q: marked %v, plain %v", in, got, want)
		}
	}
}

// FuzzScanMarks checks the same on any text.
func FuzzScanMarks(f *testing.F) {
	for _, in := range marksInputs(f) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var m scanMarks
		m.mark(in)
		if got, want := appendDates(nil, in, Date{Year: 1987, Month: 3}, &m), scanDates(in, Date{Year: 1987, Month: 3}); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("dates: marked %v, plain %v", got, want)
		}
		if got, want := appendQuantities(nil, in, &m), scanQuantities(in); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("quantities: marked %v, plain %v", got, want)
		}
	})
}

// TestDatedMonthsAgree checks that the month names the date scanner notes
// a day after (dtWordKind) are those monthBefore knows (monthSet):
// dayAfterMonth answers for monthBefore on the date scanner's word.
func TestDatedMonthsAgree(t *testing.T) {
	n := 0
	for _, w := range dtTriggerList {
		if kind, _ := dtWordKind(w.word); (kind == wkMonth) != monthSet.has(w.word) {
			t.Errorf("%q: date trigger kind %d, in monthSet %v", w.word, kind, monthSet.has(w.word))
		}
		if w.kind == wkMonth {
			n++
		}
	}
	if n != len(monthWords) {
		t.Errorf("%d months among the date triggers, %d in monthWords", n, len(monthWords))
	}
}
