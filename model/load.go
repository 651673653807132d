package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/unicode"
	"gopkg.in/yaml.v3"
)

// Loading turns files into Documents. It is split in steps so that a caller
// with many files can run the per-file step in a worker pool:
//
//	names, problems := ListFiles(fsys, root, opt)   // walk, no file reads
//	man, err := ReadManifest(fsys, root)            // optional titles and dates
//	for each name: d, err := LoadFile(fsys, root, name, opt); man.Apply(d, rel)
//
// LoadFS does exactly that, in order; LoadPaths maps OS paths onto LoadFS.
//
// Decisions on bad input. Nothing stops a load; each file that cannot be
// read, or could be read only in part, yields a Problem and the rest loads:
//
//   - a missing path, a permission error or a symbolic-link loop: a Problem
//     with the reason in plain words;
//   - a file over LoadOptions.MaxBytes: a Problem giving both sizes; the
//     file is not read at all, so a stray disk image costs nothing;
//   - a binary file (a NUL byte, or mostly control characters): a Problem;
//   - an empty or white-space-only file: a Problem, as there is nothing to
//     show;
//   - UTF-16 text with a byte-order mark: converted to UTF-8, no Problem;
//   - invalid UTF-8: the document loads, each stray byte read as
//     Windows-1252 (what such bytes almost always are, and reversible, so no
//     data is lost), and a Problem says where the first one was. Text is then
//     valid UTF-8 and every span stays a valid offset into it;
//   - a folder with no supported file: a Problem, so an empty result is
//     never silent;
//   - inside a folder, hidden files and folders (".git") and manifest.json
//     are skipped silently; files in other document formats (.pdf, .docx,
//     …) each get a Problem; any other files (images, data) are counted in
//     one Problem per folder loaded. Linked folders are not followed (they
//     may loop) and get a Problem saying so.

// DefaultMaxBytes is the largest file read when LoadOptions.MaxBytes is 0.
const DefaultMaxBytes = 20 << 20

// LoadOptions controls a load. The zero value is usable.
type LoadOptions struct {
	// MaxBytes is the largest file read, in bytes; 0 means DefaultMaxBytes.
	// Larger files become a Problem and are not read.
	MaxBytes int64
	// Base is how the loaded root is shown in Document.Path and
	// Problem.Path: LoadPaths sets it to the OS path the user gave, and a
	// caller loading the embedded seeds sets it to "seeds". Empty means the
	// root's own name in the fs.FS.
	Base string
}

// maxBytes returns the effective size limit.
func (o LoadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// show returns the path a user recognises for name, a path in the fs.FS
// under root: Base joined with name's path relative to root.
func (o LoadOptions) show(root, name string) string {
	if o.Base == "" {
		return name
	}
	if name == root {
		return o.Base
	}
	return filepath.Join(o.Base, filepath.FromSlash(relPath(root, name)))
}

// relPath returns name relative to root, both slash-separated fs paths.
func relPath(root, name string) string {
	if root == "." {
		return name
	}
	if name == root {
		return path.Base(name)
	}
	return strings.TrimPrefix(name, root+"/")
}

// supportedExt returns the format of the files with extension ext (in
// lower case, with its dot), and whether corridor reads them at all. A
// switch, not a map: it runs for every file loaded.
func supportedExt(ext string) (Format, bool) {
	switch ext {
	case ".txt":
		return FormatText, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	case ".html", ".htm":
		return FormatHTML, true
	}
	return "", false
}

// documentExt lists extensions of documents corridor cannot read. Met in a
// folder, each such file is a Problem, since it likely holds an article the
// user expected to see; other unsupported files are only counted.
var documentExt = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".rtf": true,
	".epub": true, ".mobi": true, ".pages": true, ".xhtml": true, ".xml": true,
	".rst": true, ".org": true, ".adoc": true, ".text": true, ".tex": true,
}

// unsupportedMsg is the Problem for a file whose extension is not read.
func unsupportedMsg(ext string) string {
	if ext == "" {
		return "unsupported file type (no extension); corridor reads .txt, .md and .html"
	}
	return "unsupported file type " + ext + "; corridor reads .txt, .md and .html"
}

// LoadPaths loads every path, each a file or a folder (read recursively),
// from the OS file system. It never stops on a bad path: each becomes a
// Problem and the others load. Documents are sorted by Path.
func LoadPaths(paths []string, opt LoadOptions) ([]*Document, []Problem) {
	var docs []*Document
	var probs []Problem
	for _, p := range paths {
		if p == "" {
			probs = append(probs, Problem{Path: p, Err: "empty path"})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			probs = append(probs, Problem{Path: p, Err: describeErr(err)})
			continue
		}
		o := opt
		o.Base = p
		var d []*Document
		var pr []Problem
		if info.IsDir() {
			d, pr = LoadFS(dirFS(p), ".", o)
		} else {
			// One code path: the file is loaded as the root of its folder.
			d, pr = LoadFS(dirFS(filepath.Dir(p)), filepath.Base(p), o)
		}
		docs = append(docs, d...)
		probs = append(probs, pr...)
	}
	sortDocs(docs)
	return docs, probs
}

// LoadFS loads every supported file under root in fsys, where root is a
// folder (read recursively) or a single file, e.g. the embedded seeds:
//
//	LoadFS(seeds.FS, seeds.Root, LoadOptions{Base: "seeds"})
//
// Document.ID is the file's path relative to root without its extension (for
// a single file, its name without extension). A manifest.json in root gives
// titles, sources and dates (see Manifest). Documents are sorted by Path.
func LoadFS(fsys fs.FS, root string, opt LoadOptions) ([]*Document, []Problem) {
	root = path.Clean(strings.TrimPrefix(filepath.ToSlash(root), "/"))
	info, err := fs.Stat(fsys, root)
	if err != nil {
		return nil, []Problem{{Path: opt.show(root, root), Err: describeErr(err)}}
	}
	if !info.IsDir() {
		// A file named explicitly: its folder's manifest still applies.
		d, err := LoadFile(fsys, root, root, opt)
		var probs []Problem
		if err != nil {
			probs = append(probs, Problem{Path: opt.show(root, root), Err: err.Error()})
		}
		if d == nil {
			return nil, probs
		}
		if man, _ := ReadManifest(fsys, path.Dir(root)); man != nil {
			man.Apply(d, path.Base(root))
		}
		return []*Document{d}, probs
	}

	names, probs := ListFiles(fsys, root, opt)
	man, err := ReadManifest(fsys, root)
	if err != nil {
		probs = append(probs, Problem{Path: opt.show(root, path.Join(root, manifestName)), Err: err.Error()})
	}
	docs := make([]*Document, 0, len(names))
	for _, name := range names {
		d, err := LoadFile(fsys, root, name, opt)
		if err != nil {
			probs = append(probs, Problem{Path: opt.show(root, name), Err: err.Error()})
		}
		if d != nil {
			man.Apply(d, relPath(root, name))
			docs = append(docs, d)
		}
	}
	for _, file := range man.unused(names, root) {
		probs = append(probs, Problem{
			Path: opt.show(root, path.Join(root, manifestName)),
			Err:  fmt.Sprintf("manifest.json lists %s, which is not in the folder", file),
		})
	}
	sortDocs(docs)
	return docs, probs
}

