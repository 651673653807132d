package model

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fig builds the quantity for the figure text inside sentence, the way the
// scanner would report it, so the classifier can be tested on its own.
func fig(t testing.TB, sentence, figure, unit string) Quantity {
	t.Helper()
	i := strings.Index(sentence, figure)
	if i < 0 {
		t.Fatalf("figure %q not in %q", figure, sentence)
	}
	return Quantity{Unit: unit, Span: Span{i, i + len(figure)}, Text: figure}
}

func TestBuildIndicators(t *testing.T) {
	tests := []struct {
		name        string
		sentence    string
		figure      string
		unit        string
		wantMetric  Metric
		wantSubject string
		wantPeriod  *Period // nil: no period
	}{
		{"share of a region's GDP, subject in a heading parenthetical",
			"The Steppe Giant (Turkmenistan): Holding nearly 35% of the Caspian region's gross domestic product, Turkmenistan dominates gas exports.",
			"nearly 35%", "%", MetricGDPShare, "Turkmenistan", nil},
		{"share of GDP, subject after",
			"Accounting for 12% of Asia's GDP, Indonesia is the largest economy of Southeast Asia.",
			"12%", "%", MetricGDPShare, "Indonesia", nil},
		{"GDP growth range with subject before the verb",
			"Landlocked Kyrgyzstan expanded its economy at annual GDP rates between 4% and 5% over the decade.",
			"between 4% and 5%", "%", MetricGDPGrowth, "Kyrgyzstan", nil},
		{"bare growth forecast with year before its noun",
			"Singapore's trade minister was upbeat about the outlook for 2027, while forecasting 2026 growth to slow to 1.8%, below earlier estimates.",
			"1.8%", "%", MetricGDPGrowth, "Singapore", &Period{2026, 2026}},
		{"Reuters GDP growth",
			"The OECD forecast that Italian gross domestic product would rise three pct in 1987.",
			"three pct", "%", MetricGDPGrowth, "Italy", &Period{1987, 1987}},
		{"trade growth between two places over a year range",
			"Total bilateral trade between Tajikistan and the Gulf states rose by 18% between 2019 and 2023.",
			"18%", "%", MetricTradeGrowth, "Tajikistan–Persian Gulf", &Period{2019, 2023}},
		{"Reuters export growth",
			"TOKYO, March 2 - Japan's exports rose 14.6 pct from a year earlier in February, the Finance Ministry said.",
			"14.6 pct", "%", MetricTradeGrowth, "Japan", nil},
		{"trade target with a partner and a misspelt demonym",
			"The Uzbekstan government plans to lift annual trade with Russia to 15 billion dollars by 2030.",
			"15 billion dollars", "USD", MetricTradeTarget, "Uzbekistan–Russia", &Period{2030, 2030}},
		{"trade volume with a hyphen pair",
			"Sino-Kyrgyz trade reached 19.8 billion dollars in 2023, customs data showed.",
			"19.8 billion dollars", "USD", MetricTradeVolume, "China–Kyrgyzstan", &Period{2023, 2023}},
		{"money a government will spend is investment",
			"To ease the bottlenecks, Kazakhstan's government plans to spend 1.2 trillion tenge on new lines and border terminals.",
			"1.2 trillion tenge", "KZT", MetricInvestment, "Kazakhstan", nil},
		{"economies traded with are partners, not the economy measured",
			"Hong Kong's total trade with the five Central Asian economies reached HK$12.6 billion in 2025.",
			"HK$12.6 billion", "HKD", MetricTradeVolume, "Hong Kong", &Period{2025, 2025}},
		{"Reuters trade surplus",
			"Taiwan's trade surplus widened to 15.6 billion U.S. Dlrs in 1986.",
			"15.6 billion", "USD", MetricTradeVolume, "Taiwan", &Period{1986, 1986}},
		{"a year after a compared figure is that figure's",
			"Kazakhstan expects its 2027 grain exports to rise to 9.1 million tonnes from 7.4 million in 2026.",
			"9.1 million tonnes", "t", MetricTradeVolume, "Kazakhstan", &Period{2027, 2027}},
		{"the compared figure keeps its year",
			"Kazakhstan expects its 2027 grain exports to rise to 9.1 million tonnes from 7.4 million in 2026.",
			"7.4 million", "t", MetricTradeVolume, "Kazakhstan", &Period{2026, 2026}},
		{"fiscal year",
			"Australia's exports to Japan are expected to total 9.5 billion dlrs in 1986/87.",
			"9.5 billion dlrs", "USD", MetricTradeVolume, "Australia–Japan", &Period{1986, 1987}},
		{"rail freight at a border crossing",
			"About 18 million tonnes of rail cargo pass between Khorgos and Altynkol each year.",
			"18 million tonnes", "t", MetricRailFreight, "Khorgos–Altynkol", nil},
		{"freight through a port",
			"The port of Aktau handled 6.1 million tonnes of cargo in 2024.",
			"6.1 million tonnes", "t", MetricFreightVolume, "Aktau", &Period{2024, 2024}},
		{"container trains",
			"Chongqing dispatched 2,300 freight trains to Duisburg last year.",
			"2,300", "count", MetricTrains, "Chongqing", nil},
		{"delegation members named by place",
			"The mission included 25 Singapore bankers and 12 Malaysian officials.",
			"25", "count", MetricDelegation, "Singapore", nil},
		{"delegation members by demonym",
			"The mission included 25 Singapore bankers and 12 Malaysian officials.",
			"12", "count", MetricDelegation, "Malaysia", nil},
		{"listed companies belong to the exchange's place",
			"Singapore hosts more than 600 foreign companies listed on the city's bourse.",
			"more than 600", "count", MetricListedCompanies, "Singapore", nil},
		{"listed companies with an origin",
			"London hosts 400 listed issuers, with about 90 coming from India alone.",
			"about 90", "count", MetricListedCompanies, "India", nil},
		{"market value",
			"Those firms have a combined market capitalisation of 1.2 trillion dollars.",
			"1.2 trillion dollars", "USD", MetricMarketValue, "", nil},
		{"investment",
			"Japan pledged 3 billion dollars of investment in Uzbek infrastructure.",
			"3 billion dollars", "USD", MetricInvestment, "Japan", nil},
		{"exhibitors count",
			"More than 150 Kazakh companies are exhibiting at the Canton fair this year.",
			"More than 150", "count", MetricExhibitors, "Kazakhstan", nil},
		{"territory by demonym",
			"In 1881, Russian forces withdrew, ceding 20,000 square kilometres to the Qing.",
			"20,000 square kilometres", "km2", MetricTerritory, "Russia", nil},
		{"population",
			"Uzbekistan is home to about 36 million people.",
			"36 million", "count", MetricPopulation, "Uzbekistan", nil},
		{"price per unit",
			"Kazakhstan sold uranium at 60 dlrs per pound.",
			"60 dlrs", "USD", MetricPrice, "Kazakhstan", nil},
		{"profit is other",
			"Standard Oil said net profit rose 20 pct in the quarter.",
			"20 pct", "%", MetricOther, "", nil},
		{"year in a name is no period",
			"Speaking at the 2025 Astana Mining Forum, Kazakh officials said exports grew 9%.",
			"9%", "%", MetricTradeGrowth, "Kazakhstan", nil},
		// A pair inside a prepositional modifier yields to the clause's
		// subject, unless the metric is bilateral trade.
		{"pair in a prepositional modifier yields to the subject",
			"The Aktau port on the Caspian–Europe route handled 6.1 million tonnes of cargo in 2024.",
			"6.1 million tonnes", "t", MetricFreightVolume, "Aktau", &Period{2024, 2024}},
		{"pair after 'between' yields to the clause's subject",
			"Dostyk station between Kazakhstan and China loaded 2,300 freight trains last year.",
			"2,300", "count", MetricTrains, "Dostyk", nil},
		{"pair in a modifier still wins for trade",
			"Almaty firms on the Sino-Kazakh border exported 3 billion dollars of goods in 2023.",
			"3 billion dollars", "USD", MetricTradeVolume, "China–Kazakhstan", &Period{2023, 2023}},
		{"pair heading the subject wins",
			"China–Europe trains crossing Kazakhstan carried 1.2 million TEU in 2023.",
			"1.2 million TEU", "TEU", MetricRailFreight, "China–Europe", &Period{2023, 2023}},
		// Money raised, FDI shares and project costs are investment.
		{"funds raised in a listing",
			"Forty firms listed in Singapore this year, raising S$3 billion.",
			"S$3 billion", "SGD", MetricInvestment, "Singapore", nil},
		{"share of FDI",
			"Turkmenistan receives about 15% of foreign direct investment in the Caspian region.",
			"about 15%", "%", MetricInvestment, "Turkmenistan", nil},
		{"small cost is still a price",
			"A ticket on the Almaty train costs 30 dollars.",
			"30 dollars", "USD", MetricPrice, "Almaty", nil},
		{"price per unit after a slash",
			"Kazakh uranium sold for 60 dlrs/lb in 2024.",
			"60 dlrs", "USD", MetricPrice, "Kazakhstan", &Period{2024, 2024}},
		{"per-share earnings are no price",
			"Halyk Bank said net profit was 1.2 billion tenge, or 12 tenge a share.",
			"12 tenge", "KZT", MetricOther, "", nil},
		{"earnings line",
			"Shr 1.23 dlrs vs 1.04 dlrs",
			"1.04 dlrs", "USD", MetricOther, "", nil},
		{"dividend line",
			"Qtly div 45 cts vs 30 cts prior",
			"45 cts", "cents", MetricOther, "", nil},
		{"a charge per share is no price",
			"Results include a charge of 19 cts a share for closing a plant.",
			"19 cts", "cents", MetricOther, "", nil},
		{"an offer per share is a price",
			"The group offered 44 dlrs a share for the Kazakh miner.",
			"44 dlrs", "USD", MetricPrice, "Kazakhstan", nil},
		{"population of a bare number",
			"Tajikistan has a population of about 10 million.",
			"about 10 million", "count", MetricPopulation, "Tajikistan", nil},
		{"possessive population",
			"Mongolia's 3.4 million population is young.",
			"3.4 million", "count", MetricPopulation, "Mongolia", nil},
		{"subject from the previous sentence",
			"The line runs from Lianyungang to Almaty. Around 2 million tonnes of rail freight use it each year.",
			"2 million tonnes", "t", MetricRailFreight, "Lianyungang–Almaty", nil},
		{"the document's topic when the sentence names no place",
			"Mongolia's coal exports hit a record.\nThe European Union opened talks on a transit deal.\nFreight rates fell to about 40 dollars per tonne.",
			"about 40 dollars", "USD", MetricPrice, "Mongolia", nil},
		{"a sentence of the same paragraph keeps the previous one's subject",
			"Mongolia's coal exports hit a record.\nThe port of Aktau handled 2 million tonnes. Expansion to 5 million tonnes is planned.",
			"5 million tonnes", "t", MetricFreightVolume, "Aktau", nil},
		{"but not a place travelled to",
			"Mongolia's coal exports hit a record.\nA delegation toured Aktau in May. Officials hope to lift freight to 5 million tonnes.",
			"5 million tonnes", "t", MetricFreightVolume, "Mongolia", nil},
		{"a pronoun keeps the previous sentence's subject",
			"Mongolia's coal exports hit a record. Aktau signed a transit deal. It will handle 3 million tonnes of cargo a year.",
			"3 million tonnes", "t", MetricFreightVolume, "Aktau", nil},
		{"a mass with no cue is freight",
			"Kazakhstan said the terminal at Khorgos will take 4 million tonnes in 2026.",
			"4 million tonnes", "t", MetricFreightVolume, "Kazakhstan", &Period{2026, 2026}},
		{"but ounces of gold are no freight",
			"The mine in Kazakhstan is expected to produce 42,000 ounces of gold this year.",
			"42,000 ounces", "oz", MetricOther, "Kazakhstan", nil},
		{"nor a ship's deadweight",
			"The bulk carrier Ocean Pearl, 53,351 tonnes dw, ran aground off Baku.",
			"53,351 tonnes", "t", MetricOther, "Baku", nil},
		{"a delegation's people are no population",
			"Kazakhstan sent a delegation of 85 people to the fair.",
			"85 people", "count", MetricDelegation, "Kazakhstan", nil},
		{"exports of goods to a partner",
			"Kazakhstan gained. Exports of refined copper to China rose to 318,000 tonnes.",
			"318,000 tonnes", "t", MetricTradeVolume, "Kazakhstan–China", nil},
		{"one end of a named route is no subject for the next sentence",
			"Kazakhstan's exports fell.\nOil deliveries through the Atasu–Alashankou pipeline dropped. Exports of ferroalloys slipped to 612,300 tonnes.",
			"612,300 tonnes", "t", MetricTradeVolume, "Kazakhstan", nil},
		{"a place before '-owned' is no end of a route",
			"China's exports rose.\nThe Kazakhstan-owned railway carried 28 million tonnes of freight last year.",
			"28 million tonnes", "t", MetricRailFreight, "Kazakhstan", nil},
		{"nominal output is an economy's size",
			"Uzbekistan's nominal output reached 1,455 trillion soums in 2024, the statistics agency said.",
			"1,455 trillion soums", "UZS", MetricGDP, "Uzbekistan", &Period{2024, 2024}},
		{"a place set off by commas is whose figure it is when the figure's clause names a place only after a preposition",
			"Uzbekistan, meanwhile, shipped 1.3 million tonnes of cotton yarn to China last year.",
			"1.3 million tonnes", "t", MetricTradeVolume, "Uzbekistan", nil},
		{"but not the first of a list, nor when a coordinator opens the figure's clause",
			"Egypt, Japan and Iraq were the main wheat buyers, while sales to China fell by 30,000 tonnes.",
			"30,000 tonnes", "t", MetricOther, "China", nil},
		{"bilateral trade is of the two sides the sentence before names",
			"China is Kazakhstan's largest trading partner. Bilateral trade reached $44 billion in 2025.",
			"$44 billion", "USD", MetricTradeVolume, "China–Kazakhstan", &Period{2025, 2025}},
		{"and so is the goal the two governments set",
			"China is Kazakhstan's largest trading partner. The two governments have set a goal of $50 billion in trade by 2030.",
			"$50 billion", "USD", MetricTradeTarget, "China–Kazakhstan", &Period{2030, 2030}},
		{"an offer that values a company is market value",
			"The offering could value the company at between HK$35 billion and HK$39 billion, and it aims to begin trading by mid-2027.",
			"between HK$35 billion and HK$39 billion", "HKD", MetricMarketValue, "", nil},
		{"a ministry of the economy selling a bond is no economy's size",
			"Uzbekistan's Ministry of Economy and Finance sold a 3 billion yuan three-year bond in April.",
			"3 billion yuan", "CNY", MetricInvestment, "Uzbekistan", nil},
		{"a share of trade that rose is no growth of trade",
			"Japan was the largest exporter to China, although its share fell to 12.8 pct in 2025.",
			"12.8 pct", "%", MetricOther, "Japan", &Period{2025, 2025}},
		{"a price per barrel written with a slash",
			"WTI now stands at 17.50 dlrs/bbl.",
			"17.50 dlrs", "USD", MetricPrice, "", nil},
		{"context stays within the paragraph",
			"Kazakhstan's trade with China grew.\n\nRussia came second with its oil.\n\nExports fell. As a result, the trade balance with China was negative at USD 2.22 billion.",
			"USD 2.22 billion", "USD", MetricTradeVolume, "Kazakhstan–China", nil},
		{"the place before an appositive is the subject",
			"Turkmenistan, China's largest pipeline supplier, sent about 24 bln cubic metres of gas.",
			"about 24 bln", "m3", MetricFreightVolume, "Turkmenistan", nil},
		{"trade with a partner is the topic's",
			"Armenia's economy grew faster than expected. Trade turnover with Iran climbed to 700 million dollars.",
			"700 million dollars", "USD", MetricTradeVolume, "Armenia–Iran", nil},
		{"trade between a place and the region the document is about",
			"Central Asia opens up. Trade between Russia and the region fell to 3 billion dollars.",
			"3 billion dollars", "USD", MetricTradeVolume, "Russia–Central Asia", nil},
		{"the trader named in an earlier clause",
			"Singapore's role is modest: the city's exports to Kyrgyzstan reached 90 million dollars.",
			"90 million dollars", "USD", MetricTradeVolume, "Singapore–Kyrgyzstan", nil},
		{"bilateral trade of the pair the sentence names",
			"Armenia and Mongolia signed a transit pact, as bilateral trade rose to 40 million dollars.",
			"40 million dollars", "USD", MetricTradeVolume, "Armenia–Mongolia", nil},
		{"a source is not the subject",
			"Armenia's economy grew.\nIts gross domestic product was about 24 billion dollars, according to the World Bank.",
			"about 24 billion dollars", "USD", MetricGDP, "Armenia", nil},
		{"a trade partner across an appositive",
			"Since 2017, Mongolia has cut tariffs.\nIts trade with China, its largest partner, topped 13 billion dollars.",
			"13 billion dollars", "USD", MetricTradeVolume, "Mongolia–China", nil},
		{"a currency prefix in another figure is no place",
			"Kyrgyz imports reached US$ 6.3 billion, while exports to Kazakhstan were 600 million dollars.",
			"600 million dollars", "USD", MetricTradeVolume, "Kyrgyzstan–Kazakhstan", nil},
		{"a pronoun after the figure points nowhere",
			"Armenia's economy grew.\nThe line will carry 2 million tonnes of freight once it opens.",
			"2 million tonnes", "t", MetricFreightVolume, "Armenia", nil},
		{"a body is not lent to the next sentence",
			"Armenia's economy grew.\nIn 1998 the country joined the WTO. Output fell by 3 billion dollars later.",
			"3 billion dollars", "USD", MetricOther, "Armenia", nil},
		{"a compass word before a place is a modifier",
			"Trains passing through the Horgos port in northwest China's Xinjiang exceeded 8,100 trains.",
			"8,100 trains", "trains", MetricTrains, "Xinjiang", nil},
		{"a share of a people",
			"Armenia's economy grew.\nA survey found that 43% of Kazakhs viewed Chinese investment negatively.",
			"43%", "%", MetricOther, "Kazakhstan", nil},
		{"the crossing an article is about",
			"Record freight at Khorgos\nSome 3,000 China–Europe trains passed through the crossing in May.",
			"3,000", "count", MetricTrains, "Khorgos", nil},
		{"a pair naming the thing counted",
			"Some 300 China–Europe trains left Xi'an in March.",
			"300", "count", MetricTrains, "China–Europe", nil},
		{"a delegation's destinations are not its subject",
			"Mongolia's chamber of commerce met on Monday. A delegation of about 25 business leaders toured Beijing and Shanghai in May.",
			"about 25", "count", MetricDelegation, "Mongolia", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := fig(t, tt.sentence, tt.figure, tt.unit)
			got := buildIndicators(tt.sentence, splitSentences(tt.sentence), []Quantity{q}, nil)
			if len(got) != 1 {
				t.Fatalf("got %d indicators, want 1", len(got))
			}
			g := got[0]
			if g.Metric != tt.wantMetric || g.Subject != tt.wantSubject || fmtPeriod(g.Period) != fmtPeriod(tt.wantPeriod) {
				t.Errorf("got %s / %q / %s, want %s / %q / %s", g.Metric, g.Subject, fmtPeriod(g.Period),
					tt.wantMetric, tt.wantSubject, fmtPeriod(tt.wantPeriod))
			}
			if g.Quantity != q {
				t.Errorf("quantity not copied: %+v", g.Quantity)
			}
			if !g.Sentence.Contains(q.Span.Start) {
				t.Errorf("sentence %v does not hold the figure %v", g.Sentence, q.Span)
			}
		})
	}
}

