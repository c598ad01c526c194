package relevance_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/relevance"
)

func embedded(t testing.TB) *relevance.Classifier {
	t.Helper()
	c, err := relevance.Load(models.FS())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFeatures(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Talks in Turkey", "talks IN turkey", true}, // case folds
		{"talks talks turkey", "talks turkey", true}, // distinct words
		{"talks in turkey", "talks turkey", true},    // words under three letters go
		{"peace-talks 2025", "peace talks", true},    // digits and punctuation split
		{"peace talks", "war talks", false},          // words count
		{"Zelensky Kyiv", "zelensky kyiv", true},     // case folds
		{"Ürümqi", "ürümqi", true},                   // beyond ASCII too
		{"don’t “talks”", "don't \"talks\"", true},   // curly quotes split words as straight ones do
		{"peace\u00a0talks", "peace talks", true},    // so does a no-break space
	}
	for _, tt := range tests {
		fa, fb := relevance.Features(tt.a, nil), relevance.Features(tt.b, nil)
		if slices.Equal(fa, fb) != tt.same {
			t.Errorf("Features(%q) vs Features(%q): same = %v, want %v", tt.a, tt.b, !tt.same, tt.same)
		}
		if !slices.IsSorted(fa[1:]) || fa[0] != 1 {
			t.Errorf("Features(%q) = %v: want the bias, then sorted hashes", tt.a, fa)
		}
	}
}

// TestJudgements: the seed article (Ukraine-Russia talks) is relevant; a
// BBC sport and an entertainment article from the dev third (numbers 2 mod 3)
// are not (about one in ten such articles scores above the bar); a sentence
// is not judged.
func TestJudgements(t *testing.T) {
	c := embedded(t)
	seed, err := os.ReadFile(shared.Path(t, "seed", "talks-turkey.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := c.Relevance(string(seed)); !ok || p < 0.5 {
		t.Errorf("seed article: relevance %.3f (judged %v), want ≥ 0.5", p, ok)
	}
	for _, name := range []string{"sport_008.txt", "entertainment_005.txt"} {
		b, err := os.ReadFile(shared.Path(t, "corpora", "bbc-news", name))
		if err != nil {
			t.Fatal(err)
		}
		if p, ok := c.Relevance(string(b)); !ok || p >= relevance.OffTopicBelow {
			t.Errorf("%s: relevance %.3f (judged %v), want < %.2f", name, p, ok, relevance.OffTopicBelow)
		}
	}
	if _, ok := c.Relevance("Russian forces shelled Kharkiv on Saturday."); ok {
		t.Error("a sentence was judged")
	}
}

// TestProcess: an off-topic article's stored events become off-topic, an
// event already out of scope keeps its reason, and a short text is left
// alone.
func TestProcess(t *testing.T) {
	c := embedded(t)
	b, err := os.ReadFile(shared.Path(t, "corpora", "bbc-news", "sport_008.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := &chronicle.Document{Text: string(b), Events: []chronicle.Event{{Type: "ASSAULT"}, {Type: "CONSULT", Scope: chronicle.ScopeNoActor}}}
	if err := c.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Relevance == nil {
		t.Fatal("no relevance recorded")
	}
	if got := []string{doc.Events[0].Scope, doc.Events[1].Scope}; !slices.Equal(got, []string{chronicle.ScopeOffTopic, chronicle.ScopeNoActor}) {
		t.Errorf("scopes %q", got)
	}
	short := &chronicle.Document{Text: "Russia said it would send a delegation.", Events: []chronicle.Event{{Type: "CONSULT"}}}
	if err := c.Process(context.Background(), short); err != nil {
		t.Fatal(err)
	}
	if short.Relevance != nil || short.Events[0].Scope != "" {
		t.Errorf("short text: relevance %v, scope %q", short.Relevance, short.Events[0].Scope)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Process(ctx, doc); err == nil {
		t.Error("a cancelled context gave no error")
	}
}

func TestTrainReproducible(t *testing.T) {
	dir := shared.Path(t, "corpora", "bbc-news")
	var train, dev []relevance.Example
	for _, topic := range []string{"politics", "sport"} {
		files, _ := filepath.Glob(filepath.Join(dir, topic+"_0[0-2]*.txt"))
		for i, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			e := relevance.Example{Name: f, Text: string(b), Relevant: topic == "politics"}
			if i%2 == 0 {
				train = append(train, e)
			} else {
				dev = append(dev, e)
			}
		}
	}
	if len(train) < 20 {
		t.Fatalf("only %d training articles", len(train))
	}
	cfg := relevance.Config{Iterations: 3, Seed: 7}
	a, err := relevance.Train(context.Background(), train, dev, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := relevance.Train(context.Background(), train, dev, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Encode(), b.Encode()) {
		t.Fatal("two trainings on the same data differ")
	}
	if sc := a.Evaluate(dev); sc.Accuracy < 90 {
		t.Errorf("politics against sport: dev accuracy %.1f%%, want ≥ 90", sc.Accuracy)
	}
	c, err := relevance.Decode(a.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(c.Encode(), a.Encode()) {
		t.Error("decode and encode do not round-trip")
	}
}

func TestDecodeCorrupt(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "models", "data", relevance.ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{nil, []byte("CHRREL01"), data[:len(data)/2], append(bytes.Clone(data[:len(data)-1]), data[len(data)-1]^0xff)} {
		if _, err := relevance.Decode(bad); err == nil {
			t.Errorf("%d bytes of damaged model decoded without error", len(bad))
		}
	}
	if _, err := relevance.Load(os.DirFS(t.TempDir())); chronicle.ErrorCode(err) != chronicle.ENOTFOUND {
		t.Errorf("missing model: %v, want a %s error", err, chronicle.ENOTFOUND)
	}
}

func FuzzDecode(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("..", "models", "data", relevance.ModelFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("CHRREL01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := relevance.Decode(b)
		if err != nil {
			return // any error will do; a panic will not
		}
		c.Relevance(strings.Repeat("peace talks in Istanbul ", 60))
	})
}

func BenchmarkRelevance(b *testing.B) {
	c := embedded(b)
	seed, err := os.ReadFile(shared.Path(b, "seed", "talks-turkey.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		c.Relevance(string(seed))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
