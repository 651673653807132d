package tui

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"corridor/model"
)

// This file turns an indicator's normalised figures back into the short
// forms a reader expects in a table cell: "~60%", "6–7%", ">1,400",
// "HK$2.0 tn", "10 Mt/yr". The model keeps values normalised (2e12 HKD,
// 1e7 t) so they compare; the table scales them again for people.

// qualifierSigns maps a normalised qualifier to the sign shown before the
// figure. "nearly" and "approximately" both read as "~": the difference
// matters less in a 12-cell column than the sign does.
var qualifierSigns = map[string]string{
	"approximately": "~",
	"nearly":        "~",
	"over":          ">",
	"under":         "<",
	"at least":      "≥",
	"up to":         "≤",
}

// currencySymbols are the prefixes used for the currencies the corpus
// mentions most; other ISO codes are written before the figure ("KZT 5 bn").
var currencySymbols = map[string]string{
	"USD": "$",
	"HKD": "HK$",
	"EUR": "€",
	"GBP": "£",
	"CNY": "CN¥",
	"RMB": "CN¥",
}

// rateSuffixes abbreviates an indicator's rate.
var rateSuffixes = map[string]string{
	"per year":  "/yr",
	"per month": "/mo",
	"per day":   "/d",
}

// magnitude is a suffix for large figures.
type magnitude struct {
	div    float64
	suffix string
}

// moneyScales are used for currencies, plainScales for counts and other
// units, tonneScales for "t" (where the suffix replaces the unit).
var (
	moneyScales = []magnitude{{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}}
	plainScales = []magnitude{{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}}
	tonneScales = []magnitude{{1e9, " Gt"}, {1e6, " Mt"}, {1e3, " kt"}}
)

// formatValue renders an indicator's figure with its qualifier, unit and
// rate, as the table and the clipboard show it.
func formatValue(in *model.Indicator) string {
	q := in.Quantity
	var s string
	if q.IsRange {
		s = formatRange(q.Low, q.High, q.Unit)
	} else {
		s = formatOne(q.Value, q.Unit)
	}
	if sign, ok := qualifierSigns[q.Qualifier]; ok {
		s = sign + s
	}
	return s + rateSuffixes[q.Rate]
}

// formatOne renders one value in its unit.
func formatOne(v float64, unit string) string {
	switch {
	case unit == "%":
		return fmtNum(v, false) + "%"
	case unit == "pp":
		return fmtNum(v, false) + " pp"
	case unit == "t":
		n, suf := scaleDown(v, tonneScales)
		if suf == "" {
			return fmtNum(n, false) + " t"
		}
		return fmtNum(n, false) + suf
	case unit == "count" || unit == "":
		n, suf := scaleDown(v, plainScales)
		return fmtNum(n, suf != "") + suf
	case isCurrency(unit):
		n, suf := scaleDown(v, moneyScales)
		return money(unit, fmtNum(n, suf != "")+suf)
	}
	n, suf := scaleDown(v, plainScales)
	return fmtNum(n, false) + suf + " " + unitWord(unit)
}

// formatRange renders low–high sharing one unit and one magnitude, chosen
// from the high end so that "HK$800 bn–1.2 tn" reads "HK$0.8–1.2 tn".
func formatRange(lo, hi float64, unit string) string {
	switch {
	case unit == "%":
		return fmtNum(lo, false) + "–" + fmtNum(hi, false) + "%"
	case unit == "pp":
		return fmtNum(lo, false) + "–" + fmtNum(hi, false) + " pp"
	}
	scales := plainScales
	if unit == "t" {
		scales = tonneScales
	} else if isCurrency(unit) {
		scales = moneyScales
	}
	_, suf := scaleDown(hi, scales)
	div := 1.0
	for _, sc := range scales {
		if sc.suffix == suf {
			div = sc.div
		}
	}
	body := fmtNum(lo/div, false) + "–" + fmtNum(hi/div, false) + suf
	switch {
	case unit == "t" && suf == "":
		return body + " t"
	case unit == "t", unit == "count", unit == "":
		return body
	case isCurrency(unit):
		return money(unit, body)
	}
	return body + " " + unitWord(unit)
}

