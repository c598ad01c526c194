// Package chronicle holds Chronicle's domain types: the Document that flows
// through every stage, the records the stages add to it, the Stage and
// Pipeline that run them, and the error type shared by all packages.
//
// Offsets inside a Document are byte offsets into Document.Text. Output
// formats (see docs/schema.md) convert them to Unicode code-point offsets.
package chronicle

import (
	"time"
)

// Document is one article: its original text, byte for byte, plus metadata and
// every annotation layer the pipeline has added. Layers refer to the text by
// byte offsets and to tokens by index; nothing copies the text.
type Document struct {
	ID        string    // content hash of Text (see DocumentID)
	URL       string    // where the article came from, if known
	Title     string    // headline, if known
	Source    string    // publisher or feed name, if known
	Language  string    // BCP 47 tag; "en" by default
	Published time.Time // document creation time (DCT); zero when unknown

	Text string

	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Paragraph

	Entities []Entity
	Actors   []Actor
	Timexes  []Timex
	Quotes   []Quote
	Events   []Event

	// Relevance is the probability that the article reports politics,
	// diplomacy or conflict (package relevance); nil when not judged, as
	// for a text too short to tell.
	Relevance *float64

	// Problems lists recoverable trouble found while reading or analysing
	// the document (repaired encoding, skipped markup, ...). They never stop
	// the pipeline.
	Problems []Problem
}

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// TokenRange is a half-open range [Start, End) of token indices.
type TokenRange struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of tokens in the range.
func (r TokenRange) Len() int { return r.End - r.Start }

// TokenFlag holds per-token booleans packed into one byte.
type TokenFlag uint8

const (
	// SpaceAfter: whitespace follows the token in the text.
	SpaceAfter TokenFlag = 1 << iota
	// JoinNext: this token and the next are syntactic words of one surface
	// token (a UD multiword token such as "don't" → "do" "n't").
	JoinNext
)

// Token is one syntactic word. Start/End are byte offsets into the text, so
// Text[Start:End] is the token's form; the text between tokens is exactly the
// whitespace (or skipped bytes) that separated them.
//
// Grammar fields are empty until the tagger and parser have run: Deprel == ""
// means "not parsed", and Head is then meaningless.
type Token struct {
	Start, End int32
	Flags      TokenFlag

	UPOS   string // Universal POS tag
	XPOS   string // Penn Treebank tag
	Lemma  string
	Head   int32  // document-wide index of the head token; -1 for a sentence root
	Deprel string // UD basic relation
}

// Span returns the token's byte range.
func (t *Token) Span() Span { return Span{int(t.Start), int(t.End)} }

// Has reports whether all bits of f are set.
func (t *Token) Has(f TokenFlag) bool { return t.Flags&f == f }

// Sentence is a range of tokens.
type Sentence struct {
	Tokens    TokenRange
	Paragraph int // index into Document.Paragraphs
}

// Paragraph is a range of tokens (and so of whole sentences).
type Paragraph struct {
	Tokens TokenRange
}

// Form returns the text of token i.
func (d *Document) Form(i int) string {
	t := &d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// RangeSpan returns the byte span covered by a token range; an empty range
// gives an empty span at the position of its start token (or the text end).
func (d *Document) RangeSpan(r TokenRange) Span {
	if r.Len() <= 0 {
		if r.Start < len(d.Tokens) {
			p := int(d.Tokens[r.Start].Start)
			return Span{p, p}
		}
		return Span{len(d.Text), len(d.Text)}
	}
	return Span{int(d.Tokens[r.Start].Start), int(d.Tokens[r.End-1].End)}
}

// SpanText returns the text of a span.
func (d *Document) SpanText(s Span) string { return d.Text[s.Start:s.End] }

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Document) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		r := d.Sentences[m].Tokens
		switch {
		case i < r.Start:
			hi = m
		case i >= r.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Problem is a recoverable issue found at a byte offset of the text.
type Problem struct {
	Offset  int    `json:"offset"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}
