package main

import (
	"io/fs"
	"os"

	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/registry"
)

// modelsUsage documents --models wherever it is a flag.
const modelsUsage = "folder of model files that replace the embedded ones of the same name (e.g. just a retrained parser.model)"

// modelsFS returns the model directory dir as an fs.FS, or nil (the
// embedded models) when dir is empty.
func modelsFS(dir string) fs.FS {
	if dir == "" {
		return nil
	}
	return os.DirFS(dir)
}

// engineOptions builds the pipeline options from the common flags: a model
// directory, user event lexicons and user actor dictionaries (loaded over
// the default officials, so that they win).
func engineOptions(modelDir string, lexicons, actorDics []string, keepOffTopic bool) (engine.Options, error) {
	opts := engine.Options{Models: modelsFS(modelDir), KeepOffTopic: keepOffTopic}
	lx, err := loadLexicon(lexicons)
	if err != nil {
		return opts, err
	}
	opts.Lexicon = lx
	if len(actorDics) > 0 {
		reg := registry.Default()
		for _, p := range actorDics {
			if _, err := reg.LoadFile(p); err != nil {
				return opts, err
			}
		}
		opts.Registry = reg
	}
	return opts, nil
}
