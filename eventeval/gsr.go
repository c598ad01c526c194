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
	Records      int     `json:"records"`
	Correct      int     `json:"correct"`       // top event's type equals the gold type
	AnyCorrect   int     `json:"any_correct"`   // some event of the sentence has the gold type
	NoEvent      int     `json:"no_event"`      // sentences where nothing was coded
	TypeAccuracy float64 `json:"type_accuracy"` // percent, Correct / Records
	AnyAccuracy  float64 `json:"any_accuracy"`  // percent, AnyCorrect / Records
	// StoredCorrect and StoredTypeAccuracy count only the events the store
	// keeps (Event.Scope empty).
	StoredCorrect      int            `json:"stored_correct"`
	StoredTypeAccuracy float64        `json:"stored_type_accuracy"`
	PerType            map[string]int `json:"per_type_correct"`
	PerTypeGold        map[string]int `json:"per_type_gold"`
	// Details lists each sentence's gold type and the types coded, top
	// event first, for error analysis (`eval events --details`).
	Details []GSRDetail `json:"details,omitempty"`
}

// GSRDetail is one gold-standard sentence as scored.
type GSRDetail struct {
	ID    string   `json:"id"`
	Gold  string   `json:"gold"`
	Top   string   `json:"top"`
	Types []string `json:"types"`
	Text  string   `json:"text"`
}

type gsrRecord struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Text  string `json:"text"`
}

// GSR runs pipe over every gold-standard record of the JSON file at path
// and scores the PLOVER type (PLOVERType) of the sentence's top event
// (TopEvent).
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
		det := GSRDetail{ID: r.ID, Gold: gold, Text: r.Text}
		for _, e := range doc.Events {
			det.Types = append(det.Types, PLOVERType(e))
		}
		if len(doc.Events) == 0 {
			res.NoEvent++
			res.Details = append(res.Details, det)
			continue
		}
		det.Top = PLOVERType(TopEvent(doc, doc.Events))
		var stored []chronicle.Event
		for _, e := range doc.Events {
			if e.Scope == "" {
				stored = append(stored, e)
			}
		}
		if len(stored) > 0 && PLOVERType(TopEvent(doc, stored)) == gold {
			res.StoredCorrect++
		}
		res.Details = append(res.Details, det)
		if det.Top == gold {
			res.Correct++
			res.PerType[gold]++
		}
		for _, e := range doc.Events {
			if PLOVERType(e) == gold {
				res.AnyCorrect++
				break
			}
		}
	}
	if res.Records > 0 {
		res.TypeAccuracy = pct(res.Correct, res.Records)
		res.AnyAccuracy = pct(res.AnyCorrect, res.Records)
		res.StoredTypeAccuracy = pct(res.StoredCorrect, res.Records)
	}
	return res, nil
}

// TopEvent returns the event a sentence is chiefly about: realised or
// intended before hypothetical or negated, then the one whose predicate is
// highest in the parse, then by confidence.
func TopEvent(doc *chronicle.Document, evs []chronicle.Event) chronicle.Event {
	idx := make([]int, len(evs))
	for i := range idx {
		idx[i] = i
	}
	rank := func(e chronicle.Event) int {
		switch {
		case PLOVERType(e) != e.Type:
			return 0 // an intent, demand or refusal PLOVER codes as such
		case e.Negated:
			return 2
		case e.Modality == "asserted":
			return 0
		}
		return 1
	}
	depth := func(e chronicle.Event) int {
		t := sort.Search(len(doc.Tokens), func(i int) bool { return int(doc.Tokens[i].End) > e.Trigger.Start })
		d := 0
		for t >= 0 && t < len(doc.Tokens) && d < 50 {
			t = int(doc.Tokens[t].Head)
			d++
		}
		return d
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ea, eb := evs[idx[a]], evs[idx[b]]
		if rank(ea) != rank(eb) {
			return rank(ea) < rank(eb)
		}
		if da, db := depth(ea), depth(eb); da != db {
			return da < db
		}
		return ea.Confidence > eb.Confidence
	})
	return evs[idx[0]]
}

// PLOVERType is the type PLOVER's coding rules give an event that Chronicle
// records as a modality of another: an expressed intent to cooperate ("is
// willing to send aid", "will meet") is AGREE; a demand that the target act
// ("Sudan must return the helicopter") is REQUEST; a refusal to cooperate
// ("will not accept refugees") is REJECT. Chronicle keeps the event's own
// type and says the rest with modality and negation.
func PLOVERType(e chronicle.Event) string {
	coop := false
	switch e.Type {
	case "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE":
		coop = true
	}
	switch {
	case e.Negated && coop && (e.Modality == "intended" || e.Modality == "future"):
		return "REJECT"
	case e.Negated:
		return e.Type
	case e.Modality == "demanded" && e.Type != "REQUEST":
		return "REQUEST"
	case coop && (e.Modality == "intended" || e.Modality == "future"):
		return "AGREE"
	}
	return e.Type
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
