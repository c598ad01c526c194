package engine_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
)

var update = flag.Bool("update", false, "rewrite golden files")

func analyseSeed(t *testing.T) *chronicle.Document {
	t.Helper()
	raw, err := os.ReadFile(shared.Path(t, "seed", "talks-turkey.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pipe := defaultEngine(t)
	doc, err := chronicle.NewDocument(raw, "talks-turkey.txt", chronicle.Meta{Published: time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := pipe.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// who names an event participant: its actor's country (for states and
// people alike) or name, else its text.
func who(doc *chronicle.Document, r chronicle.Ref) (country, name string) {
	for _, a := range doc.Actors {
		if a.ID == r.Actor && r.Actor != "" {
			return a.Country, a.Name
		}
	}
	if r.End > r.Start {
		return "", doc.SpanText(r.Span)
	}
	return "", ""
}

func eventLine(doc *chronicle.Document, e chronicle.Event) string {
	sc, sn := who(doc, e.Source)
	tc, tn := who(doc, e.Target)
	neg := ""
	if e.Negated {
		neg = " negated"
	}
	scope := ""
	if e.Scope != "" {
		scope = " scope=" + e.Scope
	}
	return fmt.Sprintf("%s %s(%s) -> %s(%s) %s%s date=%s place=%s%s | %s", e.Type, sn, sc, tn, tc, e.Modality, neg, e.Date, e.Place,
		scope, doc.SpanText(e.Evidence))
}

// TestSeedEvents checks the events the events issue names for the seed
// article, and pins the whole list in a golden file.
func TestSeedEvents(t *testing.T) {
	doc := analyseSeed(t)
	var lines []string
	for _, e := range doc.Events {
		lines = append(lines, eventLine(doc, e))
	}
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "talks-turkey.events.golden")
	if *update {
		os.WriteFile(golden, []byte(got), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if got != string(want) {
		t.Errorf("events differ from %s (rerun with -update if intended):\n%s", golden, got)
	}

	has := func(desc string, ok func(e chronicle.Event, sc, sn, tc, tn string) bool) {
		t.Helper()
		for _, e := range doc.Events {
			sc, sn := who(doc, e.Source)
			tc, tn := who(doc, e.Target)
			if ok(e, sc, sn, tc, tn) {
				return
			}
		}
		t.Errorf("no event: %s", desc)
	}
	realized := func(e chronicle.Event) bool { return !e.Negated && e.Modality == "asserted" }
	pair := func(a, b, x, y string) bool { return a == x && b == y || a == y && b == x }
	has("CONSULT Ukraine–Russia on 2025-05-16 in Turkey", func(e chronicle.Event, sc, sn, tc, tn string) bool {
		return e.Type == "CONSULT" && realized(e) && pair(sc, tc, "UKR", "RUS") && e.Date == "2025-05-16" && e.PlaceCountry == "TUR"
	})
	has("ASSAULT Russia→Ukraine in 2022-02", func(e chronicle.Event, sc, sn, tc, tn string) bool {
		return e.Type == "ASSAULT" && sc == "RUS" && tc == "UKR" && e.Date == "2022-02"
	})
	has("ACCUSE Ukraine→Russia", func(e chronicle.Event, sc, sn, tc, tn string) bool {
		return e.Type == "ACCUSE" && sc == "UKR" && tc == "RUS" && realized(e)
	})
	has("REQUEST Russia→Ukraine (withdraw forces)", func(e chronicle.Event, sc, sn, tc, tn string) bool {
		return e.Type == "REQUEST" && sc == "RUS" && tc == "UKR"
	})
	has("THREATEN United States→the parties", func(e chronicle.Event, sc, sn, tc, tn string) bool {
		return e.Type == "THREATEN" && sc == "USA" && (tc == "UKR" || tc == "RUS")
	})
	has("intent to CONSULT Trump→Putin", func(e chronicle.Event, sc, sn, tc, tn string) bool {
		return e.Type == "CONSULT" && strings.Contains(sn, "Trump") && strings.Contains(tn, "Putin") && e.Modality == "intended"
	})
	for _, e := range doc.Events {
		sc, sn := who(doc, e.Source)
		_ = sc
		if e.Type == "CONSULT" && e.Mode == "visit" && realized(e) && (strings.Contains(sn, "Trump") || strings.Contains(sn, "Putin")) {
			t.Errorf("realized trip by %s: %s", sn, eventLine(doc, e))
		}
		if e.Type == "AGREE" && realized(e) {
			t.Errorf("realized agreement: %s", eventLine(doc, e))
		}
		if e.Why == "" || !strings.Contains(e.Why, ".txt:") {
			t.Errorf("event without a why naming its pattern: %s", eventLine(doc, e))
		}
	}
}
