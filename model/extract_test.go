package model

import "testing"

// TestExtractDateLineSummary: the publication date on a metadata line is an
// event, summarised by the title of the article it dates rather than by the
// bare date.
func TestExtractDateLineSummary(t *testing.T) {
	d, err := ParseDocument("news.txt", []byte("Rail freight rises\nDate: 2024-01-02\n\nFreight rose on March 3, 2023.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := Extract(d)
	want := map[string]string{
		"2024-01-02":    "Rail freight rises",
		"March 3, 2023": "Freight rose on March 3, 2023.",
	}
	if len(r.Events) != len(want) {
		t.Fatalf("got %d events, want %d: %+v", len(r.Events), len(want), r.Events)
	}
	for _, e := range r.Events {
		if e.Summary != want[e.Text] {
			t.Errorf("%q: summary %q, want %q", e.Text, e.Summary, want[e.Text])
		}
	}
}

// TestExtractRelativeYearPeriod: a figure that a relative year follows
// closely ("last year", "this year") takes that year, resolved against the
// document's date, as its period; a relative year that is the base of a
// comparison, or that follows a later figure, does not date it.
func TestExtractRelativeYearPeriod(t *testing.T) {
	text := "Kazakh grain\nDate: 2026-03-10\n\n" +
		"Kazakhstan's grain exports rose 12% last year. " +
		"Rail freight through Khorgos should reach 9 million tonnes this year. " +
		"Transit cargo climbed to 2.1 million tonnes, up from last year. " +
		"Uzbekistan shipped 300,000 tonnes to China against 250,000 tonnes last year.\n"
	d, err := ParseDocument("grain.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*Period{
		"12%":                {2025, 2025},
		"9 million tonnes":   {2026, 2026},
		"2.1 million tonnes": nil,
		"300,000 tonnes":     nil,
		"250,000 tonnes":     {2025, 2025},
	}
	got := map[string]*Period{}
	for _, in := range Extract(d).Indicators {
		got[in.Text] = in.Period
	}
	for text, w := range want {
		g, ok := got[text]
		switch {
		case !ok:
			t.Errorf("%q: no indicator", text)
		case (g == nil) != (w == nil) || g != nil && *g != *w:
			t.Errorf("%q: period %v, want %v", text, g, w)
		}
	}
}
