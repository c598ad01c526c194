package parse

// Arc-eager transition system (Nivre 2003) with the root token at the end of
// the buffer (Ballesteros & Nivre 2013): token n of an n-token sentence is the
// artificial root, it never enters the stack, and a word becomes the sentence
// root through LEFT-ARC when the root is the buffer front.
//
// Transition classes: 0 SHIFT, 1 REDUCE, 2+2l LEFT-ARC with label l,
// 3+2l RIGHT-ARC with label l.

const (
	opShift  = 0
	opReduce = 1
	opLeft   = 2
	opRight  = 3
)

func classOp(c int) int {
	if c < 2 {
		return c
	}
	return 2 + (c & 1)
}

func classLabel(c int) int { return (c - 2) >> 1 }

// state is a parser configuration. All slices are reused across sentences;
// reset sizes them for n tokens without allocating once they are big enough.
type state struct {
	n     int
	b0    int32   // buffer front; n is the root
	stack []int32 // top at the end
	head  []int32 // -1 when unattached; n for the root
	label []int16 // label index of the arc to head, -1 when none
	// Dependents for features: leftmost, second leftmost, rightmost, second
	// rightmost (-1 when none), counts, and label sets (bit per label%64).
	l1, l2, r1, r2 []int32
	nl, nr         []int16
	ls, rs         []uint64
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n, n+n/2)
	}
	return s[:n]
}

func grow16(s []int16, n int) []int16 {
	if cap(s) < n {
		return make([]int16, n, n+n/2)
	}
	return s[:n]
}

func grow64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n, n+n/2)
	}
	return s[:n]
}

func (st *state) reset(n int) {
	st.n = n
	st.b0 = 0
	st.stack = st.stack[:0]
	m := n + 1
	st.head = grow32(st.head, m)
	st.label = grow16(st.label, m)
	st.l1 = grow32(st.l1, m)
	st.l2 = grow32(st.l2, m)
	st.r1 = grow32(st.r1, m)
	st.r2 = grow32(st.r2, m)
	st.nl = grow16(st.nl, m)
	st.nr = grow16(st.nr, m)
	st.ls = grow64(st.ls, m)
	st.rs = grow64(st.rs, m)
	for i := 0; i < m; i++ {
		st.head[i], st.label[i] = -1, -1
		st.l1[i], st.l2[i], st.r1[i], st.r2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
		st.ls[i], st.rs[i] = 0, 0
	}
}

func (st *state) terminal() bool { return len(st.stack) == 0 && int(st.b0) == st.n }

func (st *state) s0() int32 {
	if len(st.stack) == 0 {
		return -1
	}
	return st.stack[len(st.stack)-1]
}

func (st *state) s1() int32 {
	if len(st.stack) < 2 {
		return -1
	}
	return st.stack[len(st.stack)-2]
}

func (st *state) addArc(h, d int32, l int) {
	st.head[d] = h
	st.label[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		st.nl[h]++
		st.ls[h] |= bit
		switch {
		case st.l1[h] < 0 || d < st.l1[h]:
			st.l2[h], st.l1[h] = st.l1[h], d
		case st.l2[h] < 0 || d < st.l2[h]:
			st.l2[h] = d
		}
	} else {
		st.nr[h]++
		st.rs[h] |= bit
		switch {
		case st.r1[h] < 0 || d > st.r1[h]:
			st.r2[h], st.r1[h] = st.r1[h], d
		case st.r2[h] < 0 || d > st.r2[h]:
			st.r2[h] = d
		}
	}
}

// valid reports whether class c may be applied. rootLabel is the index of
// the "root" label: LEFT-ARC to the root token must use it and no other arc may.
func (st *state) valid(c, rootLabel int) bool {
	atRoot := int(st.b0) == st.n
	empty := len(st.stack) == 0
	switch classOp(c) {
	case opShift:
		return !atRoot
	case opReduce:
		return !empty && st.head[st.s0()] >= 0
	case opLeft:
		if empty || st.head[st.s0()] >= 0 {
			return false
		}
		return (classLabel(c) == rootLabel) == atRoot
	default: // opRight
		return !empty && !atRoot && classLabel(c) != rootLabel
	}
}

// forced returns the only valid class when there is one, so that the
// parser need not score it: SHIFT on an empty stack, and at the root token
// REDUCE or the root LEFT-ARC. These are about a fifth of all transitions on
// news text, and skipping them leaves every parse unchanged.
func (st *state) forced(rootLabel int) (int, bool) {
	switch {
	case int(st.b0) == st.n:
		if len(st.stack) == 0 {
			return 0, false // terminal
		}
		if st.head[st.s0()] >= 0 {
			return opReduce, true
		}
		return 2 + 2*rootLabel, true
	case len(st.stack) == 0:
		return opShift, true
	}
	return 0, false
}

func (st *state) apply(c int) {
	switch classOp(c) {
	case opShift:
		st.stack = append(st.stack, st.b0)
		st.b0++
	case opReduce:
		st.stack = st.stack[:len(st.stack)-1]
	case opLeft:
		s := st.s0()
		st.addArc(st.b0, s, classLabel(c))
		st.stack = st.stack[:len(st.stack)-1]
	default:
		st.addArc(st.s0(), st.b0, classLabel(c))
		st.stack = append(st.stack, st.b0)
		st.b0++
	}
}
