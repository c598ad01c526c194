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
	words := make([]string, 0, len(idx))
	for _, i := range idx {
		words = append(words, strings.ToUpper(doc.Form(i)))
	}
	return c.Dict.Code(words, date)
}
