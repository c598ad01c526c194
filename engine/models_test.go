package engine_test

import (
	"testing"
	"testing/fstest"

	"github.com/chronicle-news/chronicle/engine"
)

// TestModelsOverEmbedded: a model folder replaces only the files it holds,
// so an empty one gives the embedded pipeline and a bad parser.model in it
// is reported, not ignored.
func TestModelsOverEmbedded(t *testing.T) {
	if _, err := engine.New(engine.Options{Models: fstest.MapFS{}}); err != nil {
		t.Fatalf("empty model folder: %v", err)
	}
	bad := fstest.MapFS{"parser.model": {Data: []byte("not a model")}}
	if _, err := engine.New(engine.Options{Models: bad}); err == nil {
		t.Fatal("a corrupt parser.model in the folder was not reported")
	}
}
