package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestHeaderUnit(t *testing.T) {
	tests := []struct {
		header, label string
		ok            bool
		probe         string // the unit's form around "7"
	}{
		{"Total trade (HK$ million)", "Total trade", true, "HK$ 7 million"},
		{"YoY change (%)", "YoY change", true, "7 %"},
		{"Cargo (million tonnes)", "Cargo", true, "7 million tonnes"},
		{"Containers (TEU)", "Containers", true, "7 TEU"},
		{"Exports, US$ bn", "Exports", true, "US$ 7 bn"},
		{"Investment (US$)", "Investment", true, "US$ 7"},
		{"Economy", "Economy", false, ""},
		{"Trains (number)", "Trains", true, "7 trains"}, // the label is what is counted
		{"Projects (no.)", "Projects", true, "7 projects"},
		{"(number)", "(number)", false, ""},
		{"Growth (2024)", "Growth (2024)", false, ""}, // a note, not a unit
		{"Name (short)", "Name (short)", false, ""},
		{"Kazakhstan, Uzbekistan", "Kazakhstan, Uzbekistan", false, ""},
	}
	for _, tt := range tests {
		label, form, ok := headerUnit(tt.header)
		if label != tt.label || ok != tt.ok {
			t.Errorf("headerUnit(%q) = %q, %v; want %q, %v", tt.header, label, ok, tt.label, tt.ok)
			continue
		}
		if ok && form.before+"7"+form.after != tt.probe {
			t.Errorf("headerUnit(%q) writes 7 as %q, want %q", tt.header, form.before+"7"+form.after, tt.probe)
		}
	}
}

func TestFindTables(t *testing.T) {
	tests := []struct {
		name, text string
		rows       []int // body rows of each table found
	}{
		{"table", "Intro.\n\n| A | B |\n|---|--:|\n| x | 1 |\n| y | 2 |\n\nAfter.", []int{2}},
		{"no final bars", "| A | B\n| --- | --- \n| x | 1\n", []int{1}},
		{"indented", "   | A | B |\n   |:-:|---|\n   | x | 1 |", []int{1}},
		{"no delimiter", "| A | B |\n| x | 1 |\n", nil},
		{"delimiter of another width", "| A | B |\n|---|\n| x | 1 |\n", nil},
		{"bar in prose", "Shares rose 5% | bonds fell.\n----\n", nil},
		{"two tables", "| A |\n|---|\n| 1 |\n\ntext\n\n| B |\n|---|\n| 2 |\n| 3 |", []int{1, 2}},
		{"header only", "| A | B |\n|---|---|", []int{0}},
		{"after a long line with no stop", strings.Repeat("prose ", 12) + "\n | A |\n |---|\n | 1 |", []int{1}},
		{"after a sentence on its line", "It rose. | A |\n|---|\n| 1 |\n\n| B |\n|---|\n| 2 |", []int{1}},
	}
	for _, tt := range tests {
		var got []int
		for _, tb := range findTables(tt.text, tt.text, firstBarLine(tt.text, splitSentences(tt.text))) {
			got = append(got, len(tb.rows))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.rows) {
			t.Errorf("%s: rows per table %v, want %v", tt.name, got, tt.rows)
		}
	}
}

// TestTableFigures reads whole documents: a table's cells become figures
// with the unit, metric, subject and period their headers give them, and
// spans on the cells' own bytes.
func TestTableFigures(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "text value unit metric subject period"
	}{
		{
			name: "unit in the column header, row labels are places",
			text: "# Trade\n\n| Economy | Total trade (HK$ million) | YoY change (%) |\n|---|---|---|\n" +
				"| Kazakhstan | 5,862 | +21.4 |\n| Kyrgyzstan | 3,105 | -12.7 |\n\nTable 1: Hong Kong's trade with Central Asia, 2025\n",
			want: []string{
				"5,862 5.862e+09 HKD trade_volume Kazakhstan 2025",
				"21.4 21.4 % trade_growth Kazakhstan 2025",
				"3,105 3.105e+09 HKD trade_volume Kyrgyzstan 2025",
				"12.7 12.7 % trade_growth Kyrgyzstan 2025",
			},
		},
		{
			name: "a row per year, the place in the title",
			text: "# Port of Aktau\n\n## Operations\n\n| Year | Cargo (million tonnes) | Containers (TEU) |\n|------|---|---|\n" +
				"| 2021 | 3.6 | 9,000 |\n| 2023 | 5.1 | 32,000 |\n",
			want: []string{
				"3.6 3.6e+06 t freight_volume Aktau 2021",
				"9,000 9000 TEU freight_volume Aktau 2021",
				"5.1 5.1e+06 t freight_volume Aktau 2023",
				"32,000 32000 TEU freight_volume Aktau 2023",
			},
		},
		{
			name: "years across, the unit in the row label",
			text: "# Uzbekistan\n\n| Indicator | 2023 | 2024 |\n|---|---|---|\n| Exports (US$ billion) | 24.4 | 26.9 |\n",
			want: []string{
				"24.4 2.44e+10 USD trade_volume Uzbekistan 2023",
				"26.9 2.69e+10 USD trade_volume Uzbekistan 2024",
			},
		},
		{
			name: "no unit anywhere: bare numbers stay unread",
			text: "# Ranking\n\n| Country | Rank |\n|---|---|\n| Kazakhstan | 3 |\n",
		},
		{
			name: "cells with their own units are read as prose, once",
			text: "# Uzbekistan\n\n| Statistics | |\n|---|---|\n| GDP | $115 billion (2024) |\n",
			want: []string{"$115 billion 1.15e+11 USD gdp Uzbekistan -"}, // as prose reads it
		},
	}
	for _, tt := range tests {
		d, err := ParseDocument("t.md", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, in := range Extract(d).Indicators {
			if d.Text[in.Span.Start:in.Span.End] != in.Text {
				t.Errorf("%s: span %v is %q, text %q", tt.name, in.Span, d.Text[in.Span.Start:in.Span.End], in.Text)
			}
			period := "-"
			if in.Period != nil {
				period = fmt.Sprint(in.Period.From)
			}
			got = append(got, fmt.Sprintf("%s %v %s %s %s %s", in.Text, in.Value, in.Unit, in.Metric, in.Subject, period))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
