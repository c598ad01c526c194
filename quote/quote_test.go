package quote_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/quote"
)

// want is one expected quote; empty fields are not checked.
type want struct {
	kind, speaker, cue, content, addressee string
	parent                                 int // -1: not nested
}

// extract runs the bare extractor (its fallback tokenizer and splitter).
func extract(t *testing.T, text string) *chronicle.Document {
	t.Helper()
	doc, err := chronicle.NewDocument([]byte(text), t.Name(), chronicle.Meta{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := quote.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func check(t *testing.T, doc *chronicle.Document, wants []want) {
	t.Helper()
	if len(doc.Quotes) != len(wants) {
		for _, q := range doc.Quotes {
			t.Logf("got %s %q %q %q", q.Kind, doc.SpanText(q.Speaker.Span), doc.SpanText(q.Cue), doc.SpanText(q.Content))
		}
		t.Fatalf("got %d quotes, want %d", len(doc.Quotes), len(wants))
	}
	for i, w := range wants {
		q := doc.Quotes[i]
		got := want{q.Kind, doc.SpanText(q.Speaker.Span), doc.SpanText(q.Cue), doc.SpanText(q.Content), "", q.Parent}
		if q.Addressee != nil {
			got.addressee = doc.SpanText(q.Addressee.Span)
		}
		if got != w {
			t.Errorf("quote %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		// a closing mark opening a paragraph opens a quote (reader letters)
		{"paragraph opened by a closing mark", "Here are some letters.\n\n”He has divided the country and should step aside.” ― Jane Roe\n",
			[]want{{"direct", "Jane Roe", "―", "”He has divided the country and should step aside.”", "", -1}}},
		// issue 6 (PolNeAR recall): a progressive cue is not a passive
		{"progressive", "Donald Trump is stressing that the military is depleted.",
			[]want{{"indirect", "Donald Trump", "is stressing", "that the military is depleted", "", -1}}},
		// a bracketed party and state stay with the speaker
		{"bracketed speaker", "Rep. Jane Doe (D-Wis.) said the law is clear.",
			[]want{{"indirect", "Rep. Jane Doe (D-Wis.)", "said", "the law is clear", "", -1}}},
		// a strong participle cue after the complement starts its own attribution
		{"participle cue", "Carson said he saw no need to change, telling reporters that he would stay.",
			[]want{
				{"indirect", "Carson", "said", "he saw no need to change", "", -1},
				{"indirect", "Carson", "telling", "that he would stay", "reporters", -1},
			}},
		// a paragraph label is no speaker
		{"colon label", "Correction: An earlier version misstated the date.", nil},
		// after a quote closing on a full stop, a cue with its own complement
		// starts a new sentence
		{"new sentence after quote", "The editor called it “not in line with our policy.” The network said it would send her to Crimea.",
			[]want{
				{"mixed", "The editor", "called", "it “not in line with our policy.”", "", -1},
				{"indirect", "The network", "said", "it would send her to Crimea", "", -1},
			}},
		{"direct after", `"We will win," Trump said.`,
			[]want{{"direct", "Trump", "said", `"We will win,"`, "", -1}}},
		// The speaker phrase keeps its apposition, as PolNeAR marks it.
		{"direct inverted", `“It is over,” said John Smith, a spokesman.`,
			[]want{{"direct", "John Smith, a spokesman", "said", `“It is over,”`, "", -1}}},
		{"direct inverted, then a clause", `“It is over,” said John Smith, who left early.`,
			[]want{{"direct", "John Smith", "said", `“It is over,”`, "", -1}}},
		{"according to is no apposition", `According to the ministry, the talks lasted two hours.`,
			[]want{{"indirect", "the ministry", "According to", "the talks lasted two hours", "", -1}}},
		{"direct before with colon", `The minister said: “We are ready.”`,
			[]want{{"direct", "The minister", "said", `“We are ready.”`, "", -1}}},
		// issue 6: the seed's split quote with mismatched marks
		{"split mismatched", "“And I understand that,\" he said. \"We’ve got to get it done.”",
			[]want{
				{"direct", "he", "said", "“And I understand that,\"", "", -1},
				{"direct", "he", "said", "\"We’ve got to get it done.”", "", -1},
			}},
		{"paragraph continues", "Mr. Smith said: “The first part.\n\n“The second part.”",
			[]want{
				{"direct", "Mr. Smith", "said", "“The first part.", "", -1},
				{"direct", "Mr. Smith", "said", "“The second part.”", "", -1},
			}},
		{"nested first person", "“And I said, ‘If I go, he goes,’ and he went,” Trump told reporters.",
			[]want{
				{"direct", "Trump", "told", "“And I said, ‘If I go, he goes,’ and he went,”", "reporters", -1},
				{"direct", "I", "said", "‘If I go, he goes,’", "", 0},
			}},
		{"NYT double apostrophes", "''It is over,'' Mr. Burman said.",
			[]want{{"direct", "Mr. Burman", "said", "''It is over,''", "", -1}}},
		{"indirect that", "The minister said on Friday that talks would resume.",
			[]want{{"indirect", "The minister", "said", "that talks would resume", "", -1}}},
		{"addressee", "Trump told reporters that he was ready.",
			[]want{{"indirect", "Trump", "told", "that he was ready", "reporters", -1}}},
		{"according to after", "The talks lasted two hours, according to Turkey's Foreign Ministry.",
			[]want{{"indirect", "Turkey's Foreign Ministry", "according to", "The talks lasted two hours", "", -1}}},
		{"according to before", "According to the ministry, the talks lasted two hours.",
			[]want{{"indirect", "the ministry", "According to", "the talks lasted two hours", "", -1}}},
		{"trailing clause", "Talks will resume Monday, officials said.",
			[]want{{"indirect", "officials", "said", "Talks will resume Monday", "", -1}}},
		{"mixed", `Rubio signaled Thursday that the "only way" forward is a meeting.`,
			[]want{{"mixed", "Rubio", "signaled", `that the "only way" forward is a meeting`, "", -1}}},
		{"nested attribution", "The Associated Press reported that Ukraine accused the Russians of stalling.",
			[]want{
				{"indirect", "The Associated Press", "reported", "that Ukraine accused the Russians of stalling", "", -1},
				{"indirect", "Ukraine", "accused", "the Russians of stalling", "", 0},
			}},
		{"participle shares speaker", "Trump said he was not surprised, arguing that Putin had no reason to go.",
			[]want{
				{"indirect", "Trump", "said", "he was not surprised", "", -1},
				{"indirect", "Trump", "arguing", "that Putin had no reason to go", "", -1},
			}},
		{"possessive claim", "This is Trump's claim that the vote was rigged.",
			[]want{{"indirect", "Trump", "claim", "that the vote was rigged", "", -1}}},
		{"passive agent", "The deal was first reported by The Washington Post.",
			[]want{{"indirect", "The Washington Post", "was first reported", "The deal", "", -1}}},
		{"headline colon", "Graham: Trump Is Wrong About Trade",
			[]want{{"indirect", "Graham", ":", "Trump Is Wrong About Trade", "", -1}}},
		{"speaker with apposition", "“We are ready,” Scott Pruitt, the attorney general of Oklahoma, said.",
			[]want{{"direct", "Scott Pruitt, the attorney general of Oklahoma", "said", "“We are ready,”", "", -1}}},
		// a title is not a cue: "Secretary of State"
		{"no cue in titles", "He dispatched Secretary of State Marco Rubio to Turkey.", nil},
		{"scare quotes", `The so-called "deal" failed in March.`, nil},
		{"no attribution", "The sky is blue. Nothing else happened.", nil},
		{"empty", "", nil},
		{"unclosed mark", `He said: "Nothing will change`,
			[]want{{"direct", "He", "said", `"Nothing will change`, "", -1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, extract(t, tt.text), tt.want)
		})
	}
}

// TestHandTagged builds a tagged and parsed document by hand (spaCy
// style): the tag keeps the noun "reports" from being a cue, and the parse
// gives the whole subject of "said", relative clause included.
func TestHandTagged(t *testing.T) {
	text := "Officials who met Friday said the reports were false."
	words := []struct {
		form, upos string
		head       int32
		dep        string
	}{
		{"Officials", "NOUN", 4, "nsubj"}, {"who", "PRON", 2, "nsubj"}, {"met", "VERB", 0, "acl:relcl"},
		{"Friday", "PROPN", 2, "obl:tmod"}, {"said", "VERB", -1, "root"}, {"the", "DET", 6, "det"},
		{"reports", "NOUN", 8, "nsubj"}, {"were", "AUX", 8, "cop"}, {"false", "ADJ", 4, "ccomp"},
		{".", "PUNCT", 4, "punct"},
	}
	doc := &chronicle.Document{Text: text}
	at := 0
	for _, w := range words {
		s := strings.Index(text[at:], w.form) + at
		doc.Tokens = append(doc.Tokens, chronicle.Token{Start: int32(s), End: int32(s + len(w.form)), UPOS: w.upos, Head: w.head, Deprel: w.dep})
		at = s + len(w.form)
	}
	doc.Sentences = []chronicle.Sentence{{Tokens: chronicle.TokenRange{Start: 0, End: len(words)}}}
	if err := quote.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	check(t, doc, []want{{"indirect", "Officials who met Friday", "said", "the reports were false", "", -1}})
	if got := doc.Quotes[0].Sentences; len(got) != 1 || got[0] != 0 {
		t.Errorf("Sentences = %v, want [0]", got)
	}
}

func TestSpeakerName(t *testing.T) {
	doc := extract(t, "“We will win,” Donald Trump said.\n\n“It is done,” he said.")
	if len(doc.Quotes) != 2 {
		t.Fatalf("got %d quotes, want 2", len(doc.Quotes))
	}
	if got := quote.SpeakerName(doc, 1); got != "Donald Trump" {
		t.Errorf("SpeakerName(he) = %q, want the preceding named speaker", got)
	}
	doc.Actors = []chronicle.Actor{{ID: "person:trump", Name: "Donald J. Trump"}}
	doc.Quotes[1].Speaker.Actor = "person:trump"
	if got := quote.SpeakerName(doc, 1); got != "Donald J. Trump" {
		t.Errorf("SpeakerName with actor = %q, want the actor's name", got)
	}
	if got := quote.SpeakerName(doc, 7); got != "" {
		t.Errorf("SpeakerName(out of range) = %q, want empty", got)
	}
}

func TestActorAndDate(t *testing.T) {
	text := "Rubio signaled Thursday that talks would resume."
	doc, _ := chronicle.NewDocument([]byte(text), "x", chronicle.Meta{}, 0)
	doc.Actors = []chronicle.Actor{{ID: "person:rubio", Name: "Marco Rubio",
		Mentions: []chronicle.Mention{{Span: chronicle.Span{Start: 0, End: 5}, Kind: chronicle.MentionNamed}}}}
	doc.Timexes = []chronicle.Timex{{Span: chronicle.Span{Start: 15, End: 23}, Type: "DATE", Value: "2025-05-15"}}
	if err := quote.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1", len(doc.Quotes))
	}
	q := doc.Quotes[0]
	if q.Speaker.Actor != "person:rubio" {
		t.Errorf("Speaker.Actor = %q, want person:rubio", q.Speaker.Actor)
	}
	if q.Date != "2025-05-15" {
		t.Errorf("Date = %q, want the cue's time expression 2025-05-15", q.Date)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := &chronicle.Document{Text: `"Hi," he said.`}
	if err := quote.New().Process(ctx, doc); err == nil {
		t.Error("Process with a cancelled context: want an error")
	}
}

// TestConcurrent runs one Extractor from many goroutines (go test -race).
func TestConcurrent(t *testing.T) {
	x := quote.New()
	texts := []string{`"We will win," Trump said.`, "Talks will resume Monday, officials said.", "Nothing here."}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				text := texts[(g+i)%len(texts)]
				doc := &chronicle.Document{Text: text}
				if err := x.Process(context.Background(), doc); err != nil {
					t.Error(err)
					return
				}
				if n := len(doc.Quotes); (text == "Nothing here.") != (n == 0) {
					t.Errorf("%q: %d quotes", text, n)
				}
			}
		}(g)
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{`"A," he said. "B."`, "“x ‘y’ z,” said Q.", "''a'' b said: c", "X: y", "according to", "―", "'"} {
		f.Add(s)
	}
	x := quote.New()
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := chronicle.NewDocument([]byte(s), "fuzz", chronicle.Meta{}, 0)
		if err != nil {
			return
		}
		if err := x.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for i, q := range doc.Quotes {
			for _, sp := range []chronicle.Span{q.Speaker.Span, q.Cue, q.Content} {
				if sp.Start < 0 || sp.End < sp.Start || sp.End > len(doc.Text) {
					t.Fatalf("quote %d: span %v outside text of %d bytes", i, sp, len(doc.Text))
				}
			}
			if q.Parent >= len(doc.Quotes) || q.Parent < -1 {
				t.Fatalf("quote %d: parent %d", i, q.Parent)
			}
			_ = quote.SpeakerName(doc, i)
		}
	})
}
