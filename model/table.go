package model

import (
	"strings"
	"unique"
)

// Tables. Statistics often come as a table whose cells hold bare numbers
// and whose header says what they count and in what unit:
//
//	| Economy    | Total trade (HK$ million) | YoY change (%) |
//	|------------|---------------------------|----------------|
//	| Kazakhstan | 5,862                     | +21.4          |
//
// Read as prose, "5,862" is a count of nothing and is dropped. A cell is
// a sentence written in two dimensions: its row's label says whom it is
// about, its column's header what it measures and in what unit. So each
// body row is rewritten as the sentence it stands for ("Kazakhstan: total
// trade HK$ 5,862 million, YoY change +21.4 %.") and that sentence is read
// by the same scanner and classifier as any other; the figures found are
// then put back on the cells' own bytes. No table vocabulary of its own:
// a header's unit is whatever the quantity scanner reads in it.
//
// Tables are Markdown's (GitHub's pipe tables): HTML pages become Markdown
// (see html.go), so their <table>s arrive in this form too.

// mdCell is a table cell: the span of its content, trimmed.
type mdCell struct{ start, end int }

// mdTable is a pipe table found in a text: its header cells, and for each
// body row the span of its line and its cells.
type mdTable struct {
	start, end int // the table's lines, from the header's start to the last row's end
	header     []mdCell
	rows       []mdRow
}

// mdRow is a body row of a pipe table.
type mdRow struct {
	line  Span
	cells []mdCell
}

// findTables returns the pipe tables of text: a header line, a delimiter
// line of dashes with as many cells, and the lines after it that start
// with "|". text is a document's clean text and raw its Text: the cleaner
// blanks a delimiter line as a rule of the page, not a sentence, so it is
// read in raw (the offsets are the same).
//
// The search starts at from, a line start before which no line opens with
// a bar (see firstBarLine; 0 always works).
func findTables(text, raw string, from int) []mdTable {
	var tables []mdTable
	for off := from; off < len(text); {
		bar := strings.IndexByte(text[off:], '|')
		if bar < 0 {
			break
		}
		ls := lineStart(text, off+bar)
		le := lineEnd(text, ls)
		header, ok := pipeCells(text, ls, le)
		if !ok || le >= len(text) {
			off = le + 1
			continue
		}
		ds := le + 1
		de := lineEnd(text, ds)
		delim, ok := pipeCells(raw, ds, de)
		if !ok || len(delim) != len(header) || !isDelimiterRow(raw, delim) {
			off = le + 1
			continue
		}
		t := mdTable{start: ls, end: de, header: header}
		for rs := de + 1; rs < len(text); {
			re := lineEnd(text, rs)
			cells, ok := pipeCells(text, rs, re)
			if !ok {
				break
			}
			t.rows = append(t.rows, mdRow{line: trimSpan(text, Span{rs, re}), cells: cells})
			t.end = re
			rs = re + 1
		}
		tables = append(tables, t)
		off = t.end + 1
	}
	return tables
}

// firstBarLine returns where findTables may start: the start of the line
// of the first of sents that opens with a bar, or len(text) when none
// does. sents are text's sentences, and every line that opens with a bar,
// as a table's rows do (see pipeCells), starts one at its bar:
// appendSentences ends a sentence at every line end but a hard-wrapped
// line's, which a line opening with a blank or a bar never continues, and
// trims sentences of blanks. So only the sentences' first bytes are read,
// where a search of the whole text for a "|" cost 5 M instructions over
// Reuters, which has none.
func firstBarLine(text string, sents []Span) int {
	for _, sp := range sents {
		if text[sp.Start] == '|' {
			return lineStart(text, sp.Start)
		}
	}
	return len(text)
}

// lineStart returns the offset of the start of the line holding offset i.
func lineStart(text string, i int) int {
	return strings.LastIndexByte(text[:i], '\n') + 1
}

// lineEnd returns the offset of the end of the line starting at i: its
// newline, or the end of text.
func lineEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	if n := strings.IndexByte(text[i:], '\n'); n >= 0 {
		return i + n
	}
	return len(text)
}

