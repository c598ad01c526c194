package engine_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/parse"
)

// TestModelsOverEmbedded: a model folder replaces only the files it holds,
// so an empty one gives the embedded pipeline; a missing folder and a bad
// parser.model in it are reported, not ignored.
func TestModelsOverEmbedded(t *testing.T) {
	if _, err := engine.New(engine.Options{Models: fstest.MapFS{}}); err != nil {
		t.Fatalf("empty model folder: %v", err)
	}
	if _, err := engine.New(engine.Options{Models: os.DirFS(filepath.Join(t.TempDir(), "missing"))}); err == nil {
		t.Fatal("a missing model folder was not reported")
	}
	bad := fstest.MapFS{"parser.model": {Data: []byte("not a model")}}
	if _, err := engine.New(engine.Options{Models: bad}); err == nil {
		t.Fatal("a corrupt parser.model in the folder was not reported")
	}
}

// TestAccurateParser: the option puts the embedded beam-search parser in
// the pipeline instead of the greedy one, and a parser.model in a model
// folder still wins over it.
func TestAccurateParser(t *testing.T) {
	for _, tt := range []struct {
		accurate bool
		beam     int
	}{{false, 1}, {true, 4}} {
		pipe, err := engine.New(engine.Options{AccurateParser: tt.accurate, KeepOffTopic: true})
		if err != nil {
			t.Fatalf("accurate %v: %v", tt.accurate, err)
		}
		found := false
		for _, st := range pipe {
			if p, ok := st.(*parse.Parser); ok {
				found = true
				if p.Beam() != tt.beam {
					t.Errorf("accurate %v: parser beam %d, want %d", tt.accurate, p.Beam(), tt.beam)
				}
			}
		}
		if !found {
			t.Fatalf("accurate %v: no parser in the pipeline", tt.accurate)
		}
	}
	bad := fstest.MapFS{"parser.model": {Data: []byte("not a model")}}
	if _, err := engine.New(engine.Options{AccurateParser: true, Models: bad}); err == nil {
		t.Fatal("a corrupt parser.model in the folder did not replace the accurate parser")
	}
}
