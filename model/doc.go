// Package model is corridor's domain: documents, the spans that point into
// them, the indicators and dated events extracted from them, the corpus that
// holds them all, and the JSON/CSV export of that corpus.
//
// Glossary:
//
//   - Document: one article as read from disk or from the embedded seeds. Its
//     Text is the original text the reader shows; nothing is ever removed from
//     it. Boilerplate (ads, citation markers, cookie banners) is recorded as
//     Noise spans instead, so every offset stays an offset into the original.
//   - Span: a half-open byte range [Start, End) into a Document's Text.
//   - Quantity: a figure found in text: value or range, unit, qualifier, rate.
//   - Indicator: a Quantity with what it measures (Metric), whom it is about
//     (Subject) and when (Period), plus the sentence it came from.
//   - Event: a date or date range found in text, with its precision and a
//     one-line summary of its sentence.
//   - Corpus: the documents, indicators, events and the problems met while
//     loading, with lookups by id. Immutable once built; shared read-only.
//   - Stream: the parallel load (stream.go): files read and extracted on all
//     cores, results handed over in batches with Progress.
//   - Library: the mutable set of per-path results behind a live view
//     (library.go); Snapshot builds a new Corpus. Key identifies a figure or
//     date across snapshots, where IDs shift.
//   - Query: the filter language (query.go), e.g. "metric:rail_freight
//     year:2020.. -subject:china rail"; Complete and FacetCounts serve its
//     input line (complete.go).
//   - Conflict: two documents giving different values for the same metric,
//     subject, period and unit (conflict.go).
//
// The package is pure: it does no terminal I/O and imports nothing from the
// TUI. Loading reads through fs.FS so tests can use fstest.MapFS.
package model
