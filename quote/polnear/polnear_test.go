package polnear

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
)

func TestReadAnn(t *testing.T) {
	// "é" is two bytes: brat counts it as one character
	text := "Café owners said “prices rose” and left."
	ann := "T1\tSource 0 11\tCafé owners\n" +
		"T2\tCue 12 16\tsaid\n" +
		"T3\tContent 17 24;25 30\t“prices rose”\n" +
		"T4\tAttribution 12 16\tsaid\n" +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"#1\tAnnotatorNotes T3\tnote\n"
	got, bad, err := ReadAnn(strings.NewReader(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d spans did not match their text", bad)
	}
	if len(got) != 1 {
		t.Fatalf("got %d attributions, want 1", len(got))
	}
	a := got[0]
	if s := text[a.Source[0].Start:a.Source[0].End]; s != "Café owners" {
		t.Errorf("source = %q", s)
	}
	if len(a.Content) != 2 || text[a.Content[0].Start:a.Content[1].End] != "“prices rose”" {
		t.Errorf("content = %v", a.Content)
	}
	if _, _, err := ReadAnn(strings.NewReader("T1\tCue 5 900\tx\n"), text); err == nil {
		t.Error("offsets past the text: want an error")
	}
}

func sp(a, b int) []chronicle.Span { return []chronicle.Span{{Start: a, End: b}} }

func TestScores(t *testing.T) {
	text := "Talks resume Monday, officials said. It rained, he said."
	gold := []Attribution{
		{Source: sp(21, 30), Cue: sp(31, 35), Content: sp(0, 19)},
		{Source: sp(48, 50), Cue: sp(51, 55), Content: sp(37, 46)},
	}
	tests := []struct {
		name                      string
		pred                      []Attribution
		content, contentExact, tr int // matches
	}{
		{"perfect", gold, 2, 2, 2},
		{"overlap only", []Attribution{{Source: sp(21, 30), Cue: sp(31, 35), Content: sp(0, 12)}}, 1, 0, 1},
		{"wrong source", []Attribution{{Source: sp(37, 39), Cue: sp(31, 35), Content: sp(0, 19)}}, 1, 1, 0},
		// one predicted content overlapping both gold ones matches once
		{"one-to-one", []Attribution{{Cue: sp(31, 35), Content: sp(0, 46)}}, 1, 0, 0},
		{"whitespace ignored", []Attribution{{Source: sp(21, 30), Cue: sp(31, 35), Content: sp(0, 19)}, {Source: sp(47, 50), Cue: sp(51, 55), Content: sp(36, 46)}}, 2, 2, 2},
		{"none", nil, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Scores
			s.Add(text, gold, tt.pred)
			if s.Content.Match != tt.content || s.ContentExact.Match != tt.contentExact || s.Triple.Match != tt.tr {
				t.Errorf("matches content %d exact %d triple %d, want %d %d %d",
					s.Content.Match, s.ContentExact.Match, s.Triple.Match, tt.content, tt.contentExact, tt.tr)
			}
			if s.Content.Gold != 2 || s.Content.Pred != len(tt.pred) {
				t.Errorf("counts gold %d pred %d", s.Content.Gold, s.Content.Pred)
			}
		})
	}
}

func TestFromQuotes(t *testing.T) {
	doc := &chronicle.Document{Text: "“A,” he said. “B.”", Quotes: []chronicle.Quote{
		{Kind: chronicle.QuoteDirect, Speaker: chronicle.Ref{Span: chronicle.Span{Start: 9, End: 11}}, Cue: chronicle.Span{Start: 12, End: 16}, Content: chronicle.Span{Start: 0, End: 8}, Parent: -1},
		{Kind: chronicle.QuoteDirect, Speaker: chronicle.Ref{Span: chronicle.Span{Start: 9, End: 11}}, Cue: chronicle.Span{Start: 12, End: 16}, Content: chronicle.Span{Start: 18, End: 26}, Parent: -1},
		{Kind: chronicle.QuoteDirect, Cue: chronicle.Span{Start: 1, End: 2}, Content: chronicle.Span{Start: 2, End: 3}, Parent: 0},
	}}
	got := FromQuotes(doc, false)
	if len(got) != 1 || len(got[0].Content) != 2 || len(got[0].Source) != 1 {
		t.Errorf("FromQuotes = %+v, want one attribution with two content spans", got)
	}
	if n := len(FromQuotes(doc, true)); n != 2 {
		t.Errorf("with nested: %d attributions, want 2", n)
	}
	// "He said A, adding B": two cues, one speaker span for both
	shared := &chronicle.Document{Text: "He said A, adding B.", Quotes: []chronicle.Quote{
		{Kind: chronicle.QuoteIndirect, Speaker: chronicle.Ref{Span: chronicle.Span{Start: 0, End: 2}}, Cue: chronicle.Span{Start: 3, End: 7}, Content: chronicle.Span{Start: 8, End: 9}, Parent: -1},
		{Kind: chronicle.QuoteIndirect, Speaker: chronicle.Ref{Span: chronicle.Span{Start: 0, End: 2}}, Cue: chronicle.Span{Start: 11, End: 17}, Content: chronicle.Span{Start: 18, End: 19}, Parent: -1},
	}}
	if got := FromQuotes(shared, false); len(got) != 2 || len(got[0].Source) != 1 || len(got[1].Source) != 1 {
		t.Errorf("shared speaker: FromQuotes = %+v, want two attributions, each with the source", got)
	}
}
