package tui

import "testing"

func TestFixtureCorpus(t *testing.T) {
	c := testCorpus()
	if len(c.Documents) != 3 || len(c.Indicators) != 12 || len(c.Events) != 5 {
		t.Fatalf("fixture: %d docs, %d indicators, %d events", len(c.Documents), len(c.Indicators), len(c.Events))
	}
	for _, in := range c.Indicators {
		if d := c.Doc(in.Doc); d.Text[in.Span.Start:in.Span.End] != in.Text {
			t.Errorf("indicator %q span wrong", in.Text)
		}
	}
}
