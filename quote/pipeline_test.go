package quote_test

import (
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/timex"
	"github.com/chronicle-news/chronicle/tokenize"
)

// pipeline is the chain the corpus tests run: the team's stages up to
// actors, then quotes. The tagger and parser join when their models are in
// models/data; the test log says which ran.
func pipeline(t testing.TB) chronicle.Pipeline {
	t.Helper()
	p := chronicle.Pipeline{tokenize.New(), segment.New()}
	if tg, err := tag.Load(models.FS()); err == nil {
		p = append(p, tg)
		if ps, err := parse.Load(models.FS()); err == nil {
			p = append(p, ps)
		} else {
			t.Logf("parser not loaded: %v", err)
		}
	} else {
		t.Logf("tagger not loaded (and so no parser): %v", err)
	}
	p = append(p, timex.New())
	ac, err := actor.New(nil)
	if err != nil {
		t.Fatalf("actor.New: %v", err)
	}
	return append(p, ac, quote.New())
}
