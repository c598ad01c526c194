package actor

import (
	"sort"
	"strings"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/registry"
)

// scratch is the per-call working memory of the resolver. It is reused
// through a sync.Pool, so a warm call allocates only its results.
type scratch struct {
	first, next []int32 // dependency children as linked lists
	stack       []int32
	ments       []mention
	parent      []int32 // union-find over mentions
	ring        []int32 // circular list of each cluster's members
	byKey       map[uint64]int32
	lastHead    map[uint64]int32
	prevHead    []int32
	tokMent     []int32 // token -> innermost mention headed there, -1
	lex         *lexicon
	news        *newsScratch
	reg         *registry.Registry
}

func (s *scratch) reset(nTok int) {
	s.first = grow(s.first, nTok)
	s.next = grow(s.next, nTok)
	s.tokMent = grow(s.tokMent, nTok)
	for i := range nTok {
		s.first[i], s.next[i], s.tokMent[i] = -1, -1, -1
	}
	s.stack = s.stack[:0]
	s.ments = s.ments[:0]
	if s.byKey == nil {
		s.byKey = make(map[uint64]int32)
		s.lastHead = make(map[uint64]int32)
	}
	clear(s.byKey)
	clear(s.lastHead)
}

func grow(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n, n+n/4)
	}
	return b[:n]
}

// rel returns the universal part of a dependency relation ("nmod:poss" ->
// "nmod").
func rel(d string) string {
	if i := strings.IndexByte(d, ':'); i >= 0 {
		return d[:i]
	}
	return d
}

// parsed reports whether the document carries a dependency parse.
func parsed(doc *chronicle.Document) bool {
	for i := range doc.Tokens {
		if doc.Tokens[i].Deprel != "" {
			return true
		}
	}
	return false
}

// buildChildren fills the children lists from Token.Head (children in
// text order).
func (s *scratch) buildChildren(doc *chronicle.Document) {
	n := int32(len(doc.Tokens))
	for i := n - 1; i >= 0; i-- {
		h := doc.Tokens[i].Head
		if h < 0 || h >= n || h == i || doc.Tokens[i].Deprel == "" {
			continue
		}
		s.next[i] = s.first[h]
		s.first[h] = i
	}
}

// isMentionHead reports whether token i heads a referring noun phrase.
func isMentionHead(doc *chronicle.Document, i int) bool {
	t := &doc.Tokens[i]
	r := rel(t.Deprel)
	switch r {
	case "flat", "fixed", "goeswith", "expl", "reparandum":
		return false
	}
	switch t.UPOS {
	case "NOUN", "PROPN":
		if r == "compound" && t.UPOS == "PROPN" && t.Head >= 0 && doc.Tokens[t.Head].UPOS == "PROPN" {
			return false
		}
		return true
	case "PRON":
		switch t.XPOS {
		case "WDT", "WP", "WP$", "EX":
			return false
		}
		if _, ok := pronounOf(doc.Form(i)); ok {
			return true
		}
		return t.XPOS == "NN" || t.XPOS == "DT" || t.XPOS == "PRP" // someone, this, that, "let's"
	case "NUM":
		switch r {
		case "nsubj", "obj", "obl", "nmod", "iobj", "root", "appos", "conj":
			return true
		}
	}
	return false
}

