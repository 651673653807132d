package tui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"corridor/model"
)

// editing returns the fixture's table, focused and sized, with / pressed
// and keys typed (key names such as "tab" are one key, anything else is
// typed rune by rune).
func editing(t *testing.T, c *model.Corpus, names ...string) tablePane {
	t.Helper()
	p := newTablePane(testPaneStyles(), c)
	p.SetSize(80, 20)
	p.Focus()
	for _, m := range keys(append([]string{"/"}, names...)...) {
		p, _ = p.Update(m)
	}
	return p
}

// TestQueryComplete: tab puts in the only candidate (a value with a space
// after it, a facet name without), else steps through the candidates;
// shift+tab steps back; a free word has nothing to complete.
func TestQueryComplete(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string
		input string   // the input after the keys
		comps []string // the candidates listed, as Value (Count)
	}{
		{"facet name", []string{"me", "tab"}, "metric:", []string{"rail_freight", "trade_growth", "listed_companies", "market_value", "gdp_growth", "gdp_share"}},
		{"negated facet", []string{"-sub", "tab"}, "-subject:", nil},
		{"only value", []string{"subject:ka", "tab"}, "subject:kazakhstan ", nil},
		{"metric value", []string{"metric:rail", "tab"}, "metric:rail_freight ", nil},
		{"second term", []string{"rail y", "tab"}, "rail year:", nil},
		{"step", []string{"subject:hong", "tab"}, `subject:"hong kong–central asia"`, []string{"Hong Kong–Central Asia", "Hong Kong"}},
		{"step on", []string{"subject:hong", "tab", "tab"}, `subject:"hong kong"`, []string{"Hong Kong–Central Asia", "Hong Kong"}},
		{"step back", []string{"subject:hong", "tab", "tab", "shift+tab"}, `subject:"hong kong–central asia"`, nil},
		{"after a comma", []string{"subject:shanghai,uz", "tab"}, "subject:shanghai,uzbekistan ", nil},
		{"free word", []string{"zz", "tab"}, "zz", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := editing(t, testCorpus(), tc.keys...)
			if got := p.input.Value(); got != tc.input {
				t.Errorf("input %q, want %q", got, tc.input)
			}
			if tc.comps != nil {
				var got []string
				for _, c := range p.comps {
					got = append(got, c.Value)
				}
				if strings.Join(got, ",") != strings.Join(tc.comps, ",") {
					t.Errorf("candidates %v, want %v", got, tc.comps)
				}
			}
			if !p.Typing() {
				t.Error("tab ended the typing")
			}
		})
	}
}

// TestQueryCompletionLine: the line under the input lists a facet's values
// with their counts, as many as fit, and the current one while stepping.
func TestQueryCompletionLine(t *testing.T) {
	p := editing(t, testCorpus(), "subject:")
	line := ansi.Strip(p.completionLine(80))
	if want := "subject: Alashankou–Dostyk (3) Shanghai (3) Hong Kong–Central Asia (2)"; !strings.HasPrefix(line, want) {
		t.Errorf("line %q, want it to start %q", line, want)
	}
	if w := ansi.StringWidth(p.completionLine(30)); w > 30 {
		t.Errorf("the line is %d cells in 30", w)
	}
	if line := ansi.Strip(editing(t, testCorpus(), "rail").completionLine(80)); !strings.HasPrefix(line, "facets: metric: subject:") {
		t.Errorf("a free word: line %q, want the facets as a reminder", line)
	}
}

// TestQueryFacets: the table's filter takes the model's facets, negations
// and phrases, with free words ranked by the fuzzy scorer (a typo still
// finds its word).
func TestQueryFacets(t *testing.T) {
	for _, tc := range []struct {
		query string
		first string // the best match's text
		n     int
	}{
		{"metric:rail_freight", "Around 10 million ton", 3},
		{"subject:kazakhstan year:2030", "14 million tonnes", 1},
		{"metric:rail_freight kazakstan", "14 million tonnes", 1},
		{"-subject:shanghai", "Around 10 million ton", 9},
		{`doc:"shanghai firms"`, "over 1,400", 4},
		{"value:>1m unit:t", "Around 10 million ton", 3},
		{"year:2020..2025 hong", "27%", 6},
		{"rail freight", "Around 10 million ton", 4},
	} {
		t.Run(tc.query, func(t *testing.T) {
			c := testCorpus()
			p := newTablePane(testPaneStyles(), c)
			p.SetSize(80, 20)
			p.SetFilter(tc.query)
			if q, n := p.Filter(); q != tc.query || n != tc.n || p.QueryError() != nil {
				t.Fatalf("Filter() = %q, %d (error %v); want %q, %d", q, n, p.QueryError(), tc.query, tc.n)
			}
			if got := c.Indicators[p.Current()].Text; got != tc.first {
				t.Errorf("first %q, want %q", got, tc.first)
			}
		})
	}
}

