package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/spf13/cobra"
)

// newEvalPOSCmd scores the tagger on a CoNLL-U file with gold tokenization.
func newEvalPOSCmd() *cobra.Command {
	var gold, modelDir string
	var asJSON bool
	var confusions int
	c := &cobra.Command{
		Use:   "pos",
		Short: "Score the POS tagger (UPOS/XPOS/lemma accuracy)",
		Long: `Tag the gold words of a CoNLL-U file (gold tokenization) and report UPOS,
XPOS and lemma accuracy in percent. With --json the keys are upos, xpos,
lemma and tokens.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageError{fmt.Errorf("--gold FILE is required")}
			}
			fsys := models.FS()
			if modelDir != "" {
				fsys = os.DirFS(modelDir)
			}
			t, err := tag.Load(fsys)
			if err != nil {
				return err
			}
			sents, err := conllu.ReadFile(gold)
			if err != nil {
				return err
			}
			ex := tag.Examples(sents)
			sc := t.Evaluate(ex)
			if confusions > 0 {
				printConfusions(cmd, t, ex, confusions)
			}
			if asJSON {
				return json.NewEncoder(cmd.OutOrStdout()).Encode(map[string]any{
					"upos": pct2(sc.UPOS), "xpos": pct2(sc.XPOS), "lemma": pct2(sc.Lemma), "tokens": sc.Tokens})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "tokens %d\nUPOS   %.2f%%\nXPOS   %.2f%%\nlemma  %.2f%%\n", sc.Tokens, sc.UPOS, sc.XPOS, sc.Lemma)
			return nil
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "gold CoNLL-U file")
	c.Flags().StringVar(&modelDir, "model", "", "folder holding tagger.model (default: the embedded model)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().IntVar(&confusions, "confusions", 0, "also print the N most frequent UPOS errors to stderr")
	return c
}

func pct2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }

func printConfusions(cmd *cobra.Command, t *tag.Tagger, ex []tag.Example, n int) {
	count := map[string]int{}
	for _, e := range ex {
		upos, _, _ := t.Tag(e.Forms)
		for i := range e.Forms {
			if upos[i] != e.UPOS[i] {
				count[e.UPOS[i]+" -> "+upos[i]]++
			}
		}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for i, k := range keys {
		if i == n {
			break
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "%6d  %s (gold -> predicted)\n", count[k], k)
	}
}