// sortDocs orders documents by Path, then ID, for a deterministic corpus.
func sortDocs(docs []*Document) {
	slices.SortStableFunc(docs, func(a, b *Document) int {
		return cmpStrings(a.Path, b.Path, a.ID, b.ID)
	})
}

func cmpStrings(a1, b1, a2, b2 string) int {
	if c := strings.Compare(a1, b1); c != 0 {
		return c
	}
	return strings.Compare(a2, b2)
}

// ListFiles walks root in fsys and returns the paths (in fsys) of the files
// corridor reads, in lexical order, with the problems met on the way: a
// folder that cannot be read, a linked folder, a document format that is not
// supported, a folder with nothing to read. It reads no file. If root is a
// file it is returned as is when supported, and is a Problem otherwise.
func ListFiles(fsys fs.FS, root string, opt LoadOptions) ([]string, []Problem) {
	var names []string
	var probs []Problem
	problem := func(name, msg string) {
		probs = append(probs, Problem{Path: opt.show(root, name), Err: msg})
	}
	others := map[string]int{} // extension -> files skipped
	rootFailed, rootIsFile := false, false
	walkErr := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			// A folder that cannot be read, or root itself missing.
			problem(name, describeErr(err))
			if name == root {
				rootFailed = true
			}
			if d != nil && d.IsDir() && name != root {
				return fs.SkipDir
			}
			return nil
		}
		base := d.Name()
		if name != root && strings.HasPrefix(base, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(path.Ext(base))
		if name == root {
			rootIsFile = true
			if _, ok := supportedExt(ext); !ok {
				problem(name, unsupportedMsg(ext))
				return nil
			}
			names = append(names, name)
			return nil
		}
		if base == manifestName {
			return nil
		}
		typ := d.Type()
		if typ&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, name)
			switch {
			case err != nil:
				problem(name, describeErr(err))
				return nil
			case info.IsDir():
				problem(name, "linked folder not followed (links can loop); name the folder itself to load it")
				return nil
			}
			typ = info.Mode().Type()
		}
		_, ok := supportedExt(ext)
		switch {
		case ok && !typ.IsRegular():
			problem(name, "not a regular file")
		case ok:
			names = append(names, name)
		case documentExt[ext]:
			problem(name, unsupportedMsg(ext))
		default:
			others[ext]++
		}
		return nil
	})
	if walkErr != nil {
		problem(root, describeErr(walkErr))
	}
	if n := sumCounts(others); n > 0 {
		problem(root, skippedMsg(n, others))
	}
	if len(names) == 0 && !rootFailed && !rootIsFile {
		problem(root, "no .txt, .md or .html files in folder")
	}
	return names, probs
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// skippedMsg says how many files of other types a folder walk skipped and
// which types, so that a folder of, say, PDFs never loads silently empty.
func skippedMsg(n int, others map[string]int) string {
	exts := make([]string, 0, len(others))
	for e := range others {
		if e == "" {
			e = "no extension"
		}
		exts = append(exts, e)
	}
	slices.Sort(exts)
	if len(exts) > 5 {
		exts = append(exts[:5], "…")
	}
	what := "files that are not documents"
	if n == 1 {
		what = "file that is not a document"
	}
	return fmt.Sprintf("skipped %d %s (%s)", n, what, strings.Join(exts, ", "))
}

// LoadFile reads and parses the file name of fsys, found under the folder
// root (root == name for a single file): its ID is its path relative to root
// without extension, its Path is opt.Base joined with that relative path.
// It checks the size before reading, so an oversized file is never read.
// A folder of OS files (as StreamPaths and LoadPaths open them) is read
// with fewer system calls; see osDir.
//
// Like ParseDocument it may return a document and an error together when
// the file loaded with a repair (invalid UTF-8); a nil document means the
// file could not be loaded at all.
func LoadFile(fsys fs.FS, root, name string, opt LoadOptions) (*Document, error) {
	ext := strings.ToLower(path.Ext(name))
	if _, ok := supportedExt(ext); !ok {
		return nil, errors.New(unsupportedMsg(ext))
	}
	limit := opt.maxBytes()
	rel := relPath(root, name)
	if r, ok := fsys.(smallReader); ok {
		if data, ok := r.readSmall(name, limit); ok {
			return parseOwned(strings.TrimSuffix(rel, path.Ext(rel)), opt.show(root, name), ext, data)
		}
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, errors.New(describeErr(err))
	}
	if info.IsDir() {
		return nil, errors.New("is a folder")
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > limit {
		return nil, tooBig(info.Size(), limit)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, errors.New(describeErr(err))
	}
	defer f.Close()
	// The limit is enforced on the read as well: a file may grow after the
	// stat, and some fs.FS implementations report no size.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, errors.New(describeErr(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the %s limit; raise it with -max-bytes", fmtSize(limit))
	}
	return parseDocument(strings.TrimSuffix(rel, path.Ext(rel)), opt.show(root, name), ext, data)
}

// tooBig is the error for a file over the size limit.
func tooBig(size, limit int64) error {
	return fmt.Errorf("file is %s, over the %s limit; raise it with -max-bytes", fmtSize(size), fmtSize(limit))
}

// fmtSize formats a byte count for a person: "512 bytes", "12 KB", "2.5 MB".
func fmtSize(n int64) string {
	const kb, mb, gb = 1 << 10, 1 << 20, 1 << 30
	unit := func(n int64, u int64, name string) string {
		if n >= 10*u {
			return fmt.Sprintf("%d %s", (n+u/2)/u, name)
		}
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/float64(u)), ".0") + " " + name
	}
	switch {
	case n < kb:
		return fmt.Sprintf("%d bytes", n)
	case n < mb:
		return unit(n, kb, "KB")
	case n < gb:
		return unit(n, mb, "MB")
	}
	return unit(n, gb, "GB")
}

// describeErr turns a file-system error into a short sentence without the
// path (the Problem carries it) or Go's operation names.
func describeErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.ELOOP):
		return "symbolic link loop"
	case errors.Is(err, fs.ErrInvalid):
		return "invalid path"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ParseDocument turns one file's bytes into a Document. The format comes from
