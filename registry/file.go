package registry

import (
	"os"
	"path/filepath"
	"strings"

	chronicle "github.com/chronicle-news/chronicle"
)

// LoadFile adds the entries of a dictionary file to r: a user dictionary
// when the name ends in ".tsv", otherwise a PETRARCH/Phoenix actor
// dictionary (read as the country file when its name contains "Countries",
// as an organization file otherwise). It returns how many entries it read;
// a missing file is ENOTFOUND, a malformed one EINVALID.
func (r *Registry) LoadFile(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, chronicle.Wrap(chronicle.ENOTFOUND, "registry.LoadFile", err)
	}
	defer f.Close()
	name := filepath.Base(path)
	var es []Entry
	switch {
	case strings.HasSuffix(name, ".tsv"):
		es, err = ReadDictionary(f, path)
	case strings.Contains(name, "Countries"):
		es, err = ReadPetrarch(f, path, PetrarchCountries)
	default:
		es, err = ReadPetrarch(f, path, PetrarchOrgs)
	}
	if err != nil {
		return 0, err
	}
	for _, e := range es {
		r.Add(e)
	}
	return len(es), nil
}
