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
	"github.com/chronicle-news/chronicle/relevance"
)

// TestRelevanceOptions: a model folder from before the relevance stage
// still loads (the embedded classifier serves). By default a sports report
// is judged off topic and not parsed: no events, and a note says why; with
// KeepOffTopic it is parsed and its events stay in scope.
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
		if doc.Relevance == nil || *doc.Relevance >= relevance.OffTopicBelow {
			t.Fatalf("keep %v: relevance %v: the test needs an article judged off topic", keep, doc.Relevance)
		}
		parsed, noted := 0, false
		for _, tok := range doc.Tokens {
			if tok.Deprel != "" {
				parsed++
			}
		}
		for _, p := range doc.Problems {
			noted = noted || p.Kind == "off-topic"
		}
		if len(doc.Entities) == 0 {
			t.Errorf("keep %v: no entities: the stages that need no parse must still run", keep)
		}
		if !keep {
			if parsed > 0 || len(doc.Events) > 0 || !noted {
				t.Errorf("default: %d parsed tokens, %d events, off-topic note %v; want 0, 0, true", parsed, len(doc.Events), noted)
			}
			continue
		}
		if parsed == 0 || noted {
			t.Errorf("keep: %d parsed tokens, off-topic note %v; want a parse and no note", parsed, noted)
		}
		if len(doc.Events) == 0 {
			t.Fatal("keep: no events coded: the test needs an article with some")
		}
		for _, e := range doc.Events {
			if e.Scope == chronicle.ScopeOffTopic {
				t.Errorf("keep: event %s marked off topic", e.Type)
			}
		}
	}
}
