package parse

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/perceptron"
)

// testClasses gives every lower-case form of sents a cluster (its length)
// and an ambiguity class (its first letter), as the tagger's tables would.
func testClasses(forms []string) WordClasses {
	cl, amb := map[uint64]uint32{}, map[uint64]uint32{}
	for _, f := range forms {
		low := strings.ToLower(f)
		k := perceptron.Hash(1, low)
		cl[k] = uint32(len(low) % 7)
		if low[0] >= 'a' && low[0] <= 'z' {
			amb[k] = uint32(low[0] - 'a')
		}
	}
	return WordClasses{Cluster: perceptron.NewIndex(cl), Ambiguity: perceptron.NewIndex(amb)}
}

// TestWordClasses trains with word classes: the model carries the merged
// table (format 3), reproduces byte for byte, reads back, and the parser
// looks every word's classes up as training did.
func TestWordClasses(t *testing.T) {
	sents := smallTrain(t, 300)
	opts := Options{Iterations: 2, Seed: 3, Classes: testClasses(formsOf(sents))}
	a, _ := trainTwice(t, sents[:200], opts)
	if !bytes.Equal(a[:len(magicWC)], magicWC[:]) {
		t.Fatalf("magic %q, want %q", a[:len(magicWC)], magicWC[:])
	}
	p, err := fromBytes(a)
	if err != nil {
		t.Fatal(err)
	}
	if p.classes == nil || p.beam != 1 {
		t.Fatalf("read back: classes %v, beam %d", p.classes != nil, p.beam)
	}
	// The parser's lookups match the trainer's for every word.
	tr := &trainer{idx: map[uint64]int32{}, classes: p.classes}
	if err := tr.prepare(sents[200:], 1); err != nil {
		t.Fatal(err)
	}
	doc := FromCoNLLU(sents[200:], true)
	sc := new(scratch)
	tok := 0
	for si, s := range doc.Sentences {
		n := s.Tokens.Len()
		sc.in.reset(n)
		sc.in.initClasses(p.classes, n)
		for i := 0; i < n; i++ {
			tk := &doc.Tokens[s.Tokens.Start+i]
			sc.low = sc.in.setClass(i, doc.Text[tk.Start:tk.End], p.classes, sc.low)
		}
		if !slices.Equal(sc.in.cls, tr.sents[si].in.cls) {
			t.Fatalf("sentence %d: parser classes %v, trainer classes %v", si, sc.in.cls, tr.sents[si].in.cls)
		}
		for _, v := range sc.in.cls[:n] {
			if v&0xffff == 0 {
				t.Fatalf("sentence %d: a word without its cluster", si)
			}
		}
		tok += n
	}
	if err := p.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	// Without classes the model keeps the older format.
	plain, _, err := Train(context.Background(), sents[:50], Options{Iterations: 1, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(plain[:len(magic)], magic[:]) {
		t.Fatalf("model without classes: magic %q", plain[:len(magic)])
	}
}

func TestWordClassesMerge(t *testing.T) {
	wc := WordClasses{
		Cluster:   perceptron.NewIndex(map[uint64]uint32{1: 0, 2: 5}),
		Ambiguity: perceptron.NewIndex(map[uint64]uint32{2: 7, 3: 1}),
	}
	m, err := wc.merge()
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[uint64]uint32{1: 1, 2: 6 | 8<<16, 3: 2 << 16} {
		if v, _ := m.Get(k); v != want {
			t.Errorf("key %d: %#x, want %#x", k, v, want)
		}
	}
	if m, err := (WordClasses{}).merge(); m != nil || err != nil {
		t.Errorf("empty classes: %v, %v", m, err)
	}
	big := WordClasses{Cluster: perceptron.NewIndex(map[uint64]uint32{1: 0xfffe})}
	if _, err := big.merge(); err == nil {
		t.Error("class 0xfffe: no error")
	}
}

// TestWordClassesCorrupt: damaged word-class sections are errors.
func TestWordClassesCorrupt(t *testing.T) {
	labels := []string{"nsubj", "root"}
	feats := []feature{{key: 5, ent: []uint32{1<<16 | 7}}}
	good, err := encodeModel(labels, 1, 0.01, feats, perceptron.NewIndex(map[uint64]uint32{3: 1, 9: 2}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fromBytes(good); err != nil {
		t.Fatalf("good model: %v", err)
	}
	reseal := func(b []byte) []byte {
		binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.ChecksumIEEE(b[:len(b)-4]))
		return b
	}
	at := len(magicWC) + 1 // the class count
	cases := map[string]func(b []byte){
		"count beyond the file": func(b []byte) { binary.LittleEndian.PutUint32(b[at:], 1<<30) },
		"keys out of order":     func(b []byte) { binary.LittleEndian.PutUint64(b[at+4+12:], 2) },
		"empty value":           func(b []byte) { binary.LittleEndian.PutUint32(b[at+4+8:], 0) },
		"beam 0":                func(b []byte) { b[len(magicWC)] = 0 },
	}
	for name, damage := range cases {
		b := slices.Clone(good)
		damage(b)
		if _, err := fromBytes(reseal(b)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
