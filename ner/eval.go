package ner

import (
	"slices"

	"github.com/chronicle-news/chronicle"
)

// PRF holds entity-level exact-match counts and percentages.
type PRF struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64
}

func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.Precision = 100 * float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = 100 * float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Report is an entity-level evaluation in the gold file's scheme (UNER:
// PER, ORG, LOC).
type Report struct {
	Types   map[string]*PRF
	Overall PRF
}

// UNERType maps an output type to the UNER scheme: PERSON → PER, ORG →
// ORG, GPE and LOC → LOC. NORP has no UNER counterpart (UNER leaves
// nationalities as O), so it maps to "" and is not scored.
func UNERType(t string) string {
	switch t {
	case chronicle.EntityPerson:
		return "PER"
	case chronicle.EntityOrg:
		return "ORG"
	case chronicle.EntityGPE, chronicle.EntityLoc:
		return "LOC"
	}
	return ""
}

type span struct {
	sent, start, end int
	typ              string
}

// goldSpans reads IOB2 labels into spans.
func goldSpans(sent int, labels []string) []span {
	var out []span
	for i := 0; i < len(labels); i++ {
		l := labels[i]
		if l == "O" || len(l) < 3 {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == "I-"+l[2:] {
			j++
		}
		out = append(out, span{sent, i, j, l[2:]})
		i = j - 1
	}
	return out
}

// Evaluate runs the recognizer on the examples' forms, document by
// document as Process does, and scores exact-match entities against their
// labels, with output types mapped by UNERType.
func (r *Recognizer) Evaluate(ex []Example) Report {
	rep := Report{Types: map[string]*PRF{}}
	for _, t := range modelTypes {
		rep.Types[t] = &PRF{}
	}
	var found [][]Mention
	for _, d := range Documents(ex) {
		found = append(found, r.RecognizeDocument(d)...)
	}
	for k, e := range ex {
		gold := goldSpans(k, e.Labels)
		var pred []span
		for _, m := range found[k] {
			if t := UNERType(m.Type); t != "" {
				pred = append(pred, span{k, m.Start, m.End, t})
			}
		}
		for _, p := range pred {
			c := rep.Types[p.typ]
			if slices.Contains(gold, p) {
				c.TP++
			} else {
				c.FP++
			}
		}
		for _, g := range gold {
			if !slices.Contains(pred, g) {
				if c := rep.Types[g.typ]; c != nil {
					c.FN++
				}
			}
		}
	}
	for _, c := range rep.Types {
		c.finish()
		rep.Overall.TP += c.TP
		rep.Overall.FP += c.FP
		rep.Overall.FN += c.FN
	}
	rep.Overall.finish()
	return rep
}
