package timex

import (
	"sort"
	"strings"

	"github.com/chronicle-news/chronicle"
)

// pastWords are irregular past-tense verbs common in news. Read-only.
var pastWords = map[string]bool{
	"said": true, "told": true, "met": true, "went": true, "came": true, "made": true, "took": true,
	"gave": true, "held": true, "saw": true, "began": true, "spoke": true, "left": true, "ran": true,
	"won": true, "lost": true, "sent": true, "found": true, "brought": true, "thought": true, "knew": true,
	"became": true, "fell": true, "rose": true, "got": true, "struck": true, "wrote": true, "chose": true,
	"sold": true, "bought": true, "paid": true, "led": true, "fought": true, "caught": true, "felt": true,
	"kept": true, "meant": true, "heard": true, "stood": true, "drew": true, "flew": true, "grew": true,
	"threw": true, "broke": true, "spent": true, "built": true, "was": true, "were": true, "had": true,
	"did": true, "wasn": true, "weren": true, "didn": true, "hadn": true, "sought": true, "shot": true,
	"fled": true, "hit": false, "quit": false, "ended": true, "died": true, "tried": true, "agreed": true,
}

// futureWords mark a future clause.
var futureWords = map[string]bool{
	"will": true, "shall": true, "ll": true, "wo": true, "tomorrow": true, "plans": true, "scheduled": true,
	"upcoming": true, "expected": true, "due": true, "would": true, "planned": true, "planning": true,
	"plan": true, "intends": true, "hopes": true,
}

// wordTense guesses the tense of the clause around words [i, j) from the
// words themselves: the nearest past-tense verb or future marker wins.
func wordTense(p *parser, i, j int) int {
	best, bestDist := tenseNone, 1<<30
	deadline := false
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		if p.sentenceEnd(k) {
			break
		}
		w := &p.w[k]
		if k == i-1 && (w.is("by") || w.is("until") || w.is("till") || w.is("through")) {
			deadline = true // "by February": a deadline, unless a past verb says otherwise
			continue
		}
		if t := wordCue(w); t != tenseNone {
			// "had been due", "was expected": a future seen from the past.
			if t == tenseFuture && !w.is("will") && !w.is("ll") && !w.is("shall") && !w.is("would") && k > 0 &&
				(p.w[k-1].is("was") || p.w[k-1].is("were") || p.w[k-1].is("been") || p.w[k-1].is("had")) {
				t = tensePast
			}
			// A participle after "be" takes the tense of the auxiliary:
			// "would be paid", "will be held".
			if t == tensePast && k > 0 && (p.w[k-1].is("be") || p.w[k-1].is("been") || p.w[k-1].is("being")) {
				continue
			}
			best, bestDist = t, i-k
			break
		}
	}
	if deadline && best != tensePast {
		return tenseFuture
	}
	for k := j; k < len(p.w) && k < j+8; k++ {
		if p.sentenceEnd(k) {
			break
		}
		w := &p.w[k]
		if t := wordCue(w); t != tenseNone {
			if d := k - j + 2; d < bestDist {
				best = t
			}
			break
		}
	}
	return best
}

// sentenceEnd reports whether word k ends a sentence or clause: ; ? ! or
// a period followed by space that does not close a one-letter abbreviation
// ("a.m.", "U.S.").
func (p *parser) sentenceEnd(k int) bool {
	w := &p.w[k]
	if w.brk {
		return true // a headline or a paragraph ends with the line
	}
	if w.cls != cPunct {
		return false
	}
	switch w.low[0] {
	case ';', '?', '!':
		return true
	case '.':
		return w.space && !(k > 0 && p.w[k-1].cls == cAlpha && p.w[k-1].n == 1)
	}
	return false
}

func wordCue(w *word) int {
	if w.cls != cAlpha || w.n < 2 {
		return tenseNone
	}
	s := string(w.low[:w.n])
	if futureWords[s] {
		return tenseFuture
	}
	if pastWords[s] {
		return tensePast
	}
	if w.n >= 4 && strings.HasSuffix(s, "ed") && !strings.HasSuffix(s, "eed") && !w.upper {
		switch s {
		case "hundred", "united", "limited", "based", "related", "need", "detailed", "advanced":
			return tenseNone
		}
		return tensePast
	}
	return tenseNone
}

// hasTags reports whether the tokens carry Penn Treebank tags.
func hasTags(toks []chronicle.Token) bool {
	n := 0
	for i := 0; i < len(toks) && i < 20; i++ {
		if toks[i].XPOS != "" {
			n++
		}
	}
	return n > 0
}

// tagTense decides the tense of the clause holding the token at byte off
// from tags and, when parsed, from the governing verb and its auxiliaries.
func tagTense(toks []chronicle.Token, off int) int {
	t := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > off })
	if t >= len(toks) {
		return tenseNone
	}
	if toks[t].Deprel != "" {
		v := int(toks[t].Head)
		// climb out of the expression (and a preposition) to the predicate
		for steps := 0; steps < 3 && v >= 0 && v < len(toks) && !strings.HasPrefix(toks[v].XPOS, "VB") && toks[v].XPOS != "MD"; steps++ {
			v = int(toks[v].Head)
		}
		if v >= 0 && v < len(toks) && strings.HasPrefix(toks[v].XPOS, "VB") {
			if tt := verbTense(toks, v); tt != tenseNone {
				return tt
			}
		}
	}
	// nearest verb in a window, unparsed
	for d := 1; d <= 10; d++ {
		for _, k := range [2]int{t - d, t + d} {
			if k < 0 || k >= len(toks) {
				continue
			}
			switch x := toks[k].XPOS; {
			case x == "VBD":
				return tensePast
			case x == "MD":
				if futureModal(strings.ToLower(toks[k].Lemma)) {
					return tenseFuture
				}
			}
		}
	}
	return tenseNone
}

func futureModal(lemma string) bool {
	switch lemma {
	case "will", "'ll", "shall", "wo", "ll":
		return true
	}
	return false
}

// verbTense reads the tense of verb v from its tag and its auxiliaries.
func verbTense(toks []chronicle.Token, v int) int {
	tense := tenseNone
	switch toks[v].XPOS {
	case "VBD":
		tense = tensePast
	}
	for k := max(0, v-6); k < v; k++ {
		if int(toks[k].Head) != v || !strings.HasPrefix(toks[k].Deprel, "aux") {
			continue
		}
		switch toks[k].XPOS {
		case "MD":
			if futureModal(strings.ToLower(toks[k].Lemma)) {
				return tenseFuture
			}
			return tenseNone
		case "VBD":
			return tensePast
		case "VBZ", "VBP":
			if toks[v].XPOS == "VBN" {
				return tensePast // present perfect
			}
			if toks[v].XPOS == "VBG" {
				return tenseFuture // "is meeting Monday"
			}
		}
	}
	return tense
}
