// Package ner is Chronicle's named-entity recognizer: an averaged
// perceptron over BILOU labels for PER, ORG and LOC, decoded left to right
// with a beam and trained as a structured perceptron (early updates), with
// word shape, affixes, context words, word clusters and case statistics
// learned from unlabelled news, and gazetteers of places, nationalities,
// people, first names and organisations. It uses no part-of-speech tags: the
// tagger's tags on its own training text are near-gold, so tag features
// learned there misled on predicted tags.
//
// An organisation found in one sentence of a document is also found where
// the model missed the same name in the others, and a capitalised name
// built on an organisation's head word ("Georgetown University", "Bank of
// England", "U.S. Department of State") is one ORG by rule (orgNames),
// where the model often found only the place inside it; so is "Gulf of
// Mexico" one LOC (geoNames), and a person's name loses the titles the
// model took with it ("President", "Dr": stripTitles).
//
// The model's LOC becomes GPE (the default for news places) or LOC (natural
// and man-made features, continents and regions) by rule, and nationality,
// religious and political group words outside any entity become NORP.
package ner

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"sync"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
	"github.com/chronicle-news/chronicle/tag"
)

// ModelFile is the name Load reads from its fs.FS.
const ModelFile = "ner.model"

const magic = "CHRNER01"

// Model types, in class order.
var modelTypes = [numModelTypes]string{"PER", "ORG", "LOC"}

const numModelTypes = 3

const (
	posB = iota
	posI
	posL
	posU
)

// numClasses is O plus BILU for each type.
const numClasses = 1 + 4*numModelTypes

func classOf(typ, pos int) int { return 1 + 4*typ + pos }
func typeOf(c int) int         { return (c - 1) / 4 }
func posOf(c int) int          { return (c - 1) % 4 }

// Recognizer fills doc.Entities. It is read-only after Load and safe for
// concurrent use; per-call scratch comes from a sync.Pool.
type Recognizer struct {
	model    *perceptron.Model
	gaz      *gazetteer
	clusters tag.Clusters
	cs       *perceptron.Index // lower-case word -> case/frequency bucket (from the tagger)
	trans    []int32           // scores of every transFeature
	width    int               // beam width when decoding (beamWidth)
	allowed  [][]bool          // allowed[prev+1] for a non-final token, allowed[numClasses+1+prev+1] for the last
	pool     sync.Pool
}

func newRecognizer(model *perceptron.Model, gaz *gazetteer, cl tag.Clusters, cs *perceptron.Index) *Recognizer {
	r := &Recognizer{model: model, gaz: gaz, clusters: cl, cs: cs, width: beamWidth}
	if model != nil {
		r.trans = transTable(model)
	}
	for last := 0; last < 2; last++ {
		for prev := -1; prev < numClasses; prev++ {
			a := make([]bool, numClasses)
			for c := range a {
				a[c] = validTransition(prev, c) && (last == 0 || c == 0 || posOf(c) == posL || posOf(c) == posU)
			}
			r.allowed = append(r.allowed, a)
		}
	}
	r.pool.New = func() any { return new(sequence) }
	return r
}

func (r *Recognizer) allowedAfter(prev int, last bool) []bool {
	i := prev + 1
	if last {
		i += numClasses + 1
	}
	return r.allowed[i]
}

// validTransition reports whether class c may follow class prev (-1: start).
func validTransition(prev, c int) bool {
	open := prev > 0 && (posOf(prev) == posB || posOf(prev) == posI)
	if open {
		return c > 0 && typeOf(c) == typeOf(prev) && (posOf(c) == posI || posOf(c) == posL)
	}
	return c == 0 || posOf(c) == posB || posOf(c) == posU
}

// Load reads ModelFile from fsys (pass models.FS() for the embedded model).
// A missing file gives an ENOTFOUND error, a damaged one EUNAVAILABLE; Load
// never panics.
func Load(fsys fs.FS) (*Recognizer, error) {
	data, err := fs.ReadFile(fsys, ModelFile)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.ENOTFOUND, "ner.Load", err)
	}
	r, err := Decode(data)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, "ner.Load "+ModelFile, err)
	}
	return r, nil
}

// Decode reads a model from its bytes; damaged data gives an error wrapping
// perceptron.ErrCorrupt.
func Decode(data []byte) (*Recognizer, error) {
	d, err := perceptron.NewDecoder(data, magic)
	if err != nil {
		return nil, err
	}
	model, err := perceptron.DecodeModel(d)
	if err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	if model.Classes() != numClasses {
		return nil, fmt.Errorf("%w: %d classes, want %d", perceptron.ErrCorrupt, model.Classes(), numClasses)
	}
	phrases, err := perceptron.DecodeIndex(d, numGazKinds)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var cl tag.Clusters
	if cl.Coarse, err = perceptron.DecodeIndex(d, 1<<20); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	if cl.Fine, err = perceptron.DecodeIndex(d, 1<<20); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	cs, err := perceptron.DecodeIndex(d, 1<<16)
	if err != nil {
		return nil, fmt.Errorf("case statistics: %w", err)
	}
	if err := d.Close(); err != nil {
		return nil, err
	}
	return newRecognizer(model, &gazetteer{phrases: phrases}, cl, cs), nil
}

