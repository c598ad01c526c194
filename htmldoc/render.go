package htmldoc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textBuilder writes plain text with normalised whitespace: runs of spaces
// become one space, paragraphs are separated by exactly one blank line, and
// no line starts or ends with a space.
type textBuilder struct {
	b     strings.Builder
	space bool // a space is pending before the next word
	nl    int  // newlines pending before the next word (0, 1 or 2)
}

func (tb *textBuilder) breakLine(n int) {
	if n > tb.nl {
		tb.nl = n
	}
}

// word writes a run of non-space text, preceded by what is pending.
func (tb *textBuilder) word(w string) {
	if tb.b.Len() > 0 {
		switch {
		case tb.nl >= 2:
			tb.b.WriteString("\n\n")
		case tb.nl == 1:
			tb.b.WriteByte('\n')
		case tb.space:
			tb.b.WriteByte(' ')
		}
	}
	tb.b.WriteString(w)
	tb.nl, tb.space = 0, false
}

// text writes s with its whitespace collapsed; in pre mode line breaks are
// kept as single newlines.
func (tb *textBuilder) text(s string, pre bool) {
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		sep, drop := classify(r)
		if sep || drop {
			if start >= 0 {
				tb.word(s[start:i])
				start = -1
			}
			if sep {
				if pre && r == '\n' {
					tb.breakLine(1)
				} else {
					tb.space = true
				}
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		tb.word(s[start:])
	}
}

// classify tells whether r separates words (any Unicode space, including
// no-break space) or is dropped (zero-width characters, soft hyphens and
// control characters).
func classify(r rune) (sep, drop bool) {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return false, true
	}
	if unicode.IsSpace(r) {
		return true, false
	}
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
		return false, true
	}
	return false, false
}

// blockAtoms are elements that start and end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true,
	atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Aside: true, atom.Nav: true, atom.Address: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Details: true,
	atom.Summary: true, atom.Fieldset: true, atom.Center: true, atom.Dialog: true,
	atom.Hgroup: true, atom.Menu: true, atom.Form: true, atom.Body: true,
	atom.Html: true, atom.Legend: true,
}

// skipAtoms are elements whose content is never article text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Svg: true, atom.Math: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true, atom.Button: true, atom.Select: true,
	atom.Input: true, atom.Textarea: true, atom.Option: true, atom.Map: true,
	atom.Meta: true, atom.Link: true,
}

// hidden reports whether an element is hidden from readers.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "display:none") || strings.Contains(v, "display: none") ||
				strings.Contains(v, "visibility:hidden") || strings.Contains(v, "visibility: hidden") {
				return true
			}
		}
	}
	return false
}

// maxDepth bounds recursion on pathologically nested markup.
const maxDepth = 512

// render writes the text of n and its descendants.
func (tb *textBuilder) render(n *html.Node, pre bool, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		tb.text(n.Data, pre)
		return
	case html.ElementNode:
		a := elemAtom(n)
		if skipAtoms[a] || (a == 0 && isSkippedCustom(n.Data)) || hidden(n) {
			return
		}
		switch a {
		case atom.Br:
			// One <br> ends a line, two or more in a row end a paragraph.
			if tb.nl >= 1 {
				tb.breakLine(2)
			} else {
				tb.breakLine(1)
			}
			return
		case atom.Td, atom.Th:
			tb.space = true
		case atom.Img:
			return
		}
	case html.CommentNode, html.DoctypeNode, html.RawNode:
		return
	}
	a := elemAtom(n)
	block := n.Type == html.ElementNode && blockAtoms[a]
	if block {
		tb.breakLine(2)
	}
	if a == atom.Pre {
		pre = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		tb.render(c, pre, depth+1)
	}
	if block {
		tb.breakLine(2)
	} else if a == atom.Td || a == atom.Th {
		tb.space = true
	}
}

// elemAtom returns n's atom; readability creates elements with only their
// name set, so it is looked up when missing.
func elemAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// isSkippedCustom reports unknown elements that hold no text for readers.
func isSkippedCustom(name string) bool {
	return name == "mjx-container" || strings.HasPrefix(name, "amp-")
}

// nodeText renders n as plain text: paragraphs (block elements, double
// <br>) separated by one blank line, single <br> as a line break,
// whitespace collapsed, scripts, styles and hidden elements left out.
func nodeText(n *html.Node) string {
	var tb textBuilder
	tb.render(n, false, 0)
	return tb.b.String()
}

// FragmentText returns the plain text of an HTML fragment such as a feed
// item's description, with the same rules as an article body: paragraphs
// separated by one blank line, whitespace normalised, no markup, scripts or
// styles. Text that holds no markup is returned with its whitespace
// normalised and its blank lines kept as paragraph breaks.
func FragmentText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return plainText(fragment)
	}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return plainText(fragment)
	}
	var tb textBuilder
	for _, n := range nodes {
		tb.render(n, false, 0)
	}
	return tb.b.String()
}

// plainText normalises the whitespace of text without markup, keeping blank
// lines as paragraph breaks.
func plainText(s string) string {
	var tb textBuilder
	for para := range strings.SplitSeq(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		tb.breakLine(2)
		tb.text(para, false)
	}
	return tb.b.String()
}
