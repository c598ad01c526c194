package ner_test

import (
	"strings"
	"testing"
)

// FuzzRecognize: any sentence gives mentions inside it, in order, without
// overlaps, and no panic (the name rules index around head words, titles
// and links at the sentence's edges).
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"The U.S. Department of State said on Monday .",
		"Tesla , Inc. said",
		", Inc.",
		"Bank of",
		"Gulf of the",
		"President",
		"Procter & Gamble Company",
		"& Company",
		"The Ministry of Foreign Affairs of Ukraine and the Bank of England",
		"White House Press Secretary",
	} {
		f.Add(s)
	}
	r, err := embedded()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		forms := strings.Fields(s)
		if len(forms) > 200 {
			forms = forms[:200]
		}
		end := 0
		for _, m := range r.Recognize(forms) {
			if m.Start < end || m.End <= m.Start || m.End > len(forms) {
				t.Fatalf("mention %+v out of order or range (previous end %d, %d forms)", m, end, len(forms))
			}
			end = m.End
		}
	})
}
