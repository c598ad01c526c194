package engine_test

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
)

// TestRelevanceOptions: a model folder from before the relevance stage
// still loads (the embedded classifier serves), and KeepOffTopic keeps the
// events of a sports report in scope while recording its relevance.
func TestRelevanceOptions(t *testing.T) {
	old := fstest.MapFS{}
	for _, name := range []string{"tagger.model", "parser.model", "ner.model"} {
		b, err := fs.ReadFile(models.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		old[name] = &fstest.MapFile{Data: b}
	}
	text, err := os.ReadFile(shared.Path(t, "corpora", "bbc-news", "sport_008.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []bool{false, true} {
		pipe, err := engine.New(engine.Options{Models: old, KeepOffTopic: keep})
		if err != nil {
			t.Fatalf("models without relevance.model: %v", err)
		}
		doc := analyse(t, pipe, string(text))
		if doc.Relevance == nil {
			t.Fatalf("keep %v: no relevance recorded", keep)
		}
		if len(doc.Events) == 0 {
			t.Fatal("no events coded: the test needs an article with some")
		}
		off := 0
		for _, e := range doc.Events {
			if e.Scope == chronicle.ScopeOffTopic {
				off++
			}
		}
		if keep && off > 0 || !keep && off == 0 {
			t.Errorf("keep %v: %d of %d events off topic (relevance %.3f)", keep, off, len(doc.Events), *doc.Relevance)
		}
	}
}
