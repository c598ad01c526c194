package eventeval_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/eventeval"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/petrarchdict"
)

// TestGSRFloor holds the PLOVER gold-standard type accuracy at the events
// issue's floor (60 %).
func TestGSRFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs the whole pipeline over 322 sentences")
	}
	path := shared.Path(t, "corpora", "plover", "gold_standard_records", "PLOVER_GSR_CAMEO.json")
	pipe, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := eventeval.GSR(context.Background(), path, pipe)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PLOVER GSR: type accuracy %.2f%% (%d/%d), any %.2f%%", res.TypeAccuracy, res.Correct, res.Records, res.AnyAccuracy)
	if res.Records != 322 {
		t.Errorf("scored %d records, want 322", res.Records)
	}
	if res.TypeAccuracy < 60 {
		t.Errorf("type accuracy %.2f%% is below the floor of 60%%", res.TypeAccuracy)
	}
}

// TestPetrarchLevel guards the PETRARCH validation figures against
// regressions. They are below the floor (70 % found): with
// Chronicle's own lexicon most misses are type disagreements with the
// validation verb dictionary's codes (recall_dyad shows the participants);
// with that dictionary loaded as user patterns (as `eval events --verbs`)
// the coder's mechanics are measured. This test holds what is reached, it
// does not claim the floor.
func TestPetrarchLevel(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs the whole pipeline over 284 records")
	}
	dir := shared.Path(t, "corpora", "petrarch2", "validation")
	conv, err := event.ReadCAMEOTable(shared.Path(t, "corpora", "plover", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := eventeval.ReadRecords(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	d := petrarchdict.New()
	for _, f := range []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt"} {
		if err := d.ReadFile(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	verbs, err := event.LoadPETRARCH(filepath.Join(dir, "PETR.Validate.verbs.txt"), conv, event.DefaultLexicon())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                   string
		lex                    *event.Lexicon
		minRecall, minDyad     float64
		maxSpurious            float64
		wantExpected, wantDrop int
	}{
		// Reached when these floors were set: 6.2 % found (62.4 % of the
		// dyads), and 64.2 % found with 43.6 % spurious with --verbs;
		// with the 12 MB parser (third session) 6.2 % (59.9 %) and 61.7 %
		// with 44.4 % spurious: one record each, parse noise.
		{"own lexicon", nil, 6, 59.5, 100, 274, 85},
		{"validation verbs", verbs, 61.5, 63, 46, 274, 85},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pipe, err := engine.New(engine.Options{Lexicon: tt.lex})
			if err != nil {
				t.Fatal(err)
			}
			res, err := eventeval.Petrarch(context.Background(), recs, conv, pipe, eventeval.DictCoder{Dict: d})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("found %d/%d (%.1f%%, dyads %.1f%%), spurious %.1f%% of %d; reciprocal %.1f%%",
				res.Found, res.Expected, res.Recall, res.RecallDyad, res.SpuriousPct, res.Produced, res.ReciprocalRecall)
			if res.Expected != tt.wantExpected || res.Dropped != tt.wantDrop {
				t.Errorf("expected %d events (%d dropped), want %d (%d dropped)", res.Expected, res.Dropped, tt.wantExpected, tt.wantDrop)
			}
			if res.Recall < tt.minRecall || res.RecallDyad < tt.minDyad {
				t.Errorf("recall %.1f%% (dyads %.1f%%) fell below %.0f%% (%.0f%%)", res.Recall, res.RecallDyad, tt.minRecall, tt.minDyad)
			}
			if res.SpuriousPct > tt.maxSpurious {
				t.Errorf("spurious %.1f%% rose above %.0f%%", res.SpuriousPct, tt.maxSpurious)
			}
		})
	}
}
