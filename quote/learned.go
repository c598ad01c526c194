package quote

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

// The learned cue model: a binary averaged perceptron that reads a verb
// outside quote marks, with its lemma, its place in the parse and the
// relations of its dependents, and says whether it is the cue of an
// attribution. It catches the long tail the lexicon cannot list
// (PolNeAR counts intentions, stances and evaluations as attributions:
// "wants to", "plans to", "called for", "supports"). It was trained on
// PolNeAR train (a token is positive when it lies inside a gold Cue span)
// by TestTrainCueModel in learned_test.go, run from the module root:
//
//	go test ./quote -run TestTrainCueModel -quote.train "$PWD/../shared/corpora/polnear/train"
//
// which rewrites cuemodel.bin (deterministic: the same corpus, models and
// code give the same bytes). Retrain after a change to the features, to
// cueCandidate or to the tagger and parser models.

//go:embed cuemodel.bin
var cueModelData []byte

// cueModelMagic heads cuemodel.bin.
const cueModelMagic = "CHRQCUE1"

// cueThreshold is the margin (positive minus negative class score) above
// which a verb is read as a cue, chosen on PolNeAR dev.
const cueThreshold = 3

// cueVeto is the margin below which the model overrules a weak lexicon cue
// (vetoWeak), chosen on PolNeAR dev.
const cueVeto = -20

// decodeCueModel reads a model written by encodeCueModel.
func decodeCueModel(data []byte) (*perceptron.Model, error) {
	d, err := perceptron.NewDecoder(data, cueModelMagic)
	if err != nil {
		return nil, fmt.Errorf("quote cue model: %w", err)
	}
	m, err := perceptron.DecodeModel(d)
	if err != nil {
		return nil, fmt.Errorf("quote cue model: %w", err)
	}
	if err := d.Close(); err != nil {
		return nil, fmt.Errorf("quote cue model: %w", err)
	}
	if m.Classes() != 2 {
		return nil, fmt.Errorf("quote cue model: %d classes, want 2", m.Classes())
	}
	return m, nil
}

// encodeCueModel writes m in the format decodeCueModel reads.
func encodeCueModel(m *perceptron.Model) []byte {
	e := perceptron.NewEncoder(cueModelMagic)
	m.Encode(e)
	return e.Bytes()
}

// Feature templates of the cue model. Their numbers are part of the model
// file: append new ones, never renumber.
const (
	ftBias uint32 = 1 + iota
	ftLemma
	ftForm
	ftDep
	ftLemmaDep
	ftChild
	ftLemmaChild
	ftSubj
	ftLemmaSubj
	ftPrev
	ftNext
	ftHeadLemma
	ftSuffix
	ftChildWord
	ftLemmaChildWord
	ftLemmaNext
)

// cueCandidate reports whether token i is one the cue model reads: a
// parsed verb outside quote marks.
func (v *view) cueCandidate(i int) bool {
	t := &v.toks[i]
	return t.upos == "VERB" && t.dep != "" && t.inQ < 0 && t.cls == clsWord
}

