package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wantDate is an expected event in the compact form the table uses: the text
// of its span and the fields scanDates fills.
type wantDate struct {
	Text     string
	Y, M, D  int
	End      int
	Prec     Precision
	Mod      string
	Relative bool
}

func (w wantDate) String() string {
	return fmt.Sprintf("%q %d-%d-%d..%d %s %q rel=%v", w.Text, w.Y, w.M, w.D, w.End, w.Prec, w.Mod, w.Relative)
}

// Shorthands that keep the table to one line per expected event.
func day(text string, y, m, d int) wantDate {
	return wantDate{Text: text, Y: y, M: m, D: d, Prec: PrecisionDay}
}
func relDay(text string, y, m, d int) wantDate {
	return wantDate{Text: text, Y: y, M: m, D: d, Prec: PrecisionDay, Relative: true}
}
func mon(text string, y, m int) wantDate {
	return wantDate{Text: text, Y: y, M: m, Prec: PrecisionMonth}
}
func yr(text string, y int) wantDate { return wantDate{Text: text, Y: y, Prec: PrecisionYear} }
func yrs(text string, y, end int) wantDate {
	return wantDate{Text: text, Y: y, End: end, Prec: PrecisionYear}
}

var (
	noRef   = Date{}
	ref2024 = Date{2024, 11, 6} // a Wednesday
	ref2026 = Date{2026, 1, 15} // a Thursday
	ref1987 = Date{1987, 2, 26} // a Thursday
	refYear = Date{Year: 2023}  // only the year is known
	refMon  = Date{2023, 5, 0}  // year and month
	refLeap = Date{2025, 3, 1}  // a Saturday after a non-leap February
)

