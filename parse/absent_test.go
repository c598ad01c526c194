package parse

import (
	"slices"
	"testing"

	"github.com/chronicle-news/chronicle/models"
)

// TestAbsentGroups checks the compact features against the full ones: at
// every configuration the greedy parser visits on EWT dev, the scores from
// the compact features plus the absent-group table equal the scores from
// every feature, and each skipped template is the constant key the table
// was built from.
func TestAbsentGroups(t *testing.T) {
	p, err := Load(models.FS())
	if err != nil {
		t.Skipf("no embedded parser: %v", err)
	}
	tr := devTrainer(t, p.classes)
	var full, compact [maxFeatures]uint64
	var ss scoreScratch
	a := make([]int32, p.nclass)
	b := make([]int32, p.nclass)
	grp := map[int]int{}
	for g, ids := range groupTemplates {
		for _, id := range ids {
			grp[id] = g
		}
	}
	checked, masked := 0, 0
	for si := range tr.sents[:min(400, len(tr.sents))] {
		s := &tr.sents[si]
		st := &tr.st
		st.reset(len(s.gh))
		for !st.terminal() {
			if c, ok := st.forced(p.rootLabel); ok {
				st.apply(c)
				continue
			}
			nf, fullMask := extract(st, &s.in, full[:], modeFull)
			nc, mask := extract(st, &s.in, compact[:], modeCompact)
			want := baseTemplates
			if len(s.in.cls) > 0 {
				want += classTemplates
			}
			if fullMask != mask || nf != want {
				t.Fatalf("full extraction: mask %b (compact %b), %d features", fullMask, mask, nf)
			}
			// The compact list is the full one without the absent groups' templates.
			var kept []uint64
			for id, f := range full[:nf] {
				if g, ok := grp[id]; ok && mask&(1<<g) != 0 {
					if f != mix(uint64(id+1), noneVal, 0, 0) {
						t.Fatalf("template %d of absent group %d is not the constant key", id, g)
					}
					continue
				}
				kept = append(kept, f)
			}
			if !slices.Equal(kept, compact[:nc]) {
				t.Fatalf("sentence %d: compact features differ from the full ones less the absent groups", si)
			}
			clear(a)
			p.w.score(full[:nf], a, &ss)
			p.baseScores(mask, b)
			p.w.score(compact[:nc], b, &ss)
			if !slices.Equal(a, b) {
				t.Fatalf("sentence %d: compact scores differ from full scores", si)
			}
			checked++
			if mask != 0 {
				masked++
			}
			best := -1
			for c := range a {
				if st.valid(c, p.rootLabel) && (best < 0 || a[c] > a[best]) {
					best = c
				}
			}
			st.apply(best)
		}
	}
	if masked == 0 {
		t.Fatal("no configuration had an absent group")
	}
	t.Logf("%d configurations, %d with absent groups", checked, masked)
}
