package eventeval

import (
	"sort"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/petrarchdict"
)

// DictCoder codes event participants with a PETRARCH-style dictionary: the
// words of the participant's noun phrase (its head and the dependents that
// belong to the phrase) are matched against actor and agent phrases.
type DictCoder struct {
	Dict *petrarchdict.Dictionary
}

// phraseRels are the relations kept inside a participant's noun phrase.
var phraseRels = map[string]bool{"compound": true, "amod": true, "nmod:poss": true, "flat": true, "det": true,
	"nmod": true, "case": true, "appos": true, "nummod": true, "compound:prt": true, "flat:name": true}

// Code implements ActorCoder.
func (c DictCoder) Code(doc *chronicle.Document, ref chronicle.Ref, date time.Time) string {
	if ref.End <= ref.Start {
		return ""
	}
	toks := doc.Tokens
	lo := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > ref.Start })
	hi := lo
	for hi < len(toks) && int(toks[hi].Start) < ref.End {
		hi++
	}
	if lo >= hi {
		return ""
	}
	// The phrase's head: the token whose head lies outside the span.
	head := lo
	for i := lo; i < hi; i++ {
		if h := int(toks[i].Head); h < lo || h >= hi {
			head = i
			break
		}
	}
	// A modifier inside a larger noun phrase ("MSF" in "an MSF Arnor
	// diplomat") stands for the whole phrase: climb to its head.
	for k := 0; k < 4; k++ {
		h := int(toks[head].Head)
		if h < 0 || h >= len(toks) {
			break
		}
		switch toks[head].Deprel {
		case "compound", "amod", "nmod:poss", "flat", "flat:name":
			head = h
			continue
		}
		break
	}
	in := map[int]bool{head: true}
	for i := lo; i < hi; i++ {
		in[i] = true
	}
	if toks[head].Deprel != "" {
		// Grow to the noun phrase around the head, in its sentence.
		si := doc.SentenceOf(head)
		r := doc.Sentences[si].Tokens
		for changed := true; changed; {
			changed = false
			for i := r.Start; i < r.End; i++ {
				if in[i] {
					continue
				}
				h := int(toks[i].Head)
				if h >= 0 && in[h] && phraseRels[toks[i].Deprel] && !(h == head && toks[i].Deprel == "conj") {
					in[i] = true
					changed = true
				}
			}
		}
	}
	idx := make([]int, 0, len(in))
	for i := range in {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	// A member of a group ("Osgiliath" in "the ambassadors of Arnor,
	// Osgiliath and Gondor", "Fornost" in "lawmakers in Fornost") takes the
	// group's noun as its agent, as PETRARCH codes "Arnor ambassadors".
	words := groupWords(doc, head)
	for _, i := range idx {
		// A dictionary phrase written into the text with its underscores
		// ("Dol_Amroth") is still its words.
		words = append(words, strings.Split(strings.ToUpper(doc.Form(i)), "_")...)
	}
	return c.Dict.Code(words, date)
}

// groupWords returns the words of the common noun a participant's phrase
// qualifies, through conjunction and an of/from/in modifier: "the
// ambassadors of Arnor, Osgiliath and Gondor" gives AMBASSADORS for each
// country. The noun's own adjective and compound modifiers are kept
// ("human rights activists in Arnor"), named ones are not.
func groupWords(doc *chronicle.Document, head int) []string {
	toks := doc.Tokens
	t := head
	for k := 0; k < 8 && toks[t].Deprel == "conj"; k++ {
		h := int(toks[t].Head)
		if h < 0 || h >= len(toks) {
			return nil
		}
		t = h
	}
	if toks[t].Deprel != "nmod" {
		return nil
	}
	g := int(toks[t].Head)
	if g < 0 || g >= len(toks) || toks[g].UPOS != "NOUN" {
		return nil
	}
	cs := ""
	for i := range toks {
		if int(toks[i].Head) == t && toks[i].Deprel == "case" {
			cs = strings.ToLower(doc.Form(i))
			break
		}
	}
	if cs != "of" && cs != "from" && cs != "in" {
		return nil
	}
	// The noun with the unnamed modifiers before it, however nested
	// ("human" in "human rights activists").
	var words []string
	for i := g - 1; i >= 0 && g-i <= 6; i-- {
		if toks[i].UPOS == "PROPN" || !modifies(toks, i, g) {
			break
		}
		words = append([]string{strings.ToUpper(doc.Form(i))}, words...)
	}
	return append(words, strings.ToUpper(doc.Form(g)))
}

// modifies reports whether token i hangs on g through adjective and
// compound relations only.
func modifies(toks []chronicle.Token, i, g int) bool {
	for k := 0; k < 4; k++ {
		switch toks[i].Deprel {
		case "amod", "compound":
		default:
			return false
		}
		i = int(toks[i].Head)
		if i == g {
			return true
		}
		if i < 0 || i >= len(toks) {
			return false
		}
	}
	return false
}
