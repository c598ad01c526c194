package quote_test

import (
	"context"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/quote/polnear"
)

// TestPolNeARDev scores the pipeline's quotes on PolNeAR dev (84 articles,
// first annotator's file where there are several) and holds the F1 floors.
// Issue 6 asks for content 75, source 75, triple 60 (aims 85, 85, 75); the
// floors below are what the rules reach now, so that a change that loses
// ground fails here. Reproduce with
// chronicle eval quotes --gold ../shared/corpora/polnear/dev.
func TestPolNeARDev(t *testing.T) {
	if testing.Short() {
		t.Skip("PolNeAR dev evaluation skipped under -short")
	}
	dir := shared.Path(t, "corpora", "polnear", "dev")
	s, err := polnear.Evaluate(context.Background(), dir, pipeline(t), false)
	if err != nil {
		t.Fatal(err)
	}
	floors := []struct {
		name  string
		c     polnear.PRF
		floor float64
	}{
		{"content", s.Content, floorContent},
		{"source", s.Source, floorSource},
		{"triple", s.Triple, floorTriple},
	}
	for _, f := range floors {
		t.Logf("%-8s P %.1f R %.1f F1 %.1f", f.name, f.c.P(), f.c.R(), f.c.F1())
		if f.c.F1() < f.floor {
			t.Errorf("%s overlap F1 %.1f below the floor %.1f", f.name, f.c.F1(), f.floor)
		}
	}
	t.Logf("cue      F1 %.1f; exact: content %.1f source %.1f cue %.1f triple %.1f",
		s.Cue.F1(), s.ContentExact.F1(), s.SourceExact.F1(), s.CueExact.F1(), s.TripleExact.F1())
}

// Regression floors (overlap F1 on PolNeAR dev), a little under what the
// rules and the learned cue model reach with the stages in the tree today:
// content 79.3, source 76.5, triple 71.4 (chronicle eval quotes). All three
// hold the floors (75, 75, 60); the aims (85, 85, 75) are not met.
const (
	floorContent = 78
	floorSource  = 75.5
	floorTriple  = 70
)
