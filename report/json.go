// Package report renders an analysed Document for people (text) and for
// programs (JSON, schema in docs/schema.md). Offsets in the output are
// Unicode code-point offsets into the document text, so that text[start:end]
// works in languages that index strings by character.
package report

import (
	"encoding/json"
	"io"
	"math"
	"time"

	"github.com/chronicle-news/chronicle"
)

// Schema names the JSON layout; bump the minor number when adding fields and
// never remove or rename one.
const Schema = "chronicle.extract/1.2"

// Options choose optional parts of the output.
type Options struct {
	Tokens bool // add every token with its grammar
}

// Output is the JSON document printed by `chronicle extract`.
type Output struct {
	Schema    string      `json:"schema"`
	Document  DocumentOut `json:"document"`
	Sentences []Sentence  `json:"sentences"`
	Tokens    []TokenOut  `json:"tokens,omitempty"`
	Entities  []EntityOut `json:"entities"`
	Actors    []ActorOut  `json:"actors"`
	Timexes   []TimexOut  `json:"timexes"`
	Quotes    []QuoteOut  `json:"quotes"`
	Events    []EventOut  `json:"events"`
}

// DocumentOut is the document's metadata.
type DocumentOut struct {
	ID        string  `json:"id"`
	Published *string `json:"published"` // YYYY-MM-DD, or RFC 3339 when a time is known; null when unknown
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Source    string  `json:"source,omitempty"`
	Language  string  `json:"language"`
	Length    int     `json:"length"` // in code points
	// Relevance is the probability that the article reports politics,
	// diplomacy or conflict; absent when the text is too short to tell.
	Relevance  *float64     `json:"relevance,omitempty"`
	Paragraphs []SpanOut    `json:"paragraphs"`
	Problems   []ProblemOut `json:"problems"`
}

// SpanOut is a piece of the text.
type SpanOut struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Sentence is a sentence's extent and paragraph.
type Sentence struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	Paragraph int `json:"paragraph"`
}

// ProblemOut is a recoverable problem found in the input.
type ProblemOut struct {
	Offset  int    `json:"offset"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// TokenOut is one token with its grammar (with --tokens).
type TokenOut struct {
	Text       string `json:"text"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	SpaceAfter bool   `json:"space_after"`
	MultiWord  bool   `json:"joins_next,omitempty"`
	UPOS       string `json:"upos,omitempty"`
	XPOS       string `json:"xpos,omitempty"`
	Lemma      string `json:"lemma,omitempty"`
	Head       *int   `json:"head,omitempty"` // token index; -1 for a root; absent when not parsed
	Deprel     string `json:"deprel,omitempty"`
}

// EntityOut is a named-entity mention.
type EntityOut struct {
	SpanOut
	Type       string  `json:"type"`
	Actor      string  `json:"actor,omitempty"`
	Confidence float64 `json:"confidence"`
}

// ActorOut is an actor with its mentions.
type ActorOut struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Type     string       `json:"type"`
	Country  string       `json:"country,omitempty"`
	Sector   string       `json:"sector,omitempty"`
	Roles    []RoleOut    `json:"roles"`
	Mentions []MentionOut `json:"mentions"`
}

// RoleOut is a title or position.
type RoleOut struct {
	Title    string   `json:"title"`
	Country  string   `json:"country,omitempty"`
	Sector   string   `json:"sector,omitempty"`
	Seen     string   `json:"seen,omitempty"`
	Evidence *SpanOut `json:"evidence,omitempty"`
}

// MentionOut is one mention of an actor.
type MentionOut struct {
	SpanOut
	Kind string `json:"kind"`
}

// TimexOut is a time expression.
type TimexOut struct {
	SpanOut
	Type       string  `json:"type"`
	Value      string  `json:"value"`
	Mod        string  `json:"mod,omitempty"`
	Confidence float64 `json:"confidence"`
	Anchor     string  `json:"anchor"`
}

