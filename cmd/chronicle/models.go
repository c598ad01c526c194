package main

import (
	"io/fs"
	"os"
)

// modelsFS returns the model directory dir as an fs.FS, or nil (the
// embedded models) when dir is empty.
func modelsFS(dir string) fs.FS {
	if dir == "" {
		return nil
	}
	return os.DirFS(dir)
}