// TestPercentChange checks that a percentage change takes the metric,
// subject and period of the figure it changes.
func TestPercentChange(t *testing.T) {
	tests := []struct {
		name, sentence, base, baseUnit, change string
		wantMetric                             Metric
		wantSubject                            string
		wantPeriod                             *Period
	}{
		{"up X% after a freight figure",
			"The port of Aktau handled 6.1 million tonnes in 2024, up 12% from a year earlier.",
			"6.1 million tonnes", "t", "12%", MetricFreightVolume, "Aktau", &Period{2024, 2024}},
		{"trade value: its change is trade growth",
			"Kyrgyz imports from China totalled 15 billion dollars in 2023, down 4% on 2022.",
			"15 billion dollars", "USD", "4%", MetricTradeGrowth, "Kyrgyzstan–China", &Period{2023, 2023}},
		{"an increase of",
			"Mongolia's GDP reached 20 billion dollars in 2024, an increase of 5% on the year.",
			"20 billion dollars", "USD", "5%", MetricGDPGrowth, "Mongolia", &Period{2024, 2024}},
		{"rose X% to the base",
			"Container traffic at Khorgos rose 18% to 420,000 TEU in 2024.",
			"420,000 TEU", "TEU", "18%", MetricFreightVolume, "Khorgos", &Period{2024, 2024}},
		{"a change dated before its result",
			"Cargo through Aktau rose 20 percent last year to 5 million tonnes.",
			"5 million tonnes", "t", "20 percent", MetricFreightVolume, "Aktau", nil},
		{"a change that names its result takes it as its base",
			"Transit between China and Europe rose to 1.4 million TEU, while traffic in Aktau rose 62% to 4.5 million tonnes.",
			"4.5 million tonnes", "t", "62%", MetricFreightVolume, "Aktau", nil},
		{"a growth that says what grew keeps its own metric",
			"Mongolia, a country of 3.5 million people, has averaged GDP growth of 6% a year.",
			"3.5 million", "count", "6%", MetricGDPGrowth, "Mongolia", nil},
		{"a change of a price",
			"Kazakh wheat sold at 250 dlrs per tonne, up 8% from March.",
			"250 dlrs", "USD", "8%", MetricPrice, "Kazakhstan", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := fig(t, tt.sentence, tt.base, tt.baseUnit)
			c := fig(t, tt.sentence, tt.change, "%")
			qs := []Quantity{b, c}
			if c.Span.Start < b.Span.Start {
				qs = []Quantity{c, b}
			}
			var got *Indicator
			for _, in := range buildIndicators(tt.sentence, splitSentences(tt.sentence), qs, nil) {
				if in.Quantity == c {
					got = &in
				}
			}
			if got == nil {
				t.Fatal("change not reported")
			}
			if got.Metric != tt.wantMetric || got.Subject != tt.wantSubject || fmtPeriod(got.Period) != fmtPeriod(tt.wantPeriod) {
				t.Errorf("got %s / %q / %s, want %s / %q / %s", got.Metric, got.Subject, fmtPeriod(got.Period),
					tt.wantMetric, tt.wantSubject, fmtPeriod(tt.wantPeriod))
			}
		})
	}
}

