// Package input reads articles from the outside world: plain text, HTML
// pages, JSON Lines, RSS/Atom feeds and WARC archives, one file, a whole
// directory tree or a stream. Each article comes out as plain text plus the
// metadata the source gave (URL, title, publisher, publication date), ready
// for chronicle.NewDocument.
//
// Reading is tolerant: a bad document is reported, with its position, as an
// error from the iterator and reading goes on with the next one; only the
// context's end stops it early. Formats that hold many documents (JSON Lines,
// feeds, WARC) are streamed, never read whole into memory.
//
// The formats themselves live in their own packages: htmldoc (HTML), feed
// (RSS/Atom/JSON Feed), warc (WARC); JSON Lines needs only the standard
// library and is read here.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/htmldoc"
)

// Article is one document read from an input, before analysis.
type Article struct {
	// Name identifies the article in messages and provenance: the file
	// path, "path:LINE" for a JSON line, "path#item-N" for a feed item,
	// "path#RECORD-ID" for a WARC record ("-" stands for standard input).
	Name   string
	Format Format
	Meta   chronicle.Meta // URL, Title, Source, Language, Published, as far as known
	Byline string         // author line, when the source gave one

	// Text is the article's plain text, valid UTF-8, paragraphs separated
	// by blank lines (for HTML sources).
	Text []byte

	// Problems are recoverable trouble found while reading, as offsets into
	// Text (repaired encoding, a page with no article body, an unparsable
	// date at offset 0).
	Problems []chronicle.Problem
}

// Document returns the article as a chronicle.Document carrying the
// article's problems. It fails as chronicle.NewDocument does (EINVALID for
// binary text, ETOOLARGE above maxBytes when maxBytes > 0).
func (a *Article) Document(maxBytes int) (*chronicle.Document, error) {
	doc, err := chronicle.NewDocument(a.Text, a.Name, a.Meta, maxBytes)
	if err != nil {
		return nil, err
	}
	doc.Problems = slices.Concat(a.Problems, doc.Problems)
	return doc, nil
}

// Reader reads inputs. Its fields are settings: set them before the first
// read and not after. A Reader is safe for concurrent use; the zero value
// reads with the default limits.
type Reader struct {
	// MaxBytes is the largest single document, in bytes of source (a text
	// file, an HTML page, a JSON line's text, a WARC payload). Larger ones
	// are skipped with an ETOOLARGE error. Zero means
	// chronicle.DefaultMaxBytes.
	MaxBytes int

	// MaxFeedBytes is the largest feed file. Zero means feed.DefaultMaxBytes.
	MaxFeedBytes int64

	// Skipped, when set, is told about documents passed over on purpose
	// rather than for being bad: WARC records that are not HTML or not
	// HTTP 200, feed items without text, hidden files in a directory. It may be called from the
	// goroutine ranging over the iterator only.
	Skipped func(name, reason string)
}

// Read reads path with the default settings. See Reader.Read.
func Read(ctx context.Context, path string) iter.Seq2[Article, error] {
	return (&Reader{}).Read(ctx, path)
}

// ReadStream reads one stream with the default settings. See
// Reader.ReadStream.
func ReadStream(ctx context.Context, rd io.Reader, name string) iter.Seq2[Article, error] {
	return (&Reader{}).ReadStream(ctx, rd, name)
}

func (r *Reader) maxBytes() int {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return chronicle.DefaultMaxBytes
}

func (r *Reader) skip(name, reason string) {
	if r.Skipped != nil {
		r.Skipped(name, reason)
	}
}

// Read returns an iterator over the articles in path: a file of any
// supported format, "-" for standard input, or a directory, walked
// recursively in lexical order (names starting with "." are passed over,
// symbolic links to files are followed, links to directories are not).
// The format of each file is
// chosen by its extension and, when that says nothing, by its content; see
// Detect. A ".gz" file other than a WARC is decompressed first and its inner
// name decides.
//
// Errors are yielded, never returned: each is a *chronicle.Error whose
// message names the file and the position (line, item, record offset) of the
// bad document, after which the iterator goes on. A file that cannot be read
// at all is one error naming the file. When ctx is done the iterator yields
// ctx.Err() once and stops. Breaking out of the loop closes every file.
func (r *Reader) Read(ctx context.Context, path string) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		if path == "-" {
			if err := ctx.Err(); err != nil {
				yield(Article{}, err)
				return
			}
			r.readStream(ctx, os.Stdin, "-", 0, yield)
			return
		}
		fi, err := os.Stat(path)
		if err != nil {
			yield(Article{}, openError(path, err))
			return
		}
		if !fi.IsDir() {
			r.readFile(ctx, path, yield)
			return
		}
		walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				if !yield(Article{}, openError(p, err)) {
					return errStop
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != path && strings.HasPrefix(d.Name(), ".") {
				r.skip(p, "hidden")
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if strings.HasSuffix(d.Name(), sidecarSuffix) {
				r.skip(p, "metadata of the article beside it")
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Follow links to files (not to directories: no cycles).
				if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			if !r.readFile(ctx, p, yield) {
				return errStop
			}
			return nil
		})
		if walkErr != nil && !errors.Is(walkErr, errStop) {
			yield(Article{}, walkErr)
		}
	}
}

