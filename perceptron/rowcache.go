package perceptron

// RowCache is a direct-mapped cache of score rows, for the features of a
// token that depend on its word alone: a tagger or recognizer scores them
// once per word type it meets instead of once per token. A key whose slot
// another key took is scored afresh. Rows hold integer sums, so a cached
// row equals a fresh one. A RowCache is per goroutine (keep it in pooled
// scratch); its zero value is ready to use.
type RowCache struct {
	keys    []uint64 // 0 = empty
	rows    []int32  // len(keys) rows of classes scores
	classes int
}

// Row returns the row of key k (never 0) for a model of the given classes,
// in a cache of size rows (a power of two), and whether it holds k's
// scores. On a miss the row now belongs to k and the caller fills it.
func (c *RowCache) Row(k uint64, classes, size int) ([]int32, bool) {
	if c.classes != classes || len(c.keys) != size {
		c.keys = make([]uint64, size)
		c.rows = make([]int32, size*classes)
		c.classes = classes
	}
	j := int(k & uint64(size-1))
	r := c.rows[j*classes : (j+1)*classes]
	if c.keys[j] == k {
		return r, true
	}
	c.keys[j] = k
	return r, false
}

// Len returns the number of keys held.
func (c *RowCache) Len() int {
	n := 0
	for _, k := range c.keys {
		if k != 0 {
			n++
		}
	}
	return n
}
