package tui

import (
	"strings"

	"corridor/model"
)

// fixtureDocs are three short articles with hand-placed indicators and
// events. Pane golden files use this fixture rather than the extractor's
// output, so that tuning the extractor does not churn the TUI's goldens.
var fixtureDocs = []struct {
	id, title string
	date      model.Date
	text      string
	inds      []fixtureInd
	evs       []fixtureEv
}{
	{
		id: "rail", title: "Rail freight through Dostyk keeps growing", date: model.Date{Year: 2024, Month: 3, Day: 12},
		text: "Rail freight through Dostyk keeps growing\n\n" +
			"Around 10 million ton of rail freight crosses the border between Alashankou and Dostyk annually. " +
			"In 2023, the crossing handled 5.9 million tonnes, up 12% from 2022.\n\n" +
			"Officials in Astana expect the figure to reach 14 million tonnes by 2030. " +
			"The first container train ran on January 3, 1992.\n",
		inds: []fixtureInd{
			{"Around 10 million ton", model.MetricRailFreight, "Alashankou–Dostyk", 1e7, 0, 0, "t", "approximately", "per year", nil},
			{"5.9 million tonnes", model.MetricRailFreight, "Alashankou–Dostyk", 5.9e6, 0, 0, "t", "", "", &model.Period{From: 2023, To: 2023}},
			{"12%", model.MetricTradeGrowth, "Alashankou–Dostyk", 12, 0, 0, "%", "", "", &model.Period{From: 2022, To: 2023}},
			{"14 million tonnes", model.MetricRailFreight, "Kazakhstan", 1.4e7, 0, 0, "t", "", "", &model.Period{From: 2030, To: 2030}},
		},
		evs: []fixtureEv{
			{"In 2023", 2023, 0, 0, 0, model.PrecisionYear},
			{"by 2030", 2030, 0, 0, 0, model.PrecisionYear},
			{"January 3, 1992", 1992, 1, 3, 0, model.PrecisionDay},
		},
	},
	{
		id: "gdp", title: "Central Asia's economies", date: model.Date{},
		text: "Central Asia's economies\n\n" +
			"Kazakhstan controls approximately 60% of Central Asia's GDP. " +
			"Uzbekistan grows at between 6% and 7% a year. " +
			"Trade between Hong Kong and Central Asia grew by 27% between 2020 and 2025, while exports fell by 4% in 2024.\n\n" +
			"Under the reign of Jiajing (1522–1566), relations were established. The mid-2026 mission follows.\n",
		inds: []fixtureInd{
			{"approximately 60%", model.MetricGDPShare, "Kazakhstan", 60, 0, 0, "%", "approximately", "", nil},
			{"between 6% and 7%", model.MetricGDPGrowth, "Uzbekistan", 0, 6, 7, "%", "", "per year", nil},
			{"27%", model.MetricTradeGrowth, "Hong Kong–Central Asia", 27, 0, 0, "%", "", "", &model.Period{From: 2020, To: 2025}},
			{"4%", model.MetricTradeGrowth, "Hong Kong–Central Asia", -4, 0, 0, "%", "", "", &model.Period{From: 2024, To: 2024}},
		},
		evs: []fixtureEv{
			{"1522–1566", 1522, 0, 0, 1566, model.PrecisionYear},
			{"mid-2026", 2026, 0, 0, 0, model.PrecisionYear},
		},
	},
	{
		id: "hkex", title: "Shanghai firms in Hong Kong", date: model.Date{Year: 2024, Month: 11, Day: 6},
		text: "Shanghai firms in Hong Kong\n\n" +
			"Hong Kong is home to over 1,400 mainland companies listed on its stock exchange, " +
			"with close to 200 from Shanghai, worth HK$2 trillion ($260 billion).\n",
		inds: []fixtureInd{
			{"over 1,400", model.MetricListedCompanies, "Hong Kong", 1400, 0, 0, "count", "over", "", nil},
			{"close to 200", model.MetricListedCompanies, "Shanghai", 200, 0, 0, "count", "nearly", "", nil},
			{"HK$2 trillion", model.MetricMarketValue, "Shanghai", 2e12, 0, 0, "HKD", "", "", nil},
			{"$260 billion", model.MetricMarketValue, "Shanghai", 2.6e11, 0, 0, "USD", "", "", nil},
		},
	},
}

type fixtureInd struct {
	text, metric, subject string
	value, low, high      float64
	unit, qualifier, rate string
	period                *model.Period
}

type fixtureEv struct {
	text                      string
	year, month, day, endYear int
	precision                 string
}

// testCorpus builds the fixture corpus; spans are found by searching each
// item's text in its document, sentences by the nearest ". " or newline.
func testCorpus() *model.Corpus {
	c := model.NewCorpus()
	for _, fd := range fixtureDocs {
		d := &model.Document{ID: fd.id, Path: fd.id + ".txt", Title: fd.title, Date: fd.date,
			Format: model.FormatText, Bytes: len(fd.text), Text: fd.text}
		var r model.Result
		for _, fi := range fd.inds {
			sp := spanOf(fd.text, fi.text)
			in := model.Indicator{Metric: fi.metric, Subject: fi.subject, Period: fi.period, Sentence: sentenceOf(fd.text, sp)}
			in.Quantity = model.Quantity{Value: fi.value, Low: fi.low, High: fi.high, IsRange: fi.low != 0 || fi.high != 0,
				Unit: fi.unit, Qualifier: fi.qualifier, Rate: fi.rate, Span: sp, Text: fi.text}
			if fi.unit == "count" {
				in.Counted = "companies"
			}
			r.Indicators = append(r.Indicators, in)
		}
		for _, fe := range fd.evs {
			sp := spanOf(fd.text, fe.text)
			sent := sentenceOf(fd.text, sp)
			r.Events = append(r.Events, model.Event{Year: fe.year, Month: fe.month, Day: fe.day, EndYear: fe.endYear,
				Precision: fe.precision, Span: sp, Text: fe.text, Sentence: sent, Summary: fd.text[sent.Start:sent.End]})
		}
		c.Add(d, r)
	}
	return c
}

func spanOf(text, sub string) model.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("fixture: " + sub + " not in text")
	}
	return model.Span{Start: i, End: i + len(sub)}
}

func sentenceOf(text string, sp model.Span) model.Span {
	s := strings.LastIndexAny(text[:sp.Start], ".\n") + 1
	for s < sp.Start && text[s] == ' ' {
		s++
	}
	e := strings.IndexAny(text[sp.End:], ".\n")
	if e < 0 {
		return model.Span{Start: s, End: len(text)}
	}
	return model.Span{Start: s, End: sp.End + e + 1}
}