var scanDatesTests = []struct {
	name  string
	input string
	ref   Date
	want  []wantDate
}{
	// Full dates.
	{"month day comma year", "The treaty was signed on January 3, 1992, in Almaty.", noRef,
		[]wantDate{day("January 3, 1992", 1992, 1, 3)}},
	{"abbreviated month with period", "Shipments resumed on Jan. 3, 1992 after the thaw.", noRef,
		[]wantDate{day("Jan. 3, 1992", 1992, 1, 3)}},
	{"abbreviated month no period", "Trading halted Feb 26, 1987 at noon.", noRef,
		[]wantDate{day("Feb 26, 1987", 1987, 2, 26)}},
	{"sept abbreviation", "The line opened Sept. 14, 2011.", noRef,
		[]wantDate{day("Sept. 14, 2011", 2011, 9, 14)}},
	{"day month year", "Talks began 3 January 1992 in the capital.", noRef,
		[]wantDate{day("3 January 1992", 1992, 1, 3)}},
	{"day month year after on", "On 9 July 2020 the border reopened.", noRef,
		[]wantDate{day("9 July 2020", 2020, 7, 9)}},
	{"ordinal of month", "It was ratified on the 3rd of March, 2004.", noRef,
		[]wantDate{day("3rd of March, 2004", 2004, 3, 3)}},
	{"month day without comma", "Dated May 5 2015 and filed later.", noRef,
		[]wantDate{day("May 5 2015", 2015, 5, 5)}},
	{"day range in month", "The expo runs November 5-10, 2024 in Shanghai.", noRef,
		[]wantDate{day("November 5-10, 2024", 2024, 11, 5)}},
	{"iso date", "Report filed 2024-11-06 by the bureau.", noRef,
		[]wantDate{day("2024-11-06", 2024, 11, 6)}},
	{"iso timestamp", "Published 2024-11-06T10:30:00Z by the desk.", noRef,
		[]wantDate{day("2024-11-06", 2024, 11, 6)}},
	{"iso date with slashes", "Valid from 2019/04/01.", noRef,
		[]wantDate{day("2019/04/01", 2019, 4, 1)}},
	{"caps month", "ALMATY, FEB 27 - Grain exports rose, officials said.", ref1987,
		[]wantDate{relDay("FEB 27", 1987, 2, 27)}},
	{"two full dates", "Between Feb 26, 1988 and Feb 26, 1992 holders may convert.", noRef,
		[]wantDate{day("Feb 26, 1988", 1988, 2, 26), day("Feb 26, 1992", 1992, 2, 26)}},
	{"leap day", "Signed on February 29, 2024.", noRef,
		[]wantDate{day("February 29, 2024", 2024, 2, 29)}},

	// Month and year.
	{"month year", "Construction started in March 2023 near Khorgos.", noRef,
		[]wantDate{mon("March 2023", 2023, 3)}},
	{"in month year", "The railway opened in June 1987.", noRef,
		[]wantDate{mon("June 1987", 1987, 6)}},
	{"month comma year", "He took office in September, 1984.", noRef,
		[]wantDate{mon("September, 1984", 1984, 9)}},
	{"month of year", "Tariffs fell in April of 2019.", noRef,
		[]wantDate{mon("April of 2019", 2019, 4)}},
	{"price table", "Mar 1390 1391 1393 1387 200 May 1410 1411", noRef, nil},
	{"mid month year", "A review is due mid-March 2025.", noRef,
		[]wantDate{{Text: "mid-March 2025", Y: 2025, M: 3, Prec: PrecisionMonth, Mod: "mid"}}},

	// Month and day without a year.
	{"month day from ref", "Astana hosted the forum on October 4, officials said.", ref2024,
		[]wantDate{relDay("October 4", 2024, 10, 4)}},
	{"month day unknown year", "The envoy spoke on October 6 in Central.", noRef, nil},
	{"month day later than ref goes back a year", "Losses for the year ended December 31 narrowed.", Date{2026, 1, 15},
		[]wantDate{relDay("December 31", 2025, 12, 31)}},
	{"month day soon after ref", "The dividend is payable April 15 to holders.", ref1987,
		[]wantDate{relDay("April 15", 1987, 4, 15)}},
	{"day month from ref", "Pay 31 May, record 1 May.", ref1987,
		[]wantDate{relDay("31 May", 1987, 5, 31), relDay("1 May", 1987, 5, 1)}},
	{"month day with only ref year", "Results come out on March 3.", refYear,
		[]wantDate{relDay("March 3", 2023, 3, 3)}},
	{"feb 29 in a non-leap ref year", "Due on February 29.", refLeap, nil},

	// Years in context.
	{"in year", "In 1862, troops crossed the Ili valley.", noRef, []wantDate{yr("In 1862", 1862)}},
	{"lower in year", "Relations were set up in 2016 with the fund.", noRef, []wantDate{yr("in 2016", 2016)}},
	{"parenthesised year", "the Treaty of Kulja (1851) settled trade.", noRef, []wantDate{yr("(1851)", 1851)}},
	{"by year", "The corridor should carry 30 million tonnes by 2030.", noRef, []wantDate{yr("by 2030", 2030)}},
	{"after year", "Caravans stopped after 1537.", noRef, []wantDate{yr("after 1537", 1537)}},
	{"since year", "Kazakhstan has been independent since 1991.", noRef, []wantDate{yr("since 1991", 1991)}},
	{"before year", "Few roads existed before 1900.", noRef, []wantDate{yr("before 1900", 1900)}},
	{"until year", "The quota holds until 2025.", noRef, []wantDate{yr("until 2025", 2025)}},
	{"during year", "Imports slumped during 1997.", noRef, []wantDate{yr("during 1997", 1997)}},
	{"end of year", "Output is to double by the end of 2025.", noRef, []wantDate{yr("end of 2025", 2025)}},
	{"first half of year", "Freight grew in the first half of 2023.", noRef, []wantDate{yr("half of 2023", 2023)}},
	{"dynasty years below 1000", "It flourished under the Tang dynasty (618–907).", noRef, []wantDate{{Text: "(618–907)", Y: 618, End: 907, Prec: PrecisionYear}}},
	{"bracketed small range elsewhere", "Items (618–907) were sold.", noRef, nil},
	{"a month without a year, before the document date", "Prices fell in October.", ref2024, []wantDate{{Text: "in October", Y: 2024, M: 10, Prec: PrecisionMonth, Relative: true}}},
	{"a range of months takes the year after its last month", "Turnover in January–September 2025 rose.", ref2024,
		[]wantDate{{Text: "January–September 2025", Y: 2025, M: 1, Prec: PrecisionMonth}}},
	{"a hyphenated range of abbreviated months", "Exports rose in Jan-Sept 1987.", ref2024,
		[]wantDate{{Text: "Jan-Sept 1987", Y: 1987, M: 1, Prec: PrecisionMonth}}},
	{"a month without a year, nearest ahead", "Talks resume in February.", ref2024, []wantDate{{Text: "in February", Y: 2025, M: 2, Prec: PrecisionMonth, Relative: true}}},
	{"a month without a year after a past tense is the last one", "Work on the line began in February.", ref2024, []wantDate{{Text: "in February", Y: 2024, M: 2, Prec: PrecisionMonth, Relative: true}}},
	{"a past participle after an auxiliary looks ahead", "The plant is to be opened in February.", ref2024, []wantDate{{Text: "in February", Y: 2025, M: 2, Prec: PrecisionMonth, Relative: true}}},
	{"expected looks ahead", "A meeting expected in February will decide.", ref2024, []wantDate{{Text: "in February", Y: 2025, M: 2, Prec: PrecisionMonth, Relative: true}}},
	{"until looks ahead whatever the tense", "The tender was postponed until February.", ref2024, []wantDate{{Text: "until February", Y: 2025, M: 2, Prec: PrecisionMonth, Relative: true}}},
	{"last and next month names", "It was set last November and ends next March.", ref2024, []wantDate{
		{Text: "last November", Y: 2023, M: 11, Prec: PrecisionMonth, Relative: true},
		{Text: "next March", Y: 2025, M: 3, Prec: PrecisionMonth, Relative: true},
	}},
	{"a month without a year needs a document date", "Prices fell in October.", noRef, nil},
	{"May as a verb", "Officials said May could bring rain.", ref2024, nil},
	{"a year compared with", "Trade rose 14.3 per cent over 2023.", noRef, []wantDate{yr("over 2023", 2023)}},
	{"a count after over", "It employs over 2000 people.", noRef, nil},
	{"a month with a glued modifier", "Wheat was offered in mid-September.", ref2024, []wantDate{{Text: "mid-September", Y: 2024, M: 9, Prec: PrecisionMonth, Mod: "mid", Relative: true}}},
	{"an id that opens with a date", "Article ID: 2026-10-21-HBR-5531", noRef, nil},
	{"an approximate year", "The line is due to open around 2030, officials said.", noRef, []wantDate{yr("around 2030", 2030)}},
	{"a count after around", "It employs around 2000 workers.", noRef, nil},
	{"an index level after around", "The index rose to current levels around 2150.", ref2024, nil},
	{"a quarter", "The rate was cut in Q3 2025 and again in 4Q 2025.", noRef, []wantDate{yr("Q3 2025", 2025), yr("4Q 2025", 2025)}},
	{"no quarter glued", "Model XQ3 2025 units.", noRef, nil},
	{"year before a change's result", "The economy expanded 5.5% in 2025 to 3.9 trillion yuan.", noRef, []wantDate{yr("in 2025", 2025)}},
	{"first months of year", "Exports rose in the first nine months of 2023.", noRef, []wantDate{yr("months of 2023", 2023)}},
	{"same period of year", "Sales fell from the same period of 2022.", noRef, []wantDate{yr("period of 2022", 2022)}},
	{"due year", "It sold notes due 2031 to investors.", noRef, []wantDate{yr("due 2031", 2031)}},
	{"fiscal year", "Spending rises in fiscal 2027.", noRef, []wantDate{yr("fiscal 2027", 2027)}},
	{"list of years", "Talks were held in 2015 and 2017.", noRef,
		[]wantDate{yr("in 2015", 2015), yr("2017", 2017)}},
	{"comma list of years", "Floods hit in 1998, 1999 and 2002.", noRef,
		[]wantDate{yr("in 1998", 1998), yr("1999", 1999), yr("2002", 2002)}},
	{"year as subject", "Trade slowed sharply. 2009 was the worst year on record.", noRef,
		[]wantDate{yr("2009", 2009)}},
	{"circa", "The caravanserai was built c. 1650 by merchants.", noRef, []wantDate{yr("c. 1650", 1650)}},
	{"from year", "Electricity use rose 4.9 pct from 1986.", noRef, []wantDate{yr("from 1986", 1986)}},

	// Years that are not events.
	{"year as adjective", "Addressing the 2024 Almaty Investment Forum, the minister spoke.", noRef, nil},
	{"year with unit", "They shipped 2016 tonnes of wheat.", noRef, nil},
	{"cued number with unit", "Prices rose in 1500 GMT trading.", noRef, nil},
	{"year before growth", "The bank is forecasting 2025 growth of 3.2%.", noRef, nil},
	{"outlook for year", "He was upbeat about the economic outlook for 2026.", noRef, nil},
	{"for year", "The budget for 2026 is larger.", noRef, nil},
	{"identifier", "Cases of COVID-19 spread through the region.", noRef, nil},
	{"g20", "Leaders met at the G20 summit.", noRef, nil},
	{"thousands separator", "Over 1,400 companies and 2,016 firms are listed.", noRef, nil},
	{"money", "The deal was worth $2016 and HK$1990.", noRef, nil},
	{"decimal", "The index closed at 1987.5 points.", noRef, nil},
	{"out of range", "There were 3000 delegates in 2150 tents.", noRef, nil},
	{"phone number", "Call (852) 2123 4567 or 2123-4567.", noRef, nil},
	{"time", "Trading resumed from 1456 CST.", noRef, nil},
	{"percent", "Growth reached 2020% in 2020.", noRef, []wantDate{yr("in 2020", 2020)}},
	{"number range of quantities", "Output rose from 2000 to 3000 units.", noRef, nil},
	{"page range", "See pp 1520-1530 of the report.", noRef, nil},

	// Ranges.
	{"en dash range", "Under the reign of Jiajing 1522–1566 trade grew.", noRef,
		[]wantDate{yrs("1522–1566", 1522, 1566)}},
	{"hyphen range", "The 1522-1566 reign saw missions.", noRef,
		[]wantDate{yrs("1522-1566", 1522, 1566)}},
	{"parenthesised range", "Emperor Jiajing (1522–1566) sent envoys.", noRef,
		[]wantDate{yrs("(1522–1566)", 1522, 1566)}},
	{"from to range", "From 2015 to 2017, five agreements were signed.", noRef,
		[]wantDate{yrs("From 2015 to 2017", 2015, 2017)}},
	{"between and range", "Trade grew 27% between 2020 and 2025.", noRef,
		[]wantDate{yrs("between 2020 and 2025", 2020, 2025)}},
	{"to range", "The plan covers 2026 to 2030 and beyond.", noRef,
		[]wantDate{yrs("2026 to 2030", 2026, 2030)}},
	{"crop year", "Exports in the 1986/87 crop year fell.", noRef,
		[]wantDate{yrs("1986/87", 1986, 1987)}},
	{"fiscal short range", "Revenue for 2019-20 was flat.", noRef,
		[]wantDate{yrs("2019-20", 2019, 2020)}},
	{"spaced dash range", "The war of 1914 – 1918 cut trade.", noRef,
		[]wantDate{yrs("1914 – 1918", 1914, 1918)}},
	{"year month is not a range", "Version 2024-11 shipped.", noRef, nil},
	{"backwards range", "Codes 2020-1990 apply.", noRef, nil},

	// Fuzzy dates.
	{"mid year", "A trade mission is planned for mid-2026.", noRef,
		[]wantDate{{Text: "mid-2026", Y: 2026, Prec: PrecisionYear, Mod: "mid"}}},
	{"early year", "Tolls rise in early 2024.", noRef,
		[]wantDate{{Text: "early 2024", Y: 2024, Prec: PrecisionYear, Mod: "early"}}},
	{"late year capitalised", "Late 2019 saw the first trains.", noRef,
		[]wantDate{{Text: "Late 2019", Y: 2019, Prec: PrecisionYear, Mod: "late"}}},
	{"late decade", "Barter trade boomed in the late 1990s.", noRef,
		[]wantDate{{Text: "late 1990s", Y: 1990, End: 1999, Prec: PrecisionDecade, Mod: "late"}}},
	{"early decade", "Debt piled up in the early 1990s.", noRef,
		[]wantDate{{Text: "early 1990s", Y: 1990, End: 1999, Prec: PrecisionDecade, Mod: "early"}}},
	{"decade", "Since the 1980s the border has been open.", noRef,
		[]wantDate{{Text: "1980s", Y: 1980, End: 1989, Prec: PrecisionDecade}}},
	{"decade apostrophe", "In the 1960's the plant was built.", noRef,
		[]wantDate{{Text: "1960's", Y: 1960, End: 1969, Prec: PrecisionDecade}}},
	{"hundreds", "Through the 1800s the route declined.", noRef,
		[]wantDate{{Text: "1800s", Y: 1800, End: 1899, Prec: PrecisionCentury}}},
	{"mid century", "The border dates to the mid-19th century.", noRef,
		[]wantDate{{Text: "mid-19th century", Y: 1801, End: 1900, Prec: PrecisionCentury, Mod: "mid"}}},
	{"century", "In the 19th century caravans used this pass.", noRef,
		[]wantDate{{Text: "19th century", Y: 1801, End: 1900, Prec: PrecisionCentury}}},
	{"late century hyphen", "A late 18th-century map shows it.", noRef,
		[]wantDate{{Text: "late 18th-century", Y: 1701, End: 1800, Prec: PrecisionCentury, Mod: "late"}}},
	{"spelled century", "By the twenty-first century the oasis had shrunk.", noRef,
		[]wantDate{{Text: "twenty-first century", Y: 2001, End: 2100, Prec: PrecisionCentury}}},
	{"century in a name", "He ran 20th Century Fox for years.", noRef, nil},
	{"bc century", "A 2nd century BC embassy reached Ferghana.", noRef, nil},

	// Relative dates.
	{"on weekday", "Officials vowed on Tuesday to deepen ties.", ref2024,
		[]wantDate{relDay("Tuesday", 2024, 11, 5)}},
	{"on weekday same day", "The board met on Wednesday.", ref2024,
		[]wantDate{relDay("Wednesday", 2024, 11, 6)}},
	{"last weekday", "Shares fell last Friday.", ref2024,
		[]wantDate{relDay("last Friday", 2024, 11, 1)}},
	{"next weekday", "The ministers meet next Monday.", ref2024,
		[]wantDate{relDay("next Monday", 2024, 11, 11)}},
	{"weekday without cue", "Tuesday Weld starred in it.", ref2024, nil},
	{"weekday unknown ref", "Officials met on Tuesday.", noRef, nil},
	{"weekday before full date", "It happened on Tuesday, January 3, 2023.", ref2024,
		[]wantDate{day("January 3, 2023", 2023, 1, 3)}},
	{"weekday before day month", "It opened on Tuesday 5 November 2024.", ref2024,
		[]wantDate{day("5 November 2024", 2024, 11, 5)}},
	{"yesterday", "The exchange said yesterday it would list more firms.", ref2024,
		[]wantDate{relDay("yesterday", 2024, 11, 5)}},
	{"today", "Prices were cut effective today.", ref1987,
		[]wantDate{relDay("today", 1987, 2, 26)}},
	{"today possessive", "Today's trade wars are different.", ref1987, nil},
	{"today as these days", "Then it took weeks. Today a container costs $3,800.", ref1987, nil},
	{"and today as these days", "It grew, and today over 3,600 firms are operating there.", ref1987, nil},
	{"today is the day", "Today is the end of the moratorium.", ref1987,
		[]wantDate{relDay("Today", 1987, 2, 26)}},
	{"said today", "Officials said today that exports are rising.", ref1987,
		[]wantDate{relDay("today", 1987, 2, 26)}},
	{"whole of a year", "Exports fell in the whole of 2024.", noRef, []wantDate{yr("whole of 2024", 2024)}},
	{"day range", "at a forum on 29–30 January 2024 in Brussels", noRef, []wantDate{day("29–30 January 2024", 2024, 1, 29)}},
	{"day range hyphen", "at a forum on 29-30 January 2024 in Brussels", noRef, []wantDate{day("29-30 January 2024", 2024, 1, 29)}},
	{"last year", "Freight rose 12% last year.", ref2024,
		[]wantDate{{Text: "last year", Y: 2023, Prec: PrecisionYear, Relative: true}}},
	{"this year", "This year, 300 firms exhibit.", ref2024,
		[]wantDate{{Text: "This year", Y: 2024, Prec: PrecisionYear, Relative: true}}},
	{"next year", "The line opens next year.", ref2026,
		[]wantDate{{Text: "next year", Y: 2027, Prec: PrecisionYear, Relative: true}}},
	{"last month", "Talks stalled last month.", ref2026,
		[]wantDate{{Text: "last month", Y: 2025, M: 12, Prec: PrecisionMonth, Relative: true}}},
	{"earlier this month", "Earlier this month, the minister visited Urumqi.", ref2024,
		[]wantDate{{Text: "Earlier this month", Y: 2024, M: 11, Prec: PrecisionMonth, Relative: true}}},
	{"last week", "Customs data released last week showed a rise.", ref2024,
		[]wantDate{relDay("last week", 2024, 10, 30)}},
	{"over the last year", "Prices doubled over the last year.", ref2024, nil},
	{"relative unknown ref", "Freight rose last year and will rise next year.", noRef, nil},
	{"month relative needs month", "It peaked last month.", refYear, nil},
	{"the next day", "On 9 July 2020 a warning was issued. The next day, it was denied.", noRef,
		[]wantDate{day("9 July 2020", 2020, 7, 9), relDay("The next day", 2020, 7, 10)}},
	{"the following day across month", "It closed on March 31, 2021 and reopened the following day.", noRef,
		[]wantDate{day("March 31, 2021", 2021, 3, 31), relDay("the following day", 2021, 4, 1)}},
	{"next day without anchor", "The next day, it was denied.", ref2024, nil},
	{"last day is not relative", "On May 2, 2022 and on the last day of the fair.", noRef,
		[]wantDate{day("May 2, 2022", 2022, 5, 2)}},

	// Not dates.
	{"five-year plan", "In line with the 15th five-year plan, spending rose.", noRef, nil},
	{"point plan", "The HKMA unveiled a 20-point road map.", noRef, nil},
	{"ordinal word", "It was the seventh China International Import Expo.", noRef, nil},
	{"clock time", "The train left at 10:30 and arrived at 23:45.", noRef, nil},
	{"quantities", "Trade reached 35 billion dollars with 1,400 firms.", noRef, nil},
	{"lower case month word", "Prices may march higher in may.", ref2024, nil},
	{"month name alone", "Exports rose in January, officials said.", noRef, nil},
	{"bare month before a comma", "Exports rose in January, officials said.", ref2024,
		[]wantDate{{Text: "in January", Y: 2024, M: 1, Prec: PrecisionMonth, Relative: true}}},
	{"end of a yearless month", "listed at the end of October, with", ref2024,
		[]wantDate{{Text: "end of October", Y: 2024, M: 10, Prec: PrecisionMonth, Relative: true}}},
	{"figures released on a weekday", "figures released Wednesday by the committee", ref2024,
		[]wantDate{relDay("Wednesday", 2024, 11, 6)}},
	{"month without digits", "March on, said the General.", noRef, nil},
	{"mayor", "The Mayor 12 times said no.", ref2024, nil},
	{"version id", "Firmware v2.2016 and ISO 8601 apply.", noRef, nil},
	{"glued year", "Code AB2016 and 2016AB.", noRef, nil},
	{"empty", "", ref2024, nil},
}