// pipeCells splits the line text[ls:le] into its cells when it is a table
// row: it starts with "|" after at most three spaces, as Markdown allows.
// A final "|" is optional; "\|" is a bar inside a cell.
func pipeCells(text string, ls, le int) ([]mdCell, bool) {
	i := ls
	for i < le && i < ls+3 && text[i] == ' ' {
		i++
	}
	if i >= le || text[i] != '|' {
		return nil, false
	}
	var cells []mdCell
	start := i + 1
	for j := i + 1; j <= le; j++ {
		if j < le && (text[j] != '|' || text[j-1] == '\\') {
			continue
		}
		if j == le && strings.TrimSpace(text[start:le]) == "" {
			break // the line ended with "|" and spaces
		}
		sp := trimSpan(text, Span{start, j})
		cells = append(cells, mdCell{sp.Start, sp.End})
		start = j + 1
	}
	return cells, len(cells) > 0
}

// isDelimiterRow reports whether every cell holds only dashes and colons,
// with at least one dash: the line under a header.
func isDelimiterRow(text string, cells []mdCell) bool {
	for _, c := range cells {
		s := text[c.start:c.end]
		if strings.IndexByte(s, '-') < 0 || strings.Trim(s, "-:") != "" {
			return false
		}
	}
	return true
}

