package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
)

// newTrainParserCmd trains the dependency parser on UD English EWT train
// (plus GUM train with --gum), choosing the iteration on EWT dev.
func newTrainParserCmd() *cobra.Command {
	var (
		corpora, out string
		opts         parse.Options
		gum          bool
		jackknife    int
		taggerIters  int
	)
	c := &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser",
		Long: `Train the arc-eager dependency parser on UD English EWT train (and GUM train
with --gum), keep the iteration with the best LAS on EWT dev, and write
DIR/parser.model. Training tags are gold, or with --jackknife K predicted:
each of K folds is tagged by a tagger trained on the other folds. The dev
figures printed per iteration use gold tags.
The same data and flags give the same bytes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpora == "" {
				if d := shared.Dir(); d != "" {
					corpora = filepath.Join(d, "corpora")
				}
			}
			if corpora == "" {
				return usageError{fmt.Errorf("--corpora is required (no ../shared/corpora found)")}
			}
			ewt := filepath.Join(corpora, "ud-english-ewt")
			train, err := conllu.ReadFile(filepath.Join(ewt, "en_ewt-ud-train.conllu"))
			if err != nil {
				return err
			}
			if gum {
				files, err := filepath.Glob(filepath.Join(corpora, "gum", "dep", "train", "*.conllu"))
				if err != nil {
					return err
				}
				g, err := conllu.ReadFiles(files...)
				if err != nil {
					return err
				}
				train = append(train, g...)
			}
			dev, err := conllu.ReadFile(filepath.Join(ewt, "en_ewt-ud-dev.conllu"))
			if err != nil {
				return err
			}
			if jackknife > 1 {
				if err := jackknifeTags(cmd, train, dev, jackknife, taggerIters); err != nil {
					return err
				}
			}
			opts.Dev = dev
			opts.Progress = cmd.OutOrStdout()
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, parse.ModelFile)
			opts.Checkpoint = func(it parse.Iteration, data []byte) error {
				return os.WriteFile(path, data, 0o644)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "training on %d sentences, dev %d sentences (EWT dev, gold tags)\n", len(train), len(dev))
			data, _, err := parse.Train(cmd.Context(), train, opts)
			if err != nil {
				return err
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (%d bytes)\n", path, len(data))
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&corpora, "corpora", "", "corpora folder (default ../shared/corpora)")
	f.StringVar(&out, "out", "models/data", "output folder")
	f.BoolVar(&gum, "gum", true, "add GUM train (gum/dep/train/*.conllu) to EWT train")
	f.IntVar(&opts.Iterations, "iterations", 15, "training iterations")
	f.IntVar(&jackknife, "jackknife", 0, "train on predicted tags: tag each of K folds with a tagger trained on the others (0: gold tags)")
	f.IntVar(&taggerIters, "tagger-iterations", 8, "tagger training iterations per jackknife fold")
	f.Uint64Var(&opts.Seed, "seed", 1, "random seed")
	f.Float64Var(&opts.Prune, "prune", 0.3, "drop averaged weights below this magnitude")
	f.IntVar(&opts.MaxBytes, "max-bytes", 24<<20, "model size budget (pruning rises until the model fits)")
	return c
}

// jackknifeTags replaces the UPOS and XPOS of train with predicted tags:
// sentence i is in fold i%k and is tagged by a tagger trained on the other
// folds (and chosen on dev), so the parser learns from tags as noisy as the
// ones it sees at run time.
func jackknifeTags(cmd *cobra.Command, train, dev []*conllu.Sentence, k, iters int) error {
	devEx := tag.Examples(dev)
	for fold := 0; fold < k; fold++ {
		var rest, held []*conllu.Sentence
		for i, s := range train {
			if i%k == fold {
				held = append(held, s)
			} else {
				rest = append(rest, s)
			}
		}
		tg, err := tag.Train(cmd.Context(), tag.Examples(rest), devEx, tag.Config{Iterations: iters})
		if err != nil {
			return fmt.Errorf("jackknife fold %d: %w", fold, err)
		}
		right, total := 0, 0
		for _, s := range held {
			forms := make([]string, len(s.Words))
			for i := range s.Words {
				forms[i] = s.Words[i].Form
			}
			upos, xpos, _ := tg.Tag(forms)
			for i := range s.Words {
				w := &s.Words[i]
				if w.XPOS == xpos[i] {
					right++
				}
				total++
				w.UPOS, w.XPOS = upos[i], xpos[i]
			}
		}
		fmt.Fprintf(cmd.OutOrStdout(), "jackknife fold %d/%d: %d sentences tagged, XPOS accuracy %.2f%%\n",
			fold+1, k, len(held), 100*float64(right)/float64(max(total, 1)))
	}
	return nil
}
