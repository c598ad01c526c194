package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/coref"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
)

// newEvalCorefCmd scores mention detection plus coreference (package actor)
// with the CoNLL-2012 metrics (package coref).
func newEvalCorefCmd() *cobra.Command {
	var (
		gold, dep, syntax string
		noSingletons      bool
		asJSON, perDoc    bool
	)
	c := &cobra.Command{
		Use:   "coref --gold DIR [--dep DIR] [--syntax gold|model|none] [--no-singletons] [--json]",
		Short: "Score coreference (CoNLL-2012 metrics on GUM)",
		Long: `Run mention detection and coreference on the gold words of CoNLL
coreference files (GUM's coref_conll) and report MUC, B³, CEAFe and their
average (the CoNLL score), computed as the reference scorer v8.01 does.

Sentence breaks come from the CoNLL-U files of the same documents (--dep;
by default the dep/<split> folder beside coref_conll/<split>). --syntax gold
takes their gold tags and trees (an upper bound for the parse); --syntax
model tags and parses the gold words with the embedded models instead;
--syntax none gives the resolver words and sentences only, so it falls back
on the news layer (names, titles, pronouns: a lower bound).

GUM annotates singletons; the scores keep them in key and response as the
reference scorer does with whatever it is given. --no-singletons removes
singleton entities from both before scoring.`,
		Example: `  chronicle eval coref --gold ../shared/corpora/gum/coref_conll/dev
  chronicle eval coref --gold ../shared/corpora/gum/coref_conll/train --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageError{fmt.Errorf("eval coref: --gold is required")}
			}
			if dep == "" {
				clean := filepath.Clean(gold)
				cand := filepath.Join(filepath.Dir(filepath.Dir(clean)), "dep", filepath.Base(clean))
				if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
					dep = cand
				}
			}
			cfg := coref.Config{Gold: gold, Dep: dep, Options: coref.Options{NoSingletons: noSingletons}}
			x, err := actor.New(nil)
			if err != nil {
				return err
			}
			resolve := coref.Resolver(x.Clusters)
			switch syntax {
			case "gold":
				if dep == "" {
					return usageError{fmt.Errorf("eval coref: --syntax gold needs --dep")}
				}
				cfg.Syntax = coref.SyntaxGold
			case "none":
				cfg.Syntax = coref.SyntaxNone
			case "model":
				tg, err := tag.Load(models.FS())
				if err != nil {
					return err
				}
				ps, err := parse.Load(models.FS())
				if err != nil {
					return err
				}
				p := chronicle.Pipeline{tg, ps}
				resolve = func(ctx context.Context, doc *chronicle.Document) ([][]chronicle.TokenRange, error) {
					if err := p.Process(ctx, doc); err != nil {
						return nil, err
					}
					return x.Clusters(ctx, doc)
				}
			default:
				return usageError{fmt.Errorf("eval coref: --syntax must be gold, model or none, not %q", syntax)}
			}
			total, per, err := coref.Evaluate(cmd.Context(), cfg, resolve)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			pc := func(v float64) float64 { return float64(int(v*10000+0.5)) / 100 }
			metric := func(m coref.Metric) map[string]float64 {
				return map[string]float64{"recall": pc(m.Recall()), "precision": pc(m.Precision()), "f1": pc(m.F1())}
			}
			if asJSON {
				return json.NewEncoder(out).Encode(map[string]any{
					"docs":          total.Docs,
					"syntax":        syntax,
					"singletons":    !noSingletons,
					"muc":           metric(total.MUC),
					"b3":            metric(total.B3),
					"ceafe":         metric(total.CEAFe),
					"conll":         pc(total.CoNLL()),
					"gold":          gold,
					"scorer":        "CoNLL-2012 reference scorer v8.01 definitions (micro-averaged)",
					"mention_match": "exact word span",
				})
			}
			tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', tabwriter.AlignRight)
			if perDoc {
				fmt.Fprintf(tw, "document\tMUC F1\tB3 F1\tCEAFe F1\tCoNLL\t\n")
				for _, d := range per {
					fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t\n", d.ID, 100*d.Scores.MUC.F1(), 100*d.Scores.B3.F1(), 100*d.Scores.CEAFe.F1(), 100*d.Scores.CoNLL())
				}
				fmt.Fprintln(tw, "\t\t\t\t\t")
			}
			sing := "singletons kept"
			if noSingletons {
				sing = "singletons removed"
			}
			fmt.Fprintf(tw, "%d docs (%s syntax, %s)\trecall\tprecision\tF1\t\n", total.Docs, syntax, sing)
			for _, row := range []struct {
				name string
				m    coref.Metric
			}{{"MUC", total.MUC}, {"B3", total.B3}, {"CEAFe", total.CEAFe}} {
				fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t\n", row.name, 100*row.m.Recall(), 100*row.m.Precision(), 100*row.m.F1())
			}
			fmt.Fprintf(tw, "CoNLL\t\t\t%.2f\t\n", 100*total.CoNLL())
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "folder of CoNLL coreference `DIR` files (*.conll) or one file")
	c.Flags().StringVar(&dep, "dep", "", "folder of CoNLL-U files of the same documents (default: ../dep/<split> beside --gold)")
	c.Flags().StringVar(&syntax, "syntax", "gold", "where tags and trees come from: gold (CoNLL-U), model (embedded tagger and parser) or none (words and sentence breaks only: the news layer's names, titles and pronouns)")
	c.Flags().BoolVar(&noSingletons, "no-singletons", false, "remove singleton entities from key and response")
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object (values in percent; keys muc, b3, ceafe, conll)")
	c.Flags().BoolVar(&perDoc, "per-doc", false, "also print each document's scores")
	return c
}
