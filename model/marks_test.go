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
		if got, want := appendQuantities(nil, in, m.qty), scanQuantities(in); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("quantities of %.40q: marked %v, plain %v", in, got, want)
		}
		ref := Date{Year: 2024, Month: 6, Day: 12}
		if got, want := appendDates(nil, in, ref, m.date), scanDates(in, ref); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("dates of %.40q: marked %v, plain %v", in, got, want)
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
		if got, want := appendQuantities(nil, in, m.qty), scanQuantities(in); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("quantities: marked %v, plain %v", got, want)
		}
		if got, want := appendDates(nil, in, Date{Year: 1987, Month: 3}, m.date), scanDates(in, Date{Year: 1987, Month: 3}); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("dates: marked %v, plain %v", got, want)
		}
	})
}
