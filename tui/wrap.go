package tui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// This file holds the text plumbing shared by the chart, timeline and
// reader panes: width-correct wrapping that remembers byte offsets, and
// fitting a view into exactly w×h cells.

// wline is one wrapped line of a text: the half-open byte range of the
// original text it shows, without the newline. Keeping offsets rather than
// copies lets the reader re-wrap on resize and still find its place, and
// lets highlights (byte spans) be laid over any wrapping.
type wline struct{ start, end int }

// wrapText wraps text to width cells, breaking after spaces where it can and
// inside a word only when the word alone is wider than the line. Widths are
// measured per grapheme cluster (CJK and emoji take two cells), and a line
// never ends inside a UTF-8 sequence. Control bytes count one cell because
// the reader draws them as spaces (see cleanRun). Width < 1 gives no lines.
func wrapText(text string, width int) []wline {
	if width < 1 {
		return nil
	}
	lines := make([]wline, 0, len(text)/max(width, 1)+1)
	for ls := 0; ls <= len(text); {
		if ls == len(text) && ls > 0 {
			break // a final newline ends the last line; it does not start one
		}
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		lines = wrapLine(lines, text, ls, le, width)
		ls = le + 1
		if le == len(text) {
			break
		}
	}
	return lines
}

// wrapLine appends the wrapped lines of text[ls:le], which holds no newline.
func wrapLine(lines []wline, text string, ls, le, width int) []wline {
	start, w := ls, 0
	brk, wAtBrk := -1, 0 // where the line could break (after a space) and the width up to there
	for i := ls; i < le; {
		n, gw := 1, 1
		if c := text[i]; c >= 0x80 || (i+1 < le && text[i+1] >= 0x80) {
			// Not plain ASCII (or ASCII followed by a combining mark): ask
			// for the whole grapheme cluster.
			g, cw := ansi.FirstGraphemeCluster(text[i:le], ansi.GraphemeWidth)
			n, gw = max(len(g), 1), cw
		}
		if text[i] == ' ' {
			if w+gw > width {
				// A space that overflows ends the line and is swallowed.
				lines = append(lines, wline{start, i})
				start, w, brk = i+n, 0, -1
				i += n
				continue
			}
			w += gw
			brk, wAtBrk = i+n, w
			i += n
			continue
		}
		if w+gw > width && w > 0 {
			if brk > start {
				lines = append(lines, wline{start, brk})
				start, w = brk, w-wAtBrk
			}
			if w+gw > width && w > 0 { // the word alone is too long: cut it
				lines = append(lines, wline{start, i})
				start, w = i, 0
			}
			brk = -1
		}
		w += gw
		i += n
	}
	return append(lines, wline{start, le})
}

// lineAt returns the index of the wrapped line that shows byte offset off:
// the last line starting at or before it.
func lineAt(lines []wline, off int) int {
	i := sort.Search(len(lines), func(i int) bool { return lines[i].start > off })
	return max(i-1, 0)
}

// cleanRun makes a piece of original text safe to print: tabs, carriage
// returns and other control bytes become spaces (one byte for one byte, so
// widths match what wrapText counted).
func cleanRun(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// fitView joins lines into exactly h lines, none wider than w cells:
// longer lines are cut (ANSI-aware, never inside a sequence), missing lines
// are left empty. With h <= 0 it returns "".
func fitView(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := 0; i < h && i < len(lines); i++ {
		l := lines[i]
		if strings.IndexByte(l, '\n') >= 0 {
			l = l[:strings.IndexByte(l, '\n')]
		}
		if w <= 0 {
			l = ""
		} else if ansi.StringWidth(l) > w {
			l = ansi.Truncate(l, w, "")
		}
		out[i] = l
	}
	return strings.Join(out, "\n")
}

// padRight pads s with spaces to w cells, or cuts it to w cells with an
// ellipsis when it is wider.
func padRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-sw)
}

// padLeft right-aligns s in w cells, cutting it when it is wider.
func padLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	return strings.Repeat(" ", w-sw) + s
}
