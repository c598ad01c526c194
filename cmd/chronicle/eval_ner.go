package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/spf13/cobra"
)

// newEvalNERCmd scores the recognizer on an IOB2 file (UNER scheme).
func newEvalNERCmd() *cobra.Command {
	var gold, modelDir, errorsFile string
	var asJSON bool
	c := &cobra.Command{
		Use:   "ner",
		Short: "Score the named-entity recognizer (entity-level P/R/F1)",
		Long: `Run the recognizer on the gold tokens of an IOB2 file (UNER style: index,
token, label), document by document, and report entity-level exact-match
precision, recall and F1 per type and overall, in percent. Output types are mapped to UNER: PERSON →
PER, ORG → ORG, GPE and LOC → LOC; NORP is not scored (UNER has no
nationality class and leaves such words O). With --json the keys are
precision, recall, f1 (overall) and types (per type).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageError{fmt.Errorf("--gold FILE is required")}
			}
			fsys := models.FS()
			if modelDir != "" {
				fsys = os.DirFS(modelDir)
			}
			r, err := ner.Load(fsys)
			if err != nil {
				return err
			}
			ex, err := ner.ReadIOB2(gold)
			if err != nil {
				return err
			}
			rep := r.Evaluate(ex)
			if errorsFile != "" {
				if err := writeNERErrors(errorsFile, r, ex); err != nil {
					return err
				}
			}
			if asJSON {
				types := map[string]any{}
				for t, p := range rep.Types {
					types[t] = map[string]any{"precision": pct2(p.Precision), "recall": pct2(p.Recall), "f1": pct2(p.F1),
						"tp": p.TP, "fp": p.FP, "fn": p.FN}
				}
				o := rep.Overall
				return json.NewEncoder(cmd.OutOrStdout()).Encode(map[string]any{
					"precision": pct2(o.Precision), "recall": pct2(o.Recall), "f1": pct2(o.F1), "types": types})
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%-8s %8s %8s %8s %6s %6s %6s\n", "type", "P", "R", "F1", "TP", "FP", "FN")
			for _, t := range []string{"PER", "ORG", "LOC"} {
				p := rep.Types[t]
				fmt.Fprintf(w, "%-8s %8.2f %8.2f %8.2f %6d %6d %6d\n", t, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
			}
			o := rep.Overall
			fmt.Fprintf(w, "%-8s %8.2f %8.2f %8.2f %6d %6d %6d\n", "overall", o.Precision, o.Recall, o.F1, o.TP, o.FP, o.FN)
			return nil
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "gold IOB2 file")
	c.Flags().StringVar(&modelDir, "model", "", "folder holding ner.model (default: the embedded model)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().StringVar(&errorsFile, "errors", "", "write the sentences where gold and predicted entities differ to this file (error analysis)")
	return c
}

// writeNERErrors writes, for every sentence whose predicted entities differ
// from the gold ones, its tokens with gold and predicted IOB2 labels.
func writeNERErrors(path string, r *ner.Recognizer, ex []ner.Example) error {
	var b strings.Builder
	var found [][]ner.Mention
	for _, d := range ner.Documents(ex) {
		found = append(found, r.RecognizeDocument(d)...)
	}
	for k, e := range ex {
		pred := make([]string, len(e.Forms))
		for i := range pred {
			pred[i] = "O"
		}
		for _, m := range found[k] {
			t := ner.UNERType(m.Type)
			if t == "" {
				continue
			}
			pred[m.Start] = "B-" + t
			for i := m.Start + 1; i < m.End; i++ {
				pred[i] = "I-" + t
			}
		}
		if slices.Equal(pred, e.Labels) {
			continue
		}
		fmt.Fprintf(&b, "# %s\n", e.ID)
		for i, f := range e.Forms {
			mark := ""
			if pred[i] != e.Labels[i] {
				mark = "  <<<"
			}
			fmt.Fprintf(&b, "%-20s %-6s %-6s%s\n", f, e.Labels[i], pred[i], mark)
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("eval ner: %w", err)
	}
	return nil
}
