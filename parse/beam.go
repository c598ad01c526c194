package parse

import "math"

// Beam search over arc-eager configurations (Zhang & Clark 2008; Zhang &
// Nivre 2011). Every complete arc-eager sequence over n words has exactly 2n
// transitions (each word is pushed once and popped once), so all items of a
// beam stay in step and no item waits for another.

// beamItem is one hypothesis: a configuration and the sum of the scores of
// the transitions that built it.
type beamItem struct {
	st    state
	score float64
	gold  bool // training: the item is on the gold path
	// hist is the transition sequence, kept only in training (for replaying
	// features at an update).
	hist []int32
}

// copyFrom makes st an independent copy of src, reusing st's buffers.
func (st *state) copyFrom(src *state) {
	m := src.n + 1
	st.n = src.n
	st.b0 = src.b0
	st.stack = append(st.stack[:0], src.stack...)
	st.head = append(grow32(st.head, m)[:0], src.head[:m]...)
	st.label = append(grow16(st.label, m)[:0], src.label[:m]...)
	st.l1 = append(grow32(st.l1, m)[:0], src.l1[:m]...)
	st.l2 = append(grow32(st.l2, m)[:0], src.l2[:m]...)
	st.r1 = append(grow32(st.r1, m)[:0], src.r1[:m]...)
	st.r2 = append(grow32(st.r2, m)[:0], src.r2[:m]...)
	st.nl = append(grow16(st.nl, m)[:0], src.nl[:m]...)
	st.nr = append(grow16(st.nr, m)[:0], src.nr[:m]...)
	st.ls = append(grow64(st.ls, m)[:0], src.ls[:m]...)
	st.rs = append(grow64(st.rs, m)[:0], src.rs[:m]...)
}

// cand is a scored expansion of beam item from by class c.
type cand struct {
	from  int32
	c     int32
	score float64
}

// topK keeps the k best candidates of the ones offered, best first. Ties
// keep the earlier offer, so decoding is deterministic.
type topK struct {
	k    int
	list []cand
}

func (t *topK) reset(k int) { t.k, t.list = k, t.list[:0] }

// admits reports whether a candidate scoring x would enter the list.
func (t *topK) admits(x float64) bool {
	return len(t.list) < t.k || x > t.list[len(t.list)-1].score
}

func (t *topK) offer(x cand) {
	n := len(t.list)
	if n == t.k && x.score <= t.list[n-1].score {
		return
	}
	if n < t.k {
		t.list = append(t.list, x)
	} else {
		t.list[n-1] = x
	}
	for i := len(t.list) - 1; i > 0 && t.list[i].score > t.list[i-1].score; i-- {
		t.list[i], t.list[i-1] = t.list[i-1], t.list[i]
	}
}

// offerAll offers every valid class of beam item i, scored by the
// trainer's scores. The cheap test comes first: most classes cannot enter
// the beam.
func offerAll(t *topK, i int, it *beamItem, scores []float32, rootLabel int) {
	for c, s := range scores {
		if x := it.score + float64(s); t.admits(x) && it.st.valid(c, rootLabel) {
			t.offer(cand{int32(i), int32(c), x})
		}
	}
}

// offerInts is offerAll for the parser's quantized scores. Item scores are
// sums of int32s, exact in a float64, so the admission test becomes one
// integer comparison per class against the bar the list sets.
func offerInts(t *topK, i int, it *beamItem, scores []int32, rootLabel int) {
	bar := t.bar(it.score)
	for c, s := range scores {
		if int64(s) > bar && it.st.valid(c, rootLabel) {
			t.offer(cand{int32(i), int32(c), it.score + float64(s)})
			bar = t.bar(it.score)
		}
	}
}

// bar returns the transition score a class of an item scoring base must
// exceed to enter the list.
func (t *topK) bar(base float64) int64 {
	if len(t.list) < t.k {
		return math.MinInt64
	}
	return int64(t.list[len(t.list)-1].score - base)
}

// beamScratch holds a beam decoder's reusable buffers.
type beamScratch struct {
	cur, next []beamItem
	top       topK
}

func (b *beamScratch) items(k int) {
	for len(b.cur) < k {
		b.cur = append(b.cur, beamItem{})
		b.next = append(b.next, beamItem{})
	}
}

// maxBeamWords is the longest sentence decoded with the beam; longer ones
// are parsed greedily. Each beam step copies every item's configuration
// (O(n)), so a sentence costs O(k·n²): fine for sentences, not for a text
// without sentence breaks parsed as one.
const maxBeamWords = 256

// parseBeam is parse with a beam of width k > 1: it leaves the best
// complete configuration in sc.st.
func (p *Parser) parseBeam(sc *scratch, n, k int) {
	bs := &sc.beam
	bs.items(k)
	bs.cur[0].st.reset(n)
	bs.cur[0].score = 0
	live := 1
	if len(sc.scores) < scoreBufLen {
		sc.scores = make([]int32, scoreBufLen)
	}
	scores := sc.scores[:p.nclass]
	p.sharedVecs(sc, n)
	rw := p.w.rowWords
	for !bs.cur[0].st.terminal() {
		bs.top.reset(k)
		// Items are offered in order: ties keep the earlier offer.
		for i := 0; i < live; i++ {
			it := &bs.cur[i]
			if c, ok := it.st.forced(p.rootLabel); ok {
				bs.top.offer(cand{int32(i), int32(c), it.score})
				continue
			}
			nf, absent := extract(&it.st, &sc.in, sc.feats[:], modeUnshared)
			p.baseScores(absent, scores)
			s0, b0 := int(it.st.s0()), int(it.st.b0)
			p.w.scoreWith(sc.feats[:nf], sc.scores, &sc.ss, sc.vecs[(s0+1)*rw:][:rw], sc.vecs[(n+1+b0)*rw:][:rw])
			offerInts(&bs.top, i, it, scores, p.rootLabel)
		}
		list := bs.top.list
		// An item expanded once moves to the next beam; only items
		// expanded more than once are copied.
		var uses [MaxBeam]uint8
		for _, x := range list {
			uses[x.from]++
		}
		for j, x := range list {
			nx := &bs.next[j]
			if uses[x.from] == 1 {
				nx.st, bs.cur[x.from].st = bs.cur[x.from].st, nx.st
			} else {
				nx.st.copyFrom(&bs.cur[x.from].st)
				uses[x.from]--
			}
			nx.st.apply(int(x.c))
			nx.score = x.score
		}
		live = len(list)
		bs.cur, bs.next = bs.next, bs.cur
	}
	sc.st, bs.cur[0].st = bs.cur[0].st, sc.st
}