// pleonastic reports whether token i of sentence sr is an "it" that
// refers to nothing, standing in for an extraposed clause: the parser's
// expletive, or the subject of an adjective ("it is hard to say", "it's
// important that"), of seem/appear/happen/matter ("it doesn't matter if"),
// of a passive verb of saying or thinking ("it is believed that") or of
// "time"/"shame" ("it's time to"). Resolving it made actors say and do what
// nobody did.
func pleonastic(doc *chronicle.Document, sr chronicle.TokenRange, i int) bool {
	t := &doc.Tokens[i]
	if !strings.EqualFold(doc.Form(i), "it") {
		return false
	}
	h := int(t.Head)
	expl := rel(t.Deprel) == "expl"
	if !expl && rel(t.Deprel) != "nsubj" || h < sr.Start || h >= sr.End {
		return false
	}
	ht := &doc.Tokens[h]
	clause, inf, cop := false, false, false
	for c := sr.Start; c < sr.End; c++ {
		if int(doc.Tokens[c].Head) != h || c == h {
			continue
		}
		switch rel(doc.Tokens[c].Deprel) {
		case "ccomp", "csubj":
			clause = clause || c > i
		case "xcomp":
			// An infinitive stands for the subject only after an
			// evaluative adjective: "it is hard to say", but "it is
			// ready to resume talks", "it seems to have agreed" refer.
			inf = inf || c > i
		case "advcl":
			// "it doesn't matter if", "it would be better if"
			for m := sr.Start; m < c; m++ {
				if int(doc.Tokens[m].Head) == c && rel(doc.Tokens[m].Deprel) == "mark" {
					f := strings.ToLower(doc.Form(m))
					clause = clause || f == "if" || f == "whether"
				}
			}
		case "cop":
			cop = true
		}
	}
	lemma := strings.ToLower(ht.Lemma)
	switch {
	case inf && ht.UPOS == "ADJ" && cop && evaluative[lemma]:
		return true
	case !clause:
		return false
	case expl:
		// The parser's expletive, confirmed by the clause it stands for.
		return true
	case ht.UPOS == "ADJ" && cop:
		return true
	case ht.UPOS == "NOUN" && cop:
		switch lemma {
		case "time", "shame", "pity", "mistake", "wonder":
			return true
		}
	case ht.UPOS == "VERB":
		switch lemma {
		case "seem", "appear", "happen", "matter":
			return true
		case "believe", "expect", "say", "report", "think", "estimate", "know", "understand", "feel", "hope", "fear", "assume", "suppose", "claim", "allege", "agree", "decide", "note":
			return t.Deprel == "nsubj:pass"
		}
	}
	return false
}

// evaluative are adjectives whose "it ... to" subject is the infinitive:
// "it is hard to say", "it is important to note".
var evaluative = map[string]bool{"hard": true, "easy": true, "difficult": true, "important": true,
	"possible": true, "impossible": true, "necessary": true, "unnecessary": true, "clear": true,
	"unclear": true, "wise": true, "unwise": true, "useful": true, "essential": true, "crucial": true,
	"vital": true, "fair": true, "unfair": true, "safe": true, "dangerous": true, "good": true,
	"bad": true, "better": true, "best": true, "worth": true, "tough": true, "premature": true,
	"reasonable": true, "right": true, "wrong": true, "time": true}

// excludedChild reports whether a dependent of a mention head stays out of
// the mention's span. cop tells whether the head is a nominal predicate,
// whose clause-level dependents are not part of the noun phrase.
func excludedChild(d string, cop bool) bool {
	switch rel(d) {
	case "case", "punct", "appos", "parataxis", "cc", "mark", "discourse", "vocative", "reparandum", "dislocated", "orphan":
		return true
	case "nsubj", "csubj", "cop", "aux", "expl", "advcl", "ccomp", "xcomp", "obl", "advmod", "obj", "iobj":
		return cop
	}
	return false
}

// detectParsed finds noun-phrase mentions from the dependency parse: every
// nominal head with its subtree, minus appositions, clause-level material
// and edge punctuation; in a coordination each conjunct is a mention.
func (s *scratch) detectParsed(doc *chronicle.Document) {
	s.buildChildren(doc)
	for si := range doc.Sentences {
		sr := doc.Sentences[si].Tokens
		for i := sr.Start; i < sr.End; i++ {
			if !isMentionHead(doc, i) || pleonastic(doc, sr, i) {
				continue
			}
			cop := false
			hasConj := false
			for c := s.first[i]; c >= 0; c = s.next[c] {
				switch rel(doc.Tokens[c].Deprel) {
				case "cop":
					cop = true
				case "conj":
					hasConj = true
				}
			}
			// A coordination "A and B" gives a mention for A only: GUM
			// annotates the whole only when something refers back to it,
			// and adding it everywhere cost 0.9 CoNLL F1 on GUM dev.
			lo, hi := s.span(doc, int32(i), cop, hasConj)
			s.add(doc, lo, hi, int32(i), int32(si), false)
		}
	}
}

// span returns the token range of the phrase headed by h.
func (s *scratch) span(doc *chronicle.Document, h int32, cop, noConj bool) (int32, int32) {
	lo, hi := h, h
	s.stack = append(s.stack[:0], h)
	for len(s.stack) > 0 {
		t := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		if t < lo {
			lo = t
		}
		if t > hi {
			hi = t
		}
		for c := s.first[t]; c >= 0; c = s.next[c] {
			if t == h {
				d := doc.Tokens[c].Deprel
				// GUM keeps the possessive clitic in the possessor's
				// span: "[the company 's] chief".
				poss := c > h && doc.Tokens[c].XPOS == "POS"
				if !poss && excludedChild(d, cop) || noConj && rel(d) == "conj" {
					continue
				}
				// Focus adverbs before the phrase stay out: "[not] [the
				// point]", "[only] [two people]".
				if c < h && rel(d) == "advmod" && focusAdverb(doc.Form(int(c))) {
					continue
				}
			}
			s.stack = append(s.stack, c)
		}
	}
	for lo < hi && isEdgePunct(doc, lo) {
		lo++
	}
	for hi > lo && isEdgePunct(doc, hi) {
		hi--
	}
	return lo, hi + 1
}

