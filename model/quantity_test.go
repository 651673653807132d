package model

import (
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// qwant is one expected figure. A range has high != 0, and value is then its
// low bound.
type qwant struct {
	text    string  // the span's text
	value   float64 // Value, or Low for a range
	high    float64 // High for a range; 0 for one value
	unit    string
	counted string
	qual    string
	rate    string
}

func TestScanQuantities(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []qwant
	}{
		// Percentages and points.
		{"percent sign", "Exports rose 27% last year.", []qwant{{"27%", 27, 0, "%", "", "", ""}}},
		{"percent sign spaced", "Prices rose 4.5 % in May.", []qwant{{"4.5 %", 4.5, 0, "%", "", "", ""}}},
		{"per cent", "Prices climbed 3.5 per cent in March.", []qwant{{"3.5 per cent", 3.5, 0, "%", "", "", ""}}},
		{"percent", "Inflation hit 4 percent.", []qwant{{"4 percent", 4, 0, "%", "", "", ""}}},
		{"pct caps", "OUTPUT UP 5.2 PCT", []qwant{{"5.2 PCT", 5.2, 0, "%", "", "", ""}}},
		{"percentage points", "Unemployment fell 0.3 percentage points to 5.1 percent.", []qwant{
			{"0.3 percentage points", 0.3, 0, "pp", "", "", ""},
			{"5.1 percent", 5.1, 0, "%", "", "", ""},
		}},
		{"pct points", "The share rose 2 pct points.", []qwant{{"2 pct points", 2, 0, "pp", "", "", ""}}},
		{"pp", "Inflation was down 0.4 pp from August.", []qwant{{"0.4 pp", 0.4, 0, "pp", "", "", ""}}},
		{"pages are no points", "See pp. 45–47.", nil},
		{"points in a change", "The rate rose 2 points this week.", []qwant{{"2 points", 2, 0, "pp", "", "", ""}}},
		{"points as a level", "The index stood at 1,200 points.", []qwant{{"1,200 points", 1200, 0, "points", "", "", ""}}},
		{"basis points", "The bank cut rates by 25 basis points.", []qwant{{"25 basis points", 25, 0, "bp", "", "", ""}}},
		{"fraction pct", "The bonds pay 11-1/2 pct and 5/8 pct.", []qwant{
			{"11-1/2 pct", 11.5, 0, "%", "", "", ""},
			{"5/8 pct", 0.625, 0, "%", "", "", ""},
		}},

		// Currencies and scales.
		{"HK dollar sign", "a value of HK$2 trillion", []qwant{{"HK$2 trillion", 2e12, 0, "HKD", "", "", ""}}},
		{"dollar sign", "worth $260 billion.", []qwant{{"$260 billion", 2.6e11, 0, "USD", "", "", ""}}},
		{"US dollar sign", "a US$1.2 million grant", []qwant{{"US$1.2 million", 1.2e6, 0, "USD", "", "", ""}}},
		{"dollar sign suffix", "a $5bn deal and a €3m fine", []qwant{
			{"$5bn", 5e9, 0, "USD", "", "", ""},
			{"€3m", 3e6, 0, "EUR", "", "", ""},
		}},
		{"pound and yen signs", "£5bn of gilts and ¥100 billion of bonds", []qwant{
			{"£5bn", 5e9, 0, "GBP", "", "", ""},
			{"¥100 billion", 1e11, 0, "JPY", "", "", ""},
		}},
		{"dlrs", "It paid 1.5 bln dlrs for the unit.", []qwant{{"1.5 bln dlrs", 1.5e9, 0, "USD", "", "", ""}}},
		{"a fraction as a change", "GDP fell by almost half in four years.", []qwant{{"almost half", 50, 0, "%", "", "nearly", ""}}},
		{"a fraction after by", "Costs were cut by a third.", []qwant{{"a third", 33.33, 0, "%", "", "", ""}}},
		{"a fraction alone is wording", "Half the team left.", nil},
		{"a fraction before a possessive", "The som lost about half its value.", []qwant{{"about half", 50, 0, "%", "", "approximately", ""}}},
		{"a fraction of an hour is no change", "The bourse extended trading by half an hour.", nil},
		{"a half-point", "Banks cut base rates by a half-point to 10 pct.", []qwant{{"10 pct", 10, 0, "%", "", "", ""}}},
		{"a compared figure takes its unit", "Profit was 1.82 billion marks vs 1.62 billion.", []qwant{
			{"1.82 billion marks", 1.82e9, 0, "DEM", "", "", ""},
			{"1.62 billion", 1.62e9, 0, "DEM", "", "", ""},
		}},
		{"up from a bare figure", "Exports will reach 3 billion kilowatt-hours, up from 2.4 billion in 2024.", []qwant{
			{"3 billion kilowatt-hours", 3e9, 0, "kWh", "", "", ""},
			{"2.4 billion", 2.4e9, 0, "kWh", "", "", ""},
		}},
		{"a bare count compared", "The port received 612 ship calls, up from 548 a year earlier.", []qwant{
			{"612", 612, 0, "count", "calls", "", ""},
			{"548", 548, 0, "count", "calls", "", ""},
		}},
		{"a change a few words after its verb is no range", "It raised butane prices 5.50 dlrs to 123 dlrs.", []qwant{
			{"5.50 dlrs", 5.5, 0, "USD", "", "", ""},
			{"123 dlrs", 123, 0, "USD", "", "", ""},
		}},
		{"a total after its noun", "In the first quarter, arrivals from China reached 96,400, an increase of 41%.", []qwant{
			{"96,400", 96400, 0, "count", "arrivals", "", ""},
			{"41%", 41, 0, "%", "", "", ""},
		}},
		{"compared with a bare figure", "Profit was 271 mln francs compared with 110 mln in 1985.", []qwant{
			{"271 mln francs", 271e6, 0, "francs", "", "", ""},
			{"110 mln", 110e6, 0, "francs", "", "", ""},
		}},
		{"a currency stated once", "Exports were 19.8 billion dlrs and imports 14.6 billion.", []qwant{
			{"19.8 billion dlrs", 19.8e9, 0, "USD", "", "", ""},
			{"14.6 billion", 14.6e9, 0, "USD", "", "", ""},
		}},
		{"no billion is a percentage", "A trade deficit of 2.5 billion tenge, or 5.5 pct of imports.", []qwant{
			{"2.5 billion tenge", 2.5e9, 0, "KZT", "", "", ""},
			{"5.5 pct", 5.5, 0, "%", "", "", ""},
		}},
		{"a bare billion before a percentage", "The deficit was 23.3 billion, or 5.5 pct of imports.", []qwant{
			{"23.3 billion", 23.3e9, 0, "count", "", "", ""},
			{"5.5 pct", 5.5, 0, "%", "", "", ""},
		}},
		{"no unit across sentences", "Sales were 5 mln dlrs. From 2 mln customers.", []qwant{
			{"5 mln dlrs", 5e6, 0, "USD", "", "", ""},
			{"2 mln", 2e6, 0, "count", "customers", "", ""},
		}},
		{"a currency range with the scale after", "It could raise HK$3-5 billion (US$385-640 million).", []qwant{
			{"HK$3-5 billion", 3e9, 5e9, "HKD", "", "", ""},
			{"US$385-640 million", 3.85e8, 6.4e8, "USD", "", "", ""},
		}},
		{"a currency range with to", "It could raise $3 to 5 billion.", []qwant{{"$3 to 5 billion", 3e9, 5e9, "USD", "", "", ""}}},
		{"a label says what is counted", "Vessel arrivals: 164,000, down 6%", []qwant{
			{"164,000", 164000, 0, "count", "arrivals", "", ""},
			{"6%", 6, 0, "%", "", "", ""},
		}},
		{"pesetas", "Losses were 27 billion pesetas.", []qwant{{"27 billion pesetas", 2.7e10, 0, "ESP", "", "", ""}}},
		{"Swedish crowns", "It paid 40 mln Swedish crowns.", []qwant{{"40 mln Swedish crowns", 4e7, 0, "SEK", "", "", ""}}},
		{"a shared currency name", "Aid reached 70 mln shillings.", []qwant{{"70 mln shillings", 7e7, 0, "shillings", "", "", ""}}},
		{"stg", "The bank bought 37 mln stg of bills.", []qwant{{"37 mln stg", 3.7e7, 0, "GBP", "", "", ""}}},
		{"RMB code before", "a fund of RMB 500 million", []qwant{{"RMB 500 million", 5e8, 0, "CNY", "", "", ""}}},
		{"RMB glued", "raised RMB10bn in bonds", []qwant{{"RMB10bn", 1e10, 0, "CNY", "", "", ""}}},
		{"yuan", "China will provide 370 mln yuan for the port.", []qwant{{"370 mln yuan", 3.7e8, 0, "CNY", "", "", ""}}},
		{"renminbi", "loans of 3 billion renminbi", []qwant{{"3 billion renminbi", 3e9, 0, "CNY", "", "", ""}}},
		{"tenge", "a budget of 10 billion tenge", []qwant{{"10 billion tenge", 1e10, 0, "KZT", "", "", ""}}},
		{"som", "deposits of 2 trillion som", []qwant{{"2 trillion som", 2e12, 0, "UZS", "", "", ""}}},
		{"roubles", "a loss of 300 million roubles", []qwant{{"300 million roubles", 3e8, 0, "RUB", "", "", ""}}},
		{"ISO code before", "a loan of USD 5 million", []qwant{{"USD 5 million", 5e6, 0, "USD", "", "", ""}}},
		{"ISO code after", "MERRILL ISSUES 100 MLN ECU EUROBOND", []qwant{{"100 MLN ECU", 1e8, 0, "ECU", "", "", ""}}},
		{"Hong Kong dollars", "profits of 20 billion Hong Kong dollars", []qwant{{"20 billion Hong Kong dollars", 2e10, 0, "HKD", "", "", ""}}},
		{"US dlrs dotted", "a surplus of 13.6 billion U.S. Dlrs in 1986", []qwant{{"13.6 billion U.S. Dlrs", 1.36e10, 0, "USD", "", "", ""}}},
		{"leading decimal", "at a price of .125 dlrs per share", []qwant{{".125 dlrs", 0.125, 0, "USD", "", "", ""}}},
		{"cents", "Shr 34 cts vs 1.19 dlrs", []qwant{
			{"34 cts", 34, 0, "cents", "", "", ""},
			{"1.19 dlrs", 1.19, 0, "USD", "", "", ""},
		}},

		// Freight and trade measures.
		{"million tonnes", "Shipments reached 17.25 mln tonnes.", []qwant{{"17.25 mln tonnes", 1.725e7, 0, "t", "", "", ""}}},
		{"European decimal comma", "a harvest of 2,8 million tonnes", []qwant{{"2,8 million tonnes", 2.8e6, 0, "t", "", "", ""}}},
		{"European thousands", "1.234,5 tonnes were shipped", []qwant{{"1.234,5 tonnes", 1234.5, 0, "t", "", "", ""}}},
		{"Mt and kt", "5 Mt of coal and 300 kt of ore", []qwant{
			{"5 Mt", 5e6, 0, "t", "", "", ""},
			{"300 kt", 3e5, 0, "t", "", "", ""},
		}},
		{"metric tons", "20,000 metric tons of wheat", []qwant{{"20,000 metric tons", 2e4, 0, "t", "", "", ""}}},
		{"TEU", "The port handled 4.5 million TEUs.", []qwant{{"4.5 million TEUs", 4.5e6, 0, "TEU", "", "", ""}}},
		{"containers", "It moved 1,200 containers by rail.", []qwant{{"1,200 containers", 1200, 0, "count", "containers", "", ""}}},
		{"European thousands with a count noun", "In all, 5.903 trains ran on the route.", []qwant{{"5.903 trains", 5903, 0, "count", "trains", "", ""}}},
		{"bpd", "output of 250,000 barrels per day and 1.2 mln bpd of exports", []qwant{
			{"250,000 barrels per day", 2.5e5, 0, "bpd", "", "", ""},
			{"1.2 mln bpd", 1.2e6, 0, "bpd", "", "", ""},
		}},
		{"barrels", "reserves of 3 mln barrels", []qwant{{"3 mln barrels", 3e6, 0, "bbl", "", "", ""}}},
		{"km", "a 1,800 km line. The road is 12km long.", []qwant{
			{"1,800 km", 1800, 0, "km", "", "", ""},
			{"12km", 12, 0, "km", "", "", ""},
		}},
		{"square kilometers", "occupying 580,000 square kilometers of land", []qwant{{"580,000 square kilometers", 5.8e5, 0, "km2", "", "", ""}}},
		{"sq km and km²", "an area of 34,000 sq km, or 12 km² of it", []qwant{
			{"34,000 sq km", 3.4e4, 0, "km2", "", "", ""},
			{"12 km²", 12, 0, "km2", "", "", ""},
		}},
		{"square miles", "some 1,000 square miles", []qwant{{"some 1,000 square miles", 1000, 0, "mi2", "", "approximately", ""}}},
		{"bags", "Arrivals were 155,221 bags of coffee.", []qwant{{"155,221 bags", 155221, 0, "bags", "", "", ""}}},
		{"durations", "a pact for 10 years and a 30 days notice", []qwant{
			{"10 years", 10, 0, "years", "", "", ""},
			{"30 days", 30, 0, "days", "", "", ""},
		}},

		// Counts.
		{"count with head noun", "The team brought over 40 Hong Kong professional service leaders.", []qwant{
			{"over 40", 40, 0, "count", "leaders", "over", ""},
		}},
		{"count with plural noun", "It is home to 1,400 mainland companies.", []qwant{{"1,400", 1400, 0, "count", "companies", "", ""}}},
		{"count without noun", "with close to 200 originating from Shanghai", []qwant{{"close to 200", 200, 0, "count", "", "nearly", ""}}},
		{"count scaled", "It sold 1.05 mln shares.", []qwant{{"1.05 mln shares", 1.05e6, 0, "count", "shares", "", ""}}},

		// Spelled-out numbers.
		{"word with scale and unit", "Farmers grew seven million tonnes of grain.", []qwant{{"seven million tonnes", 7e6, 0, "t", "", "", ""}}},
		{"word percent", "Sales rose three percent.", []qwant{{"three percent", 3, 0, "%", "", "", ""}}},
		{"compound word", "a budget of twenty-five billion dollars", []qwant{{"twenty-five billion dollars", 2.5e10, 0, "USD", "", "", ""}}},
		{"a billion", "They spent a billion dollars.", []qwant{{"a billion dollars", 1e9, 0, "USD", "", "", ""}}},
		{"one-tenth of", "accounting for one-tenth of the total", []qwant{{"one-tenth", 10, 0, "%", "", "", ""}}},
		{"a third of", "about a third of the cargo", []qwant{{"about a third", 33.33, 0, "%", "", "approximately", ""}}},
		{"half of", "Nearly half of all exports go east.", []qwant{{"Nearly half", 50, 0, "%", "", "nearly", ""}}},
		{"two-thirds of", "two-thirds of the trade", []qwant{{"two-thirds", 66.67, 0, "%", "", "", ""}}},
		{"and a half with scale", "We handled about one and a half million tonnes.", []qwant{{"about one and a half million tonnes", 1.5e6, 0, "t", "", "approximately", ""}}},
		{"hundreds spelled out count", "we load three hundred containers a day", []qwant{{"three hundred containers a day", 300, 0, "count", "containers", "", "per day"}}},
		{"hk cents", "a dividend of 12.5 HK cents a share", []qwant{{"12.5 HK cents", 12.5, 0, "cents", "", "", ""}}},
		{"bare number words", "The two cities agreed on three distinct tiers and signed five agreements.", nil},
		{"word with a duration", "It lasted five years.", nil},
		{"fraction without of", "one third is enough", nil},
		{"first half", "in the first half of 2024", nil},

		// Ranges.
		{"between and", "growing at between 6% and 7% a year", []qwant{{"between 6% and 7% a year", 6, 7, "%", "", "", "per year"}}},
		{"hyphen range", "growth of 6-7%", []qwant{{"6-7%", 6, 7, "%", "", "", ""}}},
		{"en dash range", "growth of 6–7 %", []qwant{{"6–7 %", 6, 7, "%", "", "", ""}}},
		{"from to", "forecast from 3.2 to 4.1 pct", []qwant{{"from 3.2 to 4.1 pct", 3.2, 4.1, "%", "", "", ""}}},
		{"to", "a rise of 3.2 to 4.1 pct", []qwant{{"3.2 to 4.1 pct", 3.2, 4.1, "%", "", "", ""}}},
		{"to with plain currency", "prices rose to 340 to 350 cruzados", []qwant{{"340 to 350 cruzados", 340, 350, "BRC", "", "", ""}}},
		{"shared scale", "a cost of 1.5-2 billion dollars", []qwant{{"1.5-2 billion dollars", 1.5e9, 2e9, "USD", "", "", ""}}},
		{"signs on both", "worth $1.5 to $2 billion", []qwant{{"$1.5 to $2 billion", 1.5e9, 2e9, "USD", "", "", ""}}},
		{"between with scales", "turnover of between 91 mln and 104 mln dlrs", []qwant{{"between 91 mln and 104 mln dlrs", 9.1e7, 1.04e8, "USD", "", "", ""}}},
		{"count range", "between 7,000 and 8,000 vehicles", []qwant{{"between 7,000 and 8,000 vehicles", 7000, 8000, "count", "vehicles", "", ""}}},
		{"change is not a range", "Temple Inland jumped 2-7/8 to 73.", []qwant{
			{"2-7/8", 2.875, 0, "count", "", "", ""},
			{"73", 73, 0, "count", "", "", ""},
		}},
		{"from to after a verb of change", "trade rose from US$50.3 billion to US$89.4 billion", []qwant{
			{"US$50.3 billion", 5.03e10, 0, "USD", "", "", ""},
			{"US$89.4 billion", 8.94e10, 0, "USD", "", "", ""},
		}},
		{"from to a few words after the verb", "It lowered its holding from 100 pct to 41 pct.", []qwant{
			{"100 pct", 100, 0, "%", "", "", ""},
			{"41 pct", 41, 0, "%", "", "", ""},
		}},
		{"from high to low is a fall", "sales of toys from 600 mln dlrs to 230 mln dlrs", []qwant{
			{"600 mln dlrs", 6e8, 0, "USD", "", "", ""},
			{"230 mln dlrs", 2.3e8, 0, "USD", "", "", ""},
		}},
		{"up from a range", "between 15 and 18 pct, up from seven to nine pct", []qwant{
			{"between 15 and 18 pct", 15, 18, "%", "", "", ""},
			{"from seven to nine pct", 7, 9, "%", "", "", ""},
		}},
		{"ranged from in either order", "Fed funds ranged from 6-3/16 to 6-1/8 pct.", []qwant{{"from 6-3/16 to 6-1/8 pct", 6.125, 6.1875, "%", "", "", ""}}},
		{"year then figure", "profits rose in 1986 to 495 billion rupiah", []qwant{{"495 billion rupiah", 4.95e11, 0, "IDR", "", "", ""}}},
		{"list shares the unit", "limit exports to 21,000 and 7,000 tonnes", []qwant{
			{"21,000", 21000, 0, "t", "", "", ""},
			{"7,000 tonnes", 7000, 0, "t", "", "", ""},
		}},

		// Qualifiers.
		{"approximately", "approximately 60% of GDP", []qwant{{"approximately 60%", 60, 0, "%", "", "approximately", ""}}},
		{"around capitalised", "Around 10 million ton of freight", []qwant{{"Around 10 million ton", 1e7, 0, "t", "", "approximately", ""}}},
		{"roughly", "roughly 5 pct", []qwant{{"roughly 5 pct", 5, 0, "%", "", "approximately", ""}}},
		{"an estimated", "an estimated 106,000 tonnes", []qwant{{"an estimated 106,000 tonnes", 106000, 0, "t", "", "approximately", ""}}},
		{"tilde", "~60% of it", []qwant{{"~60%", 60, 0, "%", "", "approximately", ""}}},
		{"more than", "the more than 34,000 square kilometers", []qwant{{"more than 34,000 square kilometers", 34000, 0, "km2", "", "over", ""}}},
		{"exceeding left out", "a value exceeding HK$2 trillion", []qwant{{"HK$2 trillion", 2e12, 0, "HKD", "", "over", ""}}},
		{"in excess of", "in excess of $5 million", []qwant{{"in excess of $5 million", 5e6, 0, "USD", "", "over", ""}}},
		{"upwards of", "upwards of 200 firms", []qwant{{"upwards of 200 firms", 200, 0, "count", "firms", "over", ""}}},
		{"less than", "less than 1,000 tonnes", []qwant{{"less than 1,000 tonnes", 1000, 0, "t", "", "under", ""}}},
		{"fewer than", "fewer than 50 ships", []qwant{{"fewer than 50 ships", 50, 0, "count", "ships", "under", ""}}},
		{"below", "below 2%", []qwant{{"below 2%", 2, 0, "%", "", "under", ""}}},
		{"up to", "by up to $35 billion by 2030", []qwant{{"up to $35 billion", 3.5e10, 0, "USD", "", "up to", ""}}},
		{"as much as", "as much as 20 pct", []qwant{{"as much as 20 pct", 20, 0, "%", "", "up to", ""}}},
		{"at least", "at least 12 people", []qwant{{"at least 12 people", 12, 0, "count", "people", "at least", ""}}},
		{"no less than", "no less than 5 pct", []qwant{{"no less than 5 pct", 5, 0, "%", "", "at least", ""}}},
		{"nearly", "nearly 3 mln tonnes", []qwant{{"nearly 3 mln tonnes", 3e6, 0, "t", "", "nearly", ""}}},
		{"just under", "just under 10%", []qwant{{"just under 10%", 10, 0, "%", "", "nearly", ""}}},

		// Rates.
		{"a year adjacent", "capacity of 20 mln tonnes a year", []qwant{{"20 mln tonnes a year", 2e7, 0, "t", "", "", "per year"}}},
		{"annually later", "10 million ton of rail freight crosses the border annually.", []qwant{{"10 million ton", 1e7, 0, "t", "", "", "per year"}}},
		{"per day", "30 trains per day", []qwant{{"30 trains per day", 30, 0, "count", "trains", "", "per day"}}},
		{"per annum", "$5 billion per annum", []qwant{{"$5 billion per annum", 5e9, 0, "USD", "", "", "per year"}}},
		{"a month", "2,000 containers a month", []qwant{{"2,000 containers a month", 2000, 0, "count", "containers", "", "per month"}}},
		{"bpd is not a rate", "200,000 bpd", []qwant{{"200,000 bpd", 2e5, 0, "bpd", "", "", ""}}},
		{"a year ago is not a rate", "up 5 pct from a year ago", []qwant{{"5 pct", 5, 0, "%", "", "", ""}}},

		// Never a quantity.
		{"citations", "as reported.[13] Trade grew.[25]: 215 More [ 22 ] text", nil},
		{"list numerals", "1. The Landlocked Logistics Tax\n  2. Institutional Asymmetry\n3) Capital", nil},
		{"numbered heading", "3 Capital Scale Limitations\n", nil},
		{"identifiers", "COVID-19 hit the G20 and the A320 fleet.", nil},
		{"years", "In 2016, the 2024 Hong Kong Investment Promotion plan ran by 2030 (1881).", nil},
		{"year forms", "the 1986/87 crop, mid-2026, the 1990s and the '90s", nil},
		{"year ranges", "between 2020 and 2025, from 2015 to 2017, 1522–1566", nil},
		{"ordinals", "the 15th plan, the seventh expo, the 1st round", nil},
		{"dates", "On January 3, 1992 and Feb 26, and 9 July 2020, and February 22.", nil},
		{"iso date", "Date: 2024-11-06", nil},
		{"times", "at 10:30 and at 5 pm", nil},
		{"phone", "Call +852 2123 4567 now.", nil},
		{"phone groups", "Accreditation: +998 71 238 50 10, or +7 (727) 356 14 20.", nil},
		{"compound adjectives", "a 20-point road map, a five-year plan and a 10-day trip", nil},
		{"labels", "Section 3 of Article 5, page 215, Phase 2", nil},
		{"versions", "version 2.1.3 of the tool", nil},
		{"formula", "$$C_e = f(I_m, S_{hk})$$ and $x^2$", nil},
		{"age", "It said Johnstone, 54, is now president.", nil},
		{"model number", "the KIMS system 5000 is new", nil},
		{"time words", "trading opens at 9 am GMT", nil},
		{"table cells", "   Harvested   2.38    2.38\n   Imports     2.2     2.2\n", nil},
		{"day list", "paid in equal amounts on April 1, 2 and 3", nil},
		{"age with a full stop", "said Mr Lee, 62.", nil},
		{"page range", "see pp. 45–47 and Figure 2.1", nil},
		{"hyphenated measure", "the 1,152-kilometre line", []qwant{{"1,152-kilometre", 1152, 0, "km", "", "", ""}}},
		{"week ago", "slaughter of 293,000 head versus 290,000 week ago", []qwant{
			{"293,000 head", 293000, 0, "count", "head", "", ""},
			{"290,000", 290000, 0, "count", "", "", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanQuantities(tt.input)
			checkSpans(t, tt.input, got)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quantities %s, want %d", len(got), describe(tt.input, got), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if text := tt.input[g.Span.Start:g.Span.End]; text != w.text {
					t.Errorf("[%d] text = %q, want %q", i, text, w.text)
				}
				if w.high != 0 {
					if !g.IsRange || !near(g.Low, w.value) || !near(g.High, w.high) {
						t.Errorf("[%d] range = %v %g..%g, want %g..%g", i, g.IsRange, g.Low, g.High, w.value, w.high)
					}
				} else if g.IsRange || !near(g.Value, w.value) {
					t.Errorf("[%d] value = %g (range %v), want %g", i, g.Value, g.IsRange, w.value)
				}
				if g.Unit != w.unit || g.Counted != w.counted {
					t.Errorf("[%d] unit = %q/%q, want %q/%q", i, g.Unit, g.Counted, w.unit, w.counted)
				}
				if g.Qualifier != w.qual || g.Rate != w.rate {
					t.Errorf("[%d] qualifier, rate = %q, %q; want %q, %q", i, g.Qualifier, g.Rate, w.qual, w.rate)
				}
				if g.Text != "" {
					t.Errorf("[%d] Text = %q, want it left empty", i, g.Text)
				}
			}
		})
	}
}

