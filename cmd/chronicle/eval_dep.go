package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/tag"
)

// newEvalDepCmd scores the dependency parser against a CoNLL-U file.
func newEvalDepCmd() *cobra.Command {
	var (
		gold     []string
		modelDir string
		asJSON   bool
		goldTags bool
		beam     int
		accurate bool
	)
	c := &cobra.Command{
		Use:   "dep",
		Short: "Score the dependency parser (UAS/LAS)",
		Long: `Parse the sentences of a CoNLL-U file with their gold tokenization and score
the trees. Tags come from the embedded tagger (the realistic setting) unless
--gold-tags is given. UAS and LAS count punctuation, as the CoNLL 2018 shared
task does; the figures without punctuation are printed too. LAS compares full
relations with subtypes (nsubj:pass, obl:tmod, ...).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var files []string
			for _, g := range gold {
				m, err := filepath.Glob(g)
				if err != nil || len(m) == 0 {
					return usageError{fmt.Errorf("--gold %s: no such file", g)}
				}
				files = append(files, m...)
			}
			if len(files) == 0 {
				return usageError{fmt.Errorf("--gold FILE is required")}
			}
			sents, err := conllu.ReadFiles(files...)
			if err != nil {
				return chronicle.Wrap(chronicle.EINVALID, "eval dep", err)
			}
			name := strings.Join(gold, ",")
			fsys := models.FS()
			if accurate {
				fsys = models.Accurate()
			}
			if modelDir != "" {
				fsys = os.DirFS(modelDir)
			}
			p, err := parse.Load(fsys)
			if err != nil {
				return err
			}
			if beam > 0 {
				p.SetBeam(beam)
			}
			doc := parse.FromCoNLLU(sents, goldTags)
			stages := chronicle.Pipeline{p}
			if !goldTags {
				tagger, err := loadDepTagger()
				if err != nil {
					return err
				}
				stages = chronicle.Pipeline{tagger, p}
			}
			if err := stages.Process(cmd.Context(), doc); err != nil {
				return err
			}
			s, err := parse.Score(sents, doc)
			if err != nil {
				return err
			}
			tags := "predicted (embedded tagger)"
			if goldTags {
				tags = "gold"
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{
					"file": name, "files": len(files), "tags": tags, "beam": p.Beam(), "words": s.Words, "sentences": len(sents),
					"uas": round2(s.UAS()), "las": round2(s.LAS()),
					"uas_no_punct": round2(s.UASNoPunct()), "las_no_punct": round2(s.LASNoPunct()),
				})
			}
			w := cmd.OutOrStdout()
			decoding := "greedy"
			if p.Beam() > 1 {
				decoding = fmt.Sprintf("beam %d", p.Beam())
			}
			fmt.Fprintf(w, "%s: %d files, %d sentences, %d words, gold tokenization, %s tags, %s decoding\n", name, len(files), len(sents), s.Words, tags, decoding)
			fmt.Fprintf(w, "with punctuation:    UAS %.2f  LAS %.2f\n", s.UAS(), s.LAS())
			fmt.Fprintf(w, "without punctuation: UAS %.2f  LAS %.2f\n", s.UASNoPunct(), s.LASNoPunct())
			return nil
		},
	}
	f := c.Flags()
	f.StringSliceVar(&gold, "gold", nil, "gold CoNLL-U file or glob (repeatable; the files are scored together)")
	f.BoolVar(&asJSON, "json", false, "print JSON (keys uas, las, uas_no_punct, las_no_punct: percentages)")
	f.BoolVar(&goldTags, "gold-tags", false, "use the file's UPOS/XPOS instead of the embedded tagger")
	f.IntVar(&beam, "beam", 0, "decoding beam width (default: the model's; 1 is greedy)")
	f.BoolVar(&accurate, "accurate", false, "score the embedded beam-search parser ("+models.AccurateParserFile+") instead of the greedy one")
	f.StringVar(&modelDir, "model", "", "folder holding parser.model (default: the embedded model)")
	return c
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }

// loadDepTagger returns the embedded POS tagger.
func loadDepTagger() (chronicle.Stage, error) {
	return tag.Load(models.FS())
}
