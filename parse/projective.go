package parse

import "strings"

// Pseudo-projective parsing (Nivre & Nilsson 2005, "Head" encoding). The
// arc-eager system only builds projective trees, so training trees are made
// projective by lifting each non-projective arc to the head's head until the
// tree is projective; a lifted word's label records the label of its real
// head as "deprel|headdeprel". After parsing, deprojectivize moves such a
// word back under the first node (breadth-first, left to right) below its
// current head that carries headdeprel.

// maxLiftSearch bounds the nodes deprojectivize visits per lifted word, so
// that a huge unsegmented "sentence" stays linear.
const maxLiftSearch = 256

// liftSep separates a word's own label from its real head's label.
const liftSep = "|"

// dominates reports whether h dominates k in heads (h == k counts).
func dominates(heads []int, h, k int) bool {
	for steps := 0; k >= 0 && steps <= len(heads); steps++ {
		if k == h {
			return true
		}
		k = heads[k]
	}
	return false
}

// nonProjective returns the shortest non-projective arc's dependent (leftmost
// on ties), or -1 when the tree is projective. heads[i] is -1 for the root.
func nonProjective(heads []int) int {
	best, bestLen := -1, 0
	for d, h := range heads {
		if h < 0 {
			continue
		}
		lo, hi := min(h, d), max(h, d)
		if best >= 0 && hi-lo >= bestLen {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !dominates(heads, h, k) {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

// projectivize returns a projective copy of the tree (heads: -1 for root, 0-
// based otherwise) with lifted words' labels encoded. It leaves its
// arguments unchanged and reports how many arcs were lifted. A malformed tree
// (a cycle) is returned as it is.
func projectivize(heads []int, labels []string) ([]int, []string, int) {
	h := append([]int(nil), heads...)
	l := append([]string(nil), labels...)
	lifted := make([]bool, len(h))
	n := 0
	for iter := 0; iter < len(h)*len(h)+1; iter++ {
		d := nonProjective(h)
		if d < 0 {
			break
		}
		p := h[d]
		if h[p] < 0 {
			break // cannot lift above the root (cannot happen in a tree)
		}
		if !lifted[d] {
			l[d] = l[d] + liftSep + baseLabel(labels[p])
			lifted[d] = true
		}
		h[d] = h[p]
		n++
	}
	return h, l, n
}

// baseLabel strips a lift encoding.
func baseLabel(l string) string {
	if i := strings.Index(l, liftSep); i >= 0 {
		return l[:i]
	}
	return l
}

// deprojectivize undoes projectivize in place: labels lose their encoding
// and lifted words move back under the node the encoding names, when one is
// found below their current head. queue is scratch space (may be nil); the
// possibly grown slice is returned.
func deprojectivize(heads []int32, labels []string, queue []int32) []int32 {
	n := len(heads)
	for d := 0; d < n; d++ {
		i := strings.Index(labels[d], liftSep)
		if i < 0 {
			continue
		}
		want := labels[d][i+len(liftSep):]
		labels[d] = labels[d][:i]
		h := heads[d]
		if h < 0 {
			continue
		}
		// Breadth-first search below h, skipping d's own subtree.
		queue = append(queue[:0], h)
		found := int32(-1)
		for qi := 0; qi < len(queue) && qi < maxLiftSearch && found < 0; qi++ {
			x := queue[qi]
			for c := int32(0); c < int32(n); c++ {
				if heads[c] != x || c == int32(d) {
					continue
				}
				if baseLabel(labels[c]) == want {
					found = c
					break
				}
				queue = append(queue, c)
			}
		}
		if found >= 0 {
			heads[d] = found
		}
	}
	return queue
}
