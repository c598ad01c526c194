package models

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOver(t *testing.T) {
	top := fstest.MapFS{"parser.model": {Data: []byte("mine")}}
	o := Over(top)
	got, err := fs.ReadFile(o, "parser.model")
	if err != nil || string(got) != "mine" {
		t.Fatalf("parser.model from the folder: %q, %v", got, err)
	}
	want, err := fs.ReadFile(FS(), "tagger.model")
	if err != nil {
		t.Skipf("no embedded tagger: %v", err)
	}
	got, err = fs.ReadFile(o, "tagger.model")
	if err != nil || len(got) != len(want) {
		t.Fatalf("tagger.model from the embedded set: %d bytes, %v", len(got), err)
	}
	if _, err := fs.ReadFile(o, "no.model"); err == nil {
		t.Fatal("a file in neither set was found")
	}
}

// TestAccurate: the accurate set serves the beam-search parser as
// parser.model and every other file as the embedded set does; Layer puts a
// folder over it.
func TestAccurate(t *testing.T) {
	want, err := fs.ReadFile(FS(), AccurateParserFile)
	if err != nil {
		t.Fatalf("no embedded accurate parser: %v", err)
	}
	got, err := fs.ReadFile(Accurate(), "parser.model")
	if err != nil || string(got) != string(want) {
		t.Fatalf("parser.model of the accurate set: %d bytes, %v; want %s", len(got), err, AccurateParserFile)
	}
	greedy, _ := fs.ReadFile(FS(), "parser.model")
	if string(greedy) == string(want) {
		t.Fatal("the default parser.model is the accurate one")
	}
	tg, _ := fs.ReadFile(FS(), "tagger.model")
	if got, err := fs.ReadFile(Accurate(), "tagger.model"); err != nil || string(got) != string(tg) {
		t.Fatalf("tagger.model of the accurate set: %d bytes, %v; want the embedded one", len(got), err)
	}
	if info, err := fs.Stat(Accurate(), "parser.model"); err != nil || info.Name() != "parser.model" || info.Size() != int64(len(want)) {
		t.Fatalf("Stat(parser.model) of the accurate set: %v, %v", info, err)
	}
	top := fstest.MapFS{"parser.model": {Data: []byte("mine")}}
	if got, _ := fs.ReadFile(Layer(top, Accurate()), "parser.model"); string(got) != "mine" {
		t.Fatalf("Layer: parser.model %q, want the folder's", got)
	}
}
