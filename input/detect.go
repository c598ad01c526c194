package input

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"github.com/chronicle-news/chronicle/feed"
	"github.com/chronicle-news/chronicle/htmldoc"
)

// Format is an input format.
type Format uint8

// Formats Detect can return.
const (
	Text        Format = iota // plain text: one document
	HTML                      // one web page
	JSONL                     // JSON Lines: one document per line
	Feed                      // RSS, Atom or JSON Feed: one document per item
	WARC                      // WARC or WARC.gz: one document per HTML response
	Gzip                      // gzip around another format (not WARC)
	Unsupported               // recognised but not readable, e.g. a JSON document that is not JSON Lines
)

var formatNames = [...]string{"text", "html", "jsonl", "feed", "warc", "gzip", "unsupported"}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// sniffLen is how much of a stream Detect looks at.
const sniffLen = 4096

// Detect chooses the format of a file from its name and its first bytes
// (up to 4 KiB).
//
// Extensions decide first: .txt → Text; .html, .htm, .xhtml → HTML; .jsonl,
// .ndjson → JSONL; .rss, .atom → Feed; .warc, .warc.gz, .arc.gz → WARC;
// .xml → Feed; another .gz → Gzip. Without a known extension the content
// decides: a WARC header (plain or in a gzip member) → WARC, other gzip →
// Gzip, a JSON Feed → Feed, a JSON object on the first line → JSONL, other
// JSON → Unsupported, an <rss>, <feed> or <rdf:RDF> root → Feed, a doctype
// or <html>/<head>/<body> → HTML, anything else → Text.
func Detect(name string, head []byte) Format {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".warc.gz"), strings.HasSuffix(lower, ".warc"), strings.HasSuffix(lower, ".arc.gz"):
		return WARC
	case strings.HasSuffix(lower, ".gz"):
		if isGzip(head) && gzipHoldsWARC(head) {
			return WARC
		}
		return Gzip
	}
	switch filepath.Ext(lower) {
	case ".txt", ".text":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".jsonl", ".ndjson":
		return JSONL
	case ".rss", ".atom", ".xml":
		return Feed
	}
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return WARC
	case isGzip(head):
		if gzipHoldsWARC(head) {
			return WARC
		}
		return Gzip
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case looksLikeJSONFeed(t):
		return Feed
	case len(t) > 0 && (t[0] == '{' || t[0] == '['):
		if firstLineIsJSON(t) {
			return JSONL
		}
		return Unsupported
	case feed.Sniff(t):
		return Feed
	case htmldoc.Sniff(t):
		return HTML
	}
	return Text
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// gzipHoldsWARC reports whether the first gzip member in head starts with a
// WARC header.
func gzipHoldsWARC(head []byte) bool {
	return bytes.Contains(gunzipHead(head), []byte("WARC/"))
}

// firstLineIsJSON reports whether the first line of t is a whole JSON
// object, or runs past t (too long to tell: taken as JSON Lines).
func firstLineIsJSON(t []byte) bool {
	i := bytes.IndexByte(t, '\n')
	if i < 0 {
		return len(t) >= sniffLen-4 || json.Valid(t)
	}
	line := bytes.TrimSpace(t[:i])
	return len(line) > 0 && line[0] == '{' && json.Valid(line)
}

// looksLikeJSONFeed reports a JSON Feed (jsonfeed.org), which is one JSON
// document, not JSON Lines.
func looksLikeJSONFeed(t []byte) bool {
	line := t
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		line = t[:i]
	}
	return bytes.Contains(line[:min(len(line), 200)], []byte("jsonfeed.org/version")) ||
		(bytes.Equal(bytes.TrimSpace(line), []byte("{")) && bytes.Contains(t, []byte("jsonfeed.org/version")))
}

// gunzipHead decompresses what it can of the start of a gzip stream.
func gunzipHead(head []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return nil
	}
	var buf [64]byte
	n, _ := io.ReadFull(zr, buf[:])
	return buf[:n]
}
