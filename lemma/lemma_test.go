package lemma_test

import (
	"testing"

	"github.com/chronicle-news/chronicle/lemma"
	"github.com/chronicle-news/chronicle/perceptron"
)

const (
	nns = iota
	vbd
	vbg
	nnp
)

func TestLemma(t *testing.T) {
	b := lemma.NewBuilder()
	train := []struct {
		form  string
		tag   uint32
		lemma string
	}{
		{"talks", nns, "talk"}, {"ministers", nns, "minister"}, {"cats", nns, "cat"}, {"children", nns, "child"},
		{"walked", vbd, "walk"}, {"talked", vbd, "talk"}, {"went", vbd, "go"}, {"The", 99, "the"},
		{"making", vbg, "make"}, {"taking", vbg, "take"}, {"baking", vbg, "bake"},
		{"Ankara", nnp, "Ankara"}, {"States", nnp, "States"},
	}
	for _, e := range train {
		b.Add(e.form, e.tag, e.lemma, e.tag == nnp)
	}
	l := b.Build()
	e := perceptron.NewEncoder("LEM")
	l.Encode(e)
	d, err := perceptron.NewDecoder(e.Bytes(), "LEM")
	if err != nil {
		t.Fatal(err)
	}
	if l, err = lemma.Decode(d); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		form     string
		tag      uint32
		keepCase bool
		want     string
	}{
		{"talks", nns, false, "talk"},         // lexicon
		{"diplomats", nns, false, "diplomat"}, // rule -s
		{"Diplomats", nns, false, "diplomat"}, // lower-cased, then rule
		{"children", nns, false, "child"},     // exception
		{"went", vbd, false, "go"},
		{"jumped", vbd, false, "jump"}, // rule: strip "ed"
		{"shaking", vbg, false, "shake"},
		{"Istanbul", nnp, true, "Istanbul"},
		{"The", 99, false, "the"},
		{"", nns, false, ""},
	} {
		got, _ := l.Lemma(c.form, c.tag, c.keepCase, nil)
		if got != c.want {
			t.Errorf("Lemma(%q, %d) = %q, want %q", c.form, c.tag, got, c.want)
		}
	}
}
