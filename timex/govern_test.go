package timex_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/timex"
)

// parsed builds a tokenized, tagged and parsed one-sentence document by
// hand, spaCy-style: words separated by single spaces, heads as indices
// (-1 for the root).
func parsed(t *testing.T, dct time.Time, words, xpos []string, heads []int, deps []string) *chronicle.Document {
	t.Helper()
	if len(xpos) != len(words) || len(heads) != len(words) || len(deps) != len(words) {
		t.Fatal("parsed: lengths differ")
	}
	doc := &chronicle.Document{Text: strings.Join(words, " "), Published: dct}
	off := 0
	for i, w := range words {
		doc.Tokens = append(doc.Tokens, chronicle.Token{
			Start: int32(off), End: int32(off + len(w)), Flags: chronicle.SpaceAfter,
			XPOS: xpos[i], Lemma: strings.ToLower(w), Head: int32(heads[i]), Deprel: deps[i],
		})
		off += len(w) + 1
	}
	doc.Sentences = []chronicle.Sentence{{Tokens: chronicle.TokenRange{Start: 0, End: len(words)}}}
	return doc
}

var dct = time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC) // a Friday

func TestGoverning(t *testing.T) {
	// "Rubio signaled Thursday that Trump will meet Putin Monday ."
	words := []string{"Rubio", "signaled", "Thursday", "that", "Trump", "will", "meet", "Putin", "Monday", "."}
	xpos := []string{"NNP", "VBD", "NNP", "IN", "NNP", "MD", "VB", "NNP", "NNP", "."}
	heads := []int{1, -1, 1, 6, 6, 6, 1, 6, 6, 1}
	deps := []string{"nsubj", "root", "obl:tmod", "mark", "nsubj", "aux", "ccomp", "obj", "obl:tmod", "punct"}

	tests := []struct {
		name    string
		dct     time.Time
		tok     int
		deps    []string
		value   string
		source  string
		minConf float64
	}{
		{"attached past", dct, 1, deps, "2025-05-15", timex.SourceParse, 0.5},
		{"attached future", dct, 6, deps, "2025-05-19", timex.SourceParse, 0.5},
		{"sentence fallback", dct, 7, unparsed(deps), "2025-05-19", timex.SourceSentence, 0.3},
		{"the clause's time", dct, 4, deps, "2025-05-19", timex.SourceParse, 0.5},
		{"unparsed: nearest in sentence", dct, 4, unparsed(deps), "2025-05-15", timex.SourceSentence, 0.3},
		{"outside the tokens: dct", dct, 99, deps, "2025-05-16", timex.SourceDCT, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parsed(t, tt.dct, words, xpos, heads, tt.deps)
			if err := timex.New().Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			g := timex.Governing(doc, tt.tok)
			if g.Value != tt.value || g.Source != tt.source || g.Confidence < tt.minConf || g.Confidence > 1 {
				t.Errorf("Governing(%d) = %+v, want value %s from %s", tt.tok, g, tt.value, tt.source)
			}
		})
	}
}

func unparsed(deps []string) []string {
	out := make([]string, len(deps))
	for i := range out {
		out[i] = ""
	}
	return out
}

// TestGoverningFallbacks: a sentence with no time expression gets the DCT
// with a low confidence, and nothing when no DCT is known.
func TestGoverningFallbacks(t *testing.T) {
	words := []string{"Officials", "met", "in", "Turkey", "."}
	xpos := []string{"NNS", "VBD", "IN", "NNP", "."}
	heads := []int{1, -1, 3, 1, 1}
	deps := []string{"nsubj", "root", "case", "obl", "punct"}

	doc := parsed(t, dct, words, xpos, heads, deps)
	if err := timex.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	g := timex.Governing(doc, 1)
	if g.Value != "2025-05-16" || g.Source != timex.SourceDCT || g.Confidence >= 0.5 || g.Timex != -1 {
		t.Errorf("with DCT: got %+v", g)
	}

	doc = parsed(t, time.Time{}, words, xpos, heads, deps)
	if err := timex.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	g = timex.Governing(doc, 1)
	if g.Value != "" || g.Source != timex.SourceNone || g.Confidence != 0 {
		t.Errorf("without DCT: got %+v", g)
	}
}