// scaled divides v by the largest magnitude it reaches.
func scaleDown(v float64, scales []magnitude) (float64, string) {
	for _, sc := range scales {
		if math.Abs(v) >= sc.div {
			return v / sc.div, sc.suffix
		}
	}
	return v, ""
}

// fmtNum formats a number for people: thousands separators, at most one
// decimal, and, when keepDecimal (a scaled currency under 10, "HK$2.0 tn"),
// the decimal even when it is zero.
func fmtNum(v float64, keepDecimal bool) string {
	neg := v < 0
	v = math.Abs(v)
	var s string
	switch {
	case keepDecimal && v < 10:
		s = strconv.FormatFloat(v, 'f', 1, 64)
	case v >= 100 || v == math.Trunc(v):
		s = fmtGroup(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
	case v < 1:
		s = strconv.FormatFloat(v, 'f', -1, 64)
		if len(s) > 4 {
			s = strconv.FormatFloat(v, 'f', 2, 64)
		}
	default:
		s = strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	}
	if neg {
		return "-" + s
	}
	return s
}

// fmtGroup inserts thousands separators into a string of digits.
func fmtGroup(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	pre := len(digits) % 3
	if pre > 0 {
		b.WriteString(digits[:pre])
	}
	for i := pre; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// isCurrency reports whether unit is an ISO 4217 code: three upper-case
// letters. The unit lexicon uses no other all-caps three-letter unit but
// TEU and BPD-like words, which are handled first by unitWord's callers.
func isCurrency(unit string) bool {
	if len(unit) != 3 || unit == "TEU" {
		return false
	}
	for i := 0; i < 3; i++ {
		if unit[i] < 'A' || unit[i] > 'Z' {
			return false
		}
	}
	return true
}

// money puts a currency's symbol before an amount, or its code and a space.
func money(unit, amount string) string {
	neg := strings.HasPrefix(amount, "-")
	amount = strings.TrimPrefix(amount, "-")
	sym, ok := currencySymbols[unit]
	if !ok {
		sym = unit + " "
	}
	if neg {
		return "-" + sym + amount
	}
	return sym + amount
}

// unitWord is how a unit other than %, t, counts and currencies is written
// after its figure.
func unitWord(unit string) string {
	switch unit {
	case "km2":
		return "km²"
	}
	return unit
}

// formatPeriod renders an indicator's period: "2023", "2020–2025" or "".
func formatPeriod(p *model.Period) string {
	switch {
	case p == nil || p.From == 0:
		return ""
	case p.To == 0 || p.To == p.From:
		return strconv.Itoa(p.From)
	}
	return strconv.Itoa(p.From) + "–" + strconv.Itoa(p.To)
}

// shortTitle cuts a document title to at most n cells at a word boundary,
// leaving out a leading article, for labels with no room for the whole
// title: "The Anatomy of Sino-Kazakh Trade" becomes "Anatomy of Sino-…".
func shortTitle(t string, n int) string {
	for _, a := range []string{"The ", "A ", "An "} {
		if rest, ok := strings.CutPrefix(t, a); ok && rest != "" {
			t = rest
			break
		}
	}
	t = strings.TrimSpace(t)
	if ansi.StringWidth(t) <= n {
		return t
	}
	t = ansi.Truncate(t, n-1, "")
	// Cut after the last space or hyphen, so no word is left in pieces.
	if i := strings.LastIndexAny(t, " -–"); i > len(t)/2 {
		_, size := utf8.DecodeRuneInString(t[i:])
		t = t[:i+size]
		if t[i] == ' ' {
			t = t[:i]
		}
	}
	return t + "…"
}

// metricLabel turns a metric id into words for the table: "rail_freight"
// becomes "rail freight", which also lets the filter match it word by word.
func metricLabel(m model.Metric) string { return strings.ReplaceAll(m, "_", " ") }
