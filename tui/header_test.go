package tui

import (
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
			p := newHeaderPane(testStyles(), c)
			p.SetSize(tc.w, 1)
			p.SetFilter(tc.query, tc.shown)
			checkFits(t, p.View(), tc.w, 1)
			golden.RequireEqual(t, []byte(ansi.Strip(p.View())))
		})
	}
}
