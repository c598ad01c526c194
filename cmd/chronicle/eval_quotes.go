package main

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/chronicle-news/chronicle/quote/polnear"
)

// newEvalQuotesCmd scores quote attribution on a PolNeAR compartment.
func newEvalQuotesCmd() *cobra.Command {
	var (
		gold   string
		asJSON bool
		nested bool
		bare   bool
	)
	c := &cobra.Command{
		Use:   "quotes --gold DIR",
		Short: "Score quote attribution (PolNeAR)",
		Long: `Score quote attribution against a PolNeAR compartment (DIR/text/*.txt and
DIR/attributions/*.ann, brat standoff). For content, source, cue and the whole
(source, cue, content) triple it reports precision, recall and F1, by overlap
(any shared non-space character, one-to-one matching) and exact (same
characters after trimming whitespace). See package quote/polnear.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageError{fmt.Errorf("eval quotes: --gold DIR is required")}
			}
			stages, names, err := quotePipeline(bare)
			if err != nil {
				return err
			}
			s, err := polnear.Evaluate(cmd.Context(), gold, stages, nested)
			if err != nil {
				return fmt.Errorf("eval quotes: %w", err)
			}
			rows := []struct {
				name string
				c    polnear.PRF
			}{
				{"content", s.Content}, {"source", s.Source}, {"cue", s.Cue}, {"triple", s.Triple},
				{"content_exact", s.ContentExact}, {"source_exact", s.SourceExact}, {"cue_exact", s.CueExact}, {"triple_exact", s.TripleExact},
			}
			if asJSON {
				out := map[string]any{"articles": s.Articles, "stages": names, "gold": gold, "nested": nested}
				for _, r := range rows {
					out[r.name+"_p"] = round(r.c.P())
					out[r.name+"_r"] = round(r.c.R())
					out[r.name+"_f1"] = round(r.c.F1())
					out[r.name+"_gold"] = r.c.Gold
					out[r.name+"_pred"] = r.c.Pred
				}
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "PolNeAR %s: %d articles; stages: %v\n", gold, s.Articles, names)
			fmt.Fprintf(w, "%-14s %7s %7s %7s %7s %7s %7s\n", "", "P", "R", "F1", "match", "pred", "gold")
			for _, r := range rows {
				fmt.Fprintf(w, "%-14s %7.1f %7.1f %7.1f %7d %7d %7d\n", r.name, r.c.P(), r.c.R(), r.c.F1(), r.c.Match, r.c.Pred, r.c.Gold)
			}
			return nil
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "PolNeAR compartment folder (with text/ and attributions/)")
	c.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	c.Flags().BoolVar(&bare, "bare", false, "run the quote stage alone, on its fallback tokenizer and sentence splitter")
	c.Flags().BoolVar(&nested, "nested", false, "also score quotes nested in another quote's content (PolNeAR annotates one level)")
	return c
}

// quotePipeline returns the stages run before scoring quotes and their
// names: the default pipeline (engine.New) without event coding or the
// relevance gate, so that every article is parsed and the figure is the
// quote stage's. With bare,
// the quote stage runs alone on its fallback tokenizer and sentence splitter.
func quotePipeline(bare bool) (chronicle.Pipeline, []string, error) {
	if bare {
		return chronicle.Pipeline{quote.New()}, []string{"quote (fallback tokens and sentences)"}, nil
	}
	full, err := engine.New(engine.Options{KeepOffTopic: true})
	if err != nil {
		return nil, nil, err
	}
	var p chronicle.Pipeline
	var names []string
	for _, st := range full {
		if _, ok := st.(*event.Coder); ok || stageName(st) == "relevance" {
			continue
		}
		p = append(p, st)
		names = append(names, stageName(st))
	}
	return p, names, nil
}

func round(x float64) float64 { return math.Round(x*10) / 10 }
