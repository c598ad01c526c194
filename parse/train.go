package parse

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/perceptron"
)

// Options controls Train. The zero value of a field picks the default noted.
type Options struct {
	Iterations   int     // passes over the training data (default 15)
	Seed         uint64  // shuffling and exploration seed
	ExploreFrom  int     // first iteration (1-based) that follows the model's own errors (default 2)
	ExploreP     float64 // probability of following a wrong prediction (default 0.9)
	Beam         int     // beam width; above 1 trains globally (max-violation) and decodes with the beam
	MinLiftCount int     // lift encodings seen fewer times are dropped (default 5)
	Prune        float64 // averaged weights with |w| below this are dropped (default 0.01)
	MaxBytes     int     // model size budget: the pruning threshold rises until it fits (default 12 MB)

	// Dev sentences, when present, are parsed after every iteration and the
	// iteration with the best dev LAS is kept.
	Dev []*conllu.Sentence
	// Progress, when set, receives one line per iteration.
	Progress io.Writer
	// Classes, when set, adds word-class features (see WordClasses); the
	// model keeps the table.
	Classes WordClasses
	// Checkpoint, when set, is called with each model that becomes the best
	// so far; an error stops training.
	Checkpoint func(Iteration, []byte) error
}

func (o *Options) defaults() {
	if o.Iterations <= 0 {
		o.Iterations = 15
	}
	if o.ExploreFrom <= 0 {
		o.ExploreFrom = 2
	}
	if o.ExploreP <= 0 {
		o.ExploreP = 0.9
	}
	if o.MinLiftCount <= 0 {
		o.MinLiftCount = 5
	}
	if o.Prune <= 0 {
		o.Prune = 0.01
	}
	if o.MaxBytes <= 0 {
		// 12 MB keeps EWT dev LAS (82.97, UAS 86.00 against 86.07) in
		// half the size of 24 MB, and the smaller table parses about 40%
		// faster (fewer cache misses); 6 MB loses 0.1 LAS for 10% more.
		o.MaxBytes = 12 << 20
	}
}

// Iteration is the record of one training pass.
type Iteration struct {
	N        int
	Accuracy float64 // share of training transitions predicted correctly, percent
	Dev      Scores  // zero when there is no dev set
	Features int     // features in the written model
	Prune    float64 // pruning threshold used to fit the size budget
	Bytes    int     // size of the written model
}

// Train trains a parser on sentences with gold trees and the tags the
// parser should expect at run time, and returns the model file (the
// iteration with the best dev LAS when opts.Dev is set, else the last) and the
// per-iteration record. The same data and options give the same bytes.
// Sentences whose tree is malformed are skipped. It returns an error when
// ctx is done or no sentence is usable.
func Train(ctx context.Context, train []*conllu.Sentence, opts Options) ([]byte, []Iteration, error) {
	opts.defaults()
	if opts.Beam > MaxBeam {
		return nil, nil, fmt.Errorf("parse.Train: beam %d is wider than %d", opts.Beam, MaxBeam)
	}
	classes, err := opts.Classes.merge()
	if err != nil {
		return nil, nil, err
	}
	t := &trainer{idx: make(map[uint64]int32), beamWidth: opts.Beam, classes: classes}
	if err := t.prepare(train, opts.MinLiftCount); err != nil {
		return nil, nil, err
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	order := make([]int, len(t.sents))
	for i := range order {
		order[i] = i
	}
	var best []byte
	bestLAS := -1.0
	var hist []Iteration
	for it := 1; it <= opts.Iterations; it++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := it >= opts.ExploreFrom
		correct, total := 0, 0
		for k, si := range order {
			if k&255 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, hist, err
				}
			}
			var c, n int
			if opts.Beam > 1 {
				c, n = t.trainBeam(&t.sents[si], opts.Beam)
			} else {
				c, n = t.trainSentence(&t.sents[si], explore, opts.ExploreP, rng)
			}
			correct += c
			total += n
		}
		data, nf, th, err := t.encodeWithin(opts.Prune, opts.MaxBytes)
		if err != nil {
			return nil, hist, err
		}
		rec := Iteration{N: it, Accuracy: pct(correct, total), Features: nf, Bytes: len(data), Prune: th}
		keep := true
		if len(opts.Dev) > 0 {
			p, err := fromBytes(data)
			if err != nil {
				return nil, hist, fmt.Errorf("parse.Train: reading back the model: %w", err)
			}
			doc := FromCoNLLU(opts.Dev, true)
			if err := p.Process(ctx, doc); err != nil {
				return nil, hist, err
			}
			if rec.Dev, err = Score(opts.Dev, doc); err != nil {
				return nil, hist, err
			}
			keep = rec.Dev.LAS() > bestLAS
			if keep {
				bestLAS = rec.Dev.LAS()
			}
		}
		if keep {
			best = data
			if opts.Checkpoint != nil {
				if err := opts.Checkpoint(rec, data); err != nil {
					return nil, hist, err
				}
			}
		}
		hist = append(hist, rec)
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "iter %2d  train acc %.2f%%  dev UAS %.2f LAS %.2f  features %d  prune %.3f  %.1f MB  %s\n",
				it, rec.Accuracy, rec.Dev.UAS(), rec.Dev.LAS(), nf, th, float64(len(data))/1e6, time.Since(start).Round(time.Second))
		}
	}
	return best, hist, nil
}