// path's extension; path also gives the ID (path without extension) and Path.
// Title, Date and Source come from the file's metadata (front matter, a
// leading "Date:" line, HTML <title> and <meta>), else the title is the
// first line of text. Noise is filled by findNoise and the metadata rules.
//
// The error is non-nil when the file cannot be a document (unsupported
// type, binary, empty); the document is then nil. When the file loads with a
// repair, invalid UTF-8 read as Windows-1252, both a document and an error
// describing the repair are returned: keep the document, report the error.
func ParseDocument(path string, data []byte) (*Document, error) {
	ext := filepath.Ext(path)
	return parseDocument(strings.TrimSuffix(filepath.ToSlash(path), ext), path, strings.ToLower(ext), data)
}

// parseDocument is ParseDocument with the ID and the shown path given apart.
func parseDocument(id, shown, ext string, data []byte) (*Document, error) {
	return parse(id, shown, ext, data, false)
}

// parseOwned is parseDocument for data that nothing else holds or will
// change, in a buffer of exactly its length (as osDir.readSmall reads it):
// the document's text may then be data itself rather than a copy, which
// saves copying every file once more.
func parseOwned(id, shown, ext string, data []byte) (*Document, error) {
	return parse(id, shown, ext, data, true)
}

// parse is parseDocument; owned says whether data may become the text.
func parse(id, shown, ext string, data []byte, owned bool) (*Document, error) {
	format, ok := supportedExt(ext)
	if !ok {
		return nil, errors.New(unsupportedMsg(ext))
	}
	if len(data) == 0 {
		return nil, errors.New("empty file")
	}
	size := len(data)
	if format == FormatHTML {
		data = decodeHTMLCharset(data)
	}
	text, ascii, warn, err := decodeText(data, owned)
	if err != nil {
		return nil, err
	}
	dn := &docWithNoise{doc: Document{ID: id, Path: shown, Format: format, Bytes: size}}
	d := &dn.doc
	var meta docMeta
	if format == FormatHTML {
		text, meta, err = parseHTML(text)
		if err != nil {
			return nil, err
		}
		ascii = 0 // a new text, of which nothing is known
	}
	if s, e := trimBlank(text, 0, len(text)); s == e { // strings.TrimFunc(text, isBlankRune), sparing its calls for each rune
		return nil, errors.New("empty file (only white space)")
	}
	d.Text = text
	// The noise spans are gathered in a pooled buffer and kept at their
	// exact size: most documents have two or three, and growing a slice
	// for each rule that finds one cost more than the rules.
	spans := noisePool.Get().(*[]Span)
	noise := (*spans)[:0]
	var mr *metaReader // the metadata of a text: an HTML page's is in its head
	if format != FormatHTML {
		mr = &metaReader{ascii: ascii}
		noise = mr.begin(text, noise)
	}
	noise = appendNoise(noise, text, ascii, mr)
	if mr != nil {
		meta = mr.meta
	}
	if len(noise) > 0 { // else nil, as an exporter tells a document without noise by it
		merged := mergeSpans(noise)
		if len(merged) <= len(dn.noise) {
			d.Noise = dn.noise[:len(merged):len(merged)]
		} else {
			d.Noise = make([]Span, len(merged))
		}
		copy(d.Noise, merged)
	}
	if cap(noise) <= maxPooledNoise { // one odd document does not pin a huge buffer
		*spans = noise[:0]
		noisePool.Put(spans)
	}
	d.Date, d.Source, d.Title = meta.date, meta.source, meta.title
	if d.Title == "" {
		d.Title = firstLineTitle(text, d.Noise, meta.titleFrom)
	}
	return d, warn
}

// noisePool holds the buffers parse gathers a document's noise spans in.
var noisePool = sync.Pool{New: func() any { return new([]Span) }}

// maxPooledNoise is the largest noise buffer, in spans, put back in
// noisePool.
const maxPooledNoise = 1 << 10

// docWithNoise is a Document allocated with room for its first noise
// spans: most documents have one or two, which were a second allocation for
// every file. The pair takes 192 bytes, where a document alone takes 160
// and its spans another 16 or 32.
type docWithNoise struct {
	doc   Document
	noise [2]Span
}

// decodeText checks that data is text and returns it as valid UTF-8. UTF-16
// with a byte-order mark is converted. Stray bytes that are not UTF-8 are
// read as Windows-1252, and warn says where the first one was. text[:ascii]
// is ASCII: the length of that prefix is found on the way, and spares
// findNoise a scan of its lines.
func decodeText(data []byte, owned bool) (text string, ascii int, warn, err error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", 0, nil, errors.New("cannot decode UTF-16 text: " + err.Error())
		}
		data = out
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", 0, nil, errors.New("binary file (it contains NUL bytes); corridor reads text")
	}
	mostlyControl, headASCII := scanHead(data)
	if mostlyControl {
		return "", 0, nil, errors.New("binary file (mostly control characters); corridor reads text")
	}
	// The ASCII prefix is valid UTF-8 on its own, so only the rest is
	// validated: no byte is read twice. A head all ASCII, as scanHead
	// found it, is not read again either.
	from := 0
	if headASCII {
		from = min(len(data), 8<<10)
	}
	ascii = from + asciiPrefix(unsafe.String(unsafe.SliceData(data[from:]), len(data)-from))
	if ascii == len(data) || utf8.Valid(data[ascii:]) {
		if owned && len(data) == cap(data) {
			return unsafe.String(unsafe.SliceData(data), len(data)), ascii, nil, nil
		}
		return string(data), ascii, nil, nil
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	b.Write(data[:ascii]) // valid, and the same in text: ascii still holds
	first, bad := -1, 0
	for i := ascii; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if first < 0 {
				first = i
			}
			bad++
			b.WriteRune(cp1252(data[i]))
			i++
			continue
		}
		b.Write(data[i : i+n])
		i += n
	}
	bytesWord := "bytes"
	if bad == 1 {
		bytesWord = "byte"
	}
	return b.String(), ascii, fmt.Errorf("invalid UTF-8 at byte %d; %d %s read as Windows-1252", first, bad, bytesWord), nil
}

// isMostlyControl reports whether more than a tenth of the first 8 KB of
// data are control characters other than white space: a binary file that
// happens to have no NUL byte.
//
// It runs over every file, and text has a line break every line or so, so
// it first counts every byte below 0x20, many bytes a step
// (countBelowSpace): an upper bound of the control characters that
// settles the question for any text without looking at a single byte
// alone. Only a file where that bound reaches a tenth has its control
// characters counted exactly.
func isMostlyControl(data []byte) bool {
	mostly, _ := scanHead(data)
	return mostly
}

