// Package relevance judges whether a news article reports politics,
// diplomacy or conflict, the way POLECAT's relevance filter does, so that
// the chronicle does not store the "attacks" and "meetings" of sports,
// entertainment and technology reporting ("Holmes smashed the British
// record", "IAAF launches fight against drugs"). It is an averaged
// perceptron over the words of the whole article; a short text (a
// sentence, a brief) gets no judgement.
package relevance

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"slices"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

// ModelFile is the name Load reads from its fs.FS.
const ModelFile = "relevance.model"

const magic = "CHRREL01"

// MinWords is the fewest words a text needs for a judgement: below it the
// words say too little about the topic (and single sentences, as in the
// event gold standards, are left alone).
const MinWords = 120

// OffTopicBelow is the relevance under which an article's events are off
// topic. A wrongly dropped conflict report costs a researcher more than a
// stored sports "attack", so the bar is far below 0.5: on dev (`chronicle
// train relevance` prints the split) 0.02 drops 0.3 % of the relevant
// articles and catches 79 % of the others, where 0.5 would drop 7.2 % and
// catch 98.9 %.
const OffTopicBelow = 0.02

// Classifier scores articles. It is read-only after Load and safe for
// concurrent use.
type Classifier struct {
	model *perceptron.Model
	// Platt scaling of the score margin into a probability, fitted on dev.
	a, b float32
}

// Load reads ModelFile from fsys. A missing file gives an ENOTFOUND error,
// a damaged one EUNAVAILABLE; Load never panics.
func Load(fsys fs.FS) (*Classifier, error) {
	data, err := fs.ReadFile(fsys, ModelFile)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.ENOTFOUND, "relevance.Load", err)
	}
	c, err := Decode(data)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, "relevance.Load "+ModelFile, err)
	}
	return c, nil
}

// Decode reads a model from its bytes; corrupt data gives an error wrapping
// perceptron.ErrCorrupt.
func Decode(data []byte) (*Classifier, error) {
	d, err := perceptron.NewDecoder(data, magic)
	if err != nil {
		return nil, err
	}
	c := &Classifier{a: d.Float32(), b: d.Float32()}
	if d.Err() != nil {
		return nil, d.Err()
	}
	if c.model, err = perceptron.DecodeModel(d); err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	if c.model.Classes() != 2 {
		return nil, fmt.Errorf("%w: %d classes, want 2", perceptron.ErrCorrupt, c.model.Classes())
	}
	if err := d.Close(); err != nil {
		return nil, err
	}
	return c, nil
}

// Encode returns the model file bytes; the same model gives the same bytes.
func (c *Classifier) Encode() []byte {
	e := perceptron.NewEncoder(magic)
	e.Float32(c.a)
	e.Float32(c.b)
	c.model.Encode(e)
	return e.Bytes()
}

// Stats describes the model's size.
func (c *Classifier) Stats() string {
	return fmt.Sprintf("%d features, %d weights", c.model.Features(), c.model.Weights())
}

// Relevance returns the probability that text reports politics, diplomacy
// or conflict, and false when the text is too short to tell.
func (c *Classifier) Relevance(text string) (float64, bool) {
	if words(text) < MinWords {
		return 0, false
	}
	var scores [2]int32
	c.model.Scores(Features(text, nil), scores[:])
	margin := float32(scores[1]-scores[0]) * c.model.Unit()
	return 1 / (1 + math.Exp(-float64(c.a*margin+c.b))), true
}

// Process marks the events of an article judged off topic (relevance
// below OffTopicBelow) with chronicle.ScopeOffTopic, which the store does
// not keep, and records the judgement in doc.Relevance. It runs after the
// event coder.
func (c *Classifier) Process(ctx context.Context, doc *chronicle.Document) error {
	if err := ctx.Err(); err != nil {
		return chronicle.Wrap(chronicle.EUNAVAILABLE, "relevance", err)
	}
	p, ok := c.Relevance(doc.Text)
	if !ok {
		doc.Relevance = nil
		return nil
	}
	doc.Relevance = &p
	if p >= OffTopicBelow {
		return nil
	}
	for i := range doc.Events {
		if doc.Events[i].Scope == "" {
			doc.Events[i].Scope = chronicle.ScopeOffTopic
		}
	}
	return nil
}

// Features returns the sorted, distinct hashed features of text (its
// lower-case words of three letters or more, and the bias), appended to
// dst. Digits and punctuation split words.
func Features(text string, dst []uint64) []uint64 {
	dst = append(dst[:0], 1) // bias
	var buf [32]byte
	n := 0
	flush := func() {
		if n >= 3 && n <= len(buf) {
			dst = append(dst, perceptron.HashBytes(1, buf[:n]))
		}
		n = 0
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= 0x80:
			// Letters beyond ASCII stay in the word, byte by byte.
		default:
			flush()
			continue
		}
		if n < len(buf) {
			buf[n] = c
		}
		n++
	}
	flush()
	slices.Sort(dst[1:])
	return slices.Compact(dst)
}

// words counts the whitespace-separated words of text.
func words(text string) int {
	n, in := 0, false
	for i := 0; i < len(text); i++ {
		space := text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
