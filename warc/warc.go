// Package warc reads the HTTP responses stored in WARC files: plain,
// gzip-compressed per record (as Common Crawl News publishes them) or
// gzipped whole. It is Chronicle's only user of github.com/nlnwa/gowarc.
package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http/httputil"
	"strings"
	"sync"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/chronicle-news/chronicle"
)

// Response is one HTTP response record.
type Response struct {
	RecordID    string    // WARC-Record-ID without its angle brackets
	Offset      int64     // byte offset of the record in the WARC data (uncompressed, for a .warc.gz)
	TargetURI   string    // WARC-Target-URI
	Date        time.Time // WARC-Date: when the page was fetched; zero if missing
	Status      int       // HTTP status code
	ContentType string    // HTTP Content-Type header
	// Body is the HTTP payload with chunked transfer coding and gzip or
	// deflate content coding undone.
	Body []byte
}

// Options control reading. The zero value is usable.
type Options struct {
	// MaxBytes is the largest payload read, before and after decoding
	// (chronicle.DefaultMaxBytes when <= 0). Larger records are skipped
	// with an ETOOLARGE error.
	MaxBytes int64
}

// maxConsecutiveErrors stops reading a file that yields nothing but errors
// (a file that is not WARC at all, or is corrupt past recovery).
const maxConsecutiveErrors = 20

// Responses returns an iterator over the HTTP response records of the WARC
// stream r, in file order. Records of other types (warcinfo, request,
// metadata, revisit, ...) are passed over silently.
//
// A bad record (one without a known WARC-Type, a response whose WARC
// Content-Type is not application/http,
// a malformed HTTP block, a payload above Options.MaxBytes, an undecodable
// content coding) is yielded as an error naming its offset and record id,
// and reading goes on with the next record. When the stream itself breaks
// (a truncated gzip member, an I/O error, garbage where a record should
// start) the error is yielded with the offset reached and the iteration
// ends. Every error is a *chronicle.Error (EINVALID or ETOOLARGE).
//
// Payloads above 1 MiB are buffered in temporary files by gowarc, not in
// memory; only Response.Body (at most MaxBytes) is held. Responses may be
// used from many goroutines at once, each with its own stream.
func Responses(r io.Reader, opt Options) iter.Seq2[Response, error] {
	max := opt.MaxBytes
	if max <= 0 {
		max = chronicle.DefaultMaxBytes
	}
	return func(yield func(Response, error) bool) {
		// gowarc reads per-record gzip members itself but stops after the
		// first record of a file gzipped whole (gzip file.warc): undo any
		// gzip here, member after member, so both layouts give every record.
		br := bufio.NewReader(r)
		var src io.Reader = br
		if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			zr, err := gzip.NewReader(br)
			if err != nil {
				yield(Response{}, chronicle.Wrap(chronicle.EINVALID, "warc", fmt.Errorf("gzip: %w", err)))
				return
			}
			defer zr.Close()
			src = zr
		}
		wf, err := newReader(src)
		if err != nil {
			yield(Response{}, chronicle.Wrap(chronicle.EINVALID, "warc", err))
			return
		}
		defer wf.Close()
		lastErrOffset, errs := int64(-1), 0
		for {
			rec, err := wf.Next()
			if err != nil {
				if rec.WarcRecord != nil {
					rec.Close()
				}
				if errors.Is(err, io.EOF) && rec.Size == 0 {
					return
				}
				stuck := rec.Offset == lastErrOffset
				lastErrOffset = rec.Offset
				errs++
				e := chronicle.Errorf(chronicle.EINVALID, "warc", "record at offset %d", rec.Offset)
				e.Err = err
				if !yield(Response{}, e) || stuck || errs >= maxConsecutiveErrors || fatal(err) {
					return
				}
				continue
			}
			errs = 0
			resp, ok, err := response(rec, max)
			rec.Close()
			if err != nil {
				if !yield(Response{}, err) {
					return
				}
				continue
			}
			if ok && !yield(resp, nil) {
				return
			}
		}
	}
}

// newReaderMu serialises the creation of gowarc readers: gowarc sets a
// package-level flag of github.com/google/uuid (EnableRandPool) each time it
// builds its options, a data race when two files are opened at once.
var newReaderMu sync.Mutex

