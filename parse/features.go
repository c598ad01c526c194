package parse

import "math/bits"

// Feature templates after Zhang & Nivre (2011), "Transition-based dependency
// parsing with rich non-local features": words, tags, labels, distance,
// valency and label sets of the stack top (S0), the buffer front (N0), the next
// buffer words (N1, N2), S0's head and grand-head, the left- and rightmost
// dependents of S0 and N0, plus S1. Every feature is a 64-bit hash of a
// template number and its values; nothing is interned at parse time.

const (
	noneVal = 0x5bd1e9955bd1e995 // position does not exist
	rootVal = 0x27d4eb2f165667c5 // the artificial root token
)

// mix hashes a template id and up to three values.
func mix(t, a, b, c uint64) uint64 {
	x := t*0x9e3779b97f4a7c15 ^ a
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x ^= b
	x = (x ^ x>>27) * 0x94d049bb133111eb
	x ^= c
	x = (x ^ x>>31) * 0xbf58476d1ce4e5b9
	return x ^ x>>29
}

// fnv64 hashes a string (FNV-1a).
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// wordHash hashes a word form folded to lower case (ASCII) with every digit
// mapped to 0, so "2025" and "1999" share features. It does not allocate.
func wordHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h | 1
}

// input is one sentence as the parser sees it: hashed forms and tags.
type input struct {
	words, tags []uint64 // len n+1; index n is the root
	// cls holds each word's classes (see WordClasses), len n+1; empty when
	// the model has none.
	cls []uint32
}

func (in *input) reset(n int) {
	in.words = grow64(in.words, n+1)
	in.tags = grow64(in.tags, n+1)
	in.words[n], in.tags[n] = rootVal, rootVal
}

// Template counts: baseTemplates always, classTemplates more when the
// model reads word classes. maxFeatures bounds what extract writes.
const (
	baseTemplates  = 78
	classTemplates = 12
	maxFeatures    = baseTemplates + classTemplates
)

// Absent groups: the unigram templates of a position that does not exist
// (S0 has no head, no leftmost dependent, ...) hash to a constant key,
// mix(id+1, noneVal, 0, 0), so their weights are a constant vector. These
// tag-like features have the longest weight runs: on news text they were
// over half of the entries the parser summed. In compact mode extract
// leaves them out and reports the absent positions as a bit mask; the
// parser adds their precomputed sum (Parser.absent) instead. The scores,
// and so the parses, are the same to the bit.
const (
	grpS0h = iota
	grpS0h2
	grpS0l
	grpS0r
	grpN0l
	grpS0l2
	grpS0r2
	grpN0l2
	numGroups
)

// groupTemplates lists each group's template ids (0-based, in extract's
// order); TestAbsentGroups checks them against extract.
var groupTemplates = [numGroups][]int{
	grpS0h:  {38, 39, 52},
	grpS0h2: {50, 51},
	grpS0l:  {41, 42, 43},
	grpS0r:  {44, 45, 46},
	grpN0l:  {47, 48, 49},
	grpS0l2: {53, 54, 55},
	grpS0r2: {56, 57, 58},
	grpN0l2: {59, 60, 61},
}

// extractMode says which templates extract writes.
type extractMode uint8

const (
	// modeFull writes every template: feature t is template t (training
	// uses every feature).
	modeFull extractMode = iota
	// modeCompact leaves out the templates of the absent groups.
	modeCompact
	// modeUnshared is modeCompact that also leaves out the stack- and
	// buffer-only templates (see stackTemplates).
	modeUnshared
)

// Shared templates: the templates that read only S0's word (stackTemplates)
// or only the words from N0 on (bufferTemplates; N1 and N2 follow N0 in
// arc-eager). Their summed weights depend on one token index, so the beam
// decoder sums them once per token and sentence (sharedVecs) instead of
// once per item and step; TestSharedTemplates checks the lists against
// extract.
var (
	stackTemplates  = []int{0, 1, 2, 78, 84, 89}
	bufferTemplates = []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 19, 20, 77, 79, 80, 85, 86, 88}
)