func fmtPeriod(p *Period) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

// TestClassifyScanned runs the quantity scanner before the classifier, for
// rules that read the figure's value: a large sum of money is a price only
// when the text says it is per unit.
func TestClassifyScanned(t *testing.T) {
	tests := []struct {
		name, sentence, figure string
		wantMetric             Metric
		wantSubject            string
	}{
		{"project cost in billions", "The new Kyrgyz highway will cost 2.1 billion dollars.",
			"2.1 billion dollars", MetricInvestment, "Kyrgyzstan"},
		{"estimated cost of a railway", "The Almaty–Tashkent railway will cost an estimated 3.5 billion dlrs.",
			"3.5 billion dlrs", MetricInvestment, "Almaty–Tashkent"},
		{"large sum near 'price' is no price", "The offer price for the Kazakh miner is about 782 mln dlrs.",
			"782 mln dlrs", MetricOther, "Kazakhstan"},
		{"large sum per unit is a price", "Kazakh grain traders paid 25 mln tenge per wagon.",
			"25 mln tenge", MetricPrice, "Kazakhstan"},
		{"inflation is a rate of prices", "Inflation in Mongolia slowed to 6.2 pct in March.",
			"6.2 pct", MetricPrice, "Mongolia"},
		{"damages are no investment", "A court ordered the Kazakh lender to pay 40 mln dlrs in damages over a loan agreement.",
			"40 mln dlrs", MetricOther, "Kazakhstan"},
		{"money pledged to build is investment", "Japan pledged 2 billion dollars to build roads in Kyrgyzstan.",
			"2 billion dollars", MetricInvestment, "Japan"},
		{"money raised, the verb after the figure", "About 300 million dollars raised in Almaty went to mining firms.",
			"300 million dollars", MetricInvestment, "Almaty"},
		{"population of a bare number", "Uzbekistan has a population of nearly 37 million.",
			"37 million", MetricPopulation, "Uzbekistan"},
		{"francs are money, whichever franc", "The Kazakh miner will invest 2 billion francs in the mine.",
			"2 billion francs", MetricInvestment, "Kazakhstan"},
		{"a count of something else is not of trains", "Since the first train ran, the service has reached more than 220 cities.",
			"more than 220", MetricOther, ""},
		{"a figure compared with another measures the same",
			"Mongolia's exports reached 3.1 billion dollars, or 900 dollars a head, compared with 2.8 billion dollars.",
			"2.8 billion dollars", MetricTradeVolume, "Mongolia"},
		{"a freight change with no base", "Kazakh container traffic rose 34% in July.",
			"34%", MetricFreightVolume, "Kazakhstan"},
		{"pairs of trains", "The Kazakh line can carry 60 pairs of trains a day.",
			"60", MetricTrains, "Kazakhstan"},
		{"an example is no subject of the figure before it", "Kazakhstan plans to invest 2 billion dollars, including the Dostyk line.",
			"2 billion dollars", MetricInvestment, "Kazakhstan"},
		{"a figure with no words takes its paragraph's metric",
			"Mongolia's exports reached 9 billion dollars in 2024. Coal alone accounted for 5 billion dollars.",
			"5 billion dollars", MetricTradeVolume, "Mongolia"},
		{"a capital that acts for its government", "Beijing has promised 1.5 billion yuan in grants.",
			"1.5 billion yuan", MetricInvestment, "China"},
		{"a count of jobs is a figure", "The Kazakh plant will create 120 new jobs.",
			"120", MetricOther, "Kazakhstan"},
		{"an estimated count of what it names", "The Kazakh fund will back about 200 companies.",
			"about 200", MetricOther, "Kazakhstan"},
		{"the port of a place is the place", "In Kazakhstan the port of Aktau handled 6 million tonnes.",
			"6 million tonnes", MetricFreightVolume, "Aktau"},
		{"a share of a total beside a change is no growth", "Exports to Kazakhstan, which take about 55 pct of the total, grew 14.1 pct.",
			"about 55 pct", MetricOther, "Kazakhstan"},
		{"the change in the same sentence is growth", "Exports to Kazakhstan, which take about 55 pct of the total, grew 14.1 pct.",
			"14.1 pct", MetricTradeGrowth, "Kazakhstan"},
		{"output growth is no trade growth", "Kazakh copper production fell 4 pct while exports rose.",
			"4 pct", MetricOther, "Kazakhstan"},
		{"GDP up", "Mongolia's GDP was up 5.1 pct in the first quarter.",
			"5.1 pct", MetricGDPGrowth, "Mongolia"},
		{"a trade figure that rose is no target", "Kyrgyzstan aims to cut its trade deficit, which rose to 4.2 billion dlrs last year.",
			"4.2 billion dlrs", MetricTradeVolume, "Kyrgyzstan"},
		{"a place with its figure", "Russia took 16.8 per cent of the total, followed by Kazakhstan with 6.1 per cent.",
			"6.1 per cent", MetricOther, "Kazakhstan"},
		{"a later clause's place after another figure is that figure's",
			"Mongolia's coal exports hit a record. Volumes reached 4.5 million tonnes of freight, against the 20 million tonnes that cross Russia.",
			"4.5 million tonnes", MetricFreightVolume, "Mongolia"},
		{"'the country' is the country named before it", "Record traffic at Dostyk.\nChina–Europe freight trains crossing Kazakhstan numbered 7,300, while cargo carried across the country reached 26.1 million tonnes of rail freight.",
			"26.1 million tonnes", MetricRailFreight, "Kazakhstan"},
		{"'the route' is the corridor the document is about; a condition lends no place",
			"Middle Corridor freight doubles.\nCapacity on the route could rise to 11 million tonnes of freight if Caspian ports are dredged.",
			"11 million tonnes", MetricFreightVolume, "Middle Corridor"},
		{"a body that reports a clause is its source; a condition lends no place",
			"Middle Corridor freight doubles.\nThe World Bank estimates that capacity could double if Caspian ports are dredged, at a cost of $18.5 billion.",
			"$18.5 billion", MetricInvestment, "Middle Corridor"},
		{"the route whose share it is is not the subject", "Middle Corridor traffic grows.\nKazakhstan carries nearly 80% of the route's container flows.",
			"nearly 80%", MetricOther, "Kazakhstan"},
		{"money raised in total", "In 2025, 94 companies listed in Hong Kong, raising a combined HK$259.4 billion.",
			"HK$259.4 billion", MetricInvestment, "Hong Kong"},
		{"what a mine produced is output, not freight", "The Kazakh mine produced 214,000 tonnes of copper cathode last year.",
			"214,000 tonnes", MetricOther, "Kazakhstan"},
		{"output in tonnes", "Uzbek cotton output rose to 3.4 million tonnes.",
			"3.4 million tonnes", MetricOther, "Uzbekistan"},
		{"a current-account surplus is no trade", "Kazakhstan's current account surplus widened to 1.9 billion dlrs in the second quarter.",
			"1.9 billion dlrs", MetricOther, "Kazakhstan"},
		{"a deficit on transfers is no trade", "Net unilateral transfers showed a deficit of 310 mln dlrs in Kyrgyzstan.",
			"310 mln dlrs", MetricOther, "Kyrgyzstan"},
		{"the trade balance within the current account is trade", "Mongolia's trade surplus widened to 5.2 billion dlrs in the quarter, while the current account deficit narrowed.",
			"5.2 billion dlrs", MetricTradeVolume, "Mongolia"},
		{"the finance ministry publishing a figure makes it no investment", "Kazakhstan's budget spending reached 4.1 trillion tenge, the Finance Ministry said.",
			"4.1 trillion tenge", MetricOther, "Kazakhstan"},
		{"a share of market capitalisation is market value", "Mainland companies make up about 79% of the Hong Kong exchange's market capitalisation.",
			"about 79%", MetricMarketValue, "China"},
		{"a change in percentage points measures what its percentage does", "Mainland companies make up about 79% of the exchange's market capitalisation, up 2.3 percentage points from a year earlier.",
			"2.3 percentage points", MetricMarketValue, "China"},
		{"a hyphenated modifier is no subject", "Belt and Road-related bonds arranged in Hong Kong reached US$38.6 billion in 2024.",
			"US$38.6 billion", MetricInvestment, "Hong Kong"},
		{"a people's name describing a town is no subject", "Aktau was founded in 1963. As a closed Soviet town it grew quickly, reaching about 159,000 inhabitants by 1989.",
			"about 159,000", MetricPopulation, "Aktau"},
		{"a change after a count is measured from the counted noun", "A total of 7,815 China-Europe container trains crossed Kazakhstan in the period, up 9.1%, KTZ said.",
			"9.1%", MetricTrains, "China–Europe"},
		{"from a deficit of: the earlier balance is the same measure", "Kazakhstan's current account swung to a surplus of 1.9 billion dlrs in the second quarter from a deficit of 640 mln dlrs in the first, helped by higher oil export receipts.",
			"640 mln dlrs", MetricOther, "Kazakhstan"},
		{"a source's name lends no cue", "Kazakhstan's exports to China slipped 1.8% to $10.9 billion, the State Revenue Committee said.",
			"$10.9 billion", MetricTradeVolume, "Kazakhstan–China"},
		{"nor after according to", "Industrial output rose 3.1 pct, according to the Ministry of International Trade and Industry.",
			"3.1 pct", MetricOther, ""},
		{"a place after 'and' is the next phrase's", "Kazakhstan sent a delegation of 85 people, while Kyrgyzstan was represented by 62 companies and Tajikistan by 38 companies.",
			"62 companies", MetricDelegation, "Kyrgyzstan"},
		{"a coordinated phrase has its own subject", "Kazakhstan sent a delegation of 85 people, while Kyrgyzstan was represented by 62 companies and Tajikistan by 38 companies.",
			"38 companies", MetricDelegation, "Tajikistan"},
		{"an appositive describes the place before it", "Financially pressed Ecuador, a member of OPEC, was recently producing about 260,000 barrels per day.",
			"about 260,000 barrels per day", MetricOther, "Ecuador"},
		{"two places joined are one subject", "West Germany and Tanzania have signed an agreement on rescheduling 145 mln marks of credits.",
			"145 mln marks", MetricInvestment, "Germany"},
		{"visitors named by their people are the host's", "Uzbekistan received 312,000 Chinese tourists in 2025.",
			"312,000", MetricOther, "Uzbekistan"},
		{"casualties named by their people are that people's", "Chad said it killed more than 700 Libyan soldiers in the battle.",
			"more than 700", MetricOther, "Libya"},
		{"the items of a list after a preposition are all governed", "Containers from Xi'an, Chongqing and Urumqi now reach Aktau in 8 to 10 days. Our goal is to handle 120,000 TEU for the full year.",
			"120,000 TEU", MetricFreightVolume, "Aktau"},
		{"trade credit is finance, not trade", "It also rolled over trade credits worth 2.9 billion dlrs for Peru.",
			"2.9 billion dlrs", MetricInvestment, "Peru"},
		{"a mass shipped to a country is trade", "Kazakhstan shipped 2.9 million tonnes of wheat to China in the marketing year.",
			"2.9 million tonnes", MetricTradeVolume, "Kazakhstan"},
		{"a mass a port handled is freight", "The port of Aktau handled 2.9 million tonnes of cargo in the half year.",
			"2.9 million tonnes", MetricFreightVolume, "Aktau"},
		{"a figure after a target is where trade stands", "The two governments want agricultural trade to double to $2 billion by 2030. It was about $1.1 billion last year.",
			"about $1.1 billion", MetricTradeVolume, ""},
		{"a change passes on the metric its base took from the paragraph", "Trade between Uzbekistan and China reached 14.9 billion dollars in 2025. In January-May it rose by 13.5 percent to 6.7 billion dollars, he said.",
			"13.5 percent", MetricTradeGrowth, "Uzbekistan–China"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			qs := scanQuantities(tt.sentence)
			for i := range qs {
				qs[i].Text = tt.sentence[qs[i].Span.Start:qs[i].Span.End]
			}
			for _, in := range buildIndicators(tt.sentence, splitSentences(tt.sentence), qs, nil) {
				if strings.Contains(in.Text, tt.figure) {
					if in.Metric != tt.wantMetric || in.Subject != tt.wantSubject {
						t.Errorf("%q: got %s / %q, want %s / %q", in.Text, in.Metric, in.Subject, tt.wantMetric, tt.wantSubject)
					}
					return
				}
				got = append(got, in.Text)
			}
			t.Errorf("%q not reported (got %q)", tt.figure, got)
		})
	}
}

