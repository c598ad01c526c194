package quote_test

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
	"github.com/chronicle-news/chronicle/quote"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// render prints doc.Quotes one per block, for golden files a person reviews.
func render(doc *chronicle.Document) string {
	var b strings.Builder
	for i, q := range doc.Quotes {
		fmt.Fprintf(&b, "#%d %s", i, q.Kind)
		if q.Parent >= 0 {
			fmt.Fprintf(&b, " (inside #%d)", q.Parent)
		}
		fmt.Fprintf(&b, "\n  speaker:   %q", doc.SpanText(q.Speaker.Span))
		if name := quote.SpeakerName(doc, i); name != doc.SpanText(q.Speaker.Span) {
			fmt.Fprintf(&b, " = %s", name)
		}
		fmt.Fprintf(&b, "\n  cue:       %q [%d,%d)\n", doc.SpanText(q.Cue), q.Cue.Start, q.Cue.End)
		if q.Addressee != nil {
			fmt.Fprintf(&b, "  addressee: %q\n", doc.SpanText(q.Addressee.Span))
		}
		fmt.Fprintf(&b, "  content:   %q [%d,%d)\n", doc.SpanText(q.Content), q.Content.Start, q.Content.End)
		fmt.Fprintf(&b, "  date:      %s\n", q.Date)
		if q.Speaker.Actor != "" {
			fmt.Fprintf(&b, "  actor:     %s\n", q.Speaker.Actor)
		}
		if q.Sentences != nil {
			fmt.Fprintf(&b, "  sentences: %v\n", q.Sentences)
		}
	}
	return b.String()
}

// TestSeedGolden checks the attributions of the seed article (issue 6)
// against testdata/talks-turkey.golden, reviewed by a person.
func TestSeedGolden(t *testing.T) {
	path := shared.Path(t, "seed", "talks-turkey.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := chronicle.NewDocument(raw, path, chronicle.Meta{Published: time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline(t).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	got := render(doc)
	golden := filepath.Join("testdata", "talks-turkey.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestSeedGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("quotes differ from %s (rerun with -update and review the diff):\n%s", golden, got)
	}
}