// cueFeatures appends the features of candidate verb i in sentence [lo,hi)
// to buf.
func (v *view) cueFeatures(i, lo, hi int, buf []uint64) []uint64 {
	t := &v.toks[i]
	lem := t.lemma
	if lem == "" {
		lem = string(v.lowerTok(i))
	}
	hl := perceptron.Hash(0, lem)
	dep := perceptron.Hash(0, t.dep)
	buf = append(buf,
		perceptron.Hash(ftBias, ""),
		perceptron.Hash(ftLemma, lem),
		perceptron.HashBytes(ftForm, v.lowerTok(i)),
		perceptron.Hash(ftDep, t.dep),
		perceptron.Combine(ftLemmaDep, hl, dep),
	)
	if n := len(lem); n > 3 {
		buf = append(buf, perceptron.Hash(ftSuffix, lem[n-3:]))
	}
	if i > lo {
		buf = append(buf, perceptron.HashBytes(ftPrev, v.lowerTok(i-1)))
	}
	if i+1 < hi {
		nx := perceptron.HashBytes(ftNext, v.lowerTok(i+1))
		buf = append(buf, nx, perceptron.Combine(ftLemmaNext, hl, nx))
	}
	if h := int(t.head); h >= lo && h < hi && h != i {
		hlem := v.toks[h].lemma
		if hlem == "" {
			hlem = string(v.lowerTok(h))
		}
		buf = append(buf, perceptron.Combine(ftHeadLemma, dep, perceptron.Hash(0, hlem)))
	}
	subj := false
	for k := lo; k < hi; k++ {
		c := &v.toks[k]
		if int(c.head) != i || k == i {
			continue
		}
		cd := perceptron.Hash(0, c.dep)
		buf = append(buf, perceptron.Hash(ftChild, c.dep), perceptron.Combine(ftLemmaChild, hl, cd))
		switch base, _, _ := strings.Cut(c.dep, ":"); base {
		case "nsubj":
			subj = true
			// the kind of subject: a name, a pronoun (by form), a noun (by lemma)
			var s uint64
			switch c.upos {
			case "PRON":
				s = perceptron.HashBytes(0, v.lowerTok(k))
			case "NOUN":
				s = perceptron.Hash(0, c.lemma)
			default:
				s = perceptron.Hash(0, c.upos)
			}
			buf = append(buf, perceptron.Combine(ftSubj, cd, s), perceptron.Combine(ftLemmaSubj, hl, perceptron.Hash(0, c.upos)))
		case "mark", "case", "compound", "advmod", "aux":
			// function words on the verb: "called for", "to discuss"
			w := perceptron.Combine(0, cd, perceptron.HashBytes(0, v.lowerTok(k)))
			buf = append(buf, perceptron.Combine(ftChildWord, cd, w), perceptron.Combine(ftLemmaChildWord, hl, w))
		case "ccomp", "xcomp", "obl", "advcl":
			// the complement's first word: "that", "to", "for", "about"
			if f := v.firstOfSubtree(k, lo, hi); f >= 0 && f < hi {
				w := perceptron.Combine(0, cd, perceptron.HashBytes(0, v.lowerTok(f)))
				buf = append(buf, perceptron.Combine(ftChildWord, cd, w), perceptron.Combine(ftLemmaChildWord, hl, w))
			}
		}
	}
	if !subj {
		buf = append(buf, perceptron.Combine(ftLemmaSubj, hl, perceptron.Hash(0, "-")))
	}
	return buf
}

// complements returns the tokens from the first to the last complement of
// verb i after the cue group ending at g1: clausal and open complements,
// objects, and an oblique right after the cue ("called for more
// investment", "called on Republicans to ...").
func (v *view) complements(i, g1, lo, hi int) span32 {
	var r span32
	for k := i + 1; k < hi; k++ {
		c := &v.toks[k]
		if int(c.head) != i {
			continue
		}
		base, _, _ := strings.Cut(c.dep, ":")
		switch base {
		case "ccomp", "xcomp", "obj", "iobj":
		case "obl":
			if v.firstOfSubtree(k, lo, hi) > g1+1 {
				continue
			}
		default:
			continue
		}
		s := v.subtree(k, lo, hi)
		if s.empty() || s.start < int32(g1) {
			continue
		}
		if r.empty() {
			r = s
		} else {
			r.end = max(r.end, s.end)
		}
	}
	return r
}

// passiveParts reports whether verb i is passive (it has a passive subject
// or auxiliary) and returns its subject and its agent (the by-phrase
// without "by").
func (v *view) passiveParts(i, lo, hi int) (subj, agent span32, ok bool) {
	for k := lo; k < hi; k++ {
		c := &v.toks[k]
		if int(c.head) != i || k == i {
			continue
		}
		switch c.dep {
		case "nsubj:pass":
			subj, ok = v.subtree(k, lo, hi), true
		case "aux:pass":
			ok = true
		case "obl:agent", "obl":
			if k > i && agent.empty() {
				a := v.subtree(k, lo, hi)
				if v.lowerEq(int(a.start), "by") {
					a.start++
					agent = a
				} else if c.dep == "obl:agent" {
					agent = a
				}
			}
		}
	}
	return subj, agent, ok
}