// TestKyrgyzSom checks that a sum in som takes the currency of the country
// it is about: Kyrgyzstan and Uzbekistan both call theirs the som.
func TestKyrgyzSom(t *testing.T) {
	tests := []struct{ text, figure, unit string }{
		{"Kyrgyzstan's budget deficit reached 12 billion som.", "12 billion som", "KGS"},
		{"Kyrgyzstan's economy grew.\nNominal output reached 1.72 trillion soms.", "1.72 trillion soms", "KGS"},
		{"Uzbekistan's retail chains signed contracts worth 1.9 trillion soums.", "1.9 trillion soums", "UZS"},
		{"Uzbekistan's budget reached 300 trillion som.", "300 trillion som", "UZS"},
		{"Kyrgyzstan watched as Uzbek banks lent 5 billion sum.", "5 billion sum", "UZS"},
		{"Kyrgyzstan's banks lent some 5 billion soums.", "some 5 billion soums", "UZS"},
	}
	for _, tt := range tests {
		qs := scanQuantities(tt.text)
		var got []string
		found := false
		for _, in := range buildIndicators(tt.text, splitSentences(tt.text), qs, nil) {
			if tt.text[in.Span.Start:in.Span.End] == tt.figure {
				found = true
				if in.Unit != tt.unit {
					t.Errorf("%q: unit %s, want %s", tt.figure, in.Unit, tt.unit)
				}
			}
			got = append(got, tt.text[in.Span.Start:in.Span.End])
		}
		if !found {
			t.Errorf("%q not reported (got %q)", tt.figure, got)
		}
	}
}

