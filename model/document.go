package model

import (
	"fmt"
	"time"
	"unsafe"
)

// Span is a half-open byte range [Start, End) into a Document's Text.
type Span struct {
	Start int `json:"start"` // first byte
	End   int `json:"end"`   // one past the last byte
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Overlaps reports whether the two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Date is a calendar date whose parts may be unknown: Month and Day are 0
// when the text does not give them. The zero Date means "no date".
type Date struct {
	Year  int // e.g. 2024; 0 when unknown
	Month int // 1-12; 0 when unknown
	Day   int // 1-31; 0 when unknown
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as YYYY-MM-DD, YYYY-MM or YYYY, or "" when zero.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Time returns the date as a time.Time at midnight UTC, with unknown parts
// taken as 1. It is the zero time when the date is unknown.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Format tells how a document's bytes were turned into Text.
type Format string

// The formats the loader knows, chosen by file extension.
const (
	FormatText     Format = "text"     // .txt: Text is the file as is
	FormatMarkdown Format = "markdown" // .md: Text is the file as is
	FormatHTML     Format = "html"     // .html/.htm: Text is the readable text of the page
)

// Document is one article. Text is what the reader shows and what every span
// indexes; for text and Markdown files it is the file's bytes unchanged, for
// HTML it is the readable text a converter made of the page.
type Document struct {
	ID     string // stable id, unique in a corpus: the path without extension, or the seed's file stem
	Path   string // path as the user gave it (or seeds/<file> for the embedded corpus)
	Title  string // from metadata, the manifest, or the first line
	Date   Date   // publication date from metadata or the manifest; zero when unknown
	Source string // publication, when the text or the manifest names it
	Format Format // how Text was made
	Bytes  int    // size of the file as read, in bytes
	Text   string // the text shown and indexed by every Span
	Noise  []Span // boilerplate in Text that extraction ignores, sorted and disjoint
}

// Clean returns Text with every Noise span blanked: each byte inside a noise
// span becomes a space (newlines are kept so lines do not merge). The result
// has exactly the length of Text, so offsets found in it are offsets in Text.
//
// The text is copied once, straight into the result (Extract, on the hot
// path, uses cleanInto and a reused buffer instead).
func (d *Document) Clean() string {
	clean, _ := d.cleanInto(nil)
	return clean
}

// cleanInto is Clean writing into buf's memory when the document has noise,
// growing it as needed; it returns the clean text and the buffer to keep
// for the next call. The clean text aliases the buffer: it is valid only
// until buf is written again. Extract cleans every document into one
// pooled buffer this way, rather than allocating a copy of each text that
// is garbage as soon as the document is done.
func (d *Document) cleanInto(buf []byte) (string, []byte) {
	if len(d.Noise) == 0 {
		return d.Text, buf
	}
	b := buf[:0]
	if cap(b) < len(d.Text) {
		b = make([]byte, 0, len(d.Text))
	}
	at := 0 // d.Text[:at] is written
	for _, n := range d.Noise {
		s, e := max(n.Start, at), min(n.End, len(d.Text))
		if s >= e {
			continue
		}
		b = append(b, d.Text[at:s]...)
		for i := s; i < e; i++ {
			if d.Text[i] == '\n' {
				b = append(b, '\n')
			} else {
				b = append(b, ' ')
			}
		}
		at = e
	}
	b = append(b, d.Text[at:]...)
	return unsafe.String(unsafe.SliceData(b), len(b)), b
}

// Problem is a path that could not be loaded, and why. Problems never stop a
// load: the other documents are still read.
type Problem struct {
	Path string `json:"path"`  // the file or folder
	Err  string `json:"error"` // a sentence a user can act on
}