// tentry is one class weight of a training feature, with the running sum
// for averaging (Daumé's trick: average = w - u/c).
type tentry struct {
	class uint16
	w     float32
	u     float64
}

type trainer struct {
	labels []string
	root   int
	sents  []tsent
	idx    map[uint64]int32 // feature hash -> row
	keys   []uint64         // row -> feature hash
	rows   [][]tentry
	c      float64 // number of training steps so far
	// classes is the merged word-class table, nil without word classes.
	classes *perceptron.Index

	st     state
	feats  [maxFeatures]uint64
	scores []float32
	costs  []int

	// beam training
	beamWidth          int
	beam               beamScratch
	gold               state
	goldHist, violHist []int32
}

type tsent struct {
	in input
	gh []int32 // gold head, n for the root
	gl []int16 // gold label
}

func (t *trainer) prepare(train []*conllu.Sentence, minLift int) error {
	type proj struct {
		heads  []int
		labels []string
	}
	var ps []proj
	var src []*conllu.Sentence
	count := map[string]int{}
	for _, s := range train {
		n := len(s.Words)
		if n == 0 {
			continue
		}
		heads := make([]int, n)
		labels := make([]string, n)
		ok := true
		roots := 0
		for i, w := range s.Words {
			if w.ID != i+1 || w.Head < 0 || w.Head > n || w.Deprel == "" || w.Deprel == "_" {
				ok = false
				break
			}
			heads[i] = w.Head - 1
			labels[i] = w.Deprel
			if w.Head == 0 {
				roots++
				labels[i] = "root"
			}
		}
		if !ok || roots != 1 {
			continue
		}
		acyclic := true
		for i := range heads {
			if !reachesRoot(heads, i) {
				acyclic = false
				break
			}
		}
		if !acyclic {
			continue
		}
		h, l, _ := projectivize(heads, labels)
		for _, x := range l {
			count[x]++
		}
		ps = append(ps, proj{h, l})
		src = append(src, s)
	}
	if len(ps) == 0 {
		return fmt.Errorf("parse.Train: no usable training sentence")
	}
	// Label set: sorted for reproducibility; rare lift encodings dropped.
	set := map[string]bool{"root": true}
	for l, c := range count {
		if baseLabel(l) == l || c >= minLift {
			set[l] = true
		}
	}
	for l := range set {
		t.labels = append(t.labels, l)
	}
	slices.Sort(t.labels)
	li := map[string]int{}
	for i, l := range t.labels {
		li[l] = i
	}
	t.root = li["root"]
	var low []byte
	for k, p := range ps {
		s := src[k]
		n := len(p.heads)
		ts := tsent{gh: make([]int32, n), gl: make([]int16, n)}
		ts.in.reset(n)
		ts.in.initClasses(t.classes, n)
		for i := range p.heads {
			w := &s.Words[i]
			ts.in.words[i] = wordHash(w.Form)
			ts.in.tags[i] = tagHash(w.XPOS, w.UPOS)
			low = ts.in.setClass(i, w.Form, t.classes, low)
			ts.gh[i] = int32(p.heads[i])
			if p.heads[i] < 0 {
				ts.gh[i] = int32(n)
			}
			l, ok := li[p.labels[i]]
			if !ok {
				l = li[baseLabel(p.labels[i])]
			}
			ts.gl[i] = int16(l)
		}
		t.sents = append(t.sents, ts)
	}
	nc := 2 + 2*len(t.labels)
	t.scores = make([]float32, nc)
	t.costs = make([]int, nc)
	return nil
}

func reachesRoot(heads []int, i int) bool {
	for steps := 0; steps <= len(heads); steps++ {
		if i < 0 {
			return true
		}
		i = heads[i]
	}
	return false
}

// unlabeledCosts returns the arc-eager dynamic-oracle costs (Goldberg &
// Nivre 2012) of SHIFT, REDUCE, LEFT-ARC and RIGHT-ARC: the number of gold
// arcs each makes unreachable.
func (t *trainer) unlabeledCosts(s *tsent) (sh, re, la, ra int) {
	return unlabeledCosts(&t.st, s)
}

