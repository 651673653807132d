package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// Completion in the table's query bar. While the query is typed, the line
// under the input lists what the term at the cursor can become — facet
// names, or a facet's values with how many figures have each — as many as
// fit. Tab puts in the only candidate, else the longest prefix all of them
// share, else steps through them (shift+tab back); any other key ends the
// stepping and the list follows the text again.

// complete recomputes the candidates for the term at the input's cursor.
func (p *tablePane) complete() {
	v := p.input.Value()
	p.comps = model.Complete(p.idx.c, v, byteOffset(v, p.input.Position()))
	p.compSel = -1
}

// byteOffset converts a rune position in s (textinput's cursor) to a byte
// offset (what model.Complete takes).
func byteOffset(s string, runes int) int {
	off := 0
	for i := 0; i < runes && off < len(s); i++ {
		_, n := utf8.DecodeRuneInString(s[off:])
		off += n
	}
	return off
}

// completeKey is tab (dir 1) or shift+tab (dir -1).
func (p *tablePane) completeKey(dir int) {
	if len(p.comps) == 0 {
		return
	}
	if p.compSel < 0 {
		p.compIn = p.input.Value()
		if len(p.comps) == 1 {
			p.putCompletion(p.comps[0], true)
			return
		}
		c := p.comps[0]
		typed := p.compIn[c.Start:min(byteOffset(p.compIn, p.input.Position()), c.End)]
		if pre := commonPrefix(p.comps); len(pre) > len(typed) && strings.HasPrefix(strings.ToLower(pre), strings.ToLower(typed)) {
			c.Text = pre
			p.putCompletion(c, false)
			return
		}
		p.compSel = map[bool]int{true: 0, false: len(p.comps) - 1}[dir > 0]
	} else {
		p.compSel = (p.compSel + dir + len(p.comps)) % len(p.comps)
	}
	// Stepping: each candidate replaces the term of the text tab started from.
	c := p.comps[p.compSel]
	s := p.compIn[:c.Start] + c.Text + p.compIn[c.End:]
	p.input.SetValue(s)
	p.input.SetCursor(utf8.RuneCountInString(s[:c.Start+len(c.Text)]))
	p.applyQuery(s)
}

// putCompletion replaces the term with c and lists what can follow. A
// finished value (final) gets a space after it, ready for the next term;
// a facet name ("metric:") does not, and its values are listed at once.
func (p *tablePane) putCompletion(c model.Completion, final bool) {
	v := p.input.Value()
	text := c.Text
	if final && !strings.HasSuffix(text, ":") && (c.End == len(v) || v[c.End] != ' ') {
		text += " "
	}
	s := v[:c.Start] + text + v[c.End:]
	p.input.SetValue(s)
	p.input.SetCursor(utf8.RuneCountInString(s[:c.Start+len(text)]))
	p.applyQuery(s)
	p.complete()
}

// commonPrefix returns the longest prefix of every candidate's Text,
// ignoring case (the shortest spelling wins), cut back so as not to end
// inside a quote.
func commonPrefix(cs []model.Completion) string {
	pre := cs[0].Text
	for _, c := range cs[1:] {
		n := 0
		for n < len(pre) && n < len(c.Text) && lowerByte(pre[n]) == lowerByte(c.Text[n]) {
			n++
		}
		pre = pre[:n]
	}
	if strings.Count(pre, `"`)%2 == 1 {
		pre = pre[:strings.LastIndexByte(pre, '"')]
	}
	for !utf8.ValidString(pre) {
		pre = pre[:len(pre)-1]
	}
	return pre
}

func lowerByte(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// completingAt reports whether the candidates listed are for the term at
// byte offset off: a query error there ("no value for subject:") is only
// the term being typed, and its candidates say more than the error.
func (p tablePane) completingAt(off int) bool {
	if len(p.comps) == 0 {
		return false
	}
	c := p.comps[0]
	return off >= c.Start && off <= c.End
}

// holdFacetPrefix drops from the query typed the word being typed at the
// cursor when it is the start of a facet name ("subj"): the rows would
// otherwise flash to the fuzzy matches of "subj", then stay on them while
// "subject:" is an error. Enter applies the whole text.
func holdFacetPrefix(v string, cursor int) string {
	start := cursor
	for start > 0 && !isBlank(v[start-1]) {
		start--
	}
	if cursor < len(v) && !isBlank(v[cursor]) {
		return v // not at the end of the word: it is not being typed
	}
	w := strings.ToLower(strings.TrimPrefix(v[start:cursor], "-"))
	if len(w) < 2 {
		return v
	}
	for _, f := range model.Facets {
		if strings.HasPrefix(f, w) {
			return v[:start] + v[cursor:]
		}
	}
	return v
}

// completionLine is the line under the input: the query's error, with a
// caret under where it is when that is on screen, else the candidates,
// as many as fit in w cells.
func (p tablePane) completionLine(w int) string {
	if e, ok := p.qerr.(*model.QueryError); ok && !p.completingAt(e.Offset) {
		msg := e.Msg
		if e.Hint != "" {
			msg += "; " + e.Hint
		}
		col := ansi.StringWidth(p.input.Prompt) + ansi.StringWidth(p.input.Value()[:min(e.Offset, len(p.input.Value()))])
		if col+20 > w || col >= p.input.Width {
			return p.st.Error.Render(ansi.Truncate("✗ "+msg, w, "…"))
		}
		return strings.Repeat(" ", col) + p.st.Error.Render(ansi.Truncate("↑ "+msg, w-col, "…"))
	}
	if len(p.comps) == 0 {
		// A free word: remind what else the bar takes.
		return p.st.Muted.Render(ansi.Truncate("facets: "+strings.Join(model.Facets, ": ")+":", w, "…"))
	}
	head := "facets:"
	if p.comps[0].Count > 0 || strings.Contains(p.comps[0].Text, ":") && !strings.HasSuffix(p.comps[0].Text, ":") {
		head = p.comps[0].Text[:strings.IndexByte(p.comps[0].Text, ':')+1]
		head = strings.TrimPrefix(head, "-")
	}
	line := p.st.Muted.Render(head)
	used := ansi.StringWidth(head)
	for i, c := range p.comps {
		item := c.Value
		if c.Count > 0 {
			item += " (" + groupDigits(c.Count) + ")"
		}
		rest := ""
		if i+1 < len(p.comps) {
			rest = " …" // room kept to say that more follow
		}
		if used+1+ansi.StringWidth(item)+ansi.StringWidth(rest) > w {
			if used+2 <= w {
				line += p.st.Muted.Render(" …")
			}
			break
		}
		st := p.st.TableRow
		if i == p.compSel {
			st = p.st.TableSelected
		}
		line += " " + st.Render(item)
		used += 1 + ansi.StringWidth(item)
	}
	return line
}

// summaryLine is the line under a filtered table: the commonest values of
// a few facets among the rows shown, "metric rail freight 3 · trade growth
// 1 │ subject …", cut to w cells.
func (p tablePane) summaryLine(w int) string {
	var parts []string
	for _, f := range p.summary {
		if len(f.counts) == 0 {
			continue
		}
		var vs []string
		for _, fc := range f.counts {
			v := fc.Value
			if f.facet == "metric" {
				v = metricLabel(v)
			}
			vs = append(vs, v+" "+groupDigits(fc.Count))
		}
		parts = append(parts, f.facet+": "+strings.Join(vs, " · "))
	}
	return p.st.Muted.Render(ansi.Truncate(strings.Join(parts, " │ "), w, "…"))
}
