package timex_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/timex"
)

type want struct {
	text, typ, value, mod string
}

// TestFind covers the expressions named in issue 4 and regressions found
// on TimeBank. The DCT is Friday 2025-05-16 unless a case says otherwise.
func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		dct  time.Time
		want []want
	}{
		// issue 4, recognition and normalization
		{"Officials met Friday in Turkey.", dct, []want{{"Friday", "DATE", "2025-05-16", ""}}},
		{"Trump told reporters earlier Friday.", dct, []want{{"earlier Friday", "DATE", "2025-05-16", ""}}},
		{"Rubio signaled Thursday that peace was near.", dct, []want{{"Thursday", "DATE", "2025-05-15", ""}}},
		{"The two sides will meet Monday.", dct, []want{{"Monday", "DATE", "2025-05-19", ""}}},
		{"Vance said in remarks last week that it mattered.", dct, []want{{"last week", "DATE", "2025-W19", ""}}},
		{"The invasion began on Feb. 24, 2022.", dct, []want{{"Feb. 24, 2022", "DATE", "2022-02-24", ""}}},
		{"The invasion began on Feb. 24.", dct, []want{{"Feb. 24", "DATE", "2025-02-24", ""}}},
		{"Russia's invasion in February 2022 sparked the war.", dct, []want{{"February 2022", "DATE", "2022-02", ""}}},
		{"It was common in the 1990s.", dct, []want{{"the 1990s", "DATE", "199", ""}}},
		{"Growth slowed in mid-2023.", dct, []want{{"mid-2023", "DATE", "2023", "MID"}}},
		{"Prices rose this year.", dct, []want{{"this year", "DATE", "2025", ""}}},
		{"They met two years ago.", dct, []want{{"two years ago", "DATE", "2023", ""}}},
		{"He teased it for days.", dct, []want{{"days", "DURATION", "PXD", ""}}},
		{"The talks lasted roughly two hours.", dct, []want{{"roughly two hours", "DURATION", "PT2H", "APPROX"}}},
		{"sparked the more than three-year-long war", dct, []want{{"more than three-year-long", "DURATION", "P3Y", "MORE_THAN"}}},
		{"a 30-day ceasefire", dct, []want{{"30-day", "DURATION", "P30D", ""}}},
		{"They meet every week.", dct, []want{{"every week", "SET", "P1W", ""}}},
		{"A deal will be reached soon.", dct, []want{{"soon", "DATE", "FUTURE_REF", ""}}},
		{"Talks are under way now.", dct, []want{{"now", "DATE", "PRESENT_REF", ""}}},
		{"It has in recent weeks aired frustrations.", dct, []want{{"recent weeks", "DURATION", "PXW", ""}}},
		// more forms
		{"Sales fell in the third quarter.", dct, []want{{"the third quarter", "DATE", "2024-Q3", ""}}},
		// TimeBank types a time of day with its day as DATE, alone as TIME.
		{"The meeting will be at 10:35 a.m. Tuesday.", dct, []want{{"10:35 a.m. Tuesday", "DATE", "2025-05-20T10:35", ""}}},
		{"The blast came at 10:35 a.m.", dct, []want{{"10:35 a.m.", "TIME", "2025-05-16T10:35", ""}}},
		{"The 1988 second quarter was weak.", dct, []want{{"The 1988 second quarter", "DATE", "1988-Q2", ""}}},
		{"He arrived yesterday.", dct, []want{{"yesterday", "DATE", "2025-05-15", ""}}},
		{"Sales a year earlier were flat.", dct, []want{{"a year earlier", "DATE", "2024", ""}}},
		{"It pays $5 a year.", dct, []want{{"a year", "SET", "P1Y", ""}}},
		{"They met on 16 May 2025.", dct, []want{{"16 May 2025", "DATE", "2025-05-16", ""}}},
		{"Published 2025-05-16.", time.Time{}, []want{{"2025-05-16", "DATE", "2025-05-16", ""}}},
		{"It happened in the past.", dct, []want{{"the past", "DATE", "PAST_REF", ""}}},
		{"He has served for the past two years.", dct, []want{{"the past two years", "DURATION", "P2Y", ""}}},
		{"He ruled in the 20th century.", dct, []want{{"the 20th century", "DATE", "19", ""}}},
		{"by the end of 1990", dct, []want{{"the end of 1990", "DATE", "1990", "END"}}},
		{"in early December", dct, []want{{"early December", "DATE", "2024-12", "START"}}},
		{"Last fall it rained.", dct, []want{{"Last fall", "DATE", "2024-FA", ""}}},
		// regressions: words that are not time expressions
		{"You may go. A 6-year-old boy. The 1,500 troops. $2000 was paid.", dct, nil},
		{"He will march on the capital.", dct, nil},
		{"about the future of the talks", dct, []want{{"the future", "DATE", "FUTURE_REF", ""}}},
		{"as soon as a time could be set up", dct, nil},
		// no DCT: relative values are undetermined and say so
		{"They met Friday and last week.", time.Time{}, []want{{"Friday", "DATE", "XXXX-XX-XX", ""}, {"last week", "DATE", "XXXX-WXX", ""}}},
	}
	r := timex.New()
	for _, tt := range tests {
		got := r.Find(tt.in, tt.dct, nil)
		var gw []want
		for _, x := range got {
			gw = append(gw, want{tt.in[x.Start:x.End], x.Type, x.Value, x.Mod})
		}
		if len(gw) != len(tt.want) {
			t.Errorf("%q: got %v, want %v", tt.in, gw, tt.want)
			continue
		}
		for i := range gw {
			if gw[i] != tt.want[i] {
				t.Errorf("%q: got %v, want %v", tt.in, gw[i], tt.want[i])
			}
		}
	}
}

