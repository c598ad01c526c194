package actor

import (
	chronicle "github.com/chronicle-news/chronicle"
)

// Grammatical features of a mention. The zero value of each means unknown,
// which agrees with everything.
type number uint8

const (
	numUnknown number = iota
	numSing
	numPlur
)

type gender uint8

const (
	genUnknown gender = iota
	genMale
	genFemale
	genNeuter
)

type animacy uint8

const (
	animUnknown animacy = iota
	animate
	inanimate
)

type mkind uint8

const (
	kindNominal mkind = iota
	kindNamed
	kindPronoun
)

// mention is one candidate referring expression, in token indices.
// Keys are FNV-1a hashes of lower-cased text, so comparing mentions never
// allocates.
type mention struct {
	start, end int32 // token range [start, end)
	head       int32
	sent       int32
	kind       mkind
	num        number
	gen        gender
	anim       animacy
	person     uint8 // 1, 2, 3 for pronouns; 0 otherwise
	subject    bool
	coord      bool   // a coordination "A and B"
	etype      string // entity type when an entity covers the head
	fullKey    uint64 // hash of the lower-cased text without a leading article
	headKey    uint64 // hash of the lower-cased head form
	entity     int32  // index into doc.Entities, -1 when none
	role       int32  // index into the role table when the head is a title, -1 otherwise
	country    string // country named in the mention (demonym, possessive), if any
	cluster    int32
}

func (m *mention) rng() chronicle.TokenRange {
	return chronicle.TokenRange{Start: int(m.start), End: int(m.end)}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashLower adds the ASCII-lower-cased bytes of s to h.
func hashLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// pronoun describes an English personal, possessive or reflexive pronoun.
type pronoun struct {
	person uint8
	num    number
	gen    gender
	anim   animacy
}

// pronounOf returns the features of a pronoun form; ok is false for other
// words. Case is ignored.
func pronounOf(form string) (p pronoun, ok bool) {
	if len(form) > 10 {
		return p, false
	}
	var buf [10]byte
	for i := 0; i < len(form); i++ {
		c := form[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(form)]) {
	case "i", "me", "my", "mine", "myself":
		return pronoun{1, numSing, genUnknown, animate}, true
	case "we", "us", "our", "ours", "ourselves":
		return pronoun{1, numPlur, genUnknown, animate}, true
	case "you", "your", "yours", "yourself", "yourselves":
		return pronoun{2, numUnknown, genUnknown, animate}, true
	case "he", "him", "his", "himself":
		return pronoun{3, numSing, genMale, animate}, true
	case "she", "her", "hers", "herself":
		return pronoun{3, numSing, genFemale, animate}, true
	case "it", "its", "itself":
		return pronoun{3, numSing, genNeuter, inanimate}, true
	case "they", "them", "their", "theirs", "themselves", "em", "’em", "'em":
		return pronoun{3, numPlur, genUnknown, animUnknown}, true
	}
	return p, false
}

// isArticle reports whether a token form is an article or demonstrative
// that exact matching ignores at the start of a mention.
// honorifics are courtesy titles that are not part of a name ("Mr Blair"
// is Blair, in British style without the period too).
var honorifics = map[string]bool{"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true,
	"Dr": true, "Dr.": true, "Miss": true}

// nameStart returns where the name in tokens [start, end) begins: after a
// leading article or honorific, keeping at least one token.
func nameStart(doc *chronicle.Document, start, end int) int {
	for start < end-1 && (isArticle(doc.Form(start)) || honorifics[doc.Form(start)]) {
		start++
	}
	return start
}

func isArticle(form string) bool {
	switch form {
	case "the", "The", "a", "A", "an", "An", "THE":
		return true
	}
	return false
}