func unlabeledCosts(st *state, s *tsent) (sh, re, la, ra int) {
	n := int32(st.n)
	b := st.b0
	if len(st.stack) > 0 {
		s0 := st.s0()
		// REDUCE: s0's dependents still in the buffer are lost.
		for k := b; k < n; k++ {
			if s.gh[k] == s0 {
				re++
			}
		}
		// LEFT-ARC: s0's head further in the buffer, its dependents in the buffer.
		if s.gh[s0] > b {
			la++
		}
		la += re
		// RIGHT-ARC: b's head anywhere but s0 (stack or later buffer); b's
		// headless dependents in the stack.
		if b < n {
			if s.gh[b] > b {
				ra++
			}
			for _, k := range st.stack {
				if k != s0 && s.gh[b] == k {
					ra++
				}
				if st.head[k] < 0 && s.gh[k] == b {
					ra++
				}
			}
		}
	}
	// SHIFT: b's head or headless dependents in the stack.
	if b < n {
		for _, k := range st.stack {
			if s.gh[b] == k {
				sh++
			}
			if st.head[k] < 0 && s.gh[k] == b {
				sh++
			}
		}
	}
	return
}

// trainSentence runs one sentence with the dynamic oracle, updating the
// weights; it returns the number of correct predictions and of steps.
func (t *trainer) trainSentence(s *tsent, explore bool, p float64, rng *rand.Rand) (int, int) {
	st := &t.st
	n := len(s.gh)
	st.reset(n)
	correct, steps := 0, 0
	for !st.terminal() {
		t.c++
		k, _ := extract(st, &s.in, t.feats[:], modeFull)
		feats := t.feats[:k]
		t.score(feats)
		sh, re, la, ra := t.unlabeledCosts(s)
		var s0, b int32 = st.s0(), st.b0
		pred, gold := -1, -1
		minCost := math.MaxInt
		for c := range t.scores {
			if !st.valid(c, t.root) {
				t.costs[c] = -1
				continue
			}
			var cost int
			switch classOp(c) {
			case opShift:
				cost = sh
			case opReduce:
				cost = re
			case opLeft:
				cost = la
				if s.gh[s0] == b && int(s.gl[s0]) != classLabel(c) {
					cost++
				}
			default:
				cost = ra
				if s.gh[b] == s0 && int(s.gl[b]) != classLabel(c) {
					cost++
				}
			}
			t.costs[c] = cost
			minCost = min(minCost, cost)
			if pred < 0 || t.scores[c] > t.scores[pred] {
				pred = c
			}
		}
		for c := range t.scores {
			if t.costs[c] == minCost && (gold < 0 || t.scores[c] > t.scores[gold]) {
				gold = c
			}
		}
		steps++
		next := gold
		if t.costs[pred] == minCost {
			correct++
			next = pred
		} else {
			t.update(feats, gold, 1)
			t.update(feats, pred, -1)
			if explore && rng.Float64() < p {
				next = pred
			}
		}
		st.apply(next)
	}
	return correct, steps
}

func (t *trainer) score(feats []uint64) {
	clear(t.scores)
	for _, f := range feats {
		r, ok := t.idx[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			t.scores[e.class] += e.w
		}
	}
}

func (t *trainer) update(feats []uint64, class int, delta float32) {
	for _, f := range feats {
		r, ok := t.idx[f]
		if !ok {
			r = int32(len(t.rows))
			t.idx[f] = r
			t.rows = append(t.rows, nil)
			t.keys = append(t.keys, f)
		}
		row := t.rows[r]
		found := false
		for i := range row {
			if int(row[i].class) == class {
				row[i].w += delta
				row[i].u += t.c * float64(delta)
				found = true
				break
			}
		}
		if !found {
			t.rows[r] = append(row, tentry{class: uint16(class), w: delta, u: t.c * float64(delta)})
		}
	}
}

// encodeWithin encodes with pruning threshold prune, raised in steps until
// the model fits in maxBytes.
func (t *trainer) encodeWithin(prune float64, maxBytes int) ([]byte, int, float64, error) {
	for {
		data, nf, err := t.encode(prune)
		if err != nil || len(data) <= maxBytes {
			return data, nf, prune, err
		}
		prune = max(prune*1.25, prune+0.05)
	}
}

// encode averages, prunes and quantizes the weights into a model file. It
// returns the file and the number of features in it.
func (t *trainer) encode(prune float64) ([]byte, int, error) {
	maxAbs := 0.0
	avg := func(e tentry) float64 { return float64(e.w) - e.u/t.c }
	for _, row := range t.rows {
		for _, e := range row {
			maxAbs = max(maxAbs, math.Abs(avg(e)))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / math.MaxInt16
	var feats []feature
	for r, row := range t.rows {
		var ent []uint32
		for _, e := range row {
			a := avg(e)
			if math.Abs(a) < prune {
				continue
			}
			q := int16(math.Round(a / scale))
			if q == 0 {
				continue
			}
			ent = append(ent, uint32(e.class)<<16|uint32(uint16(q)))
		}
		if len(ent) > 0 {
			slices.Sort(ent)
			feats = append(feats, feature{key: foldKey(t.keys[r]), ent: ent})
		}
	}
	feats = sortFeatures(feats)
	data, err := encodeModel(t.labels, t.beamWidth, float32(scale), feats, t.classes)
	return data, len(feats), err
}
