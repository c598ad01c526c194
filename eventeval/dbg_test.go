package eventeval_test

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/eventeval"
	"os"
	"testing"
)

func TestDbgGSR(t *testing.T) {
	b, _ := os.ReadFile("/work/shared/corpora/plover/gold_standard_records/PLOVER_GSR_CAMEO.json")
	var recs []struct{ ID, Event, Text, EventText string }
	json.Unmarshal(b, &recs)
	pipe, _ := engine.New(engine.Options{})
	for _, r := range recs {
		if r.Text == "" {
			continue
		}
		g := r.Event
		if x, ok := eventeval.RetiredPLOVER[g]; ok {
			g = x
		}
		doc, _ := chronicle.NewDocument([]byte(r.Text), r.ID, chronicle.Meta{}, 0)
		pipe.Process(context.Background(), doc)
		top := "-"
		why := ""
		if len(doc.Events) > 0 {
			e := eventeval.TopEvent(doc, doc.Events)
			top = eventeval.PLOVERType(e) + "/" + e.Modality
			if len(e.Why) > 90 {
				why = e.Why[:90]
			} else {
				why = e.Why
			}
		}
		mark := "ok "
		if len(top) < len(g) || top[:len(g)] != g {
			mark = "BAD"
		}
		fmt.Printf("%s %-9s %-22s [%s] %s\n      %s\n", mark, g, top, r.EventText, r.Text, why)
	}
}
