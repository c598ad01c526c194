package actor_test

import (
	"context"
	"path/filepath"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/registry"
)

// actorAt returns the actor with a mention whose text is text, the n-th
// such mention in the document (0-based), or nil.
func actorAt(doc *chronicle.Document, text string, n int) *chronicle.Actor {
	type hit struct {
		a     *chronicle.Actor
		start int
	}
	var hits []hit
	for i := range doc.Actors {
		for _, m := range doc.Actors[i].Mentions {
			if doc.SpanText(m.Span) == text {
				hits = append(hits, hit{&doc.Actors[i], m.Start})
			}
		}
	}
	// order by position
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	if n >= len(hits) {
		return nil
	}
	return hits[n].a
}

// The resolutions issue 5 names, checked by hand rather than through the
// golden file: they fail if the resolver regresses, whatever -update says.
func TestIssue5SeedResolutions(t *testing.T) {
	path := shared.Path(t, "seed", "talks-turkey.txt")
	t.Run("surface", func(t *testing.T) { checkSeed(t, readDoc(t, path, "2025-05-16")) })
	t.Run("models", func(t *testing.T) { checkSeed(t, readFullDoc(t, path, "2025-05-16")) })
}

func checkSeed(t *testing.T, doc *chronicle.Document) {
	x, err := actor.New(seedRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		mention string
		nth     int
		id      string
	}{
		{"Vladimir Putin", 0, "person:vladimir-putin"},
		{"Putin", 0, "person:vladimir-putin"},
		{"the Russian president", 0, "person:vladimir-putin"},
		{"Volodymyr Zelensky", 0, "person:volodymyr-zelensky"},
		{"Zelensky", 0, "person:volodymyr-zelensky"},
		{"he", 3, "person:donald-trump"}, // "Ultimately, he dispatched…"
		{"The secretary of state", 0, "person:marco-rubio"},
		{"vice president", 0, "person:jd-vance"},
		{"Vance", 0, "person:jd-vance"},
		{"Rubio", 0, "person:marco-rubio"},
		{"Russia", 0, "gpe:RUS"},
		{"the Russians", 0, "gpe:RUS"},
		{"U.S.", 0, "gpe:USA"},
		{"Turkey's Foreign Ministry", 0, "org:turkeys-foreign-ministry"},
		{"its", 0, "org:trump-administration"},
	}
	for _, tt := range tests {
		a := actorAt(doc, tt.mention, tt.nth)
		switch {
		case a == nil:
			t.Errorf("%q #%d: not a mention of any actor, want %s", tt.mention, tt.nth, tt.id)
		case a.ID != tt.id:
			t.Errorf("%q #%d: actor %s, want %s", tt.mention, tt.nth, a.ID, tt.id)
		}
	}
	want := map[string]string{ // id -> country
		"gpe:UKR": "UKR", "gpe:RUS": "RUS", "gpe:TUR": "TUR", "gpe:USA": "USA",
		"org:turkeys-foreign-ministry": "TUR", "org:associated-press": "USA", "org:trump-administration": "USA",
		"person:volodymyr-zelensky": "UKR", "person:vladimir-putin": "RUS", "person:donald-trump": "USA",
		"person:marco-rubio": "USA", "person:steve-witkoff": "USA", "person:keith-kellogg": "USA", "person:jd-vance": "USA",
	}
	got := map[string]string{}
	for _, a := range doc.Actors {
		got[a.ID] = a.Country
	}
	for id, c := range want {
		if g, ok := got[id]; !ok {
			t.Errorf("actor %s missing", id)
		} else if g != c {
			t.Errorf("actor %s: country %q, want %q", id, g, c)
		}
	}
	if len(doc.Actors) != len(want) {
		t.Errorf("%d actors, want %d", len(doc.Actors), len(want))
	}
	// Entities point at their actor (with NER: every person and place).
	for _, e := range doc.Entities {
		if (e.Type == chronicle.EntityPerson || e.Type == chronicle.EntityGPE) && e.Actor == "" {
			t.Errorf("entity %s %q points at no actor", e.Type, doc.SpanText(e.Span))
		}
	}
	// Roles with their countries.
	for _, a := range doc.Actors {
		if a.ID == "person:vladimir-putin" && (len(a.Roles) == 0 || a.Roles[0].Title != "President" || a.Roles[0].Country != "RUS") {
			t.Errorf("Putin roles = %+v, want President of RUS", a.Roles)
		}
	}
}

// Two articles about the same people give the same ids: by the id rule
// without any registry, and through registry aliases when an article only
// uses a surname.
func TestCrossArticleIDs(t *testing.T) {
	x, err := actor.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	seed := readDoc(t, shared.Path(t, "seed", "talks-turkey.txt"), "2025-05-16")
	other := readDoc(t, filepath.Join("testdata", "kremlin-call.txt"), "2025-05-19")
	for _, d := range []*chronicle.Document{seed, other} {
		if err := x.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(d *chronicle.Document) map[string]bool {
		m := map[string]bool{}
		for _, a := range d.Actors {
			m[a.ID] = true
		}
		return m
	}
	a, b := ids(seed), ids(other)
	for _, id := range []string{"person:vladimir-putin", "person:volodymyr-zelensky", "person:marco-rubio", "gpe:RUS", "gpe:USA"} {
		if !a[id] || !b[id] {
			t.Errorf("%s: in seed %v, in second article %v; want both", id, a[id], b[id])
		}
	}

	// With a registry fed by the first two articles, a third that only
	// says "Putin" still gets his id, and his roles accumulate with dates.
	reg := registry.New()
	for _, d := range []*chronicle.Document{seed, other} {
		for _, ac := range d.Actors {
			reg.Observe(actor.ObservationOf(d, ac))
		}
	}
	xr, err := actor.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	third := readDoc(t, filepath.Join("testdata", "putin-only.txt"), "2025-05-20")
	if err := xr.Process(ctx, third); err != nil {
		t.Fatal(err)
	}
	if a := actorAt(third, "Putin", 0); a == nil || a.ID != "person:vladimir-putin" {
		t.Errorf("third article: Putin = %+v, want person:vladimir-putin", a)
	}
	if a := actorAt(third, "He", 0); a == nil || a.ID != "person:vladimir-putin" {
		t.Errorf("third article: He = %+v, want person:vladimir-putin", a)
	}
	e, ok := reg.Get("person:vladimir-putin")
	if !ok || len(e.Roles) == 0 || e.Roles[0].From != "2025-05-16" || e.Roles[0].To != "2025-05-19" {
		t.Errorf("registry entry = %+v, want President seen 2025-05-16..2025-05-19", e)
	}
}
