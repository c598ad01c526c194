package timex_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/timex"
)

// BenchmarkFind runs the recognizer over the BBC news corpus.
func BenchmarkFind(b *testing.B) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	}
	if len(files) == 0 {
		b.Skip("no .txt files in bbc-news")
	}
	var texts []string
	size, words := 0, 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
		inWord := false
		for _, c := range t {
			sp := c == ' ' || c == '\n' || c == '\t' || c == '\r'
			if !sp && !inWord {
				words++
			}
			inWord = !sp
		}
	}
	r := timex.New()
	var dst []chronicle.Timex
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = 0
		for _, t := range texts {
			dst = r.Find(t, dct, dst[:0])
			n += len(dst)
		}
	}
	b.StopTimer()
	if n == 0 {
		b.Fatal("no time expressions found in the corpus")
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n), "timexes")
}
