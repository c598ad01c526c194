package htmldoc_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/htmldoc"
)

// body is long enough for readability to take it as an article.
const body = `<article>
<h1>Talks in Turkey</h1>
<p>Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks in three years,
with Turkish officials  acting as hosts.</p>
<p>The meeting lasted less than two hours. Both sides agreed to exchange a thousand prisoners each,
the head of the Russian delegation said after the talks ended.<br>A second line of the same paragraph.</p>
<p>Ukraine's defence minister said the next step was a ceasefire, and that a meeting of the two presidents
would be the only way to settle the main questions between the two countries.</p>
<script>var tracking = "must not appear";</script>
<style>p { color: red }</style>
<p>Officials from the United States also attended the meeting, which took place at a palace on the Bosphorus,
and said they hoped further rounds would follow soon.</p>
</article>`

func pageWith(head string) []byte {
	return []byte("<!doctype html><html lang=\"en-GB\"><head>" + head + "</head><body><nav>Home | World | Sport</nav>" + body + "<footer>Copyright</footer></body></html>")
}

func TestExtractMetadata(t *testing.T) {
	tests := []struct {
		name      string
		head      string
		title     string
		published time.Time
		site      string
	}{
		{"og and article meta",
			`<title>Talks in Turkey - Example News</title><meta property="og:title" content="Talks in Turkey"><meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2025-05-16T10:20:00+03:00">`,
			"Talks in Turkey", time.Date(2025, 5, 16, 7, 20, 0, 0, time.UTC), "Example News"},
		{"json-ld",
			`<title>x</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks in Turkey","datePublished":"2025-05-16T08:00:00Z","publisher":{"@type":"Organization","name":"LD News"}}</script>`,
			"Talks in Turkey", time.Date(2025, 5, 16, 8, 0, 0, 0, time.UTC), "LD News"},
		{"json-ld graph",
			`<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"Talks in Turkey","datePublished":"2025-05-16"}]}</script>`,
			"Talks in Turkey", time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC), ""},
		{"meta name date",
			`<title>Talks in Turkey</title><meta name="pubdate" content="Fri, 16 May 2025 09:00:00 GMT">`,
			"Talks in Turkey", time.Date(2025, 5, 16, 9, 0, 0, 0, time.UTC), ""},
		{"dc date", `<title>Talks in Turkey</title><meta name="DC.date.issued" content="2025-05-16">`,
			"Talks in Turkey", time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC), ""},
		{"no date", `<title>Talks in Turkey</title>`, "Talks in Turkey", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := htmldoc.Extract(pageWith(tt.head), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tt.title {
				t.Errorf("title %q, want %q", p.Title, tt.title)
			}
			if !p.Published.Equal(tt.published) {
				t.Errorf("published %v, want %v", p.Published, tt.published)
			}
			if p.SiteName != tt.site {
				t.Errorf("site %q, want %q", p.SiteName, tt.site)
			}
			if p.Language != "en-GB" {
				t.Errorf("language %q", p.Language)
			}
		})
	}
}

func TestExtractTimeElementAndURL(t *testing.T) {
	src := []byte(strings.Replace(string(pageWith("<title>Talks</title>")), "<article>",
		`<article><time datetime="2025-05-15T12:00:00Z" pubdate>Thursday</time>`, 1))
	p, err := htmldoc.Extract(src, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 5, 15, 12, 0, 0, 0, time.UTC); !p.Published.Equal(want) {
		t.Errorf("published %v, want %v", p.Published, want)
	}
	p, err = htmldoc.Extract(pageWith("<title>Talks</title>"), "https://news.example/world/2025/05/16/talks.html", "")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC); !p.Published.Equal(want) {
		t.Errorf("date from URL %v, want %v", p.Published, want)
	}
	if p.URL != "https://news.example/world/2025/05/16/talks.html" {
		t.Errorf("URL %q", p.URL)
	}
}

func TestExtractText(t *testing.T) {
	p, err := htmldoc.Extract(pageWith("<title>Talks in Turkey</title>"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"must not appear", "color: red", "<", "Home | World", "Copyright", "\n\n\n", "  ", " \n", "\n "} {
		if strings.Contains(p.Text, bad) {
			t.Errorf("text holds %q:\n%s", bad, p.Text)
		}
	}
	for _, want := range []string{
		"Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks in three years, with Turkish officials acting as hosts.\n\nThe meeting",
		"ended.\nA second line",
	} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Text)
		}
	}
	if len(p.Problems) != 0 {
		t.Errorf("problems %v", p.Problems)
	}
}

