package perceptron

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDenseRows checks that dense rows change no score: random models of
// odd and even class counts, with extreme weights and rows of every
// length, score random feature lists (more than one chunk of 64, with
// absent and unknown features) the same laid out as usual, all sparse, and
// with every row dense.
func TestDenseRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, classes := range []int{2, 3, 13, 64, 117, 128, 129, 300} {
		t.Run(fmt.Sprint(classes), func(t *testing.T) {
			b := newBuilder(classes, 1)
			for r := range 500 {
				b.keys = append(b.keys, uint64(r+1)*0x9e3779b97f4a7c15|1)
			}
			slices.Sort(b.keys)
			b.keys = slices.Compact(b.keys)
			for range b.keys {
				n := 1 + rng.IntN(min(classes, 255))
				cls := rng.Perm(classes)[:n]
				slices.Sort(cls)
				for _, c := range cls {
					w := int16(rng.IntN(1<<16) - 1<<15)
					switch rng.IntN(8) {
					case 0:
						w = math.MinInt16
					case 1:
						w = math.MaxInt16
					}
					b.cls = append(b.cls, uint16(c))
					b.wt = append(b.wt, w)
				}
				b.ends = append(b.ends, uint32(len(b.cls)))
			}
			usual, sparse, dense := b.buildDense(-1), b.buildDense(0), b.buildDense(1)
			if len(sparse.dense) != 0 || (classes <= 2*maxDenseWords) != (len(dense.dense) > 0) || (classes >= 13 && classes <= 2*maxDenseWords) != (len(usual.dense) > 0) {
				t.Fatalf("dense words: usual %d, sparse %d, all %d", len(usual.dense), len(sparse.dense), len(dense.dense))
			}
			want := make([]int32, classes)
			got := make([]int32, classes)
			for range 200 {
				feats := make([]uint64, rng.IntN(200))
				for i := range feats {
					switch rng.IntN(10) {
					case 0:
						feats[i] = 0 // absent
					case 1:
						feats[i] = rng.Uint64() // unknown
					default:
						feats[i] = b.keys[rng.IntN(len(b.keys))]
					}
				}
				sparse.Scores(feats, want)
				// The plain sum, cell by cell.
				ref := make([]int32, classes)
				for _, f := range feats {
					i, ok := slices.BinarySearch(b.keys, f)
					if f == 0 || !ok {
						continue
					}
					lo := uint32(0)
					if i > 0 {
						lo = b.ends[i-1]
					}
					for j := lo; j < b.ends[i]; j++ {
						ref[b.cls[j]] += int32(b.wt[j])
					}
				}
				if !slices.Equal(want, ref) {
					t.Fatal("sparse scores differ from the plain sum")
				}
				for name, m := range map[string]*Model{"usual": usual, "dense": dense} {
					m.Scores(feats, got)
					if !slices.Equal(got, want) {
						t.Fatalf("%s layout: scores differ from the sparse ones", name)
					}
				}
			}
		})
	}
}

// TestDecodeRepeatedClass: a row whose class delta wraps around to a class
// it already holds is corrupt (a dense row keeps one weight per class).
func TestDecodeRepeatedClass(t *testing.T) {
	e := NewEncoder("TEST")
	e.Uvarint(13)                 // classes
	e.Float32(1)                  // unit
	e.Uvarint(1)                  // rows
	e.Uvarint(7)                  // key
	e.Uvarint(4)                  // cells
	e.Uvarint(0)                  // class 0
	e.Varint(100)                 //
	e.Uvarint(1)                  // class 1
	e.Varint(1)                   //
	e.Uvarint(1)                  // class 2
	e.Varint(1)                   //
	e.Uvarint(math.MaxUint64 - 1) // wraps around to class 0
	e.Varint(5)
	d, err := NewDecoder(e.Bytes(), "TEST")
	if err != nil {
		t.Fatal(err)
	}
	if m, err := DecodeModel(d); err == nil {
		s := make([]int32, 13)
		m.Scores([]uint64{7}, s)
		t.Fatalf("decoded, scoring class 0 as %d", s[0])
	}
}
