package parse

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"

	"github.com/chronicle-news/chronicle/perceptron"
)

// Model file format ("parser.model"), little-endian:
//
//	magic    [8]byte "CHRPARS1" (greedy), "CHRPARS2" (beam) or "CHRPARS3"
//	         (word classes), then
//	beam     uint8 (CHRPARS2 and 3: the beam width the model was trained
//	         for; 1 is greedy, allowed in CHRPARS3 only)
//	classes  (CHRPARS3 only) uint32 count, then per word, sorted by key:
//	  key    uint64 (perceptron.HashBytes(1, lower-case form)), never 0
//	  value  uint32 (cluster+1 | (ambiguity class+1)<<16, see WordClasses)
//	nlabels  uint16, then per label: uint8 length + bytes
//	scale    float32  (weight = int16 * scale)
//	nfeat    uint32, then per feature, sorted by key:
//	  key    uint32 (folded feature hash, never 0)
//	  nent   uint16, then per entry: class uint16, weight int16
//	crc32    uint32 (IEEE) of everything before it
//
// Keys are 32-bit folds of the 64-bit feature hashes; features that collide
// after folding are merged (weights summed) when the model is written.

// MaxBeam is the widest beam a model may ask for. maxLabels bounds the
// label set (EWT with lift encodings has under 100), so that a corrupt
// file cannot make loading allocate much (the absent-group table is 256
// rows of 2+2*labels scores).
const (
	MaxBeam   = 64
	maxLabels = 1024
)

var (
	magic     = [8]byte{'C', 'H', 'R', 'P', 'A', 'R', 'S', '1'}
	magicBeam = [8]byte{'C', 'H', 'R', 'P', 'A', 'R', 'S', '2'}
	magicWC   = [8]byte{'C', 'H', 'R', 'P', 'A', 'R', 'S', '3'}
)

// weights is the read-only, quantized weight table used at parse time: an
// open-addressing hash table from folded feature key to a run of
// (class, weight) entries, or, for the few features with long runs, to a
// dense row of every class's weight.
type weights struct {
	slots []slot
	ent   []uint32 // class<<16 | uint16(weight); classes checked at load
	mask  uint32
	scale float32
	// dense holds the long runs as dense rows of rowWords words (see
	// perceptron.AppendDenseRow: two classes to a 64-bit add).
	dense    []uint64
	rowWords int
}

// slot is one hash table slot. run packs where the feature's weights are,
// so that one load finds them: a run of run>>runShift entries starting at
// ent[run&runMask], or, when that length is 0, dense row run&runMask - 1
// (run 0: the feature has no weights).
type slot struct {
	key uint32 // 0 = empty
	run uint32
}

// Slot runs and dense rows. Summing a run costs a scattered
// read-modify-write per entry; a dense row costs one add per two classes
// whatever the run's length, so it pays for runs longer than about a
// quarter of the classes (chosen on BBC news: an eighth was slower, a
// third and a fifth no faster). On news text those few features (under 0.1% of
// the accurate model's) held about two thirds of the entries the parser
// summed.
const (
	runShift   = 24
	runMask    = 1<<runShift - 1
	maxRun     = 1<<(32-runShift) - 1
	maxEntries = runMask // entries and dense rows are indexed by run&runMask
	// vecBias maps a sum of at most maxShared weights to [0, 1<<21) (see
	// sharedVecs).
	vecBias   = 1 << 20
	maxShared = 32
	_         = uint32(vecBias - maxShared<<15) // the sums fit
	// Summed lanes hold at most maxFeatures row values below 1<<16 and two
	// shared vectors' below 1<<21: below 1<<32, so lanes never carry into
	// each other.
	_ = uint32(maxFeatures<<16 + 2<<21)
)

// denseMin is the shortest run laid out as a dense row, for nclass
// classes; longer runs than a slot can describe are always dense.
func denseMin(nclass int) int { return min(max(nclass/4, 8), maxRun+1) }

// scoreScratch is score's reusable scratch space.
type scoreScratch struct {
	runs [maxFeatures][2]uint32
	rows [maxFeatures]uint32
	acc  []uint64
}

