// Package coref reads coreference-annotated CoNLL files and scores system
// entities against gold ones with the CoNLL-2012 metrics (MUC, B³, CEAFe and
// their average), computed as the reference scorer (v8.01) computes them.
//
// Mentions are identified by their exact word span; a response mention
// scores only if a key mention has the same span. Counts are summed over
// documents before dividing (micro average), as the reference scorer does.
//
// Singletons: the reference scorer keeps whatever singleton entities the
// key and the response contain (the CoNLL-2012 data simply did not
// annotate them). MUC is blind to singletons by construction; B³ and CEAFe
// credit them. GUM annotates singletons, so Chronicle reports both the
// scores with singletons as given and, with Options.NoSingletons, the scores
// after removing singleton entities from key and response alike.
package coref

import (
	"math"
	"sort"
)

// Mention is a half-open word range [Start, End) in a document.
type Mention struct{ Start, End int }

// Metric holds a metric's recall and precision fractions, summed over
// documents.
type Metric struct {
	RecallNum, RecallDen float64
	PrecNum, PrecDen     float64
}

// Recall returns RecallNum/RecallDen, or 0 when the denominator is 0.
func (m Metric) Recall() float64 { return ratio(m.RecallNum, m.RecallDen) }

// Precision returns PrecNum/PrecDen, or 0 when the denominator is 0.
func (m Metric) Precision() float64 { return ratio(m.PrecNum, m.PrecDen) }

// F1 returns the harmonic mean of recall and precision (0 when both are 0).
func (m Metric) F1() float64 {
	r, p := m.Recall(), m.Precision()
	if r+p == 0 {
		return 0
	}
	return 2 * r * p / (r + p)
}

