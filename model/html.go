package model

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// HTML pages are turned into readable text by html-to-markdown (v2), on top
// of golang.org/x/net/html's spec-compliant parser. Why that library rather
// than walking the tree by hand: pages in the wild are broken in every way
// the HTML5 parsing algorithm was written for, and turning blocks, lists,
// tables, <br> and white-space collapsing into lines a person reads is most
// of the work; html-to-markdown does it, is maintained, is safe for
// concurrent use, and lets us drop elements by tag. Markdown is the right
// target: it is plain text with the structure kept (headings, list items,
// table rows on their own lines), which is what the sentence splitter and the
// reader pane want. Escaping is off, because Text is shown, not re-rendered,
// and "\*" or "1\." would be noise in it.
var htmlConverter = newHTMLConverter()

// newHTMLConverter builds the converter used for every HTML page. Links keep
// their words but lose their address, images are dropped, and page chrome
// that is never article text (navigation, forms, asides, footers, buttons,
// inline drawings) is removed before conversion.
func newHTMLConverter() *converter.Converter {
	conv := converter.NewConverter(
		converter.WithEscapeMode(converter.EscapeModeDisabled),
		converter.WithPlugins(
			base.NewBasePlugin(),
			commonmark.NewCommonmarkPlugin(),
			table.NewTablePlugin(),
		),
	)
	for _, tag := range []string{"nav", "footer", "aside", "form", "button", "svg", "select", "dialog", "template", "object", "embed", "video", "audio", "canvas"} {
		conv.Register.TagType(tag, converter.TagTypeRemove, converter.PriorityEarly)
	}
	conv.Register.RendererFor("header", converter.TagTypeBlock, renderArticleHeader, converter.PriorityEarly)
	conv.Register.RendererFor("a", converter.TagTypeInline, renderChildren, converter.PriorityEarly)
	conv.Register.RendererFor("img", converter.TagTypeInline, renderNothing, converter.PriorityEarly)
	return conv
}

// renderChildren renders an element as its content alone: a link's words.
func renderChildren(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	ctx.RenderChildNodes(ctx, w, n)
	return converter.RenderSuccess
}

// renderArticleHeader keeps a <header> inside an <article> or <main>, or
// one with the <h1>: it holds the headline and byline. It drops the page's
// own header: the
// site's name and menus, which are not the article and would pass for its
// topic ("Astana Daily" above a story on Kazakhstan).
func renderArticleHeader(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
	keep := hasH1(n)
	for p := n.Parent; p != nil && !keep; p = p.Parent {
		keep = p.DataAtom == atom.Article || p.DataAtom == atom.Main
	}
	if keep {
		ctx.RenderChildNodes(ctx, w, n)
		w.WriteString("\n\n")
	}
	return converter.RenderSuccess
}

// hasH1 reports whether n holds an <h1>: a header with the headline is the
// article's, wherever it sits.
func hasH1(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.H1 || hasH1(c) {
			return true
		}
	}
	return false
}

// renderNothing drops an element.
func renderNothing(converter.Context, converter.Writer, *html.Node) converter.RenderStatus {
	return converter.RenderSuccess
}

