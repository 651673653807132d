package model

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"corridor/seeds"
)

// problemFor returns the error of the first problem whose path is p, or "".
func problemFor(probs []Problem, p string) string {
	for _, pr := range probs {
		if pr.Path == p {
			return pr.Err
		}
	}
	return ""
}

// docByID returns the document with the given ID, or nil.
func docByID(docs []*Document, id string) *Document {
	for _, d := range docs {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// inNoise reports whether the first occurrence of s in d.Text lies wholly
// inside one noise span, and overlaps reports whether it touches any.
func inNoise(d *Document, s string) (inside, overlaps bool) {
	i := strings.Index(d.Text, s)
	if i < 0 {
		return false, false
	}
	sp := Span{i, i + len(s)}
	for _, n := range d.Noise {
		if n.Start <= sp.Start && sp.End <= n.End {
			return true, true
		}
		if n.Overlaps(sp) {
			overlaps = true
		}
	}
	return false, overlaps
}

func TestLoadFSSeeds(t *testing.T) {
	docs, probs := LoadFS(seeds.FS, seeds.Root, LoadOptions{Base: "seeds"})
	if len(probs) != 0 {
		t.Errorf("problems loading the seeds: %v", probs)
	}
	if len(docs) != 5 {
		t.Fatalf("loaded %d seed documents, want 5", len(docs))
	}
	want := []struct {
		id, title, date, source string
	}{
		{"000_ca3e571ea4a9634d", "Opinion | Hong Kong and Xinjiang could be the core of Kazakhstan’s China strategy", "", "South China Morning Post"},
		{"001_fab5a6f0df99f273", "The Anatomy of Sino Central Asian Trade Corridors: A Brutal Breakdown", "", ""},
		{"002_d590beb15352e24b", "Officials vowed on Tuesday to deepen collaboration between Shanghai and Hong Kong", "2024-11-06", ""},
		{"003_f6c8e62c38e10777", "Hong Kong and Shenzhen deepen ties in finance and AI", "2026-01-15", ""},
		{"004_7b09d47d04d29f65", "China–Kazakhstan relations", "", ""},
	}
	for i, w := range want {
		d := docs[i]
		if d.ID != w.id || d.Title != w.title || d.Date.String() != w.date || d.Source != w.source {
			t.Errorf("doc %d = {%q %q %q %q}, want {%q %q %q %q}", i, d.ID, d.Title, d.Date, d.Source, w.id, w.title, w.date, w.source)
		}
		if wantPath := "seeds/" + w.id + ".txt"; d.Path != wantPath {
			t.Errorf("doc %d Path = %q, want %q", i, d.Path, wantPath)
		}
		if d.Format != FormatText || d.Bytes != len(d.Text) {
			t.Errorf("doc %d: Format %q, Bytes %d, len(Text) %d", i, d.Format, d.Bytes, len(d.Text))
		}
	}

	noise := []struct{ id, text string }{
		{"000_ca3e571ea4a9634d", "Reading Time:3 minutes"},
		{"000_ca3e571ea4a9634d", "Advertisement"},
		{"000_ca3e571ea4a9634d", "Why you can trust SCMP"},
		{"001_fab5a6f0df99f273", "$$C_e = f(I_m, S_{hk}, R_{ca})$$"},
		{"001_fab5a6f0df99f273", "$C_e$"},
		{"001_fab5a6f0df99f273", "+--------------------------------------------------------------+"},
		{"001_fab5a6f0df99f273", "▼"},
		{"002_d590beb15352e24b", " date"},
		{"003_f6c8e62c38e10777", "ይህ ድረ-ገጽ ኩኪዎችን ይጠቀማል"},
		{"003_f6c8e62c38e10777", "የእኛን ጣቢያ ለማሻሻል ለትንታኔ ኩኪዎችን እንጠቀማለን።"},
		{"003_f6c8e62c38e10777", "ውድቅ አድርግ"},
		{"003_f6c8e62c38e10777", "በ AI የተሰራ ምስል"},
		{"004_7b09d47d04d29f65", "[25]:\u200a215"},
		{"004_7b09d47d04d29f65", "[40]:\u200a158"},
		{"004_7b09d47d04d29f65", "[ 23 ] [ 24 ]"},
		{"004_7b09d47d04d29f65", "[30][31]"},
		{"004_7b09d47d04d29f65", "[56][57]"},
		{"004_7b09d47d04d29f65", "[citation needed]"},
		{"004_7b09d47d04d29f65", "[zh]"},
		{"004_7b09d47d04d29f65", "[13]"},
	}
	for _, n := range noise {
		d := docByID(docs, n.id)
		text := strings.TrimPrefix(n.text, " ") // " date" anchors the word at the line start
		if n.text == " date" {
			if !strings.HasPrefix(d.Text, " date 2024-11-06") || len(d.Noise) == 0 || d.Text[d.Noise[0].Start:d.Noise[0].End] != "date" {
				t.Errorf("%s: the leading word \"date\" is not noise: %v", n.id, d.Noise)
			}
			continue
		}
		if !strings.Contains(d.Text, text) {
			t.Fatalf("%s: test text %q not in document", n.id, text)
		}
		if in, _ := inNoise(d, text); !in {
			t.Errorf("%s: %q is not noise", n.id, text)
		}
	}

	// Article sentences, including the ones right next to noise, are kept.
	kept := []struct{ id, text string }{
		{"000_ca3e571ea4a9634d", "Building strong ties with China has traditionally been one of Kazakhstan’s key foreign policy priorities."},
		{"000_ca3e571ea4a9634d", "Almas Seitakynov, consul general of Kazakhstan in Hong Kong, poses with his country’s flag, in Central on October 4."},
		{"001_fab5a6f0df99f273", "Total bilateral merchandise trade between Hong Kong and Central Asia grew by 27% between 2020 and 2025."},
		{"001_fab5a6f0df99f273", "MAINLAND CHINA EMISSION"},
		{"001_fab5a6f0df99f273", "represents the efficiency of market entry."},
		{"001_fab5a6f0df99f273", "The Landlocked Logistics Tax: Kazakhstan and Uzbekistan are geographically isolated"},
		{"002_d590beb15352e24b", "2024-11-06 Officials vowed on Tuesday to deepen collaboration between Shanghai and Hong Kong"},
		{"002_d590beb15352e24b", "with close to 200 originating from Shanghai alone — boasting a total market value exceeding HK$2 trillion ($260 billion)."},
		{"003_f6c8e62c38e10777", "Hong Kong's finance chief has expressed optimism about the city's economic outlook for 2026, while forecasting 2025 growth to accelerate to 3.2%, surpassing earlier projections."},
		{"003_f6c8e62c38e10777", "South Korean and Japanese business leaders shake hands on Jeju Island"},
		{"004_7b09d47d04d29f65", "Around 10 million ton of rail freight crosses the border here annually."},
		{"004_7b09d47d04d29f65", "Kazakh political elites portray cooperation with China in a positive light"},
		{"004_7b09d47d04d29f65", "In 1997, both nations signed an agreement"},
		{"004_7b09d47d04d29f65", "The Kazkah government aims to further grow annual trade turnover with China by up to $35 billion by 2030"},
		{"004_7b09d47d04d29f65", "Ürümqi stages Kazakh huaju (话剧, dramas)"},
	}
	for _, k := range kept {
		d := docByID(docs, k.id)
		if !strings.Contains(d.Text, k.text) {
			t.Fatalf("%s: test text %q not in document", k.id, k.text)
		}
		if _, over := inNoise(d, k.text); over {
			t.Errorf("%s: article text %q overlaps noise", k.id, k.text)
		}
	}
}

func TestLoadFSBadInput(t *testing.T) {
	fsys := fstest.MapFS{
		"docs/good.txt":              {Data: []byte("Good title\n\nTrade grew 5% in 2024.\n")},
		"docs/sub/deep.md":           {Data: []byte("# Deep\n\nText.\n")},
		"docs/page.html":             {Data: []byte("<html><head><title>Page</title></head><body><p>Hi.</p></body></html>")},
		"docs/binary.txt":            {Data: []byte("GIF89a\x00\x01\x02")},
		"docs/control.txt":           {Data: []byte(strings.Repeat("\x01\x02\x03\x04ab", 50))},
		"docs/latin1.txt":            {Data: []byte("Caf\xe9 trade \x93grew\x94.\n")},
		"docs/big.txt":               {Data: []byte(strings.Repeat("x", 3000))},
		"docs/empty.txt":             {Data: []byte{}},
		"docs/blank.md":              {Data: []byte(" \n\t\n")},
		"docs/report.pdf":            {Data: []byte("%PDF-1.4")},
		"docs/photo.png":             {Data: []byte("\x89PNG")},
		"docs/style.css":             {Data: []byte("p{}")},
		"docs/.hidden.txt":           {Data: []byte("hidden")},
		"docs/.git/config":           {Data: []byte("[core]")},
		"docs/utf16.txt":             {Data: []byte("\xff\xfeH\x00i\x00\n\x00")},
		"docs/manifest.json":         {Data: []byte(`{"documents":[{"file":"good.txt","title":"From manifest","source":"Wire","date":"2023-05-06"},{"file":"sub/deep.md","date":"2023-13-01"},{"file":"gone.txt","title":"x"}]}`)},
		"emptydir/.keep":             {Data: []byte("")},
		"pdfs/a.pdf":                 {Data: []byte("%PDF")},
		"bad-manifest/a.txt":         {Data: []byte("A\n")},
		"bad-manifest/manifest.json": {Data: []byte("{not json")},
	}
	docs, probs := LoadFS(fsys, "docs", LoadOptions{MaxBytes: 2000})

	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	wantIDs := []string{"good", "latin1", "page", "sub/deep", "utf16"}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("loaded %v, want %v", ids, wantIDs)
	}
	wantProbs := map[string]string{
		"docs/binary.txt":    "binary file (it contains NUL bytes); corridor reads text",
		"docs/control.txt":   "binary file (mostly control characters); corridor reads text",
		"docs/latin1.txt":    "invalid UTF-8 at byte 3; 3 bytes read as Windows-1252",
		"docs/big.txt":       "file is 2.9 KB, over the 2 KB limit; raise it with -max-bytes",
		"docs/empty.txt":     "empty file",
		"docs/blank.md":      "empty file (only white space)",
		"docs/report.pdf":    "unsupported file type .pdf; corridor reads .txt, .md and .html",
		"docs":               "skipped 2 files that are not documents (.css, .png)",
		"docs/manifest.json": "manifest.json: sub/deep.md has date \"2023-13-01\", which is not a date (use YYYY-MM-DD)",
	}
	for p, want := range wantProbs {
		if got := problemFor(probs, p); got != want {
			t.Errorf("problem for %s = %q, want %q", p, got, want)
		}
	}
	if !slices.ContainsFunc(probs, func(p Problem) bool { return strings.Contains(p.Err, "lists gone.txt") }) {
		t.Errorf("no problem for the manifest's missing gone.txt: %v", probs)
	}
	if n := len(probs); n != len(wantProbs)+1 {
		t.Errorf("got %d problems, want %d: %v", n, len(wantProbs)+1, probs)
	}

	good := docByID(docs, "good")
	if good.Title != "From manifest" || good.Source != "Wire" || good.Date.String() != "2023-05-06" || good.Path != "docs/good.txt" {
		t.Errorf("good.txt = %+v, want the manifest's title, source and date", good)
	}
	if deep := docByID(docs, "sub/deep"); deep.Title != "Deep" || !deep.Date.IsZero() || deep.Format != FormatMarkdown {
		t.Errorf("sub/deep.md = title %q date %q format %q", deep.Title, deep.Date, deep.Format)
	}
	if l := docByID(docs, "latin1"); l.Text != "Café trade “grew”.\n" {
		t.Errorf("latin1.txt text = %q", l.Text)
	}
	if u := docByID(docs, "utf16"); u.Text != "Hi\n" || u.Title != "Hi" {
		t.Errorf("utf16.txt = %q title %q", u.Text, u.Title)
	}
	if p := docByID(docs, "page"); p.Format != FormatHTML || p.Title != "Page" || strings.TrimSpace(p.Text) != "Hi." {
		t.Errorf("page.html = format %q title %q text %q", p.Format, p.Title, p.Text)
	}

	for _, tt := range []struct{ root, path, want string }{
		{"emptydir", "emptydir", "no .txt, .md or .html files in folder"},
		{"pdfs", "pdfs/a.pdf", "unsupported file type .pdf; corridor reads .txt, .md and .html"},
		{"nowhere", "nowhere", "no such file or folder"},
		{"docs/report.pdf", "docs/report.pdf", "unsupported file type .pdf; corridor reads .txt, .md and .html"},
		{"docs/empty.txt", "docs/empty.txt", "empty file"},
		{"bad-manifest", "bad-manifest/manifest.json", "manifest.json is not valid JSON (invalid character 'n' looking for beginning of object key string); titles and dates from it are not used"},
	} {
		docs, probs := LoadFS(fsys, tt.root, LoadOptions{})
		if got := problemFor(probs, tt.path); got != tt.want {
			t.Errorf("LoadFS(%q): problem for %s = %q, want %q (all: %v)", tt.root, tt.path, got, tt.want, probs)
		}
		if tt.root == "bad-manifest" && len(docs) != 1 {
			t.Errorf("LoadFS(%q) loaded %d documents, want 1 despite the bad manifest", tt.root, len(docs))
		}
	}

	// A single file named as the root: its ID is its stem, its folder's
	// manifest still applies.
	docs, probs = LoadFS(fsys, "docs/good.txt", LoadOptions{Base: "/home/me/docs/good.txt"})
	if len(docs) != 1 || len(probs) != 0 {
		t.Fatalf("single file: %d docs, problems %v", len(docs), probs)
	}
	if d := docs[0]; d.ID != "good" || d.Path != "/home/me/docs/good.txt" || d.Title != "From manifest" {
		t.Errorf("single file = ID %q Path %q Title %q", d.ID, d.Path, d.Title)
	}
}

func TestLoadPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("corpus/a.txt", "Alpha\nDate: 1987-02-26\n\nText.\n")
	write("corpus/nested/b.md", "---\ntitle: Beta\ndate: 2024-01-02\n---\nText.\n")
	write("corpus/secret.txt", "locked")
	write("corpus/locked/c.txt", "locked")
	write("empty/readme.jpg", "")
	if err := os.Symlink("loop.txt", filepath.Join(dir, "corpus", "loop.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "corpus", "self")); err != nil {
		t.Fatal(err)
	}
	canLock := os.Geteuid() != 0 // root reads anything
	if canLock {
		os.Chmod(filepath.Join(dir, "corpus", "secret.txt"), 0)
		os.Chmod(filepath.Join(dir, "corpus", "locked"), 0)
		t.Cleanup(func() { os.Chmod(filepath.Join(dir, "corpus", "locked"), 0o755) })
	}

	corpus := filepath.Join(dir, "corpus")
	single := filepath.Join(dir, "corpus", "a.txt")
	docs, probs := LoadPaths([]string{corpus, single, filepath.Join(dir, "missing"), filepath.Join(dir, "empty"), ""}, LoadOptions{})

	var got []string
	for _, d := range docs {
		got = append(got, d.ID+" "+d.Path+" "+d.Title+" "+d.Date.String())
	}
	want := []string{
		"a " + single + " Alpha 1987-02-26",
		"a " + single + " Alpha 1987-02-26",
		"nested/b " + filepath.Join(corpus, "nested", "b.md") + " Beta 2024-01-02",
	}
	if !canLock {
		want = append(want, "locked/c "+filepath.Join(corpus, "locked", "c.txt")+" locked ", "secret "+filepath.Join(corpus, "secret.txt")+" locked ")
		slices.Sort(want)
	}
	if !slices.Equal(got, want) {
		t.Errorf("loaded\n %q\nwant\n %q", got, want)
	}
	wantProbs := map[string]string{
		filepath.Join(dir, "missing"):     "no such file or folder",
		filepath.Join(dir, "empty"):       "skipped 1 file that is not a document (.jpg)",
		filepath.Join(corpus, "loop.txt"): "symbolic link loop",
		filepath.Join(corpus, "self"):     "linked folder not followed (links can loop); name the folder itself to load it",
		"":                                "empty path",
	}
	if canLock {
		wantProbs[filepath.Join(corpus, "secret.txt")] = "permission denied"
		wantProbs[filepath.Join(corpus, "locked")] = "permission denied"
	}
	for p, w := range wantProbs {
		if g := problemFor(probs, p); g != w {
			t.Errorf("problem for %q = %q, want %q", p, g, w)
		}
	}
	// The empty folder also says it had nothing to read.
	if !slices.Contains(probs, Problem{Path: filepath.Join(dir, "empty"), Err: "no .txt, .md or .html files in folder"}) {
		t.Errorf("no empty-folder problem in %v", probs)
	}
	if a := docs[0]; len(a.Noise) == 0 || a.Text[a.Noise[0].Start:a.Noise[0].End] != "Date:" {
		t.Errorf("a.txt: the Date label is not noise: %v", a.Noise)
	}
}

func TestLoadFileTooBig(t *testing.T) {
	fsys := fstest.MapFS{"big.txt": {Data: make([]byte, 210<<10)}}
	// MapFS reports the real size, so use a limit under it.
	_, err := LoadFile(fsys, ".", "big.txt", LoadOptions{MaxBytes: 100 << 10})
	if err == nil || err.Error() != "file is 210 KB, over the 100 KB limit; raise it with -max-bytes" {
		t.Errorf("LoadFile of an oversized file: %v", err)
	}
	if got := fmtSize(210 << 20); got != "210 MB" {
		t.Errorf("fmtSize(210 MB) = %q", got)
	}
	if got := fmtSize(DefaultMaxBytes); got != "20 MB" {
		t.Errorf("fmtSize(DefaultMaxBytes) = %q", got)
	}
}

func TestParseMeta(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		title     string   // Document.Title
		date      string   // Document.Date
		source    string   // Document.Source
		wantNoise []string // noise texts that must be present
	}{
		{"yaml front matter", "---\ntitle: Trade rises\ndate: 2024-01-02\nsource: Wire\n---\nBody text.\n",
			"Trade rises", "2024-01-02", "Wire", []string{"---\ntitle: Trade rises\ndate: ", "\nsource: Wire\n---\n"}},
		{"yaml quoted and timestamp", "---\ntitle: \"A: b\"\ndate: 2024-01-02T08:00:00Z\n...\nBody.\n",
			"A: b", "2024-01-02", "", []string{"---\ntitle: \"A: b\"\ndate: ", "T08:00:00Z\n...\n"}},
		{"broken yaml falls back to lines", "---\ntitle: A: b\ndate: 2024-03\n---\nBody.\n",
			"A: b", "2024-03", "", nil},
		{"toml front matter", "+++\ntitle = \"Toml\"\ndate = \"2023-09-10\"\n+++\nBody.\n", "Toml", "2023-09-10", "", nil},
		{"rule is not front matter", "---\nJust a rule above.\n", "Just a rule above.", "", "", []string{"---"}},
		{"unclosed front matter", "---\ntitle: x\nBody.\n", "x", "", "", []string{"title: x"}},
		{"reuters header", "BAHIA COCOA REVIEW\nDate: 1987-02-26\n\nShowers continued.\n",
			"BAHIA COCOA REVIEW", "1987-02-26", "", []string{"Date:"}},
		{"reuters sgml date", "COCOA\nDate: 26-FEB-1987 15:01:01.79\n\nText.\n", "COCOA", "1987-02-26", "", []string{"Date:", "15:01:01.79"}},
		{"english date header", "Title: Trade\nPublished: February 26, 1987\nSource: Reuters\n\nText.\n",
			"Trade", "1987-02-26", "Reuters", []string{"Title: Trade", "Published:", "Source: Reuters"}},
		{"date key without a date is text", "Date: to be announced\nText.\n", "Date: to be announced", "", "", nil},
		{"inline date", " date 2024-11-06 Officials vowed on Tuesday to deepen collaboration.\n",
			"Officials vowed on Tuesday to deepen collaboration.", "2024-11-06", "", []string{"date"}},
		{"inline date needs a day", " date 2024 was a year.\n", "date 2024 was a year.", "", "", nil},
		{"late header ignored", "Title line\n\n" + strings.Repeat("A long paragraph of real article prose that goes on. ", 5) + "\nDate: 2020-01-01\n",
			"Title line", "", "", nil},
		{"markdown heading title", "\n\n## *Corridor news*\n\nText.\n", "Corridor news", "", "", nil},
		{"title skips noise", "Advertisement\n[1] Real title here\n", "Real title here", "", "", []string{"Advertisement", "[1]"}},
		{"long title cut", strings.Repeat("word ", 40) + "\n", strings.TrimSpace(strings.Repeat("word ", 24)) + "…", "", "", nil},
		{"bom", "\ufeffTitle\nDate: 2001-02-03\n", "Title", "2001-02-03", "", []string{"\ufeff", "Date:"}},
		{"byline date", "Khorgos chief on rates\nBy Aigerim Nurlanova | 3 June 2025\n\nText.\n", "Khorgos chief on rates", "2025-06-03", "", nil},
		{"published line with time", "Title\nPublished 12 March 2026 10:32\n\nText.\n", "Title", "2026-03-12", "", nil},
		{"byline without a day", "Title\nBy A. Writer | March 2026\n\nText.\n", "Title", "", "", nil},
		{"italic byline with a place", "Outlook\n\n*Economic Monitor · Note No. 9 · Bishkek, 20 April 2026*\n\nText.\n", "Outlook", "2026-04-20", "", nil},
		{"dateline", "Fair closes\n\nTASHKENT, June 26, 2026 (UzA). The fair closed on Thursday, " + strings.Repeat("with many deals signed there, ", 8) + "\n", "Fair closes", "2026-06-26", "", nil},
		{"dateline with a dash", "Oil\nALMATY, 14 October 2026 - Kazakhstan raised oil flows.\n", "Oil", "2026-10-14", "", nil},
		{"newswire dateline without a year", "Oil\nNEW YORK, Feb 26 - Oil rose.\n", "Oil", "", "", nil},
		{"lower-case place is no dateline", "Oil\nIn Almaty, June 26, 2026 was hot.\n", "Oil", "", "", nil},
		{"bar line deep in the text", "Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour | 3 June 2025\n", "Title", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDocument("x.md", []byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.Date.String() != tt.date || d.Source != tt.source {
				t.Errorf("got title %q date %q source %q, want %q %q %q", d.Title, d.Date, d.Source, tt.title, tt.date, tt.source)
			}
			// The publication date stays text, for the date scanner.
			if tt.date != "" && strings.Contains(d.Text, tt.date) {
				if _, over := inNoise(d, tt.date); over {
					t.Errorf("date %q is noise: %v", tt.date, d.Noise)
				}
			}
			got := noiseTexts(d.Text, d.Noise)
			for _, w := range tt.wantNoise {
				if !slices.Contains(got, w) {
					t.Errorf("noise %q missing from %q", w, got)
				}
			}
		})
	}
}

func TestParseDocumentHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head>
<meta charset="utf-8"><title>Corridor trade | Example News</title>
<meta property="article:published_time" content="2024-05-06T07:00:00+08:00">
<meta property="og:site_name" content="Example News">
<style>p{color:red}</style><script>var x = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Trade rises</h1><p>Trade between <a href="https://x.example/hk">Hong Kong</a> and Kazakhstan grew <b>27%</b> in 2024.</p>
<img src="a.jpg" alt="chart"><ul><li>First point</li><li>Second point</li></ul>
<p>Advertisement</p></article><footer>© 2024 Example</footer></body></html>`
	d, err := ParseDocument("news/page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "news/page" || d.Path != "news/page.html" || d.Format != FormatHTML || d.Bytes != len(page) {
		t.Errorf("ID %q Path %q Format %q Bytes %d", d.ID, d.Path, d.Format, d.Bytes)
	}
	if d.Title != "Corridor trade" || d.Date.String() != "2024-05-06" || d.Source != "Example News" {
		t.Errorf("title %q date %q source %q", d.Title, d.Date, d.Source)
	}
	for _, want := range []string{"# Trade rises", "Trade between Hong Kong and Kazakhstan grew **27%** in 2024.", "- First point"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, d.Text)
		}
	}
	for _, bad := range []string{"https://", "color:red", "var x", "World", "a.jpg", "© 2024"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text has %q:\n%s", bad, d.Text)
		}
	}
	if got := noiseTexts(d.Text, d.Noise); !slices.Contains(got, "Advertisement") {
		t.Errorf("noise %q lacks Advertisement", got)
	}

	// A heading that ends in a character of several bytes and a "#" comes
	// out of html-to-markdown broken (see parseHTML): the text is still
	// UTF-8, with U+FFFD for the lost character.
	d, err = ParseDocument("h.html", []byte("<h1>Café#</h1><p>Trade rose 5%.</p>"))
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.ValidString(d.Text) || !strings.Contains(d.Text, "# Caf\uFFFD") || !strings.Contains(d.Text, "Trade rose 5%.") {
		t.Errorf("heading before a #, text %q", d.Text)
	}

	// The site's own header is chrome; a title that is the headline and
	// the site's name is the headline.
	d, err = ParseDocument("p.html", []byte(`<title>Trains rise | Astana Daily</title><header><a href="/">Astana Daily</a> RU KZ</header>
