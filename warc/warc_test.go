package warc_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/warc"
	"github.com/chronicle-news/chronicle/warc/warctest"
)

const page = `<!doctype html><html><head><title>Talks in Turkey</title></head><body><p>Delegations met in Istanbul.</p></body></html>`

func sample() []warctest.Record {
	return []warctest.Record{
		warctest.Response("https://example.com/a", 200, "text/html; charset=utf-8", page),
		{Type: gowarc.Request, URI: "https://example.com/a", ContentType: "application/http;msgtype=request",
			Block: "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"},
		warctest.Response("https://example.com/logo.png", 200, "image/png", "\x89PNG\r\n\x1a\nxxxx"),
		warctest.Response("https://example.com/gone", 404, "text/html", "<html><body>Not found</body></html>"),
		{URI: "https://example.com/odd", ContentType: "text/plain", Block: "this is not an HTTP message"},
		warctest.Response("https://example.com/b", 200, "text/html", strings.Replace(page, "Istanbul", "Ankara", 1)),
	}
}

type result struct {
	resps []warc.Response
	errs  []error
}

func readAll(t *testing.T, path string, opt warc.Options) result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var res result
	for r, err := range warc.Responses(f, opt) {
		if err != nil {
			res.errs = append(res.errs, err)
			continue
		}
		res.resps = append(res.resps, r)
	}
	return res
}

func TestResponses(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "gzip"}[gz], func(t *testing.T) {
			path := warctest.Write(t, t.TempDir(), gz, sample()...)
			res := readAll(t, path, warc.Options{})
			// The request and warcinfo records are passed over; the record
			// with the wrong content type is an error; the rest are yielded.
			var uris []string
			for _, r := range res.resps {
				uris = append(uris, r.TargetURI)
			}
			want := "https://example.com/a https://example.com/logo.png https://example.com/gone https://example.com/b"
			if got := strings.Join(uris, " "); got != want {
				t.Errorf("responses %q, want %q", got, want)
			}
			if len(res.errs) != 1 {
				t.Fatalf("errors %v, want one for the text/plain record", res.errs)
			}
			if msg := res.errs[0].Error(); !strings.Contains(msg, "offset") || !strings.Contains(msg, "text/plain") {
				t.Errorf("error %q does not name the offset and the content type", msg)
			}
			if chronicle.ErrorCode(res.errs[0]) != chronicle.EINVALID {
				t.Errorf("error code %q", chronicle.ErrorCode(res.errs[0]))
			}
			if len(res.resps) < 4 {
				return
			}
			a := res.resps[0]
			if a.Status != 200 || a.ContentType != "text/html; charset=utf-8" || string(a.Body) != page {
				t.Errorf("first response: status %d, type %q, body %q", a.Status, a.ContentType, a.Body)
			}
			if !a.Date.Equal(time.Date(2025, 5, 16, 12, 0, 0, 0, time.UTC)) || a.RecordID == "" {
				t.Errorf("first response: date %v, id %q", a.Date, a.RecordID)
			}
			if res.resps[2].Status != 404 {
				t.Errorf("status %d, want 404", res.resps[2].Status)
			}
			if res.resps[1].Offset <= a.Offset || res.resps[3].Offset <= res.resps[2].Offset {
				t.Errorf("offsets not increasing: %d %d %d %d", a.Offset, res.resps[1].Offset, res.resps[2].Offset, res.resps[3].Offset)
			}
		})
	}
}

func TestResponsesTooLarge(t *testing.T) {
	big := strings.Repeat("<p>word</p>", 200)
	path := warctest.Write(t, t.TempDir(), true,
		warctest.Response("https://example.com/big", 200, "text/html", big),
		warctest.Response("https://example.com/small", 200, "text/html", page))
	res := readAll(t, path, warc.Options{MaxBytes: 1000})
	if len(res.resps) != 1 || res.resps[0].TargetURI != "https://example.com/small" {
		t.Errorf("responses %+v, want only the small one", res.resps)
	}
	if len(res.errs) != 1 || chronicle.ErrorCode(res.errs[0]) != chronicle.ETOOLARGE {
		t.Errorf("errors %v, want one ETOOLARGE", res.errs)
	}
}