// RefOut is a piece of text that may be resolved to an actor.
type RefOut struct {
	SpanOut
	Actor string `json:"actor,omitempty"`
	Name  string `json:"name,omitempty"` // the actor's canonical name when resolved
}

// QuoteOut is an attribution.
type QuoteOut struct {
	Kind      string  `json:"kind"`
	Speaker   RefOut  `json:"speaker"`
	Cue       SpanOut `json:"cue"`
	Content   SpanOut `json:"content"`
	Addressee *RefOut `json:"addressee"`
	Date      string  `json:"date,omitempty"`
	Parent    *int    `json:"parent"` // index of the enclosing quote; null when not nested
	Sentences []int   `json:"sentences"`
}

// EventOut is a coded event with its evidence.
type EventOut struct {
	Type         string  `json:"type"`
	Mode         string  `json:"mode,omitempty"`
	Source       RefOut  `json:"source"`
	Target       RefOut  `json:"target"`
	Date         string  `json:"date,omitempty"`
	Place        string  `json:"place,omitempty"`
	PlaceCountry string  `json:"place_country,omitempty"`
	Negated      bool    `json:"negated"`
	Modality     string  `json:"modality"`
	Trigger      SpanOut `json:"trigger"`
	Evidence     SpanOut `json:"evidence"`
	Why          string  `json:"why"`
	Confidence   float64 `json:"confidence"`
	Quote        *int    `json:"quote"` // index of the quote it is reported in; null when none
	// Scope: why the store does not keep the event ("no-actor"); empty
	// when it does.
	Scope string `json:"scope,omitempty"`
}

// Build converts a document to its output form.
func Build(doc *chronicle.Document, opts Options) *Output {
	b := builder{doc: doc, idx: newRuneIndex(doc.Text)}
	return b.build(opts)
}

// WriteJSON writes the document as indented JSON.
func WriteJSON(w io.Writer, doc *chronicle.Document, opts Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Build(doc, opts))
}

type builder struct {
	doc    *chronicle.Document
	idx    runeIndex
	actors map[string]string // id -> name
}

func (b *builder) span(s chronicle.Span) SpanOut {
	if s.Start < 0 || s.End > len(b.doc.Text) || s.Start > s.End {
		return SpanOut{}
	}
	return SpanOut{Text: b.doc.Text[s.Start:s.End], Start: b.idx.at(s.Start), End: b.idx.at(s.End)}
}

func (b *builder) ref(r chronicle.Ref) RefOut {
	return RefOut{SpanOut: b.span(r.Span), Actor: r.Actor, Name: b.actors[r.Actor]}
}

func publishedString(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	var s string
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		s = t.Format("2006-01-02")
	} else {
		s = t.Format(time.RFC3339)
	}
	return &s
}

func intPtr(i int) *int { return &i }

