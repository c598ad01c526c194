package htmldoc

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is the metadata a page declares about itself, gathered in one
// walk before readability rewrites the tree.
type pageMeta struct {
	title    string            // <title>
	meta     map[string]string // first content per lower-cased meta name/property/itemprop
	itemDate string            // first itemprop=datePublished on a non-meta element
	timePub  string            // first <time pubdate datetime> or <time class~=published>
	timeAny  string            // first <time datetime>
	canon    string            // <link rel=canonical href>
	ld       ldInfo            // from JSON-LD
	deep     bool              // markup nested deeper than maxDepth
}

// ldInfo is what JSON-LD blocks say about the article.
type ldInfo struct {
	headline, published, publisher, author string
}

// metaNames holds, in order of trust, the meta keys that give the
// publication date.
var metaDateKeys = [...]string{
	"article:published_time", "og:article:published_time", "article:published",
	"og:published_time", "datepublished", "article:publicationdate",
	"publication_date", "publish-date", "publishdate", "pubdate", "pub_date",
	"publish_date", "dc.date.issued", "dcterms.issued", "dc.date.created",
	"dcterms.created", "dc.date", "dcterms.date", "sailthru.date",
	"parsely-pub-date", "article.published", "originalpublicationdate",
	"date", "pdate", "displaydate", "dc.date.available",
}

// collect walks the document once and gathers its metadata.
func collect(doc *html.Node) *pageMeta {
	pm := &pageMeta{meta: make(map[string]string, 32)}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			pm.deep = true
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if pm.title == "" && n.FirstChild != nil {
					pm.title = textOf(n)
				}
			case atom.Meta:
				content := attr(n, "content")
				if content == "" {
					break
				}
				for _, k := range [...]string{"property", "name", "itemprop"} {
					for key := range strings.FieldsSeq(strings.ToLower(attr(n, k))) {
						if _, ok := pm.meta[key]; !ok {
							pm.meta[key] = content
						}
					}
				}
			case atom.Link:
				if pm.canon == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
					pm.canon = attr(n, "href")
				}
			case atom.Time:
				dt := attr(n, "datetime")
				if dt == "" {
					break
				}
				if pm.timeAny == "" {
					pm.timeAny = dt
				}
				if pm.timePub == "" && (hasAttr(n, "pubdate") || strings.Contains(attr(n, "class"), "publish")) {
					pm.timePub = dt
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					pm.ld.merge(n.FirstChild.Data)
				}
				return
			case atom.Style:
				return
			}
			if pm.itemDate == "" && n.DataAtom != atom.Meta && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				if v := attr(n, "datetime"); v != "" {
					pm.itemDate = v
				} else if v := attr(n, "content"); v != "" {
					pm.itemDate = v
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return pm
}

// published returns the page's publication date, or the zero time when the
// page declares none that parses. fallback is readability's own choice; the
// last resort is a /YYYY/MM/DD/ date in the page's URL (day precision, UTC).
func (pm *pageMeta) published(fallback, pageURL string) time.Time {
	try := func(s string) (time.Time, bool) { return ParseTime(s) }
	if t, ok := try(pm.meta["article:published_time"]); ok {
		return t
	}
	if t, ok := try(pm.ld.published); ok {
		return t
	}
	for _, k := range metaDateKeys[1:] {
		if t, ok := try(pm.meta[k]); ok {
			return t
		}
	}
	for _, s := range [...]string{pm.itemDate, pm.timePub, fallback, pm.timeAny} {
		if t, ok := try(s); ok {
			return t
		}
	}
	for _, u := range [...]string{pageURL, pm.meta["og:url"], pm.canon} {
		if t, ok := URLDate(u); ok {
			return t
		}
	}
	return time.Time{}
}

// urlDate matches /2015/03/18/ or /2015-03-18/ in a URL path.
var urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|$)`)

// URLDate returns the date in a news URL's path (/2015/03/18/ or
// /2015-03-18/), at midnight UTC, and false when there is none.
func URLDate(u string) (time.Time, bool) {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	return t, err == nil
}

// merge reads one JSON-LD block, keeping the first article-like values.
func (ld *ldInfo) merge(src string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	ld.visit(v, 0)
}

func (ld *ldInfo) visit(v any, depth int) {
	if depth > 16 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ld.visit(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			ld.visit(g, depth+1)
		}
		if !isArticleType(x["@type"]) {
			return
		}
		if s, ok := x["headline"].(string); ok && ld.headline == "" {
			ld.headline = strings.TrimSpace(s)
		}
		if s, ok := x["datePublished"].(string); ok && ld.published == "" {
			ld.published = s
		}
		if p, ok := x["publisher"].(map[string]any); ok && ld.publisher == "" {
			if s, ok := p["name"].(string); ok {
				ld.publisher = strings.TrimSpace(s)
			}
		}
		if ld.author == "" {
			ld.author = ldName(x["author"])
		}
	}
}

// isArticleType accepts the schema.org types that describe a news page.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.HasSuffix(x, "Article") || strings.HasSuffix(x, "Posting") ||
			x == "WebPage" || x == "Report" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		s, _ := x["name"].(string)
		return strings.TrimSpace(s)
	case []any:
		var names []string
		for _, e := range x {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns the text under n with whitespace collapsed to one line.
func textOf(n *html.Node) string {
	var tb textBuilder
	tb.render(n, false, 0)
	if tb.b.Len() == 0 {
		// <title> holds raw text that render skips: read it directly.
		var sb strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			}
		}
		return strings.Join(strings.Fields(sb.String()), " ")
	}
	return strings.Join(strings.Fields(tb.b.String()), " ")
}
