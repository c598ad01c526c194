package input_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/input"
)

// checkStream reads src as name and checks the invariants every input must
// keep: no panic, no hang, valid UTF-8 text within the size limit, problem
// offsets inside the text, and a bounded number of results.
func checkStream(t *testing.T, src []byte, name string) {
	const max = 1 << 16
	r := &input.Reader{MaxBytes: max, MaxFeedBytes: 1 << 20}
	done := make(chan struct{})
	go func() {
		defer close(done)
		n := 0
		for a, err := range r.ReadStream(context.Background(), bytes.NewReader(src), name) {
			if n++; n > 2+len(src) {
				t.Errorf("%d results from %d bytes", n, len(src))
				return
			}
			if err != nil {
				continue
			}
			if !utf8.Valid(a.Text) {
				t.Errorf("%s: invalid UTF-8 text", a.Name)
			}
			for _, p := range a.Problems {
				if p.Offset < 0 || p.Offset > len(a.Text) {
					t.Errorf("%s: problem offset %d outside %d bytes", a.Name, p.Offset, len(a.Text))
				}
			}
		}
	}()
	// The fuzzer never times out one input: a hang fails here, keeping it.
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("no end after 5s on %d bytes: %.200q", len(src), src)
	}
}

// FuzzJSONL fuzzes the JSON Lines reader.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"url":"https://j.example/1","title":"One","published":"2025-05-16","text":"First."}` + "\n" + `{"html":"<p>x</p>"}`,
		"{\"text\":\"caf\xe9\"}\n\n{bad\n",
		`{"text":1}`, `[]`, `{"text":"a"}` + "\r\n" + `{"text":"b"}`,
		"\ufeff{\"text\":\"bom\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkStream(t, data, "fuzz.jsonl") })
}

// FuzzSniffed fuzzes format detection and every reader behind it, with the
// format chosen from the content alone.
func FuzzSniffed(f *testing.F) {
	for _, s := range []string{article, page, rss, atomFeed, `{"text":"x"}`, gz(`{"text":"x"}`), gz("WARC/1.1\r\n"),
		"WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 4\r\n\r\nHTTP\r\n\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkStream(t, data, "fuzz") })
}

// FuzzFeedRepair fuzzes the feed path, including the streaming UTF-8
// repair in front of the XML parser.
func FuzzFeedRepair(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(strings.Replace(rss, "Friday", "Fr\xe9day \xf0\x9f", 1)))
	f.Add([]byte(atomFeed))
	f.Fuzz(func(t *testing.T, data []byte) { checkStream(t, data, "fuzz.xml") })
}