// TestQueryError: a query that does not parse keeps the rows of the last
// one that did, says what is wrong and where under the input, and enter
// does not apply it.
func TestQueryError(t *testing.T) {
	p := editing(t, testCorpus(), "rail metrc:x")
	var qe *model.QueryError
	if err := p.QueryError(); !errors.As(err, &qe) || qe.Offset != 5 || qe.Hint != "did you mean metric?" {
		t.Fatalf("error %v, want unknown facet at 5 with a hint", err)
	}
	if q, n := p.Filter(); q != "rail metrc" && (q != "rail" || n != 4) {
		t.Errorf("the rows follow %q (%d); want those of %q kept", q, n, "rail")
	}
	line := ansi.Strip(p.completionLine(80))
	if want := `       ↑ unknown facet "metrc"; did you mean metric?`; line != want {
		t.Errorf("error line\n%q, want\n%q", line, want)
	}
	p, _ = p.Update(kp("enter"))
	if !p.Typing() {
		t.Error("enter applied a query with an error")
	}
	p = typeKeys(p, "")
	for range "metrc:x" {
		p, _ = p.Update(kp("backspace"))
	}
	p, _ = p.Update(kp("enter"))
	if p.Typing() || p.QueryError() != nil {
		t.Errorf("after fixing: typing %v, error %v", p.Typing(), p.QueryError())
	}
}

// TestQueryStartError: --query with a mistake opens unfiltered and says why.
func TestQueryStartError(t *testing.T) {
	m := newTestModel(t, 120, 40, WithFilter("year:20x5"))
	if _, n := m.table.Filter(); n != 12 {
		t.Errorf("%d rows, want all 12", n)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, `bad year "20x5"`) {
		t.Errorf("the error is not on screen:\n%s", v)
	}
}

// TestQueryBar: the query bar typing a facet with its values listed under
// it, and with an error, at both sizes.
func TestQueryBar(t *testing.T) {
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"80x24", 80, 24, []string{"/", "year:2023 subject:"}},
		{"120x40", 120, 40, []string{"/", "year:2023 subject:"}},
		{"error_80x24", 80, 24, []string{"/", "rail metric:rali"}},
		{"stepping_120x40", 120, 40, []string{"/", "metric:", "tab", "tab"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := drive(t, New(conflictCorpus(), testStyles(), 0, 0), tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
			m, _ = drive(t, m, keys(tc.keys...)...)
			checkScreen(t, m, tc.w, tc.h)
			golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
		})
	}
}

// TestFlowQuery: type a facet, complete it and its value with tab, apply:
// the rows are the facet's and the summary counts their facets; esc clears.
func TestFlowQuery(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m, _ = drive(t, m, keys("/", "subj", "tab", "ala", "tab")...)
	if got := m.table.input.Value(); got != "subject:alashankou–dostyk " {
		t.Fatalf("input %q after two tabs", got)
	}
	m, _ = drive(t, m, keys("enter")...)
	if q, n := m.table.Filter(); q != "subject:alashankou–dostyk" || n != 3 || m.table.Typing() || m.focus != focusTable {
		t.Fatalf("filter %q, %d rows, typing %v, focus %d", q, n, m.table.Typing(), m.focus)
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"metric: rail freight 2 · trade growth 1", "3 of 12 indicators", "filter “subject:alashankou–dostyk”: 3 shown"} {
		if !strings.Contains(v, want) {
			t.Errorf("%q not on screen:\n%s", want, v)
		}
	}
	// A second facet narrows; free words rank what is left.
	m, _ = drive(t, m, keys("/", " metric:rail_freight 2023", "enter")...)
	if _, n := m.table.Filter(); n != 1 || m.corpus.Indicators[m.table.Current()].Text != "5.9 million tonnes" {
		t.Errorf("%d rows, first %q", n, m.corpus.Indicators[m.table.Current()].Text)
	}
	m, _ = drive(t, m, kp("esc"))
	if q, n := m.table.Filter(); q != "" || n != 12 {
		t.Errorf("esc left %q, %d rows", q, n)
	}
}
