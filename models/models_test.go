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
