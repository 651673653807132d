package model

import (
	"slices"
	"strings"
	"testing"
)

// noiseTexts returns the text of each noise span of text.
func noiseTexts(text string, spans []Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestFindNoise(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string // the noise texts, in order
	}{
		{"plain prose", "Trade grew by 27% between 2020 and 2025.\nIt is the first rise.", nil},
		{"ad line", "Para one.\nAdvertisement\nPara two.", []string{"Advertisement"}},
		{"ad upper case", "ADVERTISEMENT\nText here.", []string{"ADVERTISEMENT"}},
		{"ad short", "Ad\nSponsored\nText.", []string{"Ad", "Sponsored"}},
		{"ad bold markdown", "**Advertisement**\nText.", []string{"**Advertisement**"}},
		{"ad in a sentence is kept", "The Advertisement Standards Authority ruled.", nil},
		{"reading time", "Reading Time:3 minutes\nText.", []string{"Reading Time:3 minutes"}},
		{"min read", "5 min read\nText.", []string{"5 min read"}},
		{"minute read", "12-minute read\nText.", []string{"12-minute read"}},
		{"why trust", "Why you can trust SCMP\nText.", []string{"Why you can trust SCMP"}},
		{"share and subscribe", "Share this article\nSubscribe\nSign up for our newsletter\nText.",
			[]string{"Share this article", "Subscribe", "Sign up for our newsletter"}},
		{"related and follow", "Related articles\nFollow us on Twitter and Facebook\nText.",
			[]string{"Related articles", "Follow us on Twitter and Facebook"}},
		{"cookie banner", "This site uses cookies to improve your experience.\nAccept all\nText.",
			[]string{"This site uses cookies to improve your experience.", "Accept all"}},
		{"we use cookies", "We use cookies. By continuing you agree.\nText.", []string{"We use cookies. By continuing you agree."}},
		{"cookies in prose kept", "Bakers sold cookies worth $5 million.", nil},
		{"copyright", "Text.\n© 2024 Example Media Ltd. All rights reserved.", []string{"© 2024 Example Media Ltd. All rights reserved."}},
		{"citation", "[13] During the Han dynasty, trade began.", []string{"[13]"}},
		{"citation with page", "[25]:\u200a215\u200a Kazakh elites agree.", []string{"[25]:\u200a215"}},
		{"citation with page ascii", "Elites agree.[25]: 215 Next.", []string{"[25]: 215"}},
		{"spaced citations", "crosses the border here annually. [ 23 ] [ 24 ]", []string{"[ 23 ] [ 24 ]"}},
		{"adjacent citations", "[30][31] In 1997, both nations signed.", []string{"[30][31]"}},
		{"citation needed", "[citation needed] Ürümqi stages plays.", []string{"[citation needed]"}},
		{"when", "It grew[when?] fast.", []string{"[when?]"}},
		{"language tag", "self-media\u00a0[zh] (personal media)", []string{"[zh]"}},
		{"note letter", "The border[a] moved.", []string{"[a]"}},
		{"markdown link kept", "See [1](https://example.com) and [the report](x).", nil},
		{"bracketed words kept", "He said [the minister] would go. Range [1, 5]. Year [2020]. [sic] [he]", nil},
		{"display formula", "Equation:\n\n$$C_e = f(I_m, S_{hk}, R_{ca})$$\n\nWhere:", []string{"$$C_e = f(I_m, S_{hk}, R_{ca})$$"}},
		{"formula block", "Before\n$$\na = b\n$$\nAfter", []string{"$$\na = b\n$$"}},
		{"unclosed $$ kept", "Price $$ is high\nnothing closes it", nil},
		{"inline formula", "  • $C_e$ represents the efficiency.", []string{"$C_e$"}},
		{"two inline formulas", "$S_{hk}$ and $R_{ca}$ differ.", []string{"$S_{hk}$", "$R_{ca}$"}},
		{"dollars kept", "HK$2 trillion ($260 billion) and $35 billion, US$5 and $6.", nil},
		{"dollar range kept", "between $5 and $10 per share", nil},
		{"box drawing", "Intro.\n+-----+\n| HUB |\n+-----+\n   │\n   ▼\nText.",
			[]string{"+-----+", "|", "|", "+-----+", "│", "▼"}},
		{"markdown table kept", "| Year | Trade |\n|------|-------|\n| 2024 | 27% |", []string{"|------|-------|"}},
		{"rule", "Text.\n---\nMore.", []string{"---"}},
		{"list numbers", "  1. The Landlocked Logistics Tax: rail.\n  2) Institutional Asymmetry", []string{"1.", "2)"}},
		{"year at line start kept", "2024. The year trade rose.\n3.2% growth", nil},
		{"photo credit", "The consul poses, in Central on October 4. Photo: Edmond So", []string{"Photo: Edmond So"}},
		{"caption line", "Text.\nPhoto: Visitors at the Registan, Samarkand, in April 2026. (Travel Desk/Li Wen)\nMore text.", []string{"Photo: Visitors at the Registan, Samarkand, in April 2026. (Travel Desk/Li Wen)"}},
		{"a sentence about a photo is kept", "Photographs show 40 trains.\nImages of the port were published.", nil},
		{"photo in prose kept", "Photo: the minister said the picture was taken in 2020, at the border.", nil},
		{"ethiopic chrome in english", strings.Repeat("Hong Kong trade grew quickly this year.\n", 5) + "ይህ ድረ-ገጽ ኩኪዎችን ይጠቀማል\nበ AI የተሰራ ምስል\n",
			[]string{"ይህ ድረ-ገጽ ኩኪዎችን ይጠቀማል", "በ AI የተሰራ ምስል"}},
		{"foreign line with digits kept", strings.Repeat("Hong Kong trade grew quickly this year.\n", 5) + "贸易增长了27%\n", nil},
		{"inline foreign words kept", strings.Repeat("Trade grew quickly.\n", 3) + "Ürümqi stages Kazakh huaju (话剧, dramas).\n", nil},
		{"chinese article keeps english line", "香港与中亚的贸易走廊正在扩大。\n" + strings.Repeat("哈萨克斯坦是中国的重要伙伴。\n", 5) + "Belt and Road\n", nil},
		{"bom", "\ufeffTitle\nText.", []string{"\ufeff"}},
		{"crlf", "Advertisement\r\nText.\r\n", []string{"Advertisement"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := noiseTexts(tt.input, findNoise(tt.input))
			want := tt.want
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(got, want) {
				t.Errorf("findNoise(%q)\n got %q\nwant %q", tt.input, got, want)
			}
		})
	}
}

