package perceptron

import (
	"fmt"
	"iter"
	"slices"
)

// Index is a read-only open-addressing map from non-zero uint64 hashes to
// uint32 values (tag dictionaries, lexicons, gazetteers). It is safe for
// concurrent use and Get does not allocate.
type Index struct {
	mask uint64
	keys []uint64 // table; 0 = empty
	vals []uint32
	n    int
}

// NewIndex builds an Index from a map. Zero keys are ignored.
func NewIndex(m map[uint64]uint32) *Index {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	vals := make([]uint32, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return buildIndex(keys, vals)
}

func buildIndex(keys []uint64, vals []uint32) *Index {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	x := &Index{mask: uint64(size - 1), keys: make([]uint64, size), vals: make([]uint32, size), n: len(keys)}
	for i, k := range keys {
		j := k & x.mask
		for x.keys[j] != 0 {
			j = (j + 1) & x.mask
		}
		x.keys[j], x.vals[j] = k, vals[i]
	}
	return x
}

// Len returns the number of keys.
func (x *Index) Len() int { return x.n }

// Get returns the value stored for k.
func (x *Index) Get(k uint64) (uint32, bool) {
	j := k & x.mask
	for {
		switch x.keys[j] {
		case k:
			return x.vals[j], k != 0
		case 0:
			return 0, false
		}
		j = (j + 1) & x.mask
	}
}

// Encode appends the index to e, keys in ascending order.
func (x *Index) Encode(e *Encoder) {
	type kv struct {
		k uint64
		v uint32
	}
	pairs := make([]kv, 0, x.n)
	for j, k := range x.keys {
		if k != 0 {
			pairs = append(pairs, kv{k, x.vals[j]})
		}
	}
	slices.SortFunc(pairs, func(a, b kv) int {
		if a.k < b.k {
			return -1
		}
		return 1
	})
	e.Uvarint(uint64(len(pairs)))
	prev := uint64(0)
	for _, p := range pairs {
		e.Uvarint(p.k - prev)
		e.Uvarint(uint64(p.v))
		prev = p.k
	}
}

// DecodeIndex reads an index written by Encode; values must be below limit.
func DecodeIndex(d *Decoder, limit uint32) (*Index, error) {
	n := d.Uvarint()
	if d.Err() != nil {
		return nil, d.Err()
	}
	if n > uint64(d.Remaining()) {
		return nil, fmt.Errorf("%w: index of %d keys", ErrCorrupt, n)
	}
	keys := make([]uint64, n)
	vals := make([]uint32, n)
	prev := uint64(0)
	for i := range keys {
		dk := d.Uvarint()
		v := d.Uvarint()
		if d.Err() != nil {
			return nil, d.Err()
		}
		if dk == 0 || v >= uint64(limit) {
			return nil, fmt.Errorf("%w: bad index entry %d", ErrCorrupt, i)
		}
		prev += dk
		keys[i], vals[i] = prev, uint32(v)
	}
	return buildIndex(keys, vals), nil
}

// All yields every key and its value, in table order.
func (x *Index) All() iter.Seq2[uint64, uint32] {
	return func(yield func(uint64, uint32) bool) {
		for j, k := range x.keys {
			if k != 0 && !yield(k, x.vals[j]) {
				return
			}
		}
	}
}
