// Package quote finds attributions in news text: who said what, to whom,
// when, with the cue that says so. It fills chronicle.Document.Quotes.
//
// The extractor is rule-based. It reads quote marks (straight, curly,
// mismatched, nested, left open across paragraphs, NYT-style ”…”), a
// lexicon of reporting verbs, nouns and "according to" (cues.txt, embedded
// and reviewable), and the clause boundaries around them. It uses the
// document's tokens, sentences, part-of-speech tags (a verb cue must be
// tagged VERB or AUX) and dependency parse (the nsubj subtree of a cue is
// its speaker, or that of the verb it hangs from in ", saying ..."; a verb
// with a nominal subject and a ccomp is a cue the lexicon lacks; an opener
// the parse makes an adjunct of the cue, "In July, X said", is not its
// content) when earlier stages have filled them. A learned cue model
// (cuemodel.bin, an averaged perceptron over a verb's lemma and its place
// in the parse, trained on PolNeAR train; see learned.go) reads the verbs
// the lexicon lacks or its rules leave without a complement ("wants to",
// "called for") and overrules weak lexicon cues it firmly rejects; it
// needs the tags and the parse. The stage falls back to its own simple
// tokenizer and sentence splitter when earlier stages have not run, so it
// also runs on bare text.
//
// Speakers are resolved to actors through doc.Actors (run the actor stage
// first); dates come from timex.Governing at the cue word when doc.Timexes
// is filled, else the publication date (or dateline).
package quote

import (
	"context"
	"strings"
	"sync"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

// Extractor is the quote stage. It is safe for concurrent use: the lexicon
// is read-only and per-call scratch comes from a pool.
type Extractor struct {
	lex  *Lexicon
	cue  *perceptron.Model
	pool sync.Pool
}

// New returns an Extractor with the embedded cue lexicon (cues.txt).
func New() *Extractor {
	lx, err := ParseLexicon(strings.NewReader(defaultCues))
	if err != nil {
		// cues.txt is compiled in and checked by TestDefaultLexicon; an
		// empty lexicon still yields direct quotes rather than a panic.
		lx = &Lexicon{forms: map[string]entry{}}
	}
	return NewWithLexicon(lx)
}

// NewWithLexicon returns an Extractor using lx, for a custom cue list, and
// the embedded learned cue model (cuemodel.bin) for verbs lx lacks.
func NewWithLexicon(lx *Lexicon) *Extractor {
	m, err := defaultCueModel()
	if err != nil {
		// cuemodel.bin is compiled in and checked by TestCueModel; without
		// it the lexicon and the parse rules still find attributions.
		m = nil
	}
	e := &Extractor{lex: lx, cue: m}
	e.pool.New = func() any { return new(view) }
	return e
}

// Process replaces doc.Quotes with the attributions found in doc. It
// returns an error only when ctx is done. Offsets are byte offsets into
// doc.Text; Quote.Sentences indexes doc.Sentences and is nil when the
// segmenter has not run.
func (e *Extractor) Process(ctx context.Context, doc *chronicle.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	v := e.pool.Get().(*view)
	defer e.pool.Put(v)
	v.lex = e.lex
	v.cue = e.cue
	v.load(doc)
	v.pair()
	v.direct(e.lex)
	if err := ctx.Err(); err != nil {
		return err
	}
	v.indirect(e.lex)
	doc.Quotes = v.emit(doc)
	return nil
}

// defaultCueModel decodes the embedded cue model once.
var defaultCueModel = sync.OnceValues(func() (*perceptron.Model, error) {
	return decodeCueModel(cueModelData)
})