func foldKey(h uint64) uint32 {
	k := uint32(h ^ h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// slot finds the table slot of key k, or -1.
func (w *weights) slot(k uint32) int {
	if len(w.slots) == 0 {
		return -1
	}
	i := (k * 0x9e3779b1) & w.mask
	for {
		switch w.slots[i].key {
		case k:
			return int(i)
		case 0:
			return -1
		}
		i = (i + 1) & w.mask
	}
}

// scoreBufLen is the length of a score buffer that score indexes without
// bounds checks: it exceeds every class id (nclass <= 2+2*maxLabels, checked
// at load), so masking an id with scoreBufLen-1 leaves it unchanged and
// proves the index in range.
const scoreBufLen = 4096

// scoreBufLen must exceed the largest class id.
const _ = uint(scoreBufLen - (2 + 2*maxLabels) - 1)

// score adds the weights of feats (at most maxFeatures) into scores (len
// >= number of classes).
//
// Tuned: the inner loop of parsing. All probes are made first and summed
// after, so that the cache misses of different features overlap. Given a
// buffer of scoreBufLen, the sum needs no bounds check per entry. Dense
// rows are summed two classes per add into ss.acc, then unpacked once.
func (w *weights) score(feats []uint64, scores []int32, ss *scoreScratch) {
	w.scoreWith(feats, scores, ss, nil, nil)
}

// scoreWith is score that also adds two packed vectors of summed weights
// (v0 and v1 both nil, or both of rowWords words; see sharedVecs).
func (w *weights) scoreWith(feats []uint64, scores []int32, ss *scoreScratch, v0, v1 []uint64) {
	k, nd := 0, 0
	for _, f := range feats {
		if s := w.slot(foldKey(f)); s >= 0 {
			run := w.slots[s].run
			start := run & runMask
			if n := run >> runShift; n > 0 {
				ss.runs[k] = [2]uint32{start, start + n}
				k++
			} else if start > 0 {
				ss.rows[nd] = start - 1
				nd++
			}
		}
	}
	if nd > 0 || v0 != nil {
		w.sumDense(ss, nd, scores, v0, v1)
	}
	if len(scores) >= scoreBufLen {
		buf := (*[scoreBufLen]int32)(scores)
		for _, r := range ss.runs[:k] {
			for _, e := range w.ent[r[0]:r[1]] {
				buf[(e>>16)&(scoreBufLen-1)] += int32(int16(uint16(e)))
			}
		}
		return
	}
	for _, r := range ss.runs[:k] {
		for _, e := range w.ent[r[0]:r[1]] {
			scores[e>>16] += int32(int16(uint16(e)))
		}
	}
}

// sumDense adds the nd dense rows listed in ss.rows, and v0 and v1 when
// they are not nil, into scores.
func (w *weights) sumDense(ss *scoreScratch, nd int, scores []int32, v0, v1 []uint64) {
	rw := w.rowWords
	if cap(ss.acc) < rw {
		ss.acc = make([]uint64, rw)
	}
	acc := ss.acc[:rw]
	bias := int32(nd) * perceptron.DenseBias
	if v0 != nil {
		v0, v1 = v0[:len(acc)], v1[:len(acc)]
		for j := range acc {
			acc[j] = v0[j] + v1[j]
		}
		bias += 2 * vecBias
	} else {
		clear(acc)
	}
	perceptron.AddDenseRows(acc, w.dense, ss.rows[:nd])
	perceptron.UnpackDense(acc, bias, scores, 2*rw)
}

// feature is one feature with its weights, as written to a model file.
type feature struct {
	key uint32
	ent []uint32
}

// model is the decoded content of a model file.
type model struct {
	beam    int
	labels  []string
	w       weights
	classes *perceptron.Index // nil: the model reads no word classes
}

// encodeModel writes a model file; classes may be nil. A model without
// word classes keeps the older formats, so that it reproduces byte for byte.
func encodeModel(labels []string, beam int, scale float32, feats []feature, classes *perceptron.Index) ([]byte, error) {
	var b bytes.Buffer
	le := binary.LittleEndian
	var buf [8]byte
	if beam > MaxBeam {
		return nil, fmt.Errorf("parse: beam %d is too wide", beam)
	}
	switch {
	case classes != nil:
		b.Write(magicWC[:])
		b.WriteByte(byte(max(beam, 1)))
		type kv struct {
			k uint64
			v uint32
		}
		var words []kv
		for k, v := range classes.All() {
			words = append(words, kv{k, v})
		}
		slices.SortFunc(words, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		b.Write(le.AppendUint32(buf[:0], uint32(len(words))))
		for _, w := range words {
			b.Write(le.AppendUint64(buf[:0], w.k))
			b.Write(le.AppendUint32(buf[:0], w.v))
		}
	case beam > 1:
		b.Write(magicBeam[:])
		b.WriteByte(byte(beam))
	default:
		b.Write(magic[:])
	}
	if len(labels) > maxLabels {
		return nil, fmt.Errorf("parse: %d labels is too many", len(labels))
	}
	b.Write(le.AppendUint16(buf[:0], uint16(len(labels))))
	for _, l := range labels {
		if len(l) > 255 {
			return nil, fmt.Errorf("parse: label %q is too long", l)
		}
		b.WriteByte(byte(len(l)))
		b.WriteString(l)
	}
	total := 0
	for _, f := range feats {
		total += len(f.ent)
	}
	if total > maxEntries {
		return nil, fmt.Errorf("parse: %d weights is too many for a model (at most %d)", total, maxEntries)
	}
	b.Write(le.AppendUint32(buf[:0], math.Float32bits(scale)))
	b.Write(le.AppendUint32(buf[:0], uint32(len(feats))))
	for _, f := range feats {
		b.Write(le.AppendUint32(buf[:0], f.key))
		b.Write(le.AppendUint16(buf[:0], uint16(len(f.ent))))
		for _, e := range f.ent {
			b.Write(le.AppendUint32(buf[:0], e))
		}
	}
	b.Write(le.AppendUint32(buf[:0], crc32.ChecksumIEEE(b.Bytes())))
	return b.Bytes(), nil
}

// decodeModel checks and decodes a model file. Every error describes what
// is wrong; no input makes it panic.
func decodeModel(data []byte) (*model, error) { return decodeLayout(data, 0) }

// decodeLayout is decodeModel laying out runs of at least dense entries as
// dense rows (0: denseMin; the tests compare layouts).
func decodeLayout(data []byte, dense int) (*model, error) {
	var version int
	if len(data) >= len(magic)+4 {
		switch [8]byte(data[:len(magic)]) {
		case magic:
			version = 1
		case magicBeam:
			version = 2
		case magicWC:
			version = 3
		}
	}
	if version == 0 {
		return nil, fmt.Errorf("not a parser model (bad magic)")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("checksum mismatch: the model is truncated or corrupt")
	}
	r := &reader{b: body[len(magic):]}
	beam := 1
	if version >= 2 {
		if beam = int(r.u8()); beam < 1 || beam > MaxBeam || beam == 1 && version == 2 {
			return nil, fmt.Errorf("beam width %d in a beam model (2 to %d)", beam, MaxBeam)
		}
	}
	var classes *perceptron.Index
	if version == 3 {
		nw := int(r.u32())
		if r.err == nil && nw > len(r.b)/12 {
			return nil, fmt.Errorf("word class count %d exceeds the file size", nw)
		}
		words := make(map[uint64]uint32, nw)
		prev := uint64(0)
		for i := 0; i < nw && r.err == nil; i++ {
			k, v := r.u64(), r.u32()
			if r.err == nil && (k <= prev || v == 0 || v&0xffff == 0xffff || v>>16 == 0xffff) {
				return nil, fmt.Errorf("word class %d: keys not strictly increasing, or a bad value %#x", i, v)
			}
			prev = k
			words[k] = v
		}
		if r.err != nil {
			return nil, r.err
		}
		classes = perceptron.NewIndex(words)
	}
	nl := int(r.u16())
	if nl > maxLabels {
		return nil, fmt.Errorf("%d labels (at most %d)", nl, maxLabels)
	}
	m := &model{beam: beam, labels: make([]string, 0, nl), classes: classes}
	for i := 0; i < nl && r.err == nil; i++ {
		m.labels = append(m.labels, string(r.bytes(int(r.u8()))))
	}
	m.w.scale = math.Float32frombits(r.u32())
	nf := int(r.u32())
	if r.err != nil {
		return nil, r.err
	}
	if nf > len(r.b)/6 {
		return nil, fmt.Errorf("feature count %d exceeds the file size", nf)
	}
	nclass := uint32(2 + 2*nl)
	size := 1
	for size < nf*3/2+1 {
		size <<= 1
	}
	w := &m.w
	keys := make([]uint32, size)
	w.mask = uint32(size - 1)
	idx := make([]uint32, size) // slot -> feature ordinal+1
	offs := make([]uint32, nf+1)
	// Every feature takes 6 bytes plus 4 per entry: size ent exactly.
	ent := make([]uint32, 0, max(0, (len(r.b)-6*nf)/4))
	prev := uint32(0)
	for i := 0; i < nf && r.err == nil; i++ {
		k := r.u32()
		ne := int(r.u16())
		if r.err != nil {
			break
		}
		if k == 0 || (i > 0 && k <= prev) {
			return nil, fmt.Errorf("feature %d: keys not strictly increasing", i)
		}
		prev = k
		raw := r.bytes(4 * ne)
		for j := 0; j < ne && r.err == nil; j++ {
			e := binary.LittleEndian.Uint32(raw[4*j:])
			if e>>16 >= nclass {
				return nil, fmt.Errorf("feature %d: class %d out of range", i, e>>16)
			}
			// Classes strictly increase, as encodeModel writes them: one
			// weight per class is what the dense rows' and shared vectors'
			// lane bounds assume.
			if j > 0 && e>>16 <= ent[len(ent)-1]>>16 {
				return nil, fmt.Errorf("feature %d: classes not strictly increasing", i)
			}
			ent = append(ent, e)
		}
		offs[i+1] = uint32(len(ent))
		s := (k * 0x9e3779b1) & w.mask
		for keys[s] != 0 {
			s = (s + 1) & w.mask
		}
		keys[s] = k
		idx[s] = uint32(i + 1)
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%d trailing bytes", len(r.b))
	}
	if len(ent) > maxEntries {
		return nil, fmt.Errorf("%d weights is too many (at most %d)", len(ent), maxEntries)
	}
	// Lay entries out in slot order; long runs become dense rows.
	w.rowWords = int(nclass / 2) // nclass is even
	long := denseMin(int(nclass))
	if dense > 0 {
		long = min(dense, maxRun+1)
	}
	// Size both tables exactly: a crafted file must not make loading
	// allocate much more than the dense rows themselves.
	rows, sparse := 0, 0
	for i := range nf {
		if n := int(offs[i+1] - offs[i]); n >= long {
			rows++
		} else {
			sparse += n
		}
	}
	w.slots = make([]slot, size)
	w.ent = make([]uint32, 0, sparse)
	w.dense = make([]uint64, 0, rows*w.rowWords)
	for s := 0; s < size; s++ {
		f := idx[s]
		if f == 0 {
			continue
		}
		run := ent[offs[f-1]:offs[f]]
		switch {
		case len(run) == 0:
			w.slots[s] = slot{key: keys[s]}
			continue
		case len(run) < long:
			w.slots[s] = slot{key: keys[s], run: uint32(len(w.ent)) | uint32(len(run))<<runShift}
			w.ent = append(w.ent, run...)
			continue
		}
		w.slots[s] = slot{key: keys[s], run: uint32(len(w.dense)/w.rowWords) + 1}
		w.dense = perceptron.AppendDenseRow(w.dense, w.rowWords, run)
	}
	return m, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if b := r.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// sortFeatures sorts by key and merges duplicates (summing weights per class).
func sortFeatures(fs []feature) []feature {
	slices.SortFunc(fs, func(a, b feature) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	out := fs[:0]
	for _, f := range fs {
		if len(out) > 0 && out[len(out)-1].key == f.key {
			last := &out[len(out)-1]
			last.ent = mergeEntries(last.ent, f.ent)
			continue
		}
		out = append(out, f)
	}
	return out
}

func mergeEntries(a, b []uint32) []uint32 {
	for _, e := range b {
		c := e >> 16
		found := false
		for i, x := range a {
			if x>>16 == c {
				v := int32(int16(uint16(x))) + int32(int16(uint16(e)))
				v = max(min(v, math.MaxInt16), math.MinInt16)
				a[i] = c<<16 | uint32(uint16(int16(v)))
				found = true
				break
			}
		}
		if !found {
			a = append(a, e)
		}
	}
	slices.Sort(a)
	return a
}