func TestScanDates(t *testing.T) {
	for _, tt := range scanDatesTests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanDates(tt.input, tt.ref)
			var gotW []wantDate
			for _, e := range got {
				gotW = append(gotW, wantDate{
					Text: tt.input[e.Span.Start:e.Span.End], Y: e.Year, M: e.Month, D: e.Day,
					End: e.EndYear, Prec: e.Precision, Mod: e.Modifier, Relative: e.Relative,
				})
				if e.Text != "" || e.Summary != "" || e.Doc != "" || e.ID != 0 || e.Sentence != (Span{}) {
					t.Errorf("scanDates filled a pipeline field: %+v", e)
				}
			}
			if len(gotW) != len(tt.want) {
				t.Fatalf("scanDates(%q)\n got %v\nwant %v", tt.input, gotW, tt.want)
			}
			for i := range gotW {
				if gotW[i] != tt.want[i] {
					t.Errorf("scanDates(%q)[%d]\n got %v\nwant %v", tt.input, i, gotW[i], tt.want[i])
				}
			}
		})
	}
}

// TestScanDatesAllocs guards the "no per-byte allocations" budget: a text
// with no dates allocates nothing at all.
func TestScanDatesAllocs(t *testing.T) {
	text := strings.Repeat("The corridor's freight volume rose 12.5% to 1,400 trains, officials in Almaty said. ", 50)
	if n := testing.AllocsPerRun(20, func() { scanDates(text, ref2024) }); n != 0 {
		t.Errorf("scanDates allocated %v times on a text without dates", n)
	}
}