// TestAnchors checks Anchor and Confidence: DCT-resolved values are
// anchored on "dct", stated ones on "text", undetermined ones on "none"
// with a lower confidence than any determined value.
func TestAnchors(t *testing.T) {
	r := timex.New()
	got := r.Find("They met Friday in February 2022.", dct, nil)
	if len(got) != 2 || got[0].Anchor != timex.AnchorDCT || got[1].Anchor != timex.AnchorText {
		t.Fatalf("with DCT: %+v", got)
	}
	got = r.Find("They met Friday in February 2022.", time.Time{}, nil)
	if len(got) != 2 || got[0].Anchor != timex.AnchorNone || got[0].Confidence >= got[1].Confidence {
		t.Fatalf("without DCT: %+v", got)
	}
}

// TestProcessDateline: with no published date, a dateline gives the DCT.
func TestProcessDateline(t *testing.T) {
	doc := &chronicle.Document{Text: "ISTANBUL, May 16, 2025 (AP) — Officials met Friday in Turkey."}
	if err := timex.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Timexes) != 2 {
		t.Fatalf("got %+v", doc.Timexes)
	}
	fri := doc.Timexes[1]
	if fri.Value != "2025-05-16" || fri.Anchor != timex.AnchorDateline {
		t.Errorf("Friday: got %+v, want 2025-05-16 anchored on the dateline", fri)
	}
}

// TestProcessTokens: Process fills token ranges when tokens exist, and
// uses the tags for tense: "meets" is tagged as a past verb here, which the
// words alone would not say.
func TestProcessTokens(t *testing.T) {
	words := []string{"Officials", "meets", "Monday", "."}
	doc := parsed(t, dct, words, []string{"NNS", "VBD", "NNP", "."}, []int{1, -1, 1, 1}, []string{"nsubj", "root", "obl:tmod", "punct"})
	if err := timex.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Timexes) != 1 {
		t.Fatalf("got %+v", doc.Timexes)
	}
	x := doc.Timexes[0]
	if x.Tokens != (chronicle.TokenRange{Start: 2, End: 3}) || x.Value != "2025-05-12" {
		t.Errorf("got %+v, want tokens [2,3) and the past Monday 2025-05-12", x)
	}
}

// TestProcessCancelled: a done context is reported.
func TestProcessCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &chronicle.Document{Text: strings.Repeat("Friday ", 10)}
	if err := timex.New().Process(ctx, doc); err == nil {
		t.Error("want an error from a cancelled context")
	}
}

// TestLongText: windows of words join without losing or duplicating
// expressions.
func TestLongText(t *testing.T) {
	text := strings.Repeat("They met last week and talked for two hours. ", 3000)
	got := timex.Find(text, dct, nil)
	if len(got) != 6000 {
		t.Fatalf("got %d expressions, want 6000", len(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Start < got[i-1].End {
			t.Fatalf("overlap at %d: %+v %+v", i, got[i-1], got[i])
		}
	}
}

// TestConcurrent: one Recognizer serves many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	r := timex.New()
	text := "Officials met Friday, two years ago, for roughly two hours last week."
	want := len(r.Find(text, dct, nil))
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for range 200 {
				n = len(r.Find(text, dct, nil))
			}
			done <- n
		}()
	}
	for range 8 {
		if n := <-done; n != want {
			t.Errorf("got %d expressions, want %d", n, want)
		}
	}
}
