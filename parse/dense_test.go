package parse

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// TestDenseRows checks that dense rows change no score: at every
// configuration the greedy decoder visits on EWT dev, both embedded models
// give the same scores laid out as usual, with every run sparse, and with
// every run of 8 or more entries dense, through both of score's paths (the
// full-size buffer and a short one).
func TestDenseRows(t *testing.T) {
	eachEmbedded(t, func(t *testing.T, data []byte) {
		var layouts [3]*model
		for i, dense := range []int{0, maxRun + 1, 8} {
			var err error
			if layouts[i], err = decodeLayout(data, dense); err != nil {
				t.Fatal(err)
			}
		}
		if len(layouts[0].w.dense) == 0 || len(layouts[1].w.dense) != 0 {
			t.Fatalf("dense words: %d as usual, %d all sparse", len(layouts[0].w.dense), len(layouts[1].w.dense))
		}
		p, err := fromBytes(data)
		if err != nil {
			t.Fatal(err)
		}
		tr := devTrainer(t, p.classes)
		var feats [maxFeatures]uint64
		var ss scoreScratch
		want := make([]int32, p.nclass)
		big := make([]int32, scoreBufLen)
		checked := walkDev(tr, p, 300, nil, func(si int, s *tsent, st *state) []int32 {
			nf, _ := extract(st, &s.in, feats[:], modeFull)
			clear(want)
			layouts[1].w.score(feats[:nf], want, &ss)
			for i, m := range layouts {
				for _, buf := range [][]int32{big, big[:p.nclass]} {
					clear(big)
					m.w.score(feats[:nf], buf, &ss)
					if !slices.Equal(big[:p.nclass], want) {
						t.Fatalf("sentence %d: layout %d, buffer of %d: scores differ from all-sparse ones", si, i, len(buf))
					}
				}
			}
			return want
		})
		t.Logf("%d configurations", checked)
	})
}

// TestDenseRowsExtremes sums dense rows of the most negative and most
// positive weights, as many as score may be given: no lane may carry into
// its neighbour.
func TestDenseRowsExtremes(t *testing.T) {
	labels := []string{"root", "nsubj", "obj"}
	nclass := 2 + 2*len(labels)
	var feats []feature
	var keys []uint64
	for i := range maxFeatures {
		f := feature{key: uint32(i + 1)}
		for c := range nclass {
			w := int16(math.MinInt16)
			switch {
			case i%3 == 1:
				w = math.MaxInt16
			case i%3 == 2 && c%2 == 1:
				continue // a row with gaps
			}
			f.ent = append(f.ent, uint32(c)<<16|uint32(uint16(w)))
		}
		feats = append(feats, f)
		keys = append(keys, uint64(f.key))
	}
	data, err := encodeModel(labels, 1, 1, feats, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 4, 5, 7, 8, maxFeatures} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var ss scoreScratch
			var got [2][]int32
			for i, dense := range []int{1, maxRun + 1} {
				m, err := decodeLayout(data, dense)
				if err != nil {
					t.Fatal(err)
				}
				got[i] = make([]int32, nclass)
				m.w.score(keys[:n], got[i], &ss)
			}
			want := make([]int32, nclass)
			for _, f := range feats[:n] {
				for _, e := range f.ent {
					want[e>>16] += int32(int16(uint16(e)))
				}
			}
			if !slices.Equal(got[0], want) || !slices.Equal(got[1], want) {
				t.Fatalf("dense %v, sparse %v, want %v", got[0], got[1], want)
			}
			// With a pair of shared vectors at their extremes (sums of
			// maxShared weights of -32768, or of 32767), as beam decoding
			// adds them.
			m, err := decodeLayout(data, 1)
			if err != nil {
				t.Fatal(err)
			}
			rw := m.w.rowWords
			for _, ext := range []int32{-maxShared << 15, maxShared<<15 - maxShared} {
				v := make([]uint64, 2*rw)
				for j := range v {
					v[j] = uint64(uint32(ext+vecBias)) | uint64(uint32(-ext+vecBias))<<32
				}
				withVecs := make([]int32, nclass)
				m.w.scoreWith(keys[:n], withVecs, &ss, v[:rw], v[rw:])
				for c := range want {
					lane := ext
					if c%2 == 1 {
						lane = -ext
					}
					if withVecs[c] != want[c]+2*lane {
						t.Fatalf("class %d with vectors of %d: %d, want %d", c, ext, withVecs[c], want[c]+2*lane)
					}
				}
			}
		})
	}
}
