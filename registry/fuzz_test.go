package registry_test

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/registry"
)

func FuzzReadDictionary(f *testing.F) {
	f.Add(userDict)
	f.Fuzz(func(t *testing.T, in string) {
		es, err := registry.ReadDictionary(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		reg := registry.New()
		for _, e := range es {
			reg.Add(e)
		}
	})
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add(phoenix)
	f.Fuzz(func(t *testing.T, in string) {
		es, err := registry.ReadPetrarch(strings.NewReader(in), "fuzz", registry.PetrarchCountries)
		if err != nil {
			return
		}
		reg := registry.New()
		for _, e := range es {
			reg.Add(e)
		}
	})
}
