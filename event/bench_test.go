package event_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// BenchmarkCode measures event coding alone over BBC politics articles
// analysed once beforehand by the rest of the pipeline.
func BenchmarkCode(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(shared.Path(b, "corpora", "bbc-news"), "politics_*.txt"))
	sort.Strings(files)
	if len(files) > 200 {
		files = files[:200]
	}
	full, err := engine.New(engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var docs []*chronicle.Document
	tokens := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := chronicle.NewDocument(raw, f, chronicle.Meta{}, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := full[:len(full)-1].Process(ctx, doc); err != nil { // all but the event stage
			b.Fatal(err)
		}
		docs = append(docs, doc)
		tokens += len(doc.Tokens)
	}
	c := event.New(nil)
	b.ReportAllocs()
	b.ResetTimer()
	events := 0
	for i := 0; i < b.N; i++ {
		events = 0
		for _, d := range docs {
			if err := c.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			events += len(d.Events)
		}
	}
	if events == 0 {
		b.Fatal("no events coded: the benchmark measures nothing")
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(events), "events/op")
}
