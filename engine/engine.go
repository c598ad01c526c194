// Package engine wires Chronicle's stages into the default analysis
// pipeline, with models loaded from an fs.FS (the embedded ones by default).
package engine

import (
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
	// Models holds the model files; nil means the models embedded in the binary.
	Models fs.FS
	// Lexicon is the event lexicon; nil means the embedded one.
	Lexicon *event.Lexicon
	// Registry resolves actors to canonical identities (user dictionaries
	// first); nil means registry.Default(), the embedded officials.
	Registry *registry.Registry
	// KeepOffTopic keeps the events of articles the relevance stage judges
	// off topic (sport, entertainment, technology) in scope; their
	// relevance is still recorded.
	KeepOffTopic bool
}

// New returns the default pipeline: tokenize, segment, tag, parse, ner,
// timex, actor, quote, event, relevance. Models are loaded once; the pipeline is safe
// for concurrent use by many goroutines.
func New(opts Options) (chronicle.Pipeline, error) {
	fsys := opts.Models
	if fsys == nil {
		fsys = models.FS()
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
	if chronicle.ErrorCode(err) == chronicle.ENOTFOUND && opts.Models != nil {
		// A model folder from before the relevance stage: the embedded
		// classifier serves.
		relevant, err = relevance.Load(models.FS())
	}
	if err != nil {
		return nil, err
	}
	var judge chronicle.Stage = relevant
	if opts.KeepOffTopic {
		judge = relevant.Recorder()
	}
	reg := opts.Registry
	if reg == nil {
		reg = registry.Default()
	}
	actors, err := actor.New(reg)
	if err != nil {
		return nil, err
	}
	return chronicle.Pipeline{
		tokenize.New(),
		segment.New(),
		tagger,
		parser,
		recognizer,
		timex.New(),
		actors,
		quote.New(),
		event.New(opts.Lexicon),
		judge,
	}, nil
}
