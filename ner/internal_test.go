package ner

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
)

func TestInsert(t *testing.T) {
	h := func(score float64, label, prev int16) hyp { return hyp{score: score, label: label, prev: prev} }
	tests := []struct {
		name  string
		in    []hyp
		width int
		want  []hyp // scores and labels, best first
	}{
		{"ordered", []hyp{h(1, 1, 0), h(3, 2, 0), h(2, 3, 0)}, 4, []hyp{h(3, 2, 0), h(2, 3, 0), h(1, 1, 0)}},
		{"width", []hyp{h(1, 1, 0), h(3, 2, 0), h(2, 3, 0)}, 2, []hyp{h(3, 2, 0), h(2, 3, 0)}},
		{"same labels keep the better", []hyp{h(1, 1, 0), h(5, 1, 0), h(2, 2, 0)}, 4, []hyp{h(5, 1, 0), h(2, 2, 0)}},
		{"same labels, worse one dropped", []hyp{h(5, 1, 0), h(1, 1, 0)}, 4, []hyp{h(5, 1, 0)}},
		{"same label, other previous", []hyp{h(5, 1, 0), h(4, 1, 2)}, 4, []hyp{h(5, 1, 0), h(4, 1, 2)}},
		{"ties keep the first", []hyp{h(2, 1, 0), h(2, 2, 0)}, 1, []hyp{h(2, 1, 0)}},
	}
	for _, tt := range tests {
		var c []hyp
		for _, x := range tt.in {
			c = insert(c, x, tt.width)
		}
		if !slices.Equal(c, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, c, tt.want)
		}
	}
}

func TestPropagate(t *testing.T) {
	m := func(start, end int, typ string) Mention {
		return Mention{Start: start, End: end, Type: typ, Confidence: 0.9}
	}
	tests := []struct {
		name  string
		sents []string
		found [][]Mention
		want  []string // per sentence, its mentions as "text/TYPE" joined by ","
	}{
		{"organisation copied",
			[]string{"the HANO board met", "HANO said no", "staff of HANO"},
			[][]Mention{{m(1, 2, chronicle.EntityOrg)}, nil, nil},
			[]string{"HANO/ORG", "HANO/ORG", "HANO/ORG"}},
		{"multi-word, longest first",
			[]string{"Carr Futures agreed", "then Carr Futures and Carr left"},
			[][]Mention{{m(0, 2, chronicle.EntityOrg)}, nil},
			[]string{"Carr Futures/ORG", "Carr Futures/ORG"}},
		{"people and places are not copied",
			[]string{"Rita grew", "Rita hit Texas", "in Texas"},
			[][]Mention{{m(0, 1, chronicle.EntityPerson)}, {m(2, 3, chronicle.EntityGPE)}, nil},
			[]string{"Rita/PERSON", "Texas/GPE", ""}},
		{"surname of a person named in full",
			[]string{"Marco Rubio spoke", "Rubio signaled talks", "then Rubio and Marco left"},
			[][]Mention{{m(0, 2, chronicle.EntityPerson)}, nil, nil},
			[]string{"Marco Rubio/PERSON", "Rubio/PERSON", "Rubio/PERSON"}},
		{"no surname when also a place",
			[]string{"Jack London wrote", "London is big", "London again"},
			[][]Mention{{m(0, 2, chronicle.EntityPerson)}, {m(0, 1, chronicle.EntityGPE)}, nil},
			[]string{"Jack London/PERSON", "London/GPE", ""}},
		{"majority type wins",
			[]string{"Enron paid", "Enron grew", "Enron fell", "Enron rose"},
			[][]Mention{{m(0, 1, chronicle.EntityOrg)}, {m(0, 1, chronicle.EntityPerson)}, {m(0, 1, chronicle.EntityPerson)}, nil},
			[]string{"Enron/ORG", "Enron/PERSON", "Enron/PERSON", ""}},
		{"lower case and covered tokens left alone",
			[]string{"Google won", "google and Google Maps"},
			[][]Mention{{m(0, 1, chronicle.EntityOrg)}, {m(2, 4, chronicle.EntityLoc)}},
			[]string{"Google/ORG", "Google Maps/LOC"}},
	}
	for _, tt := range tests {
		forms := make([][]string, len(tt.sents))
		for i, s := range tt.sents {
			forms[i] = strings.Fields(s)
		}
		propagate(forms, tt.found)
		for i := range forms {
			var got []string
			for _, x := range tt.found[i] {
				got = append(got, strings.Join(forms[i][x.Start:x.End], " ")+"/"+x.Type)
			}
			if g := strings.Join(got, ","); g != tt.want[i] {
				t.Errorf("%s: sentence %d: got %q, want %q", tt.name, i, g, tt.want[i])
			}
		}
	}
}

