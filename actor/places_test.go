package actor_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/ner/gazetteer"
)

// TestPhoenixPlacesFile checks that data/places-phoenix.tsv is what the
// Phoenix country dictionary gives; -update rewrites it.
func TestPhoenixPlacesFile(t *testing.T) {
	phoenixFile(t, gazetteer.PhoenixPlaces, phoenixPlacesHeader, "places-phoenix.tsv")
}

// phoenixFile checks data/name against what read makes of the Phoenix
// dictionaries: header, then a place (or word) and its code per line.
func phoenixFile(t *testing.T, read func(dir string) ([]gazetteer.Place, error), header, name string) {
	t.Helper()
	ps, err := read(shared.Path(t, "corpora", "petrarch2", "dictionaries"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(header)
	for _, p := range ps {
		fmt.Fprintf(&b, "%s\t%s\n", p.Name, p.Code)
	}
	goldenFile(t, filepath.Join("data", name), b.String())
}

const phoenixPlacesHeader = `# Places inside states (cities, provinces, regions) and the state's code,
# derived from Phoenix.Countries.actors.txt of the PETRARCH2 dictionaries
# (The MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance):
# the phrases its country records list beside the country's names. Country
# names, demonyms and places listed under two countries are left out.
# Generated: go test ./actor -run TestPhoenixPlacesFile -update
# Columns: place (matched case-sensitively word by word), code.
`

const phoenixDemonymsHeader = `# Nationality words and their state's code, derived from
# Phoenix.Countries.actors.txt of the PETRARCH2 dictionaries (The MIT
# License (MIT), Copyright (c) 2015 Open Event Data Alliance): the words its
# country records list beside the country's names that are formed from the
# country's name ("Zambian" under Zambia). Words listed under two countries
# are left out; data/places.tsv, reviewed, wins over this file.
# Generated: go test ./actor -run TestPhoenixDemonymsFile -update
`

// TestPhoenixDemonymsFile checks that data/demonyms-phoenix.tsv is what
// the Phoenix country dictionary gives (regenerate with -update).
func TestPhoenixDemonymsFile(t *testing.T) {
	phoenixFile(t, gazetteer.PhoenixDemonyms, phoenixDemonymsHeader, "demonyms-phoenix.tsv")
}
