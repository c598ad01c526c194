// Package tag is Chronicle's part-of-speech tagger and lemmatizer: a greedy
// left-to-right averaged perceptron over hashed features that predicts one
// joint UPOS+XPOS class per token, a tag dictionary for frequent unambiguous
// words, and the learned lemmatizer of package lemma.
package tag

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/lemma"
	"github.com/chronicle-news/chronicle/perceptron"
)

// ModelFile is the name Load reads from its fs.FS.
const ModelFile = "tagger.model"

const magic = "CHRTAG01"

// Tagger fills Token.UPOS, XPOS and Lemma. It is read-only after Load and
// safe for concurrent use; per-call scratch comes from a sync.Pool.
type Tagger struct {
	model    *perceptron.Model
	classes  []string // joint "UPOS\tXPOS" label of each class
	upos     []string
	xpos     []string
	propn    []bool // class is a proper noun (lemma keeps case)
	dict     *perceptron.Index
	amb      *perceptron.Index // lower-case form hash -> ambiguity class
	cs       *perceptron.Index // lower-case form hash -> case/frequency bucket
	clusters Clusters
	lem      *lemma.Lemmatizer
	pool     sync.Pool
}

func newTagger(model *perceptron.Model, classes []string, dict, amb, cs *perceptron.Index, cl Clusters, lem *lemma.Lemmatizer) *Tagger {
	t := &Tagger{model: model, classes: classes, dict: dict, amb: amb, cs: cs, clusters: cl, lem: lem}
	for _, c := range classes {
		u, x, _ := strings.Cut(c, "\t")
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
		t.propn = append(t.propn, u == "PROPN")
	}
	t.pool.New = func() any { return new(sequence) }
	return t
}

// Load reads ModelFile from fsys (pass models.FS() for the embedded model).
// A missing file gives an ENOTFOUND error, a damaged one EUNAVAILABLE; Load
// never panics.
func Load(fsys fs.FS) (*Tagger, error) {
	data, err := fs.ReadFile(fsys, ModelFile)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.ENOTFOUND, "tag.Load", err)
	}
	t, err := Decode(data)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, "tag.Load "+ModelFile, err)
	}
	return t, nil
}

// Decode reads a tagger model from its bytes. Corrupt or truncated data
// gives an error wrapping perceptron.ErrCorrupt.
func Decode(data []byte) (*Tagger, error) {
	d, err := perceptron.NewDecoder(data, magic)
	if err != nil {
		return nil, err
	}
	classes := d.Strings()
	if d.Err() != nil {
		return nil, d.Err()
	}
	if len(classes) < 2 {
		return nil, fmt.Errorf("%w: %d classes", perceptron.ErrCorrupt, len(classes))
	}
	dict, err := perceptron.DecodeIndex(d, uint32(len(classes)))
	if err != nil {
		return nil, fmt.Errorf("tag dictionary: %w", err)
	}
	amb, err := perceptron.DecodeIndex(d, 1<<30)
	if err != nil {
		return nil, fmt.Errorf("ambiguity classes: %w", err)
	}
	cs, err := perceptron.DecodeIndex(d, 1<<16)
	if err != nil {
		return nil, fmt.Errorf("case statistics: %w", err)
	}
	var cl Clusters
	if cl.Coarse, err = perceptron.DecodeIndex(d, 1<<20); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	if cl.Fine, err = perceptron.DecodeIndex(d, 1<<20); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	model, err := perceptron.DecodeModel(d)
	if err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	if model.Classes() != len(classes) {
		return nil, fmt.Errorf("%w: %d classes in weights, %d labels", perceptron.ErrCorrupt, model.Classes(), len(classes))
	}
	lem, err := lemma.Decode(d)
	if err != nil {
		return nil, err
	}
	if err := d.Close(); err != nil {
		return nil, err
	}
	return newTagger(model, classes, dict, amb, cs, cl, lem), nil
}

// Encode returns the model file bytes. The same model gives the same bytes.
func (t *Tagger) Encode() []byte {
	e := perceptron.NewEncoder(magic)
	e.Strings(t.classes)
	t.dict.Encode(e)
	t.amb.Encode(e)
	t.cs.Encode(e)
	t.clusters.Coarse.Encode(e)
	t.clusters.Fine.Encode(e)
	t.model.Encode(e)
	t.lem.Encode(e)
	return e.Bytes()
}

// Stats describes the model's size.
func (t *Tagger) Stats() string {
	return fmt.Sprintf("%d classes, %d features, %d weights, %d dictionary words",
		len(t.classes), t.model.Features(), t.model.Weights(), t.dict.Len())
}

