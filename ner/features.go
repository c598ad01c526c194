package ner

import (
	"slices"
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

const pad = 2

// word holds the hashes of one token.
type word struct {
	lw, fw, sh uint64
	suf        [3]uint64 // suffixes of 2..4 bytes
	pre        [2]uint64 // prefixes of 2..3 bytes
	flags      uint64
	cc, cf     uint64
	gz         uint64
	cs         uint64
}

const (
	flagUpper = 1 << iota
	flagAllUpper
	flagDigit
	flagHyphen
	flagFirst
	flagLower
)

// sequence is per-sentence scratch space, reused through a sync.Pool.
type sequence struct {
	forms         []string
	words         []word
	lws           []uint64
	gaz           []uint64
	labels        []int32
	casing        uint64 // casing of the whole sentence
	feats, lfeats []uint64
	hyps, cands   []hyp
	beam          beamScratch[int32]
	cache         perceptron.RowCache // scores of word features, per word
	scores        []int32
	buf           []byte
	// Process: the document's forms, its units (sentences or pieces of
	// them), their forms and their mentions.
	docForms  []string
	units     []chronicle.TokenRange
	unitForms [][]string
	found     [][]Mention
}

var padWord = word{lw: perceptron.Hash(1, "<pad>"), fw: perceptron.Hash(2, "<pad>"), sh: perceptron.Hash(3, "<pad>"),
	cc: 1 << 40, cf: 1 << 40, gz: 1 << 40}

// load computes the word hashes and gazetteer matches of s.forms.
func (r *Recognizer) load(s *sequence) {
	n := len(s.forms)
	s.lws = s.lws[:0]
	s.words = s.words[:0]
	for range pad {
		s.words = append(s.words, padWord)
	}
	for i, f := range s.forms {
		var w word
		s.buf = perceptron.AppendLower(s.buf[:0], f)
		low := s.buf
		w.lw = perceptron.HashBytes(1, low)
		w.fw = perceptron.Hash(2, f)
		for k := range w.suf {
			if k+2 <= len(low) {
				w.suf[k] = perceptron.HashBytes(uint32(4+k), low[len(low)-k-2:])
			}
		}
		for k := range w.pre {
			if k+2 <= len(low) {
				w.pre[k] = perceptron.HashBytes(uint32(8+k), low[:k+2])
			}
		}
		start := len(s.buf)
		s.buf = perceptron.AppendShape(s.buf, f)
		w.sh = perceptron.HashBytes(3, s.buf[start:])
		if perceptron.IsUpperStart(f) {
			w.flags |= flagUpper
			if len(f) > 1 && strings.IndexFunc(f, isLowerASCII) < 0 {
				w.flags |= flagAllUpper
			}
		} else if len(f) > 0 && 'a' <= f[0] && f[0] <= 'z' {
			w.flags |= flagLower
		}
		if strings.ContainsAny(f, "0123456789") {
			w.flags |= flagDigit
		}
		if strings.IndexByte(f, '-') > 0 {
			w.flags |= flagHyphen
		}
		if i == 0 {
			w.flags |= flagFirst
		}
		if v, ok := r.clusters.Coarse.Get(w.lw); ok {
			w.cc = uint64(v) + 1
		}
		if v, ok := r.clusters.Fine.Get(w.lw); ok {
			w.cf = uint64(v) + 1
		}
		if v, ok := r.cs.Get(w.lw); ok {
			w.cs = uint64(v) + 1
		}
		s.lws = append(s.lws, w.lw)
		s.words = append(s.words, w)
	}
	for range pad {
		s.words = append(s.words, padWord)
	}
	if cap(s.gaz) < n {
		s.gaz = make([]uint64, n)
		s.labels = make([]int32, n)
	}
	s.gaz, s.labels = s.gaz[:n], s.labels[:n]
	r.gaz.match(s.lws, s.gaz)
	var up, low int
	for i := range n {
		switch w := &s.words[i+pad]; {
		case w.flags&flagUpper != 0:
			up++
		case w.flags&flagLower != 0:
			low++
		}
	}
	switch {
	case up == 0:
		s.casing = 1 // all lower case
	case low == 0:
		s.casing = 2 // headline or shouting
	case up*2 > low:
		s.casing = 3 // title case
	default:
		s.casing = 4
	}
	for i := range n {
		s.words[i+pad].gz = s.gaz[i]
	}
}

func isLowerASCII(r rune) bool { return 'a' <= r && r <= 'z' }

// staticFeatures returns the features of token i that do not depend on
// the labels before it; they are scored once per token, whatever the
// history.
//
// Tuned: called once per token; it must not allocate.
func (s *sequence) staticFeatures(i int) (f []uint64, word int) {
	c := perceptron.Combine
	ws := s.words
	w, wp, wpp, wn, wnn := &ws[i+pad], &ws[i+pad-1], &ws[i+pad-2], &ws[i+pad+1], &ws[i+pad+2]
	// First the features of the word alone (its form, flags, gazetteer
	// match and the sentence's casing), whose scores recognize caches per
	// word; then those of its neighbours.
	f = append(s.feats[:0],
		1,
		w.lw, w.fw, w.sh,
		w.suf[0], w.suf[1], w.suf[2], w.pre[0], w.pre[1],
		c(27, w.flags, 0),
		c(30, w.cf, 0), c(31, w.cc, 0), c(35, w.cf, w.flags),
		c(40, w.gz, 0), c(43, w.gz, w.flags),
		c(51, s.casing, w.flags), c(52, s.casing, w.gz), c(53, w.cs, w.flags), c(54, w.cs, s.casing),
		c(56, s.casing, w.cf),
	)
	if w.pre[1] == 0 {
		// A word too short for some affixes has zero hashes for them; they
		// must go, as Model.Scores does not skip zero and a zero key can
		// reach the row of the bias feature (key 1) in its table.
		f = slices.DeleteFunc(f, isZero)
	}
	word = len(f)
	f = append(f,
		c(10, wp.lw, 0), c(11, wn.lw, 0), c(12, wpp.lw, 0), c(13, wnn.lw, 0),
		c(14, wp.sh, 0), c(15, wn.sh, 0),
		c(25, wp.lw, w.lw), c(26, w.lw, wn.lw),
		c(28, w.flags, wp.flags), c(29, w.flags, wn.flags),
		c(32, wp.cf, 0), c(33, wn.cf, 0),
		c(41, wp.gz, 0), c(42, wn.gz, 0),
		c(47, w.sh, wn.sh),
		c(49, wp.fw, 0), c(50, wn.fw, 0),
		c(55, wn.cs, wn.flags),
	)
	s.feats = f
	return f, word
}

// wordKey is the key of token i's word features in the sequence's cache:
// everything they depend on.
func (s *sequence) wordKey(i int) uint64 {
	w := &s.words[i+pad]
	return perceptron.Combine(61, w.fw, perceptron.Combine(62, w.flags|s.casing<<32, w.gz)) | 1
}

// wordCacheSize is the number of words a sequence's cache holds (rows of
// numClasses scores).
const wordCacheSize = 4096

func isZero(h uint64) bool { return h == 0 }

// labelFeatures returns the features of token i that combine it with the
// two previous labels (-1 before the sentence): those of prevFeatures and
// the transition feature.
func (s *sequence) labelFeatures(i, p1, p2 int) []uint64 {
	f := append(s.prevFeatures(i, p1), transFeature(p1, p2))
	s.lfeats = f
	return f
}

// prevFeatures returns the features of token i that combine it with the
// previous label p1 (-1 before the sentence).
//
// Tuned: called once per token and distinct previous label in the beam; it
// must not allocate.
func (s *sequence) prevFeatures(i, p1 int) []uint64 {
	c := perceptron.Combine
	w := &s.words[i+pad]
	t1 := uint64(p1 + 1)
	f := append(s.lfeats[:0],
		c(20, t1, 0), c(22, t1, w.sh), c(23, t1, w.lw), c(34, t1, w.cc), c(44, t1, w.gz), c(57, t1, w.cs),
	)
	s.lfeats = f
	return f
}

// transFeature is the feature of the two previous labels. It depends on
// nothing else, so a Recognizer keeps its scores in a table.
func transFeature(p1, p2 int) uint64 {
	return perceptron.Combine(21, uint64(p1+1), uint64(p2+1))
}
