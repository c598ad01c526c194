package actor_test

import (
	"context"
	"testing"
	"unicode"
	"unicode/utf8"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
)

func FuzzProcess(f *testing.F) {
	f.Add(`Russian President Vladimir Putin did not go. “I said, he didn’t go,” Trump told reporters. "We'll see," he said.`)
	f.Add(`The secretary of state and vice president met the Russian president, the U.S. and Turkey's Foreign Ministry.`)
	f.Add(`special envoys Steve Witkoff and , “ ” the a Secretary of`)
	x, err := actor.New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := chronicle.NewDocument([]byte(text), "fuzz", chronicle.Meta{}, 1<<16)
		if err != nil {
			return
		}
		// A crude tokenizer of its own, so that this target fuzzes the
		// actor stage and not the tokenizer.
		splitTokens(doc)
		if err := x.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, a := range doc.Actors {
			if a.ID == "" || len(a.Mentions) == 0 {
				t.Fatalf("actor without id or mentions: %+v", a)
			}
			for _, m := range a.Mentions {
				if m.Start < 0 || m.End > len(doc.Text) || m.Start > m.End || m.Tokens.Start < 0 || m.Tokens.End > len(doc.Tokens) {
					t.Fatalf("mention %+v out of range", m)
				}
			}
		}
		if _, err := x.Clusters(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	})
}

// splitTokens makes tokens of runs of letters and digits and of single
// other characters, sentences of at most 25 tokens ending at ".", and one
// paragraph per line.
func splitTokens(doc *chronicle.Document) {
	text := doc.Text
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	sentStart, parStart := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' {
			if c == '\n' && len(doc.Tokens) > parStart {
				if len(doc.Tokens) > sentStart {
					doc.Sentences = append(doc.Sentences, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: sentStart, End: len(doc.Tokens)}, Paragraph: len(doc.Paragraphs)})
					sentStart = len(doc.Tokens)
				}
				doc.Paragraphs = append(doc.Paragraphs, chronicle.Paragraph{Tokens: chronicle.TokenRange{Start: parStart, End: len(doc.Tokens)}})
				parStart = len(doc.Tokens)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		j := i + n
		if isWord(r) {
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !isWord(r) {
					break
				}
				j += n
			}
		}
		doc.Tokens = append(doc.Tokens, chronicle.Token{Start: int32(i), End: int32(j), Head: -1})
		if text[i:j] == "." || len(doc.Tokens)-sentStart >= 25 {
			doc.Sentences = append(doc.Sentences, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: sentStart, End: len(doc.Tokens)}, Paragraph: len(doc.Paragraphs)})
			sentStart = len(doc.Tokens)
		}
		i = j
	}
	if len(doc.Tokens) > sentStart {
		doc.Sentences = append(doc.Sentences, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: sentStart, End: len(doc.Tokens)}, Paragraph: len(doc.Paragraphs)})
	}
	if len(doc.Tokens) > parStart || len(doc.Paragraphs) == 0 {
		doc.Paragraphs = append(doc.Paragraphs, chronicle.Paragraph{Tokens: chronicle.TokenRange{Start: parStart, End: len(doc.Tokens)}})
	}
}