// BenchmarkScanDates measures throughput over the Reuters-21578 articles
// when they are present (they are never copied into the repository), else
// over synthetic news text. Articles are scanned one by one, as the
// pipeline does, with each article's own date as ref.
func BenchmarkScanDates(b *testing.B) {
	docs, size := benchDocs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			scanDates(d.Text, d.Date)
		}
	}
}

// benchDocs returns up to 8 MB of Reuters articles, or a synthetic stand-in,
// and their total size.
func benchDocs(b *testing.B) ([]Document, int) {
	files, _ := filepath.Glob("/work/shared/corpora/reuters21578/*.txt")
	var docs []Document
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		d := Document{Text: string(data)}
		if i := strings.Index(d.Text, "Date: "); i >= 0 && i+16 <= len(d.Text) {
			fmt.Sscanf(d.Text[i+6:i+16], "%d-%d-%d", &d.Date.Year, &d.Date.Month, &d.Date.Day)
		}
		docs = append(docs, d)
		if size += len(data); size > 8<<20 {
			break
		}
	}
	if len(docs) == 0 {
		b.Log("Reuters corpus absent; using synthetic text")
		text := strings.Repeat("WELLINGTON, Feb 27 - Deposits rose 2.6 pct in January 1986 compared with 9.4 pct "+
			"last year, the Reserve Bank said on Tuesday. Freight grew in 2016 to 1,400 trains by 2030. ", 20)
		for size < 4<<20 {
			docs = append(docs, Document{Text: text, Date: ref1987})
			size += len(text)
		}
	}
	return docs, size
}

