package http

import (
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
)

func TestSegments(t *testing.T) {
	text := "Ukraine and Russia met in Istanbul on Friday."
	span := func(sub string) (int, int) {
		i := strings.Index(text, sub)
		return i, i + len(sub)
	}
	ann := func(id, kind, sub string) annotation {
		s, e := span(sub)
		return annotation{ID: id, Kind: kind, start: s, end: e}
	}
	tests := []struct {
		name string
		anns []annotation
		want []segment
	}{
		{"none", nil, []segment{{Text: text}}},
		{"nested", []annotation{ann("ev-0", "event", "Ukraine and Russia met"), ann("en-0", "entity", "Russia")}, []segment{
			{Text: "Ukraine and ", Class: "k-event", Anns: "ev-0"},
			{Text: "Russia", Class: "k-entity k-event", Anns: "en-0 ev-0"},
			{Text: " met", Class: "k-event", Anns: "ev-0"},
			{Text: " in Istanbul on Friday."},
		}},
		{"overlapping", []annotation{ann("q-0", "quote", "met in Istanbul"), ann("tx-0", "timex", "Istanbul on Friday")}, []segment{
			{Text: "Ukraine and Russia "},
			{Text: "met in ", Class: "k-quote", Anns: "q-0"},
			{Text: "Istanbul", Class: "k-quote k-timex", Anns: "q-0 tx-0"},
			{Text: " on Friday", Class: "k-timex", Anns: "tx-0"},
			{Text: "."},
		}},
	}
	for _, tt := range tests {
		got := segments(text, tt.anns)
		var joined strings.Builder
		for _, s := range got {
			joined.WriteString(s.Text)
		}
		if joined.String() != text {
			t.Errorf("%s: segments do not rebuild the text: %q", tt.name, joined.String())
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d segments %+v, want %+v", tt.name, len(got), got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: segment %d = %+v, want %+v", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}

// TestBuildArticleDropsBadSpans: spans outside the text or inside a UTF-8
// sequence are left out rather than breaking the page (issue 9).
func TestBuildArticleDropsBadSpans(t *testing.T) {
	text := "Zelenskyy met Erdoğan in Ankara."
	doc := &chronicle.Document{Text: text, Events: []chronicle.Event{
		{Type: "CONSULT", Evidence: chronicle.Span{Start: 0, End: strings.Index(text, "ğ") + 1}, Quote: -1}, // ends inside "ğ"
		{Type: "CONSULT", Evidence: chronicle.Span{Start: 10, End: 500}, Quote: -1},                         // past the end
		{Type: "CONSULT", Evidence: chronicle.Span{Start: 0, End: len("Zelenskyy met")}, Quote: -1},         // good
	}}
	a := buildArticle(&chronicle.StoredDocument{Text: text}, doc)
	if len(a.Annotations) != 1 || a.Annotations[0].ID != "ev-2" {
		t.Errorf("annotations %+v, want only ev-2", a.Annotations)
	}
}
