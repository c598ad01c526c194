package engine_test

import (
	"strings"
	"testing"
)

// TestOrganisationActors: an organisation whose name holds a place is that
// organisation, of the state its name holds, and the place inside it is no
// actor ("the Bank of England said" is not the United Kingdom speaking).
func TestOrganisationActors(t *testing.T) {
	pipe := defaultEngine(t)
	tests := []struct {
		text    string
		actor   string // name of the actor that must be there
		country string // its country
		notWant string // an actor that must not be there
	}{
		{"The Bank of England said on Thursday that rates would rise.", "Bank of England", "GBR", "United Kingdom"},
		{"The U.S. Department of State said on Monday that talks would resume.", "U.S. Department of State", "USA", "United States"},
		{"Researchers at Georgetown University said the survey was flawed.", "Georgetown University", "", "Georgetown"},
		{"The Russian Defence Ministry denied the report.", "Russian Defence Ministry", "RUS", "Russia"},
		{"The deal was approved by the U.S. Department of Justice on Monday.", "U.S. Department of Justice", "USA", "U.S. Department"},
		{"The New York Police Department said it was investigating.", "New York Police Department", "USA", "New York"},
		// Organizations the lexicon knows keep its country and sector.
		{"The UN Security Council condemned the attack on Monday.", "UN", "UNO", "UN Security Council"},
		{"The Afghan Taliban seized the city.", "Taliban", "AFG", "Afghan Taliban"},
		// A place in a person's name is no country.
		{"The Chad Smith Foundation donated $1 million to the hospital.", "Chad Smith", "", "Chad"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			doc := analyse(t, pipe, tc.text)
			var names []string
			found := false
			for _, a := range doc.Actors {
				names = append(names, a.Name+"/"+a.Country)
				if a.Name == tc.actor {
					found = true
					if a.Country != tc.country {
						t.Errorf("%s: country %q, want %q", a.Name, a.Country, tc.country)
					}
				}
				if a.Name == tc.notWant {
					t.Errorf("actor %q should not be there", a.Name)
				}
			}
			if !found {
				t.Errorf("no actor %q; actors: %s", tc.actor, strings.Join(names, ", "))
			}
		})
	}
}