// parseHTML returns the readable text of an HTML page with its title,
// publication date and site name. The title is the page's <title>, else its
// first <h1>; the date comes from a <meta> (name or property "date",
// "article:published_time", "pubdate", …) or the first <time datetime>.
func parseHTML(page string) (text string, meta docMeta, err error) {
	// A page must never stop a load, even one that trips a bug in the
	// parser or the converter: a panic becomes this file's Problem.
	defer func() {
		if r := recover(); r != nil {
			text, meta, err = "", docMeta{}, fmt.Errorf("cannot convert HTML to text (%v)", r)
		}
	}()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "", docMeta{}, errors.New("cannot parse HTML: " + err.Error())
	}
	var m docMeta
	var h1 string
	var timeDate Date
	var ads []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if adElement(n) {
				ads = append(ads, n)
				return
			}
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = cleanTitle(htmlText(n))
				}
			case atom.H1:
				if h1 == "" {
					h1 = cleanTitle(htmlText(n))
				}
			case atom.Meta:
				htmlMeta(n, &m)
			case atom.Time:
				if timeDate.IsZero() {
					if d, ok := parseMetaDate(htmlAttr(n, "datetime")); ok {
						timeDate = d
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, n := range ads {
		n.Parent.RemoveChild(n)
	}
	if m.title == "" || h1 != "" && siteSuffixed(m.title, h1) {
		// "Kazakhstan's transit hits record | Astana Daily": the page's
		// title is the headline and the site's name.
		m.title = h1
	} else if m.source != "" {
		m.title = withoutSite(m.title, m.source)
	}
	if m.date.IsZero() {
		m.date = timeDate
	}
	out, err := htmlConverter.ConvertNode(root)
	if err != nil {
		return "", docMeta{}, errors.New("cannot convert HTML to text: " + err.Error())
	}
	// html-to-markdown (v2.5.2, the latest) escapes a heading's closing
	// "#" by overwriting the byte before it, which it takes for its own
	// placeholder: after a character of several bytes ("<h1>Café#</h1>")
	// that byte is the character's last, and the text is no longer UTF-8
	// (found by FuzzParseDocument). The character is lost either way;
	// U+FFFD marks where, and every span stays on a character boundary.
	return strings.ToValidUTF8(string(out), "\uFFFD"), m, nil
}

// adElement reports whether n is an advertisement slot by its class or id:
// the first of their hyphen- or underscore-separated parts is "ad", "ads",
// "advert", "advertisement", "advertising" or "sponsored" (class="ad-slot",
// id="ads_inline"). An ad inside the article's body is not its text, and
// its figures ("74% of retail investor accounts lose money") are junk.
func adElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Head, atom.Body, atom.Main, atom.Article:
		return false // "<body class=\"ad-free\">" is the page, not an ad
	}
	for _, a := range n.Attr {
		if !strings.EqualFold(a.Key, "class") && !strings.EqualFold(a.Key, "id") {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			// The ad word must open the name ("ad-slot", "ads_inline"):
			// "no-ads" and "has-ads" say the opposite.
			first, _, _ := strings.Cut(strings.ReplaceAll(tok, "_", "-"), "-")
			switch strings.ToLower(first) {
			case "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsored":
				return true
			}
		}
	}
	return false
}

// siteSuffixed reports whether title is headline followed by a separator
// and more: " | Site", " - Site", " – Site", " — Site", ": Site".
func siteSuffixed(title, headline string) bool {
	rest, ok := strings.CutPrefix(title, headline)
	if !ok || rest == "" {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	for _, sep := range []string{"|", "-", "–", "—", ":", "·", "•"} {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}

// withoutSite returns title without a trailing separator and site name
// ("Corridor trade | Example News" with site "Example News"), or title.
func withoutSite(title, site string) string {
	head, ok := strings.CutSuffix(title, site)
	if !ok {
		return title
	}
	head = strings.TrimRight(head, " ")
	for _, sep := range []string{"|", "-", "–", "—", ":", "·", "•"} {
		if h, ok := strings.CutSuffix(head, sep); ok && strings.TrimSpace(h) != "" {
			return strings.TrimSpace(h)
		}
	}
	return title
}

// decodeHTMLCharset converts a page that is not UTF-8 from the character set
// it declares (<meta charset="gbk">, a byte-order mark) to UTF-8, as a
// browser would. A page that is valid UTF-8, declares nothing, or declares
// something that cannot be decoded is returned as is, and decodeText then
// reads its stray bytes as Windows-1252 and reports them.
func decodeHTMLCharset(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	if enc == nil || name == "utf-8" || name == "windows-1252" {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// htmlMeta reads a <meta> element's date or site name into m.
func htmlMeta(n *html.Node, m *docMeta) {
	key := strings.ToLower(htmlAttr(n, "name"))
	if key == "" {
		key = strings.ToLower(htmlAttr(n, "property"))
	}
	if key == "" {
		key = strings.ToLower(htmlAttr(n, "itemprop"))
	}
	content := htmlAttr(n, "content")
	switch key {
	case "date", "article:published_time", "pubdate", "publishdate", "publish-date",
		"dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "datepublished",
		"og:published_time", "sailthru.date", "parsely-pub-date":
		if d, ok := parseMetaDate(content); ok && m.date.IsZero() {
			m.date = d
		}
	case "og:site_name", "application-name":
		if m.source == "" {
			m.source = strings.TrimSpace(content)
		}
	}
}

// attr returns the value of n's attribute key, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// nodeText returns the text inside n, with its pieces joined by spaces.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
