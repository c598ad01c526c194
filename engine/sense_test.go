package engine_test

import (
	"testing"
)

// TestEventSense: predicates that mislead in news code the right event, or
// none: an attack in words is ACCUSE, a word of a name is no predicate, and
// the imported CAMEO "face" and "rule" are silenced.
func TestEventSense(t *testing.T) {
	pipe := defaultEngine(t)
	tests := []struct {
		text    string
		want    string // "TYPE source" that must be coded, "" for none
		notWant string // a type that must not be coded
	}{
		{"Senator Kerry attacked President Bush over the war in Iraq on Monday.", "ACCUSE Kerry", "ASSAULT"},
		{"Airlines have attacked the legislation, saying it will raise fares.", "ACCUSE Airlines", "ASSAULT"},
		{"Labour attacked the Tory plans.", "ACCUSE Labour", "ASSAULT"},
		{"Russian forces attacked Kharkiv on Saturday.", "ASSAULT Russia", "ACCUSE"},
		// A named person attacking anything but a person or organization
		// may do it with a knife; a compound is no name's actor.
		{"Smith attacked his neighbour with a knife.", "ASSAULT Smith", "ACCUSE"},
		{"Gunmen attacked a police station.", "", "ACCUSE"},
		{"The Bush Administration attacked Taliban positions.", "", "ACCUSE"},
		{"Shares in Ask Jeeves rose sharply on Monday.", "", "REQUEST"},
		{"The Russian oil company Rosneft faces charges of tax evasion.", "", "CONSULT"},
		{"The Supreme Court ruled on Monday that the law was valid.", "", "COOPERATE"},
		{"The United States hopes to finish hammering out the framework of an agreement with Iran.", "AGREE United States", "ASSAULT"},
		// A relative pronoun stands for its noun; "what" names nobody.
		{"Israeli leaders who criticised the deal met Obama on Monday.", "ACCUSE Israel", ""},
		{"What binds the United States and Israel is their history.", "COOPERATE ", "ASSAULT"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			doc := analyse(t, pipe, tc.text)
			var got []string
			found := tc.want == ""
			for _, e := range doc.Events {
				_, src := who(doc, e.Source)
				got = append(got, e.Type+" "+src)
				if e.Type+" "+src == tc.want {
					found = true
				}
				if e.Type == tc.notWant {
					t.Errorf("coded %s (%s)", e.Type, doc.SpanText(e.Trigger))
				}
			}
			if !found {
				t.Errorf("want %q, coded %q", tc.want, got)
			}
		})
	}
}
