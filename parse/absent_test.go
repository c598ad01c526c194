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
	masked := 0
	checked := walkDev(tr, p, 400, nil, func(si int, s *tsent, st *state) []int32 {
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
		if mask != 0 {
			masked++
		}
		return a
	})
	if masked == 0 {
		t.Fatal("no configuration had an absent group")
	}
	t.Logf("%d configurations, %d with absent groups", checked, masked)
}

// walkDev follows the greedy decoder of p through the first limit
// sentences of tr: start, when set, is called before each sentence, visit
// at each configuration that is not forced, and the highest of the scores
// visit returns chooses the next transition. It returns how many
// configurations were visited.
func walkDev(tr *trainer, p *Parser, limit int, start func(si int, s *tsent), visit func(si int, s *tsent, st *state) []int32) int {
	visited := 0
	for si := range tr.sents[:min(limit, len(tr.sents))] {
		s := &tr.sents[si]
		if start != nil {
			start(si, s)
		}
		st := &tr.st
		st.reset(len(s.gh))
		for !st.terminal() {
			if c, ok := st.forced(p.rootLabel); ok {
				st.apply(c)
				continue
			}
			scores := visit(si, s, st)
			visited++
			best := -1
			for c := range scores {
				if st.valid(c, p.rootLabel) && (best < 0 || scores[c] > scores[best]) {
					best = c
				}
			}
			st.apply(best)
		}
	}
	return visited
}
