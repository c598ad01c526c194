// Package models embeds Chronicle's trained model files so that the binary
// needs nothing at run time. Each stage's Load takes an fs.FS, so tests and
// users can swap in other models (chronicle --models DIR).
package models

import (
	"embed"
	"io/fs"
)

//go:embed data
var data embed.FS

// FS returns the embedded model files (tagger.model, parser.model, ner.model, ...).
func FS() fs.FS {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		panic(err) // "data" is embedded above; unreachable
	}
	return sub
}