// TestBuildIndicatorsDrops checks that counts with no countable meaning are
// not reported.
func TestBuildIndicatorsDrops(t *testing.T) {
	tests := []struct{ name, sentence, figure string }{
		{"tiers", "The vehicle allocates capital across three distinct tiers.", "three"},
		{"agreements", "From 2015 to 2017, the two countries signed five agreements.", "five"},
		{"shares sold", "It sold 200,000 shares of its common stock.", "200,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := fig(t, tt.sentence, tt.figure, "count")
			if got := buildIndicators(tt.sentence, splitSentences(tt.sentence), []Quantity{q}, nil); len(got) != 0 {
				t.Errorf("got %+v, want nothing", got)
			}
		})
	}
}

func BenchmarkBuildIndicators(b *testing.B) {
	s := "Total bilateral merchandise trade between Tajikistan and the Gulf states grew by 18% between 2019 and 2023. " +
		"The Uzbekstan government plans to lift annual trade with Russia to 15 billion dollars by 2030. " +
		"About 18 million tonnes of rail cargo pass between Khorgos and Altynkol each year. "
	text := strings.Repeat(s, 200)
	var qs []Quantity
	for off := 0; off < len(text); off += len(s) {
		for _, f := range []struct{ fig, unit string }{{"18%", "%"}, {"15 billion dollars", "USD"}, {"18 million tonnes", "t"}} {
			q := fig(b, text[off:off+len(s)], f.fig, f.unit)
			q.Span.Start += off
			q.Span.End += off
			qs = append(qs, q)
		}
	}
	sents := splitSentences(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		buildIndicators(text, sents, qs, nil)
	}
}

