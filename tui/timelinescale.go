package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"corridor/model"
)

// This file holds the timeline's axis scale and date formatting. The corpus
// spans the Han dynasty to 2030 targets: on a linear axis the last century,
// where nearly every event is, would take a few cells. The scale is
// piecewise linear instead: each era gets fewer cells per year the older it
// is, and from 1900 on one unit is one year.

// timelineEra is a stretch of years drawn at one density.
type timelineEra struct {
	from    float64 // first year of the era
	perYear float64 // scale units per year
}

// timelineEras are the eras, oldest first; the first extends backwards and
// the last forwards without end.
var timelineEras = [...]timelineEra{
	{-3000, 0.01}, // antiquity: a century a unit
	{500, 0.03},   // the middle ages
	{1500, 0.15},  // Ming and early Qing
	{1800, 0.4},   // the long 19th century
	{1900, 1},     // modern times: linear
}

// scaleOf maps a (fractional) year to its position on the axis.
func scaleOf(y float64) float64 {
	u := 0.0
	for i, e := range timelineEras {
		end := math.Inf(1)
		if i+1 < len(timelineEras) {
			end = timelineEras[i+1].from
		}
		if i == 0 && y < e.from {
			return (y - e.from) * e.perYear
		}
		if y < end {
			return u + (y-e.from)*e.perYear
		}
		u += (end - e.from) * e.perYear
	}
	return u
}

// yearOf is the inverse of scaleOf.
func yearOf(u float64) float64 {
	if u < 0 {
		return timelineEras[0].from + u/timelineEras[0].perYear
	}
	for i, e := range timelineEras {
		if i+1 == len(timelineEras) {
			break
		}
		width := (timelineEras[i+1].from - e.from) * e.perYear
		if u < width {
			return e.from + u/e.perYear
		}
		u -= width
	}
	last := timelineEras[len(timelineEras)-1]
	return last.from + u/last.perYear
}

// eventYear is an event's date as a fractional year, for placing it.
func eventYear(e *model.Event) float64 {
	y := float64(e.Year)
	if e.Month > 0 {
		y += float64(e.Month-1) / 12
	}
	if e.Day > 0 {
		y += float64(e.Day-1) / 365
	}
	return y
}

// yearText writes a year, with "BC" for years before 1 (astronomical 0 is 1 BC).
func yearText(y int) string {
	if y < 1 {
		return strconv.Itoa(1-y) + " BC"
	}
	return strconv.Itoa(y)
}

// eventDateText writes an event's date at the precision the text gave:
// "1522–1566", "mid-2026", "Jan 3, 1992", "Mar 2023", "early 1990s",
// "mid-19th century".
func eventDateText(e *model.Event) string {
	mod := e.Modifier
	// A decade or century is written as the text gave it, before any
	// range: the model gives "the 19th century" the years 1801–1900 too.
	if e.EndYear != 0 && e.EndYear != e.Year && e.Precision != model.PrecisionDecade && e.Precision != model.PrecisionCentury {
		return yearText(e.Year) + "–" + yearText(e.EndYear)
	}
	switch e.Precision {
	case model.PrecisionDay:
		if e.Month > 0 && e.Day > 0 {
			return fmt.Sprintf("%s %d, %s", time.Month(e.Month).String()[:3], e.Day, yearText(e.Year))
		}
	case model.PrecisionMonth:
		if e.Month > 0 {
			return time.Month(e.Month).String()[:3] + " " + yearText(e.Year)
		}
	case model.PrecisionDecade:
		s := yearText(e.Year/10*10) + "s"
		if mod != "" {
			s = mod + " " + s
		}
		return s
	case model.PrecisionCentury:
		s := ordinal((e.Year-1)/100+1) + " century"
		if mod != "" {
			s = mod + "-" + s
		}
		return s
	}
	if mod != "" {
		return mod + "-" + yearText(e.Year)
	}
	return yearText(e.Year)
}

// ordinal writes 19 as "19th", 21 as "21st".
func ordinal(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return strconv.Itoa(n) + suf
}

// tickSteps are the year steps tried for axis labels, coarsest first, so
// that round years win the space.
var tickSteps = [...]int{1000, 500, 100, 50, 10, 5, 1}

// rulerTicks chooses labelled years for an axis of w cells showing scale
// positions [lo, hi): it returns the cell of each tick and the label line.
func rulerTicks(lo, hi float64, w int) ([]int, []rune) {
	line := []rune(strings.Repeat(" ", max(w, 0)))
	used := make([]bool, w)
	var cols []int
	y0, y1 := int(math.Ceil(yearOf(lo))), int(math.Floor(yearOf(hi)))
	for _, step := range tickSteps {
		if (y1-y0)/step > 4*w { // too many candidates to be worth trying
			continue
		}
		first := y0 - ((y0%step)+step)%step
		for y := first; y <= y1; y += step {
			if y < y0 {
				continue
			}
			col := int((scaleOf(float64(y)) - lo) / (hi - lo) * float64(w))
			label := []rune(yearText(y))
			start := min(max(col-len(label)/2, 0), w-len(label))
			if col < 0 || col >= w || start < 0 || !free(used, start-3, start+len(label)+3) {
				continue
			}
			for i, r := range label {
				line[start+i], used[start+i] = r, true
			}
			cols = append(cols, col)
		}
	}
	return cols, line
}

// free reports whether cells [from, to) of used are all unused.
func free(used []bool, from, to int) bool {
	for i := max(from, 0); i < min(to, len(used)); i++ {
		if used[i] {
			return false
		}
	}
	return true
}
