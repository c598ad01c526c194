package parse

import (
	"fmt"

	"github.com/chronicle-news/chronicle/perceptron"
)

// WordClasses are classes of words learned outside the parser: the POS
// tagger's word clusters (from unlabelled news) and its tag ambiguity
// classes (the set of tags a word was seen with). Features over them
// generalise across rare words and let the parser see past a wrong
// predicted tag. Both indexes are keyed by perceptron.HashBytes(1,
// lower-case form), as the tagger keys them. A model trained with them
// keeps a merged copy, so it does not depend on the tagger at parse time.
type WordClasses struct {
	Cluster, Ambiguity *perceptron.Index
}

// rootClass is the class value of the artificial root token; real values
// have both halves below 0xffff.
const rootClass = 0xffffffff

// merge packs both classes of each word into one value, cluster+1 in the
// low half and ambiguity class+1 in the high half (0: none). It returns nil
// when wc is empty.
func (wc WordClasses) merge() (*perceptron.Index, error) {
	m := map[uint64]uint32{}
	for _, x := range []struct {
		idx   *perceptron.Index
		shift uint
	}{{wc.Cluster, 0}, {wc.Ambiguity, 16}} {
		if x.idx == nil {
			continue
		}
		for k, v := range x.idx.All() {
			if v >= 0xfffe {
				return nil, fmt.Errorf("parse: word class %d is too large", v)
			}
			m[k] |= (v + 1) << x.shift
		}
	}
	if len(m) == 0 {
		return nil, nil
	}
	return perceptron.NewIndex(m), nil
}

// initClasses sizes in.cls for n words, or empties it when table is nil
// (the model has no word classes, and extract leaves their features out).
func (in *input) initClasses(table *perceptron.Index, n int) {
	if table == nil {
		in.cls = in.cls[:0]
		return
	}
	if cap(in.cls) < n+1 {
		in.cls = make([]uint32, n+1, n+1+n/2)
	}
	in.cls = in.cls[:n+1]
	in.cls[n] = rootClass
}

// setClass looks up the classes of word i in table (after initClasses
// with the same table). buf is scratch space for lower-casing; the grown
// buffer is returned.
func (in *input) setClass(i int, form string, table *perceptron.Index, buf []byte) []byte {
	if table == nil {
		return buf
	}
	buf = perceptron.AppendLower(buf[:0], form)
	in.cls[i], _ = table.Get(perceptron.HashBytes(1, buf))
	return buf
}