// BenchmarkBuildIndicatorsReuters measures the classification stage alone
// over the Reuters corpus, with cleaning, sentences and quantities done
// before the timer starts: number-dense newswire is where it is slowest.
func BenchmarkBuildIndicatorsReuters(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpora", "reuters21578", "[0-9]*.txt"))
	if len(paths) == 0 {
		b.Skip("Reuters corpus not found")
	}
	type prepared struct {
		clean string
		sents []Span
		qs    []Quantity
	}
	var docs []prepared
	var total int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d, err := ParseDocument(filepath.Base(p), data)
		if err != nil {
			continue
		}
		clean := d.Clean()
		docs = append(docs, prepared{clean, splitSentences(clean), scanQuantities(clean)})
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			buildIndicators(d.clean, d.sents, d.qs, nil)
		}
	}
}

// TestSeedGoldByHand runs buildIndicators on the seed documents with the
// gold figures as quantities, so the classifier can be measured before (and
// independently of) the quantity scanner.
func TestSeedGoldByHand(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "gold_seeds.json"))
	if err != nil {
		t.Skip(err)
	}
	var gold struct {
		Documents []struct {
			File       string
			Indicators []struct {
				Text, Unit, Metric, Subject string
				Period                      []int
			}
		}
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	var total, okMetric, okSubject int
	for _, d := range gold.Documents {
		b, err := os.ReadFile(filepath.Join("..", "seeds", "corpus", d.File))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, g := range d.Indicators {
			i := strings.Index(text, g.Text)
			if i < 0 {
				t.Errorf("%s: %q not in text", d.File, g.Text)
				continue
			}
			q := Quantity{Unit: g.Unit, Span: Span{i, i + len(g.Text)}, Text: g.Text}
			inds := buildIndicators(text, splitSentences(text), []Quantity{q}, nil)
			total++
			if len(inds) != 1 {
				t.Errorf("%s: %q dropped", d.File, g.Text)
				continue
			}
			in := inds[0]
			if in.Metric == g.Metric {
				okMetric++
			}
			if in.Subject == g.Subject {
				okSubject++
			}
			var per []int
			if in.Period != nil {
				per = []int{in.Period.From, in.Period.To}
			}
			if in.Metric != g.Metric || in.Subject != g.Subject || len(per) != len(g.Period) || len(per) == 2 && (per[0] != g.Period[0] || per[1] != g.Period[1]) {
				t.Logf("%-36q got %s/%q/%v want %s/%q/%v", g.Text, in.Metric, in.Subject, per, g.Metric, g.Subject, g.Period)
			}
		}
	}
	t.Logf("metric %d/%d, subject %d/%d", okMetric, total, okSubject, total)
}

