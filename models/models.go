// Package models embeds Chronicle's trained model files so that the binary
// needs nothing at run time. Each stage's Load takes an fs.FS, so tests and
// users can swap in other models (chronicle --models DIR).
package models

import (
	"embed"
	"errors"
	"io/fs"
	"path"
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

// Over returns fsys with the embedded models beneath it: a model file fsys
// holds is read from it, any other from the embedded set. So a folder with
// only a retrained parser.model is a complete model set.
func Over(fsys fs.FS) fs.FS { return overlay{top: fsys, base: FS()} }

// Layer returns top over base: a file top holds is read from it, any other
// from base.
func Layer(top, base fs.FS) fs.FS { return overlay{top: top, base: base} }

// AccurateParserFile is the embedded beam-search parser (beam 4, word
// classes): more accurate than parser.model, the greedy default, and about
// 3.5 times slower (see the top-level README).
const AccurateParserFile = "accurate/parser.model"

// Accurate returns the embedded model set with the accurate parser in place
// of parser.model: the folder accurate/ over the embedded set.
func Accurate() fs.FS {
	sub, err := fs.Sub(FS(), path.Dir(AccurateParserFile))
	if err != nil {
		panic(err) // embedded above; unreachable
	}
	return Layer(sub, FS())
}

type overlay struct{ top, base fs.FS }

// Open opens name from the top folder, else from the embedded set. Listing
// "." shows the top folder's files only.
func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := o.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.base.Open(name)
	}
	return f, err
}
