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
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/event"
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
// stored sports "attack", so the bar is far below 0.5. It was chosen on dev
// (`chronicle train relevance` prints the table): 0.02 drops 0.5 % of the
// relevant articles (1 of 217) and catches 81.4 % of the others; 0.05
// drops 1.4 % and catches 89.6 %.
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
	if !finite(c.a) || !finite(c.b) {
		return nil, fmt.Errorf("%w: probability scaling %v, %v", perceptron.ErrCorrupt, c.a, c.b)
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

func finite(f float32) bool {
	return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0)
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
	return c.judge(ctx, doc, true)
}

// Recorder returns a stage that records the judgement in doc.Relevance
// but leaves every event in scope, for users who want the chronicle of all
// news.
func (c *Classifier) Recorder() chronicle.Stage { return recorder{c} }

type recorder struct{ c *Classifier }

func (r recorder) Process(ctx context.Context, doc *chronicle.Document) error {
	return r.c.judge(ctx, doc, false)
}

func (c *Classifier) judge(ctx context.Context, doc *chronicle.Document, mark bool) error {
	if err := ctx.Err(); err != nil {
		return chronicle.Wrap(chronicle.EUNAVAILABLE, "relevance", err)
	}
	p, ok := c.Relevance(doc.Text)
	if !ok {
		doc.Relevance = nil
		return nil
	}
	doc.Relevance = &p
	if p >= OffTopicBelow || !mark {
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
// lower-case words of three letters or more, the number of kinds of
// political actors it names, and the bias), appended to dst. Anything but a letter splits words: digits, punctuation, curly
// quotes, no-break spaces ("don’t" is "don" and "t", as "don't" is).
func Features(text string, dst []uint64) []uint64 {
	dst = append(dst[:0], 1) // bias
	var buf [64]byte
	n, letters := 0, 0
	pol := politicalAgents()
	seen := map[string]bool{}
	agents := 0
	flush := func() {
		if letters >= 3 && n <= len(buf) {
			dst = append(dst, perceptron.HashBytes(1, buf[:n]))
			w := buf[:n]
			if !pol[string(w)] && len(w) > 3 && w[len(w)-1] == 's' {
				w = w[:len(w)-1] // "troops", "ministers"
			}
			if pol[string(w)] && !seen[string(w)] {
				seen[string(w)] = true
				agents++
			}
		}
		n, letters = 0, 0
	}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) <= len(buf) {
			n += utf8.EncodeRune(buf[n:], r)
		} else {
			n = len(buf) + 1 // too long to be a word: dropped
		}
		letters++
	}
	flush()
	// How many kinds of political and security actors the article names
	// (ministers, troops, rebels, police, judges, ...): conflict and
	// diplomacy reports the training politics lacks name many.
	dst = append(dst, perceptron.Combine(2, uint64(bucket(agents)), 0))
	slices.Sort(dst[1:])
	return slices.Compact(dst)
}

// bucket groups a count: 0, 1, 2, 3-4, 5-7, 8-11, 12 and more.
func bucket(n int) int {
	for b, lim := range [...]int{1, 2, 3, 5, 8, 12} {
		if n < lim {
			return b
		}
	}
	return 6
}

// politicalAgents are the nouns of political and security actors among
// the Phoenix agents (government, military, rebels, opposition, judiciary,
// legislature, police, armed groups, spies, refugees).
var politicalAgents = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for noun, code := range event.AgentCodes() {
		for _, p := range []string{"GOV", "MIL", "REB", "OPP", "JUD", "LEG", "COP", "UAF", "SPY", "REF"} {
			if strings.HasPrefix(code, p) {
				m[noun] = true
			}
		}
	}
	return m
})

// words counts the words of text: its runs of letters.
func words(text string) int {
	n, in := 0, false
	for _, r := range text {
		l := unicode.IsLetter(r)
		if l && !in {
			n++
		}
		in = l
	}
	return n
}
