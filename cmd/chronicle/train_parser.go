package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
)

// newTrainParserCmd trains the dependency parser on UD English EWT train
// (plus GUM train with --gum), choosing the iteration on EWT dev. By default
// the training tags get noise drawn from the embedded tagger's confusions,
// so the result depends on models/data/tagger.model as built in.
func newTrainParserCmd() *cobra.Command {
	var (
		corpora, out string
		opts         parse.Options
		gum          bool
		jackknife    int
		taggerIters  int
		predicted    bool
		noise        bool
		classes      bool
	)
	c := &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser",
		Long: `Train the arc-eager dependency parser on UD English EWT train (and GUM train
with --gum), keep the iteration with the best LAS on EWT dev, and write
DIR/parser.model. Training tags are gold, or with --jackknife K predicted:
each of K folds is tagged by a tagger trained on the other folds. By default
EWT dev is tagged by the embedded tagger (the iteration is chosen on predicted
tags) and, with --tag-noise, each training tag is replaced by a draw from
the tagger's confusion counts on dev (seeded), so the parser learns to live
with tagging errors.
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
			devTags := "gold"
			tg, err := tag.Load(models.FS())
			if err != nil {
				return err
			}
			if classes {
				opts.Classes = parse.WordClasses{Cluster: tg.Clusters().Fine, Ambiguity: tg.Ambiguity()}
			}
			if predicted {
				conf := tagDev(tg, dev)
				devTags = "predicted (embedded tagger)"
				if noise && jackknife <= 1 {
					n := addTagNoise(train, conf, opts.Seed)
					fmt.Fprintf(cmd.OutOrStdout(), "tag noise: %d of the training tags replaced, drawn from the embedded tagger's confusions on EWT dev\n", n)
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
			fmt.Fprintf(cmd.OutOrStdout(), "training on %d sentences, dev %d sentences (EWT dev, %s tags)\n", len(train), len(dev), devTags)
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
	f.IntVar(&opts.Iterations, "iterations", 10, "training iterations (the best on dev is kept)")
	f.IntVar(&jackknife, "jackknife", 0, "train on predicted tags: tag each of K folds with a tagger trained on the others (0: gold tags)")
	f.IntVar(&taggerIters, "tagger-iterations", 8, "tagger training iterations per jackknife fold")
	f.BoolVar(&predicted, "predicted-dev", true, "tag EWT dev with the embedded tagger for choosing the iteration")
	f.BoolVar(&noise, "tag-noise", true, "with --predicted-dev and no --jackknife: replace training tags by draws from the tagger's dev confusions")
	f.BoolVar(&classes, "word-classes", false, "add features of the embedded tagger's word clusters and tag ambiguity classes (the model keeps a copy of both)")
	f.IntVar(&opts.Beam, "beam", 1, "beam width: above 1, train globally (structured perceptron, max-violation) and decode with this beam")
	f.Uint64Var(&opts.Seed, "seed", 1, "random seed")
	f.Float64Var(&opts.Prune, "prune", 0.3, "drop averaged weights below this magnitude")
	f.IntVar(&opts.MaxBytes, "max-bytes", 12<<20, "model size budget (pruning rises until the model fits)")
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

// confusion counts, for each gold "UPOS\tXPOS" pair, the pairs the tagger
// predicted for it.
type confusion map[string]map[string]int

// tagDev replaces the tags of dev by the tagger's and returns its confusions.
func tagDev(tg *tag.Tagger, dev []*conllu.Sentence) confusion {
	conf := confusion{}
	for _, s := range dev {
		forms := make([]string, len(s.Words))
		for i := range s.Words {
			forms[i] = s.Words[i].Form
		}
		upos, xpos, _ := tg.Tag(forms)
		for i := range s.Words {
			w := &s.Words[i]
			g, p := w.UPOS+"\t"+w.XPOS, upos[i]+"\t"+xpos[i]
			if conf[g] == nil {
				conf[g] = map[string]int{}
			}
			conf[g][p]++
			w.UPOS, w.XPOS = upos[i], xpos[i]
		}
	}
	return conf
}

// addTagNoise replaces each training tag pair by a draw from conf (pairs
// unseen in dev are kept) and returns how many changed. Draws are seeded and
// walk the candidates in sorted order, so the result is reproducible.
func addTagNoise(train []*conllu.Sentence, conf confusion, seed uint64) int {
	type cand struct {
		upos, xpos string
		cum        int
	}
	dist := map[string][]cand{}
	for g, m := range conf {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		cum := 0
		var cs []cand
		for _, k := range keys {
			cum += m[k]
			u, x, _ := strings.Cut(k, "\t")
			cs = append(cs, cand{u, x, cum})
		}
		dist[g] = cs
	}
	rng := rand.New(rand.NewPCG(seed, 0x7a6))
	changed := 0
	for _, s := range train {
		for i := range s.Words {
			w := &s.Words[i]
			cs := dist[w.UPOS+"\t"+w.XPOS]
			if len(cs) == 0 {
				continue
			}
			r := rng.IntN(cs[len(cs)-1].cum)
			for _, c := range cs {
				if r < c.cum {
					if c.upos != w.UPOS || c.xpos != w.XPOS {
						changed++
					}
					w.UPOS, w.XPOS = c.upos, c.xpos
					break
				}
			}
		}
	}
	return changed
}
