package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"corridor/model"
)

func TestChartPane(t *testing.T) {
	c := testCorpus()
	for _, tc := range []struct {
		name  string
		ind   string
		kinds int // times c is pressed
		w, h  int
	}{
		{"80x24", "27%", 0, 80, 24},
		{"120x40", "27%", 0, 120, 40},
		{"series_80x24", "27%", 1, 80, 24},
		{"subjects_120x40", "Around 10 million ton", 2, 120, 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newChartPane(testPaneStyles(), c)
			p.SetSize(tc.w, tc.h)
			p.Focus()
			p.ShowIndicator(indicatorID(t, c, tc.ind))
			for range tc.kinds {
				p, _ = p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("c")})
			}
			checkFits(t, p.View(), tc.w, tc.h)
			golden.RequireEqual(t, []byte(ansi.Strip(p.View())))
		})
	}
}

func TestChartNegativeBar(t *testing.T) {
	c := testCorpus()
	p := newChartPane(testPaneStyles(), c)
	p.SetSize(80, 10)
	p.ShowIndicator(indicatorID(t, c, "27%"))
	v := ansi.Strip(p.View())
	if !strings.Contains(v, "-4%") || !strings.Contains(v, "█│") {
		t.Errorf("no negative bar left of the axis:\n%s", v)
	}
	if !strings.Contains(v, "▶ Hong Kong") {
		t.Errorf("focused figure not marked:\n%s", v)
	}
}

func TestChartCycleKinds(t *testing.T) {
	c := testCorpus()
	p := newChartPane(testPaneStyles(), c)
	p.SetSize(80, 20)
	p.ShowIndicator(indicatorID(t, c, "over 1,400")) // one year-less group: bars and subjects only
	cKey := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("c")}
	if p, _ = p.Update(cKey); p.kind != chartBars {
		t.Fatalf("unfocused pane reacted to a key")
	}
	p.Focus()
	var seen []chartKind
	for range 3 {
		p, _ = p.Update(cKey)
		seen = append(seen, p.kind)
	}
	if fmt.Sprint(seen) != fmt.Sprint([]chartKind{chartSubjects, chartBars, chartSubjects}) {
		t.Errorf("kinds = %v", seen)
	}
	p.ShowIndicator(indicatorID(t, c, "27%"))
	if p.kind != chartBars && p.kind != chartSubjects {
		t.Errorf("kind %v kept for a group that cannot draw it", p.kind)
	}
}

func TestChartFits(t *testing.T) {
	c := testCorpus()
	for _, ind := range []int{-1, 0, indicatorID(t, c, "27%")} {
		for k := chartBars; k <= chartSubjects; k++ {
			for _, sz := range paneSizes {
				p := newChartPane(testPaneStyles(), c)
				p.SetSize(sz[0], sz[1])
				p.ShowIndicator(ind)
				if p.kindFits(k) {
					p.kind = k
				}
				checkFits(t, p.View(), sz[0], sz[1])
			}
		}
	}
}

func TestMetricSparkline(t *testing.T) {
	c := testCorpus()
	// rail freight: 2023, 2024 (the document's year), 2030: eight years, three bars.
	if s := ansi.Strip(metricSparkline(testPaneStyles(), c, model.MetricRailFreight, 10)); strings.Count(s, "█") != 3 {
		t.Errorf("rail freight sparkline %q", s)
	}
	for _, w := range []int{0, 1, 5, 20} {
		s := metricSparkline(testPaneStyles(), c, model.MetricRailFreight, w)
		if got := ansi.StringWidth(s); got != w || strings.Contains(s, "\n") {
			t.Errorf("width %d: got %d cells: %q", w, got, s)
		}
		if p := newChartPane(testPaneStyles(), c); p.Sparkline(model.MetricRailFreight, w) != s {
			t.Errorf("width %d: Sparkline %q differs from metricSparkline %q", w, p.Sparkline(model.MetricRailFreight, w), s)
		}
	}
}

