package parse

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"testing"

	"github.com/chronicle-news/chronicle/conllu"
)

// wordsSentence makes a CoNLL-U sentence of forms with no tags or tree.
func wordsSentence(forms []string) *conllu.Sentence {
	s := &conllu.Sentence{}
	for i, f := range forms {
		s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: f})
	}
	return s
}

// TestBeamOracleRebuildsGold: the static oracle that beam training follows
// rebuilds every projectivized EWT dev tree, in exactly 2n transitions.
func TestBeamOracleRebuildsGold(t *testing.T) {
	tr := devTrainer(t, nil)
	for si := range tr.sents {
		s := &tr.sents[si]
		st := &tr.gold
		steps := rebuild(t, si, s, st, func() int {
			c := tr.oracle(st, s)
			if !st.valid(c, tr.root) {
				t.Fatalf("sentence %d: oracle gave invalid class %d", si, c)
			}
			return c
		})
		if steps != 2*len(s.gh) {
			t.Errorf("sentence %d: %d transitions for %d words", si, steps, len(s.gh))
		}
	}
}

// TestBeamOfOneIsGreedy: the beam decoder at width 1 makes the greedy
// parser's choices, so the two code paths cannot drift apart.
func TestBeamOfOneIsGreedy(t *testing.T) {
	sents := smallTrain(t, 300)
	data, _, err := Train(context.Background(), sents[:200], Options{Iterations: 2, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	p, err := fromBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	tr := &trainer{idx: map[uint64]int32{}}
	if err := tr.prepare(sents[200:], 1); err != nil {
		t.Fatal(err)
	}
	a, b := new(scratch), new(scratch)
	for si := range tr.sents {
		s := &tr.sents[si]
		n := len(s.gh)
		a.in, b.in = s.in, s.in
		p.greedy(a, n)
		p.parseBeam(b, n, 1)
		if !slices.Equal(a.st.head[:n], b.st.head[:n]) || !slices.Equal(a.st.label[:n], b.st.label[:n]) {
			t.Fatalf("sentence %d: beam 1 and greedy differ", si)
		}
	}
}

// TestTrainBeam trains a small beam model: it records its width, gives the
// same bytes twice, learns, and decodes every sentence into a tree.
func TestTrainBeam(t *testing.T) {
	sents := smallTrain(t, 300)
	opts := Options{Iterations: 2, Seed: 5, Beam: 4, Dev: sents[200:]}
	a, hist := trainTwice(t, sents[:200], opts)
	p, err := fromBytes(a)
	if err != nil {
		t.Fatal(err)
	}
	if p.beam != 4 {
		t.Fatalf("model beam %d, want 4", p.beam)
	}
	if las := hist[len(hist)-1].Dev.LAS(); las < 30 {
		t.Errorf("dev LAS %.2f after two beam iterations on 200 sentences: training is broken", las)
	}
	doc := FromCoNLLU(sents[200:], true)
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	oneRootEach(t, doc)
	// A sentence longer than maxBeamWords is parsed greedily, into a tree.
	var long []string
	for len(long) <= maxBeamWords {
		for _, w := range sents[200].Words {
			long = append(long, w.Form)
		}
	}
	ld := FromCoNLLU([]*conllu.Sentence{wordsSentence(long)}, false)
	if err := p.Process(context.Background(), ld); err != nil {
		t.Fatal(err)
	}
	roots := 0
	for _, tok := range ld.Tokens {
		if tok.Head == -1 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("long sentence: %d roots", roots)
	}
	// A beam model file with a width under 2 or over MaxBeam is corrupt.
	for _, k := range []byte{1, MaxBeam + 1} {
		bad := slices.Clone(a)
		bad[len(magic)] = k
		binary.LittleEndian.PutUint32(bad[len(bad)-4:], crc32.ChecksumIEEE(bad[:len(bad)-4]))
		if _, err := fromBytes(bad); err == nil {
			t.Errorf("beam width %d in a beam model: no error", k)
		}
	}
	if _, _, err := Train(context.Background(), sents[:10], Options{Iterations: 1, Beam: MaxBeam + 1}); err == nil {
		t.Error("training beam wider than MaxBeam: no error")
	}
}

// beamRef is parseBeam as first written: every class tested in floating
// point, every successor a fresh copy of its item. TestBeamDecoder checks
// that the decoder's shortcuts change nothing.
func (p *Parser) beamRef(sc *scratch, n, k int) *state {
	cur := []beamItem{{}}
	cur[0].st.reset(n)
	scores := make([]int32, p.nclass)
	var top topK
	for !cur[0].st.terminal() {
		top.reset(k)
		for i := range cur {
			it := &cur[i]
			if c, ok := it.st.forced(p.rootLabel); ok {
				top.offer(cand{int32(i), int32(c), it.score})
				continue
			}
			nf, absent := extract(&it.st, &sc.in, sc.feats[:], modeCompact)
			p.baseScores(absent, scores)
			p.w.score(sc.feats[:nf], scores, &sc.ss)
			for c, v := range scores {
				if x := it.score + float64(v); top.admits(x) && it.st.valid(c, p.rootLabel) {
					top.offer(cand{int32(i), int32(c), x})
				}
			}
		}
		next := make([]beamItem, len(top.list))
		for j, x := range top.list {
			next[j].st.copyFrom(&cur[x.from].st)
			next[j].st.apply(int(x.c))
			next[j].score = x.score
		}
		cur = next
	}
	return &cur[0].st
}

// TestBeamDecoder: the decoder (which moves items instead of copying them
// and admits classes by an integer test) gives the reference decoder's
// trees, with and without word classes, at widths 2 to MaxBeam, and with
// ties; it decodes every sentence into a tree.
func TestBeamDecoder(t *testing.T) {
	sents := smallTrain(t, 300)
	var p *Parser
	for _, classes := range []WordClasses{{}, testClasses(formsOf(sents))} {
		data, _, err := Train(context.Background(), sents[:200], Options{Iterations: 2, Seed: 5, Beam: 4, Classes: classes})
		if err != nil {
			t.Fatal(err)
		}
		if p, err = fromBytes(data); err != nil {
			t.Fatal(err)
		}
		tr := &trainer{idx: map[uint64]int32{}, classes: p.classes}
		if err := tr.prepare(sents[200:], 1); err != nil {
			t.Fatal(err)
		}
		sc := new(scratch)
		for si := range tr.sents {
			s := &tr.sents[si]
			n := len(s.gh)
			sc.in = s.in
			want := p.beamRef(sc, n, 4)
			p.parseBeam(sc, n, 4)
			if !slices.Equal(want.head[:n], sc.st.head[:n]) || !slices.Equal(want.label[:n], sc.st.label[:n]) {
				t.Fatalf("classes %v, sentence %d: beam decoder and reference differ", p.classes != nil, si)
			}
		}
	}
	// Ties: a model without weights scores every move 0, so only the
	// order of offers decides. Tags forged to equal the absent-position
	// constant must not change the scores either.
	held := sents[200:]
	empty, err := encodeModel(p.labels, 4, 0.01, nil, p.classes)
	if err != nil {
		t.Fatal(err)
	}
	q, err := fromBytes(empty)
	if err != nil {
		t.Fatal(err)
	}
	tr := &trainer{idx: map[uint64]int32{}, classes: p.classes}
	if err := tr.prepare(held, 1); err != nil {
		t.Fatal(err)
	}
	sc := new(scratch)
	for _, k := range []int{2, 4, 8, 16, MaxBeam} {
		for _, pp := range []*Parser{q, p} {
			for si := range tr.sents {
				s := &tr.sents[si]
				n := len(s.gh)
				sc.in = s.in
				if pp == p && k == 4 {
					sc.in.tags = slices.Clone(s.in.tags)
					for i := 0; i < n; i += 3 {
						sc.in.tags[i] = noneVal
					}
				}
				want := pp.beamRef(sc, n, k)
				pp.parseBeam(sc, n, k)
				if !slices.Equal(want.head[:n], sc.st.head[:n]) || !slices.Equal(want.label[:n], sc.st.label[:n]) {
					t.Fatalf("k %d, empty model %v, sentence %d: beam decoder and reference differ", k, pp == q, si)
				}
			}
		}
	}
	p.SetBeam(MaxBeam + 10)
	if p.Beam() != MaxBeam {
		t.Errorf("SetBeam(MaxBeam+10): beam %d", p.Beam())
	}
	doc := FromCoNLLU(sents[200:], true)
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	oneRootEach(t, doc)
}
