package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/htmldoc"
)

// jsonRecord is one line of a JSON Lines input. Either Text (plain text) or
// HTML (a page, run through htmldoc) must be present; the other fields are
// optional and override what the page itself declares.
type jsonRecord struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Byline    string `json:"byline"`
	Language  string `json:"language"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// lineLimit is the longest JSON line accepted for a document limit of max
// bytes: JSON escaping can make text several times longer.
func lineLimit(max int) int { return 4*max + 64<<10 }

// readJSONL streams a JSON Lines input, one article per non-blank line.
func (r *Reader) readJSONL(ctx context.Context, br *bufio.Reader, name string, yield func(Article, error) bool) bool {
	max := r.maxBytes()
	limit := lineLimit(max)
	var line []byte
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			yield(Article{}, err)
			return false
		}
		var tooLong bool
		var err error
		line, tooLong, err = readLine(br, line[:0], limit)
		at := name + ":" + strconv.Itoa(n)
		if err != nil && !errors.Is(err, io.EOF) {
			// A broken stream (truncated gzip, I/O error): the partial
			// line is not decoded.
			yield(Article{}, chronicle.Wrap(chronicle.EINVALID, "read "+at, fmt.Errorf("input truncated or unreadable: %w", err)))
			return false
		}
		if tooLong {
			if !yield(Article{}, chronicle.Errorf(chronicle.ETOOLARGE, "read "+at,
				"line longer than %d bytes skipped (raise the limit with --max-bytes)", limit)) {
				return false
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			a, aerr := jsonArticle(line, at, max)
			if !yield(a, aerr) {
				return false
			}
		}
		if err != nil { // io.EOF
			return true
		}
	}
}

// readLine reads one line into buf (without its newline). A line longer
// than limit is consumed and dropped, and tooLong is set. err is io.EOF
// after the last line.
func readLine(br *bufio.Reader, buf []byte, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > limit+1 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			return buf[:0], true, err
		}
		return bytes.TrimRight(buf, "\r\n"), false, err
	}
}

// jsonArticle decodes one JSON line into an article.
func jsonArticle(line []byte, at string, max int) (Article, error) {
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	repaired := false
	if !utf8.Valid(line) {
		s, _ := chronicle.RepairUTF8(line)
		line, repaired = []byte(s), true
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return Article{}, chronicle.Errorf(chronicle.EINVALID, "read "+at, "not a JSON object: %v", jsonErr(err))
	}
	var a Article
	switch {
	case rec.HTML != "":
		if len(rec.HTML) > max {
			return Article{}, chronicle.Errorf(chronicle.ETOOLARGE, "read "+at, "html of %d bytes is above the limit of %d bytes", len(rec.HTML), max)
		}
		var err error
		if a, err = htmlArticle([]byte(rec.HTML), at, rec.URL, "text/html; charset=utf-8"); err != nil {
			return Article{}, err
		}
	case rec.Text != "":
		if len(rec.Text) > max {
			return Article{}, chronicle.Errorf(chronicle.ETOOLARGE, "read "+at, "text of %d bytes is above the limit of %d bytes", len(rec.Text), max)
		}
		a = Article{Name: at, Format: JSONL, Text: []byte(rec.Text)}
		if repaired {
			a.Problems = replacementProblems(rec.Text)
		}
	default:
		return Article{}, chronicle.Errorf(chronicle.EINVALID, "read "+at, `no "text" or "html" field`)
	}
	a.Format = JSONL
	a.Meta.URL = firstNonEmpty(rec.URL, a.Meta.URL)
	a.Meta.Title = firstNonEmpty(rec.Title, a.Meta.Title)
	a.Meta.Source = firstNonEmpty(rec.Source, a.Meta.Source)
	a.Meta.Language = firstNonEmpty(primaryLanguage(rec.Language), a.Meta.Language)
	a.Byline = firstNonEmpty(rec.Byline, a.Byline)
	if rec.Published != "" {
		if t, ok := htmldoc.ParseTime(rec.Published); ok {
			a.Meta.Published = t
		} else {
			a.Problems = append(a.Problems, chronicle.Problem{Kind: "bad-date",
				Message: fmt.Sprintf("published date %q not understood", rec.Published)})
		}
	}
	return a, nil
}

// jsonErr shortens encoding/json's errors to what a user needs.
func jsonErr(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%v at byte %d", se, se.Offset)
	}
	return err
}
