package eventeval_test

import (
	"testing"

	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/eventeval"
	"github.com/chronicle-news/chronicle/internal/shared"
)

func TestReadRecords(t *testing.T) {
	path := shared.Path(t, "corpora", "petrarch2", "validation", "PETR.UnitTest.records.xml")
	recs, err := eventeval.ReadRecords(path)
	if err != nil {
		t.Fatal(err)
	}
	// SOURCE.md counts 284 records and 385 codings, 19 of them noevents;
	// 7 more are error codings (discarded story or sentence, dateline, bad
	// parse), which expect no events either.
	codings, none := 0, 0
	for _, r := range recs {
		codings += len(r.Expected)
		if r.NoEvents {
			none++
		}
	}
	if len(recs) != 284 || codings != 359 || none != 26 {
		t.Errorf("read %d records with %d codings + %d without events; want 284 records, 359 codings, 26 without", len(recs), codings, none)
	}
}

func TestCAMEOToPLOVER(t *testing.T) {
	path := shared.Path(t, "corpora", "plover", "CAMEO2PLOVER-2021.txt")
	m, err := event.ReadCAMEOTable(path)
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"064": "COOPERATE", "041": "CONSULT", "0871": "RETREAT",
		"112": "ACCUSE", "1121": "ACCUSE", "190": "ASSAULT", "023": "", "010": "", "163": "COERCE", "0841": "RETREAT"} {
		if got, _ := m.Type(code); got != want {
			t.Errorf("Type(%s) = %q, want %q", code, got, want)
		}
	}
}
