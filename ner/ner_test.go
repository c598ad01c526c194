package ner_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/chronicle-news/chronicle/perceptron"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tokenize"
)

// embedded loads the embedded model once for all tests.
var embedded = sync.OnceValues(func() (*ner.Recognizer, error) { return ner.Load(models.FS()) })

func load(t testing.TB) *ner.Recognizer {
	t.Helper()
	r, err := embedded()
	if err != nil {
		t.Fatalf("load embedded recognizer: %v", err)
	}
	return r
}

// TestF1Floor scores the embedded models on UNER English-EWT dev. The floor
// sits a little under the figure the model was chosen with.
func TestF1Floor(t *testing.T) {
	if testing.Short() {
		t.Skip("slow evaluation skipped under -short")
	}
	path := shared.Path(t, "corpora", "uner-english-ewt", "en_ewt-ud-dev.iob2")
	ex, err := ner.ReadIOB2(path)
	if err != nil {
		t.Fatal(err)
	}
	rep := load(t).Evaluate(ex)
	o := rep.Overall
	t.Logf("UNER dev: P %.2f R %.2f F1 %.2f", o.Precision, o.Recall, o.F1)
	if o.F1 < 70.5 {
		t.Errorf("entity F1 %.2f is below the floor 70.5", o.F1)
	}
}

// doc builds a tagged document by hand (spaCy-style), so the test needs
// neither tokenizer nor tagger.
func doc(t *testing.T, sents ...string) *chronicle.Document {
	t.Helper()
	d := &chronicle.Document{}
	var text strings.Builder
	for _, s := range sents {
		start := len(d.Tokens)
		for _, wt := range strings.Fields(s) {
			form, tags, _ := strings.Cut(wt, "/")
			upos, xpos, _ := strings.Cut(tags, ",")
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			p := text.Len()
			text.WriteString(form)
			d.Tokens = append(d.Tokens, chronicle.Token{Start: int32(p), End: int32(p + len(form)), UPOS: upos, XPOS: xpos})
		}
		d.Sentences = append(d.Sentences, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: start, End: len(d.Tokens)}})
	}
	d.Text = text.String()
	return d
}

func TestProcess(t *testing.T) {
	r := load(t)
	d := doc(t,
		"Turkish/ADJ,JJ President/PROPN,NNP Recep/PROPN,NNP Tayyip/PROPN,NNP Erdogan/PROPN,NNP met/VERB,VBD Ukrainian/ADJ,JJ officials/NOUN,NNS in/ADP,IN Istanbul/PROPN,NNP ./PUNCT,.",
		"The/DET,DT United/PROPN,NNP Nations/PROPN,NNPS said/VERB,VBD the/DET,DT talks/NOUN,NNS would/AUX,MD resume/VERB,VB ./PUNCT,.",
	)
	if err := r.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range d.Entities {
		got[d.SpanText(e.Span)] = e.Type
		if e.Span != d.RangeSpan(e.Tokens) {
			t.Errorf("entity %q: span %v does not match tokens %v", d.SpanText(e.Span), e.Span, e.Tokens)
		}
		s := d.SentenceOf(e.Tokens.Start)
		if s < 0 || e.Tokens.End > d.Sentences[s].Tokens.End || e.Tokens.Len() <= 0 {
			t.Errorf("entity %q crosses a sentence boundary or is empty: %v", d.SpanText(e.Span), e.Tokens)
		}
		if e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("entity %q: confidence %v out of (0,1]", d.SpanText(e.Span), e.Confidence)
		}
	}
	want := map[string]string{
		"Turkish":              chronicle.EntityNORP,
		"Recep Tayyip Erdogan": chronicle.EntityPerson,
		"Ukrainian":            chronicle.EntityNORP,
		"Istanbul":             chronicle.EntityGPE,
		"United Nations":       chronicle.EntityOrg,
	}
	for text, typ := range want {
		if got[text] != typ {
			t.Errorf("%q: got type %q, want %q (all: %v)", text, got[text], typ, got)
		}
	}
}

func TestProcessEdgeCases(t *testing.T) {
	r := load(t)
	for _, d := range []*chronicle.Document{
		{},
		{Text: "Paris", Tokens: []chronicle.Token{{Start: 0, End: 5}}}, // untagged, no sentences
	} {
		if err := r.Process(context.Background(), d); err != nil {
			t.Errorf("%q: %v", d.Text, err)
		}
	}
	bad := &chronicle.Document{Text: "x", Tokens: []chronicle.Token{{Start: 0, End: 4}}}
	if err := r.Process(context.Background(), bad); chronicle.ErrorCode(err) != chronicle.EINVALID {
		t.Errorf("bad offsets: err = %v, want EINVALID", err)
	}
}

func TestCorruptModel(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "models", "data", ner.ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 0x5a
	for name, b := range map[string][]byte{
		"empty": {}, "truncated": data[:len(data)/3], "no crc": data[:len(data)-4], "flipped": flipped,
		"tagger": []byte("CHRTAG01 something else entirely"),
	} {
		_, err := ner.Load(fstest.MapFS{ner.ModelFile: {Data: b}})
		if chronicle.ErrorCode(err) != chronicle.EUNAVAILABLE || !errors.Is(err, perceptron.ErrCorrupt) {
			t.Errorf("%s: err = %v, want EUNAVAILABLE wrapping ErrCorrupt", name, err)
		}
	}
	if _, err := ner.Load(fstest.MapFS{}); chronicle.ErrorCode(err) != chronicle.ENOTFOUND {
		t.Errorf("missing model: err = %v, want ENOTFOUND", err)
	}
}

// TestReproducible trains twice on a small slice of UNER dev (standing in
// for train: only the bytes are compared) and wants identical bytes.
func TestReproducible(t *testing.T) {
	path := shared.Path(t, "corpora", "uner-english-ewt", "en_ewt-ud-dev.iob2")
	ex, err := ner.ReadIOB2(path)
	if err != nil {
		t.Fatal(err)
	}
	ex = ex[:300]
	var prev []byte
	for i := 0; i < 2; i++ {
		r, err := ner.Train(context.Background(), ex[:250], ex[250:], ner.Config{Iterations: 3, Seed: 3,
			Places: []string{"France", "New York"}, NORP: []string{"French"}})
		if err != nil {
			t.Fatal(err)
		}
		b := r.Encode()
		if i == 1 && !bytes.Equal(prev, b) {
			t.Fatalf("two trainings gave different models (%d and %d bytes)", len(prev), len(b))
		}
		prev = b
		back, err := ner.Decode(b)
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
	if _, err := ner.Load(models.FS()); err != nil {
		t.Fatal(err)
	}
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
		if _, err := ner.Load(models.FS()); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkNER runs the recognizer over the BBC News corpus, tokenized,
// segmented and tagged beforehand (not timed).
func BenchmarkNER(b *testing.B) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no BBC files")
	}
	tg, err := tag.Load(models.FS())
	if err != nil {
		b.Fatal(err)
	}
	pre := chronicle.Pipeline{tokenize.New(), segment.New(), tg}
	r := load(b)
	ctx := context.Background()
	var docs []*chronicle.Document
	size, tokens := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, err := chronicle.NewDocument(raw, f, chronicle.Meta{}, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := pre.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += len(d.Text)
		tokens += len(d.Tokens)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	entities := 0
	cpu0 := cpuTime()
	for b.Loop() {
		entities = 0
		for _, d := range docs {
			if err := r.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			entities += len(d.Entities)
		}
	}
	cpu := cpuTime() - cpu0
	if entities < tokens/100 {
		b.Fatalf("only %d entities in %d tokens", entities, tokens)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}
