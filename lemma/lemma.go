// Package lemma is a lemmatizer learned from a treebank: a lexicon of
// (form, tag) → lemma for the words seen in training, and suffix rules
// ("strip n bytes, append s", chosen by the longest known suffix of up to
// MaxSuffix bytes and the tag) for the others.
//
// No maintained Go lemmatizer takes the part of speech into account (the
// lexicon-only ones cannot tell "saw" the noun from "saw" the verb), so
// Chronicle learns its own from UD English data, whose lemma conventions
// are the ones scored.
package lemma

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chronicle-news/chronicle/perceptron"
)

// MaxSuffix is the longest suffix, in bytes, a rule looks at.
const MaxSuffix = 5

const (
	tplLex  = 0x1e00
	tplRule = 0x1e01
)

// Lemmatizer maps a word and its tag id to a lemma. It is read-only and safe
// for concurrent use.
type Lemmatizer struct {
	lex    *perceptron.Index // lexKey(form, tag) -> index in lemmas
	lemmas []string
	rules  *perceptron.Index // ruleKey(suffix, tag) -> index in strip/add
	strip  []uint8
	add    []string
}

func lexKey(form string, tag uint32) uint64 {
	return perceptron.Combine(tplLex, perceptron.Hash(0, form), uint64(tag))
}

func ruleKey(suffix []byte, tag uint32) uint64 {
	return perceptron.Combine(tplRule, perceptron.HashBytes(0, suffix), uint64(tag))
}

// Lemma returns the lemma of form with tag id tag. With keepCase (proper
// nouns) rules apply to the form as written, else to its lower case. buf is
// scratch space, returned grown for reuse. The result is a substring of form
// or an interned lexicon string whenever possible, so most calls do not
// allocate.
func (l *Lemmatizer) Lemma(form string, tag uint32, keepCase bool, buf []byte) (string, []byte) {
	if id, ok := l.lex.Get(lexKey(form, tag)); ok {
		return l.lemmas[id], buf
	}
	base := buf[:0]
	if keepCase {
		base = append(base, form...)
	} else {
		base = perceptron.AppendLower(base, form)
	}
	lowered := string(base) != form
	for k := min(MaxSuffix, len(base)); k >= 0; k-- {
		id, ok := l.rules.Get(ruleKey(base[len(base)-k:], tag))
		if !ok {
			continue
		}
		strip, add := int(l.strip[id]), l.add[id]
		if strip > len(base) {
			break
		}
		n := len(base) - strip
		if add == "" {
			if d := doubleL(base, n); d != 0 {
				return string(base[:n+d]), base
			}
			if !lowered {
				return form[:n], base
			}
		}
		return string(base[:n]) + add, base
	}
	if !lowered {
		return form, base
	}
	return string(base), base
}

// doubleL corrects a rule's cut at n in a form with a double l: suffix
// rules learned from "travelled" and "rolled" cannot tell that a stem of
// one syllable keeps both l's ("shelled": shell, "drilled": drill) while a
// longer one keeps one ("patrolled": patrol, "labelled": label). It
// returns +1 to keep one more byte, -1 to keep one fewer, or 0.
func doubleL(b []byte, n int) int {
	if n < 2 || n > len(b) {
		return 0
	}
	one := syllables(b[:n]) <= 1
	if n >= 3 && (b[n-3] == 'i' || b[n-3] == 'u') && (b[n-2] == 'a' || b[n-2] == 'e' || b[n-2] == 'o') {
		one = false // "fuel", "dial", "trial": two syllables in one vowel group
	}
	switch {
	case n < len(b) && b[n-1] == 'l' && b[n] == 'l' && b[n-2] != 'l' && one:
		return 1
	case b[n-1] == 'l' && b[n-2] == 'l' && n < len(b) && !one && n >= 3 && isVowel(b[n-3]):
		return -1
	}
	return 0
}

