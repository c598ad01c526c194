package coref

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Document is one coreference-annotated document read from a CoNLL file.
type Document struct {
	ID       string
	Words    []string
	Clusters [][]Mention // gold entities, singletons included, in order of first mention
}

// ReadCoNLL reads the CoNLL coreference format GUM uses (and the CoNLL-2012
// shared task uses in its last column): documents between
// "# begin document ID" and "# end document", one word per line, tab
// separated, the last column holding bracketed entity labels such as
// "(person-1", "person-1)" or "(place-2-Wikipedia_title)". The entity id is
// the second hyphen-separated field of the label when the first is a type
// (GUM), and the whole label otherwise (CoNLL-2012 numbers). Blank lines
// (sentence breaks) are allowed.
//
// It returns an error naming the line for a malformed file: a word line
// outside a document, a closing bracket without an opening one, or a
// mention left open at the end of its document.
func ReadCoNLL(r io.Reader, name string) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var (
		docs   []Document
		cur    *Document
		open   map[string][]int // entity id -> stack of start word indices
		index  map[string]int   // entity id -> cluster index
		lineNo int
	)
	add := func(id string, m Mention) {
		ci, ok := index[id]
		if !ok {
			ci = len(cur.Clusters)
			index[id] = ci
			cur.Clusters = append(cur.Clusters, nil)
		}
		cur.Clusters[ci] = append(cur.Clusters[ci], m)
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "#begin document") || strings.HasPrefix(line, "# begin document") {
			id := strings.TrimSpace(line[strings.Index(line, "document")+len("document"):])
			docs = append(docs, Document{ID: id})
			cur = &docs[len(docs)-1]
			open = map[string][]int{}
			index = map[string]int{}
			continue
		}
		if strings.HasPrefix(line, "#end document") || strings.HasPrefix(line, "# end document") {
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: end of a document that did not begin", name, lineNo)
			}
			for id, st := range open {
				if len(st) > 0 {
					return nil, fmt.Errorf("%s:%d: document %s: mention of entity %s left open", name, lineNo, cur.ID, id)
				}
			}
			sortClusters(cur.Clusters)
			cur = nil
			continue
		}
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: word line outside a document", name, lineNo)
		}
		cols := strings.Fields(line)
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s:%d: want at least 3 columns, got %d", name, lineNo, len(cols))
		}
		w := len(cur.Words)
		cur.Words = append(cur.Words, cols[1])
		lab := cols[len(cols)-1]
		if lab == "_" || lab == "-" {
			continue
		}
		for i := 0; i < len(lab); {
			opening := lab[i] == '('
			if opening {
				i++
			}
			j := i
			for j < len(lab) && lab[j] != '(' && lab[j] != ')' {
				j++
			}
			if j == i {
				if j < len(lab) && lab[j] == ')' {
					return nil, fmt.Errorf("%s:%d: empty label in %q", name, lineNo, lab)
				}
				i = j
				continue
			}
			id := entityID(lab[i:j])
			closing := j < len(lab) && lab[j] == ')'
			if closing {
				j++
			}
			switch {
			case opening && closing:
				add(id, Mention{w, w + 1})
			case opening:
				open[id] = append(open[id], w)
			case closing:
				st := open[id]
				if len(st) == 0 {
					return nil, fmt.Errorf("%s:%d: closing %q without an opening", name, lineNo, lab[i:j])
				}
				add(id, Mention{st[len(st)-1], w + 1})
				open[id] = st[:len(st)-1]
			default:
				return nil, fmt.Errorf("%s:%d: label %q is neither opened nor closed", name, lineNo, lab)
			}
			i = j
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if cur != nil {
		return nil, fmt.Errorf("%s: document %s has no end", name, cur.ID)
	}
	return docs, nil
}

// entityID returns the id part of a label: "person-12-Name" -> "12",
// "12" -> "12".
func entityID(label string) string {
	typ, rest, ok := strings.Cut(label, "-")
	if !ok || typ == "" || typ[0] < 'a' || typ[0] > 'z' {
		return label
	}
	id, _, _ := strings.Cut(rest, "-")
	return id
}
