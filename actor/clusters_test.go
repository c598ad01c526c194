package actor_test

import (
	"context"
	"strings"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
)

// handDoc builds a parsed document spaCy-style: words with UPOS, XPOS,
// 1-based heads within the sentence (0 for the root) and relations;
// sentences end at "|".
func handDoc(words, upos, xpos []string, heads []int, deps []string) *chronicle.Document {
	doc := &chronicle.Document{}
	var b strings.Builder
	start := 0
	for i, w := range words {
		if w == "|" {
			doc.Sentences = append(doc.Sentences, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: start, End: len(doc.Tokens)}})
			start = len(doc.Tokens)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		s := b.Len()
		b.WriteString(w)
		h := int32(-1)
		if heads[i] > 0 {
			h = int32(start + heads[i] - 1)
		}
		doc.Tokens = append(doc.Tokens, chronicle.Token{Start: int32(s), End: int32(b.Len()), UPOS: upos[i], XPOS: xpos[i], Head: h, Deprel: deps[i]})
	}
	doc.Text = b.String()
	doc.Paragraphs = []chronicle.Paragraph{{Tokens: chronicle.TokenRange{Start: 0, End: len(doc.Tokens)}}}
	return doc
}

func clusterTexts(doc *chronicle.Document, cl [][]chronicle.TokenRange) []string {
	var out []string
	for _, c := range cl {
		var parts []string
		for _, r := range c {
			parts = append(parts, doc.SpanText(doc.RangeSpan(r)))
		}
		out = append(out, strings.Join(parts, "="))
	}
	return out
}

func TestClustersParsed(t *testing.T) {
	// "The minister met the reporters . They thanked him . Anna Smith is the chair ."
	words := []string{"The", "minister", "met", "the", "reporters", ".", "|", "They", "thanked", "him", ".", "|", "Anna", "Smith", "is", "the", "chair", ".", "|"}
	upos := []string{"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "", "PRON", "VERB", "PRON", "PUNCT", "", "PROPN", "PROPN", "AUX", "DET", "NOUN", "PUNCT", ""}
	xpos := []string{"DT", "NN", "VBD", "DT", "NNS", ".", "", "PRP", "VBD", "PRP", ".", "", "NNP", "NNP", "VBZ", "DT", "NN", ".", ""}
	heads := []int{2, 3, 0, 5, 3, 3, 0, 2, 0, 2, 2, 0, 5, 1, 5, 5, 0, 5, 0}
	deps := []string{"det", "nsubj", "root", "det", "obj", "punct", "", "nsubj", "root", "obj", "punct", "", "nsubj", "flat", "cop", "det", "root", "punct", ""}
	doc := handDoc(words, upos, xpos, heads, deps)
	x, err := actor.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := x.Clusters(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(clusterTexts(doc, cl), " | ")
	// "They" agrees in number only with the reporters; "him" takes the
	// minister, a person noun; the predicate nominative joins "the chair"
	// to Anna Smith.
	want := "The minister=him | the reporters=They | Anna Smith=the chair"
	if got != want {
		t.Errorf("clusters\n got: %s\nwant: %s", got, want)
	}
}

func TestClustersCanceled(t *testing.T) {
	x, err := actor.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Clusters(ctx, &chronicle.Document{}); err == nil {
		t.Error("no error from a canceled context")
	}
	if err := x.Process(ctx, &chronicle.Document{}); err == nil {
		t.Error("no error from a canceled context")
	}
}

// Quote rules: "I" in a quote is its speaker; a pronoun in a quote is not
// the speaker; "…," he said continues the previous quote's speaker.
func TestQuoteSpeakers(t *testing.T) {
	text := "“They said Zelensky was going. And I said he would not go,” Trump told reporters.\n“We will see,” he said."
	doc, err := chronicle.NewDocument([]byte(text), "q", chronicle.Meta{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	splitTokens(doc)
	x, _ := actor.New(nil)
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		nth  int
		id   string
	}{
		{"I", 0, "person:trump"},
		{"he", 0, "person:zelensky"},
		{"he", 1, "person:trump"},
	} {
		if a := actorAt(doc, c.text, c.nth); a == nil || a.ID != c.id {
			t.Errorf("%q #%d = %v, want %s", c.text, c.nth, a, c.id)
		}
	}
}

// With NER entities, names come from them and entities point at actors.
func TestProcessWithEntities(t *testing.T) {
	text := "Russian President Vladimir Putin met Chad Smith in Ankara. Putin said he was pleased."
	doc, err := chronicle.NewDocument([]byte(text), "e", chronicle.Meta{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	splitTokens(doc)
	ent := func(first, last int, typ string) chronicle.Entity {
		r := chronicle.TokenRange{Start: first, End: last + 1}
		return chronicle.Entity{Span: doc.RangeSpan(r), Tokens: r, Type: typ}
	}
	// Russian(0) President(1) Vladimir(2) Putin(3) met(4) Chad(5) Smith(6) in(7) Ankara(8) .(9) Putin(10)
	doc.Entities = []chronicle.Entity{ent(0, 0, "NORP"), ent(2, 3, "PERSON"), ent(5, 6, "PERSON"), ent(8, 8, "GPE"), ent(10, 10, "PERSON")}
	x, _ := actor.New(nil)
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"", "person:vladimir-putin", "person:chad-smith", "gpe:TUR", "person:vladimir-putin"}
	for i, e := range doc.Entities {
		if e.Actor != want[i] {
			t.Errorf("entity %q: actor %q, want %q", doc.SpanText(e.Span), e.Actor, want[i])
		}
	}
	if a := actorAt(doc, "he", 0); a == nil || a.ID != "person:vladimir-putin" {
		t.Errorf("he = %+v", a)
	}
	for _, a := range doc.Actors {
		if a.ID == "person:vladimir-putin" && (len(a.Roles) != 1 || a.Roles[0].Country != "RUS") {
			t.Errorf("Putin roles = %+v", a.Roles)
		}
	}
}

// "US" is the country, not the pronoun "us".
func TestUSNotPronoun(t *testing.T) {
	doc, _ := chronicle.NewDocument([]byte("The US and Iran talked. They met in Oman."), "us", chronicle.Meta{}, 0)
	splitTokens(doc)
	x, _ := actor.New(nil)
	if err := x.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if a := actorAt(doc, "US", 0); a == nil || a.ID != "gpe:USA" {
		t.Errorf("US = %+v, want gpe:USA", a)
	}
}
