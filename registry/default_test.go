package registry_test

import (
	"testing"

	"github.com/chronicle-news/chronicle/registry"
)

func TestDefault(t *testing.T) {
	r := registry.Default()
	if r.Len() < 35 {
		t.Fatalf("default registry has %d entries, want at least 35", r.Len())
	}
	for _, tc := range []struct{ name, country string }{
		{"Rubio", "USA"}, {"Vladimir Putin", "RUS"}, {"Zelenskyy", "UKR"}, {"Erdogan", "TUR"},
	} {
		e, ok := r.Lookup(tc.name, "PERSON", "")
		if !ok || e.Country != tc.country {
			t.Errorf("Lookup(%q) = %+v, %v; want country %s", tc.name, e, ok, tc.country)
		}
	}
}
