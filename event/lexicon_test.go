package event

import (
	"strings"
	"testing"
)

// TestLexiconNone: a "none" line removes the base layer's pattern for the
// same words, keeps its longer patterns, and leaves the base itself alone
// (the default lexicon is shared by every user lexicon built over it).
func TestLexiconNone(t *testing.T) {
	base, err := ParseLexicon(strings.NewReader("CONSULT v face\nACCUSE v face fight\nAGREE v agree\n"), "base", nil)
	if err != nil {
		t.Fatal(err)
	}
	lx, err := ParseLexicon(strings.NewReader("CONSULT v face | none\n"), "user", base)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range lx.lookup("face") {
		got = append(got, p.Type+" "+p.String())
	}
	if len(got) != 1 || got[0] != "ACCUSE v face fight" {
		t.Errorf("face patterns %q, want only ACCUSE v face fight", got)
	}
	if len(lx.lookup("agree")) != 1 {
		t.Error("other lemmas lost")
	}
	if n := len(base.lookup("face")); n != 2 {
		t.Errorf("base changed: %d face patterns, want 2", n)
	}
	// The embedded lexicon silences the imported "face" and "rule".
	for _, p := range DefaultLexicon().lookup("face") {
		if len(p.Needs) == 0 {
			t.Errorf("default lexicon still has %s %s (%s)", p.Type, p, p.Source)
		}
	}
}
