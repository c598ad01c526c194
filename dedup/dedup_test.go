package dedup_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/dedup"
	"github.com/chronicle-news/chronicle/internal/shared"
)

const base = "Russian and Ukrainian delegations met in Istanbul on Friday for the first direct talks in three years. " +
	"Vladimir Medinsky led the Russian side while Rustem Umerov headed the Ukrainian team at Dolmabahce Palace. " +
	"Turkish Foreign Minister Hakan Fidan opened the meeting and urged both sides to agree on a ceasefire. " +
	"The talks lasted less than two hours and ended with an agreement to exchange a thousand prisoners each."

func TestNear(t *testing.T) {
	tests := []struct {
		name string
		text string
		near bool
	}{
		{"same text", base, true},
		{"case and punctuation", strings.ToUpper(strings.ReplaceAll(base, ".", " ;")), true},
		{"dateline added", "ISTANBUL (Reuters) - " + base, true},
		{"one word changed", strings.Replace(base, "urged", "called on", 1), true}, // SimHash moved 6 bits here
		{"wire copy with footer", "ISTANBUL (AP) - " + base + " Reporting by a correspondent; editing by a desk.", true},
		{"first half only", base[:len(base)/2], false},
		{"other story", "The central bank raised interest rates by a quarter point on Thursday, citing persistent inflation in services.", false},
	}
	a, ok := dedup.MinHash(base)
	if !ok {
		t.Fatal("MinHash(base) not ok")
	}
	for _, tt := range tests {
		b, _ := dedup.MinHash(tt.text)
		if got := dedup.Near(&a, &b); got != tt.near {
			t.Errorf("%s: Near = %v (Jaccard %.2f), want %v", tt.name, got, dedup.Jaccard(&a, &b), tt.near)
		}
		sharesBand := false
		ba, bb := dedup.Bands(&a), dedup.Bands(&b)
		for i := range ba {
			sharesBand = sharesBand || ba[i] == bb[i]
		}
		if tt.near && !sharesBand {
			t.Errorf("%s: near-duplicates share no LSH band, so a store would never compare them", tt.name)
		}
	}
}

func TestMinHashEdges(t *testing.T) {
	for _, s := range []string{"", "  ", "...!?", "\xff\xfe"} {
		if _, ok := dedup.MinHash(s); ok {
			t.Errorf("MinHash(%q) ok, want not ok for a text without words", s)
		}
	}
	a, ok1 := dedup.MinHash("Ceasefire")
	b, ok2 := dedup.MinHash("ceasefire!")
	if !ok1 || !ok2 || dedup.Jaccard(&a, &b) != 1 {
		t.Errorf("one-word texts: ok %v %v, Jaccard %.2f", ok1, ok2, dedup.Jaccard(&a, &b))
	}
	sig, _ := dedup.MinHash(base)
	back, ok := dedup.ParseSignature(sig.Bytes())
	if !ok || back != sig {
		t.Error("ParseSignature(Bytes()) does not round-trip")
	}
	if _, ok := dedup.ParseSignature([]byte{1, 2, 3}); ok {
		t.Error("ParseSignature accepted 3 bytes")
	}
}

