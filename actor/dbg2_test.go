package actor_test

import (
	"os"
	"path/filepath"

	"github.com/chronicle-news/chronicle/coref"
)

func filepathGlob(p string) ([]string, error) { return filepath.Glob(p) }
func readConll(f string) []coref.Document {
	r, _ := os.Open(f)
	defer r.Close()
	d, _ := coref.ReadCoNLL(r, f)
	return d
}
