package gazetteer_test

import (
	"slices"
	"testing"

	"github.com/chronicle-news/chronicle/ner/gazetteer"
)

func TestPlaces(t *testing.T) {
	p := gazetteer.Places()
	if !slices.IsSorted(p) {
		t.Error("places not sorted")
	}
	for _, want := range []string{"Turkey", "Ankara", "Ukraine", "Kyiv", "United States", "California", "Ontario"} {
		if _, ok := slices.BinarySearch(p, want); !ok {
			t.Errorf("places lack %q", want)
		}
	}
}

func TestDemonyms(t *testing.T) {
	news := []string{"The Mongolian delegation met. Mongolian officials said so."}
	d := gazetteer.Demonyms(news)
	for _, want := range []string{"Turkish", "Americans", "Israelis", "Muslims", "Mongolian"} {
		if _, ok := slices.BinarySearch(d, want); !ok {
			t.Errorf("demonyms lack %q", want)
		}
	}
	for _, bad := range []string{"Britishs", "Chineses", "Turkeyn"} {
		if _, ok := slices.BinarySearch(d, bad); ok {
			t.Errorf("demonyms hold %q", bad)
		}
	}
}
