// Package warctest writes small WARC files for tests, with the same WARC
// library the warc package reads them with.
package warctest

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// Record describes one record to write.
type Record struct {
	Type        gowarc.RecordType // gowarc.Response when zero
	ID          string            // WARC-Record-ID without brackets; generated when empty
	URI         string            // WARC-Target-URI
	Date        time.Time         // WARC-Date; a fixed date when zero
	ContentType string            // WARC Content-Type; "application/http;msgtype=response" when empty
	Block       string            // the record block, e.g. an HTTP response
}

// Response is an Record holding an HTTP response with the given status,
// Content-Type header and body.
func Response(uri string, status int, contentType, body string) Record {
	return Record{
		URI: uri,
		Block: fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s",
			status, http.StatusText(status), contentType, len(body), body),
	}
}

// Write writes recs to a new WARC file in dir (gzip-compressed per record
// when gz is set) and returns its path. A warcinfo record comes first, as
// the library writes it.
func Write(t testing.TB, dir string, gz bool, recs ...Record) string {
	t.Helper()
	name := fmt.Sprintf("test-%d", time.Now().UnixNano())
	w := gowarc.NewWarcFileWriter(
		gowarc.WithCompression(gz),
		gowarc.WithMaxConcurrentWriters(1),
		gowarc.WithFileNameGenerator(&gowarc.PatternNameGenerator{Directory: dir, Pattern: name + ".%{ext}s"}),
		gowarc.WithRecordOptions(gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true)),
	)
	for i, r := range recs {
		typ := r.Type
		if typ == 0 {
			typ = gowarc.Response
		}
		b := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true))
		if _, err := b.WriteString(r.Block); err != nil {
			t.Fatal(err)
		}
		id := r.ID
		if id == "" {
			id = fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", i+1)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, "<"+id+">")
		date := r.Date
		if date.IsZero() {
			date = time.Date(2025, 5, 16, 12, 0, 0, 0, time.UTC)
		}
		b.AddWarcHeaderTime(gowarc.WarcDate, date)
		if r.URI != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.URI)
		}
		ct := r.ContentType
		if ct == "" {
			ct = "application/http;msgtype=response"
			if typ != gowarc.Response {
				ct = "application/warc-fields"
			}
		}
		b.AddWarcHeader(gowarc.ContentType, ct)
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("build record %d: %v", i, err)
		}
		for _, res := range w.Write(rec) {
			if res.Err != nil {
				t.Fatalf("write record %d: %v", i, res.Err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, name+"*"))
	for _, m := range matches {
		if !strings.HasSuffix(m, ".open") {
			return m
		}
	}
	t.Fatalf("no WARC file written in %s", dir)
	return ""
}

// Truncate cuts the file at path to its first n bytes.
func Truncate(t testing.TB, path string, n int64) {
	t.Helper()
	if err := os.Truncate(path, n); err != nil {
		t.Fatal(err)
	}
}