// syllables counts the vowel groups of an ASCII word.
func syllables(w []byte) int {
	n, prev := 0, false
	for _, c := range w {
		v := isVowel(c) || c == 'y' && n > 0
		if v && !prev {
			n++
		}
		prev = v
	}
	return n
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// Builder collects training examples for a Lemmatizer.
type Builder struct {
	lex   map[string]map[string]int // form\x00tag -> lemma -> count
	rules map[uint64]map[string]int // ruleKey -> rule -> count
	kids  map[uint64]uint64         // ruleKey -> key of the next shorter suffix
	keep  map[uint32]bool           // tag -> keepCase
	buf   []byte
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{lex: map[string]map[string]int{}, rules: map[uint64]map[string]int{}, kids: map[uint64]uint64{}, keep: map[uint32]bool{}}
}

// Add counts one occurrence of form with tag and gold lemma.
func (b *Builder) Add(form string, tag uint32, lemma string, keepCase bool) {
	if lemma == "" || lemma == "_" {
		return
	}
	lk := fmt.Sprintf("%s\x00%d", form, tag)
	if b.lex[lk] == nil {
		b.lex[lk] = map[string]int{}
	}
	b.lex[lk][lemma]++
	b.keep[tag] = keepCase
	base := b.buf[:0]
	if keepCase {
		base = append(base, form...)
	} else {
		base = perceptron.AppendLower(base, form)
	}
	b.buf = base
	cp := 0
	for cp < len(base) && cp < len(lemma) && base[cp] == lemma[cp] {
		cp++
	}
	strip := len(base) - cp
	if strip > 255 {
		return
	}
	rule := fmt.Sprintf("%d\x00%s", strip, lemma[cp:])
	parent := uint64(0)
	for k := 0; k <= min(MaxSuffix, len(base)); k++ {
		key := ruleKey(base[len(base)-k:], tag)
		if b.rules[key] == nil {
			b.rules[key] = map[string]int{}
		}
		b.rules[key][rule]++
		b.kids[key] = parent
		parent = key
	}
}

// best returns the most frequent value, ties to the smallest string.
func best(m map[string]int) string {
	var bs string
	bc := -1
	for s, c := range m {
		if c > bc || (c == bc && s < bs) {
			bs, bc = s, c
		}
	}
	return bs
}

// Build returns the Lemmatizer. Rules that say the same as the rule for the
// next shorter suffix are dropped, and lexicon entries are kept only where
// the rules would be wrong or would have to allocate.
func (b *Builder) Build() *Lemmatizer {
	l := &Lemmatizer{}
	ruleIDs := map[string]uint32{}
	chosen := map[uint64]string{}
	for k, m := range b.rules {
		chosen[k] = best(m)
	}
	ruleVals := map[uint64]uint32{}
	var ruleNames []string
	for k, r := range chosen {
		if p := b.kids[k]; p != 0 && chosen[p] == r {
			continue
		}
		if _, ok := ruleIDs[r]; !ok {
			ruleIDs[r] = 0
			ruleNames = append(ruleNames, r)
		}
		ruleVals[k] = 0
	}
	slices.Sort(ruleNames)
	for i, r := range ruleNames {
		ruleIDs[r] = uint32(i)
		s, a, _ := strings.Cut(r, "\x00")
		var n int
		fmt.Sscan(s, &n)
		l.strip = append(l.strip, uint8(n))
		l.add = append(l.add, a)
	}
	for k := range ruleVals {
		ruleVals[k] = ruleIDs[chosen[k]]
	}
	l.rules = perceptron.NewIndex(ruleVals)
	l.lex = perceptron.NewIndex(nil)

	lemmaIDs := map[string]uint32{}
	lexVals := map[uint64]uint32{}
	keys := make([]string, 0, len(b.lex))
	for k := range b.lex {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var buf []byte
	for _, k := range keys {
		form, ts, _ := strings.Cut(k, "\x00")
		var tag uint32
		fmt.Sscan(ts, &tag)
		want := best(b.lex[k])
		var got string
		got, buf = l.Lemma(form, tag, b.keep[tag], buf)
		if got == want && strings.HasPrefix(form, want) {
			continue
		}
		id, ok := lemmaIDs[want]
		if !ok {
			id = uint32(len(l.lemmas))
			lemmaIDs[want] = id
			l.lemmas = append(l.lemmas, want)
		}
		lexVals[lexKey(form, tag)] = id
	}
	l.lex = perceptron.NewIndex(lexVals)
	return l
}

// Encode appends the lemmatizer to e.
func (l *Lemmatizer) Encode(e *perceptron.Encoder) {
	e.Strings(l.lemmas)
	l.lex.Encode(e)
	e.Uvarint(uint64(len(l.strip)))
	for i := range l.strip {
		e.Uvarint(uint64(l.strip[i]))
		e.String(l.add[i])
	}
	l.rules.Encode(e)
}

// Decode reads a lemmatizer written by Encode.
func Decode(d *perceptron.Decoder) (*Lemmatizer, error) {
	l := &Lemmatizer{lemmas: d.Strings()}
	var err error
	if l.lex, err = perceptron.DecodeIndex(d, uint32(len(l.lemmas))); err != nil {
		return nil, fmt.Errorf("lemma lexicon: %w", err)
	}
	n := d.Uvarint()
	if n > uint64(d.Remaining()) {
		return nil, fmt.Errorf("lemma rules: %w", perceptron.ErrCorrupt)
	}
	for i := uint64(0); i < n; i++ {
		s := d.Uvarint()
		if s > 255 {
			return nil, fmt.Errorf("lemma rule %d: %w", i, perceptron.ErrCorrupt)
		}
		l.strip = append(l.strip, uint8(s))
		l.add = append(l.add, d.String())
	}
	if d.Err() != nil {
		return nil, fmt.Errorf("lemma rules: %w", d.Err())
	}
	if l.rules, err = perceptron.DecodeIndex(d, uint32(len(l.strip))); err != nil {
		return nil, fmt.Errorf("lemma rules: %w", err)
	}
	return l, nil
}
