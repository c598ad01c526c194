package actor_test

import (
	"context"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
)

func TestDebugFull(t *testing.T) {
	doc := readDoc(t, shared.Path(t, "seed", "talks-turkey.txt"), "2025-05-16")
	tg, err := tag.Load(models.FS())
	if err != nil {
		t.Fatal(err)
	}
	ps, err := parse.Load(models.FS())
	if err != nil {
		t.Fatal(err)
	}
	nr, err := ner.Load(models.FS())
	if err != nil {
		t.Fatal(err)
	}
	if err := (chronicle.Pipeline{tg, ps, nr}).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Entities {
		t.Logf("%s %q", e.Type, doc.SpanText(e.Span))
	}
	x, _ := actor.New(seedRegistry(t))
	x.Process(context.Background(), doc)
	t.Log(dump(doc))
}
