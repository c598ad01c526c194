package input_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/input"
	"github.com/chronicle-news/chronicle/warc/warctest"
)

const article = `Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks in three years.

The meeting lasted less than two hours.`

// page is an HTML page long enough for readability to find its article.
const page = `<!doctype html><html lang="en"><head><title>Talks in Turkey | Example</title>
<meta property="og:title" content="Talks in Turkey">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-05-16T09:00:00Z">
</head><body><nav>Home World Sport</nav><article>
<p>Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks in three years, with Turkish officials acting as hosts of the meeting.</p>
<p>The meeting lasted less than two hours. Both sides agreed to exchange a thousand prisoners each, the head of the Russian delegation said after the talks.</p>
<p>Ukraine's defence minister said the next step was a ceasefire, and that only a meeting of the two presidents could settle the main questions.</p>
</article><footer>Copyright</footer></body></html>`

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Desk</title><link>https://wire.example/</link>
<item><title>Ministers meet</title><link>https://wire.example/1</link><pubDate>Fri, 16 May 2025 09:30:00 +0000</pubDate>
<description>&lt;p&gt;Delegations met on Friday.&lt;/p&gt;&lt;p&gt;Talks resume next week.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://wire.example/2</link><description></description></item>
<item><title>Ceasefire holds</title><link>https://wire.example/3</link><description>The truce held overnight.</description></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Envoys arrive</title><link href="https://atom.example/envoys"/><id>urn:1</id>
<updated>2025-05-16T10:00:00Z</updated><content type="html">&lt;p&gt;Envoys arrived in Ankara.&lt;/p&gt;</content></entry>
</feed>`

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// collect reads everything and returns the articles and errors.
func collect(t *testing.T, seq func(func(input.Article, error) bool)) ([]input.Article, []error) {
	t.Helper()
	var arts []input.Article
	var errs []error
	for a, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

func warcRecords() []warctest.Record {
	return []warctest.Record{
		warctest.Response("https://news.example/2025/05/16/talks", 200, "text/html; charset=utf-8", page),
		warctest.Response("https://news.example/logo.png", 200, "image/png", "\x89PNG\r\n\x1a\n"),
		warctest.Response("https://news.example/missing", 404, "text/html", "<html><body>Not found</body></html>"),
		{URI: "https://news.example/odd", ContentType: "text/plain", Block: "not HTTP"},
		warctest.Response("https://news.example/nodate", 200, "text/html", strings.Replace(page, "article:published_time", "x", 1)),
	}
}

// TestReadDirectory reads one directory holding every format, good and
// bad, and checks what comes out, in order, and that every bad document is
// reported with its position while reading goes on.
func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), article)
	write(t, filepath.Join(dir, "b.html"), page)
	write(t, filepath.Join(dir, "c.jsonl"), strings.Join([]string{
		`{"url":"https://j.example/1","title":"One","published":"2025-05-16T08:00:00Z","text":"First text."}`,
		``,
		`{"url":"https://j.example/2","title":"Two", "text": `, // line 3: broken JSON
		`{"url":"https://j.example/3","title":"No body"}`,      // line 4: neither text nor html
		`{"url":"https://j.example/5","html":` + jsonString(page) + `}`,
		"{\"title\":\"Bad bytes\",\"text\":\"caf\xe9 society\",\"published\":\"someday\"}",
	}, "\n"))
	write(t, filepath.Join(dir, "d.xml"), rss)
	write(t, filepath.Join(dir, "e.atom"), atomFeed)
	warctest.Write(t, dir, true, warcRecords()...) // test-*.warc.gz
	write(t, filepath.Join(dir, "f.rss"), rss[:len(rss)/2])
	write(t, filepath.Join(dir, "g.dat"), "\x00\x01\x02binary\x00")
	write(t, filepath.Join(dir, "h.txt"), "Latin-1 caf\xe9 here.")
	write(t, filepath.Join(dir, "i.jsonl.gz"), gz(`{"text":"Zipped line."}`+"\n"))
	write(t, filepath.Join(dir, "sub", ".hidden.txt"), "hidden")
	write(t, filepath.Join(dir, "sub", "k"), page) // no extension: sniffed as HTML
	write(t, filepath.Join(dir, "sub", "l.txt"), strings.Repeat("x", 3000))

	var skipped []string
	r := &input.Reader{MaxBytes: 2000, Skipped: func(name, reason string) {
		skipped = append(skipped, filepath.Base(name)+": "+reason)
	}}
	arts, errs := collect(t, r.Read(context.Background(), dir))

	var got []string
	for _, a := range arts {
		rel, _ := filepath.Rel(dir, strings.SplitN(strings.SplitN(a.Name, "#", 2)[0], ":", 2)[0])
		suffix := strings.TrimPrefix(strings.TrimPrefix(a.Name, filepath.Join(dir, rel)), ":")
		if strings.HasPrefix(rel, "test-") {
			rel = "test.warc.gz"
			suffix = "#" + a.Meta.URL
		}
		got = append(got, fmt.Sprintf("%s%s %s %q", rel, suffix, a.Format, a.Meta.Title))
	}
	want := []string{
		`a.txt text ""`,
		`b.html html "Talks in Turkey"`,
		`c.jsonl1 jsonl "One"`,
		`c.jsonl5 jsonl "Talks in Turkey"`,
		`c.jsonl6 jsonl "Bad bytes"`,
		`d.xml#item-1 feed "Ministers meet"`,
		`d.xml#item-3 feed "Ceasefire holds"`,
		`e.atom#item-1 feed "Envoys arrive"`,
		`h.txt text ""`,
		`i.jsonl.gz1 jsonl ""`,
		`sub/k html "Talks in Turkey"`,
		`test.warc.gz#https://news.example/2025/05/16/talks warc "Talks in Turkey"`,
		`test.warc.gz#https://news.example/nodate warc "Talks in Turkey"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var gotErrs []string
	for _, err := range errs {
		msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
		gotErrs = append(gotErrs, chronicle.ErrorCode(err)+" "+msg)
	}
	wantErrs := []string{ // substrings, in order
		"invalid read c.jsonl:3: not a JSON object",
		`invalid read c.jsonl:4: no "text" or "html" field`,
		"invalid read f.rss: feed.Parse: malformed feed: XML syntax error on line",
		"invalid read g.dat: looks like a binary file",
		"too_large read sub/l.txt: document above the limit of 2000 bytes",
		"invalid read test-",
	}
	if len(gotErrs) != len(wantErrs) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(gotErrs, "\n"), strings.Join(wantErrs, "\n"))
	} else {
		for i := range wantErrs {
			if !strings.HasPrefix(gotErrs[i], wantErrs[i]) {
				t.Errorf("error %d: %q, want prefix %q", i, gotErrs[i], wantErrs[i])
			}
		}
		if last := gotErrs[len(gotErrs)-1]; !strings.Contains(last, "offset") || !strings.Contains(last, "text/plain") {
			t.Errorf("WARC error %q does not name the record offset and content type", last)
		}
	}
	slices.Sort(skipped)
	wantSkipped := []string{".hidden.txt: hidden"}
	for _, s := range skipped[1:] {
		if !strings.Contains(s, "HTTP status 404") && !strings.Contains(s, "not HTML: image/png") && s != "d.xml#item-2: item has no text" {
			t.Errorf("unexpected skip %q", s)
		}
	}
	if len(skipped) != 4 || skipped[0] != wantSkipped[0] {
		t.Errorf("skipped %q", skipped)
	}

	byName := map[string]input.Article{}
	for _, a := range arts {
		byName[filepath.Base(a.Name)] = a
	}
	if a := byName["a.txt"]; string(a.Text) != article || len(a.Problems) != 0 {
		t.Errorf("a.txt: %q %v", a.Text, a.Problems)
	}
	if a := byName["b.html"]; a.Meta.Source != "Example News" || a.Meta.Language != "en" ||
		!a.Meta.Published.Equal(time.Date(2025, 5, 16, 9, 0, 0, 0, time.UTC)) ||
		!strings.HasPrefix(string(a.Text), "Russian and Ukrainian") || !strings.Contains(string(a.Text), "meeting.\n\nThe meeting") {
		t.Errorf("b.html: %+v\n%s", a.Meta, a.Text)
	}
	if a := byName["h.txt"]; len(a.Problems) != 1 || !strings.Contains(string(a.Text), "caf\uFFFD here") {
		t.Errorf("h.txt: %q %v", a.Text, a.Problems)
	}
	if a := byName["c.jsonl:1"]; a.Meta.URL != "https://j.example/1" || string(a.Text) != "First text." ||
		!a.Meta.Published.Equal(time.Date(2025, 5, 16, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("c.jsonl:1: %+v %q", a.Meta, a.Text)
	}
	if a := byName["c.jsonl:5"]; a.Meta.URL != "https://j.example/5" || a.Meta.Source != "Example News" {
		t.Errorf("c.jsonl:5: %+v", a.Meta)
	}
	if a := byName["c.jsonl:6"]; len(a.Problems) != 2 || a.Problems[0].Offset != 3 || a.Problems[1].Kind != "bad-date" {
		t.Errorf("c.jsonl:6: %q %+v", a.Text, a.Problems)
	}
	if a := byName["d.xml#item-1"]; string(a.Text) != "Delegations met on Friday.\n\nTalks resume next week." ||
		a.Meta.Source != "Wire Desk" || a.Meta.URL != "https://wire.example/1" ||
		!a.Meta.Published.Equal(time.Date(2025, 5, 16, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("d.xml#item-1: %+v %q", a.Meta, a.Text)
	}
	for _, a := range arts {
		if a.Format != input.WARC {
			continue
		}
		want := time.Date(2025, 5, 16, 9, 0, 0, 0, time.UTC) // the page's own date
		if strings.HasSuffix(a.Meta.URL, "nodate") {
			want = time.Date(2025, 5, 16, 12, 0, 0, 0, time.UTC) // WARC-Date
		}
		if !a.Meta.Published.Equal(want) {
			t.Errorf("%s: published %v, want %v", a.Meta.URL, a.Meta.Published, want)
		}
		if !strings.Contains(a.Name, ".warc.gz#urn:uuid:") {
			t.Errorf("WARC article name %q", a.Name)
		}
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestReadWARCPlainAndTruncated(t *testing.T) {
	dir := t.TempDir()
	plain := warctest.Write(t, dir, false, warcRecords()...)
	arts, errs := collect(t, input.Read(context.Background(), plain))
	if len(arts) != 2 || len(errs) != 1 {
		t.Errorf("plain WARC: %d articles, errors %v; want 2 and 1", len(arts), errs)
	}

	cut := warctest.Write(t, dir, true, warcRecords()...)
	fi, _ := os.Stat(cut)
	warctest.Truncate(t, cut, fi.Size()-30)
	arts, errs = collect(t, input.Read(context.Background(), cut))
	if len(arts) != 1 || len(errs) != 2 {
		t.Fatalf("truncated WARC: %d articles, errors %v; want 1 and 2", len(arts), errs)
	}
	if msg := errs[1].Error(); !strings.Contains(msg, filepath.Base(cut)) || !strings.Contains(msg, "offset") {
		t.Errorf("error %q does not name the file and offset", msg)
	}
}

func TestReadTruncatedGzip(t *testing.T) {
	dir := t.TempDir()
	lines := strings.Repeat(`{"text":"A line of text that repeats."}`+"\n", 2000)
	z := gz(lines)
	path := filepath.Join(dir, "x.jsonl.gz")
	write(t, path, z[:len(z)/2])
	arts, errs := collect(t, input.Read(context.Background(), path))
	if len(arts) == 0 || len(arts) >= 2000 {
		t.Errorf("%d articles before the cut", len(arts))
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "x.jsonl.gz:") {
		t.Errorf("errors %v, want one naming the file and line", errs)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, code string
	}{
		{"empty.txt", "", chronicle.EINVALID},
		{"bin.html", "\x00\x00\x00", chronicle.EINVALID},
		{"notfeed.xml", "<html><body>x</body></html>", chronicle.EINVALID},
		{"bad.warc", "WARC/1.1\r\nnot a header\r\n\r\n", chronicle.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			write(t, path, tt.content)
			arts, errs := collect(t, input.Read(context.Background(), path))
			if len(arts) != 0 || len(errs) == 0 {
				t.Fatalf("%d articles, errors %v", len(arts), errs)
			}
			if chronicle.ErrorCode(errs[0]) != tt.code || !strings.Contains(errs[0].Error(), tt.name) {
				t.Errorf("error %v (code %s), want %s naming the file", errs[0], chronicle.ErrorCode(errs[0]), tt.code)
			}
		})
	}
	_, errs := collect(t, input.Read(context.Background(), filepath.Join(dir, "missing.txt")))
	if len(errs) != 1 || chronicle.ErrorCode(errs[0]) != chronicle.ENOTFOUND {
		t.Errorf("missing file: %v", errs)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	long := `{"text":"` + strings.Repeat("y", 20000) + `"}`
	src := `{"text":"before"}` + "\n" + long + "\n" + `{"text":"after"}` + "\n"
	r := &input.Reader{MaxBytes: 1000}
	arts, errs := collect(t, r.ReadStream(context.Background(), strings.NewReader(src), "in.jsonl"))
	if len(arts) != 2 || string(arts[0].Text) != "before" || string(arts[1].Text) != "after" {
		t.Errorf("articles %+v", arts)
	}
	if len(errs) != 1 || chronicle.ErrorCode(errs[0]) != chronicle.ETOOLARGE || !strings.Contains(errs[0].Error(), "in.jsonl:2") {
		t.Errorf("errors %v", errs)
	}
}

func TestReadStreamSniffs(t *testing.T) {
	tests := []struct {
		src    string
		format input.Format
	}{
		{article, input.Text},
		{page, input.HTML},
		{atomFeed, input.Feed},
		{`{"text":"x"}`, input.JSONL},
		{gz(`{"text":"x"}`), input.JSONL},
	}
	for _, tt := range tests {
		arts, errs := collect(t, input.ReadStream(context.Background(), strings.NewReader(tt.src), "-"))
		if len(errs) != 0 || len(arts) == 0 || arts[0].Format != tt.format {
			t.Errorf("%.20q: %d articles, errors %v, want format %s", tt.src, len(arts), errs, tt.format)
		}
	}
}

func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		write(t, filepath.Join(dir, fmt.Sprintf("%d.txt", i)), article)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range input.Read(ctx, dir) {
		if err != nil {
			last = err
			continue
		}
		n++
		if n == 2 {
			cancel()
		}
	}
	if n != 2 || last != context.Canceled {
		t.Errorf("read %d after cancel, last error %v", n, last)
	}
}

func TestReadBreak(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		write(t, filepath.Join(dir, fmt.Sprintf("%d.txt", i)), article)
	}
	n := 0
	for range input.Read(context.Background(), dir) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d iterations after break", n)
	}
}

func TestArticleDocument(t *testing.T) {
	a := input.Article{Name: "x.txt", Text: []byte("caf\uFFFD"), Meta: chronicle.Meta{Title: "T"},
		Problems: []chronicle.Problem{{Offset: 3, Kind: "invalid-utf8"}}}
	doc, err := a.Document(0)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "T" || doc.Text != "caf\uFFFD" || len(doc.Problems) != 1 || doc.Language != "en" {
		t.Errorf("document %+v", doc)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       input.Format
	}{
		{"a.txt", "<html>", input.Text},
		{"a.HTML", "", input.HTML},
		{"a.jsonl", "", input.JSONL},
		{"a.ndjson", "", input.JSONL},
		{"a.xml", "", input.Feed},
		{"a.rss", "", input.Feed},
		{"a.warc", "", input.WARC},
		{"a.warc.gz", "", input.WARC},
		{"a.gz", gz("hello"), input.Gzip},
		{"a.gz", gz("WARC/1.1\r\n"), input.WARC},
		{"noext", "WARC/1.0\r\n", input.WARC},
		{"noext", gz("WARC/1.0\r\n"), input.WARC},
		{"noext", gz("text"), input.Gzip},
		{"noext", "\ufeff  {\"text\":\"x\"}\n", input.JSONL},
		{"feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", input.Feed},
		{"noext", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", input.Feed},
		{"noext", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", input.Feed},
		{"noext", "<!DOCTYPE html>\n<html>", input.HTML},
		{"noext", "Plain words.", input.Text},
		{"meta.json", "{\n  \"title\": \"x\"\n}\n", input.Unsupported},
		{"one.json", "{\"text\": \"x\"}", input.JSONL},
		{"-", "", input.Text},
	}
	for _, tt := range tests {
		if got := input.Detect(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("Detect(%q, %.20q) = %s, want %s", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestReadFeedEncoding(t *testing.T) {
	item := "<rss version=\"2.0\"><channel><title>Desk</title><item><title>Caf\xe9</title><description>Talks at a caf\xe9 in Ankara.</description></item></channel></rss>"
	tests := []struct {
		name, decl, text string
		problems         int
	}{
		{"latin1 declared", `<?xml version="1.0" encoding="ISO-8859-1"?>`, "Talks at a café in Ankara.", 0},
		{"utf8 with a stray byte", `<?xml version="1.0" encoding="UTF-8"?>`, "Talks at a caf\uFFFD in Ankara.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := collect(t, input.ReadStream(context.Background(), strings.NewReader(tt.decl+item), "f.xml"))
			if len(errs) != 0 || len(arts) != 1 {
				t.Fatalf("%d articles, errors %v", len(arts), errs)
			}
			if string(arts[0].Text) != tt.text || len(arts[0].Problems) != tt.problems {
				t.Errorf("text %q, problems %v", arts[0].Text, arts[0].Problems)
			}
		})
	}
}

// TestReadConcurrent: one Reader used by several goroutines at once gives
// each the same articles (run with -race).
func TestReadConcurrent(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.html"), page)
	write(t, filepath.Join(dir, "b.xml"), rss)
	warctest.Write(t, dir, true, warcRecords()...)
	r := &input.Reader{}
	want, _ := collect(t, r.Read(context.Background(), dir))
	errc := make(chan error, 4)
	for range 4 {
		go func() {
			n := 0
			for a, err := range r.Read(context.Background(), dir) {
				if err != nil {
					continue
				}
				if n >= len(want) || string(a.Text) != string(want[n].Text) {
					errc <- fmt.Errorf("article %d differs", n)
					return
				}
				n++
			}
			errc <- nil
		}()
	}
	for range 4 {
		if err := <-errc; err != nil {
			t.Error(err)
		}
	}
}

// TestSidecarMetadata checks that NAME.meta.json beside an article fills
// the metadata the article lacks, that a bad one is a problem and not a
// lost article, and that directory walks do not read it as an article.
func TestSidecarMetadata(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("talks.txt", "Ukraine and Russia met on Friday in Istanbul.\n")
	write("talks.meta.json", `{"published": "2025-05-16", "url": "https://example.org/talks", "language": "en-GB", "topic": "ignored"}`)
	write("bad.txt", "Officials met again on Monday.\n")
	write("bad.meta.json", `{"published": "next Friday"}`)
	write("broken.txt", "A third article.\n")
	write("broken.meta.json", `{"published": `)

	got := map[string]input.Article{}
	var skipped []string
	r := &input.Reader{Skipped: func(name, reason string) { skipped = append(skipped, filepath.Base(name)) }}
	for a, err := range r.Read(context.Background(), dir) {
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		got[filepath.Base(a.Name)] = a
	}
	if len(got) != 3 {
		t.Fatalf("read %d articles (%v), want 3: the .meta.json files are not articles", len(got), got)
	}
	if len(skipped) != 3 {
		t.Errorf("skipped %v, want the three .meta.json files", skipped)
	}
	a := got["talks.txt"]
	if want := time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC); !a.Meta.Published.Equal(want) || a.Meta.URL != "https://example.org/talks" || a.Meta.Language != "en" {
		t.Errorf("talks.txt meta = %+v, want published 2025-05-16, the URL and language en", a.Meta)
	}
	if len(a.Problems) != 0 {
		t.Errorf("talks.txt problems: %v", a.Problems)
	}
	for _, name := range []string{"bad.txt", "broken.txt"} {
		a := got[name]
		if len(a.Problems) != 1 || a.Problems[0].Kind != "bad-metadata" || !a.Meta.Published.IsZero() || len(a.Text) == 0 {
			t.Errorf("%s: meta %+v problems %v, want its text, no date and one bad-metadata problem", name, a.Meta, a.Problems)
		}
	}
}
