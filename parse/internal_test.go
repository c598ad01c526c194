package parse

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"github.com/chronicle-news/chronicle/perceptron"
	"hash/crc32"
	"slices"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/internal/shared"
)

func TestProjectivizeRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		heads  []int
		labels []string
		lifts  int
	}{
		{"projective", []int{1, -1, 1}, []string{"nsubj", "root", "obj"}, 0},
		{
			// "A hearing is scheduled on the issue today": "issue" (6)
			// depends on "hearing" (1) across "is scheduled" (2, 3).
			"extraposed pp",
			[]int{1, 3, 3, -1, 6, 6, 1, 3},
			[]string{"det", "nsubj:pass", "aux:pass", "root", "case", "det", "nmod", "obl:tmod"},
			1,
		},
		{
			// Crossing arcs two levels deep: 0->2 crosses 1->3, both lifted.
			"two crossings",
			[]int{-1, 0, 0, 1},
			[]string{"root", "conj", "obj", "obj"},
			1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, l, lifts := projectivize(tt.heads, tt.labels)
			if lifts != tt.lifts {
				t.Errorf("lifts = %d, want %d", lifts, tt.lifts)
			}
			if d := nonProjective(h); d >= 0 {
				t.Fatalf("still non-projective at %d: %v", d, h)
			}
			h32 := make([]int32, len(h))
			for i, x := range h {
				h32[i] = int32(x)
			}
			deprojectivize(h32, l, nil)
			for i := range h {
				if int(h32[i]) != tt.heads[i] || l[i] != tt.labels[i] {
					t.Errorf("word %d: got %d %s, want %d %s", i, h32[i], l[i], tt.heads[i], tt.labels[i])
				}
			}
		})
	}
}

func conllTree(s *conllu.Sentence) ([]int, []string) {
	h := make([]int, len(s.Words))
	l := make([]string, len(s.Words))
	for i, w := range s.Words {
		h[i], l[i] = w.Head-1, w.Deprel
	}
	return h, l
}

// The lift encoding must restore (nearly) every non-projective EWT arc.
func TestProjectivizeRoundTripEWT(t *testing.T) {
	path := shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lifted, restored := 0, 0
	for _, s := range sents {
		heads, labels := conllTree(s)
		h, l, n := projectivize(heads, labels)
		if n == 0 {
			continue
		}
		if nonProjective(h) >= 0 {
			t.Fatalf("%s: still non-projective", s.ID)
		}
		h32 := make([]int32, len(h))
		for i, x := range h {
			h32[i] = int32(x)
		}
		deprojectivize(h32, l, nil)
		for i := range heads {
			if h[i] != heads[i] {
				lifted++
				if int(h32[i]) == heads[i] {
					restored++
				}
			}
			if l[i] != labels[i] {
				t.Fatalf("%s word %d: label %q, want %q", s.ID, i+1, l[i], labels[i])
			}
		}
	}
	t.Logf("%d lifted arcs, %d restored (%.1f%%)", lifted, restored, pct(restored, lifted))
	if lifted == 0 || pct(restored, lifted) < 85 {
		t.Errorf("restored %d of %d lifted arcs", restored, lifted)
	}
}