func overlaps(a, b span32) bool {
	return !a.empty() && !b.empty() && a.start < b.end && b.start < a.end
}

// subtree returns the span of token c's subtree within [lo,hi), without
// trailing punctuation.
func (v *view) subtree(c, lo, hi int) span32 {
	s := span32{int32(c), int32(c + 1)}
	for k := lo; k < hi; k++ {
		h, n := k, 0
		for h >= lo && h < hi && h != c && n < 40 {
			h, n = int(v.toks[h].head), n+1
		}
		if h == c {
			s.start = min(s.start, int32(k))
			s.end = max(s.end, int32(k+1))
		}
	}
	for s.end > s.start && v.toks[s.end-1].cls != clsWord {
		s.end--
	}
	return s
}

// firstOfSubtree returns the first token of c's subtree within [lo,hi).
func (v *view) firstOfSubtree(c, lo, hi int) int {
	for k := lo; k <= c; k++ {
		h, n := k, 0
		for h >= lo && h < hi && h != c && n < 40 {
			h, n = int(v.toks[h].head), n+1
		}
		if h == c {
			return k
		}
	}
	return c
}

// cueScore returns the model's margin for candidate verb i (positive minus
// negative class, in real units).
func (v *view) cueScore(m *perceptron.Model, i, lo, hi int) float32 {
	v.feats = v.cueFeatures(i, lo, hi, v.feats[:0])
	var sc [2]int32
	m.Scores(v.feats, sc[:])
	return float32(sc[1]-sc[0]) * m.Unit()
}

// learnedCue reads an attribution at verb i of sentence s that the cue
// model accepts: its speaker is the parse's subject (of the verb, or of the
// verb it hangs from), its content its complements after it (clausal, open,
// objects, an oblique right after the cue). A passive verb's speaker is its
// by-phrase and its content, when it has no other complement, its subject
// ("Trump is supported by far fewer papers").
func (v *view) learnedCue(m *perceptron.Model, i int, s span32) (frame, bool) {
	if m == nil || !v.cueCandidate(i) {
		return frame{}, false
	}
	lo, hi := int(s.start), int(s.end)
	if v.cueScore(m, i, lo, hi) <= cueThreshold {
		return frame{}, false
	}
	g0, g1 := v.group(i, i+1, lo, hi)
	content := v.complements(i, g1, lo, hi)
	if subj, agent, ok := v.passiveParts(i, lo, hi); ok {
		// "X is supported by Y": Y speaks about X; without a by-phrase
		// the text names no source
		if content.empty() || overlaps(content, agent) {
			content = subj
		}
		if content.empty() {
			return frame{}, false
		}
		f := frame{kind: chronicle.QuoteIndirect, inherit: -1, parent: -1, quote: -1, weak: true,
			cue: span32{int32(g0), int32(g1)}, content: v.trim(content), src: agent}
		if !v.speakerOK(f.src) || overlaps(f.src, f.cue) || overlaps(f.src, f.content) {
			f.src = span32{}
		}
		return f, !f.content.empty()
	}
	if content.empty() {
		return frame{}, false
	}
	f := frame{kind: chronicle.QuoteIndirect, inherit: -1, parent: -1, quote: -1, weak: true,
		cue: span32{int32(g0), int32(g1)}, content: v.trim(span32{max(content.start, int32(g1)), content.end})}
	if k := v.thatAfter(g1, hi); k >= 0 && k < int(content.start) {
		f.content.start = int32(k)
	}
	if p := v.parsedSpeaker(i, lo, hi); v.speakerOK(p) && p.end <= f.cue.start {
		f.src = p
	}
	return f, !f.content.empty()
}