// TestResponsesTruncated: a .warc.gz cut inside its last record gives the
// records before the cut, then one error naming the offset, then stops.
func TestResponsesTruncated(t *testing.T) {
	path := warctest.Write(t, t.TempDir(), true, sample()...)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	warctest.Truncate(t, path, fi.Size()-40)
	res := readAll(t, path, warc.Options{})
	if len(res.resps) != 3 {
		t.Errorf("%d responses before the cut, want 3", len(res.resps))
	}
	if len(res.errs) != 2 { // the text/plain record, then the cut
		t.Fatalf("errors %v, want 2", res.errs)
	}
	if msg := res.errs[1].Error(); !strings.Contains(msg, "offset") {
		t.Errorf("error %q does not name the offset", msg)
	}
}

func TestResponsesGarbage(t *testing.T) {
	for name, src := range map[string][]byte{
		"empty":    nil,
		"text":     []byte("hello, this is not a WARC file at all\n"),
		"gzip":     gzipBytes("not a warc inside"),
		"bad gzip": {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3},
		"header":   []byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"),
	} {
		t.Run(name, func(t *testing.T) {
			n := 0
			for _, err := range warc.Responses(bytes.NewReader(src), warc.Options{}) {
				if err == nil {
					t.Errorf("got a response from garbage")
				}
				n++
				if n > 25 {
					t.Fatal("no end to errors")
				}
			}
		})
	}
}

func gzipBytes(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestContentEncoding(t *testing.T) {
	body := gzipBytes(page)
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + string(body)
	chunked := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"10\r\n" + page[:16] + "\r\n" + strings.ToLower(strconvHex(len(page)-16)) + "\r\n" + page[16:] + "\r\n0\r\n\r\n"
	path := warctest.Write(t, t.TempDir(), false,
		warctest.Record{URI: "https://example.com/gz", Block: block},
		warctest.Record{URI: "https://example.com/chunked", Block: chunked})
	res := readAll(t, path, warc.Options{})
	if len(res.errs) > 0 {
		t.Fatal(res.errs)
	}
	for _, r := range res.resps {
		if string(r.Body) != page {
			t.Errorf("%s: body %q", r.TargetURI, r.Body)
		}
	}
}

func strconvHex(n int) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 16 {
		b = append([]byte{digits[n%16]}, b...)
	}
	return string(b)
}

// TestResponsesConcurrent: several files read at once (run with -race;
// gowarc itself touches a package-level flag when a reader is made).
func TestResponsesConcurrent(t *testing.T) {
	path := warctest.Write(t, t.TempDir(), true, sample()...)
	done := make(chan int, 4)
	for range 4 {
		go func() {
			f, err := os.Open(path)
			if err != nil {
				done <- -1
				return
			}
			defer f.Close()
			n := 0
			for _, err := range warc.Responses(f, warc.Options{}) {
				if err == nil {
					n++
				}
			}
			done <- n
		}()
	}
	for range 4 {
		if n := <-done; n != 4 {
			t.Errorf("%d responses, want 4", n)
		}
	}
}

// TestResponsesWholeFileGzip: a WARC gzipped as one stream (gzip file.warc)
// gives every record, like a per-record .warc.gz.
func TestResponsesWholeFileGzip(t *testing.T) {
	path := warctest.Write(t, t.TempDir(), false, sample()...)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, errs := 0, 0
	for _, err := range warc.Responses(bytes.NewReader(gzipBytes(string(b))), warc.Options{}) {
		if err != nil {
			errs++
		} else {
			n++
		}
	}
	if n != 4 || errs != 1 {
		t.Errorf("%d responses and %d errors, want 4 and 1", n, errs)
	}
}
