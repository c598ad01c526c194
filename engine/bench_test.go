package engine_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tokenize"
)

func bbcTexts(b *testing.B, n int) [][]byte {
	files, _ := filepath.Glob(filepath.Join(shared.Path(b, "corpora", "bbc-news"), "*.txt"))
	sort.Strings(files)
	if len(files) > n {
		files = files[:n]
	}
	var out [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, raw)
	}
	return out
}

// grammarCore keeps the tokenizer, segmenter and the three models of the
// grammar core (issue 3): tag, parse, ner. Every article is parsed
// (KeepOffTopic), and the relevance stage, which is no part of the core,
// is left out.
func grammarCore(b *testing.B) chronicle.Pipeline { return grammarCoreOf(b, false) }

// grammarCoreOf is grammarCore with the greedy or the accurate parser.
func grammarCoreOf(b *testing.B, accurate bool) chronicle.Pipeline {
	full, err := engine.New(engine.Options{KeepOffTopic: true, AccurateParser: accurate})
	if err != nil {
		b.Fatal(err)
	}
	var p chronicle.Pipeline
	for _, st := range full {
		switch st.(type) {
		case *tokenize.Tokenizer, *segment.Segmenter, *tag.Tagger, *parse.Parser, *ner.Recognizer:
			p = append(p, st)
		}
	}
	if len(p) != 5 {
		b.Fatalf("grammar core has %d stages, want tokenize, segment, tag, parse, ner", len(p))
	}
	return p
}

// batch is how many documents a goroutine analyses stage by stage, as
// ingest does (chronicle.Pipeline.ProcessBatch).
const batch = chronicle.BatchSize

// BenchmarkGrammarCoreAccurate is BenchmarkGrammarCore with the embedded
// beam-search parser (engine.Options.AccurateParser).
func BenchmarkGrammarCoreAccurate(b *testing.B) {
	texts := bbcTexts(b, 300)
	benchPipeline(b, grammarCoreOf(b, true), texts, 1, batch)
}

// BenchmarkGrammarCore runs tokenize, segment, tag, parse and NER over 300
// BBC articles on one goroutine, in batches of 8 as ingest runs them.
func BenchmarkGrammarCore(b *testing.B) {
	texts := bbcTexts(b, 300)
	p := grammarCore(b)
	benchPipeline(b, p, texts, 1, batch)
}

// BenchmarkGrammarCoreByDocument runs the same one document at a time
// through every stage, to show what batches save.
func BenchmarkGrammarCoreByDocument(b *testing.B) {
	texts := bbcTexts(b, 300)
	p := grammarCore(b)
	benchPipeline(b, p, texts, 1, 1)
}

// BenchmarkGrammarCoreParallel runs the same with one goroutine per core,
// all sharing one set of models (tokens/s is for the whole machine).
func BenchmarkGrammarCoreParallel(b *testing.B) {
	texts := bbcTexts(b, 300)
	p := grammarCore(b)
	benchPipeline(b, p, texts, 0, batch)
}

// BenchmarkPipeline runs every stage, as ingest does: articles judged off
// topic are not parsed.
func BenchmarkPipeline(b *testing.B) {
	texts := bbcTexts(b, 300)
	p, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchPipeline(b, p, texts, 1, batch)
}

func benchPipeline(b *testing.B, p chronicle.Pipeline, texts [][]byte, workers, size int) {
	if workers <= 0 {
		workers = runtimeCores()
	}
	ctx := context.Background()
	var bytes int64
	for _, t := range texts {
		bytes += int64(len(t))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	var tokens int64
	for i := 0; i < b.N; i++ {
		var mu sync.Mutex
		var wg sync.WaitGroup
		next := 0
		tokens = 0
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					mu.Lock()
					k := next
					next += size
					mu.Unlock()
					if k >= len(texts) {
						return
					}
					var docs []*chronicle.Document
					for _, t := range texts[k:min(k+size, len(texts))] {
						doc, err := chronicle.NewDocument(t, "bench", chronicle.Meta{}, 0)
						if err != nil {
							b.Error(err)
							return
						}
						docs = append(docs, doc)
					}
					n := 0
					for i, err := range p.ProcessBatch(ctx, docs) {
						if err != nil {
							b.Error(err)
							return
						}
						n += len(docs[i].Tokens)
					}
					mu.Lock()
					tokens += int64(n)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
	}
	if tokens == 0 {
		b.Fatal("no tokens: the benchmark measures nothing")
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(texts))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// TestModelsLoad checks that the embedded models load within the issue's
// budget when run alone (the timing is reported, not asserted: see
// BenchmarkLoad).
func TestModelsLoad(t *testing.T) {
	if _, err := engine.New(engine.Options{}); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLoad measures loading every embedded model.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		fsys := modelsFS()
		if _, err := tag.Load(fsys); err != nil {
			b.Fatal(err)
		}
		if _, err := parse.Load(fsys); err != nil {
			b.Fatal(err)
		}
		if _, err := ner.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
