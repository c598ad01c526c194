package segment_test

import (
	"os"
	"path/filepath"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tokenize"
)

// BenchmarkTokenizeSegment tokenizes and segments the BBC News corpus
// (about 5 MB), reusing the token, sentence and paragraph slices: the steady
// state allocates nothing.
func BenchmarkTokenizeSegment(b *testing.B) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no BBC files in %s: %v", dir, err)
	}
	var texts []string
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
	tok, seg := tokenize.New(), segment.New()
	var (
		toks  []chronicle.Token
		sents []chronicle.Sentence
		pars  []chronicle.Paragraph
	)
	pass := func() (ntok, nsent int) {
		for _, text := range texts {
			toks = tok.Append(toks[:0], text)
			sents, pars = seg.Append(sents[:0], pars[:0], text, toks)
			ntok += len(toks)
			nsent += len(sents)
		}
		return ntok, nsent
	}
	wantTok, wantSent := pass() // warm up: grow the slices once
	if wantSent < len(texts) || wantTok < size/10 {
		b.Fatalf("%d tokens and %d sentences in %d bytes", wantTok, wantSent, size)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	total := 0
	for b.Loop() {
		ntok, nsent := pass()
		if ntok != wantTok || nsent != wantSent {
			b.Fatalf("counts changed: %d/%d then %d/%d", wantTok, wantSent, ntok, nsent)
		}
		total += ntok
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(wantSent), "sentences")
}

// BenchmarkSegment segments pre-tokenized BBC News text.
func BenchmarkSegment(b *testing.B) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no BBC files in %s: %v", dir, err)
	}
	tok, seg := tokenize.New(), segment.New()
	var texts []string
	var tokens [][]chronicle.Token
	size, ntok := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text, _ := chronicle.RepairUTF8(raw)
		texts = append(texts, text)
		tokens = append(tokens, tok.Append(nil, text))
		size += len(text)
		ntok += len(tokens[len(tokens)-1])
	}
	var sents []chronicle.Sentence
	var pars []chronicle.Paragraph
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i, text := range texts { // warm up
		sents, pars = seg.Append(sents[:0], pars[:0], text, tokens[i])
	}
	n := 0
	for b.Loop() {
		for i, text := range texts {
			sents, pars = seg.Append(sents[:0], pars[:0], text, tokens[i])
		}
		n += ntok
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