// scanHead reads the first 8 KB of data once for decodeText: whether they
// are mostly control characters (isMostlyControl), and whether they are
// all ASCII, which spares asciiPrefix the same bytes.
func scanHead(data []byte) (mostlyControl, ascii bool) {
	head := data[:min(len(data), 8<<10)]
	// A string view of head, for load8 (see countBelowSpace); head is not
	// changed while it is read.
	low, ascii := countBelowSpace(unsafe.String(unsafe.SliceData(head), len(head)))
	if low*10 <= len(head) {
		return false, ascii
	}
	n := 0
	for _, c := range head {
		n += int(controlByte[c]) // a table, not a branch per byte
	}
	return n*10 > len(head), ascii
}

// countBelowSpace returns the number of bytes of s below 0x20, and whether
// s is all ASCII. It reads s eight bytes a load, with load8, which compiles
// to one load where binary.LittleEndian.Uint64 on a byte slice makes a slice
// each time.
func countBelowSpace(s string) (low int, ascii bool) {
	var high uint64 // the bytes read, or-ed together: bit 7 of a byte ≥ 0x80
	i := 0
	for len(s)-i >= 64 {
		// Each byte lane of lanes counts the bytes from 0x20 up in its
		// place of the words read, eight a round: 31 rounds bring a lane
		// to 248 at most, and then the lanes are added up. One add a
		// word, where a population count of each round cost more (the
		// POPCNT instruction is not assumed, so each count tests for it).
		from := i
		end := i + min(len(s)-i, 31*64)&^63 // the rounds' end
		var lanes uint64
		for ; i < end; i += 64 {
			g := s[i : i+64] // one bounds check for the eight loads
			// Each word is counted as ASCII as soon as it is read, which
			// keeps few of them in registers at once; a round with a
			// byte ≥ 0x80 in it, which that count gets wrong, is
			// counted again.
			w := load8(g, 0)
			or, round := w, asciiFromSpace(w)>>7
			w = load8(g, 8)
			or, round = or|w, round+asciiFromSpace(w)>>7
			w = load8(g, 16)
			or, round = or|w, round+asciiFromSpace(w)>>7
			w = load8(g, 24)
			or, round = or|w, round+asciiFromSpace(w)>>7
			w = load8(g, 32)
			or, round = or|w, round+asciiFromSpace(w)>>7
			w = load8(g, 40)
			or, round = or|w, round+asciiFromSpace(w)>>7
			w = load8(g, 48)
			or, round = or|w, round+asciiFromSpace(w)>>7
			w = load8(g, 56)
			or, round = or|w, round+asciiFromSpace(w)>>7
			if or&swarHi != 0 {
				high |= or
				round = fromSpaceLanes(g)
			}
			lanes += round
		}
		// Pairs of lanes into four 16-bit sums, then those into the top
		// 16 bits by one multiplication: the bytes from 0x20 up, and the
		// rest of the bytes read are below it.
		pairs := lanes&0x00ff00ff00ff00ff + lanes>>8&0x00ff00ff00ff00ff
		low += end - from - int(pairs*0x0001000100010001>>48)
	}
	for ; i+8 <= len(s); i += 8 {
		w := load8(s, i)
		high |= w
		low += int(swarBelowSpace(w) >> 7 * 0x0101010101010101 >> 56)
	}
	for ; i < len(s); i++ {
		high |= uint64(s[i])
		if s[i] < 0x20 {
			low++
		}
	}
	return low, high&swarHi == 0
}

// fromSpaceLanes has in each byte lane the number of bytes from 0x20 up
// (a byte ≥ 0x80 included) in its place of the eight words of g, which is
// 64 bytes long. It is countBelowSpace's count of a round that is not all
// ASCII, kept out of line: inlined, the words it reads again were held in
// registers, and spilled, through every round.
//
//go:noinline
func fromSpaceLanes(g string) uint64 {
	g = g[:64]
	return swarFromSpace(load8(g, 0))>>7 + swarFromSpace(load8(g, 8))>>7 +
		swarFromSpace(load8(g, 16))>>7 + swarFromSpace(load8(g, 24))>>7 +
		swarFromSpace(load8(g, 32))>>7 + swarFromSpace(load8(g, 40))>>7 +
		swarFromSpace(load8(g, 48))>>7 + swarFromSpace(load8(g, 56))>>7
}

// swarBelowSpace has bit 7 set in each byte of x below 0x20 (an ASCII
// control character).
func swarBelowSpace(x uint64) uint64 { return ^swarFromSpace(x) & swarHi }

// swarFromSpace has bit 7 set in each byte of x from 0x20 up, a byte ≥
// 0x80 included. No byte's difference borrows from the next: with bit 7
// set, each is at least 0x80 less 0x20.
func swarFromSpace(x uint64) uint64 {
	ge := (x | swarHi) - 0x2020202020202020 // bit 7 set when the low seven bits are ≥ 0x20
	return (ge | x) & swarHi                // that, or a byte ≥ 0x80
}

// asciiFromSpace is swarFromSpace for an x with no byte ≥ 0x80, in fewer
// steps: adding 0x60 sets bit 7 of a byte from 0x20 up, and no byte's sum,
// at most 0x7f plus 0x60, carries into the next.
func asciiFromSpace(x uint64) uint64 { return (x + 0x6060606060606060) & swarHi }

// controlByte is 1 for the control bytes isMostlyControl counts: below
// 0x20, other than white space and ESC.
var controlByte = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		switch c {
		case '\n', '\r', '\t', '\f', '\v', 0x1b:
		default:
			t[c] = 1
		}
	}
	return t
}()

// cp1252High maps the bytes 0x80-0x9F of Windows-1252 to Unicode. The five
// bytes the code page leaves undefined map to the C1 controls of the same
// value, as in the WHATWG encoding standard, so no byte is lost.
var cp1252High = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// cp1252 returns the character byte c stands for in Windows-1252.
func cp1252(c byte) rune {
	if c >= 0x80 && c <= 0x9F {
		return cp1252High[c-0x80]
	}
	return rune(c) // ASCII and Latin-1
}

// docMeta is what a document's metadata says about it.
type docMeta struct {
	title, source string
	date          Date
	// titleFrom, when > 0, is where the title should be taken from if no
	// title is given: the text after the inline date of " date 2024-11-06 …".
	titleFrom int
}