// errStop ends a directory walk when the consumer stops iterating.
var errStop = errors.New("stop")

func openError(name string, err error) error {
	code := chronicle.EINVALID
	if errors.Is(err, fs.ErrNotExist) {
		code = chronicle.ENOTFOUND
	}
	return chronicle.Wrap(code, "read "+name, err)
}

// readFile reads one file and reports whether the consumer wants more.
func (r *Reader) readFile(ctx context.Context, path string, yield func(Article, error) bool) bool {
	if err := ctx.Err(); err != nil {
		yield(Article{}, err)
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(Article{}, openError(path, err))
	}
	defer f.Close()
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	if meta, problem, ok := Sidecar(path); ok {
		inner := yield
		yield = func(a Article, err error) bool {
			if err == nil {
				FillMeta(&a.Meta, meta)
				if problem != nil {
					a.Problems = append(a.Problems, *problem)
				}
			}
			return inner(a, err)
		}
	}
	return r.readStream(ctx, f, path, size, yield)
}

// sidecarSuffix names the metadata file that may sit beside an article:
// "talks.txt" → "talks.meta.json".
const sidecarSuffix = ".meta.json"

// maxSidecar bounds a metadata file; it holds a few short fields.
const maxSidecar = 64 << 10

// Sidecar reads the metadata file beside path, if there is one: a JSON
// object with any of url, title, source, language and published
// (YYYY-MM-DD or RFC 3339). ok is false when there is none or path is
// itself one. A malformed file gives a problem, not an error: the article
// is still read.
func Sidecar(path string) (meta chronicle.Meta, problem *chronicle.Problem, ok bool) {
	if strings.HasSuffix(path, sidecarSuffix) {
		return meta, nil, false
	}
	side := strings.TrimSuffix(path, filepath.Ext(path)) + sidecarSuffix
	f, err := os.Open(side)
	if err != nil {
		return meta, nil, false
	}
	defer f.Close()
	var rec struct {
		URL, Title, Source, Language, Published string
	}
	bad := func(msg string) *chronicle.Problem {
		return &chronicle.Problem{Kind: "bad-metadata", Message: side + ": " + msg}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSidecar+1))
	switch {
	case err != nil:
		return meta, bad(err.Error()), true
	case len(data) > maxSidecar:
		return meta, bad("larger than 64 KiB, ignored"), true
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return meta, bad("not a JSON object: " + err.Error()), true
	}
	meta = chronicle.Meta{URL: rec.URL, Title: rec.Title, Source: rec.Source, Language: primaryLanguage(rec.Language)}
	if rec.Published != "" {
		t, ok := htmldoc.ParseTime(rec.Published)
		if !ok {
			return meta, bad(fmt.Sprintf("published date %q not understood", rec.Published)), true
		}
		meta.Published = t
	}
	return meta, nil, true
}

// FillMeta sets the fields of m that are empty from side.
func FillMeta(m *chronicle.Meta, side chronicle.Meta) {
	m.URL = firstNonEmpty(m.URL, side.URL)
	m.Title = firstNonEmpty(m.Title, side.Title)
	m.Source = firstNonEmpty(m.Source, side.Source)
	m.Language = firstNonEmpty(m.Language, side.Language)
	if m.Published.IsZero() {
		m.Published = side.Published
	}
}

// ReadStream returns an iterator over the articles in one stream, such as
// standard input, named name in messages ("-" by convention for stdin). The
// format is detected from name's extension, if any, and the content. Errors
// and cancellation are handled as in Read.
func (r *Reader) ReadStream(ctx context.Context, rd io.Reader, name string) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(Article{}, err)
			return
		}
		r.readStream(ctx, rd, name, 0, yield)
	}
}

