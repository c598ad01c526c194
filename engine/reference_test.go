package engine_test

import (
	"strings"
	"testing"
)

// TestNeuterPronouns: "it" refers to an organization or state only when no
// likelier thing stands closer, never when it stands for a clause, and not
// to a place something happened in (sentences written for this test).
func TestNeuterPronouns(t *testing.T) {
	pipe := defaultEngine(t)
	tests := []struct {
		text    string
		pronoun string // the pronoun, as written
		actor   string // the actor it must belong to, "" for none
	}{
		// The craft is the subject before: "It" is the craft.
		{"The cargo craft broke up over a remote region that borders Mongolia. It said most of the debris burnt up.", "It", ""},
		// Extraposition: "It" stands for the clause.
		{"Russia rejected the plan on Monday. It is hard to see what could change that.", "It", ""},
		{"Germany sent more troops. But it does not matter if the talks fail.", "it", ""},
		// Where something happened is no antecedent.
		{"The Palestinian delegation arrived at The Hague on Monday, and it will stay until Friday.", "it", ""},
		// An object "it" takes no earlier non-subject actor.
		{"He sold his shares to Google. He regretted it later.", "it", ""},
		// A control adjective or raising verb keeps its subject.
		{"Iran rejected the proposal. It is ready to resume talks with the EU.", "It", "Iran"},
		// The plain case still resolves.
		{"Russia said on Monday that it would send a delegation to Istanbul.", "it", "Russia"},
		{"Germany will increase its defence spending next year.", "its", "Germany"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			doc := analyse(t, pipe, tc.text)
			got := ""
			for _, a := range doc.Actors {
				for _, m := range a.Mentions {
					if doc.SpanText(m.Span) == tc.pronoun {
						got = a.Name
					}
				}
			}
			if got != tc.actor {
				var names []string
				for _, a := range doc.Actors {
					names = append(names, a.Name)
				}
				t.Errorf("%q belongs to %q, want %q (actors: %s)", tc.pronoun, got, tc.actor, strings.Join(names, ", "))
			}
		})
	}
}

// TestSpeakerWithApposition: the speaker phrase keeps its apposition, and
// the quote is the named person's, not the organization named in the
// apposition.
func TestSpeakerWithApposition(t *testing.T) {
	pipe := defaultEngine(t)
	doc := analyse(t, pipe, "“We will not give up,” said Ban Ki-moon, the secretary general of the United Nations.")
	if len(doc.Quotes) != 1 {
		t.Fatalf("%d quotes, want 1", len(doc.Quotes))
	}
	q := doc.Quotes[0]
	if got := doc.SpanText(q.Speaker.Span); got != "Ban Ki-moon, the secretary general of the United Nations" {
		t.Errorf("speaker %q", got)
	}
	name := ""
	for _, a := range doc.Actors {
		if a.ID == q.Speaker.Actor {
			name = a.Name
		}
	}
	if name != "Ban Ki-moon" {
		t.Errorf("speaker actor %q (%s), want Ban Ki-moon", name, q.Speaker.Actor)
	}
}

// TestSpeakerPhrase: the speaker phrase is the speaker's noun phrase, not
// the time or the clause around it.
func TestSpeakerPhrase(t *testing.T) {
	pipe := defaultEngine(t)
	tests := []struct{ text, speaker string }{
		{"David Axelrod on Wednesday said the plan was dead.", "David Axelrod"},
		{"Federal prosecutors in April said the company had lied.", "Federal prosecutors"},
		{"Everyone I interviewed said the plan was dead.", "Everyone I interviewed"},
		{"“The plan is dead,” said Alan Cole, at a news conference in Washington.", "Alan Cole"},
		{"“The plan is dead,” said John Smith, last week.", "John Smith"},
	}
	for _, tc := range tests {
		doc := analyse(t, pipe, tc.text)
		if len(doc.Quotes) != 1 {
			t.Errorf("%q: %d quotes, want 1", tc.text, len(doc.Quotes))
			continue
		}
		if got := doc.SpanText(doc.Quotes[0].Speaker.Span); got != tc.speaker {
			t.Errorf("%q: speaker %q, want %q", tc.text, got, tc.speaker)
		}
	}
}

// TestSpeakerBeforeName: in "ORG title Name" the speaker is the person, not
// the organization that qualifies the title.
func TestSpeakerBeforeName(t *testing.T) {
	pipe := defaultEngine(t)
	doc := analyse(t, pipe, "“We have no plans to meet,” said Kremlin spokesman Dmitry Peskov.")
	if len(doc.Quotes) != 1 {
		t.Fatalf("%d quotes, want 1", len(doc.Quotes))
	}
	for _, a := range doc.Actors {
		if a.ID == doc.Quotes[0].Speaker.Actor && a.Type != "PERSON" {
			t.Errorf("speaker actor %s (%s), want the person", a.Name, a.Type)
		}
	}
	if doc.Quotes[0].Speaker.Actor == "" {
		t.Error("the speaker has no actor")
	}
}

// TestGroupsAndNationalities: a nationality word the Phoenix dictionary
// ties to a state is that state ("Zambian" is Zambia); a group no lexicon
// ties to a state is a group (NORP), not a place.
func TestGroupsAndNationalities(t *testing.T) {
	pipe := defaultEngine(t)
	doc := analyse(t, pipe, "Zambian officials met Muslim leaders in Lusaka on Monday. Armenians protested.")
	types := map[string]string{}
	for _, a := range doc.Actors {
		types[a.ID] = a.Type
	}
	if types["gpe:ZMB"] != "GPE" || types["gpe:ARM"] != "GPE" {
		t.Errorf("no Zambia or Armenia among %v", types)
	}
	for id, typ := range types {
		if strings.Contains(id, "muslim") && typ != "NORP" {
			t.Errorf("%s is a %s, want NORP", id, typ)
		}
	}
}
