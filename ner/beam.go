package ner

import "github.com/chronicle-news/chronicle/perceptron"

// beamWidth is the number of label histories the recognizer keeps per token
// when decoding, trainBeamWidth when training. Wider training beams score
// better on UNER dev (training and decoding at width 2: 68.65 F1, 4: 69.35,
// 8: 70.40, in one configuration), but not wider still: with today's
// features, training at 16 scores 71.53 against 72.36 at 8 (dev decoded at
// width 6, as `c train ner --beam 16` prints it). Decoding the model trained at 8 scores
// on dev 67.84 at width 1 (632k tokens per CPU second), 71.31 at 2 (583k),
// 72.38 at 4 (416k), 72.65 at 6 (332k). Width 4 buys about one point for
// a quarter of the recognizer's speed, a few percent of the grammar
// core's, which batching and the smaller parser model made affordable.
const (
	beamWidth       = 4
	trainBeamWidth  = 8
	selectBeamWidth = 6 // decoding dev to choose the training iteration
)

// hyp is one beam entry: a label history ending at some token.
type hyp struct {
	score       float64
	back        int32 // index in sequence.hyps of the entry for the token before; -1 at the start
	label, prev int16 // labels of this token and the one before (-1 at the start)
	gold        bool  // training: the history so far is the gold one
}

// scorer is a perceptron.Model (decoding) or perceptron.Trainer (training).
type scorer[T int32 | float32] interface {
	Scores(feats []uint64, scores []T)
}

// beamScratch holds the scores search works with.
type beamScratch[T int32 | float32] struct {
	static []T                  // per token, the scores of its static features
	ready  bool                 // static is filled for the sequence (decoding)
	prev   []T                  // per previous label, the scores of prevFeatures
	seen   [numClasses + 1]bool // which of prev are set for the current token
	trans  []T                  // the scores of every transFeature (decoding; nil when training)
	dyn    []T                  // scratch for one transition when trans is nil
	one    [1]uint64
}

func (b *beamScratch[T]) grow(n int) {
	if cap(b.static) < n*numClasses {
		b.static = make([]T, n*numClasses)
	}
	b.static = b.static[:n*numClasses]
	if b.prev == nil {
		b.prev = make([]T, (numClasses+1)*numClasses)
		b.dyn = make([]T, numClasses)
	}
}

// transTable scores every transition feature with m.
func transTable(m *perceptron.Model) []int32 {
	t := make([]int32, (numClasses+1)*(numClasses+1)*numClasses)
	for p1 := -1; p1 < numClasses; p1++ {
		for p2 := -1; p2 < numClasses; p2++ {
			k := ((p1+1)*(numClasses+1) + p2 + 1) * numClasses
			m.Scores([]uint64{transFeature(p1, p2)}, t[k:k+numClasses])
		}
	}
	return t
}

// search runs a beam search of the given width over the loaded sequence s,
// scoring with m and b. It leaves the entries kept for each token in s.hyps, best
// first, and returns the index of the best entry at the token where it
// stopped, and that token. With gold labels (training) it stops early at the
// first token after which no entry follows the gold history (early update).
//
// Tuned: the hot loop of the recognizer; no allocation once s has grown.
func search[T int32 | float32, S scorer[T]](r *Recognizer, s *sequence, m S, width int, b *beamScratch[T], gold []int32) (best, stop int) {
	n := len(s.forms)
	s.hyps = s.hyps[:0]
	b.grow(n)
	lo, hi := -1, 0 // entries of the previous token; -1 stands for the start
	for i := 0; i < n; i++ {
		st := b.static[i*numClasses : (i+1)*numClasses]
		if !b.ready {
			f, _ := s.staticFeatures(i)
			m.Scores(f, st)
		}
		last := i == n-1
		s.cands = s.cands[:0]
		clear(b.seen[:])
		for h := lo; h < hi; h++ {
			base, p1, p2, g := 0.0, -1, -1, gold != nil
			if h >= 0 {
				e := &s.hyps[h]
				base, p1, p2, g = e.score, int(e.label), int(e.prev), e.gold
			}
			// Entries with the same previous label share its features.
			prev := b.prev[(p1+1)*numClasses : (p1+2)*numClasses]
			if !b.seen[p1+1] {
				m.Scores(s.prevFeatures(i, p1), prev)
				b.seen[p1+1] = true
			}
			var trans []T
			if b.trans != nil {
				k := ((p1+1)*(numClasses+1) + p2 + 1) * numClasses
				trans = b.trans[k : k+numClasses]
			} else {
				b.one[0] = transFeature(p1, p2)
				m.Scores(b.one[:], b.dyn)
				trans = b.dyn
			}
			allowed := r.allowedAfter(p1, last)
			for c, ok := range allowed {
				if !ok {
					continue
				}
				s.cands = insert(s.cands, hyp{
					score: base + float64(st[c]) + float64(prev[c]) + float64(trans[c]),
					back:  int32(h), label: int16(c), prev: int16(p1),
					gold: g && gold[i] == int32(c),
				}, width)
			}
		}
		lo = len(s.hyps)
		s.hyps = append(s.hyps, s.cands...)
		hi = len(s.hyps)
		if gold != nil {
			onBeam := false
			for _, e := range s.cands {
				onBeam = onBeam || e.gold
			}
			if !onBeam {
				return lo, i
			}
		}
	}
	return lo, n - 1
}

// insert adds h to the candidates c (best first, at most width), keeping
// only the better of two entries with the same last two labels: their
// futures score alike.
func insert(c []hyp, h hyp, width int) []hyp {
	if len(c) == width && h.score <= c[len(c)-1].score {
		return c // an entry with the same labels, if any, is better still
	}
	for k := range c {
		if c[k].label == h.label && c[k].prev == h.prev {
			if h.score <= c[k].score {
				return c
			}
			c = append(c[:k], c[k+1:]...)
			break
		}
	}
	pos := len(c)
	for pos > 0 && c[pos-1].score < h.score {
		pos--
	}
	if len(c) < width {
		c = append(c, hyp{})
	}
	copy(c[pos+1:], c[pos:len(c)-1])
	c[pos] = h
	return c
}

// backtrack writes the labels of the history ending at entry k (at token
// stop) into labels[:stop+1].
func (s *sequence) backtrack(k, stop int, labels []int32) {
	for i := stop; i >= 0 && k >= 0; i-- {
		labels[i] = int32(s.hyps[k].label)
		k = int(s.hyps[k].back)
	}
}

// history returns the two labels before token i of labels.
func history(labels []int32, i int) (p1, p2 int) {
	p1, p2 = -1, -1
	if i > 0 {
		p1 = int(labels[i-1])
	}
	if i > 1 {
		p2 = int(labels[i-2])
	}
	return p1, p2
}
