package parse

import (
	"fmt"
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
)

// FromCoNLLU builds a Document from CoNLL-U sentences with their gold
// tokenization: the text is the word forms joined by single spaces, one
// sentence per line, one paragraph per sentence. Multiword tokens become
// their syntactic words (JoinNext on all but the last). With tags true the
// gold UPOS, XPOS and lemmas are copied; heads and relations never are.
func FromCoNLLU(sents []*conllu.Sentence, tags bool) *chronicle.Document {
	var b strings.Builder
	doc := &chronicle.Document{Language: "en"}
	for _, s := range sents {
		start := len(doc.Tokens)
		for i := range s.Words {
			w := &s.Words[i]
			if i > 0 {
				b.WriteByte(' ')
			}
			t := chronicle.Token{Start: int32(b.Len()), Head: -1}
			b.WriteString(w.Form)
			t.End = int32(b.Len())
			if i+1 < len(s.Words) {
				t.Flags |= chronicle.SpaceAfter
			}
			if tags {
				t.UPOS, t.XPOS, t.Lemma = w.UPOS, w.XPOS, w.Lemma
			}
			doc.Tokens = append(doc.Tokens, t)
		}
		for _, m := range s.Multi {
			for id := m.First; id < m.Last; id++ {
				if k := start + id - 1; k >= start && k < len(doc.Tokens) {
					doc.Tokens[k].Flags |= chronicle.JoinNext
				}
			}
		}
		b.WriteByte('\n')
		r := chronicle.TokenRange{Start: start, End: len(doc.Tokens)}
		doc.Sentences = append(doc.Sentences, chronicle.Sentence{Tokens: r, Paragraph: len(doc.Paragraphs)})
		doc.Paragraphs = append(doc.Paragraphs, chronicle.Paragraph{Tokens: r})
	}
	doc.Text = b.String()
	doc.ID = chronicle.DocumentID(doc.Text)
	return doc
}

// Scores counts attachment agreement. UAS and LAS count punctuation, as
// the CoNLL 2018 shared task does; the NoPunct figures leave out words whose
// gold UPOS is PUNCT. LAS compares full relations with subtypes.
type Scores struct {
	Words, Heads, Labeled                 int
	WordsNoPunct, HeadsNoPunct, LabeledNP int
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// UAS returns the unlabeled attachment score in percent.
func (s Scores) UAS() float64 { return pct(s.Heads, s.Words) }

// LAS returns the labeled attachment score in percent.
func (s Scores) LAS() float64 { return pct(s.Labeled, s.Words) }

// UASNoPunct returns the UAS without punctuation, in percent.
func (s Scores) UASNoPunct() float64 { return pct(s.HeadsNoPunct, s.WordsNoPunct) }

// LASNoPunct returns the LAS without punctuation, in percent.
func (s Scores) LASNoPunct() float64 { return pct(s.LabeledNP, s.WordsNoPunct) }

// Add accumulates o into s.
func (s *Scores) Add(o Scores) {
	s.Words += o.Words
	s.Heads += o.Heads
	s.Labeled += o.Labeled
	s.WordsNoPunct += o.WordsNoPunct
	s.HeadsNoPunct += o.HeadsNoPunct
	s.LabeledNP += o.LabeledNP
}

// Score compares the parse in doc with the gold sentences doc was built
// from by FromCoNLLU (same words, same order). It returns an error when the
// word counts differ.
func Score(gold []*conllu.Sentence, doc *chronicle.Document) (Scores, error) {
	var s Scores
	k := 0
	for _, g := range gold {
		base := k
		for i := range g.Words {
			if k >= len(doc.Tokens) {
				return s, fmt.Errorf("parse.Score: document has %d tokens, gold has more", len(doc.Tokens))
			}
			w, t := &g.Words[i], &doc.Tokens[k]
			k++
			gh := int32(-1)
			if w.Head > 0 {
				gh = int32(base + w.Head - 1)
			}
			head := t.Head == gh
			lab := head && t.Deprel == w.Deprel
			s.Words++
			s.Heads += b2i(head)
			s.Labeled += b2i(lab)
			if w.UPOS != "PUNCT" {
				s.WordsNoPunct++
				s.HeadsNoPunct += b2i(head)
				s.LabeledNP += b2i(lab)
			}
		}
	}
	if k != len(doc.Tokens) {
		return s, fmt.Errorf("parse.Score: document has %d tokens, gold has %d", len(doc.Tokens), k)
	}
	return s, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
