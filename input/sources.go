package input

import (
	"bufio"
	"context"
	"io"
	"mime"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/feed"
	"github.com/chronicle-news/chronicle/htmldoc"
	"github.com/chronicle-news/chronicle/warc"
)

// readFeed reads an RSS, Atom or JSON feed: one article per item, its
// content or description turned from HTML into text.
func (r *Reader) readFeed(ctx context.Context, br *bufio.Reader, name string, yield func(Article, error) bool) bool {
	fix := &utf8Fixer{r: br}
	var src io.Reader = br
	if !declaresLegacyCharset(br) {
		src = fix
	}
	f, err := feed.Parse(src, r.MaxFeedBytes)
	if err != nil {
		return yield(Article{}, chronicle.Wrap(chronicle.ErrorCode(err), "read "+name, err))
	}
	max := r.maxBytes()
	for _, it := range f.Items {
		if err := ctx.Err(); err != nil {
			yield(Article{}, err)
			return false
		}
		at := name + "#item-" + strconv.Itoa(it.Index)
		var a Article
		var aerr error
		switch {
		case len(it.HTML) > max:
			aerr = chronicle.Errorf(chronicle.ETOOLARGE, "read "+at, "item of %d bytes is above the limit of %d bytes", len(it.HTML), max)
		default:
			text := htmldoc.FragmentText(it.HTML)
			if text == "" {
				// Title-and-link feeds are common: nothing is wrong.
				r.skip(at, "item has no text")
				continue
			}
			a = Article{
				Name:   at,
				Format: Feed,
				Meta: chronicle.Meta{
					URL:       it.Link,
					Title:     it.Title,
					Source:    f.Title,
					Language:  primaryLanguage(f.Language),
					Published: it.Published,
				},
				Byline: it.Author,
				Text:   []byte(text),
			}
			if fix.replaced > 0 {
				a.Problems = replacementProblems(text)
			}
		}
		if !yield(a, aerr) {
			return false
		}
	}
	return true
}

// declaresLegacyCharset reports whether an XML feed's declaration names an
// encoding other than UTF-8 (the parser then converts it itself).
func declaresLegacyCharset(br *bufio.Reader) bool {
	head, _ := br.Peek(256)
	s := strings.ToLower(string(head))
	if !strings.HasPrefix(strings.TrimLeft(s, "\ufeff \t\r\n"), "<?xml") {
		return false
	}
	end := strings.Index(s, "?>")
	if end < 0 {
		return false
	}
	i := strings.Index(s[:end], "encoding=")
	if i < 0 {
		return false
	}
	enc := strings.Trim(s[i+len("encoding="):end], ` "'`)
	if j := strings.IndexAny(enc, ` "'`); j >= 0 {
		enc = enc[:j]
	}
	return enc != "utf-8" && enc != "utf8" && enc != ""
}

// readWARC reads the HTML responses of a WARC file.
func (r *Reader) readWARC(ctx context.Context, br *bufio.Reader, name string, yield func(Article, error) bool) bool {
	for resp, err := range warc.Responses(br, warc.Options{MaxBytes: int64(r.maxBytes())}) {
		if cerr := ctx.Err(); cerr != nil {
			yield(Article{}, cerr)
			return false
		}
		if err != nil {
			if !yield(Article{}, chronicle.Wrap(chronicle.ErrorCode(err), "read "+name, err)) {
				return false
			}
			continue
		}
		at := name + "#" + resp.RecordID
		if resp.Status != 200 {
			r.skip(at, "HTTP status "+strconv.Itoa(resp.Status))
			continue
		}
		if !isHTMLResponse(resp) {
			r.skip(at, "not HTML: "+resp.ContentType)
			continue
		}
		a, err := htmlArticle(resp.Body, at, resp.TargetURI, resp.ContentType)
		if err != nil {
			err = chronicle.Wrap(chronicle.ErrorCode(err), "record at offset "+strconv.FormatInt(resp.Offset, 10), err)
		} else {
			a.Format = WARC
			if resp.TargetURI != "" {
				a.Meta.URL = resp.TargetURI
			}
			if a.Meta.Published.IsZero() {
				a.Meta.Published = resp.Date
			}
		}
		if !yield(a, err) {
			return false
		}
	}
	return true
}

// isHTMLResponse reports whether a response holds an HTML page: by its
// Content-Type, or by sniffing when it has none.
func isHTMLResponse(resp warc.Response) bool {
	if strings.TrimSpace(resp.ContentType) == "" {
		return htmldoc.Sniff(resp.Body)
	}
	mt, _, err := mime.ParseMediaType(resp.ContentType)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// utf8Fixer passes a byte stream through, replacing each invalid UTF-8
// byte with U+FFFD, and counts the replacements. It holds back at most 3
// bytes of a sequence split across reads.
type utf8Fixer struct {
	r        io.Reader
	in       [32 << 10]byte
	carry    int    // bytes of an incomplete sequence kept at the start of in
	out      []byte // repaired bytes not yet returned
	err      error  // the source's error, returned once out is drained
	replaced int
}

func (f *utf8Fixer) Read(p []byte) (int, error) {
	for len(f.out) == 0 {
		if f.err != nil {
			return 0, f.err
		}
		n, err := f.r.Read(f.in[f.carry:])
		n += f.carry
		f.carry = 0
		f.err = err
		f.out = f.fix(f.in[:n], err != nil)
	}
	k := copy(p, f.out)
	f.out = f.out[k:]
	return k, nil
}

// fix repairs b (a prefix of f.in) into a fresh slice; unless final, an
// incomplete sequence at its end is held back at the start of f.in for the
// next read.
func (f *utf8Fixer) fix(b []byte, final bool) []byte {
	var tail []byte
	if !final {
		for k := 1; k <= 3 && k <= len(b); k++ {
			c := b[len(b)-k]
			if c < utf8.RuneSelf {
				break
			}
			if utf8.RuneStart(c) {
				if !utf8.FullRune(b[len(b)-k:]) {
					tail = b[len(b)-k:]
					b = b[:len(b)-k]
				}
				break
			}
		}
	}
	out := make([]byte, 0, len(b)+16)
	if utf8.Valid(b) {
		out = append(out, b...)
	} else {
		for i := 0; i < len(b); {
			c, size := utf8.DecodeRune(b[i:])
			if c == utf8.RuneError && size <= 1 {
				out = append(out, "\uFFFD"...)
				f.replaced++
				i++
				continue
			}
			out = append(out, b[i:i+size]...)
			i += size
		}
	}
	f.carry = copy(f.in[:], tail)
	return out
}
