// Package conllu reads CoNLL-U files (Universal Dependencies) into sentences
// of words, keeping the comments that segmentation scoring needs.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word line.
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for root
	Deprel string
	Misc   string
}

// SpaceAfter reports whether the word (or the multiword token it ends) is
// followed by a space: false when MISC says SpaceAfter=No.
func (w *Word) SpaceAfter() bool { return !strings.Contains(w.Misc, "SpaceAfter=No") }

// MultiWord is a multiword token line such as "3-4 don't".
type MultiWord struct {
	First, Last int // word ids
	Form        string
	Misc        string
}

// Sentence is one sentence with its comments.
type Sentence struct {
	ID       string // # sent_id
	Text     string // # text
	NewDoc   string // # newdoc id (empty when this sentence starts no document)
	NewPar   bool   // # newpar present
	DocStart bool   // # newdoc present
	Comments []string
	Words    []Word
	Multi    []MultiWord
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
	name string
}

// NewReader returns a Reader over r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF after the last.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := r.sc.Text()
		if line == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if line[0] == '#' {
			s.Comments = append(s.Comments, line)
			key, val, _ := strings.Cut(strings.TrimSpace(line[1:]), "=")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			switch {
			case key == "sent_id":
				s.ID = val
			case key == "text":
				s.Text = val
			case strings.HasPrefix(key, "newdoc"):
				s.DocStart = true
				s.NewDoc = val
			case strings.HasPrefix(key, "newpar"):
				s.NewPar = true
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 columns, got %d", r.name, r.line, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("%s:%d: bad range id %q", r.name, r.line, id)
			}
			s.Multi = append(s.Multi, MultiWord{First: first, Last: last, Form: cols[1], Misc: cols[9]})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad id %q", r.name, r.line, id)
		}
		head := 0
		if cols[6] != "_" {
			if head, err = strconv.Atoi(cols[6]); err != nil {
				return nil, fmt.Errorf("%s:%d: bad head %q", r.name, r.line, cols[6])
			}
		}
		s.Words = append(s.Words, Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
			Feats: cols[5], Head: head, Deprel: cols[7], Misc: cols[9]})
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", r.name, r.line, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of a file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	return ReadAll(f, path)
}

// ReadFiles reads several files in order, as one list of sentences.
func ReadFiles(paths ...string) ([]*Sentence, error) {
	var all []*Sentence
	for _, p := range paths {
		s, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	return all, nil
}

// MultiAt returns the multiword token that starts at word id, if any.
func (s *Sentence) MultiAt(id int) (MultiWord, bool) {
	for _, m := range s.Multi {
		if m.First == id {
			return m, true
		}
	}
	return MultiWord{}, false
}
