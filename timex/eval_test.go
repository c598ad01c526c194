package timex_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/timex"
	"github.com/chronicle-news/chronicle/timex/timeml"
)

// TestTempEval3 scores the recognizer on TimeBank and AQUAINT (TBAQ-cleaned)
// and holds it to the floors of issue 4: relaxed F1 >= 85, value F1 >= 75.
// Set TIMEX_ERRORS=file to write every error to that file.
func TestTempEval3(t *testing.T) {
	if testing.Short() {
		t.Skip("slow evaluation: skipped with -short")
	}
	dir := shared.Path(t, "corpora", "tempeval3", "TBAQ-cleaned")
	var errw *os.File
	if name := os.Getenv("TIMEX_ERRORS"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		errw = f
	}
	r := timex.New()
	var total timeml.Scores
	var sys []chronicle.Timex
	docs := 0
	for _, part := range []string{"TimeBank", "AQUAINT"} {
		files, err := filepath.Glob(filepath.Join(dir, part, "*.tml"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no .tml files in %s: %v", part, err)
		}
		sort.Strings(files)
		var s timeml.Scores
		for _, f := range files {
			d, err := timeml.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sys = r.Find(d.Text, d.DCT, sys[:0])
			s.Add(d.Timexes, sys)
			if errw != nil {
				timeml.WriteErrors(errw, filepath.Base(f), d, sys)
			}
		}
		rep := s.Report(len(files))
		t.Logf("%-8s docs %3d gold %4d sys %4d  strict F1 %.2f  relaxed F1 %.2f  type acc %.2f  value acc %.2f  value F1 %.2f",
			part, rep.Docs, rep.Gold, rep.Sys, rep.StrictF1, rep.RelaxedF1, rep.TypeAccuracy, rep.ValueAccuracy, rep.ValueF1)
		total.Merge(s)
		docs += len(files)
	}
	rep := total.Report(docs)
	t.Logf("%-8s docs %3d gold %4d sys %4d  strict F1 %.2f  relaxed F1 %.2f  type acc %.2f  value acc %.2f  value F1 %.2f",
		"total", rep.Docs, rep.Gold, rep.Sys, rep.StrictF1, rep.RelaxedF1, rep.TypeAccuracy, rep.ValueAccuracy, rep.ValueF1)
	if rep.RelaxedF1 < 85 {
		t.Errorf("relaxed F1 %.2f below the floor of 85", rep.RelaxedF1)
	}
	if rep.ValueF1 < 75 {
		t.Errorf("value F1 %.2f below the floor of 75", rep.ValueF1)
	}
}
