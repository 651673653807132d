package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"corridor/model"
	"corridor/seeds"
)

// Benchmarks of the whole dashboard. Targets: a frame (View) under 2 ms at
// 120x40 whatever the corpus size; a cursor keypress that does no work
// proportional to the corpus; startup (New and the first View) on the
// embedded corpus under 50 ms.

// seedCorpus loads and extracts the embedded corpus, as `corridor` does with
// no paths.
func seedCorpus(tb testing.TB) *model.Corpus {
	docs, problems := model.LoadFS(seeds.FS, seeds.Root, model.LoadOptions{MaxBytes: model.DefaultMaxBytes})
	return model.Build(docs, problems)
}

var (
	dashboardOnce sync.Once
	dashboardBig  *model.Corpus
)

// dashboardCorpus returns an in-memory corpus of 20,000 documents and 100,000
// indicators (and 40,000 events), built directly rather than extracted so
// that it measures the dashboard alone.
func dashboardCorpus() *model.Corpus {
	dashboardOnce.Do(func() {
		dashboardBig = generatedCorpus(generatedSpec{docs: 20000, events: true, phrase: "freight figure",
			subjects: []string{"Kazakhstan", "Uzbekistan", "Hong Kong", "Shanghai", "Alashankou–Dostyk", "Kyrgyzstan",
				"Turkmenistan", "Tajikistan", "Xinjiang", "Hong Kong–Central Asia", ""}})
	})
	return dashboardBig
}

// generatedSpec describes a generated corpus: five figures a document, over
// every metric, the given subjects and thirty years.
type generatedSpec struct {
	docs     int
	subjects []string
	phrase   string // what each sentence says reached the figure
	events   bool   // two year events a document
	dated    bool   // give documents publication dates
}

// generatedCorpus builds the corpus of spec directly, without extraction, so
// that benchmarks measure the dashboard alone.
func generatedCorpus(spec generatedSpec) *model.Corpus {
	units := []string{"%", "t", "USD", "HKD", "count", "TEU"}
	c := model.NewCorpus()
	for d := 0; d < spec.docs; d++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d on corridor trade\n\n", d)
		var r model.Result
		for i := 0; i < 5; i++ {
			n := d*5 + i
			start := b.Len()
			fig := fmt.Sprintf("%d.%d million", 1+n%97, n%10)
			subject := spec.subjects[(n/3)%len(spec.subjects)]
			fmt.Fprintf(&b, "In %d, %s %s reached %s across the border. ", 2000+n%30, subject, spec.phrase, fig)
			fs := start + strings.Index(b.String()[start:], fig)
			in := model.Indicator{Metric: model.Metrics[n%len(model.Metrics)], Subject: subject,
				Period: &model.Period{From: 2000 + n%30, To: 2000 + n%30}, Sentence: model.Span{Start: start, End: b.Len() - 1}}
			in.Quantity = model.Quantity{Value: float64(1+n%97) * 1e6, Unit: units[n%len(units)],
				Span: model.Span{Start: fs, End: fs + len(fig)}, Text: fig}
			r.Indicators = append(r.Indicators, in)
			if spec.events && i < 2 {
				r.Events = append(r.Events, model.Event{Year: 2000 + n%30, Precision: model.PrecisionYear,
					Span: model.Span{Start: start + 3, End: start + 7}, Text: fmt.Sprint(2000 + n%30),
					Sentence: in.Sentence, Summary: spec.phrase})
			}
		}
		text := b.String()
		doc := &model.Document{ID: fmt.Sprintf("doc%05d", d), Path: fmt.Sprintf("doc%05d.txt", d),
			Title: fmt.Sprintf("Report %d on corridor trade", d), Format: model.FormatText, Bytes: len(text), Text: text}
		if spec.dated {
			doc.Date = model.Date{Year: 2000 + d%26, Month: 1 + d%12, Day: 1}
		}
		c.Add(doc, r)
	}
	return c
}

func benchView(b *testing.B, c *model.Corpus, keys ...string) {
	m, _ := drive(b, New(c, testStyles(), 120, 40), tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = drive(b, m, keysTB(keys...)...)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// keysTB is keys for benchmarks.
func keysTB(names ...string) []tea.Msg { return keys(names...) }

func BenchmarkViewSeeds(b *testing.B)       { benchView(b, seedCorpus(b)) }
func BenchmarkViewLarge(b *testing.B)       { benchView(b, dashboardCorpus()) }
func BenchmarkViewLargeReader(b *testing.B) { benchView(b, dashboardCorpus(), "G", "enter") }
func BenchmarkViewLargeGrouped(b *testing.B) {
	benchView(b, dashboardCorpus(), "b", "pgdown", "pgdown")
}

// BenchmarkKeypress measures a cursor move (Update and the messages it
// causes, then a frame): it should cost the same at any corpus size.
func BenchmarkKeypress(b *testing.B) {
	for _, tc := range []struct {
		name string
		c    func() *model.Corpus
	}{{"seeds", func() *model.Corpus { return seedCorpus(b) }}, {"large", dashboardCorpus}} {
		b.Run(tc.name, func(b *testing.B) {
			m, _ := drive(b, New(tc.c(), testStyles(), 120, 40), tea.WindowSizeMsg{Width: 120, Height: 40})
			down, up := kp("j"), kp("k")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				k := down
				if i++; i%2 == 0 {
					k = up
				}
				m, _ = drive(b, m, k)
				_ = m.View()
			}
		})
	}
}

// BenchmarkFilterLarge measures a change of the filter text over 100,000
// indicators: the one operation allowed to be linear in the corpus.
func BenchmarkFilterLarge(b *testing.B) {
	p := newTablePane(testPaneStyles(), dashboardCorpus())
	p.SetSize(70, 18)
	p.SetFilter("warmup") // builds the word index once
	qs := []string{"kazakhstan rail", "hong kong", "trade growth 2015"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p.SetFilter(qs[i%len(qs)])
		i++
	}
}

// BenchmarkStartup is what a user waits for: New and the first frame, on
// the embedded corpus already extracted.
func BenchmarkStartup(b *testing.B) {
	c := seedCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		m := New(c, testStyles(), 120, 40)
		_ = m.View()
	}
}

// BenchmarkStartupWithExtract adds loading and extracting the embedded
// corpus, the whole time to the first frame.
func BenchmarkStartupWithExtract(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := New(seedCorpus(b), testStyles(), 120, 40)
		_ = m.View()
	}
}

// BenchmarkStartupLarge is New and the first frame on 100,000 indicators.
func BenchmarkStartupLarge(b *testing.B) {
	c := dashboardCorpus()
	b.ReportAllocs()
	for b.Loop() {
		m := New(c, testStyles(), 120, 40)
		_ = m.View()
	}
}

// BenchmarkViewLargeTimeline is the timeline pane's frame alone over 40,000
// events, with a document marked: its axis is cached, so the cost must not
// grow with the number of events.
func BenchmarkViewLargeTimeline(b *testing.B) {
	p := newTimelinePane(testPaneStyles(), dashboardCorpus())
	p.SetSize(46, 18)
	p.MarkDocument("doc00042")
	b.ReportAllocs()
	for b.Loop() {
		_ = p.View()
	}
}