// bigCorpus has n indicators over n/100 documents, in eight metrics, forty
// subjects and thirty years, with one value in ten negative.
func bigCorpus(n int) *model.Corpus {
	c := model.NewCorpus()
	for d := 0; d < n/100; d++ {
		var r model.Result
		for i := range 100 {
			k := d*100 + i
			v := float64(k%997) - 50
			r.Indicators = append(r.Indicators, model.Indicator{
				Metric: model.Metrics[k%8], Subject: fmt.Sprintf("Subject %d", k%40),
				Period:   &model.Period{From: 1995 + k%30, To: 1995 + k%30},
				Quantity: model.Quantity{Value: v, Unit: "%", Text: "1%"},
			})
		}
		c.Add(&model.Document{ID: fmt.Sprintf("doc%d", d), Title: "Doc", Text: "1%"}, r)
	}
	return c
}

// BenchmarkChartShow shows that focusing an indicator and drawing its
// chart costs the same with a thousand indicators as with 100,000.
func BenchmarkChartShow(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		c := bigCorpus(n)
		p := newChartPane(testPaneStyles(), c)
		p.SetSize(120, 40)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := range b.N {
				p.ShowIndicator(i * 7919 % len(c.Indicators))
				_ = p.View()
			}
		})
	}
}

func BenchmarkChartIndex(b *testing.B) {
	c := bigCorpus(100000)
	b.ResetTimer()
	for range b.N {
		_ = newChartPane(testPaneStyles(), c)
	}
}

// TestChartLabels: a bar is labelled with its subject and its period, or
// a short title of its document when it has no period, never with the
// document's id; one figure is "1 figure".
func TestChartLabels(t *testing.T) {
	c := model.NewCorpus()
	text := "Kazakhstan's share of the region's GDP is approximately 60%."
	fig := strings.Index(text, "approximately")
	c.Add(&model.Document{ID: "001_fab5a6f0df99f", Title: "The Anatomy of Sino-Kazakh Trade Relations", Text: text},
		model.Result{Indicators: []model.Indicator{{Metric: "gdp_share", Subject: "Kazakhstan",
			Quantity: model.Quantity{Value: 60, Unit: "%", Qualifier: "approximately", Text: text[fig : len(text)-1],
				Span: model.Span{Start: fig, End: len(text) - 1}}}}})
	p := newChartPane(testPaneStyles(), c)
	p.SetSize(80, 10)
	p.ShowIndicator(0)
	v := ansi.Strip(p.View())
	for _, want := range []string{"· 1 figure ·", "Kazakhstan · Anatomy of Sino-…"} {
		if !strings.Contains(v, want) {
			t.Errorf("chart lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "001_") {
		t.Errorf("a bar is labelled with the document id:\n%s", v)
	}
}

func TestLabelledSparkline(t *testing.T) {
	st := testPaneStyles()
	for _, tc := range []struct {
		name   string
		counts map[int]int
		w      int
		want   string
	}{
		{"one year", map[int]int{2025: 3}, 12, "      █ 2025"},
		{"same century", map[int]int{2013: 1, 2015: 2}, 14, "   ▄ █ 2013–15"},
		{"two centuries", map[int]int{1998: 2, 2001: 2}, 16, "  █  █ 1998–2001"},
		{"more years than room", map[int]int{1990: 1, 2024: 1, 2025: 1}, 12, "  ██ 2022–25"},
		{"just room", map[int]int{2025: 1}, 6, "█ 2025"},
		{"no room for a label", map[int]int{2025: 1}, 4, "   █"},
		{"nothing dated", nil, 8, "        "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := labelledSparkline(st, tc.counts, tc.w)
			if got := ansi.Strip(s); got != tc.want || ansi.StringWidth(s) != tc.w {
				t.Errorf("got %q (%d cells), want %q", got, ansi.StringWidth(s), tc.want)
			}
		})
	}
}
