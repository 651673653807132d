package tui

import "corridor/model"

// conflictDocs are two more clippings about the Dostyk crossing in 2023
// that disagree with the fixture's 5.9 million tonnes and with each other:
// a later revision and an earlier estimate. They live apart from
// fixtureDocs so that the other panes' goldens do not change.
var conflictDocs = []struct {
	id, title string
	date      model.Date
	text      string
	inds      []fixtureInd
	evs       []fixtureEv
}{
	{
		id: "revised", title: "Dostyk volumes revised upward", date: model.Date{Year: 2025, Month: 1, Day: 10},
		text: "Dostyk volumes revised upward\n\n" +
			"Revised statistics show the Alashankou–Dostyk crossing handled 6.4 million tonnes of rail freight in 2023. " +
			"Kazakhstan's railway expects more.\n",
		inds: []fixtureInd{
			{"6.4 million tonnes", model.MetricRailFreight, "Alashankou–Dostyk", 6.4e6, 0, 0, "t", "", "", &model.Period{From: 2023, To: 2023}},
		},
	},
	{
		id: "estimate", title: "Early estimate for the border crossing", date: model.Date{Year: 2023, Month: 12, Day: 1},
		text: "Early estimate for the border crossing\n\n" +
			"An early estimate put 2023 rail freight through Alashankou–Dostyk at 5.2 million tonnes.\n",
		inds: []fixtureInd{
			{"5.2 million tonnes", model.MetricRailFreight, "Alashankou–Dostyk", 5.2e6, 0, 0, "t", "", "", &model.Period{From: 2023, To: 2023}},
		},
	},
}

// conflictCorpus is the fixture corpus plus conflictDocs: three documents
// give three figures for rail freight through Alashankou–Dostyk in 2023.
// The documents are added as testCorpus adds the fixture's.
func conflictCorpus() *model.Corpus {
	c := testCorpus()
	for _, fd := range conflictDocs {
		d := &model.Document{ID: fd.id, Path: fd.id + ".txt", Title: fd.title, Date: fd.date,
			Format: model.FormatText, Bytes: len(fd.text), Text: fd.text}
		var r model.Result
		for _, fi := range fd.inds {
			sp := spanOf(fd.text, fi.text)
			in := model.Indicator{Metric: fi.metric, Subject: fi.subject, Period: fi.period, Sentence: sentenceOf(fd.text, sp)}
			in.Quantity = model.Quantity{Value: fi.value, Unit: fi.unit, Qualifier: fi.qualifier, Rate: fi.rate, Span: sp, Text: fi.text}
			r.Indicators = append(r.Indicators, in)
		}
		c.Add(d, r)
	}
	return c
}
