package actor

import (
	"context"
	"sync"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/registry"
)

// Extractor is the actor stage. It is safe for concurrent use: its word
// lists are read-only and each call takes its working memory from a pool.
type Extractor struct {
	lex  *lexicon
	reg  *registry.Registry
	pool sync.Pool
}

func (x *Extractor) get() *scratch {
	s, _ := x.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	s.lex = x.lex
	s.reg = x.reg
	return s
}

func (x *Extractor) put(s *scratch) {
	s.lex = nil
	s.reg = nil
	x.pool.Put(s)
}

// Clusters finds every mention of doc and groups the coreferent ones: it
// returns all entities, singletons included, each as its mentions' token
// ranges in text order, entities in order of first mention. It reads
// Tokens, Sentences, the tags and the parse (without a parse it falls back
// on names, titles and pronouns found from the surface), and Entities.
// It changes nothing in doc and fails only when ctx is done.
func (x *Extractor) Clusters(ctx context.Context, doc *chronicle.Document) ([][]chronicle.TokenRange, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := x.get()
	defer x.put(s)
	if !parsed(doc) {
		// Without a parse, the mentions are the news layer's: names,
		// titles, role descriptions and pronouns.
		if s.news == nil {
			s.news = &newsScratch{}
		}
		s.reset(len(doc.Tokens))
		s.detectNews(doc, s.news)
		s.resolveNews(doc, s.news)
		return s.newsClusters(), nil
	}
	s.run(doc)
	return s.clusters(), nil
}

func (s *scratch) newsClusters() [][]chronicle.TokenRange {
	ms := s.news.ms
	idx := make(map[int32]int, len(ms))
	var out [][]chronicle.TokenRange
	for i := range ms {
		r := s.find(int32(i))
		k, ok := idx[r]
		if !ok {
			k = len(out)
			idx[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], ms[i].rng())
	}
	return out
}

// run detects mentions and resolves them.
func (s *scratch) run(doc *chronicle.Document) {
	s.reset(len(doc.Tokens))
	if len(doc.Sentences) == 0 && len(doc.Tokens) > 0 {
		return
	}
	s.detectParsed(doc)
	s.sortMentions()
	s.resolve(doc)
}

func (s *scratch) clusters() [][]chronicle.TokenRange {
	idx := make(map[int32]int, len(s.ments))
	var out [][]chronicle.TokenRange
	for i := range s.ments {
		r := s.find(int32(i))
		k, ok := idx[r]
		if !ok {
			k = len(out)
			idx[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], s.ments[i].rng())
	}
	return out
}