// metaReader reads the metadata at the top of a text or Markdown document
// and appends to the noise the spans of the lines that are pure metadata.
// Three forms are understood:
//
//   - front matter: a "---" (YAML) or "+++" (TOML-like) line, key: value
//     lines, and a closing "---", "..." or "+++" line; the block is noise
//     but for the value of its date;
//   - header lines among the first lines: "Date: 1987-02-26", "Title: …",
//     "Source: …" and a few more keys; each line is noise but for the value
//     of a date. A date key whose value is not a date is not metadata and
//     stays text;
//   - an inline date opening the first line: " date 2024-11-06 Officials
//     vowed …". Only the word "date" is noise: the date and the sentence
//     after it are text, so the date scanner still reports the date.
//
// begin reads the front matter; the header lines are then read as
// appendNoise walks the text's lines, which it splits and trims anyway:
// reading them in a walk of their own found and trimmed the first dozen
// lines of every document twice.
type metaReader struct {
	meta docMeta
	next int  // the start of the next line to read
	seen int  // the non-blank lines read so far
	done bool // no further line can be a header line
	// ascii is how much of the text is known to be ASCII (see
	// decodeText): a byline inside it is not scanned for '·' and '•'.
	ascii int
}

// begin reads the byte-order mark and front matter at the top of text,
// appending the front matter's noise to noise, and readies r for the
// header lines after them.
func (r *metaReader) begin(text string, noise []Span) []Span {
	off := 0
	if strings.HasPrefix(text, "\ufeff") {
		off = len("\ufeff")
	}
	if end, ok := frontMatter(text, off, &r.meta); ok {
		keep := blockDate(text, off, end, r.meta.date)
		noise = append(noise, Span{off, keep.Start}, Span{keep.End, end})
		off = end
	}
	r.next = off
	r.done = off >= len(text)
	return noise
}

// line reads the line text[start:end] (end is its newline or the end of
// the text), which is the next line, r.next; s and e are its bounds
// trimmed of blanks (trimBlank). It appends the line's metadata noise to
// noise.
func (r *metaReader) line(text string, start, end, s, e int, noise []Span) []Span {
	r.next = end + 1
	if r.next >= len(text) {
		r.done = true
	}
	if s == e {
		return noise
	}
	m := &r.meta
	line := text[s:e]
	// A dateline opens the story's first paragraph, a line too long for a
	// header: it is read before the header lines end.
	if m.date.IsZero() && r.seen > 0 && r.seen < maxBylineLine {
		if d, ok := datelineDate(line); ok {
			m.date = d // the dateline stays text, as a byline does
		}
	}
	if len(line) > maxHeaderLine && r.seen > 0 {
		r.done = true
		return noise
	}
	if r.seen == 0 {
		if n := inlineDate(line, m); n > 0 {
			noise = append(noise, Span{s, s + len("date")})
			m.titleFrom = s + n
		}
	}
	if m.date.IsZero() && r.seen < maxBylineLine {
		if d, ok := bylineDate(line, e <= r.ascii); ok {
			m.date = d // the line stays text: it reads as the byline it is
		}
	}
	if ok, keep := headerLine(line, m); ok {
		if keep.End > keep.Start { // a date line: only the label is noise
			ls, le := trimBlank(text, s, s+keep.Start)
			rs, re := trimBlank(text, s+keep.End, e)
			noise = append(noise, Span{ls, le}, Span{rs, re})
		} else {
			noise = append(noise, Span{s, e})
		}
	}
	if r.seen++; r.seen >= maxHeaderLines {
		r.done = true
	}
	return noise
}

// readThrough reads the lines from r.next up to the one that holds
// offset pos, finding their ends itself: for the lines appendNoise skips
// (a "$$" block), and those left at the end.
func (r *metaReader) readThrough(text string, pos int, noise []Span) []Span {
	for !r.done && r.next <= pos {
		start := r.next
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimBlank(text, start, end)
		noise = r.line(text, start, end, s, e, noise)
	}
	return noise
}

// The publication date itself is never noise, in any of the three forms
// parseMeta reads: it stays in the text so that the date scanner reports it
// as an event, the first of the document's timeline.

// blockDate returns the span of the date value in the front matter
// text[start:end] whose date is d, or an empty span at end when none is.
func blockDate(text string, start, end int, d Date) Span {
	if d.IsZero() {
		return Span{end, end}
	}
	for ls := start; ls < end; {
		le := strings.IndexByte(text[ls:end], '\n')
		if le < 0 {
			le = end
		} else {
			le += ls
		}
		line := text[ls:le]
		for _, sep := range ":=" {
			if got, tok, ok := dateLine(line, byte(sep)); ok && got == d {
				return Span{ls + tok.Start, ls + tok.End}
			}
		}
		ls = le + 1
	}
	return Span{end, end}
}

// dateLine parses a "key: value" (or key = value) line whose key names a
// date and whose value is one, and returns the date and the span in line of
// the date's own text, without quotes, time of day or anything after it.
func dateLine(line string, sep byte) (Date, Span, bool) {
	i := strings.IndexByte(line, sep)
	if i <= 0 || i > maxHeaderKey || !isDateKey(line[:i]) {
		return Date{}, Span{}, false
	}
	// The one space after the separator, as nearly every value has, is
	// passed over first, so that trimBlank finds the value's ends with no
	// loop of its own.
	vs := i + 1
	if vs < len(line) && line[vs] == ' ' {
		vs++
	}
	vs, ve := trimBlank(line, vs, len(line))
	for vs < ve && (line[vs] == '"' || line[vs] == '\'') {
		vs++
	}
	for ve > vs && (line[ve-1] == '"' || line[ve-1] == '\'') {
		ve--
	}
	if d, ok := parseISODate(line[vs:ve]); ok {
		return d, Span{vs, ve}, true // the usual value, with nothing to trim and no time after it
	}
	d, ok := parseMetaDate(line[vs:ve])
	if !ok {
		return Date{}, Span{}, false
	}
	// Keep just the date when a time follows it: "2024-01-02T08:00:00Z",
	// "26-FEB-1987 15:01:01.79".
	if k := timeSep(line[vs:ve]); k > 0 {
		if d2, ok := parseMetaDate(line[vs : vs+k]); ok && d2 == d {
			ve = vs + k
		}
	}
	return d, Span{vs, ve}, true
}

// isDateKey reports whether key, without surrounding white space and in
// lower case, is one of dateKeys. An ASCII key, as nearly all are, is
// compared in place; any other goes through strings.ToLower, whose Unicode
// case mapping may turn it into one ("PUBLİSHED").
func isDateKey(key string) bool {
	// A key that opens and ends with printable ASCII, as nearly every
	// one does, has nothing to trim.
	if key == "" || key[0]-'!' >= utf8.RuneSelf-'!' || key[len(key)-1]-'!' >= utf8.RuneSelf-'!' {
		key = strings.TrimSpace(key)
	}
	// The keys are ASCII, so only an ASCII key matches one byte by byte:
	// most keys do ("Date"), and are not first tested for ASCII.
	for _, k := range dateKeys {
		if len(k) == len(key) && hasPrefixLower(key, k) {
			return true
		}
	}
	return !allASCII(key) && slices.Contains(dateKeys, strings.ToLower(key))
}

