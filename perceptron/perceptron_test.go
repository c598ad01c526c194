package perceptron_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/chronicle-news/chronicle/perceptron"
)

// toyModel trains a three-class problem: feature i votes for class i%3.
func toyModel(t testing.TB) *perceptron.Model {
	tr := perceptron.NewTrainer(3)
	scores := make([]float32, 3)
	for it := 0; it < 5; it++ {
		for i := 0; i < 30; i++ {
			feats := []uint64{perceptron.Hash(1, string(rune('a'+i))), perceptron.Hash(2, "bias")}
			tr.Scores(feats, scores)
			guess := 0
			for c := range scores {
				if scores[c] > scores[guess] {
					guess = c
				}
			}
			tr.Learn(feats, i%3, guess)
		}
	}
	return tr.Model(0)
}

func TestModelRoundTrip(t *testing.T) {
	m := toyModel(t)
	e := perceptron.NewEncoder("TEST0001")
	m.Encode(e)
	data := e.Bytes()
	d, err := perceptron.NewDecoder(data, "TEST0001")
	if err != nil {
		t.Fatal(err)
	}
	m2, err := perceptron.DecodeModel(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	e2 := perceptron.NewEncoder("TEST0001")
	m2.Encode(e2)
	if !bytes.Equal(data, e2.Bytes()) {
		t.Fatal("re-encoded model differs")
	}
	scores := make([]int32, 3)
	for i := 0; i < 30; i++ {
		m2.Scores([]uint64{perceptron.Hash(1, string(rune('a'+i))), perceptron.Hash(2, "bias")}, scores)
		if got := perceptron.Best(scores, nil); got != i%3 {
			t.Errorf("feature %d: class %d, want %d", i, got, i%3)
		}
	}
}

func TestCorrupt(t *testing.T) {
	m := toyModel(t)
	e := perceptron.NewEncoder("TEST0001")
	m.Encode(e)
	data := e.Bytes()
	cases := map[string][]byte{
		"empty":     nil,
		"truncated": data[:len(data)/2],
		"flipped":   append(append([]byte(nil), data[:20]...), append([]byte{data[20] ^ 0xff}, data[21:]...)...),
		"magic":     append([]byte("XXXX0001"), data[8:]...),
	}
	for name, b := range cases {
		d, err := perceptron.NewDecoder(b, "TEST0001")
		if err == nil {
			_, err = perceptron.DecodeModel(d)
		}
		if !errors.Is(err, perceptron.ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", name, err)
		}
	}
}

func TestIndex(t *testing.T) {
	m := map[uint64]uint32{}
	for i := uint64(1); i < 1000; i++ {
		m[perceptron.Hash(3, string(rune(i)))] = uint32(i % 7)
	}
	x := perceptron.NewIndex(m)
	e := perceptron.NewEncoder("IDX")
	x.Encode(e)
	d, err := perceptron.NewDecoder(e.Bytes(), "IDX")
	if err != nil {
		t.Fatal(err)
	}
	y, err := perceptron.DecodeIndex(d, 7)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range m {
		if got, ok := y.Get(k); !ok || got != v {
			t.Fatalf("Get(%x) = %d, %v; want %d", k, got, ok, v)
		}
	}
	if _, ok := y.Get(12345); ok {
		t.Error("Get of a missing key succeeded")
	}
}

// TestScoresSkipsAbsentFeatures guards against a zero hash (an absent
// feature, skipped by Learn) picking up the weights of the feature with key
// 1, whose slot tag it shares: the bias feature of the tagger and recognizer.
func TestScoresSkipsAbsentFeatures(t *testing.T) {
	tr := perceptron.NewTrainer(2)
	for range 3 {
		// 2<<32 takes table slot 0, where a zero hash starts probing.
		tr.Learn([]uint64{1, 2 << 32}, 1, 0)
	}
	m := tr.Model(0)
	got := make([]int32, 2)
	m.Scores([]uint64{1}, got)
	if got[1] <= 0 {
		t.Fatalf("feature 1 scores %v: the test needs a weight on it", got)
	}
	m.Scores([]uint64{0, 0}, got)
	if got[0] != 0 || got[1] != 0 {
		t.Errorf("absent features score %v, want zeros", got)
	}
}
