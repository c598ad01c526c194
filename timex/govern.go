package timex

import (
	"github.com/chronicle-news/chronicle"
)

// Sources of a governing time.
const (
	SourceParse    = "parse"    // a time expression attached to the predicate in the parse
	SourceSentence = "sentence" // a date in the predicate's sentence
	SourceDCT      = "dct"      // the document creation time
	SourceDateline = "dateline" // a dateline date, standing in for an unknown DCT
	SourceNone     = "none"     // nothing known: Value is empty
)

// Time is the time that governs a predicate.
type Time struct {
	Value      string  // TIMEX3 value (e.g. 2025-05-16, 2025-W19, PAST_REF); "" with SourceNone
	Type       string  // DATE or TIME; DATE for the DCT
	Mod        string  // the time expression's mod, if any
	Confidence float64 // in [0,1]
	Source     string  // SourceParse, SourceSentence, SourceDCT or SourceNone
	Timex      int     // index into doc.Timexes, -1 when the value is not from one
}

// Confidence factors of the fallbacks.
const (
	ancestorFactor = 0.9
	sentenceFactor = 0.7
	dctConfidence  = 0.4
)

// Governing returns the time that governs the predicate at token index tok
// of doc: a DATE or TIME expression attached to it in the parse (Head and
// Deprel, e.g. obl:tmod, nmod:tmod, or obl headed by a time expression), or
// failing that to the nearest of its heads that has one, else the date nearest to it in the same sentence, else the document
// creation time (doc.Published, or a dateline: SourceDateline) with a lower confidence,
// else nothing (SourceNone). Durations and sets never govern.
//
// It reads doc.Tokens, doc.Sentences and doc.Timexes (filled by Process)
// and changes nothing; it is safe to call from many goroutines at once.
// A tok outside doc.Tokens gets the document-level answer (DCT or none).
func Governing(doc *chronicle.Document, tok int) Time {
	if tok >= 0 && tok < len(doc.Tokens) {
		if t, ok := governByParse(doc, tok); ok {
			return t
		}
		// A word inside a clause takes the time of the clause's predicate.
		for h, steps := int(doc.Tokens[tok].Head), 0; h >= 0 && h < len(doc.Tokens) && steps < 6 && doc.Tokens[tok].Deprel != ""; steps++ {
			if t, ok := governByParse(doc, h); ok {
				t.Confidence *= ancestorFactor
				return t
			}
			h = int(doc.Tokens[h].Head)
		}
		if t, ok := governBySentence(doc, tok); ok {
			return t
		}
	}
	dct, src := doc.Published, SourceDCT
	if dct.IsZero() {
		if d, ok := Dateline(doc.Text); ok {
			dct, src = d, SourceDateline
		}
	}
	if dct.IsZero() {
		return Time{Source: SourceNone, Timex: -1}
	}
	return Time{Value: dct.Format("2006-01-02"), Type: TypeDate, Confidence: dctConfidence, Source: src, Timex: -1}
}

// dated reports whether a timex can give a date.
func dated(x *chronicle.Timex) bool { return x.Type == TypeDate || x.Type == TypeTime }

// timexTokens returns the token range of doc.Timexes[i], computing it when
// Process ran before tokens were added.
func timexTokens(doc *chronicle.Document, i int) chronicle.TokenRange {
	x := &doc.Timexes[i]
	if x.Tokens.Len() > 0 {
		return x.Tokens
	}
	return tokenRange(doc.Tokens, x.Span)
}

// timexHead returns the token of range r whose head lies outside it.
func timexHead(doc *chronicle.Document, r chronicle.TokenRange) int {
	for k := r.Start; k < r.End && k < len(doc.Tokens); k++ {
		h := int(doc.Tokens[k].Head)
		if h < r.Start || h >= r.End {
			return k
		}
	}
	return -1
}

// attachRels are the relations by which a time expression modifies a
// predicate.
func attachRel(rel string) bool {
	switch rel {
	case "obl", "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod", "nmod", "advmod", "obl:unmarked":
		return true
	}
	return false
}

func governByParse(doc *chronicle.Document, tok int) (Time, bool) {
	if doc.Tokens[tok].Deprel == "" {
		return Time{}, false // not parsed
	}
	for i := range doc.Timexes {
		x := &doc.Timexes[i]
		if !dated(x) {
			continue
		}
		r := timexTokens(doc, i)
		if r.Len() == 0 {
			continue
		}
		h := timexHead(doc, r)
		if h < 0 || int(doc.Tokens[h].Head) != tok || !attachRel(doc.Tokens[h].Deprel) {
			continue
		}
		return Time{Value: x.Value, Type: x.Type, Mod: x.Mod, Confidence: x.Confidence, Source: SourceParse, Timex: i}, true
	}
	return Time{}, false
}

func governBySentence(doc *chronicle.Document, tok int) (Time, bool) {
	s := doc.SentenceOf(tok)
	if s < 0 {
		return Time{}, false
	}
	sr := doc.Sentences[s].Tokens
	best, bestDist := -1, 1<<30
	for i := range doc.Timexes {
		x := &doc.Timexes[i]
		if !dated(x) {
			continue
		}
		r := timexTokens(doc, i)
		if r.Len() == 0 || r.Start < sr.Start || r.End > sr.End {
			continue
		}
		d := r.Start - tok
		if tok >= r.End {
			d = tok - r.End + 1
		}
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return Time{}, false
	}
	x := &doc.Timexes[best]
	return Time{Value: x.Value, Type: x.Type, Mod: x.Mod, Confidence: x.Confidence * sentenceFactor, Source: SourceSentence, Timex: best}, true
}
