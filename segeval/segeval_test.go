package segeval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/segeval"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tokenize"
)

const sample = `# newdoc id = d1
# newpar
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	3	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = Yes.
1	Yes	yes	INTJ	UH	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

# newpar
# text = New par.
1	New	new	ADJ	JJ	_	2	amod	_	_
2	par	par	NOUN	NN	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`

func TestBuild(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	g, err := segeval.Build(sents)
	if err != nil {
		t.Fatal(err)
	}
	if want := "I don't know. Yes.\n\nNew par.\n"; g.Text != want {
		t.Errorf("text %q, want %q", g.Text, want)
	}
	// Non-whitespace characters: "Idon'tknow." = 0..11, "Yes." = 11..15.
	wantTokens := []segeval.Span{{0, 1}, {1, 6}, {6, 10}, {10, 11}, {11, 14}, {14, 15}, {15, 18}, {18, 21}, {21, 22}}
	if len(g.Tokens) != len(wantTokens) {
		t.Fatalf("%d tokens, want %d: %+v", len(g.Tokens), len(wantTokens), g.Tokens)
	}
	for i, w := range wantTokens {
		if g.Tokens[i].Span != w {
			t.Errorf("token %d: %v, want %v", i, g.Tokens[i].Span, w)
		}
	}
	if got := g.Tokens[1].Words; len(got) != 2 || got[0] != "do" || got[1] != "n't" {
		t.Errorf("multiword token words %q, want [do n't]", got)
	}
	wantSents := []segeval.Span{{0, 11}, {11, 15}, {15, 22}}
	for i, w := range wantSents {
		if i >= len(g.Sentences) || g.Sentences[i] != w {
			t.Errorf("sentences %v, want %v", g.Sentences, wantSents)
			break
		}
	}
}

func TestBuildWrapsLongLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("# newdoc id = d\n# text = ")
	words := strings.Fields(strings.Repeat("word ", 40))
	b.WriteString(strings.Join(words, " ") + "\n")
	for i, w := range words {
		b.WriteString(strings.Join([]string{itoa(i + 1), w, "_", "_", "_", "_", "0", "root", "_", "_"}, "\t") + "\n")
	}
	sents, err := conllu.ReadAll(strings.NewReader(b.String()+"\n"), "long")
	if err != nil {
		t.Fatal(err)
	}
	g, err := segeval.Build(sents)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(g.Text, "\n"), "\n") {
		if len(line) > 81 {
			t.Errorf("line of %d characters: %q", len(line), line)
		}
	}
	if strings.ReplaceAll(g.Text, "\n", " ") != strings.Join(words, " ")+" " {
		t.Errorf("wrapping changed the words: %q", g.Text)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestScore(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	g, err := segeval.Build(sents)
	if err != nil {
		t.Fatal(err)
	}
	// A system that splits "don't" wrongly ("don" "'t") and misses the
	// boundary after "know.".
	text := g.Text
	tok := func(s string, from int32) chronicle.Token {
		i := int32(strings.Index(text[from:], s)) + from
		return chronicle.Token{Start: i, End: i + int32(len(s))}
	}
	var toks []chronicle.Token
	pos := int32(0)
	for _, f := range []string{"I", "don", "'t", "know", ".", "Yes", ".", "New", "par", "."} {
		t := tok(f, pos)
		toks = append(toks, t)
		pos = t.End
	}
	doc := &chronicle.Document{Text: text, Tokens: toks,
		Sentences: []chronicle.Sentence{{Tokens: chronicle.TokenRange{Start: 0, End: 7}}, {Tokens: chronicle.TokenRange{Start: 7, End: 10}}}}
	r, err := segeval.Score(g, doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := (segeval.Counts{Gold: 9, System: 10, Correct: 8}); r.Tokens != want {
		t.Errorf("tokens %+v, want %+v", r.Tokens, want)
	}
	if want := (segeval.Counts{Gold: 3, System: 2, Correct: 1}); r.Sentences != want {
		t.Errorf("sentences %+v, want %+v", r.Sentences, want)
	}
	if want := (segeval.Counts{Gold: 10, System: 10, Correct: 8}); r.Words != want {
		t.Errorf("words %+v, want %+v", r.Words, want)
	}
	if f := r.Sentences.F1(); f < 0.399 || f > 0.401 {
		t.Errorf("sentence F1 %.3f, want 0.4", f)
	}
}

// TestFloors asserts the accuracy floors of the tokenizer and segmenter on
// UD English EWT dev and test and the GUM news documents (train + dev), and
// logs the scores (go test -run Floors -v).
func TestFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation: skipped with -short")
	}
	ewt := shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-test.conllu")
	ewtDev := shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	gum := shared.Path(t, "corpora", "gum", "dep")
	tests := []struct {
		name            string
		gold            []string
		tokens, sentens float64
	}{
		{"EWT dev", []string{ewtDev}, 0.985, 0.86},
		{"EWT test", []string{ewt}, 0.985, 0.85},
		{"GUM news", []string{filepath.Join(gum, "train", "GUM_news_*.conllu"), filepath.Join(gum, "dev", "GUM_news_*.conllu")}, 0.985, 0.97},
	}
	stage := chronicle.Pipeline{tokenize.New(), segment.New()}
	for _, tt := range tests {
		files, err := segeval.Expand(tt.gold)
		if err != nil {
			t.Fatal(err)
		}
		var total segeval.Result
		for _, f := range files {
			r, err := segeval.File(context.Background(), f, stage)
			if err != nil {
				t.Fatal(err)
			}
			total.Add(r)
		}
		t.Logf("%s (%d files): token F1 %.2f, word F1 %.2f, sentence F1 %.2f", tt.name, len(files),
			100*total.Tokens.F1(), 100*total.Words.F1(), 100*total.Sentences.F1())
		if f := total.Tokens.F1(); f < tt.tokens {
			t.Errorf("%s: token F1 %.2f below the floor %.2f", tt.name, 100*f, 100*tt.tokens)
		}
		if f := total.Sentences.F1(); f < tt.sentens {
			t.Errorf("%s: sentence F1 %.2f below the floor %.2f", tt.name, 100*f, 100*tt.sentens)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a/x.conllu", "a/y.conllu", "b/x.conllu", "b/notes.txt"} {
		path := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"a/x.conllu"}, []string{"a/x.conllu"}},
		{[]string{"b"}, []string{"b/x.conllu"}},
		{[]string{"{a,b}/x.conllu"}, []string{"a/x.conllu", "b/x.conllu"}},
		{[]string{"a/*.conllu", "b"}, []string{"a/x.conllu", "a/y.conllu", "b/x.conllu"}},
	}
	for _, tt := range tests {
		var args []string
		for _, a := range tt.args {
			args = append(args, filepath.Join(dir, a))
		}
		got, err := segeval.Expand(args)
		if err != nil {
			t.Fatalf("Expand(%q): %v", tt.args, err)
		}
		for i := range got {
			got[i], _ = filepath.Rel(dir, got[i])
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Expand(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}
	if _, err := segeval.Expand([]string{filepath.Join(dir, "nothing*")}); chronicle.ErrorCode(err) != chronicle.ENOTFOUND {
		t.Errorf("no match: got %v, want ENOTFOUND", err)
	}
}
