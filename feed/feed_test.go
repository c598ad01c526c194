package feed_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/feed"
)

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Wire Desk</title>
  <link>https://wire.example/</link>
  <language>en-us</language>
  <item>
    <title>Ministers meet in Istanbul</title>
    <link>https://wire.example/istanbul</link>
    <guid>wire-1</guid>
    <pubDate>Fri, 16 May 2025 09:30:00 +0000</pubDate>
    <dc:creator>A. Reporter</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Delegations met on Friday.</p><p>Talks resume <b>next week</b>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ceasefire holds</title>
    <link>https://wire.example/ceasefire</link>
    <description>&lt;p&gt;The truce held overnight.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <link href="https://atom.example/"/>
  <updated>2025-05-16T10:00:00Z</updated>
  <entry>
    <title>Envoys arrive</title>
    <link href="https://atom.example/envoys"/>
    <id>urn:uuid:1</id>
    <updated>2025-05-16T10:00:00Z</updated>
    <published>2025-05-15T08:00:00+02:00</published>
    <author><name>B. Writer</name></author>
    <summary>Summary only.</summary>
    <content type="html">&lt;p&gt;Envoys arrived in Ankara.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Update only</title>
    <id>urn:uuid:2</id>
    <updated>2025-05-17T10:00:00Z</updated>
    <summary>Just a summary.</summary>
  </entry>
</feed>`

func TestParse(t *testing.T) {
	tests := []struct {
		name, src, title, typ string
		items                 []feed.Item
	}{
		{"rss2", rss2, "Wire Desk", "rss", []feed.Item{
			{Index: 1, GUID: "wire-1", Title: "Ministers meet in Istanbul", Link: "https://wire.example/istanbul",
				Author: "A. Reporter", Published: time.Date(2025, 5, 16, 9, 30, 0, 0, time.UTC),
				HTML: "<p>Delegations met on Friday.</p><p>Talks resume <b>next week</b>.</p>"},
			{Index: 2, Title: "Ceasefire holds", Link: "https://wire.example/ceasefire", HTML: "<p>The truce held overnight.</p>"},
		}},
		{"atom", atom, "Atom Desk", "atom", []feed.Item{
			{Index: 1, GUID: "urn:uuid:1", Title: "Envoys arrive", Link: "https://atom.example/envoys", Author: "B. Writer",
				Published: time.Date(2025, 5, 15, 6, 0, 0, 0, time.UTC), HTML: "<p>Envoys arrived in Ankara.</p>"},
			{Index: 2, GUID: "urn:uuid:2", Title: "Update only", Published: time.Date(2025, 5, 17, 10, 0, 0, 0, time.UTC),
				HTML: "Just a summary."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := feed.Parse(strings.NewReader(tt.src), 0)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || f.Type != tt.typ {
				t.Errorf("feed %q (%s), want %q (%s)", f.Title, f.Type, tt.title, tt.typ)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d", len(f.Items), len(tt.items))
			}
			for i, want := range tt.items {
				got := f.Items[i]
				if !got.Published.Equal(want.Published) {
					t.Errorf("item %d published %v, want %v", i, got.Published, want.Published)
				}
				got.Published, want.Published = time.Time{}, time.Time{}
				if got != want {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, code string
		max             int64
	}{
		{"truncated xml", rss2[:len(rss2)/2], chronicle.EINVALID, 0},
		{"bad xml", "<rss version=\"2.0\">\n<channel>\n<title>x</title>\n<item><title>a</title>\n<<<>>>", chronicle.EINVALID, 0},
		{"not a feed", `<html><body>hello</body></html>`, chronicle.EINVALID, 0},
		{"empty", ``, chronicle.EINVALID, 0},
		{"too large", rss2, chronicle.ETOOLARGE, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := feed.Parse(strings.NewReader(tt.src), tt.max)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.code == chronicle.EINVALID && strings.Contains(tt.name, "xml") && !strings.Contains(err.Error(), "line") {
				t.Errorf("error %q does not say which line", err)
			}
			if got := chronicle.ErrorCode(err); got != tt.code {
				t.Errorf("code %q, want %q (%v)", got, tt.code, err)
			}
		})
	}
}

func TestParseExactLimit(t *testing.T) {
	if _, err := feed.Parse(strings.NewReader(rss2), int64(len(rss2))); err != nil {
		t.Errorf("feed exactly at the limit: %v", err)
	}
}

func TestSniff(t *testing.T) {
	for src, want := range map[string]bool{
		rss2: true, atom: true,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`: true,
		`<html><body>x</body></html>`:                                       false,
		`plain text`:                                                        false,
	} {
		if got := feed.Sniff([]byte(src)); got != want {
			t.Errorf("Sniff(%.30q) = %v", src, got)
		}
	}
}