// timeSep returns the offset in s of the first 'T' or space, where a time
// of day may follow a date, or -1. It is strings.IndexAny(s, "T ") without
// the set that call builds, for the short values of metadata.
func timeSep(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == 'T' || s[i] == ' ' {
			return i
		}
	}
	return -1
}

// maxHeaderLines is how many non-blank lines at the top may hold header
// lines like "Date: 1987-02-26"; maxHeaderLine is the longest such line,
// and maxHeaderKey the longest key, before its separator, of such a line
// or of a front-matter date.
const (
	maxHeaderLines = 8
	maxHeaderLine  = 200
	maxHeaderKey   = 20
)

// frontMatter parses a front-matter block starting at text[off:] into m and
// returns the offset just past it. The block must open with "---" or "+++"
// alone on the first line, close within maxFrontMatter bytes, and hold at
// least one key, so a Markdown rule opening a file is not taken for it.
func frontMatter(text string, off int, m *docMeta) (int, bool) {
	var delim string
	switch {
	case strings.HasPrefix(text[off:], "---"):
		delim = "---"
	case strings.HasPrefix(text[off:], "+++"):
		delim = "+++"
	default:
		return 0, false
	}
	first := strings.IndexByte(text[off:], '\n')
	if first < 0 || strings.TrimRight(text[off:off+first], " \t\r") != delim {
		return 0, false
	}
	bodyStart := off + first + 1
	limit := min(len(text), bodyStart+maxFrontMatter)
	for start := bodyStart; start < limit; {
		end := strings.IndexByte(text[start:], '\n')
		next := end + start + 1
		if end < 0 {
			end, next = len(text), len(text)
		} else {
			end += start
		}
		line := strings.TrimRight(text[start:end], " \t\r")
		if line == delim || (delim == "---" && line == "...") {
			body := text[bodyStart:start]
			fields := parseFrontMatter(body, delim == "+++")
			if len(fields) == 0 {
				return 0, false
			}
			applyFields(fields, m)
			return next, true
		}
		start = next
	}
	return 0, false
}

// maxFrontMatter bounds a front-matter block.
const maxFrontMatter = 16 << 10

// parseFrontMatter returns the top-level string fields of a front-matter
// body, lower-cased keys. YAML goes through gopkg.in/yaml.v3 (quoting, block
// scalars, lists are all YAML's business); when that fails, and for TOML,
// plain "key: value" or key = "value" lines are read.
func parseFrontMatter(body string, toml bool) map[string]string {
	fields := map[string]string{}
	if !toml {
		var raw map[string]yaml.Node
		if err := yaml.Unmarshal([]byte(body), &raw); err == nil {
			for k, n := range raw {
				if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
					fields[strings.ToLower(k)] = strings.TrimSpace(n.Value)
				}
			}
			return fields
		}
	}
	sep := ":"
	if toml {
		sep = "="
	}
	for line := range strings.Lines(body) {
		k, v, ok := strings.Cut(line, sep)
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			continue
		}
		fields[k] = strings.Trim(strings.TrimSpace(v), `"'`)
	}
	return fields
}

// applyFields copies the fields corridor uses into m.
func applyFields(fields map[string]string, m *docMeta) {
	for _, k := range []string{"title", "headline"} {
		if v := fields[k]; v != "" && m.title == "" {
			m.title = cleanTitle(v)
		}
	}
	for _, k := range []string{"source", "publication", "publisher", "site", "site_name"} {
		if v := fields[k]; v != "" && m.source == "" {
			m.source = v
		}
	}
	for _, k := range dateKeys {
		if d, ok := parseMetaDate(fields[k]); ok && m.date.IsZero() {
			m.date = d
		}
	}
}

// dateKeys are the metadata keys that give a publication date, in order of
// preference.
var dateKeys = []string{"date", "published", "publication date", "published on", "pubdate",
	"publishdate", "dated", "posted", "posted on", "created", "updated", "last updated", "modified"}

// headerKeys are the keys a header line may have ("Date: 1987-02-26").
var headerKeys = map[string]bool{
	"title": true, "headline": true, "source": true, "publication": true, "publisher": true,
	"author": true, "authors": true, "byline": true, "url": true, "link": true, "tags": true,
	"topics": true, "places": true, "keywords": true, "category": true, "language": true,
}

// headerLine reports whether line is a metadata line such as "Date:
// 1987-02-26" or "Source: Reuters", and records what it says in m. For a
// date line, keep is the span in line of the date, which stays text.
func headerLine(line string, m *docMeta) (ok bool, keep Span) {
	// Every key is at most 20 bytes, so a line with no colon among its
	// first 21 is no header: most lines parseMeta reads are the title
	// and the first lines of the text.
	if strings.IndexByte(line[:min(len(line), maxHeaderKey+1)], ':') < 0 {
		return false, Span{}
	}
	if d, tok, ok := dateLine(line, ':'); ok {
		if m.date.IsZero() {
			m.date = d
		}
		return true, tok
	}
	k, v, ok := strings.Cut(line, ":")
	if !ok || len(k) > maxHeaderKey {
		return false, Span{}
	}
	k = strings.ToLower(strings.TrimSpace(k))
	v = strings.TrimSpace(v)
	if v == "" || !headerKeys[k] || slices.Contains(dateKeys, k) {
		return false, Span{}
	}
	applyFields(map[string]string{k: v}, m)
	return true, Span{}
}

// maxBylineLine is how far into a document, in non-blank lines, a byline
// may date it: after the headline, at most a kicker and a standfirst come
// before it.
const maxBylineLine = 4

