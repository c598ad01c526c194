// Package htmldoc turns a news web page into an article: its plain body text
// (found by readability, with paragraph breaks kept as blank lines) and the
// metadata the page declares about itself (title, publication date, byline,
// site name).
//
// It is Chronicle's only user of golang.org/x/net/html and of
// codeberg.org/readeck/go-readability.
package htmldoc

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/chronicle-news/chronicle"
)

// Page is the article extracted from one HTML page.
type Page struct {
	URL       string    // the pageURL given, else the page's canonical link or og:url
	Title     string    // headline: readability's choice among JSON-LD, og:title, <title>, <h1>
	Byline    string    // author line, if the page has one
	SiteName  string    // publisher (og:site_name, JSON-LD publisher), if declared
	Language  string    // the page's lang attribute, if any
	Published time.Time // publication date; zero when the page declares none

	// Text is the article body as plain text: paragraphs separated by one
	// blank line, lines inside a paragraph (single <br>) by one newline,
	// whitespace collapsed, no markup. It is valid UTF-8.
	Text string

	// Problems are offsets into Text: U+FFFD left by invalid bytes in the
	// page, or a note at offset 0 when readability found no article and the
	// whole page's text was used.
	Problems []chronicle.Problem
}

var errTooDeep = errors.New("markup nested too deeply")

// maxElems bounds the number of elements readability scores; larger pages
// fall back to plain whole-page text instead of a slow analysis.
const maxElems = 200_000

// Extract reads an HTML page. pageURL (may be empty) resolves relative links
// and is used for nothing else; contentType is the HTTP Content-Type when
// known (it may name the charset) and may be empty.
//
// The charset comes from a byte-order mark, contentType, or the page's
// <meta charset>; a page that declares none is read as UTF-8 when it looks
// like UTF-8 and as windows-1252 otherwise. Invalid UTF-8 is repaired
// (U+FFFD) and reported in Page.Problems.
//
// It returns an EINVALID *chronicle.Error for empty or binary input and for
// a page with no text at all. It never panics on malformed markup.
func Extract(src []byte, pageURL, contentType string) (*Page, error) {
	const op = "htmldoc.Extract"
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, chronicle.Errorf(chronicle.EINVALID, op, "empty page")
	}
	if chronicle.IsBinary(src) {
		return nil, chronicle.Errorf(chronicle.EINVALID, op, "looks like a binary file, not HTML")
	}
	decoded, repaired, err := decode(src, contentType)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, op, err)
	}
	root, err := html.Parse(strings.NewReader(decoded))
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, op, err)
	}
	pm := collect(root)
	lang := htmlLang(root)

	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	var art readability.Article
	rerr := errTooDeep
	if !pm.deep {
		// Readability recurses over the tree: pathological nesting (never
		// seen in real pages) goes straight to the whole-page fallback.
		p := readability.NewParser()
		p.MaxElemsToParse = maxElems
		art, rerr = p.ParseAndMutate(root, u)
	}

	page := &Page{Language: lang}
	var fallback bool
	if rerr == nil && art.Node != nil {
		page.Text = nodeText(art.Node)
	}
	if strings.TrimSpace(page.Text) == "" {
		// No article found: use the whole page's text rather than lose it.
		// Readability may have stripped the tree, so parse it again.
		root2, err := html.Parse(strings.NewReader(decoded))
		if err != nil {
			return nil, chronicle.Wrap(chronicle.EINVALID, op, err)
		}
		page.Text = nodeText(root2)
		fallback = true
	}
	if page.Text == "" {
		return nil, chronicle.Errorf(chronicle.EINVALID, op, "no text in page")
	}

	var rdPublished string
	if rerr == nil {
		page.Title = clean(art.Title())
		page.Byline = clean(art.Byline())
		page.SiteName = clean(art.SiteName())
		if t, err := art.PublishedTime(); err == nil {
			rdPublished = t.Format(time.RFC3339)
		}
		if page.Language == "" {
			page.Language = art.Language()
		}
	}
	if page.Title == "" {
		page.Title = firstNonEmpty(pm.ld.headline, clean(pm.meta["og:title"]), pm.title)
	}
	if page.Byline == "" {
		page.Byline = pm.ld.author
	}
	page.Byline = trimBy(page.Byline)
	if page.SiteName == "" {
		page.SiteName = firstNonEmpty(clean(pm.meta["og:site_name"]), pm.ld.publisher)
	}
	page.Published = pm.published(rdPublished, pageURL)
	page.URL = firstNonEmpty(pageURL, absURL(pm.canon), absURL(pm.meta["og:url"]))

	if pm.deep {
		page.Problems = append(page.Problems, chronicle.Problem{Kind: "deep-markup",
			Message: fmt.Sprintf("markup nested deeper than %d levels: text below that depth was dropped", maxDepth)})
	}
	if fallback {
		page.Problems = append(page.Problems, chronicle.Problem{Kind: "no-article",
			Message: "readability found no article body; the whole page's text was used"})
	}
	if repaired {
		if ps := replacementProblems(page.Text); len(ps) > 0 {
			page.Problems = append(page.Problems, ps...)
		} else {
			page.Problems = append(page.Problems, chronicle.Problem{Kind: "invalid-utf8",
				Message: "invalid UTF-8 in the page's markup (outside the article text) was replaced"})
		}
	}
	return page, nil
}

