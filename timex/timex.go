// Package timex recognizes time expressions in news text and normalizes
// them to TIMEX3 values (TimeML): DATE, TIME, DURATION and SET, with the
// modifiers the text states, anchored on the document creation time (DCT).
//
// Recognition is a hand-written grammar over words found by a byte scanner;
// there are no regular expressions, every rule looks a bounded number of
// words ahead, and the work is linear in the length of the text. The words
// it knows (month and weekday names, units, number words, modifiers) are
// data, in lexicon.go.
//
// Values that depend on the DCT ("Friday", "last week", "two years ago")
// are resolved against doc.Published; when that is zero the recognizer looks
// for a dateline date at the top of the text, and otherwise leaves such
// values undetermined (XXXX-XX-XX, XXXX-WXX) with Anchor "none" and a low
// confidence. Weekday names and months without a year are resolved with the
// tense of their clause: from the tagger's XPOS when doc.Tokens carry tags,
// else from the words around them.
package timex

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/chronicle-news/chronicle"
)

// Anchors (Timex.Anchor): what a value was resolved against.
const (
	AnchorText     = "text"     // the text states the value in full (a year, a date, a duration)
	AnchorDCT      = "dct"      // the document creation time (doc.Published)
	AnchorDateline = "dateline" // a date found at the top of the text, used as DCT
	AnchorNone     = "none"     // needed a DCT and none was known: the value is undetermined
)

// Recognizer is the time-expression stage. It is safe for concurrent use.
type Recognizer struct {
	pool sync.Pool
}

// New returns a Recognizer.
func New() *Recognizer {
	return &Recognizer{pool: sync.Pool{New: func() any { return new(scratch) }}}
}

// scratch is the per-call memory: the word window and value buffer.
type scratch struct {
	words []word
	buf   []byte
	p     parser
	toks  []chronicle.Token
}

// chunk is the number of words scanned at a time; ctxWords of them are kept
// from one window to the next so that rules can look back and ahead.
const (
	chunk    = 4096
	ctxWords = 24
)

// Process fills doc.Timexes with the time expressions of doc.Text, replacing
// any already there. It uses doc.Published as the DCT, or a dateline date
// when that is zero. When doc.Tokens are present each Timex gets its token
// range, and tags, when present, decide the tense of weekday names. It
// returns an error only when ctx is done.
func (r *Recognizer) Process(ctx context.Context, doc *chronicle.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	dct, anchor := doc.Published, AnchorDCT
	if dct.IsZero() {
		if t, ok := Dateline(doc.Text); ok {
			dct, anchor = t, AnchorDateline
		}
	}
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	s.toks = doc.Tokens
	doc.Timexes = r.find(ctx, s, doc.Text, dct, anchor, doc.Timexes[:0])
	s.toks = nil
	if len(doc.Tokens) > 0 {
		for i := range doc.Timexes {
			t := &doc.Timexes[i]
			t.Tokens = tokenRange(doc.Tokens, t.Span)
		}
	}
	return ctx.Err()
}

// Find appends to dst the time expressions of text, resolved against dct
// (zero: unknown), and returns the extended slice. Spans are byte offsets
// into text, in order and never overlapping. It is safe for concurrent use.
func (r *Recognizer) Find(text string, dct time.Time, dst []chronicle.Timex) []chronicle.Timex {
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	return r.find(context.Background(), s, text, dct, AnchorDCT, dst)
}

// Find is Recognizer.Find on a fresh recognizer, for one-off calls.
func Find(text string, dct time.Time, dst []chronicle.Timex) []chronicle.Timex {
	return New().Find(text, dct, dst)
}

func (r *Recognizer) find(ctx context.Context, s *scratch, text string, dct time.Time, anchor string, dst []chronicle.Timex) []chronicle.Timex {
	p := &s.p
	*p = parser{dct: civil(dct.Year(), int(dct.Month()), dct.Day()), has: !dct.IsZero(), tense: wordTense}
	if s.toks != nil && hasTags(s.toks) {
		p.tense = func(p *parser, i, j int) int {
			if t := tagTense(s.toks, int(p.w[i].start)); t != tenseNone {
				return t
			}
			return wordTense(p, i, j)
		}
	}
	words := s.words[:0]
	pos, from := 0, 0
	lastEnd := -1 // word index (in the current window) where the last match ended
	for {
		if ctx.Err() != nil {
			break
		}
		words, pos = scanWords(text, pos, words, chunk)
		eof := pos >= len(text)
		limit := len(words)
		if !eof {
			limit -= ctxWords
		}
		p.w = words
		i := max(from, lastEnd)
		for ; i < limit; i++ {
			if !trigger(&words[i]) {
				continue
			}
			c, ok := p.match(i)
			if !ok || c.end <= c.start {
				continue
			}
			dst = append(dst, s.timex(text, c, anchor))
			i = c.end - 1
			lastEnd = c.end
		}
		if eof {
			break
		}
		// Keep the tail as context for the next window.
		keep := limit - ctxWords
		n := copy(words, words[keep:])
		words = words[:n]
		from = limit - keep
		lastEnd -= keep
		if i-keep > from {
			from = i - keep
		}
	}
	s.words = words[:0]
	return dst
}

// trigger reports whether a rule can start at w; most words are skipped here.
func trigger(w *word) bool {
	if w.cls == cNum {
		return true
	}
	if w.cls == cPunct {
		return w.low[0] == '\''
	}
	return w.e.k != kNone && (w.e.k != kMisc || w.is("at") || w.is("up"))
}

// timex turns a match into a chronicle.Timex.
func (s *scratch) timex(text string, c cand, anchor string) chronicle.Timex {
	w := s.p.w
	start, end := int(w[c.start].start), int(w[c.end-1].end)
	s.buf = c.v.appendValue(s.buf[:0])
	t := chronicle.Timex{
		Span:  chronicle.Span{Start: start, End: end},
		Type:  c.v.typ(),
		Value: string(s.buf),
		Mod:   modNames[c.mod],
	}
	switch {
	case c.v.noDCT:
		t.Anchor, t.Confidence = AnchorNone, 0.3
	case c.v.rel:
		t.Anchor, t.Confidence = anchor, 0.85
		if c.v.tense {
			t.Confidence = 0.75
		}
		if anchor == AnchorDateline {
			t.Confidence -= 0.1
		}
	case c.v.kind == vRef:
		t.Anchor, t.Confidence = AnchorText, 0.8
	case c.v.fuzzy:
		t.Anchor, t.Confidence = AnchorText, 0.8
	default:
		t.Anchor, t.Confidence = AnchorText, 0.95
	}
	return t
}

// tokenRange returns the tokens covering span.
func tokenRange(toks []chronicle.Token, sp chronicle.Span) chronicle.TokenRange {
	lo := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > sp.Start })
	hi := lo
	for hi < len(toks) && int(toks[hi].Start) < sp.End {
		hi++
	}
	return chronicle.TokenRange{Start: lo, End: hi}
}