// devTrainer returns a trainer prepared with the gold trees of EWT dev.
func devTrainer(t *testing.T, classes *perceptron.Index) *trainer {
	t.Helper()
	sents, err := conllu.ReadFile(shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	tr := &trainer{idx: map[uint64]int32{}, classes: classes}
	if err := tr.prepare(sents, 1); err != nil {
		t.Fatal(err)
	}
	return tr
}

// Following the dynamic oracle's zero-cost transitions must rebuild every
// projectivized gold tree exactly.
func TestOracleRebuildsGold(t *testing.T) {
	tr := devTrainer(t, nil)
	for si := range tr.sents {
		s := &tr.sents[si]
		rebuild(t, si, s, &tr.st, func() int {
			next := zeroCost(tr, s)
			if next < 0 {
				t.Fatalf("sentence %d: no zero-cost transition", si)
			}
			return next
		})
	}
}

// rebuild runs st from the initial configuration of s, applying next until
// it is terminal, checks that the tree built is s's gold tree and returns
// the number of transitions.
func rebuild(t *testing.T, si int, s *tsent, st *state, next func() int) int {
	t.Helper()
	st.reset(len(s.gh))
	steps := 0
	for !st.terminal() {
		st.apply(next())
		steps++
		if steps > 2*len(s.gh) {
			t.Fatalf("sentence %d: more than 2n transitions", si)
		}
	}
	for i := range s.gh {
		if st.head[i] != s.gh[i] || st.label[i] != s.gl[i] {
			t.Fatalf("sentence %d word %d: got %d/%d, want %d/%d", si, i, st.head[i], st.label[i], s.gh[i], s.gl[i])
		}
	}
	return steps
}

// TestForcedIsTheOnlyValidClass walks the gold transitions of EWT dev and
// checks at every configuration that forced names a class exactly when one
// class is valid, and that it is that class.
func TestForcedIsTheOnlyValidClass(t *testing.T) {
	tr := devTrainer(t, nil)
	total, forcedN := 0, 0
	for si := range tr.sents {
		s := &tr.sents[si]
		st := &tr.st
		st.reset(len(s.gh))
		for !st.terminal() {
			only, nvalid := -1, 0
			for c := range tr.costs {
				if st.valid(c, tr.root) {
					only, nvalid = c, nvalid+1
				}
			}
			c, ok := st.forced(tr.root)
			if ok != (nvalid == 1) || (ok && c != only) {
				t.Fatalf("sentence %d: forced = %d, %v; %d valid classes (last %d)", si, c, ok, nvalid, only)
			}
			total++
			if ok {
				forcedN++
			}
			next := zeroCost(tr, s)
			if next < 0 {
				t.Fatalf("sentence %d: no zero-cost transition", si)
			}
			st.apply(next)
		}
	}
	t.Logf("%d of %d gold transitions are forced (%.1f%%)", forcedN, total, 100*float64(forcedN)/float64(total))
}

// zeroCost returns the first valid class of zero cost (labels included) in
// tr's current configuration of sentence s, or -1.
func zeroCost(tr *trainer, s *tsent) int {
	st := &tr.st
	sh, re, la, ra := tr.unlabeledCosts(s)
	for c := range tr.costs {
		if !st.valid(c, tr.root) {
			continue
		}
		cost := []int{sh, re, la, ra}[classOp(c)]
		switch classOp(c) {
		case opLeft:
			if s.gh[st.s0()] == st.b0 && int(s.gl[st.s0()]) != classLabel(c) {
				cost++
			}
		case opRight:
			if s.gh[st.b0] == st.s0() && int(s.gl[st.b0]) != classLabel(c) {
				cost++
			}
		}
		if cost == 0 {
			return c
		}
	}
	return -1
}

func smallTrain(t *testing.T, n int) []*conllu.Sentence {
	t.Helper()
	path := shared.Path(t, "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sents[:n]
}

// trainTwice trains twice on the same data and fails unless both models
// are the same bytes; it returns the model and the first training's history.
func trainTwice(t *testing.T, sents []*conllu.Sentence, opts Options) ([]byte, []Iteration) {
	t.Helper()
	a, hist, err := Train(context.Background(), sents, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Train(context.Background(), sents, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two trainings on the same data differ (%d vs %d bytes)", len(a), len(b))
	}
	return a, hist
}

// formsOf returns every word form of sents.
func formsOf(sents []*conllu.Sentence) []string {
	var forms []string
	for _, s := range sents {
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
	}
	return forms
}

// oneRootEach fails unless every sentence of doc is a tree: one root, and
// every head inside the sentence.
func oneRootEach(t *testing.T, doc *chronicle.Document) {
	t.Helper()
	for _, s := range doc.Sentences {
		roots := 0
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			h := int(doc.Tokens[i].Head)
			if h == -1 {
				roots++
			} else if h < s.Tokens.Start || h >= s.Tokens.End {
				t.Fatalf("token %d: head %d outside its sentence", i, h)
			}
		}
		if roots != 1 {
			t.Fatalf("sentence at token %d: %d roots", s.Tokens.Start, roots)
		}
	}
}

func TestTrainReproducible(t *testing.T) {
	sents := smallTrain(t, 400)
	opts := Options{Iterations: 3, Seed: 7, Dev: sents[300:]}
	a, _ := trainTwice(t, sents[:300], opts)
	opts.Seed = 8
	c, _, err := Train(context.Background(), sents[:300], opts)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c) {
		t.Errorf("the seed has no effect")
	}
}

func TestDecodeCorrupt(t *testing.T) {
	sents := smallTrain(t, 200)
	data, _, err := Train(context.Background(), sents, Options{Iterations: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fromBytes(data); err != nil {
		t.Fatalf("good model: %v", err)
	}
	flip := slices.Clone(data)
	flip[len(flip)/2] ^= 0x40
	cases := map[string][]byte{
		"empty":       nil,
		"magic only":  magic[:],
		"bad magic":   append([]byte("XXXXXXXX"), data[8:]...),
		"truncated":   data[:len(data)/3],
		"last byte":   data[:len(data)-1],
		"bit flipped": flip,
		"extra byte":  append(slices.Clone(data), 0),
	}
	// A label count over maxLabels, in a file whose checksum is right.
	many := append([]byte{}, magic[:]...)
	many = binary.LittleEndian.AppendUint16(many, maxLabels+1)
	many = append(many, 4, 'r', 'o', 'o', 't')
	for i := 1; i <= maxLabels; i++ {
		many = append(many, 1, 'a')
	}
	many = binary.LittleEndian.AppendUint32(many, 0) // scale
	many = binary.LittleEndian.AppendUint32(many, 0) // features
	cases["too many labels"] = binary.LittleEndian.AppendUint32(many, crc32.ChecksumIEEE(many))
	// A class repeated within a feature (encodeModel writes each once):
	// dense rows and shared vectors assume one weight per class.
	for _, n := range []int{2, 300} {
		run := make([]uint32, n)
		for i := range run {
			run[i] = 1<<16 | 1
		}
		rep, err := encodeModel([]string{"root"}, 1, 1, []feature{{key: 5, ent: run}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		cases[fmt.Sprintf("class repeated %d times", n)] = rep
	}
	for name, b := range cases {
		if _, err := fromBytes(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzDecode: no model file, however damaged, makes decoding panic.
func FuzzDecode(f *testing.F) {
	labels := []string{"nsubj", "root"}
	good, err := encodeModel(labels, 1, 0.01, []feature{{key: 5, ent: []uint32{1<<16 | 7}}, {key: 9, ent: []uint32{3<<16 | 0xfff0}}}, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)-3])
	beam, err := encodeModel(labels, 4, 0.01, []feature{{key: 5, ent: []uint32{1<<16 | 7}}}, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(beam)
	words := perceptron.NewIndex(map[uint64]uint32{perceptron.Hash(1, "a"): 3 | 2<<16, perceptron.Hash(1, "c"): 1})
	for _, k := range []int{1, 4} {
		wc, err := encodeModel(labels, k, 0.01, []feature{{key: 5, ent: []uint32{1<<16 | 7}}}, words)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(wc)
	}
	// A run long enough to be a dense row, with extreme weights.
	var long []uint32
	for c := range 8 {
		long = append(long, uint32(c)<<16|uint32(uint16(0x8000^uint16(c&1)*0xffff)))
	}
	dense, err := encodeModel([]string{"a", "b", "root"}, 1, 0.01, []feature{{key: 5, ent: long}, {key: 9, ent: long[2:5]}}, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(dense)
	f.Fuzz(func(t *testing.T, data []byte) {
		// The input as it is, and with its checksum made right, so that
		// mutations reach the decoder past the checksum.
		sealed := slices.Clone(data)
		if len(sealed) >= 4 {
			binary.LittleEndian.PutUint32(sealed[len(sealed)-4:], crc32.ChecksumIEEE(sealed[:len(sealed)-4]))
		}
		for _, b := range [][]byte{data, sealed} {
			p, err := fromBytes(b)
			if err != nil {
				continue
			}
			// A model that decodes must parse without trouble.
			sc := new(scratch)
			sc.in.reset(3)
			sc.in.initClasses(p.classes, 3)
			for i, form := range []string{"a", "B", "c"} {
				sc.in.words[i], sc.in.tags[i] = uint64(i+1), uint64(i+7)
				sc.low = sc.in.setClass(i, form, p.classes, sc.low)
			}
			p.parse(sc, 3)
			// Every layout of its weights scores as the plain sum of its
			// entries.
			m, err := decodeLayout(b, maxRun+1)
			if err != nil {
				t.Fatalf("decodes, but not all sparse: %v", err)
			}
			plain := make([]int32, p.nclass)
			got := make([]int32, p.nclass)
			for _, sl := range p.w.slots {
				if sl.key == 0 {
					continue
				}
				clear(plain)
				clear(got)
				f := []uint64{uint64(sl.key)}
				m.w.score(f, plain, &sc.ss)
				p.w.score(f, got, &sc.ss)
				if !slices.Equal(plain, got) {
					t.Fatalf("feature %#x: default layout %v, all sparse %v", sl.key, got, plain)
				}
			}
		}
	})
}