func TestExtractEncoding(t *testing.T) {
	// windows-1252 declared: "café" and curly quotes decode.
	latin := []byte(strings.Replace(string(pageWith(`<meta charset="windows-1252"><title>Caf`+"\xe9"+` talks</title>`)),
		"acting as hosts", "acting as \x93hosts\x94 at a caf\xe9", 1))
	p, err := htmldoc.Extract(latin, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Café talks" || !strings.Contains(p.Text, "acting as “hosts” at a café") || len(p.Problems) != 0 {
		t.Errorf("windows-1252: title %q, problems %v, text:\n%s", p.Title, p.Problems, p.Text)
	}

	// UTF-8 with two stray bytes: repaired, one problem per run, offsets
	// pointing at the replacement characters in Text.
	bad := []byte(strings.Replace(string(pageWith(`<meta charset="utf-8"><title>Talks</title>`)),
		"acting as hosts", "acting as \xff\xfe hosts — in Türkiye", 1))
	p, err = htmldoc.Extract(bad, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) != 1 {
		t.Fatalf("problems %v, want 1", p.Problems)
	}
	if at := p.Problems[0].Offset; !strings.HasPrefix(p.Text[at:], "\uFFFD\uFFFD hosts") {
		t.Errorf("problem offset %d points at %q", at, p.Text[at:min(len(p.Text), at+20)])
	}
}

func TestExtractErrors(t *testing.T) {
	for name, src := range map[string]string{
		"empty":   "   \n",
		"binary":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"no text": "<html><head><title>t</title><script>x()</script></head><body><img src=a.png></body></html>",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := htmldoc.Extract([]byte(src), "", "")
			if chronicle.ErrorCode(err) != chronicle.EINVALID {
				t.Errorf("error %v, want EINVALID", err)
			}
		})
	}
}

// TestExtractNoArticle: a page too short for readability keeps its text and
// says so.
func TestExtractNoArticle(t *testing.T) {
	p, err := htmldoc.Extract([]byte("<html><body><div>Short notice.</div><div>Second line.</div></body></html>"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Text != "Short notice.\n\nSecond line." {
		t.Errorf("text %q", p.Text)
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain  text\n\nsecond\r\n\r\nthird", "plain text\n\nsecond\n\nthird"},
		{"<p>One <b>bold</b> word.</p><p>Two.</p>", "One bold word.\n\nTwo."},
		{"line one<br>line two<br><br>new para", "line one\nline two\n\nnew para"},
		{"<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
		{"a&nbsp;&amp;&#160;b", "a & b"},
		{"<script>alert(1)</script><style>p{}</style>text", "text"},
		{"<div hidden>secret</div><p aria-hidden=true>x</p><span style='display:none'>y</span>shown", "shown"},
		{"soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"},
		{"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"<pre>x  = 1\ny = 2</pre>", "x = 1\ny = 2"},
		{"<p>unclosed <i>tags", "unclosed tags"},
	}
	for _, tt := range tests {
		if got := htmldoc.FragmentText(tt.in); got != tt.want {
			t.Errorf("FragmentText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseTime(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2015-07-24T05:36:09+01:00", time.Date(2015, 7, 24, 4, 36, 9, 0, time.UTC), true},
		{"2019-01-03T07:00:02.000Z", time.Date(2019, 1, 3, 7, 0, 2, 0, time.UTC), true},
		{"2019-01-03T02:00:02-0500", time.Date(2019, 1, 3, 7, 0, 2, 0, time.UTC), true},
		{"2019-04-28 06:01:07", time.Date(2019, 4, 28, 6, 1, 7, 0, time.UTC), true},
		{"2016-02-01", time.Date(2016, 2, 1, 0, 0, 0, 0, time.UTC), true},
		{"20190221", time.Date(2019, 2, 21, 0, 0, 0, 0, time.UTC), true},
		{"Fri, 16 May 2025 09:30:00 +0000", time.Date(2025, 5, 16, 9, 30, 0, 0, time.UTC), true},
		{"Fri Mar 13 21:30:09 EST 2015", time.Date(2015, 3, 13, 21, 30, 9, 0, est), true},
		{"March 11, 2015", time.Date(2015, 3, 11, 0, 0, 0, 0, time.UTC), true},
		{"", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"0001-01-01", time.Time{}, false},
		{strings.Repeat("9", 100), time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := htmldoc.ParseTime(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSniff(t *testing.T) {
	for src, want := range map[string]bool{
		"<!DOCTYPE html><html>":           true,
		"\ufeff  <html lang=en>":          true,
		"<!-- c --><head><title>x":        true,
		"<?xml version='1.0'?><rss>":      false,
		"Plain text that mentions <html>": false,
		"":                                false,
	} {
		if got := htmldoc.Sniff([]byte(src)); got != want {
			t.Errorf("Sniff(%q) = %v", src, got)
		}
	}
}

// TestExtractDeepNesting: the HTML parser refuses more than 512 open
// elements; that is an EINVALID error, not a crash or a hang.
func TestExtractDeepNesting(t *testing.T) {
	src := "<html><body>" + strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</div>", 5000) + "<p>shallow text</p></body></html>"
	_, err := htmldoc.Extract([]byte(src), "", "")
	if chronicle.ErrorCode(err) != chronicle.EINVALID {
		t.Errorf("error %v, want EINVALID", err)
	}
}
