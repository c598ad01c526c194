package actor

import (
	chronicle "github.com/chronicle-news/chronicle"
)

// The resolver is a multi-pass sieve in the manner of Lee et al. (2013),
// "Deterministic coreference resolution based on entity-centric,
// precision-ranked rules": the most precise passes run first, and each pass
// links a mention to an earlier one, merging their entities.
//
// Tuned code: the passes run over every mention of every document; they use
// the pooled scratch and integer keys only.

func (s *scratch) initClusters() {
	n := len(s.ments)
	s.parent = grow(s.parent, n)
	s.ring = grow(s.ring, n)
	s.prevHead = grow(s.prevHead, n)
	for i := range n {
		s.parent[i] = int32(i)
		s.ring[i] = int32(i)
		s.prevHead[i] = -1
	}
}

func (s *scratch) find(i int32) int32 {
	for s.parent[i] != i {
		s.parent[i] = s.parent[s.parent[i]]
		i = s.parent[i]
	}
	return i
}

// union merges the entities of mentions a and b.
func (s *scratch) union(a, b int32) {
	ra, rb := s.find(a), s.find(b)
	if ra == rb {
		return
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	s.parent[rb] = ra
	s.ring[ra], s.ring[rb] = s.ring[rb], s.ring[ra] // splice the two rings
}

// nested reports whether one mention lies inside the other.
func nested(a, b *mention) bool {
	return a.start <= b.start && b.end <= a.end || b.start <= a.start && a.end <= b.end
}

// resolve runs the sieve passes over s.ments.
func (s *scratch) resolve(doc *chronicle.Document) {
	s.initClusters()
	s.passSpeaker()
	s.passExact()
	s.passPrecise(doc)
	// A relaxed proper-head pass (same last name word, no word
	// inclusion) cost 0.2 CoNLL F1 on GUM train: left out.
	s.passHead(doc)
	s.passPronoun(doc)
}

// passSpeaker links first- and second-person pronouns of a document:
// without speaker turns, "I" is the writer throughout.
func (s *scratch) passSpeaker() {
	last := [4]int32{-1, -1, -1, -1}
	for i := range s.ments {
		m := &s.ments[i]
		if m.kind != kindPronoun || m.person == 0 || m.person == 3 {
			continue
		}
		slot := int(m.person-1)*2 + int(m.num&1)
		if m.person == 2 {
			slot = 2
		}
		if last[slot] >= 0 {
			s.union(last[slot], int32(i))
		}
		last[slot] = int32(i)
	}
}

// passExact links non-pronominal mentions with the same words (a leading
// article aside).
func (s *scratch) passExact() {
	for i := range s.ments {
		m := &s.ments[i]
		if m.kind == kindPronoun {
			continue
		}
		if j, ok := s.byKey[m.fullKey]; ok {
			if !nested(m, &s.ments[j]) {
				s.union(j, int32(i))
			}
		} else {
			s.byKey[m.fullKey] = int32(i)
		}
	}
}

// passPrecise links appositions ("Volodymyr Zelensky, Ukraine's
// president") and predicate nominatives ("X is the president").
func (s *scratch) passPrecise(doc *chronicle.Document) {
	for i := range s.ments {
		m := &s.ments[i]
		t := &doc.Tokens[m.head]
		if t.Head < 0 || int(t.Head) >= len(doc.Tokens) || m.coord {
			continue
		}
		switch rel(t.Deprel) {
		case "appos":
			if a := s.tokMent[t.Head]; a >= 0 && m.kind != kindPronoun {
				s.union(a, int32(i))
			}
		case "nsubj":
			h := t.Head
			cop := false
			for c := s.first[h]; c >= 0; c = s.next[c] {
				if rel(doc.Tokens[c].Deprel) == "cop" {
					cop = true
				}
			}
			if !cop {
				continue
			}
			if a := s.tokMent[h]; a >= 0 && s.ments[a].kind != kindPronoun && !s.ments[a].coord && s.ments[a].num == m.num {
				// "the plan is a good one" would link too: only when the
				// predicate is definite or a name.
				if doc.Tokens[h].UPOS == "PROPN" || hasDefinite(doc, &s.ments[a]) {
					s.union(int32(i), a)
				}
			}
		}
	}
}

func hasDefinite(doc *chronicle.Document, m *mention) bool {
	switch doc.Form(int(m.start)) {
	case "the", "The", "this", "This", "that", "That", "these", "those":
		return true
	}
	return false
}

// passHead links a nominal or named mention to the closest earlier mention
// with the same head word whose entity holds every content word of the
// mention (Lee et al.'s strict head match with word inclusion). An
// indefinite common noun phrase starts a new entity.
func (s *scratch) passHead(doc *chronicle.Document) {
	clear(s.lastHead)
	for i := range s.ments {
		m := &s.ments[i]
		if m.kind == kindPronoun {
			continue
		}
		if j, ok := s.lastHead[m.headKey]; ok {
			s.prevHead[i] = j
		}
		s.lastHead[m.headKey] = int32(i)
	}
	for i := range s.ments {
		m := &s.ments[i]
		if m.kind == kindPronoun || m.coord {
			continue
		}
		if m.kind == kindNominal && isIndefinite(doc, m) {
			continue
		}
		for j := s.prevHead[i]; j >= 0; j = s.prevHead[j] {
			a := &s.ments[j]
			if a.coord || nested(m, a) || a.num != numUnknown && m.num != numUnknown && a.num != m.num {
				continue
			}
			if s.find(j) == s.find(int32(i)) {
				break
			}
			if !s.wordsIncluded(doc, m, s.find(j)) {
				continue
			}
			s.union(j, int32(i))
			break
		}
	}
}

func isIndefinite(doc *chronicle.Document, m *mention) bool {
	switch doc.Form(int(m.start)) {
	case "a", "A", "an", "An", "some", "Some", "another", "Another", "any", "Any":
		return true
	}
	return false
}

// wordsIncluded reports whether every noun, proper noun, adjective and
// number of m occurs in some mention of the entity rooted at root.
func (s *scratch) wordsIncluded(doc *chronicle.Document, m *mention, root int32) bool {
	for t := m.start; t < m.end; t++ {
		if t == m.head {
			continue
		}
		switch doc.Tokens[t].UPOS {
		case "NOUN", "PROPN", "ADJ", "NUM":
		default:
			continue
		}
		w := hashLower(fnvOffset, doc.Form(int(t)))
		found := false
		for j := root; ; {
			a := &s.ments[j]
			for u := a.start; u < a.end && !found; u++ {
				found = hashLower(fnvOffset, doc.Form(int(u))) == w
			}
			j = s.ring[j]
			if found || j == root {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// agree reports whether pronoun p can refer to mention a.
func agree(p, a *mention) bool {
	if p.num != numUnknown && a.num != numUnknown && p.num != a.num {
		// "they" for an organization or a group noun is common.
		if !(p.num == numPlur && a.kind != kindPronoun && a.etype == chronicle.EntityOrg) {
			return false
		}
	}
	if a.kind == kindPronoun {
		if a.person != p.person {
			return false
		}
		if p.gen != genUnknown && a.gen != genUnknown && p.gen != a.gen {
			return false
		}
		return true
	}
	switch p.gen {
	case genMale, genFemale:
		if a.anim != animate && !(a.kind == kindNamed && a.etype == "") {
			return false
		}
	case genNeuter:
		if a.anim == animate {
			return false
		}
	}
	if p.anim == animate && a.anim == inanimate {
		return false
	}
	return true
}

// maxPronounDistance is how many sentences back a pronoun looks.
const maxPronounDistance = 3

// passPronoun links each third-person pronoun to the best agreeing earlier
// mention: the same sentence first (nearest first), then earlier sentences,
// subjects before other mentions, nearer sentences first.
func (s *scratch) passPronoun(doc *chronicle.Document) {
	for i := range s.ments {
		p := &s.ments[i]
		if p.kind != kindPronoun || p.person != 3 {
			continue
		}
		best := int32(-1)
		bestScore := -1 << 30
		for j := i - 1; j >= 0; j-- {
			a := &s.ments[j]
			d := p.sent - a.sent
			if d > maxPronounDistance {
				break
			}
			if nested(p, a) || a.coord && p.num == numSing {
				continue
			}
			if a.kind == kindPronoun && a.person != 3 {
				continue
			}
			if !agree(p, a) {
				continue
			}
			score := -int(d) * 100
			if a.subject {
				score += 40
			}
			if a.kind == kindNamed {
				score += 15
			}
			if a.kind == kindPronoun {
				score += 20
			}
			if d == 0 {
				score -= int(p.start-a.start) / 4
			} else {
				score -= (int(a.start) - doc.Sentences[a.sent].Tokens.Start) / 8
			}
			if score > bestScore {
				best, bestScore = int32(j), score
			}
		}
		if best >= 0 {
			s.union(best, int32(i))
		}
	}
}
