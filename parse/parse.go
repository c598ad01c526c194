// Package parse is Chronicle's dependency parser: a greedy arc-eager
// transition parser (Nivre 2003) trained with a dynamic oracle (Goldberg &
// Nivre 2012) and an averaged perceptron over hashed Zhang & Nivre (2011)
// features. It produces UD basic trees with full EWT relations (nsubj:pass,
// obl:tmod, ...); non-projective trees are handled by pseudo-projective
// lifting (Nivre & Nilsson 2005).
//
// A model trained with a beam (Options.Beam; Zhang & Nivre 2011, trained
// globally with the max-violation update) decodes with that beam. With word
// classes (Options.Classes: the tagger's clusters and tag ambiguity
// classes) a width of 4 reaches UAS/LAS 87.14/84.19 on EWT test against the
// greedy model's 86.01/83.09, for about three times the parse time; it is
// embedded as models.AccurateParserFile, and the default model is greedy.
// The model file records the width (SetBeam overrides it). The beam decoder
// sums the templates that read only S0 and N0's words once per token (see
// shared.go), and long weight runs are laid out as dense rows (see
// weights).
//
// The model is read from an fs.FS ("parser.model"), normally
// models.FS(); Train writes one.
package parse

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

// ModelFile is the name Load reads from its fs.FS.
const ModelFile = "parser.model"

// Parser fills Token.Head and Token.Deprel. It is read-only after Load and
// safe for concurrent use by many goroutines; per-call scratch memory comes
// from a pool.
type Parser struct {
	labels    []string
	rootLabel int
	nclass    int
	beam      int // decoding beam width; 1 is greedy
	w         weights
	// classes maps words to their classes (see WordClasses); nil when the
	// model reads none.
	classes *perceptron.Index
	// absent holds, per bit mask of absent groups, the summed weights of
	// their constant features (nclass entries per mask; see extract).
	absent []int32
	pool   sync.Pool // *scratch
}

type scratch struct {
	st    state
	in    input
	feats [maxFeatures]uint64
	ss    scoreScratch
	// Shared-template vectors of the sentence being beam-decoded (see
	// sharedVecs), with their scratch state and scores.
	vecs   []uint64
	vst    state
	vtmp   []int32
	scores []int32
	heads  []int32
	labels []string
	queue  []int32
	beam   beamScratch
	low    []byte // lower-cased form, for word class lookups
}

// Load reads ModelFile from fsys. A missing, truncated or corrupt model gives
// an error with code chronicle.EUNAVAILABLE; it never panics.
func Load(fsys fs.FS) (*Parser, error) {
	data, err := fs.ReadFile(fsys, ModelFile)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, "parse.Load", err)
	}
	p, err := fromBytes(data)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, "parse.Load "+ModelFile, err)
	}
	return p, nil
}

func fromBytes(data []byte) (*Parser, error) {
	m, err := decodeModel(data)
	if err != nil {
		return nil, err
	}
	root := -1
	for i, l := range m.labels {
		if l == "root" {
			root = i
		}
	}
	if root < 0 {
		return nil, errors.New("model has no root label")
	}
	p := &Parser{labels: m.labels, rootLabel: root, nclass: 2 + 2*len(m.labels), w: m.w, beam: m.beam, classes: m.classes}
	p.absent = absentTable(&p.w, p.nclass)
	p.pool.New = func() any { return new(scratch) }
	return p, nil
}

// SetBeam sets the decoding beam width (by default the width the model was
// trained with; 1 is greedy; at most MaxBeam). Call it
// before the parser is used; it is not safe to call concurrently with parsing.
func (p *Parser) SetBeam(k int) { p.beam = min(max(k, 1), MaxBeam) }

// Beam returns the decoding beam width (1: greedy).
func (p *Parser) Beam() int { return p.beam }

// Labels returns the relations the model can assign (lift encodings
// included), in class order. The caller must not modify the slice.
func (p *Parser) Labels() []string { return p.labels }

