package feed_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/feed"
)

// FuzzParse: any input gives a feed or an error, never a panic; items are
// numbered in order.
func FuzzParse(f *testing.F) {
	for _, s := range []string{rss2, atom, rss2[:len(rss2)/2], `<rss><channel><item><title>x`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"j","items":[{"id":"1","content_html":"<p>x</p>"}]}`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>caf\xe9</title></item></channel></rss>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchdog(t, data, func() {
			fd, err := feed.Parse(bytes.NewReader(data), 1<<20)
			if err != nil {
				return
			}
			for i, it := range fd.Items {
				if it.Index <= i {
					t.Errorf("item %d has index %d", i, it.Index)
				}
			}
		})
	})
}

// watchdog runs fn and fails, keeping the input, when it takes more than
// 5 seconds: the fuzzer itself never times out a single input.
func watchdog(t *testing.T, data []byte, fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("no result after 5s on %d bytes: %.200q", len(data), data)
	}
}
