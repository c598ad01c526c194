package tag

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle/perceptron"
)

// CaseStats learns, for each lower-case word of the unlabelled texts and of
// the training forms, how often it is written with a capital away from the
// start of a sentence (4 buckets) and how frequent it is (log2 buckets).
// Words seen fewer than 3 times are left out. Capitalization in running news
// text is the strongest clue to proper nouns that web text (EWT) hides.
//
// The texts are split at every character that is not a letter, digit,
// apostrophe or hyphen; a word is sentence-initial after . ! ? or a blank line.
func CaseStats(texts []string, train []Example) *perceptron.Index {
	type st struct{ n, mid, capMid int }
	words := map[string]*st{}
	var buf []byte
	add := func(w string, initial bool) {
		buf = perceptron.AppendLower(buf[:0], w)
		e := words[string(buf)]
		if e == nil {
			e = &st{}
			words[string(buf)] = e
		}
		e.n++
		if !initial {
			e.mid++
			if perceptron.IsUpperStart(w) {
				e.capMid++
			}
		}
	}
	for _, text := range texts {
		initial := true
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				j := i + n
				for j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if !isWordRune(r2) {
						break
					}
					j += n2
				}
				add(text[i:j], initial)
				initial = false
				i = j
				continue
			}
			switch {
			case r == '.' || r == '!' || r == '?':
				initial = true
			case r == '\n' && i+1 < len(text) && text[i+1] == '\n':
				initial = true
			}
			i += n
		}
	}
	for _, e := range train {
		for i, f := range e.Forms {
			add(f, i == 0)
		}
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	m := map[uint64]uint32{}
	for _, k := range keys {
		e := words[k]
		if e.n < 3 {
			continue
		}
		capB := uint32(4) // never seen mid-sentence
		if e.mid > 0 {
			switch r := float64(e.capMid) / float64(e.mid); {
			case r < 0.05:
				capB = 0
			case r < 0.5:
				capB = 1
			case r < 0.95:
				capB = 2
			default:
				capB = 3
			}
		}
		freqB := uint32(bits.Len(uint(e.n)))
		m[perceptron.Hash(1, k)] = capB*32 + min(freqB, 31)
	}
	return perceptron.NewIndex(m)
}

func isWordRune(r rune) bool {
	return r == '\'' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