// trimSpan trims white space off both ends of sp.
func trimSpan(text string, sp Span) Span {
	for sp.Start < sp.End && isSpace(text[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpace(text[sp.End-1]) {
		sp.End--
	}
	return sp
}

// unitForm is how a header's unit is written around a number so that the
// quantity scanner reads it: "HK$ million" as "HK$ " + n + " million", "%"
// as n + " %".
type unitForm struct {
	before, after string
}

// headerUnit splits a header into its label and the form of the unit it
// names, in brackets at its end ("Total trade (HK$ million)") or after a
// final comma ("Exports, US$ bn"). ok is false when it names none that the
// quantity scanner reads, or only a count.
func headerUnit(h string) (label string, form unitForm, ok bool) {
	var unit string
	switch {
	case strings.HasSuffix(h, ")"):
		open := strings.LastIndexByte(h, '(')
		if open < 0 {
			return h, unitForm{}, false
		}
		label, unit = strings.TrimSpace(h[:open]), strings.TrimSpace(h[open+1:len(h)-1])
	case strings.LastIndexByte(h, ',') >= 0:
		comma := strings.LastIndexByte(h, ',')
		label, unit = strings.TrimSpace(h[:comma]), strings.TrimSpace(h[comma+1:])
	default:
		return h, unitForm{}, false
	}
	if unit == "" || strings.ContainsAny(unit, "0123456789") {
		return h, unitForm{}, false // "(2024)", "(Q3, 1.2)": a note, not a unit
	}
	switch strings.ToLower(unit) {
	case "number", "no.", "no", "count", "#":
		// "Projects (number)": the cells count what the label names.
		if label != "" {
			return label, unitForm{"", " " + strings.ToLower(label)}, true
		}
		return h, unitForm{}, false
	}
	forms := []unitForm{{"", " " + unit}}
	if first, rest, found := strings.Cut(unit, " "); found {
		forms = append(forms, unitForm{first + " ", " " + rest}) // "HK$ million": the currency comes first
	} else {
		forms = append(forms, unitForm{unit + " ", ""}) // "US$", "RMB"
	}
	for _, f := range forms {
		probe := f.before + "1" + f.after
		qs := scanQuantities(probe)
		if len(qs) == 1 && qs[0].Span == (Span{0, len(probe)}) && !qs[0].IsRange && qs[0].Unit != "count" {
			return label, f, true
		}
	}
	return h, unitForm{}, false
}

// isBareNumber reports whether a cell holds a number alone, perhaps signed:
// "5,862", "+21.4", "-4.1". Such a cell has its unit elsewhere.
func isBareNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-"), "−")
	if s == "" || !isDigit(s[0]) || !isDigit(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// tableCell records where a cell's figure stands in a table's rewritten
// rows, and where its number is in the text.
type tableCell struct {
	at     Span // the figure in the rewritten rows
	number Span // the number in the text, sign excluded as the scanner excludes it
	line   Span // the row's line in the text
}

// tableIndicators returns the figures of text's tables whose unit is in a
// header: one per cell holding a bare number in a column (or row) whose
// header names a unit, measured, placed and dated as the sentence the row
// stands for reads. A table's caption, or else the heading above it, else
// title, is the headline that rewritten sentence is read under, so that a
// row that names no place ("Total") is about what the table is.
//
// text is the document's clean text, sents its sentences, raw its Text.
func tableIndicators(text string, sents []Span, raw, title string) []Indicator {
	tables := findTables(text, raw, firstBarLine(text, sents))
	var out []Indicator
	for _, t := range tables {
		caption := tableCaption(text, t)
		switch {
		case caption == "":
			caption = title
		case title != "" && caption != title:
			// "Operations" over a table names no place; the title
			// ("Port of Aktau") says what the whole text is about.
			caption += ". " + title
		}
		out = append(out, t.indicators(text, raw, caption)...)
	}
	return out
}

// indicators rewrites t's body rows as sentences and reads their figures.
// Cells are read in text, the clean text; a figure's Text is cut from raw,
// which outlives it (the clean text is a scratch buffer).
func (t mdTable) indicators(text, raw, caption string) []Indicator {
	type column struct {
		label string
		form  unitForm
		unit  bool
	}
	cols := make([]column, len(t.header))
	anyUnit := false
	for i, h := range t.header {
		label, form, ok := headerUnit(text[h.start:h.end])
		cols[i] = column{lowerFirst(label), form, ok}
		anyUnit = anyUnit || ok
	}
	var b []byte
	var cells []tableCell
	for _, r := range t.rows {
		if len(r.cells) == 0 {
			continue
		}
		// The row's label is its first cell, unless that is a figure; a
		// label may name the unit itself, for the cells under headers
		// that name none (a table of years across).
		first := text[r.cells[0].start:r.cells[0].end]
		var rowLabel string
		var rowForm unitForm
		rowUnit := false
		if !cols[0].unit {
			// A year is a label too: "2021: cargo 3.6 million tonnes"
			// is dated by it.
			rowLabel, rowForm, rowUnit = headerUnit(first)
		}
		if !anyUnit && !rowUnit {
			continue
		}
		mark, marked := len(b), len(cells)
		if _, ok := captionYear(rowLabel); ok && len(rowLabel) == 4 {
			b = append(b, "In "...) // a year's row: "In 2021: cargo ..." is dated
		}
		b = append(append(b, rowLabel...), ':')
		for i, c := range r.cells {
			s := text[c.start:c.end]
			if i >= len(cols) || i == 0 && !cols[0].unit || !isBareNumber(s) {
				continue
			}
			form, label := rowForm, cols[i].label
			switch {
			case cols[i].unit:
				form = cols[i].form
			case !rowUnit:
				continue
			}
			if len(cells) > marked {
				b = append(b, ',')
			}
			b = append(b, ' ')
			if label != "" {
				b = append(append(b, label...), ' ')
			}
			start := len(b)
			b = append(append(append(b, form.before...), s...), form.after...)
			num := Span{c.start, c.end}
			for num.Start < num.End && !isDigit(text[num.Start]) {
				num.Start++ // the sign: the scanner leaves it out of a figure
			}
			cells = append(cells, tableCell{at: Span{start, len(b)}, number: num, line: r.line})
		}
		if len(cells) == marked {
			b = b[:mark] // no figure with a unit in this row
			continue
		}
		b = append(b, ".\n\n"...)
	}
	if len(cells) == 0 {
		return nil
	}
	syn := string(b)
	qs := scanQuantities(syn)
	sents := appendSentences(nil, syn)
	inds := buildIndicatorsTitled(syn, caption, sents, qs, nil)
	year, dated := captionYear(caption)
	out := make([]Indicator, 0, len(cells))
	k := 0
	for _, in := range inds {
		for k < len(cells) && cells[k].at.End <= in.Span.Start {
			k++
		}
		if k == len(cells) {
			break
		}
		c := cells[k]
		if in.Span.Start < c.at.Start || in.Span.End > c.at.End {
			continue // a figure of a label's words, not of a cell
		}
		in.Span, in.Text, in.Sentence = c.number, raw[c.number.Start:c.number.End], c.line
		in.Unit = unique.Make(in.Unit).Value() // not a slice of the rewritten rows
		in.Counted = unique.Make(in.Counted).Value()
		if in.Period == nil && dated {
			in.Period = &Period{From: year, To: year} // "Table 1: trade, January–October 2025"
		}
		out = append(out, in)
	}
	return out
}

// lowerFirst lower-cases a header's first letter unless the word is an
// acronym ("Total trade" reads as "total trade", "GDP" stays): capitals
// would read as names.
func lowerFirst(s string) string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// tableCaption returns what t is about, as its text says: a "Table ..."
// line just after or before it, else the nearest heading above it, else "".
func tableCaption(text string, t mdTable) string {
	if line := nextLine(text, t.end); isCaption(line) {
		return line
	}
	if line := prevLine(text, t.start); isCaption(line) {
		return line
	}
	for end := t.start; end > 0; {
		ls := lineStart(text, end-1)
		if line := strings.TrimSpace(text[ls:end]); strings.HasPrefix(line, "#") {
			return strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
		end = ls
	}
	return ""
}

// captionYear returns the one year a caption names ("Table 1: trade,
// January–October 2025"), if it names exactly one: a four-digit number
// from 1900 to 2100 standing alone.
func captionYear(caption string) (int, bool) {
	year, n := 0, 0
	for i := 0; i+4 <= len(caption); i++ {
		if i > 0 && (isDigit(caption[i-1]) || isLetter(caption[i-1])) || !isDigit(caption[i]) {
			continue
		}
		j := i
		for j < len(caption) && isDigit(caption[j]) {
			j++
		}
		if j-i != 4 || j < len(caption) && isLetter(caption[j]) {
			i = j
			continue
		}
		y := int(caption[i]-'0')*1000 + int(caption[i+1]-'0')*100 + int(caption[i+2]-'0')*10 + int(caption[i+3]-'0')
		if y >= 1900 && y <= 2100 && y != year {
			year, n = y, n+1
		}
		i = j
	}
	return year, n == 1
}

// isCaption reports whether a line names a table: "Table 1: ...".
func isCaption(line string) bool {
	return len(line) > 6 && (strings.HasPrefix(line, "Table ") || strings.HasPrefix(line, "TABLE "))
}

// nextLine returns the first line after offset end that is not blank,
// trimmed, or "".
func nextLine(text string, end int) string {
	for i := end; i < len(text); {
		e := lineEnd(text, i)
		if line := strings.TrimSpace(text[i:e]); line != "" {
			return line
		}
		i = e + 1
	}
	return ""
}

// prevLine returns the last line before offset start that is not blank,
// trimmed, or "".
func prevLine(text string, start int) string {
	for end := start; end > 0; {
		ls := lineStart(text, end-1)
		if line := strings.TrimSpace(text[ls:end]); line != "" {
			return line
		}
		end = ls
	}
	return ""
}

// withTables adds to inds, which are in text order, the figures of tables
// (see tableIndicators), in order; a prose reading of a cell they replace
// (its number read as a count of nothing, or a sign taken for a range) is
// dropped.
func withTables(inds, tabled []Indicator) []Indicator {
	if len(tabled) == 0 {
		return inds
	}
	out := make([]Indicator, 0, len(inds)+len(tabled))
	k := 0
	for _, in := range inds {
		for k < len(tabled) && tabled[k].Span.Start < in.Span.Start {
			out = append(out, tabled[k])
			k++
		}
		replaced := false
		for _, t := range tabled[max(k-1, 0):] {
			if t.Span.Start >= in.Span.End {
				break
			}
			replaced = replaced || t.Span.End > in.Span.Start
		}
		if !replaced {
			out = append(out, in)
		}
	}
	return append(out, tabled[k:]...)
}
