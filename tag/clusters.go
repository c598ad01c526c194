package tag

import (
	"math"
	"slices"

	"github.com/chronicle-news/chronicle/perceptron"
)

// Clusters holds word clusters learned from unlabelled text: for each
// lower-case word, a coarse and a fine cluster id.
type Clusters struct {
	Coarse, Fine *perceptron.Index // Hash(1, lower-case form) -> cluster id
}

// ClusterConfig sets LearnClusters.
type ClusterConfig struct {
	MinCount     int // words seen fewer times get no cluster (default 4)
	ContextWords int // number of frequent words used as contexts (default 1000)
	Coarse, Fine int // numbers of clusters (defaults 64 and 320)
	Iterations   int // k-means iterations (default 12)
}

// LearnClusters groups words by the words seen immediately left and right of
// them (a sparse vector of context counts, square-rooted and normalized) with
// spherical k-means, seeded with the most frequent words, so the result is
// deterministic. sents is the corpus as lower-case token sequences.
func LearnClusters(sents [][]string, cfg ClusterConfig) Clusters {
	if cfg.MinCount == 0 {
		cfg.MinCount = 4
	}
	if cfg.ContextWords == 0 {
		cfg.ContextWords = 1000
	}
	if cfg.Coarse == 0 {
		cfg.Coarse = 64
	}
	if cfg.Fine == 0 {
		cfg.Fine = 320
	}
	if cfg.Iterations == 0 {
		cfg.Iterations = 12
	}
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			count[w]++
		}
	}
	vocab := make([]string, 0, len(count))
	for w, n := range count {
		if n >= cfg.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	id := make(map[string]int, len(vocab))
	for i, w := range vocab {
		id[w] = i
	}
	nctx := min(cfg.ContextWords, len(vocab))
	dims := 2*nctx + 2
	// Sparse context vectors.
	type cell struct {
		d int32
		v float32
	}
	vec := make([]map[int32]float32, len(vocab))
	for i := range vec {
		vec[i] = map[int32]float32{}
	}
	ctx := func(w string) int32 {
		if i, ok := id[w]; ok && i < nctx {
			return int32(i)
		}
		return int32(nctx) // other / boundary
	}
	for _, s := range sents {
		for i, w := range s {
			wi, ok := id[w]
			if !ok {
				continue
			}
			l, r := int32(nctx), int32(nctx)
			if i > 0 {
				l = ctx(s[i-1])
			}
			if i+1 < len(s) {
				r = ctx(s[i+1])
			}
			vec[wi][l]++
			vec[wi][int32(nctx+1)+r]++
		}
	}
	rows := make([][]cell, len(vocab))
	for i, m := range vec {
		row := make([]cell, 0, len(m))
		var norm float64
		for d, v := range m {
			sv := float32(math.Sqrt(float64(v)))
			row = append(row, cell{d, sv})
			norm += float64(sv * sv)
		}
		slices.SortFunc(row, func(a, b cell) int { return int(a.d - b.d) })
		inv := float32(1 / math.Sqrt(norm))
		for j := range row {
			row[j].v *= inv
		}
		rows[i] = row
	}
	kmeans := func(k int) []uint32 {
		k = min(k, len(rows))
		cent := make([]float32, k*dims)
		for c := 0; c < k; c++ {
			for _, e := range rows[c] {
				cent[c*dims+int(e.d)] = e.v
			}
		}
		assign := make([]uint32, len(rows))
		for it := 0; it < cfg.Iterations; it++ {
			for i, row := range rows {
				best, bs := 0, float32(-2)
				for c := 0; c < k; c++ {
					cc := cent[c*dims : (c+1)*dims]
					var s float32
					for _, e := range row {
						s += cc[e.d] * e.v
					}
					if s > bs {
						best, bs = c, s
					}
				}
				assign[i] = uint32(best)
			}
			clear(cent)
			for i, row := range rows {
				cc := cent[int(assign[i])*dims:]
				for _, e := range row {
					cc[e.d] += e.v
				}
			}
			for c := 0; c < k; c++ {
				cc := cent[c*dims : (c+1)*dims]
				var n float64
				for _, v := range cc {
					n += float64(v * v)
				}
				if n > 0 {
					inv := float32(1 / math.Sqrt(n))
					for j := range cc {
						cc[j] *= inv
					}
				}
			}
		}
		return assign
	}
	index := func(assign []uint32) *perceptron.Index {
		m := make(map[uint64]uint32, len(vocab))
		for i, w := range vocab {
			m[perceptron.Hash(1, w)] = assign[i]
		}
		return perceptron.NewIndex(m)
	}
	return Clusters{Coarse: index(kmeans(cfg.Coarse)), Fine: index(kmeans(cfg.Fine))}
}

// SplitWords splits texts into lower-case word sequences, one per line,
// at every character that is not a letter, digit, apostrophe or hyphen;
// punctuation marks become words of their own.
func SplitWords(texts []string) [][]string {
	var out [][]string
	var buf []byte
	for _, text := range texts {
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
		}
		i := 0
		for i < len(text) {
			c := text[i]
			switch {
			case c == '\n':
				flush()
				i++
			case c == ' ' || c == '\t' || c == '\r':
				i++
			default:
				j := i
				for j < len(text) && isWordByte(text, j) {
					j++
				}
				if j == i {
					j = i + 1
				}
				buf = perceptron.AppendLower(buf[:0], text[i:j])
				cur = append(cur, string(buf))
				i = j
			}
		}
		flush()
	}
	return out
}

func isWordByte(s string, i int) bool {
	c := s[i]
	return c >= 0x80 || c == '\'' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}