// Process tags every sentence of doc (the whole token list as one sequence
// when doc has no sentences yet), filling UPOS, XPOS and Lemma. It returns an
// error only when ctx is done.
func (t *Tagger) Process(ctx context.Context, doc *chronicle.Document) error {
	s := t.pool.Get().(*sequence)
	defer t.pool.Put(s)
	if len(doc.Sentences) == 0 {
		return t.tagRange(s, doc, 0, len(doc.Tokens))
	}
	for i, sent := range doc.Sentences {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return chronicle.Wrap(chronicle.EUNAVAILABLE, "tag", err)
			}
		}
		lo, hi := max(sent.Tokens.Start, 0), min(sent.Tokens.End, len(doc.Tokens))
		if err := t.tagRange(s, doc, lo, hi); err != nil {
			return err
		}
	}
	return nil
}

// maxSeq bounds the sequence length the tagger handles at once; longer
// token runs (an unsegmented document) are tagged in pieces.
const maxSeq = 512

func (t *Tagger) tagRange(s *sequence, doc *chronicle.Document, lo, hi int) error {
	for lo < hi {
		end := min(hi, lo+maxSeq)
		s.forms = s.forms[:0]
		for i := lo; i < end; i++ {
			tok := &doc.Tokens[i]
			if tok.Start < 0 || tok.End < tok.Start || int(tok.End) > len(doc.Text) {
				return chronicle.Errorf(chronicle.EINVALID, "tag", "token %d has bad offsets [%d,%d)", i, tok.Start, tok.End)
			}
			s.forms = append(s.forms, doc.Text[tok.Start:tok.End])
		}
		t.tag(s, s.forms)
		for j, c := range s.tags {
			tok := &doc.Tokens[lo+j]
			tok.UPOS, tok.XPOS = t.upos[c], t.xpos[c]
			tok.Lemma, s.lemBuf = t.lem.Lemma(s.forms[j], uint32(c), t.propn[c], s.lemBuf)
		}
		lo = end
	}
	return nil
}

// tag fills s.tags with the class of each form.
//
// Tuned: the hot loop of the tagger; no allocation once s has grown.
func (t *Tagger) tag(s *sequence, forms []string) {
	s.load(forms, t)
	if cap(s.scores) < len(t.classes) {
		s.scores = make([]int32, len(t.classes))
	}
	p1, p2 := int32(-1), int32(-1)
	for i := range forms {
		var c int32
		w := &s.words[i+pad]
		if v, ok := t.dict.Get(w.fw); ok {
			c = int32(v)
		} else {
			f := s.features(i, p1, p2)
			nc := len(t.classes)
			row, ok := s.cache.Row(perceptron.Combine(60, w.fw, w.flags)|1, nc, wordCacheSize)
			if !ok {
				t.model.Scores(f[:wordFeatures], row)
			}
			scores := s.scores[:nc]
			copy(scores, row)
			t.model.AddScores(f[wordFeatures:], scores)
			c = int32(perceptron.Best(scores, nil))
		}
		s.tags[i] = c
		p2, p1 = p1, c
	}
}

// Tag returns the UPOS, XPOS and lemma of each form of one sentence. It is
// a convenience for evaluation and tools; Process is the pipeline entry.
func (t *Tagger) Tag(forms []string) (upos, xpos, lemmas []string) {
	s := t.pool.Get().(*sequence)
	defer t.pool.Put(s)
	t.tag(s, forms)
	upos, xpos, lemmas = make([]string, len(forms)), make([]string, len(forms)), make([]string, len(forms))
	for j, c := range s.tags {
		upos[j], xpos[j] = t.upos[c], t.xpos[c]
		lemmas[j], s.lemBuf = t.lem.Lemma(forms[j], uint32(c), t.propn[c], s.lemBuf)
	}
	return upos, xpos, lemmas
}

// Clusters returns the word clusters the tagger uses, for other models
// (the recognizer) to share.
func (t *Tagger) Clusters() Clusters { return t.clusters }

// Ambiguity returns the tagger's ambiguity classes (lower-case form hash
// to the id of the set of tags seen with it in training), for other models
// to share.
func (t *Tagger) Ambiguity() *perceptron.Index { return t.amb }

// CaseStats returns the tagger's case and frequency buckets of lower-case
// words (see CaseStats), for other models to share.
func (t *Tagger) CaseStats() *perceptron.Index { return t.cs }
