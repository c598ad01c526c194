package quote

import (
	"strings"
	"testing"
)

func TestDefaultLexicon(t *testing.T) {
	lx, err := ParseLexicon(strings.NewReader(defaultCues))
	if err != nil {
		t.Fatalf("embedded cues.txt: %v", err)
	}
	for _, w := range []string{"said", "says", "told", "according", "argued", "denies", "signaled", "statement", "endorsed"} {
		if _, ok := lx.lookup([]byte(w)); !ok {
			t.Errorf("%q missing from the embedded lexicon", w)
		}
	}
	// "state" is listed with its forms so that the noun is no cue
	for _, w := range []string{"state", "states"} {
		if _, ok := lx.lookup([]byte(w)); ok {
			t.Errorf("%q should not be a cue", w)
		}
	}
	if e, _ := lx.lookup([]byte("told")); e.flags&flagAddr == 0 {
		t.Error(`"told" should take an addressee`)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, bad := range []string{"x say", "v", "v say +loud", "p according"} {
		if _, err := ParseLexicon(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseLexicon(%q): want an error", bad)
		}
	}
}

func TestInflect(t *testing.T) {
	tests := []struct{ lemma, want string }{
		{"argue", "argue argues argued arguing"},
		{"deny", "deny denies denied denying"},
		{"stress", "stress stresses stressed stressing"},
		{"warn", "warn warns warned warning"},
		{"say", "say says sayed saying"}, // why say is listed with its forms
	}
	for _, tt := range tests {
		if got := strings.Join(inflect(tt.lemma), " "); got != tt.want {
			t.Errorf("inflect(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}