// TestScanQuantitiesSpans checks the span rules on a long mixed text: sorted,
// disjoint, inside the text, on rune boundaries.
func TestScanQuantitiesSpans(t *testing.T) {
	text := strings.Repeat("Trade rose 27% to HK$2 trillion (about €3m) between 6% and 7%; "+
		"1. List [13] 2024-11-06 over 1,400 companies, 6–7 %, ~5 mln tonnes a year. ", 20)
	got := scanQuantities(text)
	if len(got) != 20*8 {
		t.Errorf("got %d quantities, want %d: %s", len(got), 20*8, describe(text, got[:8]))
	}
	checkSpans(t, text, got)
}

// checkSpans fails the test when the spans are not valid for text.
func checkSpans(t testing.TB, text string, qs []Quantity) {
	t.Helper()
	prev := 0
	for i, q := range qs {
		s, e := q.Span.Start, q.Span.End
		if s < prev || s >= e || e > len(text) {
			t.Fatalf("[%d] span %d..%d is out of order or out of range (previous end %d, len %d)", i, s, e, prev, len(text))
		}
		if !runeStart(text, s) || !runeStart(text, e) {
			t.Fatalf("[%d] span %d..%d splits a rune", i, s, e)
		}
		if q.IsRange && q.Low > q.High {
			t.Fatalf("[%d] range %g..%g is upside down", i, q.Low, q.High)
		}
		prev = e
	}
}

