package coref_test

import (
	"math"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/coref"
)

// ents builds entities from letters: each string is an entity, each letter a
// one-word mention at position letter-'a'.
func ents(s ...string) [][]coref.Mention {
	var out [][]coref.Mention
	for _, e := range s {
		var c []coref.Mention
		for _, r := range e {
			c = append(c, coref.Mention{Start: int(r - 'a'), End: int(r-'a') + 1})
		}
		out = append(out, c)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The worked example of Pradhan et al. (2014), "Scoring coreference
// partitions of predicted mentions", with values computed by hand from the
// metric definitions.
func TestScoresHandExamples(t *testing.T) {
	tests := []struct {
		name                           string
		key, resp                      [][]coref.Mention
		opt                            coref.Options
		mucR, mucP, b3R, b3P, ceR, ceP float64
	}{
		{
			name: "identical",
			key:  ents("abc", "defg"), resp: ents("abc", "defg"),
			mucR: 1, mucP: 1, b3R: 1, b3P: 1, ceR: 1, ceP: 1,
		},
		{
			name: "pradhan2014",
			key:  ents("abc", "defg"), resp: ents("ab", "cd", "fghi"),
			mucR: 2.0 / 5, mucP: 2.0 / 5,
			b3R: (5.0/3 + 5.0/4) / 7, b3P: 4.0 / 8,
			ceR: 1.3 / 2, ceP: 1.3 / 3,
		},
		{
			name: "all merged",
			key:  ents("ab", "cd"), resp: ents("abcd"),
			mucR: 1, mucP: 2.0 / 3,
			b3R: 1, b3P: 0.5,
			ceR: (2.0 * 2 / 6) / 2, ceP: (2.0 * 2 / 6) / 1,
		},
		{
			name: "singletons kept",
			key:  ents("ab", "c"), resp: ents("ab", "d"),
			mucR: 1, mucP: 1,
			b3R: 2.0 / 3, b3P: 2.0 / 3,
			ceR: 0.5, ceP: 0.5,
		},
		{
			name: "singletons removed",
			key:  ents("ab", "c"), resp: ents("ab", "d"), opt: coref.Options{NoSingletons: true},
			mucR: 1, mucP: 1, b3R: 1, b3P: 1, ceR: 1, ceP: 1,
		},
		{
			name: "duplicate response mention kept once",
			key:  ents("ab"), resp: ents("ab", "a"),
			mucR: 1, mucP: 1, b3R: 1, b3P: 1, ceR: 1, ceP: 1,
		},
		{
			name: "empty response",
			key:  ents("ab"), resp: nil,
			mucR: 0, mucP: 0, b3R: 0, b3P: 0, ceR: 0, ceP: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s coref.Scores
			s.Add(tt.key, tt.resp, tt.opt)
			got := []float64{s.MUC.Recall(), s.MUC.Precision(), s.B3.Recall(), s.B3.Precision(), s.CEAFe.Recall(), s.CEAFe.Precision()}
			want := []float64{tt.mucR, tt.mucP, tt.b3R, tt.b3P, tt.ceR, tt.ceP}
			names := []string{"MUC R", "MUC P", "B3 R", "B3 P", "CEAFe R", "CEAFe P"}
			for i := range got {
				if !near(got[i], want[i]) {
					t.Errorf("%s = %.6f, want %.6f", names[i], got[i], want[i])
				}
			}
		})
	}
}

// Counts add up over documents before dividing (micro average).
func TestScoresMicroAverage(t *testing.T) {
	var s coref.Scores
	s.Add(ents("abc"), ents("abc"), coref.Options{})         // MUC 2/2
	s.Add(ents("abcde"), ents("ab", "cde"), coref.Options{}) // MUC R 3/4
	if got, want := s.MUC.Recall(), 5.0/6; !near(got, want) {
		t.Errorf("MUC recall = %v, want %v", got, want)
	}
	if s.Docs != 2 {
		t.Errorf("Docs = %d, want 2", s.Docs)
	}
	c := s.CoNLL()
	if c <= 0 || c >= 1 {
		t.Errorf("CoNLL = %v, want in (0,1)", c)
	}
}

func TestReadCoNLL(t *testing.T) {
	in := `# begin document d1
0	Australian	(person-1
1	children	person-1)
2	and	_
3	iodine	(abstract-2(substance-3-Iodine)
4	deficiency	abstract-2)

5	iodine	(substance-3-Iodine)
# end document
# begin document d2
0	x	(7)
# end document
`
	docs, err := coref.ReadCoNLL(strings.NewReader(in), "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "d1" || len(docs[0].Words) != 6 {
		t.Fatalf("got %d docs, first %q with %d words", len(docs), docs[0].ID, len(docs[0].Words))
	}
	want := [][]coref.Mention{{{0, 2}}, {{3, 5}}, {{3, 4}, {5, 6}}}
	got := docs[0].Clusters
	if len(got) != len(want) {
		t.Fatalf("clusters = %v, want %v", got, want)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("clusters = %v, want %v", got, want)
		}
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Fatalf("clusters = %v, want %v", got, want)
			}
		}
	}
	if len(docs[1].Clusters) != 1 || docs[1].Clusters[0][0] != (coref.Mention{0, 1}) {
		t.Errorf("d2 clusters = %v", docs[1].Clusters)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	for _, in := range []string{
		"0\tx\t(a-1\n",
		"# begin document d\n0\tx\ta-1)\n# end document\n",
		"# begin document d\n0\tx\t(a-1\n# end document\n",
		"# begin document d\n0\tx\n# end document\n",
	} {
		if _, err := coref.ReadCoNLL(strings.NewReader(in), "bad"); err == nil {
			t.Errorf("ReadCoNLL(%q): no error", in)
		}
	}
}
