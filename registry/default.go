package registry

import (
	_ "embed"
	"strings"
)

//go:embed data/officials.tsv
var officials string

// Default returns a registry holding Chronicle's default dictionary of
// prominent officials (data/officials.tsv, dated roles as of 2025-05), so
// that "President Trump" or "Rubio" get a country even when the text never
// says it. Each call returns a new registry, which callers may extend.
func Default() *Registry {
	r := New()
	entries, err := ReadDictionary(strings.NewReader(officials), "officials.tsv")
	if err != nil {
		panic(err) // the embedded file is tested; unreachable
	}
	for _, e := range entries {
		r.Add(e)
	}
	return r
}