// runeStart reports whether offset i of text is on a rune boundary.
func runeStart(text string, i int) bool {
	return i == len(text) || text[i]&0xC0 != 0x80
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// describe lists quantities for a failure message.
func describe(text string, qs []Quantity) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n\t")
		b.WriteString(text[q.Span.Start:q.Span.End])
		b.WriteString(" → ")
		b.WriteString(q.Unit)
	}
	return b.String()
}

// BenchmarkScanQuantities measures the scanner over newswire text: the
// Reuters-21578 files when they are on this machine, else a built-in mix.
func BenchmarkScanQuantities(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		scanQuantities(text)
	}
}

// benchText returns about 2 MB of text to scan.
func benchText(b *testing.B) string {
	var sb strings.Builder
	files, _ := filepath.Glob("/work/shared/corpora/reuters21578/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		sb.Write(data)
		if sb.Len() > 2<<20 {
			break
		}
	}
	if sb.Len() == 0 {
		b.Log("Reuters corpus absent: using a built-in text")
		for sb.Len() < 2<<20 {
			sb.WriteString("Hong Kong's trade with Central Asia grew by 27% between 2020 and 2025, " +
				"while Kazakhstan aims to raise turnover by up to $35 billion by 2030. Around 10 million ton " +
				"of rail freight crosses the border here annually, said officials on January 3, 1992. " +
				"The delegation of over 40 leaders and the two cities signed five agreements.[13]\n")
		}
	}
	return sb.String()
}

