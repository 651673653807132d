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
