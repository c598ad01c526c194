package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/chronicle-news/chronicle/ner/gazetteer"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/spf13/cobra"
)

// newTrainNERCmd trains the named-entity recognizer on UNER-EWT train
// (pre-release labels) plus GUM train named mentions, choosing the
// iteration on UNER-EWT dev.
func newTrainNERCmd() *cobra.Command {
	var corpora, out, taggerDir string
	var cfg ner.Config
	var gum, phoenix bool
	c := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity recognizer",
		Long: `Train the named-entity recognizer (PER/ORG/LOC BILOU perceptron; GPE and
NORP by gazetteer rules) on UNER English-EWT train (the pre-release labels,
see corpora/uner-english-ewt/SOURCE.md) and GUM train named mentions, with
the POS tagger's word clusters and case statistics as features and people,
organisations and places from the Phoenix dictionaries as gazetteers, keeping
the iteration with the best UNER dev F1. Writes DIR/ner.model. Same data and flags give the same bytes.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpora == "" {
				if d := shared.Dir(); d != "" {
					corpora = filepath.Join(d, "corpora")
				}
			}
			if corpora == "" {
				return usageError{fmt.Errorf("no corpora folder: pass --corpora")}
			}
			fsys := models.FS()
			if taggerDir != "" {
				fsys = os.DirFS(taggerDir)
			}
			tg, err := tag.Load(fsys)
			if err != nil {
				return err
			}
			uner := filepath.Join(corpora, "uner-english-ewt")
			train, err := ner.ReadIOB2(filepath.Join(uner, "en_ewt-ud-train.PRERELEASE-0c7ce0d.normalized.iob2"))
			if err != nil {
				return err
			}
			dev, err := ner.ReadIOB2(filepath.Join(uner, "en_ewt-ud-dev.iob2"))
			if err != nil {
				return err
			}
			news, err := readNews(corpora)
			if err != nil {
				return err
			}
			cfg.Places = gazetteer.Places()
			cfg.NORP = gazetteer.Demonyms(news)
			if phoenix {
				names, err := gazetteer.Phoenix(filepath.Join(corpora, "petrarch2", "dictionaries"))
				if err != nil {
					return err
				}
				cfg.Places = append(cfg.Places, names.Places...)
				cfg.People, cfg.FirstNames, cfg.Orgs = names.People, names.FirstNames, names.Orgs
			}
			if gum {
				places := map[string]bool{}
				for _, p := range cfg.Places {
					places[strings.ToLower(p)] = true
				}
				files, _ := filepath.Glob(filepath.Join(corpora, "gum", "dep", "train", "*.conllu"))
				sents, err := conllu.ReadFiles(files...)
				if err != nil {
					return err
				}
				train = append(train, ner.GUMExamples(sents, func(s string) bool { return places[strings.ToLower(s)] })...)
			}
			cfg.Clusters = tg.Clusters()
			cfg.CaseStats = tg.CaseStats()
			cfg.Log = cmd.ErrOrStderr()
			fmt.Fprintf(cfg.Log, "ner: %d train sentences, %d dev, %d places, %d NORP words, %d people, %d first names, %d organisations\n",
				len(train), len(dev), len(cfg.Places), len(cfg.NORP), len(cfg.People), len(cfg.FirstNames), len(cfg.Orgs))
			r, err := ner.Train(cmd.Context(), train, dev, cfg)
			if err != nil {
				return err
			}
			data := r.Encode()
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, ner.ModelFile)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (%d bytes; %s)\n", path, len(data), r.Stats())
			return nil
		},
	}
	c.Flags().StringVar(&corpora, "corpora", "", "folder of the shared corpora (default: ../shared/corpora)")
	c.Flags().StringVar(&out, "out", "models/data", "output folder")
	c.Flags().StringVar(&taggerDir, "tagger", "", "folder holding the tagger.model whose clusters and case statistics to use (default: the embedded one)")
	c.Flags().IntVar(&cfg.Iterations, "iterations", 12, "training passes (the best on dev is kept)")
	c.Flags().IntVar(&cfg.BeamWidth, "beam", 0, "label histories kept while training (default 8); decoding keeps 4")
	c.Flags().Uint64Var(&cfg.Seed, "seed", 1, "shuffling seed")
	c.Flags().Float64Var(&cfg.Prune, "prune", 0.05, "drop averaged weights below this absolute value")
	c.Flags().BoolVar(&gum, "gum", true, "add GUM train named mentions to UNER train")
	c.Flags().BoolVar(&phoenix, "phoenix", true, "add people, organisations and places from the Phoenix actor dictionaries to the gazetteer")
	return c
}
