package engine_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
)

// TestConflictEvents codes sentences of the kind conflict reporting is made
// of (written for this test): who struck where, with the place at city
// level and its country, and no attack taken for a quote.
func TestConflictEvents(t *testing.T) {
	pipe := defaultEngine(t)
	tests := []struct {
		text                       string
		typ, source, target, place string
		placeCountry               string
	}{
		{"Russian forces shelled Kharkiv on Saturday.", "ASSAULT", "RUS", "UKR", "Kharkiv", "UKR"},
		{"Israeli jets bombed Gaza City overnight.", "ASSAULT", "ISR", "PSE", "Gaza City", "PSE"},
		{"Israel struck Khan Younis.", "ASSAULT", "ISR", "PSE", "Khan Younis", "PSE"}, // NER calls it a person
		{"Russian forces struck Kyiv on Friday.", "ASSAULT", "RUS", "UKR", "Kyiv", "UKR"},
		{"Ukrainian and Russian delegations met in Istanbul on Friday.", "CONSULT", "UKR", "RUS", "Istanbul", "TUR"},
		{"Delegations from Ukraine and Russia met in Moscow.", "CONSULT", "UKR", "RUS", "Moscow", "RUS"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			doc := analyse(t, pipe, tc.text)
			for _, q := range doc.Quotes {
				t.Errorf("quote %q %q: a deed is no quote", doc.SpanText(q.Cue), doc.SpanText(q.Content))
			}
			for _, e := range doc.Events {
				sc, _ := who(doc, e.Source)
				tc2, _ := who(doc, e.Target)
				if e.Type == tc.typ && sc == tc.source && tc2 == tc.target && e.Place == tc.place && e.PlaceCountry == tc.placeCountry {
					return
				}
			}
			for _, e := range doc.Events {
				t.Log(eventLine(doc, e), e.PlaceCountry)
			}
			t.Errorf("no %s %s→%s at %s (%s)", tc.typ, tc.source, tc.target, tc.place, tc.placeCountry)
		})
	}
}

// TestEventsWithoutActors: figurative uses of event verbs in other news
// ("hits the shelves", "impossible to crack", a broad CAMEO verb aimed at
// no actor or done by none) are marked with their scope, and so never
// stored; an attack by a named state is not.
func TestEventsWithoutActors(t *testing.T) {
	pipe := defaultEngine(t)
	tests := []struct {
		text  string
		scope string
	}{
		{"The new phone hits the shelves next week.", chronicle.ScopeNoActor},
		{"Experts said the code is virtually impossible to crack.", chronicle.ScopeNoActor},
		{"The finance minister hit first-time buyers with a new tax.", chronicle.ScopeTargetNotActor},
		{"High fuel prices hit British Airways.", chronicle.ScopeSourceNotActor},
		{"The dollar hit its highest level against the euro.", chronicle.ScopeSourceNotActor},
		{"The bill would allow welfare officers to enter homes.", chronicle.ScopeSourceNotActor},
		{"Gordon Brown said he would meet the deadline.", chronicle.ScopeTargetNotActor},
		{"Emmanuel Macron met with them on Monday.", ""},
		{"The minister received a standing ovation.", chronicle.ScopeTargetNotActor},
		{"Russian forces shelled Kharkiv on Saturday.", ""},
		{"Police arrested three protesters.", ""},
		{"Russia hit Ukraine with new sanctions.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			doc := analyse(t, pipe, tc.text)
			if len(doc.Events) == 0 {
				t.Fatal("no event coded")
			}
			for _, e := range doc.Events {
				if e.Scope != tc.scope {
					t.Errorf("%s %q: Scope %q, want %q (%s)", e.Type, doc.SpanText(e.Evidence), e.Scope, tc.scope, e.Why)
				}
			}
		})
	}
}

// TestPlacesOfOneState: cities and organizations of one state are each
// their own actor with the state's country; the state's names and capital
// are one actor.
func TestPlacesOfOneState(t *testing.T) {
	pipe := defaultEngine(t)
	text := "Russian forces shelled Kharkiv and Donetsk on Saturday. Moscow said Russia would go on. The White House said Congress would vote."
	doc := analyse(t, pipe, text)
	got := map[string]string{} // mention text -> actor name/country
	for _, a := range doc.Actors {
		for _, m := range a.Mentions {
			got[doc.SpanText(m.Span)] = a.Name + "/" + a.Country
		}
	}
	want := map[string]string{
		"Kharkiv": "Kharkiv/UKR", "Donetsk": "Donetsk/UKR", "Moscow": "Russia/RUS", "Russia": "Russia/RUS",
		"White House": "White House/USA", "Congress": "Congress/USA",
	}
	for m, w := range want {
		if got[m] != w {
			t.Errorf("%q is a mention of %q, want %q", m, got[m], w)
		}
	}
}

// analyse runs pipe on text as an article published on 2025-05-16.
func analyse(t *testing.T, pipe chronicle.Pipeline, text string) *chronicle.Document {
	t.Helper()
	doc, err := chronicle.NewDocument([]byte(text), "t", chronicle.Meta{Published: time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := pipe.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// defaultEngine returns the default pipeline, loaded once for all the tests
// (a pipeline is safe for concurrent use and keeps no state between
// documents).
func defaultEngine(t testing.TB) chronicle.Pipeline {
	t.Helper()
	p, err := loadDefault()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var loadDefault = sync.OnceValues(func() (chronicle.Pipeline, error) { return engine.New(engine.Options{}) })