func isEdgePunct(doc *chronicle.Document, i int32) bool {
	t := &doc.Tokens[i]
	if t.UPOS == "PUNCT" {
		return true
	}
	return t.UPOS == "" && t.End-t.Start == 1 && strings.IndexByte(`.,;:!?"'()[]`, doc.Text[t.Start]) >= 0
}

// add appends a mention over [lo, hi) headed by h, computing its features.
func (s *scratch) add(doc *chronicle.Document, lo, hi, h, sent int32, coord bool) {
	m := mention{start: lo, end: hi, head: h, sent: sent, coord: coord, entity: -1, role: -1}
	t := &doc.Tokens[h]
	form := doc.Form(int(h))
	switch r := rel(t.Deprel); r {
	case "nsubj", "csubj":
		m.subject = true
	}
	if p, ok := pronounOf(form); ok && hi-lo == 1 || ok && t.UPOS == "PRON" {
		m.kind = kindPronoun
		m.person, m.num, m.gen, m.anim = p.person, p.num, p.gen, p.anim
	} else if t.UPOS == "PRON" {
		m.kind = kindPronoun
		if t.XPOS == "PRP" && (form == "'s" || form == "’s") {
			m.person, m.num, m.anim = 1, numPlur, animate // "let's"
		}
	} else if t.UPOS == "PROPN" {
		m.kind = kindNamed
	}
	if m.kind != kindPronoun {
		switch t.XPOS {
		case "NNS", "NNPS":
			m.num = numPlur
		case "NN", "NNP":
			m.num = numSing
		}
		if coord {
			m.num = numPlur
		}
	}
	// The head key of a name is its last word ("Volodymyr Zelensky" ->
	// "zelensky"): UD attaches the rest of a name with flat to the first.
	kh := h
	if m.kind == kindNamed {
		for c := s.first[h]; c >= 0; c = s.next[c] {
			if rel(doc.Tokens[c].Deprel) == "flat" && c > kh && c < hi {
				kh = c
			}
		}
	}
	m.headKey = hashLower(fnvOffset, doc.Form(int(kh)))
	m.fullKey = s.textKey(doc, lo, hi)
	if m.kind != kindPronoun && m.anim == animUnknown {
		m.anim = s.lex.animacy(doc, int(h))
	}
	s.ments = append(s.ments, m)
}

// textKey hashes the lower-cased words of [lo, hi), skipping a leading
// article.
func (s *scratch) textKey(doc *chronicle.Document, lo, hi int32) uint64 {
	if hi-lo > 1 && isArticle(doc.Form(int(lo))) {
		lo++
	}
	h := uint64(fnvOffset)
	for i := lo; i < hi; i++ {
		h = hashLower(h, doc.Form(int(i)))
		h ^= ' '
		h *= fnvPrime
	}
	return h
}

// sortMentions orders mentions by start, longer first, and drops exact
// duplicates; it then records for each head token its mention.
func (s *scratch) sortMentions() {
	sort.Slice(s.ments, func(a, b int) bool {
		x, y := &s.ments[a], &s.ments[b]
		if x.start != y.start {
			return x.start < y.start
		}
		return x.end > y.end
	})
	out := s.ments[:0]
	for i := range s.ments {
		if len(out) > 0 && out[len(out)-1].start == s.ments[i].start && out[len(out)-1].end == s.ments[i].end {
			continue
		}
		out = append(out, s.ments[i])
	}
	s.ments = out
	for i := range s.ments {
		m := &s.ments[i]
		if cur := s.tokMent[m.head]; cur < 0 || s.ments[cur].end-s.ments[cur].start > m.end-m.start {
			s.tokMent[m.head] = int32(i)
		}
	}
}

func focusAdverb(w string) bool {
	switch strings.ToLower(w) {
	case "not", "just", "even", "only", "especially", "also", "then", "particularly", "mainly", "mostly",
		"simply", "really", "so", "too", "still", "already", "never", "perhaps", "maybe", "probably", "actually":
		return true
	}
	return false
}
