package ner_test

import (
	"strings"
	"testing"
)

// TestNameRules: a name built on an organisation's head word is one ORG,
// not the place inside it, and the rule keeps to the name; "Gulf of
// Mexico" is one place; a person's name goes without its title.
func TestNameRules(t *testing.T) {
	r := load(t)
	tests := []struct {
		text    string
		want    []string // "TYPE text" entities that must be found
		notWant []string // entity texts that must not be found
	}{
		{"The U.S. Department of State said on Monday that talks would resume .",
			[]string{"ORG U.S. Department of State"}, []string{"U.S."}},
		{"Interest rates were raised by the Bank of England on Thursday .",
			[]string{"ORG Bank of England"}, []string{"England"}},
		{"Researchers at Georgetown University disagreed .",
			[]string{"ORG Georgetown University"}, []string{"Georgetown"}},
		{"The Ministry of Foreign Affairs of Ukraine asked for talks .",
			[]string{"ORG Ministry of Foreign Affairs of Ukraine"}, nil},
		{"Officials from the Department of Housing and Urban Development visited .",
			[]string{"ORG Department of Housing and Urban Development"}, nil},
		// "and" joins only inside an "of" phrase.
		{"Shares in News Corporation and Fairfax fell sharply on Monday .",
			nil, []string{"News Corporation and Fairfax"}},
		// A title ends the name; the person is a person.
		{"Bank of America CEO Brian Moynihan said the economy was strong .",
			[]string{"ORG Bank of America", "PERSON Brian Moynihan"}, []string{"Bank of America CEO"}},
		// A company suffix closes the name.
		{"He worked for Google , Inc. of Mountain View for years .",
			[]string{"ORG Google , Inc."}, []string{"Google , Inc. of Mountain View"}},
		// A person before the head stays a person.
		{"The Chad Smith Foundation donated $ 1 million to the hospital .",
			[]string{"PERSON Chad Smith"}, []string{"Chad Smith Foundation", "Smith Foundation"}},
		{"Bill Clinton Foundation staff met Mary Smith Enron Services today .",
			[]string{"PERSON Mary Smith", "ORG Enron Services"}, []string{"Mary Smith Enron Services"}},
		// ... but a company can be named for one.
		{"Tesla , Inc. said on Monday that sales fell .",
			[]string{"ORG Tesla , Inc."}, []string{"Inc.", ", Inc."}},
		// A title inside an "of" phrase is part of the name when no name
		// follows it.
		{"The deal was approved by the U.S. Department of Justice on Monday .",
			[]string{"ORG U.S. Department of Justice"}, []string{"U.S. Department"}},
		{"Shares of Procter & Gamble Company rose .",
			[]string{"ORG Procter & Gamble Company"}, []string{"Gamble Company"}},
		// "Press Secretary" is a title, not an organisation.
		{"White House Press Secretary Karine Jean-Pierre said on Monday .",
			[]string{"PERSON Karine Jean-Pierre"}, []string{"House Press", "White House Press"}},
		// A natural feature named after a place is one place.
		{"Ships in the Gulf of Mexico were diverted on Monday .",
			[]string{"LOC Gulf of Mexico"}, []string{"Mexico"}},
		{"Ukraine struck ships in the Sea of Azov overnight .",
			[]string{"LOC Sea of Azov"}, []string{"Azov"}},
		{"The Gulf of Mexico Foundation said the spill was large .",
			nil, []string{"Mexico Foundation", "Mexico"}},
		// Titles are not part of a person's name; "Sheikh" can be.
		{"Secretary Blinken said the talks would resume .",
			[]string{"PERSON Blinken"}, []string{"Secretary Blinken"}},
		{"President said the talks would resume .",
			nil, []string{"President"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			forms := strings.Fields(tc.text)
			got := map[string]bool{}
			texts := map[string]bool{}
			var all []string
			for _, m := range r.Recognize(forms) {
				s := strings.Join(forms[m.Start:m.End], " ")
				got[m.Type+" "+s] = true
				texts[s] = true
				all = append(all, m.Type+" "+s)
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing %q; found %q", w, all)
				}
			}
			for _, w := range tc.notWant {
				if texts[w] {
					t.Errorf("found %q; found %q", w, all)
				}
			}
		})
	}
}