func TestEventKey(t *testing.T) {
	text := "Medinsky met Umerov in Istanbul."
	doc := &chronicle.Document{Text: text}
	dct := time.Date(2025, 5, 16, 9, 0, 0, 0, time.UTC) // a Friday, ISO week 20
	ref := func(sub, actor string) chronicle.Ref {
		i := strings.Index(text, sub)
		return chronicle.Ref{Span: chronicle.Span{Start: i, End: i + len(sub)}, Actor: actor}
	}
	tests := []struct {
		name string
		e    chronicle.Event
		key  string
		day  string
	}{
		{"resolved actors, a day", chronicle.Event{Type: "CONSULT", Source: ref("Medinsky", "Q1"), Target: ref("Umerov", "Q2"), Date: "2025-05-16", Place: "Istanbul", PlaceCountry: "TUR"},
			"CONSULT|Q1|Q2|2025-05-16|tur istanbul", "2025-05-16"},
		{"a day with a time", chronicle.Event{Type: "CONSULT", Source: ref("Medinsky", "Q1"), Date: "2025-05-15T14:00"},
			"CONSULT|Q1||2025-05-15|", "2025-05-15"},
		{"unresolved actors by text", chronicle.Event{Type: "CONSULT", Source: ref("Medinsky", ""), Target: ref("Umerov", ""), Date: "2025-05-16"},
			"CONSULT|text:medinsky|text:umerov|2025-05-16|", "2025-05-16"},
		{"vague date: week of the document", chronicle.Event{Type: "AGREE", Source: ref("Medinsky", "Q1"), Date: "PAST_REF"},
			"AGREE|Q1||2025-W20|", "2025-05-12"},
		{"a named month is the event's own", chronicle.Event{Type: "ASSAULT", Date: "2022-02"},
			"ASSAULT|||2022-02|", "2022-02-01"},
		{"a named year is the event's own", chronicle.Event{Type: "ASSAULT", Date: "2014"},
			"ASSAULT|||2014|", "2014-01-01"},
		{"a season: week of the document", chronicle.Event{Type: "AGREE", Date: "2025-SU"},
			"AGREE|||2025-W20|", "2025-05-12"},
		{"asserted: no status", chronicle.Event{Type: "CONSULT", Source: ref("Medinsky", "Q1"), Date: "2025-05-16", Modality: "asserted"},
			"CONSULT|Q1||2025-05-16|", "2025-05-16"},
		{"negated: kept apart", chronicle.Event{Type: "CONSULT", Source: ref("Medinsky", "Q1"), Date: "2025-05-16", Negated: true, Modality: "asserted"},
			"CONSULT|Q1||2025-05-16||negated", "2025-05-16"},
		{"hypothetical: kept apart", chronicle.Event{Type: "CONSULT", Source: ref("Medinsky", "Q1"), Date: "2025-05-16", Modality: "hypothetical"},
			"CONSULT|Q1||2025-05-16||hypothetical", "2025-05-16"},
	}
	for _, tt := range tests {
		k, day := dedup.EventKey(doc, &tt.e, dct)
		if k.String() != tt.key || day != tt.day {
			t.Errorf("%s: key %q day %s, want %q %s", tt.name, k, day, tt.key, tt.day)
		}
		period := ""
		if f := strings.Split(tt.key, "|"); len(f[3]) != len("2025-05-16") {
			period = f[3]
		}
		if got := dedup.KeyPeriod(k.String()); got != period {
			t.Errorf("%s: KeyPeriod = %q, want %q", tt.name, got, period)
		}
	}
	for _, bad := range []string{"", "a|b", "T|s|t|2025-05-16|p", "T|s|t|2025-X20|p", "T|s|t||p"} {
		if got := dedup.KeyPeriod(bad); got != "" {
			t.Errorf("KeyPeriod(%q) = %q, want \"\"", bad, got)
		}
	}
}

func TestSameStory(t *testing.T) {
	tests := []struct {
		shared, specific int
		inWindow         bool
		want             bool
	}{
		{2, 1, true, true},
		{5, 3, true, true},
		{2, 0, true, false}, // places only
		{1, 1, true, false},
		{3, 2, false, false},
	}
	for _, tt := range tests {
		if got := dedup.SameStory(tt.shared, tt.specific, tt.inWindow); got != tt.want {
			t.Errorf("SameStory(%d, %d, %v) = %v, want %v", tt.shared, tt.specific, tt.inWindow, got, tt.want)
		}
	}
}

func TestDocActors(t *testing.T) {
	text := "Hakan Fidan met the Kremlin envoy in Ankara. Fidan said the talks went well."
	doc := &chronicle.Document{Text: text, Entities: []chronicle.Entity{
		{Span: chronicle.Span{Start: 0, End: 11}, Type: "PERSON"},
		{Span: chronicle.Span{Start: 20, End: 27}, Type: "ORG"},
		{Span: chronicle.Span{Start: 37, End: 43}, Type: "GPE"},
		{Span: chronicle.Span{Start: 0, End: 11}, Type: "PERSON"},
	}}
	got := dedup.DocActors(doc)
	if len(got) != 3 || got[0].ID != "PERSON:hakan fidan" || got[2].ID != "GPE:ankara" {
		t.Errorf("from entities: %+v", got)
	}
	doc.Actors = []chronicle.Actor{{ID: "Q1", Name: "Hakan Fidan", Type: "PERSON"}, {Name: "Ankara", Type: "GPE"}}
	got = dedup.DocActors(doc)
	if len(got) != 2 || got[0].ID != "Q1" || got[1].ID != "GPE:ankara" {
		t.Errorf("from actors: %+v", got)
	}
}

func FuzzMinHash(f *testing.F) {
	f.Add(base)
	f.Add("")
	f.Add("\xff\xfe a b")
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := dedup.MinHash(s)
		b, _ := dedup.MinHash(s)
		if a != b {
			t.Fatal("MinHash is not deterministic")
		}
		if ok && dedup.Jaccard(&a, &b) != 1 {
			t.Fatal("a text is not its own near-duplicate")
		}
	})
}

// BenchmarkMinHash signs the bbc-news articles.
func BenchmarkMinHash(b *testing.B) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var texts []string
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range texts {
			if _, ok := dedup.MinHash(s); !ok {
				b.Fatal("article without words")
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
