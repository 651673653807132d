package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"corridor/model"
)

func TestHeaderPane(t *testing.T) {
	for _, tc := range []struct {
		name     string
		w        int
		query    string
		shown    int
		problems int
	}{
		{"80x24", 80, "", 12, 0},
		{"120x40", 120, "", 12, 0},
		{"filtered_80x24", 80, "rail freight", 4, 0},
		{"filtered_problems_120x40", 120, "rail freight", 4, 2},
		{"narrow_problems_60", 60, "rail freight", 4, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testCorpus()
			for range tc.problems {
				c.Problems = append(c.Problems, model.Problem{Path: "x.pdf", Err: "unsupported"})
			}
			p := newHeaderPane(testPaneStyles(), c)
			p.SetSize(tc.w, 1)
			p.SetFilter(tc.query, tc.shown)
			checkFits(t, p.View(), tc.w, 1)
			golden.RequireEqual(t, []byte(ansi.Strip(p.View())))
		})
	}
}

// TestHeaderMetric: the focused metric's sparkline shows at the right when
// the line has room, and gives way to the counts and the filter when not.
func TestHeaderMetric(t *testing.T) {
	c := testCorpus()
	spark := newChartPane(testPaneStyles(), c).SparklineYears(model.MetricRailFreight, 20)
	for _, tc := range []struct {
		w     int
		query string
		want  bool
	}{{120, "", true}, {120, "rail", true}, {80, "", false}, {60, "", false}} {
		p := newHeaderPane(testPaneStyles(), c)
		p.SetSize(tc.w, 1)
		p.SetFilter(tc.query, 4)
		p.SetMetric("rail freight", spark)
		v := ansi.Strip(p.View())
		checkFits(t, p.View(), tc.w, 1)
		if got := strings.Contains(v, "rail freight by year") && strings.Contains(v, "█ 2023–30"); got != tc.want {
			t.Errorf("%d wide, filter %q: sparkline shown %v, want %v:\n%s", tc.w, tc.query, got, tc.want, v)
		}
		if !strings.Contains(v, "12 indicators") {
			t.Errorf("%d wide: the counts gave way to the sparkline:\n%s", tc.w, v)
		}
	}
}
