package chronicle

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"
)

// DocumentID returns the content id of a text: the first 16 bytes of its
// SHA-256, in hex. The same text always gets the same id, so re-ingesting it
// adds nothing.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// Meta is what is known about a document besides its text.
type Meta struct {
	URL, Title, Source, Language string
	Published                    time.Time
}

// DefaultMaxBytes is the default limit on one document's size.
const DefaultMaxBytes = 16 << 20

// NewDocument checks and cleans raw text and returns a Document with no
// layers yet. name identifies the input in error messages.
//
// Binary input (NUL bytes, or mostly control characters) is refused with an
// EINVALID error; input above maxBytes (when maxBytes > 0) with ETOOLARGE.
// Invalid UTF-8 is repaired: each bad byte becomes U+FFFD and a Problem with
// its offset in the repaired text is recorded, so offsets stay valid.
func NewDocument(raw []byte, name string, meta Meta, maxBytes int) (*Document, error) {
	if maxBytes > 0 && len(raw) > maxBytes {
		return nil, Errorf(ETOOLARGE, "read "+name, "%d bytes is above the limit of %d bytes (raise it with --max-bytes)", len(raw), maxBytes)
	}
	if IsBinary(raw) {
		return nil, Errorf(EINVALID, "read "+name, "looks like a binary file, not text")
	}
	text, problems := RepairUTF8(raw)
	doc := &Document{
		ID:        DocumentID(text),
		URL:       meta.URL,
		Title:     meta.Title,
		Source:    meta.Source,
		Language:  meta.Language,
		Published: meta.Published,
		Text:      text,
		Problems:  problems,
	}
	if doc.Language == "" {
		doc.Language = "en"
	}
	return doc, nil
}

// IsBinary reports whether b looks like binary data rather than text: it
// holds a NUL byte, or more than 10% of its first 8 KiB are control bytes
// other than tab, newline, form feed and carriage return.
func IsBinary(b []byte) bool {
	n := len(b)
	if n > 8192 {
		n = 8192
	}
	ctl := 0
	for _, c := range b[:n] {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7f:
			ctl++
		}
	}
	return n > 0 && ctl*10 > n
}

// RepairUTF8 returns b as a valid UTF-8 string, replacing every invalid byte
// with U+FFFD, and one Problem per run of invalid bytes. Valid input is
// returned without copying twice.
func RepairUTF8(b []byte) (string, []Problem) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	var problems []Problem
	out := make([]byte, 0, len(b)+16)
	inBad := false
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if !inBad {
				problems = append(problems, Problem{Offset: len(out), Kind: "invalid-utf8",
					Message: "invalid UTF-8 replaced with U+FFFD"})
			}
			inBad = true
			out = append(out, "\uFFFD"...)
			i++
			continue
		}
		inBad = false
		out = append(out, b[i:i+size]...)
		i += size
	}
	return string(out), problems
}

// ReplacementProblems reports each run of U+FFFD in text as a Problem with
// the given message: for sources whose invalid bytes were replaced before
// the text was cut out of them (an HTML page, a feed item).
func ReplacementProblems(text, message string) []Problem {
	var out []Problem
	prev := -10
	for i := 0; ; {
		j := strings.IndexRune(text[i:], utf8.RuneError)
		if j < 0 {
			return out
		}
		at := i + j
		if at != prev+3 {
			out = append(out, Problem{Offset: at, Kind: "invalid-utf8", Message: message})
		}
		prev = at
		i = at + 3
	}
}
