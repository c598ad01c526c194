package segment_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tokenize"
)

// FuzzSegment checks that any valid UTF-8 text gives sentences and
// paragraphs that cover every token in order, never cross, and never panic.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"",
		"A.\n\nB",
		"Headline\nFirst. Second!\n\n“Quote.” Then (this.) U.S. The end...",
		"KYIV, Ukraine (AP) — Thursday, May 7, 2015 Image: x\n- a\n1. b\n\u2029",
		"\"\"'' ... ?! :) a. 1. b) \r\n\r\n \t",
	} {
		f.Add(s)
	}
	if d := shared.Dir(); d != "" {
		paths := []string{filepath.Join(d, "seed", "talks-turkey.txt")}
		m, _ := filepath.Glob(filepath.Join(d, "corpora", "bbc-news", "world_00*.txt"))
		m2, _ := filepath.Glob(filepath.Join(d, "corpora", "bbc-news", "politics_00*.txt"))
		for _, p := range append(append(paths, m...), m2...) {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b[:min(len(b), 4096)]))
			}
		}
	}
	stage := chronicle.Pipeline{tokenize.New(), segment.New()}
	f.Fuzz(func(t *testing.T, s string) {
		text, _ := chronicle.RepairUTF8([]byte(s))
		doc := &chronicle.Document{Text: text}
		if err := stage.Process(context.Background(), doc); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if err := check(doc); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
	})
}
