package main

import (
	"io/fs"
	"os"

	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/event"
	"github.com/chronicle-news/chronicle/registry"
	"github.com/spf13/pflag"
)

// modelsUsage and accurateUsage document --models and --accurate wherever
// they are flags.
const (
	modelsUsage   = "folder of model files that replace the embedded ones of the same name (e.g. just a retrained parser.model)"
	accurateUsage = "parse with the embedded beam-search parser: EWT test UAS/LAS 87.14/84.19 instead of 86.01/83.09, for about twice the grammar core's time"
)

// modelFlags are the flags that choose the models of the pipeline.
type modelFlags struct {
	dir      string
	accurate bool
}

func (m *modelFlags) register(f *pflag.FlagSet) {
	f.StringVar(&m.dir, "models", "", modelsUsage)
	f.BoolVar(&m.accurate, "accurate", false, accurateUsage)
}

// options returns the engine options the flags set.
func (m *modelFlags) options() engine.Options {
	return engine.Options{Models: modelsFS(m.dir), AccurateParser: m.accurate}
}

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
func engineOptions(mf modelFlags, lexicons, actorDics []string, keepOffTopic bool) (engine.Options, error) {
	opts := mf.options()
	opts.KeepOffTopic = keepOffTopic
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

func withKeep(o engine.Options, keep bool) engine.Options {
	o.KeepOffTopic = keep
	return o
}

func withLexicon(o engine.Options, lx *event.Lexicon) engine.Options {
	o.Lexicon = lx
	return o
}