// bylineDate reads the publication date of a byline or dateline line, as
// pages give it without a "Date:" key: "By Aigerim Nurlanova | 3 June 2025",
// "Published: 12 March 2026 10:32", "Updated March 3, 2025 · 4 min read".
// The line must open with "By", "Published", "Updated" or "Posted", or be
// split into fields by "|", "·" or "•", and one field must be a full date
// (day, month and year): a line that only names a year is not a dateline.
//
// ascii says that line is known to be ASCII, as most are: it is then not
// scanned to find out.
func bylineDate(line string, ascii bool) (Date, bool) {
	// Every document's first lines come here, most of them a title: the
	// cheap tests go first, and nothing is lower-cased or allocated.
	if len(line) < len("3 May 2025") || len(line) > 160 {
		return Date{}, false
	}
	// A Markdown byline is often set in italics: "*Monitor · 20 April 2026*".
	// A rule of asterisks is then nothing at all.
	// strings.Trim(line, "*_"), without the byte set that call builds for
	// every line.
	for len(line) > 0 && (line[0] == '*' || line[0] == '_') {
		line = line[1:]
	}
	for n := len(line); n > 0 && (line[n-1] == '*' || line[n-1] == '_'); n-- {
		line = line[:n-1]
	}
	if len(line) < len("3 May 2025") {
		return Date{}, false
	}
	opener := false
	switch line[0] | 0x20 {
	case 'b', 'p', 'u', 'f':
		for _, w := range [...]string{"by ", "published", "updated", "posted", "first published"} {
			if len(line) >= len(w) && strings.EqualFold(line[:len(w)], w) {
				opener = true
				break
			}
		}
	}
	// An ASCII line, as most are, holds neither '·' nor '•': it is not
	// searched for them.
	if !opener && strings.IndexByte(line, '|') < 0 && (ascii || allASCII(line) || !strings.Contains(line, "·") && !strings.Contains(line, "•")) {
		return Date{}, false
	}
	for field := range strings.FieldsFuncSeq(line, func(r rune) bool { return r == '|' || r == '·' || r == '•' }) {
		words := strings.Fields(field)
		// Drop the label before the date ("Published:", "Updated on") and
		// the time of day after it ("10:32", "10:32 GMT", "4 min read").
		for len(words) > 0 && bylineLabel(words[0]) {
			words = words[1:]
		}
		// The place the piece was written in may lead the date, as in a
		// dateline: "Bishkek, 20 April 2026".
		if len(words) > 3 && strings.HasSuffix(words[0], ",") {
			words = words[1:]
		}
		for n := len(words); n >= 3 && n >= len(words)-3; n-- {
			if d, ok := parseMetaDate(strings.Join(words[:n], " ")); ok && d.Day != 0 {
				return d, true
			}
		}
	}
	return Date{}, false
}

// datelineDate reads the date of a news agency's dateline, which opens the
// first paragraph of a story: "TASHKENT, June 26, 2026 (UzA). The fair...",
// "ALMATY, 14 October 2026 - Kazakhstan...". The place is written in
// capitals and ends at the first comma; the date after it must be full (day,
// month and year). Newswire datelines without a year ("NEW YORK, Feb 26 -")
// give no date.
func datelineDate(line string) (Date, bool) {
	comma := strings.IndexByte(line, ',')
	if comma < 2 || comma > 40 {
		return Date{}, false
	}
	letters := 0
	for i := 0; i < comma; i++ {
		switch c := line[i]; {
		case 'A' <= c && c <= 'Z':
			letters++
		case c == ' ' || c == '-' || c == '.' || c == '\'' || c == '/':
		default:
			return Date{}, false // lower case, digits or another script: not a dateline's place
		}
	}
	if letters < 2 {
		return Date{}, false
	}
	words := strings.Fields(line[comma+1 : min(len(line), comma+40)])
	if len(words) < 3 {
		return Date{}, false
	}
	// "June 26, 2026 (UzA)." or "14 October 2026 -": the date is the three
	// words after the place, less the punctuation that ends it.
	date := strings.Join(words[:3], " ")
	date = strings.TrimRight(date, ".,;:-")
	if d, ok := parseMetaDate(date); ok && d.Day != 0 {
		return d, true
	}
	return Date{}, false
}

// bylineLabel reports whether w is a word that introduces a byline's date.
func bylineLabel(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ":")) {
	case "published", "updated", "posted", "first", "last", "on", "date", "dated":
		return true
	}
	return false
}

// inlineDate recognises a first line that opens with the word "date" and an
// ISO date (" date 2024-11-06 Officials vowed …"), records the date in m,
// and returns the offset in line just past the date, or 0.
func inlineDate(line string, m *docMeta) int {
	// The blank after "date" is tested first: it is one comparison, and
	// it turns away nearly every line.
	if len(line) < len("date 2024-11-06") || (line[4] != ' ' && line[4] != '\t') || !strings.EqualFold(line[:4], "date") {
		return 0
	}
	i := skipBlank(line, 4)
	j := i
	for j < len(line) && (isASCIIDigit(line[j]) || line[j] == '-') {
		j++
	}
	d, ok := parseISODate(line[i:j])
	if !ok || d.Day == 0 || (j < len(line) && line[j] != ' ' && line[j] != '\t') {
		return 0
	}
	if m.date.IsZero() {
		m.date = d
	}
	return skipBlank(line, j)
}

// parseMetaDate parses a date as metadata writes it: ISO ("2024-01-02",
// "2024-01-02T10:00:00Z", "2024-01", "2024"), with slashes or dots
// ("2024/01/02"), Reuters' "26-FEB-1987 15:01:01.79", or English forms like
// "26 February 1987", "February 26, 1987" and RFC 1123.
func parseMetaDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return Date{}, false
	}
	if d, ok := parseISODate(s); ok {
		return d, true // the usual metadata date, which none of the cuts below would change
	}
	iso := s
	if i := timeSep(iso); i >= 0 {
		iso = iso[:i]
	}
	if strings.IndexByte(iso, '/') >= 0 || strings.IndexByte(iso, '.') >= 0 {
		// Built only when needed: most dates are written with dashes.
		iso = strings.NewReplacer("/", "-", ".", "-").Replace(iso)
	}
	if d, ok := parseISODate(iso); ok {
		return d, true
	}
	for _, layout := range metaDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return Date{t.Year(), int(t.Month()), t.Day()}, true
		}
	}
	// Reuters and some feeds: "26-FEB-1987 15:01:01.79".
	if f := strings.Fields(s); len(f) > 0 {
		if t, err := time.Parse("2-Jan-2006", titleCaseMonth(f[0])); err == nil {
			return Date{t.Year(), int(t.Month()), t.Day()}, true
		}
	}
	return Date{}, false
}

// metaDateLayouts are the English date forms parseMetaDate tries.
var metaDateLayouts = []string{
	"2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "January 2 2006",
	"Jan. 2, 2006", "Monday, January 2, 2006", "Monday, 2 January 2006",
	time.RFC1123, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", time.RFC3339,
}

// titleCaseMonth turns "26-FEB-1987" into "26-Feb-1987" for time.Parse.
func titleCaseMonth(s string) string {
	parts := strings.Split(s, "-")
	if len(parts) == 3 && len(parts[1]) == 3 {
		parts[1] = parts[1][:1] + strings.ToLower(parts[1][1:])
	}
	return strings.Join(parts, "-")
}

