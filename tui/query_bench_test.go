package tui

import (
	"context"
	"os"
	"sync"
	"testing"

	"corridor/model"
)

// The table's query over 64,000 indicators must filter in under 20 ms, the
// time a keypress can take without the typing feeling slow. The generated
// corpus is always there; the Reuters corpus (about as many figures, real
// text) is read in place when present.

var (
	query64kOnce sync.Once
	query64k     *model.Corpus
)

// corpus64k returns 12,800 generated documents of five figures each:
// 64,000 indicators over every metric, eleven subjects and thirty years.
func corpus64k() *model.Corpus {
	query64kOnce.Do(func() {
		query64k = generatedCorpus(generatedSpec{docs: 12800, dated: true, phrase: "rail freight",
			subjects: []string{"Kazakhstan", "Uzbekistan", "Hong Kong", "Shanghai", "Alashankou–Dostyk", "Kyrgyzstan",
				"Turkmenistan", "Tajikistan", "Xinjiang", "Hong Kong–Central Asia", "China"}})
		query64k.Prepare()
	})
	return query64k
}

// reutersTUI loads the Reuters corpus in place, or skips.
func reutersTUI(b *testing.B) *model.Corpus {
	const dir = "../../shared/corpora/reuters21578" // read in place; research use only, never copied
	if _, err := os.Stat(dir); err != nil {
		b.Skip("Reuters corpus not present")
	}
	c, err := model.LoadCorpus(context.Background(), os.DirFS(dir), ".", nil,
		model.StreamOptions{LoadOptions: model.LoadOptions{Base: dir}}, nil)
	if err != nil {
		b.Fatal(err)
	}
	c.Prepare()
	return c
}

// benchQueries are typical queries: facets alone, facets with free words
// (the fuzzy scorer), negation, a phrase, and words alone.
var benchQueries = []string{
	"metric:rail_freight subject:kazakhstan year:2020..2025",
	`metric:rail_freight subject:kazakhstan year:2020..2025 doc:"trade" rail freight`,
	"year:2010.. -subject:china value:>5m",
	"conflict:yes",
	`"rail freight" kazakhstan`,
	"kazakhstan rail",
}

// benchTableQuery measures what a change of the query text costs the
// table: parse, model.Query.Filter, the fuzzy scorer, the re-sort and the
// facet summary, i.e. applyQuery. Each query alternates with the empty one
// so that every iteration really filters.
func benchTableQuery(b *testing.B, c *model.Corpus, queries []string) {
	p := newTablePane(testPaneStyles(), c)
	p.SetSize(70, 18)
	p.SetFilter("warmup") // builds the word index once, as the first filter does
	p.SetFilter("")
	for _, q := range queries {
		b.Run(q, func(b *testing.B) {
			n := 0
			for b.Loop() {
				p.SetFilter(q)
				_, n = p.Filter()
				p.SetFilter("")
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
			b.ReportMetric(float64(n), "rows")
			b.ReportMetric(float64(len(c.Indicators)), "indicators")
		})
	}
}

func BenchmarkTableQuery64k(b *testing.B) { benchTableQuery(b, corpus64k(), benchQueries) }

func BenchmarkTableQueryReuters(b *testing.B) {
	benchTableQuery(b, reutersTUI(b), append([]string{
		"crude oil prices", `metric:price subject:kuwait,"saudi arabia",iran`,
		"year:1986..1987 value:>1e6 oil", `doc:"cocoa" tonnes`}, benchQueries...))
}

// BenchmarkComplete64k is what a keystroke in the query bar pays for its
// candidates (model.Complete counts a facet's values over the corpus).
func BenchmarkComplete64k(b *testing.B) {
	c := corpus64k()
	for _, in := range []string{"subj", "subject:ka", "metric:", "doc:doc001"} {
		b.Run(in, func(b *testing.B) {
			for b.Loop() {
				model.Complete(c, in, len(in))
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
		})
	}
}