// TestCivilDays holds civilDays to time.Date, which yearFor used to call,
// over years either side of the epoch and of year 0, with months and days
// that carry over.
func TestCivilDays(t *testing.T) {
	for _, y := range []int{-401, -400, -1, 0, 1, 399, 400, 1600, 1899, 1900, 1969, 1970, 1987, 2000, 2024, 2100, 2400} {
		for m := -13; m <= 26; m++ {
			for _, d := range []int{-1, 0, 1, 15, 28, 29, 30, 31, 32, 60} {
				want := int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / (24 * 60 * 60)) // midnight: exact
				if got := civilDays(y, m, d); got != want {
					t.Fatalf("civilDays(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
			}
		}
	}
}

// TestCivilDate holds civilDate, the inverse of civilDays, to time.Date's
// normalized dates and weekdays over four centuries either side of the
// epoch, and the weekday the date scanner reads off a day number.
func TestCivilDate(t *testing.T) {
	for n := -150000; n <= 150000; n++ {
		want := time.Unix(int64(n)*24*60*60, 0).UTC()
		got := civilDate(n)
		if got != (Date{want.Year(), int(want.Month()), want.Day()}) {
			t.Fatalf("civilDate(%d) = %v, want %v", n, got, want)
		}
		if civilDays(got.Year, got.Month, got.Day) != n {
			t.Fatalf("civilDays(civilDate(%d)) = %d", n, civilDays(got.Year, got.Month, got.Day))
		}
		if wd := (n%7 + 11) % 7; wd != int(want.Weekday()) {
			t.Fatalf("weekday of day %d = %d, want %d", n, wd, want.Weekday())
		}
	}
}