func TestGUMExamples(t *testing.T) {
	// word: form, UPOS, XPOS, head, Entity
	type w struct {
		form, upos, xpos string
		head             int
		ent              string
	}
	tests := []struct {
		name  string
		words []w
		want  string
	}{
		{"title left out", []w{
			{"Mr.", "PROPN", "NNP", 2, "(1-person"}, {"Brown", "PROPN", "NNP", 3, "1)"}, {"spoke", "VERB", "VBD", 0, ""},
		}, "O B-PER O"},
		{"NNP tagged VERB", []w{
			{"the", "DET", "DT", 3, "(2-place"}, {"United", "VERB", "NNP", 3, ""}, {"Kingdom", "PROPN", "NNP", 4, "2)"}, {"voted", "VERB", "VBD", 0, ""},
		}, "O B-LOC I-LOC O"},
		{"common noun head", []w{
			{"the", "DET", "DT", 2, "(3-organization"}, {"company", "NOUN", "NN", 3, "3)"}, {"grew", "VERB", "VBD", 0, ""},
		}, "O O O"},
	}
	for _, tt := range tests {
		s := &conllu.Sentence{ID: "s1", NewDoc: "d1", DocStart: true}
		for i, x := range tt.words {
			misc := "_"
			if x.ent != "" {
				misc = "Entity=" + x.ent
			}
			s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: x.form, UPOS: x.upos, XPOS: x.xpos, Head: x.head, Misc: misc})
		}
		ex := GUMExamples([]*conllu.Sentence{s}, nil)
		if len(ex) != 1 {
			t.Fatalf("%s: %d examples", tt.name, len(ex))
		}
		if got := strings.Join(ex[0].Labels, " "); got != tt.want || ex[0].Doc != "d1" {
			t.Errorf("%s: got %q (doc %q), want %q", tt.name, got, ex[0].Doc, tt.want)
		}
	}
}

// TestBeamAgreesWithExhaustive checks the decoder against an exhaustive
// search over all valid label sequences of short sentences: with a beam as
// wide as the number of labels and recombination, it must find the best.
func TestBeamAgreesWithExhaustive(t *testing.T) {
	r, err := embeddedForTest()
	if err != nil {
		t.Skip(err)
	}
	for _, sent := range []string{"Mr. Smith went to Washington", "the United Nations met", "IBM"} {
		s := new(sequence)
		s.forms = strings.Fields(sent)
		r.load(s)
		var b beamScratch[int32]
		b.trans = r.trans
		best, stop := search(r, s, r.model, numClasses*numClasses, &b, nil)
		got := make([]int32, len(s.forms))
		s.backtrack(best, stop, got)
		want, _ := exhaustive(r, s)
		if !slices.Equal(got, want) {
			t.Errorf("%q: beam %v, exhaustive %v", sent, got, want)
		}
	}
}

func exhaustive(r *Recognizer, s *sequence) ([]int32, int64) {
	n := len(s.forms)
	var best []int32
	bestScore := int64(-1 << 62)
	labels := make([]int32, n)
	sc := make([]int32, numClasses)
	var rec func(i int, score int64)
	rec = func(i int, score int64) {
		if i == n {
			if score > bestScore {
				best, bestScore = slices.Clone(labels), score
			}
			return
		}
		p1, p2 := history(labels, i)
		allowed := r.allowedAfter(p1, i == n-1)
		sf, _ := s.staticFeatures(i)
		r.model.Scores(append(slices.Clone(sf), s.labelFeatures(i, p1, p2)...), sc)
		scores := slices.Clone(sc)
		for c, ok := range allowed {
			if ok {
				labels[i] = int32(c)
				rec(i+1, score+int64(scores[c]))
			}
		}
	}
	rec(0, 0)
	return best, bestScore
}

func embeddedForTest() (*Recognizer, error) {
	r, err := Load(models.FS())
	if err != nil {
		return nil, fmt.Errorf("no model: %w", err)
	}
	return r, nil
}

// TestWordCacheChangesNothing decodes UNER dev sentences through recognize,
// which caches word feature scores, and through search scoring every
// feature afresh, and wants the same labels. Dev has more word types than
// the cache has rows, so words also evict each other.
func TestWordCacheChangesNothing(t *testing.T) {
	r, err := embeddedForTest()
	if err != nil {
		t.Skip(err)
	}
	ex, err := ReadIOB2(shared.Path(t, "corpora", "uner-english-ewt", "en_ewt-ud-dev.iob2"))
	if err != nil {
		t.Fatal(err)
	}
	cached, fresh := new(sequence), new(sequence)
	for k, e := range ex {
		cached.forms = e.Forms
		r.recognize(cached, nil)
		fresh.forms = e.Forms
		r.load(fresh)
		var b beamScratch[int32]
		b.trans = r.trans
		best, stop := search(r, fresh, r.model, r.width, &b, nil)
		want := make([]int32, len(e.Forms))
		fresh.backtrack(best, stop, want)
		if got := cached.labels[:len(e.Forms)]; !slices.Equal(got, want) {
			t.Fatalf("sentence %d: cached %v, fresh %v", k, got, want)
		}
	}
	if cached.cache.Len() == 0 {
		t.Fatal("the cache was never filled")
	}
}
