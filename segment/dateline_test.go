package segment_test

import (
	"context"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tokenize"
)

func TestDatelineEnd(t *testing.T) {
	tests := []struct {
		text string
		want string // the first word after the dateline; "" for none
	}{
		{"GENEVA (Chronicle) — Ministers met Tuesday.", "Ministers"},
		{"KYIV, Ukraine (AP) — Russia launched drones.", "Russia"},
		{"Headline here\n\nWASHINGTON — The president spoke.", "The"},
		{"Officials met Friday in Turkey — a first.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		doc := &chronicle.Document{Text: tt.text}
		for _, st := range []chronicle.Stage{tokenize.New(), segment.New()} {
			if err := st.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
		}
		got := ""
		if i := segment.DatelineEnd(doc); i > 0 && i < len(doc.Tokens) {
			got = doc.Form(i)
		}
		if got != tt.want {
			t.Errorf("DatelineEnd(%q) is before %q, want %q", tt.text, got, tt.want)
		}
	}
}
