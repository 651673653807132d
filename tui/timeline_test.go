package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"corridor/model"
)

func TestTimelinePane(t *testing.T) {
	c := testCorpus()
	for _, tc := range []struct {
		name string
		keys []string
		w, h int
	}{
		{"80x24", nil, 80, 24},
		{"120x40", []string{"j"}, 120, 40},
		{"zoomed_80x24", []string{"G", "+", "+", "+"}, 80, 24},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newTimelinePane(testPaneStyles(), c)
			p.SetSize(tc.w, tc.h)
			p.MarkDocument("rail")
			p.Focus()
			for _, k := range tc.keys {
				p, _ = p.Update(keyMsg(k))
			}
			checkFits(t, p.View(), tc.w, tc.h)
			golden.RequireEqual(t, []byte(ansi.Strip(p.View())))
		})
	}
}

func TestTimelineMoves(t *testing.T) {
	c := testCorpus()
	p := newTimelinePane(testPaneStyles(), c)
	p.SetSize(80, 24)
	if _, cmd := p.Update(keyMsg("j")); cmd != nil {
		t.Fatal("unfocused timeline reacted to a key")
	}
	p.Focus()
	// Events by date: 1522–1566, Jan 3 1992, 2023, 2026, 2030.
	var cmd tea.Cmd
	p, cmd = p.Update(keyMsg("j"))
	if m, ok := cmd().(eventFocusedMsg); !ok || c.Events[m.ID].Text != "January 3, 1992" {
		t.Errorf("j: got %#v", cmd())
	}
	p, cmd = p.Update(keyMsg("G"))
	if m := cmd().(eventFocusedMsg); c.Events[m.ID].Text != "by 2030" {
		t.Errorf("G: focused %q", c.Events[m.ID].Text)
	}
	if _, cmd = p.Update(keyMsg("j")); cmd != nil {
		t.Errorf("j at the last event announced a move")
	}
	_, cmd = p.Update(keyMsg("enter"))
	want := openSourceMsg{Doc: "rail", Span: c.Events[p.Cursor()].Span, Indicator: -1, Event: p.Cursor()}
	if got := cmd(); got != want {
		t.Errorf("enter: got %#v, want %#v", got, want)
	}
	p.FocusEvent(0) // "In 2023"
	if p.Cursor() != 0 {
		t.Errorf("FocusEvent: cursor %d", p.Cursor())
	}
}

func TestTimelineZoom(t *testing.T) {
	c := testCorpus()
	p := newTimelinePane(testPaneStyles(), c)
	p.SetSize(80, 24)
	p.Focus()
	p, _ = p.Update(keyMsg("G"))
	from0, to0 := p.VisibleYears()
	if from0 > 1522 || to0 < 2030 {
		t.Fatalf("unzoomed range %d–%d does not hold every event", from0, to0)
	}
	for range 4 {
		p, _ = p.Update(keyMsg("+"))
	}
	from, to := p.VisibleYears()
	if from <= from0 || to > to0 || from > 2030 || to < 2030 {
		t.Errorf("zoomed range %d–%d: want a narrower range around 2030 within %d–%d", from, to, from0, to0)
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "zoom ×16") {
		t.Errorf("zoom not shown:\n%s", v)
	}
	for range 10 {
		p, _ = p.Update(keyMsg("-"))
	}
	if f, l := p.VisibleYears(); f != from0 || l != to0 {
		t.Errorf("zoomed out to %d–%d, want %d–%d", f, l, from0, to0)
	}
}

func TestEventDateText(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    model.Event
		want string
	}{
		{"range", model.Event{Year: 1522, EndYear: 1566, Precision: model.PrecisionYear}, "1522–1566"},
		{"mid year", model.Event{Year: 2026, Precision: model.PrecisionYear, Modifier: "mid"}, "mid-2026"},
		{"day", model.Event{Year: 1992, Month: 1, Day: 3, Precision: model.PrecisionDay}, "Jan 3, 1992"},
		{"month", model.Event{Year: 2023, Month: 3, Precision: model.PrecisionMonth}, "Mar 2023"},
		{"decade", model.Event{Year: 1990, Precision: model.PrecisionDecade, Modifier: "early"}, "early 1990s"},
		{"century", model.Event{Year: 1801, Precision: model.PrecisionCentury, Modifier: "mid"}, "mid-19th century"},
		{"21st", model.Event{Year: 2001, Precision: model.PrecisionCentury}, "21st century"},
		// The model gives a century or decade its years as a range too.
		{"century with its years", model.Event{Year: 1801, EndYear: 1900, Precision: model.PrecisionCentury}, "19th century"},
		{"decade with its years", model.Event{Year: 1990, EndYear: 1999, Precision: model.PrecisionDecade}, "1990s"},
		{"bc", model.Event{Year: -205, Precision: model.PrecisionYear}, "206 BC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := eventDateText(&tc.e); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTimelineScale(t *testing.T) {
	for _, y := range []float64{-2000, -206, 0, 600, 1522, 1850, 1900, 1992.5, 2030} {
		if got := yearOf(scaleOf(y)); got-y > 1e-6 || y-got > 1e-6 {
			t.Errorf("yearOf(scaleOf(%v)) = %v", y, got)
		}
	}
	// The last 130 years take more room than the 2,000 before them.
	if modern, old := scaleOf(2030)-scaleOf(1900), scaleOf(1900)-scaleOf(-206); modern <= old {
		t.Errorf("modern %v <= old %v", modern, old)
	}
}

func TestTimelineFits(t *testing.T) {
	c := testCorpus()
	for _, corpus := range []*model.Corpus{c, model.NewCorpus()} {
		for _, sz := range paneSizes {
			p := newTimelinePane(testPaneStyles(), corpus)
			p.SetSize(sz[0], sz[1])
			p.MarkDocument("gdp")
			checkFits(t, p.View(), sz[0], sz[1])
			p.Focus()
			for range 5 {
				p, _ = p.Update(keyMsg("+"))
			}
			checkFits(t, p.View(), sz[0], sz[1])
		}
	}
}

// TestTimelineAxisCache: every way the axis can change (size, zoom, a
// cursor move while zoomed, another marked document) refreshes the cached
// axis, so View never draws a stale one nor recomputes it.
func TestTimelineAxisCache(t *testing.T) {
	p := newTimelinePane(testPaneStyles(), testCorpus())
	p.Focus()
	check := func(step string) {
		t.Helper()
		lo, hi := p.visibleRange()
		if !p.axis.fresh(p.w, lo, hi) || p.axis.marked != p.marked {
			t.Fatalf("%s: the cached axis is stale", step)
		}
		fresh := p
		fresh.axis = timelineAxis{} // force a rebuild in View
		if got, want := p.View(), fresh.View(); got != want {
			t.Fatalf("%s: cached view differs from a rebuilt one:\n%s\nwant:\n%s", step, ansi.Strip(got), ansi.Strip(want))
		}
	}
	p.SetSize(80, 24)
	check("SetSize")
	p.MarkDocument("rail")
	check("MarkDocument")
	if !strings.Contains(ansi.Strip(p.axisView()[0]), "◆") {
		t.Error("no marker for the marked document's events")
	}
	for _, k := range []string{"+", "+", "j", "G", "k", "-"} {
		p, _ = p.Update(keyMsg(k))
		check(k)
	}
	p.FocusEvent(0)
	check("FocusEvent")
	p.SetSize(50, 12)
	check("SetSize again")
}
