package model

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"corridor/seeds"
)

func TestLookupPlace(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"canonical", "Kazakhstan", "Kazakhstan"},
		{"alias", "Alma-Ata", "Almaty"},
		{"demonym", "Kazakh", "Kazakhstan"},
		{"demonym adjective", "Kazakhstani", "Kazakhstan"},
		{"lower-case alias", "mainland", "China"},
		{"mainland China", "mainland China", "China"},
		{"Chinese", "Chinese", "China"},
		{"Russian", "Russian", "Russia"},
		{"Uzbek", "Uzbek", "Uzbekistan"},
		{"acronym", "U.S.", "United States"},
		{"acronym case", "us", ""},
		{"title case needed", "china", ""},
		{"region", "Central Asian", "Central Asia"},
		{"city with diacritics", "Ürümqi", "Urumqi"},
		{"crossing", "Alashankou–Dostyk", "Alashankou–Dostyk"},
		{"crossing hyphen", "Alashankou-Dostyk", "Alashankou–Dostyk"},
		{"corridor", "Trans-Caspian International Transport Route", "Middle Corridor"},
		{"exchange", "Hong Kong Exchanges and Clearing", "HKEX"},
		{"centre", "Astana International Financial Centre", "AIFC"},
		{"org", "International Monetary Fund", "IMF"},
		{"1987 EEC", "European Community", "EEC"},
		{"not an alias", "the city", ""},
		{"misspelt transposition", "Kazkah", "Kazakhstan"},
		{"misspelt long name", "Kazakshtan", "Kazakhstan"},
		{"misspelt two edits", "Tajikstann", "Tajikistan"},
		{"short names are not fuzzy", "Irak", ""},
		{"different first letter", "Roland", ""},
		{"ignored newspaper", "South China Morning Post", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lookupPlace(tt.in); got != tt.want {
				t.Errorf("lookupPlace(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGazetteerFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"longest match", "Trade between mainland China and Hong Kong SAR grew.", []string{"China", "Hong Kong"}},
		{"merge adjacent", "30 mainland Chinese executives", []string{"China"}},
		{"possessive", "Central Asia's GDP and Hong Kong’s role", []string{"Central Asia", "Hong Kong"}},
		{"hyphen pair words", "the Hong Kong-Central Asia corridor", []string{"Hong Kong", "Central Asia"}},
		{"ignore swallows", "the South China Morning Post reported", nil},
		{"currency swallowed", "worth 5 billion U.S. dollars", nil},
		{"US pronoun", "Let us trade with the US.", []string{"United States"}},
	}
	g := theGazetteer()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range g.find(nil, tt.text, tokenizeWords(tt.text, 0), nil) {
				got = append(got, m.p.name)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestGazetteerPair(t *testing.T) {
	g := theGazetteer()
	tests := []struct{ a, b, want string }{
		{"Alashankou", "Dostyk", "Alashankou–Dostyk"},
		{"Dostyk", "Alashankou", "Alashankou–Dostyk"},
		{"Hong Kong", "Central Asia", "Hong Kong–Central Asia"},
		{"Kazakhstan", "China", "Kazakhstan–China"},
	}
	for _, tt := range tests {
		a, b := g.byName[tt.a], g.byName[tt.b]
		if a == nil || b == nil {
			t.Fatalf("%q or %q not in gazetteer", tt.a, tt.b)
		}
		if got := g.pair(a, b); got != tt.want {
			t.Errorf("pair(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestGazetteerData checks the embedded table: every line parses, names are
// unique, and pair entries join names the gazetteer knows.
func TestGazetteerData(t *testing.T) {
	g := theGazetteer()
	if len(g.places) < 250 {
		t.Errorf("only %d places", len(g.places))
	}
	seen := map[string]bool{}
	for _, p := range g.places {
		if p.kind == gazKindIgnore {
			continue
		}
		if seen[p.name] {
			t.Errorf("duplicate name %q", p.name)
		}
		seen[p.name] = true
		switch p.kind {
		case gazKindCountry, gazKindTerritory, gazKindRegion, gazKindCity, gazKindCrossing, gazKindCorridor, gazKindOrg:
		default:
			t.Errorf("%q: unknown kind %q", p.name, p.kind)
		}
		for _, part := range p.parts {
			if part != "" && g.byName[part] == nil {
				t.Errorf("%q: part %q is not a gazetteer name", p.name, part)
			}
		}
	}
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"kazkah", "kazakh", 2, 1},
		{"kazakshtan", "kazakhstan", 2, 1},
		{"abcdef", "abcdef", 1, 0},
		{"abcdef", "uvwxyz", 1, 2},
	}
	for _, tt := range tests {
		if got := osaDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("osaDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestFuzzyCache holds the misspelling cache to a map: every word put is
// found with its value until the cache would pass fuzzyCacheMax, when it
// starts again empty; a word never put is not found.
func TestFuzzyCache(t *testing.T) {
	var fc fuzzyCache
	if _, ok := (*fuzzyCache)(nil).get("astana", wordHash("astana")); ok {
		t.Fatal("a nil cache holds a word")
	}
	ph := &gazPhrase{}
	want := map[string]*gazPhrase{}
	for i := 0; i < fuzzyCacheMax; i++ {
		w := fmt.Sprintf("word%d", i)
		var v *gazPhrase
		if i%3 == 0 {
			v = ph
		}
		fc.put(w, wordHash(w), v)
		want[w] = v
	}
	for w, v := range want {
		if got, ok := fc.get(w, wordHash(w)); !ok || got != v {
			t.Fatalf("get(%q) = %p, %v; want %p, true", w, got, ok, v)
		}
	}
	if _, ok := fc.get("absent", wordHash("absent")); ok {
		t.Fatal("a word never put is found")
	}
	fc.put("one more", wordHash("one more"), ph)
	if _, ok := fc.get("word0", wordHash("word0")); ok || fc.n != 1 {
		t.Fatalf("a full cache was not emptied: n = %d", fc.n)
	}
	if got, ok := fc.get("one more", wordHash("one more")); !ok || got != ph {
		t.Fatal("the word that emptied the cache is not in it")
	}
}

// TestMayMentionAdmitsFind checks mayMention's promise: a sentence in which
// find finds a place is never ruled out. It reads every sentence of the
// seeds, of the held-out sets and of some that its word starts and keys
// make hard (possessives in capitals, initialisms, names keyed by one of
// their words), and of Reuters when not short.
func TestMayMentionAdmitsFind(t *testing.T) {
	texts := []string{
		"USX DEBT DOWGRADED BY MOODY'S. QUEBEC'S CAISSE ISSUES BONDS. O'NEILL'S U.S. UNIT.",
		"Class A shares. A U.S.A. unit. N.Y. and U.N. officials. The U.K., the U.A.E. and the U.S.S.R. met.",
		"The E.U. and the P.R.C. signed. It cost 5 mln U.S. dlrs. The World Bank and the Asia Pacific region.",
		"The Federal Reserve Board and the International Monetary Fund said. The Common Market grew.",
		"Xi'an's trade with Hong Kong’s banks and the mainland rose. KAZKAH and Kazakshtan are misspelt.",
	}
	docs, _ := LoadFS(seeds.FS, seeds.Root, LoadOptions{})
	dirs, _ := filepath.Glob(filepath.Join("testdata", "holdout*"))
	if !testing.Short() {
		dirs = append(dirs, filepath.Join("..", "..", "shared", "corpora", "reuters21578"))
	}
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		ds, _ := LoadFS(os.DirFS(dir), ".", LoadOptions{})
		docs = append(docs, ds...)
	}
	for _, d := range docs {
		clean, _ := d.cleanInto(nil)
		texts = append(texts, clean)
	}
	g := theGazetteer()
	for _, text := range texts {
		var wm wordMasks
		wm.build(text)
		low := make([]byte, len(text))
		for _, sp := range appendSentences(nil, text) {
			toks := appendWords(nil, text, low, sp.Start, sp.End, &wm)
			if ms := g.find(nil, text, toks, nil); len(ms) > 0 && !g.mayMention(text, sp.Start, sp.End, &wm, nil) {
				t.Errorf("mayMention rules out %q, which names %s", text[sp.Start:sp.End], ms[0].p.name)
			}
		}
	}
}
