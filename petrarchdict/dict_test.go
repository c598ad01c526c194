package petrarchdict_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/petrarchdict"
)

func TestCode(t *testing.T) {
	d := petrarchdict.New()
	actors := "GONDOR [GON]\n+MINAS_TIRITH\n\nGOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nDAGOLATH  [DAG]\n"
	agents := "!MINST! = MINISTER, MINISTRY\nPRIME_MINISTER [~GOV]\nFOREIGN_!MINST! [~GOVFRM]\nHUMAN_RIGHTS_BODY [NGO~]\n"
	if err := d.ReadActors(strings.NewReader(actors), "a"); err != nil {
		t.Fatal(err)
	}
	if err := d.ReadAgents(strings.NewReader(agents), "b"); err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { tm, _ := time.Parse("2006-01-02", s); return tm }
	tests := []struct {
		words string
		date  string
		want  string
	}{
		{"Gondor", "1995-01-01", "GON"},
		{"Minas Tirith", "1995-01-01", "GON"},
		{"Smeagol", "1994-01-01", "HOB"},
		{"Smeagol", "1996-01-01", "HOBGOV"},
		{"Gollum", "2000-01-01", "HOBREB"},
		{"Dagolath 's first Deputy Prime Minister Telemar", "1995-01-01", "DAGGOV"},
		{"the Gondor foreign ministry", "1995-01-01", "GONGOVFRM"},
		{"prime ministers", "1995-01-01", "GOV"},
		{"Gondor human rights body", "1995-01-01", "NGOGON"},
		{"a human rights body Gondor prime minister", "1995-01-01", "NGOGONGOV"}, // prefix and suffix agents both apply
		{"nobody", "1995-01-01", ""},
	}
	for _, tt := range tests {
		if got := d.Code(strings.Fields(tt.words), day(tt.date)); got != tt.want {
			t.Errorf("Code(%q, %s) = %q, want %q", tt.words, tt.date, got, tt.want)
		}
	}
}

func TestValidationDictionaries(t *testing.T) {
	dir := shared.Path(t, "corpora", "petrarch2", "validation")
	d := petrarchdict.New()
	for _, f := range []string{"PETR.Validate.actors.txt", "PETR.Validate.agents.txt"} {
		if err := d.ReadFile(dir + "/" + f); err != nil {
			t.Fatal(err)
		}
	}
	if len(d.Actors) < 120 || len(d.Agents) < 40 {
		t.Errorf("read %d actors and %d agents, want at least 120 and 40", len(d.Actors), len(d.Agents))
	}
	if got := d.Code(strings.Fields("Arnor"), time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)); got != "ARN" {
		t.Errorf("Arnor = %q, want ARN", got)
	}
}
