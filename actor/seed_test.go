package actor_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/registry"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

// readDoc reads an article and runs the stages before actor that need no
// model (tokenizer, segmenter).
func readDoc(t testing.TB, path string, published string) *chronicle.Document {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var meta chronicle.Meta
	if published != "" {
		meta.Published, _ = time.Parse("2006-01-02", published)
	}
	doc, err := chronicle.NewDocument(raw, filepath.Base(path), meta, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := chronicle.Pipeline{tokenize.New(), segment.New()}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// dump writes actors in a stable, reviewable text form.
func dump(doc *chronicle.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d actors\n", len(doc.Actors))
	for _, a := range doc.Actors {
		fmt.Fprintf(&b, "\n%s\t%s\t%s\tcountry=%s\tsector=%s\n", a.ID, a.Type, a.Name, a.Country, a.Sector)
		for _, r := range a.Roles {
			fmt.Fprintf(&b, "\trole\t%s\tcountry=%s\tsector=%s\tseen=%s\t%q\n", r.Title, r.Country, r.Sector, r.Seen, doc.SpanText(r.Span))
		}
		for _, m := range a.Mentions {
			fmt.Fprintf(&b, "\t%s\t%d-%d\t%q\n", m.Kind, m.Start, m.End, doc.SpanText(m.Span))
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenFile(t, filepath.Join("testdata", name), got)
}

// goldenFile compares got with the file at path; -update rewrites it.
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (review, then run with -update):\n%s", path, diffLines(string(want), got))
	}
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "line %d:\n- %s\n+ %s\n", i+1, x, y)
		}
	}
	return out.String()
}

func seedRegistry(t testing.TB) *registry.Registry {
	t.Helper()
	reg := registry.New()
	f, err := os.Open(filepath.Join("testdata", "us-officials.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	es, err := registry.ReadDictionary(f, "us-officials.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		reg.Add(e)
	}
	return reg
}

// modelStages loads the model stages (tagger, parser, NER) once per test binary.
var modelStages = sync.OnceValues(func() (chronicle.Pipeline, error) {
	tg, err := tag.Load(models.FS())
	if err != nil {
		return nil, err
	}
	ps, err := parse.Load(models.FS())
	if err != nil {
		return nil, err
	}
	nr, err := ner.Load(models.FS())
	if err != nil {
		return nil, err
	}
	return chronicle.Pipeline{tg, ps, nr}, nil
})

// readFullDoc reads an article through the default pipeline up to actor:
// tokenizer, segmenter, tagger, parser, NER.
func readFullDoc(t testing.TB, path, published string) *chronicle.Document {
	t.Helper()
	doc := readDoc(t, path, published)
	p, err := modelStages()
	if err != nil {
		t.Skipf("models not available: %v", err)
	}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSeedGolden runs the default pipeline (with the embedded models) and
// the actor stage with a user dictionary of U.S. officials on the seed.
func TestSeedGolden(t *testing.T) {
	doc := readFullDoc(t, shared.Path(t, "seed", "talks-turkey.txt"), "2025-05-16")
	x, err := actor.New(seedRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	golden(t, "talks-turkey.golden", dump(doc))
}

// Without a registry and without models (tokenizer and segmenter only) the
// text alone decides: the U.S. officials get no country (the seed never
// says it), ids follow the id rule all the same.
func TestSeedGoldenNoRegistry(t *testing.T) {
	doc := readDoc(t, shared.Path(t, "seed", "talks-turkey.txt"), "2025-05-16")
	x, err := actor.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	golden(t, "talks-turkey.noregistry.golden", dump(doc))
}