// extract writes the features of configuration st into out (len >=
// maxFeatures), the templates mode says, and returns how many it wrote and
// the absent groups as a bit mask (see groupTemplates).
//
// Tuned: called twice per token; no allocation, no maps.
func extract(st *state, in *input, out []uint64, mode extractMode) (int, uint32) {
	compact, unshared := mode != modeFull, mode == modeUnshared
	n := int32(st.n)
	w := func(i int32) uint64 {
		if i < 0 {
			return noneVal
		}
		return in.words[i]
	}
	p := func(i int32) uint64 {
		if i < 0 {
			return noneVal
		}
		return in.tags[i]
	}
	l := func(i int32) uint64 {
		if i < 0 || i >= n {
			return noneVal
		}
		return uint64(st.label[i] + 2)
	}
	s0 := st.s0()
	s1 := st.s1()
	n0 := st.b0
	n1, n2 := int32(-1), int32(-1)
	if n0+1 <= n {
		n1 = n0 + 1
	}
	if n0+2 <= n {
		n2 = n0 + 2
	}
	var s0h, s0h2, s0l, s0r, s0l2, s0r2, n0l, n0l2 int32 = -1, -1, -1, -1, -1, -1, -1, -1
	var s0vl, s0vr, n0vl uint64
	var s0sl, s0sr, n0sl uint64
	dist := uint64(0)
	if s0 >= 0 {
		s0h = st.head[s0]
		if s0h >= 0 && s0h < n {
			s0h2 = st.head[s0h]
		}
		s0l, s0l2, s0r, s0r2 = st.l1[s0], st.l2[s0], st.r1[s0], st.r2[s0]
		s0vl, s0vr = uint64(st.nl[s0]), uint64(st.nr[s0])
		s0sl, s0sr = st.ls[s0], st.rs[s0]
		d := n0 - s0
		if n0 == n {
			d = 0 // distance to the root token is meaningless
		}
		if d > 10 {
			d = 10
		}
		dist = uint64(d) + 1
	}
	n0l, n0l2 = st.l1[n0], st.l2[n0]
	n0vl = uint64(st.nl[n0])
	n0sl = st.ls[n0]

	S0w, S0p, N0w, N0p := w(s0), p(s0), w(n0), p(n0)
	N1w, N1p, N2w, N2p := w(n1), p(n1), w(n2), p(n2)
	k, t := 0, 0 // features written, template id
	add := func(a, b, c uint64) {
		out[k] = mix(uint64(t+1), a, b, c)
		k++
		t++
	}
	// sh adds a shared template.
	sh := func(a, b, c uint64) {
		if unshared {
			t++
			return
		}
		add(a, b, c)
	}
	var mask uint32
	// uni adds the unigram template of a position of group g and marks
	// the group absent when the position does not exist; in compact mode
	// it then leaves the template out.
	uni := func(g int, pos int32, v uint64) {
		if pos < 0 {
			mask |= 1 << g
			if compact {
				t++
				return
			}
		}
		add(v, 0, 0)
	}
	// single words
	sh(S0w, S0p, 0)
	sh(S0w, 0, 0)
	sh(S0p, 0, 0)
	sh(N0w, N0p, 0)
	sh(N0w, 0, 0)
	sh(N0p, 0, 0)
	sh(N1w, N1p, 0)
	sh(N1w, 0, 0)
	sh(N1p, 0, 0)
	sh(N2w, N2p, 0)
	sh(N2w, 0, 0)
	sh(N2p, 0, 0)
	// word pairs
	add(mix(0, S0w, S0p, 0), N0w, N0p)
	add(mix(0, S0w, S0p, 0), N0w, 0)
	add(S0w, mix(0, N0w, N0p, 0), 0)
	add(mix(0, S0w, S0p, 0), N0p, 0)
	add(S0p, N0w, N0p)
	add(S0w, N0w, 0)
	add(S0p, N0p, 0)
	sh(N0p, N1p, 0)
	// three words
	sh(N0p, N1p, N2p)
	add(S0p, N0p, N1p)
	add(p(s0h), S0p, N0p)
	add(S0p, p(s0l), N0p)
	add(S0p, p(s0r), N0p)
	add(S0p, N0p, p(n0l))
	// distance
	add(S0w, dist, 0)
	add(S0p, dist, 0)
	add(N0w, dist, 0)
	add(N0p, dist, 0)
	add(S0w, N0w, dist)
	add(S0p, N0p, dist)
	// valency
	add(S0w, s0vr, 0)
	add(S0p, s0vr, 0)
	add(S0w, s0vl, 0)
	add(S0p, s0vl, 0)
	add(N0w, n0vl, 0)
	add(N0p, n0vl, 0)
	// unigrams
	uni(grpS0h, s0h, w(s0h))
	uni(grpS0h, s0h, p(s0h))
	add(l(s0), 0, 0)
	uni(grpS0l, s0l, w(s0l))
	uni(grpS0l, s0l, p(s0l))
	uni(grpS0l, s0l, l(s0l))
	uni(grpS0r, s0r, w(s0r))
	uni(grpS0r, s0r, p(s0r))
	uni(grpS0r, s0r, l(s0r))
	uni(grpN0l, n0l, w(n0l))
	uni(grpN0l, n0l, p(n0l))
	uni(grpN0l, n0l, l(n0l))
	// third order
	uni(grpS0h2, s0h2, w(s0h2))
	uni(grpS0h2, s0h2, p(s0h2))
	uni(grpS0h, s0h, l(s0h))
	uni(grpS0l2, s0l2, w(s0l2))
	uni(grpS0l2, s0l2, p(s0l2))
	uni(grpS0l2, s0l2, l(s0l2))
	uni(grpS0r2, s0r2, w(s0r2))
	uni(grpS0r2, s0r2, p(s0r2))
	uni(grpS0r2, s0r2, l(s0r2))
	uni(grpN0l2, n0l2, w(n0l2))
	uni(grpN0l2, n0l2, p(n0l2))
	uni(grpN0l2, n0l2, l(n0l2))
	add(S0p, p(s0l), p(s0l2))
	add(S0p, p(s0r), p(s0r2))
	add(S0p, p(s0h), p(s0h2))
	add(N0p, p(n0l), p(n0l2))
	// label sets
	add(S0w, s0sr, 0)
	add(S0p, s0sr, 0)
	add(S0w, s0sl, 0)
	add(S0p, s0sl, 0)
	add(N0w, n0sl, 0)
	add(N0p, n0sl, 0)
	// S1 and extra context
	add(w(s1), p(s1), 0)
	add(p(s1), S0p, N0p)
	add(p(s1), S0p, 0)
	add(S0p, N0p, l(s0))
	add(S0w, N0p, N1p)
	sh(N0w, N1w, 0)
	if len(in.cls) > 0 {
		// Word classes: clusters (low half) and tag ambiguity classes
		// (high half) of S0, N0 and N1.
		cf := func(i int32) uint64 {
			if i < 0 {
				return noneVal
			}
			return uint64(in.cls[i] & 0xffff)
		}
		ac := func(i int32) uint64 {
			if i < 0 {
				return noneVal
			}
			return uint64(in.cls[i] >> 16)
		}
		sh(cf(s0), 0, 0)
		sh(cf(n0), 0, 0)
		sh(cf(n1), 0, 0)
		add(cf(s0), cf(n0), 0)
		add(cf(s0), N0p, 0)
		add(S0p, cf(n0), 0)
		sh(ac(s0), 0, 0)
		sh(ac(n0), 0, 0)
		sh(ac(n1), 0, 0)
		add(ac(s0), ac(n0), 0)
		sh(ac(n0), N0p, 0)
		sh(ac(s0), S0p, 0)
	}
	return k, mask
}

// absentTable sums, for every mask of absent groups, the weights of the
// constant features those groups stand for: entry mask*nclass+c is the
// score they give class c.
func absentTable(w *weights, nclass int) []int32 {
	var ss scoreScratch
	group := make([]int32, numGroups*nclass)
	for g, ids := range groupTemplates {
		for _, id := range ids {
			f := [1]uint64{mix(uint64(id+1), noneVal, 0, 0)}
			w.score(f[:], group[g*nclass:(g+1)*nclass], &ss)
		}
	}
	table := make([]int32, (1<<numGroups)*nclass)
	for m := 1; m < 1<<numGroups; m++ {
		g := bits.TrailingZeros(uint(m))
		row := table[m*nclass : (m+1)*nclass]
		copy(row, table[(m&(m-1))*nclass:])
		for c, v := range group[g*nclass : (g+1)*nclass] {
			row[c] += v
		}
	}
	return table
}

// baseScores starts scores from the weights of the absent groups' constant
// features.
func (p *Parser) baseScores(absent uint32, scores []int32) {
	copy(scores, p.absent[int(absent)*p.nclass:])
}
