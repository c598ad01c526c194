package warc_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/warc"
	"github.com/chronicle-news/chronicle/warc/warctest"
)

// FuzzResponses: any byte stream gives responses or errors, never a panic or
// a hang, and every yielded response respects the size limit.
func FuzzResponses(f *testing.F) {
	dir := f.TempDir()
	for _, gz := range []bool{false, true} {
		b, err := os.ReadFile(warctest.Write(f, dir, gz, sample()...))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Add([]byte{})
	const max = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			n := 0
			for r, err := range warc.Responses(bytes.NewReader(data), warc.Options{MaxBytes: max}) {
				if err == nil && len(r.Body) > max {
					t.Errorf("body of %d bytes above the limit", len(r.Body))
				}
				if n++; n > 1+len(data) {
					t.Errorf("%d results from %d bytes", n, len(data))
					return
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("no end after 5s on %d bytes: %.200q", len(data), data)
		}
	})
}
