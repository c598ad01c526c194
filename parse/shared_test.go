package parse

import (
	"io/fs"
	"slices"
	"testing"

	"github.com/chronicle-news/chronicle/models"
)

// TestSharedTemplates checks the shared-template vectors against the
// features they stand for: at every configuration the greedy decoder visits
// on EWT dev, the scores from the unshared features plus the two vectors
// equal the scores from the compact features, for both embedded models. A
// template listed as shared that reads more than its one token, or one
// left off a list, makes them differ.
func TestSharedTemplates(t *testing.T) {
	if n := max(len(stackTemplates), len(bufferTemplates)); n > maxShared {
		t.Fatalf("%d shared templates in a vector, at most %d", n, maxShared)
	}
	eachEmbedded(t, func(t *testing.T, data []byte) {
		p, err := fromBytes(data)
		if err != nil {
			t.Fatal(err)
		}
		tr := devTrainer(t, p.classes)
		var feats [maxFeatures]uint64
		sc := new(scratch)
		want := make([]int32, p.nclass)
		got := make([]int32, p.nclass)
		rw := p.w.rowWords
		start := func(si int, s *tsent) {
			sc.in = s.in
			p.sharedVecs(sc, len(s.gh))
		}
		checked := walkDev(tr, p, 300, start, func(si int, s *tsent, st *state) []int32 {
			n := len(s.gh)
			nc, mask := extract(st, &s.in, feats[:], modeCompact)
			p.baseScores(mask, want)
			p.w.score(feats[:nc], want, &sc.ss)
			nu, umask := extract(st, &s.in, feats[:], modeUnshared)
			if umask != mask || nu >= nc {
				t.Fatalf("unshared extraction: mask %b (compact %b), %d features (compact %d)", umask, mask, nu, nc)
			}
			p.baseScores(mask, got)
			s0, b0 := int(st.s0()), int(st.b0)
			p.w.scoreWith(feats[:nu], got, &sc.ss, sc.vecs[(s0+1)*rw:][:rw], sc.vecs[(n+1+b0)*rw:][:rw])
			if !slices.Equal(got, want) {
				t.Fatalf("sentence %d, S0 %d, N0 %d: scores with shared vectors differ", si, s0, b0)
			}
			return want
		})
		t.Logf("%d configurations", checked)
	})
}

// eachEmbedded runs f as a subtest on the bytes of each embedded parser
// model, the greedy default and the accurate one.
func eachEmbedded(t *testing.T, f func(t *testing.T, data []byte)) {
	for _, tc := range []struct {
		name string
		fsys fs.FS
	}{{"greedy", models.FS()}, {"accurate", models.Accurate()}} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := fs.ReadFile(tc.fsys, ModelFile)
			if err != nil {
				t.Skipf("no embedded model: %v", err)
			}
			f(t, data)
		})
	}
}
