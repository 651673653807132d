package model

// Quantity is a figure as the quantity scanner finds it, before it is given a
// metric and a subject. For a single value, Value is set and IsRange is false;
// for a range ("between 6% and 7%", "6-7%") IsRange is true and Low/High are
// set. Values are normalised: "HK$2 trillion" is 2e12 HKD, "10 million ton"
// is 1e7 t, "27%" is 27 %, "one-tenth" is 10 %.
type Quantity struct {
	Value     float64 // the normalised value when !IsRange
	Low, High float64 // the normalised bounds when IsRange
	IsRange   bool    // a range rather than one value
	Unit      string  // "%", "pp", "t", "TEU", "km", "km2", "bbl", "bpd", an ISO currency code, "count", or a plain word
	Counted   string  // for Unit "count": what is counted ("companies", "trains"); else ""
	Qualifier string  // normalised qualifier: "approximately", "over", "under", "at least", "up to", "nearly", or ""
	Rate      string  // "per year", "per month", "per day", or ""
	Span      Span    // the figure in the text, qualifier included
	Text      string  // Text[Span.Start:Span.End]
}

// Period is the span of years an indicator refers to; From == To for one year.
type Period struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// Metric names what an indicator measures. The vocabulary is small and closed
// so that figures from different documents can be compared.
type Metric = string

// The metric vocabulary.
const (
	MetricTradeGrowth     Metric = "trade_growth"     // growth of trade, usually in %
	MetricTradeVolume     Metric = "trade_volume"     // value or volume of trade, turnover, exports, imports
	MetricTradeTarget     Metric = "trade_target"     // a stated goal for trade
	MetricGDP             Metric = "gdp"              // size of an economy
	MetricGDPShare        Metric = "gdp_share"        // share of a larger economy
	MetricGDPGrowth       Metric = "gdp_growth"       // growth of an economy
	MetricRailFreight     Metric = "rail_freight"     // freight carried by rail
	MetricFreightVolume   Metric = "freight_volume"   // freight by other or unspecified modes, port throughput
	MetricTrains          Metric = "trains"           // number of freight trains
	MetricMarketValue     Metric = "market_value"     // market capitalisation, value of listed companies
	MetricListedCompanies Metric = "listed_companies" // number of companies listed on an exchange
	MetricInvestment      Metric = "investment"       // investment, loans, financing, funds, money spent on projects
	MetricDelegation      Metric = "delegation"       // members of a delegation or mission
	MetricExhibitors      Metric = "exhibitors"       // exhibitors at a fair or expo
	MetricTerritory       Metric = "territory"        // land area
	MetricPopulation      Metric = "population"       // people living somewhere
	MetricPrice           Metric = "price"            // a price or rate
	MetricOther           Metric = "other"            // anything else
)

// Metrics lists the vocabulary in a fixed order, for help texts and facets.
var Metrics = []Metric{
	MetricTradeGrowth, MetricTradeVolume, MetricTradeTarget, MetricGDP, MetricGDPShare,
	MetricGDPGrowth, MetricRailFreight, MetricFreightVolume, MetricTrains, MetricMarketValue,
	MetricListedCompanies, MetricInvestment, MetricDelegation, MetricExhibitors,
	MetricTerritory, MetricPopulation, MetricPrice, MetricOther,
}

// Indicator is a Quantity placed in context: what it measures, whom it is
// about, the period it refers to, and the sentence it came from.
type Indicator struct {
	Quantity
	ID       int     // index in Corpus.Indicators
	Doc      string  // Document.ID
	Metric   Metric  // what is measured
	Subject  string  // canonical gazetteer name of the place, corridor or body ("Kazakhstan", "Hong Kong–Central Asia"), or ""
	Period   *Period // the years referred to, or nil
	Sentence Span    // the sentence holding the figure
}

// Precision tells how much of an Event's date the text gives.
type Precision = string

// Event precisions, finest first.
const (
	PrecisionDay     Precision = "day"     // "January 3, 1992"
	PrecisionMonth   Precision = "month"   // "March 2023"
	PrecisionYear    Precision = "year"    // "In 1862", "mid-2026"
	PrecisionDecade  Precision = "decade"  // "early 1990s"
	PrecisionCentury Precision = "century" // "mid-19th century"
)

// Event is a dated mention: a day, month, year, decade or century, or a range
// of years, found in a document. Fuzzy dates keep their modifier ("mid",
// "early", "late"); relative dates ("on Tuesday", "last year") are resolved
// against the document date and marked Relative.
type Event struct {
	ID        int       // index in Corpus.Events
	Doc       string    // Document.ID
	Year      int       // the (first) year; for a century, its first year (19th century: 1801)
	Month     int       // 1-12, or 0
	Day       int       // 1-31, or 0
	EndYear   int       // last year of a range ("1522–1566"), or 0
	Precision Precision // how much of the date the text gives
	Modifier  string    // "early", "mid", "late", or ""
	Relative  bool      // resolved from a relative expression against the document date
	Span      Span      // the date expression in the text
	Text      string    // Text[Span.Start:Span.End]
	Summary   string    // one line taken from the sentence
	Sentence  Span      // the sentence holding the date
}

// Date returns the event's (first) date.
func (e Event) Date() Date { return Date{e.Year, e.Month, e.Day} }
