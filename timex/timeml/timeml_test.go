package timeml_test

import (
	"math"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/timex/timeml"
)

const doc = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Title with <TIMEX3 tid="t9" type="DATE" value="1998">1998</TIMEX3></TITLE>
<TEXT>
Sales &amp; profit <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P2Y" mod="MORE_THAN">more than two years</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>`

func TestRead(t *testing.T) {
	d, err := timeml.Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "X1" || d.DCTValue != "1998-01-08" || d.DCT.Format("2006-01-02") != "1998-01-08" {
		t.Errorf("header: %+v", d)
	}
	if len(d.Timexes) != 2 {
		t.Fatalf("want the 2 TEXT timexes (not the DCT or the title's), got %+v", d.Timexes)
	}
	for i, want := range []string{"yesterday", "more than two years"} {
		if got := d.Text[d.Timexes[i].Start:d.Timexes[i].End]; got != want {
			t.Errorf("timex %d: text %q, want %q", i, got, want)
		}
	}
	if !strings.Contains(d.Text, "Sales & profit fell yesterday") {
		t.Errorf("text not decoded: %q", d.Text)
	}
	if d.Timexes[1].Mod != "MORE_THAN" || d.Timexes[1].Value != "P2Y" || d.Timexes[1].Type != "DURATION" {
		t.Errorf("attributes: %+v", d.Timexes[1])
	}
}

func TestScores(t *testing.T) {
	sp := func(a, b int) chronicle.Span { return chronicle.Span{Start: a, End: b} }
	gold := []timeml.Timex{
		{Span: sp(0, 6), Type: "DATE", Value: "1998-01-07"}, // exact, right value
		{Span: sp(10, 20), Type: "DURATION", Value: "P2Y"},  // overlap, wrong value
		{Span: sp(30, 35), Type: "DATE", Value: "PAST_REF"}, // missed
		{Span: sp(40, 45), Type: "DATE", Value: "1998-W01"}, // exact, wrong type
	}
	sys := []chronicle.Timex{
		{Span: sp(0, 6), Type: "DATE", Value: "1998-01-07"},
		{Span: sp(12, 20), Type: "DURATION", Value: "P3Y"},
		{Span: sp(40, 45), Type: "TIME", Value: "1998-W01"},
		{Span: sp(50, 55), Type: "DATE", Value: "1998"}, // spurious
	}
	var s timeml.Scores
	s.Add(gold, sys)
	r := s.Report(1)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	checks := []struct {
		name      string
		got, want float64
	}{
		{"strict F1", r.StrictF1, 50},   // 2 of 4 / 2 of 4
		{"relaxed F1", r.RelaxedF1, 75}, // 3 of 4 / 3 of 4
		{"type accuracy", r.TypeAccuracy, 200.0 / 3},
		{"value accuracy", r.ValueAccuracy, 200.0 / 3},
		{"value F1", r.ValueF1, 50}, // 2 of 4 / 2 of 4
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	// value F1 = relaxed F1 × value accuracy (TempEval-3)
	if !near(r.ValueF1, r.RelaxedF1*r.ValueAccuracy/100) {
		t.Errorf("value F1 %v != relaxed F1 × value accuracy %v", r.ValueF1, r.RelaxedF1*r.ValueAccuracy/100)
	}
}
