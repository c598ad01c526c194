package coref

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
)

// Resolver finds the entities of a document: every entity, singletons
// included, as lists of token ranges.
type Resolver func(ctx context.Context, doc *chronicle.Document) ([][]chronicle.TokenRange, error)

// Syntax selects what the documents handed to the resolver carry besides
// the gold words.
type Syntax int

const (
	// SyntaxNone: words and sentence breaks only; the caller's resolver
	// (or the pipeline it wraps) must tag and parse.
	SyntaxNone Syntax = iota
	// SyntaxGold: gold UPOS, XPOS, lemmas and UD trees from the CoNLL-U
	// files (an upper bound for the parse-dependent parts).
	SyntaxGold
)

// Config says where the gold data is and how to score.
type Config struct {
	Gold    string // folder of *.conll files (or one file)
	Dep     string // folder of <doc id>.conllu files with the same words; "" for none
	Syntax  Syntax
	Options Options
}

// DocScore is the score of one document.
type DocScore struct {
	ID     string
	Scores Scores
}

// Evaluate runs resolve on every document of cfg.Gold and scores it. The
// words are the gold words; sentence breaks (and, with SyntaxGold, tags and
// trees) come from the matching CoNLL-U file in cfg.Dep, which must have
// the same words. It returns the total and the per-document scores.
func Evaluate(ctx context.Context, cfg Config, resolve Resolver) (Scores, []DocScore, error) {
	var total Scores
	files, err := conllFiles(cfg.Gold)
	if err != nil {
		return total, nil, err
	}
	var per []DocScore
	for _, f := range files {
		docs, err := readFile(f)
		if err != nil {
			return total, nil, err
		}
		for _, gd := range docs {
			if err := ctx.Err(); err != nil {
				return total, nil, err
			}
			var sents []*conllu.Sentence
			if cfg.Dep != "" {
				sents, err = readDep(filepath.Join(cfg.Dep, gd.ID+".conllu"))
				if err != nil {
					return total, nil, err
				}
			}
			doc, err := BuildDocument(gd.Words, sents, cfg.Syntax == SyntaxGold)
			if err != nil {
				return total, nil, fmt.Errorf("%s: %w", gd.ID, err)
			}
			ents, err := resolve(ctx, doc)
			if err != nil {
				return total, nil, fmt.Errorf("%s: %w", gd.ID, err)
			}
			resp := make([][]Mention, len(ents))
			for i, e := range ents {
				for _, r := range e {
					resp[i] = append(resp[i], Mention{r.Start, r.End})
				}
			}
			var one Scores
			one.Add(gd.Clusters, resp, cfg.Options)
			total.Add(gd.Clusters, resp, cfg.Options)
			per = append(per, DocScore{gd.ID, one})
		}
	}
	if total.Docs == 0 {
		return total, nil, chronicle.Errorf(chronicle.ENOTFOUND, "coref eval", "no documents in %s", cfg.Gold)
	}
	return total, per, nil
}

func conllFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.ENOTFOUND, "coref eval", err)
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	files, err := filepath.Glob(filepath.Join(path, "*.conll"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

func readFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.ENOTFOUND, "coref eval", err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f, path)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, "coref eval", err)
	}
	return docs, nil
}

func readDep(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.ENOTFOUND, "coref eval", err)
	}
	defer f.Close()
	r := conllu.NewReader(f, path)
	var out []*conllu.Sentence
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, chronicle.Wrap(chronicle.EINVALID, "coref eval", err)
		}
		out = append(out, s)
	}
}

// BuildDocument makes a Document whose tokens are words, joined by single
// spaces. With sents (CoNLL-U sentences over the same words), it adds the
// sentence and paragraph breaks and, when syntax is true, their tags,
// lemmas and trees. Without sents the whole text is one sentence.
func BuildDocument(words []string, sents []*conllu.Sentence, syntax bool) (*chronicle.Document, error) {
	var b strings.Builder
	doc := &chronicle.Document{Language: "en", Tokens: make([]chronicle.Token, len(words))}
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		doc.Tokens[i] = chronicle.Token{Start: int32(start), End: int32(b.Len()), Flags: chronicle.SpaceAfter, Head: -1}
	}
	doc.Text = b.String()
	doc.ID = chronicle.DocumentID(doc.Text)
	if len(sents) == 0 {
		doc.Sentences = []chronicle.Sentence{{Tokens: chronicle.TokenRange{Start: 0, End: len(words)}}}
		doc.Paragraphs = []chronicle.Paragraph{{Tokens: chronicle.TokenRange{Start: 0, End: len(words)}}}
		return doc, nil
	}
	at := 0
	for si, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		if at+len(s.Words) > len(words) {
			return nil, fmt.Errorf("CoNLL-U has more words than the coreference file (sentence %d)", si+1)
		}
		if s.NewPar || len(doc.Paragraphs) == 0 {
			doc.Paragraphs = append(doc.Paragraphs, chronicle.Paragraph{Tokens: chronicle.TokenRange{Start: at, End: at}})
		}
		for k := range s.Words {
			w := &s.Words[k]
			if w.Form != words[at+k] {
				return nil, fmt.Errorf("word %d is %q in CoNLL-U but %q in the coreference file", at+k, w.Form, words[at+k])
			}
			if syntax {
				t := &doc.Tokens[at+k]
				t.UPOS, t.XPOS, t.Lemma, t.Deprel = w.UPOS, w.XPOS, w.Lemma, w.Deprel
				t.Head = -1
				if w.Head > 0 {
					t.Head = int32(at + w.Head - 1)
				}
			}
		}
		doc.Sentences = append(doc.Sentences, chronicle.Sentence{
			Tokens:    chronicle.TokenRange{Start: at, End: at + len(s.Words)},
			Paragraph: len(doc.Paragraphs) - 1,
		})
		at += len(s.Words)
		doc.Paragraphs[len(doc.Paragraphs)-1].Tokens.End = at
	}
	if at != len(words) {
		return nil, fmt.Errorf("CoNLL-U has %d words, the coreference file %d", at, len(words))
	}
	return doc, nil
}
