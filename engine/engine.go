// Package engine wires Chronicle's stages into the default analysis
// pipeline, with models loaded from an fs.FS (the embedded ones by default).
package engine

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/models"
	"github.com/chronicle-news/chronicle/ner"
	"github.com/chronicle-news/chronicle/parse"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/chronicle-news/chronicle/registry"
	"github.com/chronicle-news/chronicle/relevance"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tag"
	"github.com/chronicle-news/chronicle/timex"
	"github.com/chronicle-news/chronicle/tokenize"
)

// Options configure the pipeline.
type Options struct {
	// Models holds model files that replace the embedded ones of the same
	// name (models.Layer over the embedded set); nil means the embedded
	// models alone.
	Models fs.FS
	// Lexicon is the event lexicon; nil means the embedded one.
	Lexicon *event.Lexicon
	// Registry resolves actors to canonical identities (user dictionaries
	// first); nil means registry.Default(), the embedded officials.
	Registry *registry.Registry
	// KeepOffTopic analyses articles the relevance stage judges off topic
	// (sport, entertainment, technology) fully and keeps their events in
	// scope; their relevance is still recorded. Without it such an article
	// is not parsed: it gets tokens, tags, entities, times, actors and
	// quotes found without a parse, and no events (see onTopic).
	KeepOffTopic bool
	// AccurateParser parses with the embedded beam-search parser
	// (models.Accurate) instead of the greedy one: more accurate, about
	// 2.4 times the grammar core's time. A parser.model in Models still
	// wins.
	AccurateParser bool
}

// New returns the default pipeline: tokenize, segment, relevance, tag,
// parse (on-topic articles only, unless Options.KeepOffTopic), ner, timex,
// actor, quote, event. Models are loaded once; the pipeline is safe for
// concurrent use by many goroutines.
func New(opts Options) (chronicle.Pipeline, error) {
	fsys := models.FS()
	if opts.AccurateParser {
		fsys = models.Accurate()
	}
	if opts.Models != nil {
		// A mistyped folder must not quietly give the embedded models.
		if _, err := fs.Stat(opts.Models, "."); err != nil {
			return nil, chronicle.Wrap(chronicle.EINVALID, "engine: model folder", err)
		}
		fsys = models.Layer(opts.Models, fsys)
	}
	tagger, err := tag.Load(fsys)
	if err != nil {
		return nil, err
	}
	parser, err := parse.Load(fsys)
	if err != nil {
		return nil, err
	}
	recognizer, err := ner.Load(fsys)
	if err != nil {
		return nil, err
	}
	relevant, err := relevance.Load(fsys)
	if err != nil {
		return nil, err
	}
	var syntax chronicle.Stage = onTopic{parser}
	if opts.KeepOffTopic {
		syntax = parser
	}
	reg := opts.Registry
	if reg == nil {
		reg = registry.Default()
	}
	actors, err := actor.New(reg)
	if err != nil {
		return nil, err
	}
	// The relevance stage reads only the text, so it runs before the
	// models: an off-topic article skips the parser, which is about half of
	// the analysis, and with it event coding (about half the articles of a
	// general news crawl: 1,166 of BBC's 2,225), whose events would be
	// off topic anyway: the event coder codes only parsed text.
	return chronicle.Pipeline{
		tokenize.New(),
		segment.New(),
		relevant.Recorder(),
		tagger,
		syntax,
		recognizer,
		timex.New(),
		actors,
		quote.New(),
		event.New(opts.Lexicon),
	}, nil
}

// onTopic runs its stage only on articles not judged off topic, and
// notes on the document why a skipped one has no parse.
type onTopic struct{ chronicle.Stage }

func (g onTopic) Process(ctx context.Context, doc *chronicle.Document) error {
	if r := doc.Relevance; r != nil && *r < relevance.OffTopicBelow {
		doc.Problems = append(doc.Problems, chronicle.Problem{Kind: "off-topic",
			Message: fmt.Sprintf("relevance %.3f is below %.2f: not parsed, so no events are coded (--keep-off-topic analyses it fully)", *r, relevance.OffTopicBelow)})
		return nil
	}
	return g.Stage.Process(ctx, doc)
}

// Unwrap returns the gated stage (chronicle bench names stages by it).
func (g onTopic) Unwrap() chronicle.Stage { return g.Stage }
