// Package shared finds the ../shared folder (corpora, seed article) that
// tests and evaluations read. It is never embedded or required at run time.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $CHRONICLE_SHARED if set, else the first
// "shared" folder found beside the module root or one of its parents.
// It returns "" when there is none.
func Dir() string {
	if d := os.Getenv("CHRONICLE_SHARED"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		cand := filepath.Join(dir, "shared")
		if fi, err := os.Stat(filepath.Join(cand, "corpora")); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns a path inside the shared folder, skipping the test with a
// clear message when the folder or the path is absent.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	d := Dir()
	if d == "" {
		t.Skip("../shared not found (set CHRONICLE_SHARED): skipping test that needs the corpora")
	}
	p := filepath.Join(append([]string{d}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found: skipping", p)
	}
	return p
}
