package perceptron

import (
	"fmt"
	"math"
	"slices"
)

// entry is one (class, weight) cell of a feature's sparse training row, with
// the bookkeeping of lazy averaging.
type entry struct {
	class int32
	stamp int32   // instance count at the last change of w
	w     float32 // current weight
	total float64 // sum of w over all instances up to stamp
}

// Trainer learns an averaged perceptron. Rows are sparse: a feature gets a
// cell for a class only when an update touches it, so features that never
// cause an error cost nothing. A Trainer is not safe for concurrent use.
type Trainer struct {
	classes int
	index   map[uint64]int32 // feature hash -> row
	keys    []uint64
	rows    [][]entry
	n       int32 // instances seen
}

// NewTrainer returns a Trainer for the given number of classes (≥ 2).
func NewTrainer(classes int) *Trainer {
	return &Trainer{classes: classes, index: make(map[uint64]int32)}
}

// Classes returns the number of classes.
func (t *Trainer) Classes() int { return t.classes }

// Scores sets scores[c] (len(scores) ≥ Classes) to the current (not
// averaged) score of every class for the features.
func (t *Trainer) Scores(feats []uint64, scores []float32) {
	clear(scores[:t.classes])
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok || f == 0 {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// Learn counts one training instance (zero hashes in feats stand for absent
// features and are ignored): when guess differs from truth, the
// features' weights move towards truth and away from guess.
func (t *Trainer) Learn(feats []uint64, truth, guess int) {
	t.n++
	if truth == guess {
		return
	}
	for _, f := range feats {
		if f == 0 {
			continue // absent feature
		}
		r := t.row(f)
		t.bump(r, int32(truth), 1)
		t.bump(r, int32(guess), -1)
	}
}

// row returns the row of feature f, adding an empty one if f is new.
func (t *Trainer) row(f uint64) int32 {
	r, ok := t.index[f]
	if !ok {
		r = int32(len(t.rows))
		t.index[f] = r
		t.keys = append(t.keys, f)
		t.rows = append(t.rows, nil)
	}
	return r
}

// Update adds v to the weight of class for every feature (zero hashes are
// ignored) without counting an instance. Structured training, whose gold and
// predicted sequences have different features, makes its own updates and
// counts instances with Tick.
func (t *Trainer) Update(feats []uint64, class int, v float32) {
	for _, f := range feats {
		if f != 0 {
			t.bump(t.row(f), int32(class), v)
		}
	}
}

// Tick counts one training instance, for averaging, when updates are made
// with Update.
func (t *Trainer) Tick() { t.n++ }

func (t *Trainer) bump(r, class int32, v float32) {
	row := t.rows[r]
	for i := range row {
		if row[i].class == class {
			e := &row[i]
			e.total += float64(t.n-e.stamp) * float64(e.w)
			e.stamp = t.n
			e.w += v
			return
		}
	}
	t.rows[r] = append(row, entry{class: class, stamp: t.n, w: v})
}

// Model returns the averaged weights, quantized to int16, as a read-only
// Model. Cells whose averaged weight is below prune in absolute value are
// dropped. The result depends only on the sequence of Learn calls.
func (t *Trainer) Model(prune float64) *Model {
	n := float64(t.n)
	if n == 0 {
		n = 1
	}
	type cell struct {
		class int32
		w     float64
	}
	order := make([]int32, len(t.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		switch ka, kb := t.keys[a], t.keys[b]; {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	maxAbs := 0.0
	avg := make([][]cell, len(order))
	for i, r := range order {
		var cells []cell
		for _, e := range t.rows[r] {
			w := (e.total + float64(t.n-e.stamp)*float64(e.w)) / n
			if math.Abs(w) < prune || w == 0 {
				continue
			}
			cells = append(cells, cell{e.class, w})
			maxAbs = max(maxAbs, math.Abs(w))
		}
		slices.SortFunc(cells, func(a, b cell) int { return int(a.class - b.class) })
		avg[i] = cells
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	b := newBuilder(t.classes, float32(1/scale))
	for i, r := range order {
		if len(b.cls)+len(avg[i]) > maxCells {
			break // far above any model Chronicle trains; keeps offsets in 24 bits
		}
		start := len(b.cls)
		for _, c := range avg[i] {
			q := math.Round(c.w * scale)
			if q == 0 {
				continue
			}
			b.cls = append(b.cls, uint16(c.class))
			b.wt = append(b.wt, int16(q))
		}
		if len(b.cls)-start > 255 {
			// A row holds at most 255 cells: keep the strongest.
			row := avg[i]
			slices.SortStableFunc(row, func(a, b cell) int { return cmpAbs(b.w, a.w) })
			row = row[:255]
			slices.SortFunc(row, func(a, b cell) int { return int(a.class - b.class) })
			b.cls, b.wt = b.cls[:start], b.wt[:start]
			for _, c := range row {
				if q := math.Round(c.w * scale); q != 0 {
					b.cls = append(b.cls, uint16(c.class))
					b.wt = append(b.wt, int16(q))
				}
			}
		}
		if len(b.cls) > start {
			b.keys = append(b.keys, t.keys[r])
			b.ends = append(b.ends, uint32(len(b.cls)))
		}
	}
	return b.build()
}

func cmpAbs(a, b float64) int {
	switch a, b = math.Abs(a), math.Abs(b); {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Model is a frozen perceptron: an open-addressing table from feature hash
// to a sparse row of (class, int16 weight) cells. It is safe for concurrent
// use.
type Model struct {
	classes int
	unit    float32 // value of one weight step
	mask    uint64
	slots   []slot
	keys    []uint64 // row keys in ascending order (for serialization)
	ends    []uint32 // row i holds cells [ends[i-1], ends[i])
	cells   []uint32 // class<<16 | uint16(weight): one cache line serves both
	// dense holds the long rows again as dense rows (see dense.go) of
	// rowWords words; no row is dense when the classes exceed
	// 2*maxDenseWords.
	dense    []uint64
	rowWords int
}

// maxDenseWords bounds a dense row (see dense.go): the accumulator's
// size, so models of up to 128 classes.
const maxDenseWords = 64

// denseMin is the shortest row laid out dense for a model of the given
// classes (0: none).
func denseMin(classes int) int {
	if classes > 2*maxDenseWords {
		return 0
	}
	return max(classes/4, 4)
}

// slot is 8 bytes, so that the table stays small enough to be cache
// friendly: the key's high 32 bits (low bit forced on; 0 = empty) check
// the match, its low bits chose the slot; row = cell offset<<8 | count, or
// for a dense row (dense row index+1)<<8 with count 0.
type slot struct {
	tag uint32
	row uint32
}

// maxCells bounds the cells of a Model, so that an offset fits 24 bits.
const maxCells = 1 << 24

func slotTag(k uint64) uint32 { return uint32(k>>32) | 1 }

type builder struct {
	classes int
	unit    float32
	keys    []uint64
	ends    []uint32
	cls     []uint16
	wt      []int16
}

func newBuilder(classes int, unit float32) *builder {
	return &builder{classes: classes, unit: unit}
}

func (b *builder) build() *Model { return b.buildDense(-1) }

// buildDense is build laying out rows of at least long cells as dense rows
// (-1: denseMin; 0: none; the tests compare layouts).
func (b *builder) buildDense(long int) *Model {
	size := 16
	for size < 2*len(b.keys) {
		size *= 2
	}
	m := &Model{classes: b.classes, unit: b.unit, mask: uint64(size - 1), slots: make([]slot, size),
		keys: b.keys, ends: b.ends, cells: make([]uint32, len(b.cls))}
	for i := range b.cls {
		m.cells[i] = uint32(b.cls[i])<<16 | uint32(uint16(b.wt[i]))
	}
	if long < 0 {
		long = denseMin(b.classes)
	}
	if b.classes > 2*maxDenseWords {
		long = 0
	}
	m.rowWords = (b.classes + 1) / 2
	if long > 0 {
		// Sized exactly: a crafted file must not make loading allocate
		// much more than the rows themselves.
		rows, lo := 0, uint32(0)
		for _, hi := range b.ends {
			if int(hi-lo) >= long {
				rows++
			}
			lo = hi
		}
		m.dense = make([]uint64, 0, rows*m.rowWords)
	}
	lo := uint32(0)
	for i, k := range b.keys {
		j := k & m.mask
		for m.slots[j].tag != 0 {
			j = (j + 1) & m.mask
		}
		n := b.ends[i] - lo
		row := lo<<8 | n
		if long > 0 && int(n) >= long {
			d := len(m.dense) / m.rowWords
			m.dense = AppendDenseRow(m.dense, m.rowWords, m.cells[lo:b.ends[i]])
			row = uint32(d+1) << 8
		}
		m.slots[j] = slot{tag: slotTag(k), row: row}
		lo = b.ends[i]
	}
	return m
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features returns the number of features with at least one weight.
func (m *Model) Features() int { return len(m.keys) }

// Weights returns the number of stored (class, weight) cells.
func (m *Model) Weights() int { return len(m.cells) }

// Unit returns the real value of one integer weight step.
func (m *Model) Unit() float32 { return m.unit }

// Scores sets scores[c] (len(scores) ≥ Classes) to the integer score of
// every class; multiply by Unit for the real value. It does not allocate.
//
// Tuned: this is the innermost loop of the tagger and the recognizer.
func (m *Model) Scores(feats []uint64, scores []int32) {
	clear(scores[:m.classes])
	m.AddScores(feats, scores)
}

// AddScores adds the scores of feats to scores (len ≥ Classes), as Scores
// does without clearing first: callers sum cached and fresh parts.
func (m *Model) AddScores(feats []uint64, scores []int32) {
	scores = scores[:m.classes]
	slots, mask, cells := m.slots, m.mask, m.cells
	// Tuned: all rows are found first and summed after, so that the cache
	// misses of different features overlap (as in the parser).
	// The first cell of each row is read in the first pass too, which
	// starts its cache miss early.
	var found, first [64]uint32 // slot.row of each feature found, and its first cell
	// Dense rows found: at most 64 per chunk, so that their lanes stay below
	// 64<<16 and never carry into each other.
	var dense [64]uint32
	for len(feats) > 0 {
		n, nd := 0, 0
		for _, f := range feats[:min(len(feats), len(found))] {
			if f == 0 {
				// An absent feature, as in Learn; its tag would be the bias
				// feature's (slotTag(0) == slotTag(1)).
				continue
			}
			j, tag := f&mask, slotTag(f)
			for {
				s := slots[j]
				if s.tag == tag {
					if s.row&0xff != 0 {
						found[n], first[n] = s.row, cells[s.row>>8]
						n++
					} else if s.row != 0 {
						dense[nd] = s.row>>8 - 1
						nd++
					}
					break
				}
				if s.tag == 0 {
					break
				}
				j = (j + 1) & mask
			}
		}
		for i, row := range found[:n] {
			c := first[i]
			scores[c>>16] += int32(int16(uint16(c)))
			lo := row>>8 + 1
			for _, c := range cells[lo : lo+row&0xff-1] {
				scores[c>>16] += int32(int16(uint16(c)))
			}
		}
		if nd > 0 {
			m.addDense(dense[:nd], scores)
		}
		feats = feats[min(len(feats), len(found)):]
	}
}

// addDense adds dense rows (at most 64) into scores.
func (m *Model) addDense(rows []uint32, scores []int32) {
	rw := m.rowWords
	// Small models get a small accumulator: the array is zeroed whole.
	if rw <= 8 {
		var acc [8]uint64
		m.sumDense(acc[:rw], rows, scores)
		return
	}
	var acc [maxDenseWords]uint64
	m.sumDense(acc[:rw], rows, scores)
}

func (m *Model) sumDense(acc []uint64, rows []uint32, scores []int32) {
	AddDenseRows(acc, m.dense, rows)
	UnpackDense(acc, int32(len(rows))*DenseBias, scores, m.classes)
}

// Best returns the class with the highest score among those for which
// allowed is nil or allowed[c] is true, ties going to the lowest class.
func Best(scores []int32, allowed []bool) int {
	best, bs := -1, int32(math.MinInt32)
	for c, s := range scores {
		if allowed != nil && !allowed[c] {
			continue
		}
		if best < 0 || s > bs {
			best, bs = c, s
		}
	}
	return best
}

// Encode appends the model to e.
func (m *Model) Encode(e *Encoder) {
	e.Uvarint(uint64(m.classes))
	e.Float32(m.unit)
	e.Uvarint(uint64(len(m.keys)))
	prev := uint64(0)
	lo := uint32(0)
	for i, k := range m.keys {
		e.Uvarint(k - prev)
		prev = k
		hi := m.ends[i]
		e.Uvarint(uint64(hi - lo))
		pc := uint32(0)
		for _, c := range m.cells[lo:hi] {
			e.Uvarint(uint64(c>>16 - pc))
			pc = c >> 16
			e.Varint(int64(int16(uint16(c))))
		}
		lo = hi
	}
}

// DecodeModel reads a model written by Encode. It returns an error, never
// panics, on truncated or inconsistent data.
func DecodeModel(d *Decoder) (*Model, error) {
	classes := d.Uvarint()
	unit := d.Float32()
	rows := d.Uvarint()
	if d.Err() != nil {
		return nil, d.Err()
	}
	if classes < 2 || classes > math.MaxUint16 || rows > uint64(d.Remaining()) {
		return nil, fmt.Errorf("perceptron: bad header (%d classes, %d rows)", classes, rows)
	}
	b := newBuilder(int(classes), unit)
	b.keys = make([]uint64, 0, rows)
	b.ends = make([]uint32, 0, rows)
	prev := uint64(0)
	for i := uint64(0); i < rows; i++ {
		dk := d.Uvarint()
		n := d.Uvarint()
		if d.Err() != nil {
			return nil, d.Err()
		}
		k := prev + dk
		if (i > 0 && dk == 0) || k == 0 || n == 0 || n > classes || n > 255 || uint64(len(b.cls))+n > maxCells {
			return nil, fmt.Errorf("perceptron: bad row %d", i)
		}
		prev = k
		pc := uint64(0)
		for j := uint64(0); j < n; j++ {
			c := pc + d.Uvarint()
			w := d.Varint()
			// Classes strictly increase (a delta that wraps around lands
			// below pc): dense rows hold one weight per class.
			if c >= classes || (j > 0 && c <= pc) || w < math.MinInt16 || w > math.MaxInt16 {
				return nil, fmt.Errorf("perceptron: bad cell in row %d", i)
			}
			pc = c
			b.cls = append(b.cls, uint16(c))
			b.wt = append(b.wt, int16(w))
		}
		if d.Err() != nil {
			return nil, d.Err()
		}
		b.keys = append(b.keys, k)
		b.ends = append(b.ends, uint32(len(b.cls)))
	}
	return b.build(), nil
}