<main><header><h1>Trains rise</h1><p>By A. Writer</p></header><p>Trains rose 5% in 2024.</p></main>`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Trains rise" || strings.Contains(d.Text, "Astana Daily") || !strings.Contains(d.Text, "# Trains rise") || !strings.Contains(d.Text, "By A. Writer") {
		t.Errorf("title %q, text:\n%s", d.Title, d.Text)
	}

	// An ad slot inside the article is dropped, by its class or id; a
	// class that only contains the letters is not.
	d, err = ParseDocument("ad.html", []byte(`<article><p>Exports rose 5%.</p><div class="ad-slot"><p>74% of retail investor accounts lose money.</p></div>
<div id="ads_inline">Buy now</div><div class="header-shadow lead"><p>Imports fell 2%.</p></div></article>`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Text, "74%") || strings.Contains(d.Text, "Buy now") || !strings.Contains(d.Text, "Imports fell 2%.") {
		t.Errorf("ad slots, text:\n%s", d.Text)
	}

	// A page that says it has no ads, or has them, is still the page.
	for _, page := range []string{`<body class="ad-free"><p>Exports rose 5%.</p></body>`, `<article class="story no-ads"><p>Exports rose 5%.</p></article>`, `<html class="has-ads"><body><p>Exports rose 5%.</p></body></html>`} {
		if d, err := ParseDocument("p.html", []byte(page)); err != nil || !strings.Contains(d.Text, "Exports rose 5%.") {
			t.Errorf("%s: %v", page, err)
		}
	}

	// No <title>: the first <h1>; the date from <time datetime>.
	d, err = ParseDocument("p.htm", []byte(`<h1>Head <i>line</i></h1><p>On <time datetime="2023-02-01">1 Feb</time> it rose.</p>`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Head line" || d.Date.String() != "2023-02-01" {
		t.Errorf("title %q date %q", d.Title, d.Date)
	}

	// A page in the character set it declares is converted, not repaired.
	gbk := []byte("<html><head><meta charset=\"gbk\"><title>\xcf\xe3\xb8\xdb</title></head><body><p>\xcf\xe3\xb8\xdb\xc3\xb3\xd2\xd7</p></body></html>")
	if d, err := ParseDocument("gbk.html", gbk); err != nil || d.Title != "香港" || strings.TrimSpace(d.Text) != "香港贸易" {
		t.Errorf("GBK page: %v, %+v", err, d)
	}

	if _, err := ParseDocument("e.html", []byte("<html><body> </body></html>")); err == nil || err.Error() != "empty file (only white space)" {
		t.Errorf("empty page: %v", err)
	}
}

func TestParseDocumentUnsupported(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"a.pdf", "unsupported file type .pdf; corridor reads .txt, .md and .html"},
		{"README", "unsupported file type (no extension); corridor reads .txt, .md and .html"},
	} {
		if _, err := ParseDocument(tt.path, []byte("x")); err == nil || err.Error() != tt.want {
			t.Errorf("ParseDocument(%q) error %v, want %q", tt.path, err, tt.want)
		}
	}
	if d, err := ParseDocument("UPPER.TXT", []byte("Hello\n")); err != nil || d.Format != FormatText || d.ID != "UPPER" {
		t.Errorf("ParseDocument(UPPER.TXT) = %+v, %v", d, err)
	}
}

// BenchmarkParseDocument measures a whole text file's load (decoding,
// metadata, noise, title) on about 20 MB made of the seed articles.
func BenchmarkParseDocument(b *testing.B) {
	var all []byte
	for _, id := range []string{"000_ca3e571ea4a9634d", "001_fab5a6f0df99f273", "003_f6c8e62c38e10777", "004_7b09d47d04d29f65"} {
		data, err := fs.ReadFile(seeds.FS, seeds.Root+"/"+id+".txt")
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data...)
		all = append(all, '\n')
	}
	data := bytes.Repeat(all, (20<<20)/len(all))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseDocument("big.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDaysIn checks daysIn against the time package for every month of the
// years parseISODate accepts.
func TestDaysIn(t *testing.T) {
	for y := 1000; y <= 9999; y++ {
		for m := 1; m <= 12; m++ {
			if got, want := daysIn(y, m), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}

// TestCountBelowSpace holds countBelowSpace, which counts in byte lanes
// and adds them up every 31 rounds, to a byte loop: every length up to a
// few rounds, ASCII or not, and long runs where a lane would overflow if it
// were added up too late.
func TestCountBelowSpace(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want, wantASCII := 0, true
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 {
				want++
			}
			if s[i] >= 0x80 {
				wantASCII = false
			}
		}
		if got, ascii := countBelowSpace(s); got != want || ascii != wantASCII {
			t.Fatalf("countBelowSpace(%d bytes) = %d, %v, want %d, %v", len(s), got, ascii, want, wantASCII)
		}
	}
	var b, plain []byte
	for n := 0; n < 300; n++ {
		b = append(b, byte(n*37%256)) // every byte value, below 0x20 among them
		plain = append(plain, byte(n*37%128))
		check(string(b))
		check(string(b[n/2:]))
		check(string(plain))
		check(string(plain[n/2:]))
	}
	for _, n := range []int{64 * 31, 64*31 + 1, 64 * 62, 8 << 10, 8<<10 + 77} {
		check(strings.Repeat("\n", n))
		check(strings.Repeat("\n", n-1) + "é")
		check(strings.Repeat("a", n)) // lanes count the bytes from 0x20 up
		check(strings.Repeat("é", n/2))
	}
}
