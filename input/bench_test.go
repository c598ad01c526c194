package input_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronicle-news/chronicle/input"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// BenchmarkReadHTMLNews reads the html-news corpus directory (13 real
// pages, 100–600 KB each) through input.Read: sniffing, charset, readability,
// metadata and text rendering. It reports docs/s.
func BenchmarkReadHTMLNews(b *testing.B) {
	dir := shared.Path(b, "corpora", "html-news")
	var size int64
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	for _, p := range pages {
		if fi, err := os.Stat(p); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	ctx := context.Background()
	docs := 0
	for b.Loop() {
		n := 0
		for a, err := range input.Read(ctx, dir) {
			if err != nil {
				continue // SOURCE.md and the JSON files are read too
			}
			if a.Format == input.HTML {
				n++
			}
		}
		if n != len(pages) {
			b.Fatalf("%d HTML articles, want %d", n, len(pages))
		}
		docs += n
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}

// TestReadHTMLNews checks that reading the corpus directory finds every page
// as an HTML article with a title.
func TestReadHTMLNews(t *testing.T) {
	dir := shared.Path(t, "corpora", "html-news")
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	n := 0
	for a, err := range input.Read(context.Background(), dir) {
		if err != nil || a.Format != input.HTML {
			continue
		}
		n++
		if a.Meta.Title == "" || len(a.Text) < 1000 {
			t.Errorf("%s: title %q, %d bytes of text", a.Name, a.Meta.Title, len(a.Text))
		}
	}
	if n != len(pages) {
		t.Errorf("%d HTML articles, want %d", n, len(pages))
	}
}
