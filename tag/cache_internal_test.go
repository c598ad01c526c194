package tag

import (
	"slices"
	"testing"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/perceptron"
)

// tagUncached is tag without the word cache: every feature scored afresh.
func (t *Tagger) tagUncached(s *sequence, forms []string) []int32 {
	s.load(forms, t)
	scores := make([]int32, len(t.classes))
	out := make([]int32, len(forms))
	p1, p2 := int32(-1), int32(-1)
	for i := range forms {
		var c int32
		if v, ok := t.dict.Get(s.words[i+pad].fw); ok {
			c = int32(v)
		} else {
			t.model.Scores(s.features(i, p1, p2), scores)
			c = int32(perceptron.Best(scores, nil))
		}
		out[i] = c
		p2, p1 = p1, c
	}
	return out
}

// TestWordCacheChangesNothing tags EWT dev with the word cache and without
// it and wants the same classes. Dev has more word types than the cache has
// rows, so words also evict each other.
func TestWordCacheChangesNothing(t *testing.T) {
	sents, err := conllu.ReadFile(shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Load(models.FS())
	if err != nil {
		t.Fatal(err)
	}
	cached, fresh := new(sequence), new(sequence)
	filled := 0
	for si, s := range sents {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		want := tg.tagUncached(fresh, forms)
		tg.tag(cached, forms)
		if !slices.Equal(cached.tags, want) {
			t.Fatalf("sentence %d: cached %v, uncached %v", si, cached.tags, want)
		}
		filled += cached.cache.Len()
	}
	if filled == 0 {
		t.Fatal("the cache was never filled")
	}
}