// TestHeadlineTopic checks that a title kept out of the text (a Markdown
// front matter's) still names the document's topic, as a headline does.
func TestHeadlineTopic(t *testing.T) {
	text := "Volumes rose quickly. Freight reached 4.5 million tonnes last year, against the 20 million tonnes that cross Russia."
	q := fig(t, text, "4.5 million tonnes", "t")
	for _, tt := range []struct{ headline, want string }{
		{"", "Russia"},
		{"Can the Middle Corridor carry more freight?", "Middle Corridor"},
	} {
		got := buildIndicatorsTitled(text, tt.headline, splitSentences(text), []Quantity{q}, nil)
		if len(got) != 1 || got[0].Subject != tt.want {
			t.Errorf("headline %q: got %+v, want subject %q", tt.headline, got, tt.want)
		}
	}
}

// TestRateNoteDropped holds that a newswire's exchange-rate note is no
// figure of the story, while the story's own sums stay.
func TestRateNoteDropped(t *testing.T) {
	text := "The government plans to spend 1.2 trillion tenge ($2.55 billion) on a second track.\n(($1 = 470.50 tenge))\n"
	d, err := ParseDocument("note.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range Extract(d).Indicators {
		got = append(got, in.Text)
	}
	if want := []string{"1.2 trillion tenge", "$2.55 billion"}; !slices.Equal(got, want) {
		t.Errorf("indicators %q, want %q", got, want)
	}
}

