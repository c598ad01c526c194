package tag

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/lemma"
	"github.com/chronicle-news/chronicle/perceptron"
)

// Example is one gold sentence: forms with their tags and lemmas.
type Example struct {
	Forms, UPOS, XPOS, Lemmas []string
}

// Examples converts CoNLL-U sentences (syntactic words, gold tokenization).
func Examples(sents []*conllu.Sentence) []Example {
	out := make([]Example, 0, len(sents))
	for _, s := range sents {
		var ex Example
		for _, w := range s.Words {
			ex.Forms = append(ex.Forms, w.Form)
			ex.UPOS = append(ex.UPOS, w.UPOS)
			ex.XPOS = append(ex.XPOS, w.XPOS)
			ex.Lemmas = append(ex.Lemmas, w.Lemma)
		}
		if len(ex.Forms) > 0 {
			out = append(out, ex)
		}
	}
	return out
}

// Config sets training. The zero value of a field means its default.
type Config struct {
	Iterations   int      // passes over the data; the best on dev is kept (default 12)
	Seed         uint64   // shuffling seed (default 1)
	DictMinCount int      // tag dictionary: minimum count of a form (default 20)
	DictMinShare float64  // tag dictionary: minimum share of its top class (default 0.995)
	Prune        float64  // drop averaged weights below this (default 0.05)
	AmbMinCount  int      // ambiguity classes: minimum count of a lower-case form (default 2)
	Unlabelled   []string // raw texts for case, frequency and cluster statistics (e.g. news)
	Clusters     Clusters // precomputed clusters; learned from Unlabelled and train when nil
	Log          io.Writer
}

func (c *Config) defaults() {
	if c.Iterations == 0 {
		c.Iterations = 12
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.DictMinCount == 0 {
		c.DictMinCount = 20
	}
	if c.DictMinShare == 0 {
		c.DictMinShare = 0.995
	}
	if c.Prune == 0 {
		c.Prune = 0.05
	}
	if c.AmbMinCount == 0 {
		c.AmbMinCount = 2
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
}

// Scores are accuracies in percent over Tokens tokens.
type Scores struct {
	UPOS, XPOS, Lemma float64
	Tokens            int
}

// Evaluate tags the gold forms of ex and scores the result.
func (t *Tagger) Evaluate(ex []Example) Scores {
	var sc Scores
	var u, x, l int
	for _, e := range ex {
		upos, xpos, lemmas := t.Tag(e.Forms)
		for i := range e.Forms {
			sc.Tokens++
			if upos[i] == e.UPOS[i] {
				u++
			}
			if xpos[i] == e.XPOS[i] {
				x++
			}
			if lemmas[i] == e.Lemmas[i] {
				l++
			}
		}
	}
	if sc.Tokens > 0 {
		n := float64(sc.Tokens) / 100
		sc.UPOS, sc.XPOS, sc.Lemma = float64(u)/n, float64(x)/n, float64(l)/n
	}
	return sc
}

// Train learns a tagger on train, evaluating on dev after each iteration and
// keeping the iteration with the best dev UPOS+XPOS accuracy (the last one
// when dev is empty). The same data and Config give the same model bytes.
func Train(ctx context.Context, train, dev []Example, cfg Config) (*Tagger, error) {
	cfg.defaults()
	if len(train) == 0 {
		return nil, fmt.Errorf("tag.Train: no training sentences")
	}
	// Classes, in sorted order so that ids do not depend on data order.
	seen := map[string]bool{}
	for _, e := range train {
		for i := range e.Forms {
			seen[e.UPOS[i]+"\t"+e.XPOS[i]] = true
		}
	}
	classes := make([]string, 0, len(seen))
	for c := range seen {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	classID := make(map[string]int32, len(classes))
	for i, c := range classes {
		classID[c] = int32(i)
	}
	gold := make([][]int32, len(train))
	counts := map[string]map[int32]int{}
	lb := lemma.NewBuilder()
	for k, e := range train {
		gold[k] = make([]int32, len(e.Forms))
		for i, f := range e.Forms {
			c := classID[e.UPOS[i]+"\t"+e.XPOS[i]]
			gold[k][i] = c
			if counts[f] == nil {
				counts[f] = map[int32]int{}
			}
			counts[f][c]++
			lb.Add(f, uint32(c), e.Lemmas[i], e.UPOS[i] == "PROPN")
		}
	}
	lem := lb.Build()
	dictMap := map[uint64]uint32{}
	for f, m := range counts {
		total, top, topC := 0, 0, int32(0)
		for c, n := range m {
			total += n
			if n > top || (n == top && c < topC) {
				top, topC = n, c
			}
		}
		if total >= cfg.DictMinCount && float64(top) >= cfg.DictMinShare*float64(total) {
			dictMap[perceptron.Hash(2, f)] = uint32(topC)
		}
	}
	dict := perceptron.NewIndex(dictMap)
	amb := ambiguityClasses(train, classes, cfg.AmbMinCount)
	cs := CaseStats(cfg.Unlabelled, train)
	fmt.Fprintf(cfg.Log, "tagger: %d ambiguity-class words, %d case-statistics words\n", amb.Len(), cs.Len())
	cl := cfg.Clusters
	if cl.Coarse == nil {
		cl = LearnClusters(ClusterCorpus(cfg.Unlabelled, train), ClusterConfig{})
	}
	fmt.Fprintf(cfg.Log, "tagger: %d clustered words\n", cl.Fine.Len())
	proto := newTagger(nil, classes, dict, amb, cs, cl, lem)
	fmt.Fprintf(cfg.Log, "tagger: %d sentences, %d classes, %d dictionary words\n", len(train), len(classes), dict.Len())

	tr := perceptron.NewTrainer(len(classes))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7a66))
	s := new(sequence)
	scores := make([]float32, len(classes))
	var best *Tagger
	bestScore := -1.0
	for it := 1; it <= cfg.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for n, k := range order {
			if n%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			e := train[k]
			s.load(e.Forms, proto)
			p1, p2 := int32(-1), int32(-1)
			for i := range e.Forms {
				var guess int32
				if v, ok := dict.Get(s.words[i+pad].fw); ok {
					guess = int32(v)
				} else {
					feats := s.features(i, p1, p2)
					tr.Scores(feats, scores)
					guess = int32(bestFloat(scores))
					tr.Learn(feats, int(gold[k][i]), int(guess))
				}
				if guess == gold[k][i] {
					correct++
				}
				total++
				// The history is the predicted tags, as when tagging.
				p2, p1 = p1, guess
			}
		}
		t := newTagger(tr.Model(cfg.Prune), classes, dict, amb, cs, cl, lem)
		msg := fmt.Sprintf("iter %2d  train %.2f%%", it, 100*float64(correct)/float64(total))
		score := float64(it)
		if len(dev) > 0 {
			sc := t.Evaluate(dev)
			msg += fmt.Sprintf("  dev UPOS %.2f%%  XPOS %.2f%%  lemma %.2f%%", sc.UPOS, sc.XPOS, sc.Lemma)
			score = sc.UPOS + sc.XPOS
		}
		if score > bestScore {
			best, bestScore = t, score
			msg += "  *"
		}
		fmt.Fprintln(cfg.Log, msg)
	}
	return best, nil
}

