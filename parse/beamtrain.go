package parse

// Global training of the beam parser: a structured perceptron with the
// max-violation update (Huang, Fayong & Guo 2012), which converges faster
// than early update (Collins & Roark 2004) for the same beam.

// oracle returns a zero-cost transition of the gold-path configuration st,
// preferring arcs to REDUCE to SHIFT, with the gold label.
func (t *trainer) oracle(st *state, s *tsent) int {
	if c, ok := st.forced(t.root); ok {
		return c
	}
	sh, re, la, ra := unlabeledCosts(st, s)
	s0, b := st.s0(), st.b0
	switch {
	case la == 0 && st.valid(2+2*int(s.gl[s0]), t.root) && s.gh[s0] == b:
		return 2 + 2*int(s.gl[s0])
	case ra == 0 && st.valid(3+2*int(s.gl[b]), t.root) && s.gh[b] == s0:
		return 3 + 2*int(s.gl[b])
	case re == 0 && st.valid(opReduce, t.root):
		return opReduce
	case sh == 0 && st.valid(opShift, t.root):
		return opShift
	}
	// Unreachable on the gold path of a projective tree; SHIFT keeps going.
	if st.valid(opShift, t.root) {
		return opShift
	}
	return opReduce
}

// trainBeam decodes s with a beam of width k alongside its gold sequence
// (the static oracle's: an item that builds the gold tree by another
// sequence counts as wrong, as in Zhang & Nivre 2011; and only steps after
// the gold item has left the beam are candidate violations, besides the
// last)
// and, when the best item is not gold, updates toward the gold prefix and
// away from the beam's best item at the step of largest violation. It
// returns 1, 1 when the final best item is the gold parse, else 0, 1.
func (t *trainer) trainBeam(s *tsent, k int) (int, int) {
	n := len(s.gh)
	bs := &t.beam
	bs.items(k)
	bs.cur[0].st.reset(n)
	bs.cur[0].score = 0
	bs.cur[0].gold = true
	bs.cur[0].hist = bs.cur[0].hist[:0]
	live := 1
	g := &t.gold
	g.reset(n)
	t.goldHist = t.goldHist[:0]
	goldScore := 0.0
	maxViol, violAt := 0.0, -1
	t.c++
	for step := 0; !bs.cur[0].st.terminal(); step++ {
		bs.top.reset(k)
		for i := 0; i < live; i++ {
			it := &bs.cur[i]
			st := &it.st
			if c, ok := st.forced(t.root); ok {
				bs.top.offer(cand{int32(i), int32(c), it.score})
				continue
			}
			nf, _ := extract(st, &s.in, t.feats[:], modeFull)
			t.score(t.feats[:nf])
			offerAll(&bs.top, i, it, t.scores, t.root)
		}
		gc := t.oracle(g, s)
		if _, ok := g.forced(t.root); !ok {
			nf, _ := extract(g, &s.in, t.feats[:], modeFull)
			t.score(t.feats[:nf])
			goldScore += float64(t.scores[gc])
		}
		g.apply(gc)
		t.goldHist = append(t.goldHist, int32(gc))
		goldIn := false
		for j, x := range bs.top.list {
			nx := &bs.next[j]
			from := &bs.cur[x.from]
			nx.st.copyFrom(&from.st)
			nx.st.apply(int(x.c))
			nx.score = x.score
			nx.hist = append(append(nx.hist[:0], from.hist...), x.c)
			nx.gold = from.gold && int(x.c) == gc
			goldIn = goldIn || nx.gold
		}
		live = len(bs.top.list)
		bs.cur, bs.next = bs.next, bs.cur
		if !goldIn {
			if v := bs.cur[0].score - goldScore; violAt < 0 || v > maxViol {
				maxViol, violAt = v, step+1
				t.violHist = append(t.violHist[:0], bs.cur[0].hist...)
			}
		}
	}
	if bs.cur[0].gold {
		return 1, 1
	}
	if violAt < 0 {
		// The gold item stayed in the beam but lost at the end.
		violAt = len(t.goldHist)
		t.violHist = append(t.violHist[:0], bs.cur[0].hist...)
	}
	common := 0
	for common < violAt && t.goldHist[common] == t.violHist[common] {
		common++
	}
	t.replay(s, t.goldHist[:violAt], common, 1)
	t.replay(s, t.violHist[:violAt], common, -1)
	return 0, 1
}

// replay runs hist from the initial configuration and adds delta to the
// weights of each scored transition from step `from` on.
func (t *trainer) replay(s *tsent, hist []int32, from int, delta float32) {
	st := &t.st
	st.reset(len(s.gh))
	for i, c := range hist {
		if i >= from {
			if _, ok := st.forced(t.root); !ok {
				nf, _ := extract(st, &s.in, t.feats[:], modeFull)
				t.update(t.feats[:nf], int(c), delta)
			}
		}
		st.apply(int(c))
	}
}
