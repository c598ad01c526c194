package actor_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/registry"
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

// tokenAt returns the index of the first token with form w at or after from.
func tokenAt(t *testing.T, doc *chronicle.Document, w string, from int) int {
	t.Helper()
	for i := from; i < len(doc.Tokens); i++ {
		if doc.Form(i) == w {
			return i
		}
	}
	t.Fatalf("no token %q", w)
	return -1
}

// TestNamesTypedWrong: a name NER types as a place is a person when an
// honorific says so ("Mr Kazi"), and joins the person it names when it is
// the surname of a person of the article ("Afzal"); a city is an actor of
// its own, not its state ("Birmingham" is not the United Kingdom), and a
// state has one name whatever the article calls it.
func TestNamesTypedWrong(t *testing.T) {
	text := "Muhammad Afzal was cleared in Birmingham.\n\nMr Kazi said Britain had failed them, and Afzal agreed.\n"
	doc := segmented(t, text)
	ma, b := tokenAt(t, doc, "Muhammad", 0), tokenAt(t, doc, "Birmingham", 0)
	mr, br := tokenAt(t, doc, "Mr", 0), tokenAt(t, doc, "Britain", 0)
	af := tokenAt(t, doc, "Afzal", mr)
	doc.Entities = []chronicle.Entity{
		entity(doc, ma, ma+2, chronicle.EntityPerson),
		entity(doc, b, b+1, chronicle.EntityGPE),
		entity(doc, mr, mr+2, chronicle.EntityGPE), // "Mr Kazi": NER's mistake
		entity(doc, br, br+1, chronicle.EntityGPE),
		entity(doc, af, af+1, chronicle.EntityGPE), // "Afzal": the same
	}
	resolve(t, doc)
	got := map[string]string{}
	for _, a := range doc.Actors {
		var ms []string
		for _, m := range a.Mentions {
			ms = append(ms, doc.SpanText(m.Span))
		}
		got[a.ID] = a.Type + " " + a.Country + " " + strings.Join(ms, "|")
	}
	want := map[string]string{
		"person:kazi":           "PERSON  Mr Kazi",
		"person:muhammad-afzal": "PERSON  Muhammad Afzal|Afzal",
		"gpe:birmingham":        "GPE GBR Birmingham",
		"gpe:GBR":               "GPE GBR Britain",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("actor %s: %q, want %q (all: %v)", id, got[id], w, got)
		}
	}
	for _, a := range doc.Actors {
		if a.ID == "gpe:GBR" && a.Name != "United Kingdom" {
			t.Errorf("the state called Britain here is named %q, want its one name, United Kingdom", a.Name)
		}
	}
}

// TestCityInDictionary: a dictionary that lists a city under its state's
// code (as PETRARCH's country dictionaries do) does not make the city the
// state.
func TestCityInDictionary(t *testing.T) {
	reg := registry.New()
	reg.Add(registry.Entry{Type: chronicle.EntityGPE, Name: "Birmingham", Country: "GBR", Source: registry.SourceUser})
	x, err := actor.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	doc := segmented(t, "Police in Birmingham said Britain would help.\n")
	b, br := tokenAt(t, doc, "Birmingham", 0), tokenAt(t, doc, "Britain", 0)
	doc.Entities = []chronicle.Entity{entity(doc, b, b+1, chronicle.EntityGPE), entity(doc, br, br+1, chronicle.EntityGPE)}
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, a := range doc.Actors {
		ids[a.Name] = a.ID
	}
	if ids["Birmingham"] != "gpe:birmingham" || ids["United Kingdom"] != "gpe:GBR" {
		t.Errorf("ids %v: want Birmingham gpe:birmingham and the United Kingdom gpe:GBR", ids)
	}
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

// TestDemonymEndsText: a nationality word as the text's last token (no
// final full stop) is read without looking past the end (it panicked).
func TestDemonymEndsText(t *testing.T) {
	for _, text := range []string{"They blamed the Zambian", "Police questioned two Armenians", "Ukrainian"} {
		doc := segmented(t, text)
		resolve(t, doc)
	}
}

// TestCabinetTitles: a British cabinet title is a role, not an
// organization: "The Home Secretary" is the person who holds it.
func TestCabinetTitles(t *testing.T) {
	doc := segmented(t, "Home Secretary Charles Clarke defended the plan.\n\nThe Home Secretary said it was fair.\n")
	c := tokenAt(t, doc, "Charles", 0)
	doc.Entities = []chronicle.Entity{entity(doc, c, c+2, chronicle.EntityPerson)}
	resolve(t, doc)
	for _, a := range doc.Actors {
		if a.Type == chronicle.EntityOrg {
			t.Errorf("organization actor %q", a.Name)
		}
		if a.Name == "Charles Clarke" && (len(a.Mentions) != 2 || len(a.Roles) == 0 || a.Roles[0].Title != "Home Secretary") {
			t.Errorf("Charles Clarke: %d mentions, roles %+v; want 2 and Home Secretary", len(a.Mentions), a.Roles)
		}
	}
}
