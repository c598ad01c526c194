package actor_test

import (
	"context"
	"testing"

	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/coref"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// TestGUMDev holds the CoNLL F1 floor of issue 5 on GUM dev (gold syntax,
// singletons included as GUM annotates them).
func TestGUMDev(t *testing.T) {
	if testing.Short() {
		t.Skip("slow evaluation")
	}
	gold := shared.Path(t, "corpora", "gum", "coref_conll", "dev")
	dep := shared.Path(t, "corpora", "gum", "dep", "dev")
	x, err := actor.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []coref.Options{{}, {NoSingletons: true}} {
		s, _, err := coref.Evaluate(context.Background(), coref.Config{Gold: gold, Dep: dep, Syntax: coref.SyntaxGold, Options: opt}, x.Clusters)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("singletons removed=%v: MUC %.2f B3 %.2f CEAFe %.2f CoNLL %.2f (MUC R %.2f P %.2f)", opt.NoSingletons, 100*s.MUC.F1(), 100*s.B3.F1(), 100*s.CEAFe.F1(), 100*s.CoNLL(), 100*s.MUC.Recall(), 100*s.MUC.Precision())
		if !opt.NoSingletons && s.CoNLL() < 0.55 {
			t.Errorf("CoNLL F1 = %.2f, floor 55", 100*s.CoNLL())
		}
	}
}
