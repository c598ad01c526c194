package actor_test

import (
	"context"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tokenize"
)

// A role title that ends a headline must not take the next sentence's name
// (it made a mention with no tokens and panicked on BBC politics_117).
func TestTitleEndsHeadline(t *testing.T) {
	text := "Boothroyd calls for Lords speaker\n\nBetty Boothroyd has said the Lords needs a Speaker.\n"
	doc := segmented(t, text)
	// The name that follows the headline, as NER marks it.
	r := doc.Sentences[1].Tokens
	doc.Entities = []chronicle.Entity{entity(doc, r.Start, r.Start+2, chronicle.EntityPerson)}
	resolve(t, doc)
	for _, a := range doc.Actors {
		for _, m := range a.Mentions {
			if m.End <= m.Start {
				t.Errorf("empty mention of %s at %d", a.Name, m.Start)
			}
		}
	}
}

// British-style honorifics without a period are not part of a name: "Mr
// Blair" is Tony Blair, not a person called "Mr Blair".
func TestHonorificWithoutPeriod(t *testing.T) {
	text := "Tony Blair spoke in London on Monday.\n\nMr Blair said the plan would work.\n"
	doc := segmented(t, text)
	resolve(t, doc)
	joined := false
	for _, a := range doc.Actors {
		if a.Name == "Mr Blair" {
			t.Errorf("actor %q (%s): the honorific was taken as part of the name", a.Name, a.ID)
		}
		for _, m := range a.Mentions {
			if t := doc.SpanText(m.Span); (t == "Mr Blair" || t == "Blair") && a.Name == "Tony Blair" {
				joined = true
			}
		}
	}
	if !joined {
		t.Errorf("\"Mr Blair\" is not a mention of Tony Blair: %+v", doc.Actors)
	}
}

// A lone surname NER calls an organization ("Netanyahu's party") is the
// person of that surname when no lexicon knows it as an organization.
func TestSurnameTypedOrg(t *testing.T) {
	text := "Benjamin Netanyahu won the vote.\n\nNetanyahu's party gained four seats.\n"
	doc := segmented(t, text)
	second := doc.Sentences[1].Tokens.Start
	doc.Entities = []chronicle.Entity{entity(doc, 0, 2, chronicle.EntityPerson), entity(doc, second, second+1, chronicle.EntityOrg)}
	resolve(t, doc)
	for _, a := range doc.Actors {
		if a.Name == "Benjamin Netanyahu" {
			if a.Type != chronicle.EntityPerson || len(a.Mentions) != 2 {
				t.Errorf("Benjamin Netanyahu: type %s, %d mentions, want PERSON with 2", a.Type, len(a.Mentions))
			}
			return
		}
	}
	t.Errorf("no actor Benjamin Netanyahu among %+v", doc.Actors)
}

// segmented returns text as a tokenized and segmented document, ready for
// hand-made entities and the actor stage.
func segmented(t *testing.T, text string) *chronicle.Document {
	t.Helper()
	doc, err := chronicle.NewDocument([]byte(text), "t", chronicle.Meta{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := (chronicle.Pipeline{tokenize.New(), segment.New()}).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// entity is a recognizer's entity over tokens [start,end) of doc.
func entity(doc *chronicle.Document, start, end int, typ string) chronicle.Entity {
	r := chronicle.TokenRange{Start: start, End: end}
	return chronicle.Entity{Span: doc.RangeSpan(r), Tokens: r, Type: typ, Confidence: 1}
}

// resolve runs the actor stage, without a registry, on doc.
func resolve(t *testing.T, doc *chronicle.Document) {
	t.Helper()
	x, err := actor.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
}