// Encode returns the model file bytes; the same model gives the same bytes.
func (r *Recognizer) Encode() []byte {
	e := perceptron.NewEncoder(magic)
	r.model.Encode(e)
	r.gaz.phrases.Encode(e)
	r.clusters.Coarse.Encode(e)
	r.clusters.Fine.Encode(e)
	r.cs.Encode(e)
	return e.Bytes()
}

// Stats describes the model's size.
func (r *Recognizer) Stats() string {
	return fmt.Sprintf("%d features, %d weights, %d gazetteer phrases, %d clustered words",
		r.model.Features(), r.model.Weights(), r.gaz.phrases.Len(), r.clusters.Fine.Len())
}

// Mention is an entity found in one sentence: tokens [Start, End).
type Mention struct {
	Start, End int
	Type       string // chronicle.EntityPerson, ...
	Confidence float64
}

// Process finds the entities of every sentence of doc (the whole token list
// when there are no sentences) and replaces doc.Entities. It needs tokens
// only. It returns an error only when ctx is done or a token has offsets
// outside the text.
func (r *Recognizer) Process(ctx context.Context, doc *chronicle.Document) error {
	s := r.pool.Get().(*sequence)
	defer r.pool.Put(s)
	defer func() { s.forms = nil }()
	doc.Entities = doc.Entities[:0]
	s.docForms = s.docForms[:0]
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Start < 0 || t.End < t.Start || int(t.End) > len(doc.Text) {
			return chronicle.Errorf(chronicle.EINVALID, "ner", "token %d has bad offsets [%d,%d)", i, t.Start, t.End)
		}
		s.docForms = append(s.docForms, doc.Text[t.Start:t.End])
	}
	// Units are sentences, cut into pieces of at most maxSeq tokens.
	s.units = s.units[:0]
	add := func(lo, hi int) {
		for ; lo < hi; lo += maxSeq {
			s.units = append(s.units, chronicle.TokenRange{Start: lo, End: min(hi, lo+maxSeq)})
		}
	}
	if len(doc.Sentences) == 0 {
		add(0, len(doc.Tokens))
	}
	for _, sent := range doc.Sentences {
		add(max(sent.Tokens.Start, 0), min(sent.Tokens.End, len(doc.Tokens)))
	}
	for len(s.found) < len(s.units) {
		s.found = append(s.found, nil)
	}
	s.unitForms = s.unitForms[:0]
	for k, u := range s.units {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return chronicle.Wrap(chronicle.EUNAVAILABLE, "ner", err)
			}
		}
		s.forms = s.docForms[u.Start:u.End]
		s.found[k] = r.recognize(s, s.found[k][:0])
		s.unitForms = append(s.unitForms, s.forms)
	}
	found := s.found[:len(s.units)]
	propagate(s.unitForms, found)
	for k, u := range s.units {
		for _, m := range found[k] {
			tr := chronicle.TokenRange{Start: u.Start + m.Start, End: u.Start + m.End}
			doc.Entities = append(doc.Entities, chronicle.Entity{
				Span: doc.RangeSpan(tr), Tokens: tr, Type: m.Type, Confidence: m.Confidence})
		}
	}
	return nil
}

// maxSeq bounds the length of one decoded sequence.
const maxSeq = 512

// Recognize returns the mentions in one sentence, alone.
func (r *Recognizer) Recognize(forms []string) []Mention {
	s := r.pool.Get().(*sequence)
	defer r.pool.Put(s)
	s.forms = forms
	out := r.recognize(s, nil)
	s.forms = nil
	return out
}

// RecognizeDocument returns the mentions of each sentence of a document,
// as Process finds them: an organisation's name found in one sentence is
// also found where the model missed it in the others.
func (r *Recognizer) RecognizeDocument(sents []Example) [][]Mention {
	out := make([][]Mention, len(sents))
	forms := make([][]string, len(sents))
	for i, e := range sents {
		out[i] = r.Recognize(e.Forms)
		forms[i] = e.Forms
	}
	propagate(forms, out)
	return out
}

