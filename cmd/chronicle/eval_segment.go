package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/segeval"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tokenize"
)

// newEvalSegmentCmd scores the tokenizer and segmenter with the CoNLL 2018
// shared-task method (see package segeval).
func newEvalSegmentCmd() *cobra.Command {
	var gold []string
	var asJSON bool
	c := &cobra.Command{
		Use:   "segment --gold PATH... [--json]",
		Short: "Score tokenization and sentence segmentation (CoNLL 2018 method)",
		Long: `Rebuild the raw text of CoNLL-U gold files as the CoNLL 2018 shared task did
(conllu_to_text.pl: sentences of a paragraph joined by a space, a blank line
between paragraphs and documents, lines wrapped at 80 columns), tokenize and
segment it, and report token, word and sentence precision, recall and F1 on
whitespace-free character alignment. PATH is a CoNLL-U file, a directory of
*.conllu files or a glob (with {a,b} alternatives); --gold may be repeated,
and further paths may follow as arguments.`,
		Example: `  chronicle eval segment --gold ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu
  chronicle eval segment --json --gold '../shared/corpora/gum/dep/{train,dev}/GUM_news_*.conllu'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			gold = append(gold, args...)
			if len(gold) == 0 {
				return usageError{fmt.Errorf("eval segment: --gold is required")}
			}
			files, err := segeval.Expand(gold)
			if err != nil {
				return err
			}
			stage := chronicle.Pipeline{tokenize.New(), segment.New()}
			var total segeval.Result
			for _, f := range files {
				r, err := segeval.File(cmd.Context(), f, stage)
				if err != nil {
					return err
				}
				total.Add(r)
			}
			out := cmd.OutOrStdout()
			if asJSON {
				pc := func(x float64) float64 { return float64(int(x*10000+0.5)) / 100 }
				return json.NewEncoder(out).Encode(map[string]any{
					"files":              len(files),
					"token_f1":           pc(total.Tokens.F1()),
					"token_precision":    pc(total.Tokens.Precision()),
					"token_recall":       pc(total.Tokens.Recall()),
					"word_f1":            pc(total.Words.F1()),
					"sentence_f1":        pc(total.Sentences.F1()),
					"sentence_precision": pc(total.Sentences.Precision()),
					"sentence_recall":    pc(total.Sentences.Recall()),
					"gold_tokens":        total.Tokens.Gold,
					"gold_sentences":     total.Sentences.Gold,
				})
			}
			tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "%d files\tgold\tsystem\tprecision\trecall\tF1\t\n", len(files))
			for _, row := range []struct {
				name string
				c    segeval.Counts
			}{{"tokens", total.Tokens}, {"words", total.Words}, {"sentences", total.Sentences}} {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", row.name, row.c.Gold, row.c.System,
					100*row.c.Precision(), 100*row.c.Recall(), 100*row.c.F1())
			}
			return tw.Flush()
		},
	}
	c.Flags().StringArrayVar(&gold, "gold", nil, "CoNLL-U gold `PATH`: file, directory or glob with {a,b} alternatives (repeatable)")
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object (F1 values in percent)")
	return c
}