func (b *builder) build(opts Options) *Output {
	d := b.doc
	b.actors = make(map[string]string, len(d.Actors))
	for _, a := range d.Actors {
		b.actors[a.ID] = a.Name
	}
	out := &Output{
		Schema: Schema,
		Document: DocumentOut{
			ID: d.ID, Published: publishedString(d.Published), Title: d.Title, URL: d.URL,
			Source: d.Source, Language: d.Language, Length: b.idx.at(len(d.Text)), Relevance: roundedP(d.Relevance),
			Paragraphs: make([]SpanOut, 0, len(d.Paragraphs)),
			Problems:   make([]ProblemOut, 0, len(d.Problems)),
		},
		Sentences: make([]Sentence, 0, len(d.Sentences)),
		Entities:  make([]EntityOut, 0, len(d.Entities)),
		Actors:    make([]ActorOut, 0, len(d.Actors)),
		Timexes:   make([]TimexOut, 0, len(d.Timexes)),
		Quotes:    make([]QuoteOut, 0, len(d.Quotes)),
		Events:    make([]EventOut, 0, len(d.Events)),
	}
	for _, p := range d.Paragraphs {
		out.Document.Paragraphs = append(out.Document.Paragraphs, b.span(d.RangeSpan(p.Tokens)))
	}
	for _, p := range d.Problems {
		out.Document.Problems = append(out.Document.Problems, ProblemOut{Offset: b.idx.at(p.Offset), Kind: p.Kind, Message: p.Message})
	}
	for _, s := range d.Sentences {
		sp := d.RangeSpan(s.Tokens)
		out.Sentences = append(out.Sentences, Sentence{Start: b.idx.at(sp.Start), End: b.idx.at(sp.End), Paragraph: s.Paragraph})
	}
	if opts.Tokens {
		out.Tokens = make([]TokenOut, len(d.Tokens))
		for i := range d.Tokens {
			t := &d.Tokens[i]
			to := TokenOut{Text: d.Text[t.Start:t.End], Start: b.idx.at(int(t.Start)), End: b.idx.at(int(t.End)),
				SpaceAfter: t.Has(chronicle.SpaceAfter), MultiWord: t.Has(chronicle.JoinNext),
				UPOS: t.UPOS, XPOS: t.XPOS, Lemma: t.Lemma, Deprel: t.Deprel}
			if t.Deprel != "" {
				to.Head = intPtr(int(t.Head))
			}
			out.Tokens[i] = to
		}
	}
	for _, e := range d.Entities {
		out.Entities = append(out.Entities, EntityOut{SpanOut: b.span(e.Span), Type: e.Type, Actor: e.Actor, Confidence: round3(e.Confidence)})
	}
	for _, a := range d.Actors {
		ao := ActorOut{ID: a.ID, Name: a.Name, Type: a.Type, Country: a.Country, Sector: a.Sector,
			Roles: make([]RoleOut, 0, len(a.Roles)), Mentions: make([]MentionOut, 0, len(a.Mentions))}
		for _, r := range a.Roles {
			ro := RoleOut{Title: r.Title, Country: r.Country, Sector: r.Sector, Seen: r.Seen}
			if r.Span.End > r.Span.Start {
				s := b.span(r.Span)
				ro.Evidence = &s
			}
			ao.Roles = append(ao.Roles, ro)
		}
		for _, m := range a.Mentions {
			ao.Mentions = append(ao.Mentions, MentionOut{SpanOut: b.span(m.Span), Kind: m.Kind})
		}
		out.Actors = append(out.Actors, ao)
	}
	for _, t := range d.Timexes {
		out.Timexes = append(out.Timexes, TimexOut{SpanOut: b.span(t.Span), Type: t.Type, Value: t.Value, Mod: t.Mod,
			Confidence: round3(t.Confidence), Anchor: t.Anchor})
	}
	for _, q := range d.Quotes {
		qo := QuoteOut{Kind: q.Kind, Speaker: b.ref(q.Speaker), Cue: b.span(q.Cue), Content: b.span(q.Content),
			Date: q.Date, Sentences: q.Sentences}
		if qo.Sentences == nil {
			qo.Sentences = []int{}
		}
		if q.Addressee != nil {
			r := b.ref(*q.Addressee)
			qo.Addressee = &r
		}
		if q.Parent >= 0 {
			qo.Parent = intPtr(q.Parent)
		}
		out.Quotes = append(out.Quotes, qo)
	}
	for _, e := range d.Events {
		eo := EventOut{Type: e.Type, Mode: e.Mode, Source: b.ref(e.Source), Target: b.ref(e.Target), Date: e.Date,
			Place: e.Place, PlaceCountry: e.PlaceCountry, Negated: e.Negated, Modality: e.Modality,
			Trigger: b.span(e.Trigger), Evidence: b.span(e.Evidence), Why: e.Why, Confidence: round3(e.Confidence), Scope: e.Scope}
		if e.Quote >= 0 {
			eo.Quote = intPtr(e.Quote)
		}
		out.Events = append(out.Events, eo)
	}
	return out
}

func round3(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}

// roundedP rounds a probability to three places, for output.
func roundedP(p *float64) *float64 {
	if p == nil {
		return nil
	}
	r := math.Round(*p*1000) / 1000
	return &r
}
