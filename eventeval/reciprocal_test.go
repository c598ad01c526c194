package eventeval

import (
	"strings"
	"testing"
)

func TestReciprocalUnits(t *testing.T) {
	c := func(typ, s, t string) Coding { return Coding{Type: typ, Source: s, Target: t} }
	tests := []struct {
		name          string
		want, got     []Coding
		units, founds int
	}{
		{"reciprocal pair is one event found by either direction",
			[]Coding{c("AGREE", "BRE", "GON"), c("AGREE", "GON", "BRE")}, []Coding{c("AGREE", "BRE", "GON")}, 1, 1},
		{"reciprocal type matches reversed",
			[]Coding{c("CONSULT", "A", "B")}, []Coding{c("CONSULT", "B", "A")}, 1, 1},
		{"directed type does not match reversed",
			[]Coding{c("ACCUSE", "A", "B")}, []Coding{c("ACCUSE", "B", "A")}, 1, 0},
		{"different types stay apart",
			[]Coding{c("AGREE", "A", "B"), c("ACCUSE", "B", "A")}, []Coding{c("AGREE", "B", "A")}, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ew, gw := units(tt.want), units(tt.got)
			found := 0
			used := make([]bool, len(gw))
			for _, x := range ew {
				for i, g := range gw {
					if !used[i] && x.matches(g) {
						used[i] = true
						found++
						break
					}
				}
			}
			if len(ew) != tt.units || found != tt.founds {
				t.Errorf("%d units, %d found; want %d, %d", len(ew), found, tt.units, tt.founds)
			}
		})
	}
}

func TestCodes(t *testing.T) {
	for in, want := range map[string]string{"FRO/BIL/SAM": "FRO BIL SAM", "---GOV": "GOV", "ARN": "ARN", "": "", "---": ""} {
		if got := strings.Join(codes(in), " "); got != want {
			t.Errorf("codes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAttrQuotes(t *testing.T) {
	m := attrMap(`sourcecode='"THE MINISTRY OF MAGIC"' targetcode="GON" eventcode="032`)
	if m["sourcecode"] != `"THE MINISTRY OF MAGIC"` || m["targetcode"] != "GON" || m["eventcode"] != "032" {
		t.Errorf("attrMap = %q", m)
	}
}
