package coref_test

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/coref"
)

func FuzzReadCoNLL(f *testing.F) {
	f.Add("# begin document d\n0\tx\t(a-1\n1\ty\ta-1)\n# end document\n")
	f.Add("# begin document d\n0\tx\t(a-1)(b-2\n1\ty\tb-2)\n# end document\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := coref.ReadCoNLL(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			var s coref.Scores
			s.Add(d.Clusters, d.Clusters, coref.Options{})
			if len(d.Clusters) > 0 && (s.B3.F1() < 0.999 || s.CEAFe.F1() < 0.999) {
				t.Fatalf("a document scored against itself: B3 %v CEAFe %v", s.B3.F1(), s.CEAFe.F1())
			}
			for _, c := range d.Clusters {
				for _, m := range c {
					if m.Start < 0 || m.End > len(d.Words) || m.Start >= m.End {
						t.Fatalf("mention %v outside %d words", m, len(d.Words))
					}
				}
			}
		}
	})
}
