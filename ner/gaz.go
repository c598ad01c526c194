package ner

import (
	"github.com/chronicle-news/chronicle/perceptron"
)

// Gazetteer kinds.
const (
	GazPlace  = 1 // country, capital, state: a GPE
	GazNORP   = 2 // nationality, religious or political group
	GazPerson = 3 // full name of a public figure
	GazFirst  = 4 // a first name
	GazOrg    = 5 // organisation, company, armed group

	numGazKinds = 6 // kinds are below this
)

// maxPhrase is the longest gazetteer phrase, in tokens.
const maxPhrase = 5

const tplGaz = 0x6a00

// gazetteer matches token sequences against phrase hashes.
type gazetteer struct {
	phrases *perceptron.Index // phraseKey -> kind
}

// phraseKey folds lower-case word hashes into one key.
func phraseKey(h, lw uint64) uint64 { return perceptron.Combine(tplGaz, h, lw) }

// newGazetteer builds a gazetteer from phrases of the given kinds, split
// into words as the tokenizer would (letters/digits runs and single marks).
func newGazetteer(phrases map[string]uint32) *gazetteer {
	m := map[uint64]uint32{}
	var buf []byte
	for p, kind := range phrases {
		h := uint64(0)
		n := 0
		for _, w := range splitPhrase(p) {
			buf = perceptron.AppendLower(buf[:0], w)
			h = phraseKey(h, perceptron.HashBytes(1, buf))
			n++
		}
		if n > 0 && n <= maxPhrase {
			if old, ok := m[h]; !ok || kind < old {
				m[h] = kind
			}
		}
	}
	return &gazetteer{phrases: perceptron.NewIndex(m)}
}

func splitPhrase(p string) []string {
	var out []string
	i := 0
	for i < len(p) {
		c := p[i]
		switch {
		case c == ' ':
			i++
		case isAlnum(c):
			j := i
			for j < len(p) && isAlnum(p[j]) {
				j++
			}
			// "U.S." stays one word, as tokenizers keep abbreviations.
			for j+1 < len(p) && p[j] == '.' && isAlnum(p[j+1]) {
				j += 2
				for j < len(p) && isAlnum(p[j]) {
					j++
				}
			}
			if j < len(p) && p[j] == '.' && j-i <= 2 && j > i && p[i] >= 'A' && p[i] <= 'Z' && j+1 <= len(p) {
				if j+1 == len(p) || p[j+1] == ' ' {
					j++
				}
			}
			out = append(out, p[i:j])
			i = j
		default:
			out = append(out, p[i:i+1])
			i++
		}
	}
	return out
}

func isAlnum(c byte) bool {
	return c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') || c == '\''
}

// match marks, for each token, the kind and BILU position of the longest
// gazetteer phrase that covers it: out[i] = kind*4 + position (0 B, 1 I,
// 2 L, 3 U), or 0 when none. lw holds the tokens' lower-case word hashes.
func (g *gazetteer) match(lw []uint64, out []uint64) {
	clear(out)
	for i := 0; i < len(lw); {
		best, kind := 0, uint32(0)
		h := uint64(0)
		for n := 1; n <= maxPhrase && i+n <= len(lw); n++ {
			h = phraseKey(h, lw[i+n-1])
			if k, ok := g.phrases.Get(h); ok {
				best, kind = n, k
			}
		}
		if best == 0 {
			i++
			continue
		}
		base := uint64(kind) * 4
		if best == 1 {
			out[i] = base + 3
		} else {
			out[i] = base
			for j := i + 1; j < i+best-1; j++ {
				out[j] = base + 1
			}
			out[i+best-1] = base + 2
		}
		i += best
	}
}