// recognize decodes s (forms set) and appends its mentions.
//
// Tuned: the hot loop of the recognizer; no allocation once s has grown.
func (r *Recognizer) recognize(s *sequence, out []Mention) []Mention {
	r.load(s)
	n := len(s.forms)
	if n == 0 {
		return out
	}
	if cap(s.scores) < numClasses {
		s.scores = make([]int32, numClasses)
	}
	scores := s.scores[:numClasses]
	s.beam.trans = r.trans
	s.beam.grow(n)
	for i := range n {
		f, word := s.staticFeatures(i)
		row, ok := s.cache.Row(s.wordKey(i), numClasses, wordCacheSize)
		if !ok {
			r.model.Scores(f[:word], row)
		}
		st := s.beam.static[i*numClasses : (i+1)*numClasses]
		copy(st, row)
		r.model.AddScores(f[word:], st)
	}
	s.beam.ready = true
	best, stop := search(r, s, r.model, r.width, &s.beam, nil)
	s.beam.ready = false
	s.backtrack(best, stop, s.labels)
	start, conf := 0, 1.0
	for i := 0; i < n; i++ {
		c := int(s.labels[i])
		if c == 0 {
			continue
		}
		p1, p2 := history(s.labels, i)
		r.model.Scores(s.labelFeatures(i, p1, p2), scores)
		for k, v := range s.beam.static[i*numClasses : (i+1)*numClasses] {
			scores[k] += v
		}
		p := r.prob(scores, r.allowedAfter(p1, i == n-1), c)
		switch posOf(c) {
		case posB, posU:
			start, conf = i, p
		default:
			conf = math.Min(conf, p)
		}
		if pos := posOf(c); pos == posL || pos == posU {
			out = append(out, Mention{Start: start, End: i + 1, Type: r.finalType(s, typeOf(c), start, i+1), Confidence: conf})
		}
	}
	// Places first: "the Gulf of Mexico Foundation" is not Mexico's.
	return r.stripTitles(s, r.orgNames(s, r.geoNames(s, r.addNORP(s, out))))
}

// prob is the softmax probability of class c among the allowed classes.
func (r *Recognizer) prob(scores []int32, allowed []bool, c int) float64 {
	unit := float64(r.model.Unit())
	var z float64
	for k, v := range scores {
		if allowed[k] {
			z += math.Exp(float64(v-scores[c]) * unit)
		}
	}
	return 1 / z
}

// geoFeatures are words that make a place a LOC rather than a GPE.
var geoFeatures = map[string]bool{
	"river": true, "mountain": true, "mountains": true, "mount": true, "mt": true, "mt.": true, "sea": true,
	"ocean": true, "lake": true, "valley": true, "gulf": true, "desert": true, "island": true, "islands": true,
	"isle": true, "street": true, "st": true, "st.": true, "road": true, "avenue": true, "ave": true, "park": true,
	"bay": true, "coast": true, "peninsula": true, "strait": true, "canal": true, "channel": true, "hill": true,
	"hills": true, "falls": true, "forest": true, "beach": true, "square": true, "bridge": true, "airport": true,
	"europe": true, "asia": true, "africa": true, "antarctica": true, "oceania": true, "east": true, "west": true,
	"america": false, "americas": true, "balkans": true, "caucasus": true, "scandinavia": true,
	"mediterranean": true, "pacific": true, "atlantic": true, "arctic": true, "himalayas": true, "sahara": true,
	"earth": true, "moon": true, "mars": true, "sinai": true, "kashmir": true, "region": true, "plaza": true,
}

// finalType maps a model type to the output type of tokens [lo, hi).
func (r *Recognizer) finalType(s *sequence, typ, lo, hi int) string {
	switch modelTypes[typ] {
	case "PER":
		return chronicle.EntityPerson
	case "ORG":
		return chronicle.EntityOrg
	}
	for i := lo; i < hi; i++ {
		s.buf = perceptron.AppendLower(s.buf[:0], s.forms[i])
		if geoFeatures[string(s.buf)] && s.gaz[i]/4 != GazPlace { // no allocation: map index by string(bytes)
			return chronicle.EntityLoc
		}
	}
	return chronicle.EntityGPE
}

// addNORP appends NORP mentions for nationality and group words that no
// model entity covers and that are written with a capital.
func (r *Recognizer) addNORP(s *sequence, out []Mention) []Mention {
	for i := 0; i < len(s.forms); i++ {
		g := s.gaz[i]
		if g/4 != GazNORP || g%4 == posI || g%4 == posL || s.labels[i] != 0 || !perceptron.IsUpperStart(s.forms[i]) {
			continue
		}
		j := i + 1
		if g%4 == posB {
			for j < len(s.forms) && s.gaz[j]/4 == GazNORP && s.gaz[j]%4 != posB && s.gaz[j]%4 != posU {
				j++
			}
		}
		ok := true
		for k := i; k < j; k++ {
			ok = ok && s.labels[k] == 0
		}
		if ok {
			out = append(out, Mention{Start: i, End: j, Type: chronicle.EntityNORP, Confidence: 0.8})
		}
		i = j - 1
	}
	slices.SortStableFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	return out
}