func newReader(r io.Reader) (*gowarc.WarcFileReader, error) {
	newReaderMu.Lock()
	defer newReaderMu.Unlock()
	return gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(1<<20))
}

// fatal reports errors after which the stream cannot be resynchronised.
func fatal(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) ||
		errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.EOF) || errors.Is(err, gowarc.ErrNoRecord)
}

// response converts a record; ok is false for records that are not
// responses.
func response(rec gowarc.Record, max int64) (Response, bool, error) {
	wr := rec.WarcRecord
	id := strings.Trim(wr.RecordId(), "<>")
	recErr := func(code, format string, args ...any) error {
		return chronicle.Errorf(code, "warc", "record %s at offset %d: %s", id, rec.Offset, fmt.Sprintf(format, args...))
	}
	if wr.Type() == 0 {
		return Response{}, false, recErr(chronicle.EINVALID, "no known WARC-Type (%q)", wr.WarcHeader().Get(gowarc.WarcType))
	}
	if wr.Type() != gowarc.Response {
		return Response{}, false, nil
	}
	h := wr.WarcHeader()
	if ct := strings.ToLower(h.Get(gowarc.ContentType)); !strings.HasPrefix(ct, "application/http") {
		return Response{}, false, recErr(chronicle.EINVALID, "response record with content type %q, not application/http", h.Get(gowarc.ContentType))
	}
	if n, err := wr.ContentLength(); err == nil && n > max {
		return Response{}, false, recErr(chronicle.ETOOLARGE, "%d bytes is above the limit of %d bytes", n, max)
	}
	block, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok || block.HttpHeader() == nil {
		return Response{}, false, recErr(chronicle.EINVALID, "malformed HTTP response block")
	}
	resp := Response{
		RecordID:    id,
		Offset:      rec.Offset,
		TargetURI:   strings.Trim(h.Get(gowarc.WarcTargetURI), "<>"),
		Status:      block.HttpStatusCode(),
		ContentType: block.HttpHeader().Get("Content-Type"),
	}
	if d, err := time.Parse(time.RFC3339Nano, h.Get(gowarc.WarcDate)); err == nil {
		resp.Date = d
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return Response{}, false, recErr(chronicle.EINVALID, "read payload: %v", err)
	}
	hdr := block.HttpHeader()
	// net/http moves Transfer-Encoding out of the parsed header: read it raw.
	if strings.Contains(strings.ToLower(rawHeader(block.ProtocolHeaderBytes(), "transfer-encoding")), "chunked") {
		payload = httputil.NewChunkedReader(payload)
	}
	body, err := readMax(payload, max)
	if err != nil {
		code := chronicle.EINVALID
		if errors.Is(err, errTooLarge) {
			code = chronicle.ETOOLARGE
		}
		return Response{}, false, recErr(code, "payload: %v", err)
	}
	if body, err = decodeContent(body, hdr.Get("Content-Encoding"), max); err != nil {
		code := chronicle.EINVALID
		if errors.Is(err, errTooLarge) {
			code = chronicle.ETOOLARGE
		}
		return Response{}, false, recErr(code, "content encoding: %v", err)
	}
	resp.Body = body
	return resp, true, nil
}

// rawHeader returns the value of the first header line called name
// (lower-case) in raw HTTP header bytes.
func rawHeader(hb []byte, name string) string {
	for line := range strings.SplitSeq(string(hb), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

var errTooLarge = errors.New("above the size limit")

// readMax reads all of r, failing with errTooLarge past max bytes.
func readMax(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w of %d bytes", errTooLarge, max)
	}
	return b, nil
}

// decodeContent undoes gzip or deflate content coding. Archives often store
// the payload already decoded while keeping the header, so the body is only
// decoded when it starts like the coding says.
func decodeContent(body []byte, coding string, max int64) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(coding)) {
	case "gzip", "x-gzip":
		if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
			return body, nil
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		return readMax(zr, max)
	case "deflate":
		b, err := readMax(flate.NewReader(bytes.NewReader(body)), max)
		if err != nil {
			return body, nil // stored decoded, or zlib-wrapped: keep as is
		}
		return b, nil
	}
	return body, nil
}
