package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/spf13/cobra"
)

// newTrainTaggerCmd trains the POS tagger and lemmatizer on UD English EWT
// train (plus GUM train unless --gum=false), choosing the iteration on EWT dev.
func newTrainTaggerCmd() *cobra.Command {
	var corpora, out string
	var cfg tag.Config
	var gum bool
	c := &cobra.Command{
		Use:   "tagger",
		Short: "Train the POS tagger and lemmatizer",
		Long: `Train the POS tagger (UPOS+XPOS) and lemmatizer on UD English EWT train
(and GUM train), keep the iteration that scores best on EWT dev, and write
DIR/tagger.model. Same data and flags give the same bytes.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpora == "" {
				if d := shared.Dir(); d != "" {
					corpora = filepath.Join(d, "corpora")
				}
			}
			train, dev, err := taggerData(corpora, gum)
			if err != nil {
				return err
			}
			if cfg.Unlabelled, err = readNews(corpora); err != nil {
				return err
			}
			cfg.Log = cmd.ErrOrStderr()
			t, err := tag.Train(cmd.Context(), train, dev, cfg)
			if err != nil {
				return err
			}
			data := t.Encode()
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, tag.ModelFile)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (%d bytes; %s)\n", path, len(data), t.Stats())
			return nil
		},
	}
	c.Flags().StringVar(&corpora, "corpora", "", "folder of the shared corpora (default: ../shared/corpora)")
	c.Flags().StringVar(&out, "out", "models/data", "output folder")
	c.Flags().IntVar(&cfg.Iterations, "iterations", 12, "training passes (the best on dev is kept)")
	c.Flags().Uint64Var(&cfg.Seed, "seed", 1, "shuffling seed")
	c.Flags().BoolVar(&gum, "gum", true, "add GUM train (non-Reddit) to EWT train")
	c.Flags().IntVar(&cfg.DictMinCount, "dict-min-count", 20, "tag dictionary: minimum count of a form")
	c.Flags().Float64Var(&cfg.DictMinShare, "dict-min-share", 0.995, "tag dictionary: minimum share of its top class")
	c.Flags().Float64Var(&cfg.Prune, "prune", 0.05, "drop averaged weights below this absolute value")
	return c
}

// taggerData reads EWT train/dev and, with gum, GUM train.
func taggerData(corpora string, gum bool) (train, dev []tag.Example, err error) {
	if corpora == "" {
		return nil, nil, usageError{fmt.Errorf("no corpora folder: pass --corpora")}
	}
	ewt := filepath.Join(corpora, "ud-english-ewt")
	tr, err := conllu.ReadFile(filepath.Join(ewt, "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, nil, err
	}
	dv, err := conllu.ReadFile(filepath.Join(ewt, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return nil, nil, err
	}
	if gum {
		files, _ := filepath.Glob(filepath.Join(corpora, "gum", "dep", "train", "*.conllu"))
		g, err := conllu.ReadFiles(files...)
		if err != nil {
			return nil, nil, err
		}
		tr = append(tr, g...)
	}
	return tag.Examples(tr), tag.Examples(dv), nil
}

// readNews reads the unlabelled BBC news texts, in file-name order.
func readNews(corpora string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(corpora, "bbc-news", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	texts := make([]string, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(b))
	}
	return texts, nil
}
