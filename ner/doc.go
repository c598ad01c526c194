package ner

import (
	"slices"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

// Documents splits examples into runs of the same Doc.
func Documents(ex []Example) [][]Example {
	var out [][]Example
	for i := 0; i < len(ex); {
		j := i + 1
		for j < len(ex) && ex[j].Doc == ex[i].Doc {
			j++
		}
		out = append(out, ex[i:j])
		i = j
	}
	return out
}

// propagate gives the names the model found in a document (forms and
// found mentions per sentence) to their other mentions there that it left
// out, when they are capitalized and overlap no mention:
//   - a token sequence written exactly like an organisation, found at least
//     as often as an organisation as with any other type, becomes one. Web
//     text names the same company or agency many times, often by an acronym
//     ("HANO", "CPA") whose context alone says little;
//   - a word that ends a person's name of several words ("Marco Rubio")
//     and is never found as an organisation or place becomes a person: news
//     names people by their surname after the first mention, also at the
//     start of a sentence, where its casing says nothing.
//
// Other mentions of people and places are not propagated: on UNER dev that
// lowered precision more than it raised recall.
func propagate(forms [][]string, found [][]Mention) {
	type vote struct {
		n       [numModelTypes]int // mentions by model type
		surname int                // multi-word people it ends
		orgConf float64            // highest confidence as an organisation
		perConf float64            // highest confidence of those people
	}
	var votes map[string]*vote
	var buf []byte
	get := func(words []string, add bool) *vote {
		buf = appendKey(buf[:0], words)
		v := votes[string(buf)]
		if v == nil && add {
			if votes == nil {
				votes = map[string]*vote{}
			}
			v = &vote{}
			votes[string(buf)] = v
		}
		return v
	}
	// Organisations and surnames first, then the votes of the other
	// mentions for the same words: most documents need no map.
	maxLen := 0
	for k, ms := range found {
		for _, m := range ms {
			switch t := modelTypeOf(m.Type); {
			case t == typeORG:
				v := get(forms[k][m.Start:m.End], true)
				v.orgConf = max(v.orgConf, m.Confidence)
				maxLen = max(maxLen, m.End-m.Start)
			case t == typePER && m.End-m.Start > 1 && perceptron.IsUpperStart(forms[k][m.End-1]):
				v := get(forms[k][m.End-1:m.End], true)
				v.surname++
				v.perConf = max(v.perConf, m.Confidence)
				maxLen = max(maxLen, 1)
			}
		}
	}
	if maxLen == 0 {
		return
	}
	for k, ms := range found {
		for _, m := range ms {
			if t := modelTypeOf(m.Type); t >= 0 {
				if v := get(forms[k][m.Start:m.End], false); v != nil {
					v.n[t]++
				}
			}
		}
	}
	var covered []bool
	var ends []int
	for k, ms := range found {
		f := forms[k]
		covered = slices.Grow(covered[:0], len(f))[:len(f)]
		clear(covered)
		for _, m := range ms {
			for i := m.Start; i < m.End; i++ {
				covered[i] = true
			}
		}
		added := false
		for i := 0; i < len(f); i++ {
			if covered[i] || !perceptron.IsUpperStart(f[i]) {
				continue
			}
			// buf[:ends[n]] is the key of the n words from i.
			buf, ends = buf[:0], append(ends[:0], 0)
			for n := 1; n <= min(maxLen, len(f)-i); n++ {
				if n > 1 {
					buf = append(buf, ' ')
				}
				buf = append(buf, f[i+n-1]...)
				ends = append(ends, len(buf))
			}
			for n := len(ends) - 1; n >= 1; n-- {
				if slices.Contains(covered[i:i+n], true) {
					continue
				}
				v := votes[string(buf[:ends[n]])]
				if v == nil {
					continue
				}
				m := Mention{Start: i, End: i + n}
				switch {
				case v.n[typeORG] > 0 && v.n[typeORG] >= max(v.n[typePER], v.n[typeLOC]):
					m.Type, m.Confidence = chronicle.EntityOrg, v.orgConf
				case n == 1 && v.surname > 0 && v.n[typeORG] == 0 && v.n[typeLOC] == 0:
					m.Type, m.Confidence = chronicle.EntityPerson, v.perConf
				default:
					continue
				}
				ms = append(ms, m)
				added = true
				i += n - 1
				break
			}
		}
		if added {
			slices.SortStableFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
			found[k] = ms
		}
	}
}

// Model type indexes, in modelTypes order.
const (
	typePER = iota
	typeORG
	typeLOC
)

// modelTypeOf maps an output type back to its model type (-1 for NORP).
func modelTypeOf(t string) int {
	switch t {
	case chronicle.EntityPerson:
		return typePER
	case chronicle.EntityOrg:
		return typeORG
	case chronicle.EntityGPE, chronicle.EntityLoc:
		return typeLOC
	}
	return -1
}

// appendKey appends words joined by spaces.
func appendKey(buf []byte, words []string) []byte {
	for i, w := range words {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, w...)
	}
	return buf
}