func TestMergeSpans(t *testing.T) {
	got := mergeSpans([]Span{{5, 8}, {0, 2}, {2, 3}, {6, 10}, {12, 12}, {20, 25}})
	want := []Span{{0, 3}, {5, 10}, {20, 25}}
	if !slices.Equal(got, want) {
		t.Errorf("mergeSpans = %v, want %v", got, want)
	}
}

func TestDocumentCleanKeepsOffsets(t *testing.T) {
	text := "Advertisement\n[13] Trade grew 27% in 2024.\n"
	d := &Document{Text: text, Noise: findNoise(text)}
	clean := d.Clean()
	if len(clean) != len(text) {
		t.Fatalf("Clean() length %d, want %d", len(clean), len(text))
	}
	if i := strings.Index(clean, "Trade grew 27% in 2024."); i != strings.Index(text, "Trade grew 27% in 2024.") {
		t.Errorf("sentence moved to %d in Clean()", i)
	}
	if strings.Contains(clean, "Advertisement") || strings.Contains(clean, "[13]") {
		t.Errorf("Clean() kept noise: %q", clean)
	}
}

// BenchmarkFindNoise measures the noise scan over about 20 MB of the seed
// articles' kinds of lines; b.SetBytes makes the result read in MB/s.
func BenchmarkFindNoise(b *testing.B) {
	unit := "Advertisement\nReading Time:3 minutes\n[25]: 215 Kazakh political elites portray cooperation with China in a positive light, which has also helped increase favorable public sentiment.\n" +
		"+--------------+\n|     HUB      |\n+--------------+\n$$C_e = f(I_m)$$ and $C_e$ with HK$2 trillion ($260 billion).\nይህ ድረ-ገጽ ኩኪዎችን ይጠቀማል\n" +
		strings.Repeat("Total bilateral merchandise trade between Hong Kong and Central Asia grew by 27% between 2020 and 2025. ", 8) + "\n\n"
	text := strings.Repeat(unit, (20<<20)/len(unit))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		findNoise(text)
	}
}