func (m *Metric) add(o Metric) {
	m.RecallNum += o.RecallNum
	m.RecallDen += o.RecallDen
	m.PrecNum += o.PrecNum
	m.PrecDen += o.PrecDen
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Scores accumulates the three metrics over documents. The zero value is
// ready to use.
type Scores struct {
	MUC, B3, CEAFe Metric
	Docs           int
}

// CoNLL returns the CoNLL-2012 score: the mean of the MUC, B³ and CEAFe F1.
func (s *Scores) CoNLL() float64 { return (s.MUC.F1() + s.B3.F1() + s.CEAFe.F1()) / 3 }

// Options changes how documents are scored.
type Options struct {
	// NoSingletons removes entities with one mention from key and response
	// before scoring.
	NoSingletons bool
}

// Add scores one document's response entities against its key entities and
// adds the counts. Duplicate mentions are dropped (the first entity that
// holds a mention keeps it), as the reference scorer does.
func (s *Scores) Add(key, response [][]Mention, opt Options) {
	key = clean(key, opt.NoSingletons)
	response = clean(response, opt.NoSingletons)
	s.MUC.add(muc(key, response))
	s.B3.add(bcubed(key, response))
	s.CEAFe.add(ceafe(key, response))
	s.Docs++
}

// clean drops duplicate mentions, empty entities and (optionally)
// singletons. It does not modify its argument.
func clean(es [][]Mention, noSingletons bool) [][]Mention {
	seen := make(map[Mention]bool)
	out := make([][]Mention, 0, len(es))
	for _, e := range es {
		var c []Mention
		for _, m := range e {
			if !seen[m] {
				seen[m] = true
				c = append(c, m)
			}
		}
		if len(c) == 0 || noSingletons && len(c) == 1 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// index maps each mention to its entity number.
func index(es [][]Mention) map[Mention]int {
	idx := make(map[Mention]int)
	for i, e := range es {
		for _, m := range e {
			idx[m] = i
		}
	}
	return idx
}

// muc is Vilain et al. (1995): for each key entity K, |K| minus the number
// of parts the response splits it into (mentions the response lacks count
// as a part each), over |K|-1.
func muc(key, resp [][]Mention) Metric {
	rn, rd := mucDir(key, resp)
	pn, pd := mucDir(resp, key)
	return Metric{rn, rd, pn, pd}
}

func mucDir(key, resp [][]Mention) (num, den float64) {
	ri := index(resp)
	for _, k := range key {
		parts := make(map[int]bool)
		missing := 0
		for _, m := range k {
			if e, ok := ri[m]; ok {
				parts[e] = true
			} else {
				missing++
			}
		}
		num += float64(len(k) - len(parts) - missing)
		den += float64(len(k) - 1)
	}
	return num, den
}

// bcubed is Bagga and Baldwin (1998) as the reference scorer computes it:
// recall = Σ_K Σ_R |K∩R|²/|K| over Σ_K |K|, precision the same with the
// roles swapped.
func bcubed(key, resp [][]Mention) Metric {
	rn, rd := b3Dir(key, resp)
	pn, pd := b3Dir(resp, key)
	return Metric{rn, rd, pn, pd}
}

func b3Dir(key, resp [][]Mention) (num, den float64) {
	ri := index(resp)
	for _, k := range key {
		counts := make(map[int]int)
		for _, m := range k {
			if e, ok := ri[m]; ok {
				counts[e]++
			}
		}
		for _, c := range counts {
			num += float64(c*c) / float64(len(k))
		}
		den += float64(len(k))
	}
	return num, den
}

// ceafe is Luo (2005) entity-based CEAF with φ4(K,R) = 2|K∩R|/(|K|+|R|):
// the best one-to-one alignment of key and response entities (Kuhn-Munkres)
// gives the similarity, divided by the number of key entities for recall
// and of response entities for precision.
func ceafe(key, resp [][]Mention) Metric {
	ki := index(key)
	sim := make([][]float64, len(key))
	for i := range sim {
		sim[i] = make([]float64, len(resp))
	}
	for j, r := range resp {
		for _, m := range r {
			if i, ok := ki[m]; ok {
				sim[i][j]++
			}
		}
	}
	for i := range sim {
		for j := range sim[i] {
			if sim[i][j] > 0 {
				sim[i][j] = 2 * sim[i][j] / float64(len(key[i])+len(resp[j]))
			}
		}
	}
	total := maxAssignment(sim, len(key), len(resp))
	return Metric{total, float64(len(key)), total, float64(len(resp))}
}

// maxAssignment returns the largest sum of w[i][j] over a one-to-one
// matching of rows and columns (Kuhn-Munkres, O(n³) on the square padding).
// Rows and columns with no positive weight are left out first: they cannot
// add to the sum.
func maxAssignment(w [][]float64, rows, cols int) float64 {
	var ri, ci []int
	colUsed := make([]bool, cols)
	for i := 0; i < rows; i++ {
		any := false
		for j := 0; j < cols; j++ {
			if w[i][j] > 0 {
				any = true
				colUsed[j] = true
			}
		}
		if any {
			ri = append(ri, i)
		}
	}
	for j, u := range colUsed {
		if u {
			ci = append(ci, j)
		}
	}
	n := max(len(ri), len(ci))
	if n == 0 {
		return 0
	}
	// Minimise cost = -weight with the shortest-augmenting-path Hungarian
	// algorithm (potentials u, v; 1-based as in the classic formulation).
	cost := func(i, j int) float64 {
		if i-1 < len(ri) && j-1 < len(ci) {
			return -w[ri[i-1]][ci[j-1]]
		}
		return 0
	}
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	minv := make([]float64, n+1)
	used := make([]bool, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = math.Inf(1)
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				if cur := cost(i0, j) - u[i0] - v[j]; cur < minv[j] {
					minv[j] = cur
					way[j] = j0
				}
				if minv[j] < delta {
					delta = minv[j]
					j1 = j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	total := 0.0
	for j := 1; j <= n; j++ {
		if p[j] != 0 {
			total -= cost(p[j], j)
		}
	}
	return total
}

// sortClusters orders mentions inside each entity and entities by their
// first mention.
func sortClusters(es [][]Mention) {
	for _, e := range es {
		sort.Slice(e, func(a, b int) bool { return less(e[a], e[b]) })
	}
	sort.SliceStable(es, func(a, b int) bool {
		if len(es[a]) == 0 || len(es[b]) == 0 {
			return len(es[a]) > len(es[b])
		}
		return less(es[a][0], es[b][0])
	})
}

func less(a, b Mention) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End > b.End
}
