package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/relevance"
	"github.com/spf13/cobra"
)

// newTrainRelevanceCmd trains the article relevance classifier.
func newTrainRelevanceCmd() *cobra.Command {
	var corpora, out string
	var cfg relevance.Config
	c := &cobra.Command{
		Use:   "relevance",
		Short: "Train the classifier that tells politics, diplomacy and conflict from other news",
		Long: `Train the article relevance classifier and write DIR/relevance.model.

Relevant: BBC politics articles and PolNeAR's US political news. Off topic:
BBC sport, entertainment and technology articles, EWT reviews, answers and
email, and GUM's non-news genres. BBC articles are split by number (mod 3:
1 train, 2 dev, 0 test), after exact duplicates are dropped, with PolNeAR,
EWT and GUM train and dev; BBC business articles, a mix of both kinds, are
left out and only reported on. The iteration with the best dev accuracy is
kept and the probability scaling is fitted on dev; the BBC test third is
scored once at the end and chooses nothing. Same data and flags give the
same bytes.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpora == "" {
				if d := shared.Dir(); d != "" {
					corpora = filepath.Join(d, "corpora")
				}
			}
			train, dev, test, business, err := relevanceData(corpora)
			if err != nil {
				return err
			}
			cfg.Log = cmd.ErrOrStderr()
			fmt.Fprintf(cfg.Log, "relevance: %d train articles, %d dev\n", len(train), len(dev))
			c, err := relevance.Train(cmd.Context(), train, dev, cfg)
			if err != nil {
				return err
			}
			sc := c.Evaluate(dev)
			fmt.Fprintf(cmd.OutOrStdout(), "dev: accuracy %.2f%% over %d articles (relevant %.2f%% of %d, off topic %.2f%% of %d; %d too short)\n",
				sc.Accuracy, sc.Judged, sc.Relevant, sc.RelevantN, sc.Off, sc.OffTopic, sc.Unjudged)
			fmt.Fprintf(cmd.OutOrStdout(), "dev, below relevance %.2f (events not stored): %.1f%% of relevant articles, %.1f%% of off-topic ones\n",
				relevance.OffTopicBelow, sc.Dropped, sc.Caught)
			for _, bar := range []float64{0.002, 0.005, 0.01, 0.02, 0.05, 0.1} {
				r, o := c.Below(dev, bar)
				fmt.Fprintf(cmd.OutOrStdout(), "  dev below %.3f: %.1f%% of relevant, %.1f%% of off-topic articles\n", bar, r, o)
			}
			ts := c.Evaluate(test)
			fmt.Fprintf(cmd.OutOrStdout(), "test (BBC, held out): accuracy %.2f%% over %d articles; below %.2f: %.1f%% of %d relevant, %.1f%% of %d off-topic\n",
				ts.Accuracy, ts.Judged, relevance.OffTopicBelow, ts.Dropped, ts.RelevantN, ts.Caught, ts.OffTopic)
			rel, judged := 0, 0
			for _, e := range business {
				if p, ok := c.Relevance(e.Text); ok {
					judged++
					if p >= relevance.OffTopicBelow {
						rel++
					}
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "BBC business (in neither split): %d of %d keep their events\n", rel, judged)
			data := c.Encode()
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, relevance.ModelFile)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s (%d bytes; %s)\n", path, len(data), c.Stats())
			return nil
		},
	}
	c.Flags().StringVar(&corpora, "corpora", "", "folder of the shared corpora (default: ../shared/corpora)")
	c.Flags().StringVar(&out, "out", "models/data", "output folder")
	c.Flags().IntVar(&cfg.Iterations, "iterations", 10, "training passes (the best on dev is kept)")
	c.Flags().Uint64Var(&cfg.Seed, "seed", 1, "shuffling seed")
	c.Flags().Float64Var(&cfg.Prune, "prune", 0.05, "drop averaged weights below this absolute value")
	return c
}

// relevanceData reads the BBC and PolNeAR articles, in file-name order.
func relevanceData(corpora string) (train, dev, test, business []relevance.Example, err error) {
	if corpora == "" {
		return nil, nil, nil, nil, fmt.Errorf("no corpora folder: pass --corpora or set CHRONICLE_SHARED")
	}
	bbc, err := filepath.Glob(filepath.Join(corpora, "bbc-news", "*_*.txt"))
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if len(bbc) == 0 {
		return nil, nil, nil, nil, fmt.Errorf("no BBC articles in %s", filepath.Join(corpora, "bbc-news"))
	}
	sort.Strings(bbc)
	seen := map[string]bool{} // the corpus repeats about a hundred articles word for word
	for _, f := range bbc {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		topic, num, _ := strings.Cut(base, "_")
		n, err := strconv.Atoi(num)
		if err != nil {
			return nil, nil, nil, nil, fmt.Errorf("%s: no article number", f)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		if seen[string(b)] {
			continue
		}
		seen[string(b)] = true
		e := relevance.Example{Name: base, Text: string(b), Relevant: topic == "politics"}
		switch {
		case topic == "business":
			business = append(business, e)
		case n%3 == 1:
			train = append(train, e)
		case n%3 == 2:
			dev = append(dev, e)
		default:
			test = append(test, e)
		}
	}
	// US political news (PolNeAR), so that politics is not only British.
	for _, split := range []struct {
		dir string
		to  *[]relevance.Example
	}{{"train", &train}, {"dev", &dev}} {
		files, err := filepath.Glob(filepath.Join(corpora, "polnear", split.dir, "text", "*.txt"))
		if err != nil {
			return nil, nil, nil, nil, err
		}
		if len(files) == 0 {
			return nil, nil, nil, nil, fmt.Errorf("no PolNeAR %s articles in %s", split.dir, filepath.Join(corpora, "polnear"))
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, nil, nil, nil, err
			}
			*split.to = append(*split.to, relevance.Example{Name: filepath.Base(f), Text: string(b), Relevant: true})
		}
	}
	// Off-topic text from other sources and registers, so that the
	// classifier learns topics, not the BBC's style: EWT reviews, answers
	// and email, and GUM's non-news genres.
	for _, split := range []struct {
		ewt, gum string
		to       *[]relevance.Example
	}{{"train", "train", &train}, {"dev", "dev", &dev}} {
		sents, err := conllu.ReadFile(filepath.Join(corpora, "ud-english-ewt", "en_ewt-ud-"+split.ewt+".conllu"))
		if err != nil {
			return nil, nil, nil, nil, err
		}
		*split.to = append(*split.to, conlluDocs(sents, func(doc string) bool {
			return strings.HasPrefix(doc, "reviews-") || strings.HasPrefix(doc, "answers-") || strings.HasPrefix(doc, "email-")
		})...)
		files, err := filepath.Glob(filepath.Join(corpora, "gum", "dep", split.gum, "GUM_*.conllu"))
		if err != nil {
			return nil, nil, nil, nil, err
		}
		if len(files) == 0 {
			return nil, nil, nil, nil, fmt.Errorf("no GUM %s files in %s", split.gum, filepath.Join(corpora, "gum"))
		}
		sort.Strings(files)
		for _, f := range files {
			switch genre := strings.Split(filepath.Base(f), "_")[1]; genre {
			case "news", "speech", "interview", "court", "essay", "letter", "reddit":
				continue // politics or not, article by article
			}
			sents, err := conllu.ReadFile(f)
			if err != nil {
				return nil, nil, nil, nil, err
			}
			*split.to = append(*split.to, conlluDocs(sents, func(string) bool { return true })...)
		}
	}
	return train, dev, test, business, nil
}

// conlluDocs joins the words of each document whose id keep accepts into
// an off-topic example.
func conlluDocs(sents []*conllu.Sentence, keep func(doc string) bool) []relevance.Example {
	var out []relevance.Example
	var b strings.Builder
	name, on := "", false
	flush := func() {
		if on && b.Len() > 0 {
			out = append(out, relevance.Example{Name: name, Text: b.String()})
		}
		b.Reset()
	}
	for _, s := range sents {
		if s.DocStart {
			flush()
			name, on = s.NewDoc, keep(s.NewDoc)
		}
		if !on {
			continue
		}
		for _, w := range s.Words {
			b.WriteString(w.Form)
			b.WriteByte(' ')
		}
		b.WriteByte('\n')
	}
	flush()
	return out
}
