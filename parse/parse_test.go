package parse_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/parse"
)

// embedded loads the embedded model once for all tests (it is read-only).
var embedded = sync.OnceValues(func() (*parse.Parser, error) { return parse.Load(models.FS()) })

// accurate loads the embedded beam-search parser once.
var accurate = sync.OnceValues(func() (*parse.Parser, error) { return parse.Load(models.Accurate()) })

func loadParser(t testing.TB) *parse.Parser { return mustLoad(t, embedded, "embedded model") }
func loadAccurate(t testing.TB) *parse.Parser {
	return mustLoad(t, accurate, "embedded accurate model")
}

// mustLoad returns load's parser, failing the test when it cannot load.
func mustLoad(t testing.TB, load func() (*parse.Parser, error), what string) *parse.Parser {
	t.Helper()
	p, err := load()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return p
}

// Accuracy floors on EWT (gold tokenization, gold tags). The figures with
// predicted tags are in TestFloorsPredictedTags.
func TestFloorsGoldTags(t *testing.T) {
	tests := []struct {
		file     string
		uas, las float64
	}{
		{"en_ewt-ud-dev.conllu", 88, 86},
		{"en_ewt-ud-test.conllu", 88, 86},
	}
	p := loadParser(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := shared.Path(t, "corpora", "ud-english-ewt", tt.file)
			gold, err := conllu.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc := parse.FromCoNLLU(gold, true)
			if err := p.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			s, err := parse.Score(gold, doc)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: UAS %.2f LAS %.2f (no punct %.2f %.2f)", tt.file, s.UAS(), s.LAS(), s.UASNoPunct(), s.LASNoPunct())
			if s.UAS() < tt.uas || s.LAS() < tt.las {
				t.Errorf("UAS %.2f LAS %.2f, want at least %.1f %.1f", s.UAS(), s.LAS(), tt.uas, tt.las)
			}
		})
	}
}

// doc builds a tagged sentence by hand: words are "form/XPOS/UPOS".
func handDoc(words ...[3]string) *chronicle.Document {
	d := &chronicle.Document{}
	text := ""
	for i, w := range words {
		if i > 0 {
			text += " "
		}
		d.Tokens = append(d.Tokens, chronicle.Token{Start: int32(len(text)), End: int32(len(text) + len(w[0])),
			XPOS: w[1], UPOS: w[2], Flags: chronicle.SpaceAfter})
		text += w[0]
	}
	d.Text = text
	d.Sentences = []chronicle.Sentence{{Tokens: chronicle.TokenRange{Start: 0, End: len(words)}}}
	return d
}

func TestHandBuiltSentences(t *testing.T) {
	p := loadParser(t)
	tests := []struct {
		name  string
		words [][3]string
		arcs  [][3]string // dependent, relation, head ("" for root)
	}{
		{
			"transitive",
			[][3]string{{"Putin", "NNP", "PROPN"}, {"skipped", "VBD", "VERB"}, {"the", "DT", "DET"}, {"meetings", "NNS", "NOUN"}, {".", ".", "PUNCT"}},
			[][3]string{{"Putin", "nsubj", "skipped"}, {"skipped", "root", ""}, {"meetings", "obj", "skipped"}, {"the", "det", "meetings"}, {".", "punct", "skipped"}},
		},
		{
			"passive",
			[][3]string{{"The", "DT", "DET"}, {"talks", "NNS", "NOUN"}, {"were", "VBD", "AUX"}, {"held", "VBN", "VERB"}, {"in", "IN", "ADP"}, {"Istanbul", "NNP", "PROPN"}, {".", ".", "PUNCT"}},
			[][3]string{{"talks", "nsubj:pass", "held"}, {"were", "aux:pass", "held"}, {"Istanbul", "obl", "held"}, {"in", "case", "Istanbul"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := handDoc(tt.words...)
			if err := p.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			idx := map[string]int{}
			for i := range doc.Tokens {
				idx[doc.Form(i)] = i
			}
			for _, a := range tt.arcs {
				tok := doc.Tokens[idx[a[0]]]
				head := ""
				if tok.Head >= 0 {
					head = doc.Form(int(tok.Head))
				}
				if tok.Deprel != a[1] || head != a[2] {
					t.Errorf("%s: got %s of %q, want %s of %q", a[0], tok.Deprel, head, a[1], a[2])
				}
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := parse.Load(os.DirFS(dir)); chronicle.ErrorCode(err) != chronicle.EUNAVAILABLE {
		t.Errorf("missing model: err = %v, want code %s", err, chronicle.EUNAVAILABLE)
	}
	good, err := models.FS().Open(parse.ModelFile)
	if err != nil {
		t.Fatal(err)
	}
	good.Close()
	data, err := os.ReadFile(filepath.Join("..", "models", "data", parse.ModelFile))
	if err != nil {
		t.Skip("models/data/parser.model not readable from here")
	}
	for _, n := range []int{0, 10, len(data) / 2, len(data) - 1} {
		if err := os.WriteFile(filepath.Join(dir, parse.ModelFile), data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := parse.Load(os.DirFS(dir)); chronicle.ErrorCode(err) != chronicle.EUNAVAILABLE {
			t.Errorf("model truncated to %d bytes: err = %v, want code %s", n, err, chronicle.EUNAVAILABLE)
		}
	}
}

// BenchmarkLoad measures reading the embedded model (budget: 1 s).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := parse.Load(models.FS()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseEWT parses EWT dev with its gold tags.
func BenchmarkParseEWT(b *testing.B) {
	p := loadParser(b)
	gold, err := conllu.ReadFile(shared.Path(b, "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	doc := parse.FromCoNLLU(gold, true)
	ctx := context.Background()
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestProcessInput(t *testing.T) {
	p := loadParser(t)
	tok := func(s, e int32) chronicle.Token { return chronicle.Token{Start: s, End: e, XPOS: "NN", UPOS: "NOUN"} }
	tests := []struct {
		name string
		doc  chronicle.Document
		code string // expected error code, "" for none
	}{
		{"empty", chronicle.Document{}, ""},
		{"no sentences", chronicle.Document{Text: "peace talks", Tokens: []chronicle.Token{tok(0, 5), tok(6, 11)}}, ""},
		{"token past the text", chronicle.Document{Text: "peace", Tokens: []chronicle.Token{tok(0, 9)}}, chronicle.EINVALID},
		{"sentence past the tokens", chronicle.Document{Text: "peace", Tokens: []chronicle.Token{tok(0, 5)},
			Sentences: []chronicle.Sentence{{Tokens: chronicle.TokenRange{Start: 0, End: 3}}}}, chronicle.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := p.Process(context.Background(), &tt.doc)
			if code := chronicle.ErrorCode(err); code != tt.code {
				t.Fatalf("error %v (code %q), want code %q", err, code, tt.code)
			}
			if err != nil {
				return
			}
			roots := 0
			for _, tk := range tt.doc.Tokens {
				if tk.Head < 0 {
					roots++
				}
				if tk.Deprel == "" {
					t.Errorf("token without relation")
				}
			}
			if len(tt.doc.Tokens) > 0 && roots != 1 {
				t.Errorf("%d roots, want 1", roots)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := handDoc([3]string{"Talks", "NNS", "NOUN"}, [3]string{"ended", "VBD", "VERB"})
	if err := p.Process(ctx, d); err == nil {
		t.Error("cancelled context: no error")
	}
}