// TestListIntro checks that the items of a list take their metric from the
// sentences that introduce it, numbered or bulleted.
func TestListIntro(t *testing.T) {
	for _, list := range []string{
		"1. Passenger cars – USD 1.87 billion;\n2. Mobile phones – USD 938.5 million;\n",
		"- Passenger cars: USD 1.87 billion\n- Mobile phones: USD 938.5 million\n",
	} {
		text := "Title\n\nVehicles and electronics drove the increase in imports. The largest items bought from China were:\n\n" + list
		d, err := ParseDocument("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		x := Extract(d)
		if len(x.Indicators) != 2 {
			t.Fatalf("%d indicators, want 2: %+v", len(x.Indicators), x.Indicators)
		}
		for _, in := range x.Indicators {
			if in.Metric != MetricTradeVolume {
				t.Errorf("%q: metric %s, want trade_volume", in.Text, in.Metric)
			}
		}
	}
	// Without a colon there is no introduction.
	d, _ := ParseDocument("x.txt", []byte("Title\n\nImports rose.\n\n1. Passenger cars – USD 1.87 billion;\n"))
	if x := Extract(d); len(x.Indicators) != 1 || x.Indicators[0].Metric != MetricOther {
		t.Errorf("no introduction: %+v", x.Indicators)
	}
}

// TestCountedUnclaimed checks countedUnclaimed against chooseMetric, whose
// verdict it foretells: a count it turns down must be one chooseMetric
// turns down, whatever its sentence's cues, and it must turn down the
// counts of things no metric counts.
func TestCountedUnclaimed(t *testing.T) {
	sentences := []string{
		"The railway ran 120 shares of trains to the listed companies' expo, with a delegation of 40 people.",
		"About 120 shares were sold at the exhibition by the mission, in front of 40 people.",
		"The 120 shares changed hands.",
	}
	counts := []struct {
		unit, counted, qualifier string
		value                    float64
		unclaimed                bool // what countedUnclaimed must say
	}{
		{"count", "shares", "", 120, true},
		{"count", "shares", "about", 120, false}, // an estimate of ten or more
		{"count", "shares", "about", 5, true},
		{"shares", "", "", 120, true}, // a plain-word unit
		{"count", "trains", "", 120, false},
		{"count", "people", "", 120, false},
		{"count", "jobs", "", 120, false},  // economyCounts
		{"count", "pairs", "", 120, false}, // genericCounts
		{"count", "Companies", "", 120, false},
	}
	reported := 0 // of the counts, by chooseMetric: the test must reach it
	for _, sentence := range sentences {
		toks := tokenizeWords(sentence, 0)
		for _, tc := range counts {
			q := fig(t, sentence, "120", tc.unit)
			q.Value, q.Counted, q.Qualifier = tc.value, tc.counted, tc.qualifier
			got := countedUnclaimed(&q)
			if got != tc.unclaimed {
				t.Errorf("countedUnclaimed(%s %s %q) = %v, want %v", tc.unit, tc.counted, tc.qualifier, got, tc.unclaimed)
			}
			f := locate(toks, &q, unitClassOf(q.Unit))
			var hits []cueHit
			for k := range toks {
				hits = metricCues().appendHits(hits, toks, k)
			}
			s := &sentCtx{toks: toks}
			_, ok, _ := chooseMetric(hits, &f, &metricScores{}, s)
			if got && ok {
				t.Errorf("%q: countedUnclaimed(%s %s) holds, but chooseMetric reports it", sentence, tc.unit, tc.counted)
			}
			if ok {
				reported++
			}
		}
	}
	if reported == 0 {
		t.Error("chooseMetric reported no count: the cases test nothing")
	}
}
