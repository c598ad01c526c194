package tokenize_test

import (
	"os"
	"path/filepath"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/tokenize"
)

// readBBC returns the texts of the BBC News corpus (about 5 MB).
func readBBC(b *testing.B) ([]string, int) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no BBC files in %s: %v", dir, err)
	}
	texts := make([]string, 0, len(files))
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text, _ := chronicle.RepairUTF8(raw)
		texts = append(texts, text)
		size += len(text)
	}
	return texts, size
}

// BenchmarkTokenize tokenizes the BBC News corpus, reusing one token slice:
// the steady state allocates nothing.
func BenchmarkTokenize(b *testing.B) {
	texts, size := readBBC(b)
	tok := tokenize.New()
	var toks []chronicle.Token
	want := 0
	for _, text := range texts { // warm up: grow the slice once
		toks = tok.Append(toks[:0], text)
		want += len(toks)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	total := 0
	for b.Loop() {
		n := 0
		for _, text := range texts {
			toks = tok.Append(toks[:0], text)
			n += len(toks)
		}
		if n != want {
			b.Fatalf("token count changed: %d then %d", want, n)
		}
		total += n
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "tokens/s")
	if want < size/10 {
		b.Fatalf("only %d tokens in %d bytes", want, size)
	}
}
