package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/eventeval"
	"github.com/chronicle-news/chronicle/petrarchdict"
)

func newEvalEventsCmd() *cobra.Command {
	var (
		asJSON   bool
		details  bool
		gold     string
		dicts    []string
		conv     string
		mf       modelFlags
		lexicons []string
		verbs    []string
	)
	c := &cobra.Command{
		Use:   "events --gold PATH",
		Short: "Score event coding (PETRARCH validation records, PLOVER gold records)",
		Long: `Scores Chronicle's event coding with its own parse.

  --gold .../PETR.UnitTest.records.xml
      PETRARCH's validation records. Their fictional actors are coded with the
      PETR.Validate actor and agent dictionaries found beside the file (or --dict);
      expected CAMEO codes are mapped to PLOVER with CAMEO2PLOVER-2021.txt (codes
      under the roots 01 and 02, which PLOVER dropped, and the file's non-CAMEO
      test codes are not scored; error codings, a discarded story or sentence,
      expect no events). An expected
      event is found when an asserted, non-negated event has its type, source and
      target code ("---GOV" is compared as "GOV"; an actor coded "FRO/BIL/SAM"
      counts once per code, as PETRARCH expands it). Prints recall, precision, f1,
      the same on 3-letter roots (recall_root) and without the type (recall_dyad:
      who acted on whom), and why events were spurious: spurious_noevents,
      spurious_dropped (shares an actor with a coding that has no PLOVER type:
      roots 01/02, which PLOVER dropped, or a non-CAMEO test code),
      spurious_one_sided (one side uncoded: PETRARCH never emits those).
      The reciprocal_* figures count events as PLOVER does: a reciprocal pair that
      CAMEO codes twice (A→B and B→A of one type) is one event, and CONSULT and
      COOPERATE events match as unordered dyads. --verbs PETR.Validate.verbs.txt
      adds the records' own verb dictionary, which tests the coder's mechanics
      rather than its lexicon.

  --gold .../PLOVER_GSR_CAMEO.json
      PLOVER's gold-standard records (retired 0.5b1 names remapped: DEMAND→REQUEST,
      DISAPPROVE and INVESTIGATE→ACCUSE, FIGHT→ASSAULT). type_accuracy is the share
      of sentences whose top event has the gold type; stored_type_accuracy counts
      only events the store keeps (see Event.Scope).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageError{fmt.Errorf("--gold is required")}
			}
			lx, err := loadLexicon(lexicons)
			if err != nil {
				return err
			}
			if len(verbs) > 0 {
				// PETRARCH verb dictionaries given as user patterns.
				if lx == nil {
					lx = event.DefaultLexicon()
				}
				tpath := conv
				if tpath == "" && strings.HasSuffix(gold, ".xml") {
					tpath = defaultCAMEOTable(gold)
				}
				table, err := cameoTable(tpath)
				if err != nil {
					return err
				}
				for _, p := range verbs {
					if lx, err = event.LoadPETRARCH(p, table, lx); err != nil {
						return err
					}
				}
			}
			pipe, err := engine.New(withLexicon(mf.options(), lx))
			if err != nil {
				return err
			}
			var res any
			switch {
			case strings.HasSuffix(gold, ".json"):
				var gr *eventeval.GSRResult
				gr, err = eventeval.GSR(cmd.Context(), gold, pipe)
				if err == nil && !details {
					gr.Details = nil
				}
				res = gr
			case strings.HasSuffix(gold, ".xml"):
				var pr *eventeval.PetrarchResult
				pr, err = evalPetrarch(cmd, gold, dicts, conv, pipe)
				if err == nil && !details {
					pr.Details = nil
				}
				res = pr
			default:
				return usageError{fmt.Errorf("--gold must be a PETRARCH .xml or a PLOVER .json file")}
			}
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			b, _ := json.MarshalIndent(res, "", "  ")
			fmt.Fprintln(cmd.OutOrStdout(), string(b))
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&gold, "gold", "", "gold file: PETR.UnitTest.records.xml or PLOVER_GSR_CAMEO.json")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	f.BoolVar(&details, "details", false, "also list each record: expected codings and produced events (PETRARCH), gold and coded types (PLOVER)")
	f.StringSliceVar(&dicts, "dict", nil, "PETRARCH actor/agent dictionary files (default: PETR.Validate.{actors,agents}.txt beside --gold)")
	f.StringVar(&conv, "cameo2plover", "", "CAMEO→PLOVER table (default: ../../plover/CAMEO2PLOVER-2021.txt from --gold)")
	f.StringSliceVar(&lexicons, "lexicon", nil, "extra event lexicon files (their patterns take precedence)")
	f.StringSliceVar(&verbs, "verbs", nil, "PETRARCH verb dictionaries to load as user patterns (e.g. PETR.Validate.verbs.txt)")
	mf.register(f)
	return c
}

func evalPetrarch(cmd *cobra.Command, gold string, dicts []string, conv string, pipe chronicle.Stage) (*eventeval.PetrarchResult, error) {
	dir := filepath.Dir(gold)
	if len(dicts) == 0 {
		dicts = []string{filepath.Join(dir, "PETR.Validate.actors.txt"), filepath.Join(dir, "PETR.Validate.agents.txt")}
	}
	if conv == "" {
		conv = defaultCAMEOTable(gold)
	}
	d := petrarchdict.New()
	for _, p := range dicts {
		if err := d.ReadFile(p); err != nil {
			return nil, err
		}
	}
	table, err := event.ReadCAMEOTable(conv)
	if err != nil {
		return nil, err
	}
	recs, err := eventeval.ReadRecords(gold)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(gold); err != nil {
		return nil, err
	}
	return eventeval.Petrarch(cmd.Context(), recs, table, pipe, eventeval.DictCoder{Dict: d})
}

// defaultCAMEOTable is the CAMEO→PLOVER table of the corpora tree the
// validation records lie in.
func defaultCAMEOTable(gold string) string {
	return filepath.Join(filepath.Dir(gold), "..", "..", "plover", "CAMEO2PLOVER-2021.txt")
}
