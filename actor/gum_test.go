package actor_test

import (
	"context"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/coref"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// TestGUMDev holds the CoNLL F1 floor of issue 5 (55) on GUM dev, with
// singletons as GUM annotates them, both on gold syntax and on the
// embedded tagger and parser run over the gold words.
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
	for _, tt := range []struct {
		name   string
		syntax coref.Syntax
	}{{"gold syntax", coref.SyntaxGold}, {"model syntax", coref.SyntaxNone}} {
		t.Run(tt.name, func(t *testing.T) {
			resolve := coref.Resolver(x.Clusters)
			if tt.syntax == coref.SyntaxNone {
				p, err := modelStages()
				if err != nil {
					t.Skipf("models not available: %v", err)
				}
				resolve = func(ctx context.Context, doc *chronicle.Document) ([][]chronicle.TokenRange, error) {
					if err := p[:2].Process(ctx, doc); err != nil { // tagger, parser
						return nil, err
					}
					return x.Clusters(ctx, doc)
				}
			}
			s, _, err := coref.Evaluate(context.Background(), coref.Config{Gold: gold, Dep: dep, Syntax: tt.syntax}, resolve)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("MUC %.2f B3 %.2f CEAFe %.2f CoNLL %.2f", 100*s.MUC.F1(), 100*s.B3.F1(), 100*s.CEAFe.F1(), 100*s.CoNLL())
			if s.CoNLL() < 0.55 {
				t.Errorf("CoNLL F1 = %.2f, floor 55", 100*s.CoNLL())
			}
		})
	}
}