func bestFloat(scores []float32) int {
	b := 0
	for c, v := range scores {
		if v > scores[b] {
			b = c
		}
	}
	return b
}

// SplitClass splits a joint class label into UPOS and XPOS.
func SplitClass(c string) (upos, xpos string) {
	upos, xpos, _ = strings.Cut(c, "\t")
	return upos, xpos
}

// ambiguityClasses maps the lower-case forms seen at least minCount times to
// the id of the set of XPOS tags they were seen with (ids in order of the
// sets' first appearance in sorted form order, so deterministic).
func ambiguityClasses(train []Example, classes []string, minCount int) *perceptron.Index {
	xid := map[string]uint{}
	for _, c := range classes {
		_, x := SplitClass(c)
		if _, ok := xid[x]; !ok {
			xid[x] = uint(len(xid))
		}
	}
	type info struct {
		n    int
		mask [2]uint64
	}
	words := map[string]*info{}
	var buf []byte
	for _, e := range train {
		for i, f := range e.Forms {
			buf = perceptron.AppendLower(buf[:0], f)
			w := words[string(buf)]
			if w == nil {
				w = &info{}
				words[string(buf)] = w
			}
			w.n++
			b := xid[e.XPOS[i]]
			w.mask[b/64] |= 1 << (b % 64)
		}
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ids := map[[2]uint64]uint32{}
	m := map[uint64]uint32{}
	for _, k := range keys {
		w := words[k]
		if w.n < minCount {
			continue
		}
		id, ok := ids[w.mask]
		if !ok {
			id = uint32(len(ids))
			ids[w.mask] = id
		}
		m[perceptron.Hash(1, k)] = id
	}
	return perceptron.NewIndex(m)
}

// ClusterCorpus returns the lower-case word sequences that clusters are
// learned from: the unlabelled texts and the training sentences.
func ClusterCorpus(texts []string, train []Example) [][]string {
	sents := SplitWords(texts)
	var buf []byte
	for _, e := range train {
		s := make([]string, len(e.Forms))
		for i, f := range e.Forms {
			buf = perceptron.AppendLower(buf[:0], f)
			s[i] = string(buf)
		}
		sents = append(sents, s)
	}
	return sents
}
