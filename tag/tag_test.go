package tag_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/perceptron"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tokenize"
)

// embedded loads the embedded model once for all tests.
var embedded = sync.OnceValues(func() (*tag.Tagger, error) { return tag.Load(models.FS()) })

func load(t testing.TB) *tag.Tagger {
	t.Helper()
	tg, err := embedded()
	if err != nil {
		t.Fatalf("load embedded tagger: %v", err)
	}
	return tg
}

// TestAccuracyFloor scores the embedded model on EWT dev (gold tokenization).
// The floors sit a little under the figures the model was chosen with.
func TestAccuracyFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("slow evaluation skipped under -short")
	}
	path := shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := load(t).Evaluate(tag.Examples(sents))
	t.Logf("EWT dev: UPOS %.2f%% XPOS %.2f%% lemma %.2f%% over %d tokens", sc.UPOS, sc.XPOS, sc.Lemma, sc.Tokens)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"UPOS", sc.UPOS, 95.0}, {"XPOS", sc.XPOS, 94.2}, {"lemma", sc.Lemma, 96.4}} {
		if c.got < c.floor {
			t.Errorf("%s accuracy %.2f%% is below the floor %.2f%%", c.name, c.got, c.floor)
		}
	}
}

func TestProcess(t *testing.T) {
	tg := load(t)
	text := "The ministers met in Ankara on Friday. They discussed the talks."
	doc := &chronicle.Document{Text: text}
	// Hand-built tokens and sentences, so the test needs no tokenizer.
	words := []string{"The", "ministers", "met", "in", "Ankara", "on", "Friday", ".", "They", "discussed", "the", "talks", "."}
	pos := 0
	for _, w := range words {
		i := bytes.Index([]byte(text[pos:]), []byte(w)) + pos
		doc.Tokens = append(doc.Tokens, chronicle.Token{Start: int32(i), End: int32(i + len(w))})
		pos = i + len(w)
	}
	doc.Sentences = []chronicle.Sentence{{Tokens: chronicle.TokenRange{Start: 0, End: 8}}, {Tokens: chronicle.TokenRange{Start: 8, End: 13}}}
	if err := tg.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := []struct{ upos, xpos, lemma string }{
		{"DET", "DT", "the"}, {"NOUN", "NNS", "minister"}, {"VERB", "VBD", "meet"}, {"ADP", "IN", "in"},
		{"PROPN", "NNP", "Ankara"}, {"ADP", "IN", "on"}, {"PROPN", "NNP", "Friday"}, {"PUNCT", ".", "."},
		{"PRON", "PRP", "they"}, {"VERB", "VBD", "discuss"}, {"DET", "DT", "the"}, {"NOUN", "NNS", "talk"}, {"PUNCT", ".", "."},
	}
	for i, w := range want {
		tok := doc.Tokens[i]
		if tok.UPOS != w.upos || tok.XPOS != w.xpos || tok.Lemma != w.lemma {
			t.Errorf("token %d %q: got %s/%s/%s, want %s/%s/%s", i, doc.Form(i), tok.UPOS, tok.XPOS, tok.Lemma, w.upos, w.xpos, w.lemma)
		}
	}
}

func TestProcessEdgeCases(t *testing.T) {
	tg := load(t)
	cases := []struct {
		name string
		doc  *chronicle.Document
		code string
	}{
		{"empty", &chronicle.Document{}, ""},
		{"no sentences", &chronicle.Document{Text: "Hello world", Tokens: []chronicle.Token{{Start: 0, End: 5}, {Start: 6, End: 11}}}, ""},
		{"bad offsets", &chronicle.Document{Text: "Hi", Tokens: []chronicle.Token{{Start: 0, End: 9}}}, chronicle.EINVALID},
	}
	for _, c := range cases {
		err := tg.Process(context.Background(), c.doc)
		if got := chronicle.ErrorCode(err); got != c.code {
			t.Errorf("%s: error %v, want code %q", c.name, err, c.code)
		}
		if c.code == "" {
			for i, tok := range c.doc.Tokens {
				if tok.UPOS == "" || tok.XPOS == "" || tok.Lemma == "" {
					t.Errorf("%s: token %d not tagged: %+v", c.name, i, tok)
				}
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &chronicle.Document{Text: "a", Tokens: []chronicle.Token{{Start: 0, End: 1}}, Sentences: []chronicle.Sentence{{Tokens: chronicle.TokenRange{End: 1}}}}
	if err := tg.Process(ctx, doc); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestCorruptModel(t *testing.T) {
	data, err := fs.ReadFile(models.FS(), tag.ModelFile)
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 0x5a
	cases := map[string][]byte{
		"empty":     {},
		"truncated": data[:len(data)/3],
		"no crc":    data[:len(data)-4],
		"flipped":   flipped,
		"wrong":     []byte("CHRNER01 not a tagger model at all"),
	}
	for name, b := range cases {
		_, err := tag.Load(fstest.MapFS{tag.ModelFile: {Data: b}})
		if err == nil || chronicle.ErrorCode(err) != chronicle.EUNAVAILABLE || !errors.Is(err, perceptron.ErrCorrupt) {
			t.Errorf("%s: err = %v, want EUNAVAILABLE wrapping ErrCorrupt", name, err)
		}
	}
	if _, err := tag.Load(fstest.MapFS{}); chronicle.ErrorCode(err) != chronicle.ENOTFOUND {
		t.Errorf("missing model: err = %v, want ENOTFOUND", err)
	}
}

// TestReproducible trains twice on a small slice of EWT train: the bytes
// must be identical (no map order, no time, no randomness leaks in).
func TestReproducible(t *testing.T) {
	path := shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ex := tag.Examples(sents[:300])
	var prev []byte
	for i := 0; i < 2; i++ {
		tg, err := tag.Train(context.Background(), ex[:250], ex[250:], tag.Config{Iterations: 3, Seed: 7,
			Unlabelled: []string{"A short text. Another Short text with Names like Ankara."}})
		if err != nil {
			t.Fatal(err)
		}
		b := tg.Encode()
		if i == 1 && !bytes.Equal(prev, b) {
			t.Fatalf("two trainings gave different models (%d and %d bytes)", len(prev), len(b))
		}
		prev = b
		back, err := tag.Decode(b)
		if err != nil {
			t.Fatalf("decode the trained model: %v", err)
		}
		if !bytes.Equal(back.Encode(), b) {
			t.Fatal("decode+encode changed the model")
		}
	}
}

func TestLoadTime(t *testing.T) {
	start, cpu0 := time.Now(), cpuTime()
	if _, err := tag.Load(models.FS()); err != nil {
		t.Fatal(err)
	}
	// CPU time, not wall time: the CI machine may be shared and loaded.
	d := cpuTime() - cpu0
	if d == 0 {
		d = time.Since(start)
	}
	if d > time.Second {
		t.Errorf("loading took %v of CPU, want ≤ 1s", d)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := tag.Load(models.FS()); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkTag tags the BBC News corpus, tokenized and segmented by the
// project's tokenizer and segmenter beforehand (not timed).
func BenchmarkTag(b *testing.B) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no BBC files")
	}
	tk, sg, tg := tokenize.New(), segment.New(), load(b)
	ctx := context.Background()
	var docs []*chronicle.Document
	size, tokens := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := chronicle.NewDocument(raw, f, chronicle.Meta{}, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := tk.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
		if err := sg.Process(ctx, doc); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		size += len(doc.Text)
		tokens += len(doc.Tokens)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if err := tg.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu := cpuTime() - cpu0
	if docs[0].Tokens[0].UPOS == "" {
		b.Fatal("first token not tagged")
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}