// TestQualifierNotIntro holds what figure relies on to look for a range's
// opening word before it knows the qualifier: no qualifier phrase ends in
// "between" or "from", so the word before a number is never both.
func TestQualifierNotIntro(t *testing.T) {
	for _, w := range []string{"between", "from"} {
		if qualifierLast[w] {
			t.Errorf("a qualifier ends in %q, which figure takes for the opening word of a range", w)
		}
	}
}

// TestRateWordsAbsent checks rateWordsAbsent, which lets figure skip
// rateAfter, against rateAfter itself: whenever it reports no rate, the walk
// finds none. The texts are random words after a figure, rate words among
// them in either case, with apostrophes, hyphens, newlines, punctuation and
// the text's end at random places.
// TestRateWordsAbsentKnowsEveryRate guards the coupling between
// rateWordsAbsent's letter test (rateLetterAt) and the rate phrases: a
// phrase added to rateWords that the test does not let through would be
// skipped silently. Each phrase is tried after a figure, after a unit, in
// capitals and at the text's end.
func TestRateWordsAbsentKnowsEveryRate(t *testing.T) {
	for phrase := range rateWords {
		for _, text := range []string{"5 " + phrase + ".", "5 tonnes " + phrase + " to", "5 " + strings.ToUpper(phrase), "5 " + phrase} {
			if rateWordsAbsent(text, 1) {
				t.Errorf("rateWordsAbsent(%q) says no rate", text)
			}
		}
	}
}

func TestRateWordsAbsent(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	words := []string{"a", "per", "every", "year", "Year", "yr", "annum", "day", "DAY", "month",
		"annually", "daily", "Monthly", "yearly", "company", "from", "by", "mln", "money",
		"may", "only", "common", "ago", "the", "x", "'s", "-", "-year", "\n", ".", ",", "5", "\u00a0",
		"each", "EACH", "today", "days", "number", "nearly", "early", "Monday", "anyear", "\t"}
	absent := 0
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		b.WriteString("5")
		for k := rng.Intn(14); k > 0; k-- {
			if w := words[rng.Intn(len(words))]; w[0] == '\'' || w[0] == '-' || rng.Intn(4) == 0 {
				b.WriteString(w)
			} else {
				b.WriteString(" " + w)
			}
		}
		text := b.String()
		s := &qscanner{text: text}
		if rateWordsAbsent(text, 1) {
			absent++
			if rate, end := s.rateAfter(1); rate != "" || end != 0 {
				t.Fatalf("rateWordsAbsent(%q) but rateAfter finds %q", text, rate)
			}
		}
	}
	if absent < 10000 {
		t.Errorf("only %d texts of 100000 without a rate: the test reads too few", absent)
	}
}
