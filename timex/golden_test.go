package timex_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/timex"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestSeedGolden checks every time expression of the seed article
// (published Friday 2025-05-16) against testdata/talks-turkey.golden, which
// a person reviewed. Run with -update to rewrite it after a reviewed change.
func TestSeedGolden(t *testing.T) {
	text, err := os.ReadFile(shared.Path(t, "seed", "talks-turkey.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dct := time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC)
	var b strings.Builder
	b.WriteString("# text\ttype\tvalue\tmod\tanchor\tstart\tend (DCT 2025-05-16, talks-turkey.txt)\n")
	for _, x := range timex.Find(string(text), dct, nil) {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%d\t%d\n", text[x.Start:x.End], x.Type, x.Value, x.Mod, x.Anchor, x.Start, x.End)
	}
	golden := filepath.Join("testdata", "talks-turkey.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("seed timexes differ from %s:\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}
