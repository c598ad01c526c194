package tag

import (
	"strings"

	"github.com/chronicle-news/chronicle/perceptron"
)

// pad is the number of padding positions on each side of a sequence.
const pad = 2

// word holds the hashes of one token that do not depend on the tags.
type word struct {
	lw, fw, sh uint64
	suf        [4]uint64 // suffixes of 1..4 bytes of the lower-case form
	pre        [3]uint64
	flags      uint64
	ac         uint64 // ambiguity class: id+1 of the set of tags seen with the word, 0 if unseen
	cs         uint64 // case statistics from unlabelled text: id+1, 0 if unseen
	cc, cf     uint64 // coarse and fine word cluster: id+1, 0 if none
}

const (
	flagUpper = 1 << iota
	flagAllUpper
	flagDigit
	flagHyphen
	flagFirst
)

// sequence is the per-sentence scratch space of the tagger. It is reused
// across sentences and calls (via a sync.Pool), so tagging does not allocate
// once it has grown to the longest sentence.
type sequence struct {
	words  []word // n + 2*pad, word i at words[i+pad]
	buf    []byte
	feats  []uint64
	scores []int32
	fscore []float32
	tags   []int32
	forms  []string
	lemBuf []byte
	cache  perceptron.RowCache // scores of the wordFeatures, per word
}

var padWord = func() word {
	w := word{ac: 1 << 40, cc: 1 << 40, cf: 1 << 40, lw: perceptron.Hash(1, "<pad>"), fw: perceptron.Hash(2, "<pad>"), sh: perceptron.Hash(3, "<pad>")}
	for k := range w.suf {
		w.suf[k] = perceptron.Hash(uint32(4+k), "<pad>")
	}
	return w
}()

// load computes the word hashes of forms.
func (s *sequence) load(forms []string, t *Tagger) {
	n := len(forms)
	s.words = s.words[:0]
	for range pad {
		s.words = append(s.words, padWord)
	}
	for i, f := range forms {
		var w word
		s.buf = perceptron.AppendLower(s.buf[:0], f)
		low := s.buf
		w.lw = perceptron.HashBytes(1, low)
		w.ac = lookup(t.amb, w.lw)
		w.cs = lookup(t.cs, w.lw)
		w.cc = lookup(t.clusters.Coarse, w.lw)
		w.cf = lookup(t.clusters.Fine, w.lw)
		w.fw = perceptron.Hash(2, f)
		for k := range w.suf {
			if k < len(low) {
				w.suf[k] = perceptron.HashBytes(uint32(4+k), low[len(low)-k-1:])
			}
		}
		for k := range w.pre {
			if k < len(low) {
				w.pre[k] = perceptron.HashBytes(uint32(8+k), low[:k+1])
			}
		}
		start := len(s.buf)
		s.buf = perceptron.AppendShape(s.buf, f)
		w.sh = perceptron.HashBytes(3, s.buf[start:])
		if perceptron.IsUpperStart(f) {
			w.flags |= flagUpper
			if len(f) > 1 && allUpper(f) {
				w.flags |= flagAllUpper
			}
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
		s.words = append(s.words, w)
	}
	for range pad {
		s.words = append(s.words, padWord)
	}
	if cap(s.tags) < n {
		s.tags = make([]int32, n)
	}
	s.tags = s.tags[:n]
}

// features returns the feature hashes of token i given the classes of the
// two tokens before it (-1 before the start). The slice is reused.
//
// Tuned: called once per token; it must not allocate.
func (s *sequence) features(i int, p1, p2 int32) []uint64 {
	c := perceptron.Combine
	ws := s.words
	w, wp, wpp, wn, wnn := &ws[i+pad], &ws[i+pad-1], &ws[i+pad-2], &ws[i+pad+1], &ws[i+pad+2]
	t1, t2 := uint64(p1+1), uint64(p2+1)
	f := append(s.feats[:0],
		// The first wordFeatures depend only on the token's form and
		// flags, so tag can cache their scores per word.
		1, // bias
		w.lw, w.fw, w.sh,
		w.suf[0], w.suf[1], w.suf[2], w.suf[3],
		w.pre[0], w.pre[1], w.pre[2],
		c(26, w.flags, 0), c(30, w.ac, 0), c(35, w.ac, w.flags),
		c(40, w.cs, w.flags), c(43, w.cs, w.suf[2]),
		c(50, w.cf, 0), c(51, w.cc, 0), c(55, w.cf, w.flags),
		// Context: neighbours and the tags before.
		c(10, wp.lw, 0), c(11, wn.lw, 0), c(12, wpp.lw, 0), c(13, wnn.lw, 0),
		c(14, wp.suf[2], 0), c(15, wn.suf[2], 0),
		c(16, wp.sh, 0), c(17, wn.sh, 0),
		c(20, t1, 0), c(21, t2, 0), c(22, t1, t2), c(23, t1, w.lw),
		c(24, wp.lw, w.lw), c(25, w.lw, wn.lw),
		c(27, t1, w.suf[2]), c(28, wn.suf[0], w.lw),
		c(31, wn.ac, 0), c(32, wp.ac, 0), c(33, t1, w.ac),
		c(34, w.ac, wn.ac), c(36, wnn.ac, 0),
		c(41, w.cs, t1), c(42, wn.cs, wn.flags),
		c(52, wp.cf, 0), c(53, wn.cf, 0), c(54, t1, w.cc),
		c(56, wn.cc, w.cc), c(57, wp.cc, w.cc), c(58, wnn.cc, 0),
	)
	s.feats = f
	return f
}

// wordFeatures is the number of leading features of (*sequence).features
// that depend on nothing but the token's own word (form and flags).
const wordFeatures = 19

// wordCacheSize is the number of words a sequence's cache holds: news
// text reuses a few thousand word types for most of its tokens. 2048 rows
// of the tagger's 117 classes take about 1 MB per pooled sequence; 1024 and
// 4096 rows measured alike (BenchmarkTag, interleaved runs).
const wordCacheSize = 2048

// allUpper reports whether s has no lower-case ASCII letter.
func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// lookup returns 1 + the value of k in x, or 0 when k is absent.
func lookup(x *perceptron.Index, k uint64) uint64 {
	if v, ok := x.Get(k); ok {
		return uint64(v) + 1
	}
	return 0
}
