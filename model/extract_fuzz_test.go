package model_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"corridor/model"
	"corridor/seeds"
)

// FuzzExtract runs the whole pipeline (load, clean, sentences, quantities,
// classification, dates) on arbitrary bytes read as plain text or HTML: it
// must not panic, and every span must be exact and on rune boundaries. The
// classifier keeps per-document buffers and caches across sentences, which
// the scanners' own fuzz targets never reach.
func FuzzExtract(f *testing.F) {
	entries, _ := fs.ReadDir(seeds.FS, seeds.Root)
	for _, e := range entries {
		if data, err := fs.ReadFile(seeds.FS, seeds.Root+"/"+e.Name()); err == nil {
			f.Add(false, data)
		}
	}
	for _, set := range []string{"holdout", "holdout2", "holdout3"} {
		files, _ := filepath.Glob(filepath.Join("testdata", set, "*"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(filepath.Ext(p) == ".html", data)
			}
		}
	}
	for _, s := range []string{
		"Kazakhstan's trade grew. Trade turnover with China climbed to $43.8 billion. It rose 5% last year to 2 mln tonnes.",
		"A delegation of about 30 leaders visited Almaty and Tashkent. Exports to Japan fell 2.3 pct to 1.28 billion.",
		"ASTANA, Feb 20 - Cargo rose 65 percent last year to 2.76 million tonnes in the first nine months of 2023.",
		"| Economy | Trade (HK$ million) | Change (%) |\n|---|:-:|---|\n| Kazakhstan | 5,862 | +21.4 |\n| 2021 | 3.6 | \\| |\n\nTable 1: trade, 2025",
	} {
		f.Add(false, []byte(s))
	}
	f.Fuzz(func(t *testing.T, html bool, data []byte) {
		name := "doc.txt"
		if html {
			name = "doc.html"
		}
		d, err := model.ParseDocument(name, data)
		if d == nil {
			if err == nil {
				t.Fatal("no document and no error")
			}
			return
		}
		checkSpans(t, d, model.Extract(d))
	})
}