// decode returns src as UTF-8 and whether invalid UTF-8 had to be repaired.
func decode(src []byte, contentType string) (string, bool, error) {
	enc, name, certain := charset.DetermineEncoding(src, contentType)
	if !certain {
		// DetermineEncoding only looks at the first KiB: decide on the
		// whole page. Any valid multi-byte sequence means UTF-8 with a few
		// bad bytes rather than a legacy charset.
		if utf8.Valid(src) || hasUTF8Multibyte(src) {
			name = "utf-8"
		} else {
			name = "windows-1252"
			enc, _ = charset.Lookup(name)
		}
	}
	if name == "utf-8" || enc == nil {
		s, problems := chronicle.RepairUTF8(src)
		return s, len(problems) > 0, nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), src)
	if err != nil {
		return "", false, fmt.Errorf("decode %s: %w", name, err)
	}
	s, problems := chronicle.RepairUTF8(out)
	return s, len(problems) > 0, nil
}

// hasUTF8Multibyte reports whether b holds at least one valid multi-byte
// UTF-8 sequence.
func hasUTF8Multibyte(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i++
	}
	return false
}

// replacementProblems reports each run of U+FFFD in text.
func replacementProblems(text string) []chronicle.Problem {
	return chronicle.ReplacementProblems(text, "invalid or undecodable bytes in the page replaced with U+FFFD")
}

// htmlLang returns the lang attribute of the <html> element.
func htmlLang(root *html.Node) string {
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.Data == "html" {
			return strings.TrimSpace(attr(n, "lang"))
		}
	}
	return ""
}

// clean collapses whitespace and unescapes entities left in metadata values.
func clean(s string) string {
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// absURL returns s when it is an absolute http(s) URL, else "".
func absURL(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return s
	}
	return ""
}

// trimBy removes a leading "By " from a byline.
func trimBy(s string) string {
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		return strings.TrimSpace(s[3:])
	}
	return s
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// Sniff reports whether b, the first bytes of a file, look like an HTML
// page: after an optional byte-order mark, whitespace and comments it opens
// with a doctype or an <html>, <head> or <body> tag, or holds one of them in
// its first 1 KiB.
func Sniff(b []byte) bool {
	if len(b) > 1024 {
		b = b[:1024]
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	t := bytes.TrimSpace(b)
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	l := bytes.ToLower(t)
	for _, tag := range [...]string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.Contains(l, []byte(tag)) {
			return true
		}
	}
	return false
}
