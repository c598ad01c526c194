package event_test

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/event"
)

// FuzzParseLexicon: a user's lexicon file never panics the parser.
func FuzzParseLexicon(f *testing.F) {
	for _, s := range []string{"CONSULT v meet | symmetric", "CONSULT.visit v make trip | target=obl:to place",
		"ASSAULT n war | symmetric light", "X", "REQUEST v call on | target=obl:on\n# c\n", "AGREE v a:b:c |"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lx, err := event.ParseLexicon(strings.NewReader(s), "fuzz", nil)
		if err == nil && lx.Len() < 0 {
			t.Fatal("negative length")
		}
	})
}
