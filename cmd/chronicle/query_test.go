package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
)

// jsonLines decodes the JSON lines of a query command's output.
func jsonLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var items []T
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		items = append(items, v)
	}
	return items
}

// TestEventsStatusAndReports ingests the seed article and checks that
// `events` lists happenings only unless --status asks for more (Putin's
// trip that did not happen is no trip), and that `reports` shows the
// evidence and why of an event listed by `events`.
func TestEventsStatusAndReports(t *testing.T) {
	seed := shared.Path(t, "seed", "talks-turkey.txt")
	db := filepath.Join(t.TempDir(), "c.db")
	if out, err := run(t, "ingest", "--db", db, seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	out, err := run(t, "events", "--db", db, "--json")
	if err != nil {
		t.Fatalf("events: %v", err)
	}
	happened := jsonLines[chronicle.StoredEvent](t, out)
	if len(happened) == 0 {
		t.Fatal("events lists nothing")
	}
	for _, e := range happened {
		if e.Status != "" {
			t.Errorf("events without --status lists a %s event: %+v", e.Status, e)
		}
		if e.Type == "CONSULT" && e.SourceName == "Vladimir Putin" {
			t.Errorf("events lists a trip by Putin, who did not make it: %+v", e)
		}
	}
	out, err = run(t, "events", "--db", db, "--json", "--status", "all")
	if err != nil {
		t.Fatalf("events --status all: %v", err)
	}
	all := jsonLines[chronicle.StoredEvent](t, out)
	negated := false
	for _, e := range all {
		negated = negated || (e.Type == "CONSULT" && e.SourceName == "Vladimir Putin" && e.Status == "negated")
	}
	if !negated || len(all) <= len(happened) {
		t.Errorf("events --status all: %d events (happenings %d), Putin's negated trip listed: %v", len(all), len(happened), negated)
	}

	id := strconv.FormatInt(happened[0].ID, 10)
	out, err = run(t, "reports", "--db", db, "--json", id)
	if err != nil {
		t.Fatalf("reports %s: %v", id, err)
	}
	reps := jsonLines[chronicle.EventReport](t, out)
	if len(reps) != 1 || reps[0].DocID != happened[0].DocID || reps[0].Why == "" || reps[0].Text == "" {
		t.Errorf("reports %s = %+v, want one report from %s with evidence and why", id, reps, happened[0].DocID)
	}
	if _, err := run(t, "reports", "--db", db, "999999"); err == nil {
		t.Error("reports of a missing event: no error")
	}
	if _, err := run(t, "reports", "--db", db, "x"); err == nil {
		t.Error("reports x: no error")
	}
}
