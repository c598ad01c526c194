package actor_test

import (
	"context"
	"path/filepath"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/coref"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// BenchmarkProcess times the actor stage (mentions, role parsing,
// coreference, actors) over BBC news articles tokenized and segmented
// beforehand.
func BenchmarkProcess(b *testing.B) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "politics_*.txt"))
	if err != nil || len(files) == 0 {
		b.Skip("no bbc-news politics files")
	}
	if len(files) > 200 {
		files = files[:200]
	}
	var docs []*chronicle.Document
	tokens, bytes := 0, 0
	for _, f := range files {
		d := readDoc(b, f, "")
		docs = append(docs, d)
		tokens += len(d.Tokens)
		bytes += len(d.Text)
	}
	x, err := actor.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	actors := 0
	for b.Loop() {
		actors = 0
		for _, d := range docs {
			if err := x.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			actors += len(d.Actors)
		}
	}
	b.StopTimer()
	if actors < len(docs) {
		b.Fatalf("%d actors in %d political articles: the stage finds nothing", actors, len(docs))
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkClustersParsed times parse-based mention detection and the
// coreference sieve on GUM dev with its gold trees.
func BenchmarkClustersParsed(b *testing.B) {
	gold := shared.Path(b, "corpora", "gum", "coref_conll", "dev")
	dep := shared.Path(b, "corpora", "gum", "dep", "dev")
	var docs []*chronicle.Document
	tokens := 0
	collect := func(ctx context.Context, d *chronicle.Document) ([][]chronicle.TokenRange, error) {
		docs = append(docs, d)
		tokens += len(d.Tokens)
		return nil, nil
	}
	if _, _, err := coref.Evaluate(context.Background(), coref.Config{Gold: gold, Dep: dep, Syntax: coref.SyntaxGold}, collect); err != nil {
		b.Fatal(err)
	}
	x, err := actor.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	ents := 0
	for b.Loop() {
		ents = 0
		for _, d := range docs {
			cl, err := x.Clusters(ctx, d)
			if err != nil {
				b.Fatal(err)
			}
			ents += len(cl)
		}
	}
	b.StopTimer()
	if ents < tokens/10 {
		b.Fatalf("%d entities for %d tokens", ents, tokens)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