// parseISODate parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" with a plausible
// year and a real month and day. It runs on the date of nearly every
// document, so the fields are read at their fixed places, two digits at a
// time: the length tells which form s can be, and anything else
// ("2024-1-02", a fourth field) fails on it.
func parseISODate(s string) (Date, bool) {
	switch {
	case len(s) == 4:
	case len(s) == 7 && s[4] == '-':
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
	default:
		return Date{}, false
	}
	hi, lo := twoDigits(s, 0), twoDigits(s, 2)
	if hi < 10 || lo < 0 { // a year from 1000
		return Date{}, false
	}
	d := Date{Year: hi*100 + lo}
	if len(s) == 4 {
		return d, true
	}
	if d.Month = twoDigits(s, 5); d.Month < 1 || d.Month > 12 {
		return Date{}, false
	}
	if len(s) == 7 {
		return d, true
	}
	if d.Day = twoDigits(s, 8); d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
		return Date{}, false
	}
	return d, true
}

// twoDigits returns the value of the two ASCII digits at s[i:], or -1 when
// either is not a digit.
func twoDigits(s string, i int) int {
	a, b := s[i]-'0', s[i+1]-'0' // a byte below '0' wraps past 9
	if a > 9 || b > 9 {
		return -1
	}
	return int(a)*10 + int(b)
}

// daysIn returns the number of days of month (1-12) in year, in the
// Gregorian calendar, as time.Date counts them.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// firstLineTitle returns a title made from the first line of text that is
// not blank once noise is blanked, or from text[from:] to the end of its
// line when from > 0.
func firstLineTitle(text string, noise []Span, from int) string {
	if from > 0 {
		end := strings.IndexByte(text[from:], '\n')
		if end < 0 {
			end = len(text) - from
		}
		if t := cleanTitle(text[from : from+end]); t != "" {
			return t
		}
	}
	ni := 0
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		// Blank this line's noise, if any, and see what is left; a line
		// without noise is read in place.
		for ni < len(noise) && noise[ni].End <= start {
			ni++
		}
		line := text[start:end]
		if ni < len(noise) && noise[ni].Start < end {
			b := []byte(line)
			for k := ni; k < len(noise) && noise[k].Start < end; k++ {
				for i := max(noise[k].Start, start); i < min(noise[k].End, end); i++ {
					b[i-start] = ' '
				}
			}
			line = string(b)
		}
		if t := cleanTitle(line); t != "" {
			return t
		}
		start = end + 1
	}
	return ""
}

// cleanTitle trims a candidate title, strips Markdown heading marks and
// emphasis, collapses white space, and cuts it to about maxTitle bytes at a
// word boundary. It returns "" when nothing with a letter or digit is left.
func cleanTitle(s string) string {
	if !allASCII(s) {
		s = strings.Join(strings.FieldsFunc(s, isBlankRune), " ")
	} else if !squeezed(s) {
		s = squeeze(s) // the same for ASCII, in one allocation or none
	}
	// strings.TrimLeft(s, "# ") and strings.Trim(s, "*_ "), without the
	// byte sets those calls build.
	for len(s) > 0 && (s[0] == '#' || s[0] == ' ') {
		s = s[1:]
	}
	for len(s) > 0 && (s[0] == '*' || s[0] == '_' || s[0] == ' ') {
		s = s[1:]
	}
	for n := len(s); n > 0 && (s[n-1] == '*' || s[n-1] == '_' || s[n-1] == ' '); n-- {
		s = s[:n-1]
	}
	if !strings.ContainsFunc(s, func(r rune) bool { return scriptOf(r) != scriptNone || r >= '0' && r <= '9' }) {
		return ""
	}
	// s is squeezed, and trimming its ends kept it so: summarize would
	// only test it again. (A non-ASCII title was split on isBlankRune,
	// which takes every rune squeeze takes for white space.)
	return cutSqueezed(s, maxTitle)
}

// maxTitle is the longest title kept, in bytes.
const maxTitle = 120

// manifestName is the file that gives titles, sources and dates in a folder.
const manifestName = "manifest.json"

// Manifest is a folder's manifest.json: the title, publication and date of
// its files, for articles whose text does not say them. Its entries override
// what the files' own metadata says. A nil *Manifest is valid and empty.
//
//	{"documents": [{"file": "a.txt", "title": "…", "source": "…", "date": "2024-11-06"}]}
type Manifest struct {
	Documents []ManifestEntry `json:"documents"`
}

// ManifestEntry describes one file of a Manifest. Empty (or null) fields
// leave the document's own value.
type ManifestEntry struct {
	File   string `json:"file"`   // path relative to the manifest's folder, slash-separated
	Title  string `json:"title"`  // document title
	Source string `json:"source"` // publication
	Date   string `json:"date"`   // publication date, YYYY-MM-DD, YYYY-MM or YYYY
}

// ReadManifest reads dir/manifest.json from fsys. It returns nil and no error
// when there is none. An entry whose date is not a date is dropped from the
// result's dates and reported in the error, while the rest of the manifest
// is still returned.
func ReadManifest(fsys fs.FS, dir string) (*Manifest, error) {
	data, err := fs.ReadFile(fsys, path.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, errors.New("cannot read manifest.json: " + describeErr(err))
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, errors.New("manifest.json is not valid JSON (" + err.Error() + "); titles and dates from it are not used")
	}
	var bad []string
	for i := range m.Documents {
		e := &m.Documents[i]
		e.File = path.Clean(filepath.ToSlash(e.File))
		if e.Date != "" {
			if _, ok := parseMetaDate(e.Date); !ok {
				bad = append(bad, fmt.Sprintf("%s has date %q", e.File, e.Date))
				e.Date = ""
			}
		}
	}
	if len(bad) > 0 {
		return &m, errors.New("manifest.json: " + strings.Join(bad, "; ") + ", which is not a date (use YYYY-MM-DD)")
	}
	return &m, nil
}

// Apply sets d's title, source and date from the entry for rel, the file's
// path relative to the manifest's folder. It does nothing when m is nil or
// has no entry for rel.
func (m *Manifest) Apply(d *Document, rel string) {
	if m == nil || d == nil {
		return
	}
	for _, e := range m.Documents {
		if e.File != rel {
			continue
		}
		if t := strings.TrimSpace(e.Title); t != "" {
			d.Title = t // as given: the manifest is written by a person
		}
		if e.Source != "" {
			d.Source = e.Source
		}
		if date, ok := parseMetaDate(e.Date); ok {
			d.Date = date
		}
		return
	}
}

// unused returns the manifest's files that are not among names (paths in
// the fs.FS under root), so that a typo in the manifest does not go unseen.
func (m *Manifest) unused(names []string, root string) []string {
	if m == nil {
		return nil
	}
	have := make(map[string]bool, len(names))
	for _, n := range names {
		have[relPath(root, n)] = true
	}
	var out []string
	for _, e := range m.Documents {
		if e.File != "" && !have[e.File] {
			out = append(out, e.File)
		}
	}
	return out
}