// readStream reads one stream; size, when known and positive, is its size
// in bytes (a hint for one-document formats).
func (r *Reader) readStream(ctx context.Context, rd io.Reader, name string, size int64, yield func(Article, error) bool) bool {
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return yield(Article{}, chronicle.Wrap(chronicle.EINVALID, "read "+name, err))
	}
	format := Detect(name, head)
	if format == Gzip {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(Article{}, chronicle.Wrap(chronicle.EINVALID, "read "+name, fmt.Errorf("gzip: %w", err)))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
		head, err = br.Peek(sniffLen)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return yield(Article{}, chronicle.Wrap(chronicle.EINVALID, "read "+name, fmt.Errorf("gzip: %w", err)))
		}
		size = 0 // compressed size: no hint for the content
		format = Detect(strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ"), head)
		if format == Gzip {
			return yield(Article{}, chronicle.Errorf(chronicle.EUNSUPPORTED, "read "+name, "gzip inside gzip"))
		}
	}
	switch format {
	case Unsupported:
		return yield(Article{}, chronicle.Errorf(chronicle.EUNSUPPORTED, "read "+name,
			"JSON that is not JSON Lines (one object per line) nor a JSON Feed"))
	case WARC:
		return r.readWARC(ctx, br, name, yield)
	case JSONL:
		return r.readJSONL(ctx, br, name, yield)
	case Feed:
		return r.readFeed(ctx, br, name, yield)
	case HTML:
		src, err := r.readAll(br, name, size)
		if err != nil {
			return yield(Article{}, err)
		}
		a, err := htmlArticle(src, name, "", "")
		return yield(a, err)
	default:
		src, err := r.readAll(br, name, size)
		if err != nil {
			return yield(Article{}, err)
		}
		a, err := textArticle(src, name)
		return yield(a, err)
	}
}

// readAll reads a one-document stream, refusing it past MaxBytes without
// reading further (or at all, when its size is known).
func (r *Reader) readAll(rd io.Reader, name string, size int64) ([]byte, error) {
	max := r.maxBytes()
	if size > int64(max) {
		return nil, chronicle.Errorf(chronicle.ETOOLARGE, "read "+name,
			"document above the limit of %d bytes (raise it with --max-bytes)", max)
	}
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(rd, int64(max)+1))
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, "read "+name, err)
	}
	b := buf.Bytes()
	if len(b) > max {
		return nil, chronicle.Errorf(chronicle.ETOOLARGE, "read "+name,
			"document above the limit of %d bytes (raise it with --max-bytes)", max)
	}
	return b, nil
}

// textArticle makes an article of a plain-text document.
func textArticle(src []byte, name string) (Article, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return Article{}, chronicle.Errorf(chronicle.EINVALID, "read "+name, "empty document")
	}
	if chronicle.IsBinary(src) {
		return Article{}, chronicle.Errorf(chronicle.EINVALID, "read "+name, "looks like a binary file, not text")
	}
	text, problems := chronicle.RepairUTF8(src)
	return Article{Name: name, Format: Text, Text: []byte(text), Problems: problems}, nil
}

// htmlArticle extracts an article from an HTML page.
func htmlArticle(src []byte, name, pageURL, contentType string) (Article, error) {
	page, err := htmldoc.Extract(src, pageURL, contentType)
	if err != nil {
		return Article{}, chronicle.Wrap(chronicle.ErrorCode(err), "read "+name, err)
	}
	return Article{
		Name:   name,
		Format: HTML,
		Meta: chronicle.Meta{
			URL:       page.URL,
			Title:     page.Title,
			Source:    firstNonEmpty(page.SiteName, page.Byline),
			Language:  primaryLanguage(page.Language),
			Published: page.Published,
		},
		Byline:   page.Byline,
		Text:     []byte(page.Text),
		Problems: page.Problems,
	}, nil
}

// primaryLanguage returns the lower-cased primary subtag of a language tag
// ("en-US" → "en"), or "" for an empty or odd tag.
func primaryLanguage(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	return strings.ToLower(tag)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// replacementProblems reports each run of U+FFFD in text.
func replacementProblems(text string) []chronicle.Problem {
	return chronicle.ReplacementProblems(text, "invalid UTF-8 replaced with U+FFFD")
}
