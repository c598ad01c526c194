// Package eventeval scores event coding against the open gold data: the
// PLOVER gold-standard records and PETRARCH's validation records.
package eventeval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/chronicle-news/chronicle"
)

// RetiredPLOVER maps PLOVER 0.5b1 categories used by the gold-standard
// records to the current manual's (see corpora/plover/SOURCE.md).
var RetiredPLOVER = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"INVESTIGATE": "ACCUSE",
	"FIGHT":       "ASSAULT",
}

// GSRResult is the outcome of scoring the PLOVER gold-standard records.
type GSRResult struct {
	Records      int            `json:"records"`
	Correct      int            `json:"correct"`       // top event's type equals the gold type
	AnyCorrect   int            `json:"any_correct"`   // some event of the sentence has the gold type
	NoEvent      int            `json:"no_event"`      // sentences where nothing was coded
	TypeAccuracy float64        `json:"type_accuracy"` // percent, Correct / Records
	AnyAccuracy  float64        `json:"any_accuracy"`  // percent, AnyCorrect / Records
	PerType      map[string]int `json:"per_type_correct"`
	PerTypeGold  map[string]int `json:"per_type_gold"`
}

type gsrRecord struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Text  string `json:"text"`
}

// GSR runs pipe over every gold-standard record of the JSON file at path
// and scores the type of the event it codes. The top event of a sentence is
// the asserted, non-negated one with the highest confidence (others if none).
func GSR(ctx context.Context, path string, pipe chronicle.Stage) (*GSRResult, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gsr: %w", err)
	}
	var recs []gsrRecord
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("gsr: %s: %w", path, err)
	}
	res := &GSRResult{PerType: map[string]int{}, PerTypeGold: map[string]int{}}
	dct := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range recs {
		if r.Event == "" || r.Text == "" {
			continue // the DOCUMENT header
		}
		gold := r.Event
		if g, ok := RetiredPLOVER[gold]; ok {
			gold = g
		}
		doc, err := chronicle.NewDocument([]byte(r.Text), r.ID, chronicle.Meta{Published: dct}, 0)
		if err != nil {
			return nil, fmt.Errorf("gsr %s: %w", r.ID, err)
		}
		if err := pipe.Process(ctx, doc); err != nil {
			return nil, fmt.Errorf("gsr %s: %w", r.ID, err)
		}
		res.Records++
		res.PerTypeGold[gold]++
		if len(doc.Events) == 0 {
			res.NoEvent++
			continue
		}
		if TopEvent(doc.Events).Type == gold {
			res.Correct++
			res.PerType[gold]++
		}
		for _, e := range doc.Events {
			if e.Type == gold {
				res.AnyCorrect++
				break
			}
		}
	}
	if res.Records > 0 {
		res.TypeAccuracy = pct(res.Correct, res.Records)
		res.AnyAccuracy = pct(res.AnyCorrect, res.Records)
	}
	return res, nil
}

// TopEvent returns the event a sentence is chiefly about: asserted and not
// negated first, then by confidence, then by position.
func TopEvent(evs []chronicle.Event) chronicle.Event {
	idx := make([]int, len(evs))
	for i := range idx {
		idx[i] = i
	}
	rank := func(e chronicle.Event) int {
		if !e.Negated && e.Modality == "asserted" {
			return 0
		}
		return 1
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ea, eb := evs[idx[a]], evs[idx[b]]
		if rank(ea) != rank(eb) {
			return rank(ea) < rank(eb)
		}
		return ea.Confidence > eb.Confidence
	})
	return evs[idx[0]]
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
