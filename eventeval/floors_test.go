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
// regressions. They are far below the floor (70 % found): see the
// closing note; this test holds what is reached, it does not claim the floor.
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
	pipe, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := eventeval.Petrarch(context.Background(), recs, conv, pipe, eventeval.DictCoder{Dict: d})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PETRARCH validation, own lexicon: found %d/%d (%.1f%%), spurious %.1f%% of %d", res.Found, res.Expected, res.Recall, res.SpuriousPct, res.Produced)
	if res.Expected != 274 || res.Dropped != 92 {
		t.Errorf("expected %d events (%d dropped), want 274 (92 dropped)", res.Expected, res.Dropped)
	}
	if res.Recall < 4 {
		t.Errorf("recall %.1f%% fell below the 4%% reached when this test was written", res.Recall)
	}
}