// Process parses every sentence of doc in place, setting Token.Head (a
// document-wide token index, -1 for a sentence root) and Token.Deprel. A
// document without sentences is parsed as one sentence. It uses the tags
// (XPOS, else UPOS) the tagger left on the tokens; without them it still
// parses, less accurately. It returns an error wrapping ctx.Err() when ctx
// is done, and an EINVALID error when a sentence or token lies outside the
// document (the tokens before it keep their parse).
func (p *Parser) Process(ctx context.Context, doc *chronicle.Document) error {
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Start < 0 || t.End < t.Start || int(t.End) > len(doc.Text) {
			return chronicle.Errorf(chronicle.EINVALID, "parse", "token %d has bad offsets [%d,%d)", i, t.Start, t.End)
		}
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	if len(doc.Sentences) == 0 {
		if len(doc.Tokens) > 0 {
			p.parseRange(sc, doc, 0, len(doc.Tokens))
		}
		return nil
	}
	for i, s := range doc.Sentences {
		if i&63 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("parse: %w", err)
			}
		}
		r := s.Tokens
		if r.Start < 0 || r.End > len(doc.Tokens) || r.Start > r.End {
			return chronicle.Errorf(chronicle.EINVALID, "parse", "sentence %d has bad token range [%d,%d)", i, r.Start, r.End)
		}
		if r.Len() > 0 {
			p.parseRange(sc, doc, r.Start, r.End)
		}
	}
	return nil
}

// tagHash hashes a token's tag: XPOS when present, else UPOS.
func tagHash(xpos, upos string) uint64 {
	if xpos != "" {
		return fnv64(xpos)
	}
	return fnv64(upos) ^ 0x1234567
}

func (p *Parser) parseRange(sc *scratch, doc *chronicle.Document, start, end int) {
	n := end - start
	sc.in.reset(n)
	sc.in.initClasses(p.classes, n)
	for i := 0; i < n; i++ {
		t := &doc.Tokens[start+i]
		form := doc.Text[t.Start:t.End]
		sc.in.words[i] = wordHash(form)
		sc.in.tags[i] = tagHash(t.XPOS, t.UPOS)
		sc.low = sc.in.setClass(i, form, p.classes, sc.low)
	}
	p.parse(sc, n)
	for i := 0; i < n; i++ {
		t := &doc.Tokens[start+i]
		if h := sc.heads[i]; h < 0 {
			t.Head = -1
		} else {
			t.Head = int32(start) + h
		}
		t.Deprel = sc.labels[i]
	}
}

// parse runs the transition system over sc.in (n words) and leaves the
// tree in sc.heads (-1 for the root) and sc.labels.
//
// Tuned: no allocation once the scratch buffers have grown.
func (p *Parser) parse(sc *scratch, n int) {
	st := &sc.st
	if p.beam > 1 && n <= maxBeamWords {
		p.parseBeam(sc, n, p.beam)
	} else {
		p.greedy(sc, n)
	}
	p.readTree(sc, st, n)
}

// greedy leaves the greedy parse of sc.in in sc.st.
func (p *Parser) greedy(sc *scratch, n int) {
	st := &sc.st
	st.reset(n)
	if len(sc.scores) < scoreBufLen {
		sc.scores = make([]int32, scoreBufLen)
	}
	scores := sc.scores[:p.nclass]
	for !st.terminal() {
		if c, ok := st.forced(p.rootLabel); ok {
			st.apply(c)
			continue
		}
		k, absent := extract(st, &sc.in, sc.feats[:], modeCompact)
		p.baseScores(absent, scores)
		p.w.score(sc.feats[:k], sc.scores, &sc.ss)
		best, bestScore := -1, int32(0)
		for c := range scores {
			if (best < 0 || scores[c] > bestScore) && st.valid(c, p.rootLabel) {
				best, bestScore = c, scores[c]
			}
		}
		st.apply(best)
	}
}

// readTree turns the final configuration st into sc.heads and sc.labels.
func (p *Parser) readTree(sc *scratch, st *state, n int) {
	sc.heads = grow32(sc.heads, n)
	if cap(sc.labels) < n {
		sc.labels = make([]string, n, n+n/2)
	}
	sc.labels = sc.labels[:n]
	root := int32(-1)
	for i := 0; i < n; i++ {
		h, l := st.head[i], int(st.label[i])
		if h < 0 || h == int32(n) {
			h = -1
			if root < 0 {
				root = int32(i)
				l = p.rootLabel
			}
		}
		sc.heads[i] = h
		if l < 0 || l >= len(p.labels) {
			l = p.rootLabel
		}
		sc.labels[i] = p.labels[l]
	}
	// A sentence has one root: attach any other word the system left at the
	// root to the first one.
	for i := 0; i < n; i++ {
		if sc.heads[i] < 0 && int32(i) != root {
			sc.heads[i] = root
			if sc.labels[i] == "root" {
				sc.labels[i] = "parataxis"
			}
		}
	}
	sc.queue = deprojectivize(sc.heads, sc.labels, sc.queue)
}
