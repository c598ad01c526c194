package actor

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/biter777/countries"

	chronicle "github.com/chronicle-news/chronicle"
)

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// roleInfo is one title of the role lexicon.
type roleInfo struct {
	Title  string // canonical spelling, title case ("Secretary of State")
	Sector string
	Unique bool // one holder per country at a time (president, foreign minister)
	words  int
}

// placeInfo is what a place phrase names.
type placeInfo struct {
	Name    string // canonical name ("Ukraine", "NATO")
	Code    string // ISO 3166-1 alpha-3 or organization code; "" for none
	Kind    string // name, demonym, capital, org, place (a city or region)
	Sector  string
	words   int
	isState bool
	// reviewed places (data/places.tsv) hold whatever the recognizer
	// says ("Khan Younis" looks like a person's name to it); the bulk
	// of Phoenix places need the recognizer to agree.
	reviewed bool
}

// standsAlone reports whether the phrase is this place wherever it occurs,
// whatever the recognizer says: a demonym, or a place someone reviewed.
// Other lexicon places count only where the recognizer marks a place
// ("Jordan" the person stays a person).
func (p *placeInfo) standsAlone() bool {
	return p.Kind == "demonym" || p.Kind == "place" && p.reviewed
}

// lexicon holds the read-only word lists the stage uses, keyed by FNV hashes
// of lower-cased (roles, persons) or as-written (places) word sequences, so
// lookups never allocate. It is built once by New and shared by all calls.
type lexicon struct {
	roles    []roleInfo
	roleKey  map[uint64]int32 // hash of lower-cased words -> role
	roleHead map[uint64]bool  // hash of a role's lower-cased first word
	maxRole  int
	persons  map[uint64]bool
	places   []placeInfo
	placeKey map[uint64]int32 // hash of words as written -> place
	maxPlace int
	names    map[string]string // alpha-3 -> short common name
}

// seqHash hashes words the way the lexicon keys are built: each word then a
// space. lower selects ASCII lower-casing.
func seqHash(h uint64, w string, lower bool) uint64 {
	if lower {
		h = hashLower(h, w)
	} else {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= fnvPrime
		}
	}
	h ^= ' '
	h *= fnvPrime
	return h
}

func phraseHash(p string, lower bool) (uint64, int) {
	h := uint64(fnvOffset)
	n := 0
	for _, w := range strings.Fields(p) {
		h = seqHash(h, w, lower)
		n++
	}
	return h, n
}

// loadLexicon reads the embedded data files and the country library.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		roleKey:  make(map[uint64]int32),
		roleHead: make(map[uint64]bool),
		persons:  make(map[uint64]bool),
		placeKey: make(map[uint64]int32),
		names:    make(map[string]string),
	}
	err := eachLine("data/roles.tsv", func(cols []string) error {
		if len(cols) != 3 {
			return fmt.Errorf("want 3 columns, got %d", len(cols))
		}
		h, n := phraseHash(cols[0], true)
		lx.roleKey[h] = int32(len(lx.roles))
		lx.roles = append(lx.roles, roleInfo{Title: titleCase(cols[0]), Sector: cols[1], Unique: cols[2] == "1", words: n})
		lx.maxRole = max(lx.maxRole, n)
		lx.roleHead[seqHash(fnvOffset, strings.Fields(cols[0])[0], true)] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("data/persons.txt", func(cols []string) error {
		for _, w := range strings.Fields(strings.Join(cols, " ")) {
			h, _ := phraseHash(w, true)
			lx.persons[h] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	addPlace := func(phrase string, p placeInfo) {
		h, n := phraseHash(phrase, false)
		if _, dup := lx.placeKey[h]; dup {
			return
		}
		p.words = n
		lx.placeKey[h] = int32(len(lx.places))
		lx.places = append(lx.places, p)
		lx.maxPlace = max(lx.maxPlace, n)
	}
	// The reviewed file first: its short names win over the library's
	// official ones ("Russia", not "Russian Federation").
	err = eachLine("data/places.tsv", func(cols []string) error {
		if len(cols) != 4 {
			return fmt.Errorf("want 4 columns, got %d", len(cols))
		}
		code := cols[1]
		if code == "-" {
			code = ""
		}
		sector := cols[3]
		if sector == "-" {
			sector = ""
		}
		p := placeInfo{Name: cols[0], Code: code, Kind: cols[2], Sector: sector, isState: cols[2] != "org" && cols[2] != "place", reviewed: true}
		if p.isState {
			if c := countries.ByName(code); c == countries.Unknown || c.Alpha3() != code {
				return fmt.Errorf("%q: %s is not an ISO 3166-1 alpha-3 code the country library knows", cols[0], code)
			}
			if p.Kind == "name" {
				if _, ok := lx.names[code]; !ok {
					lx.names[code] = cols[0]
				}
			}
		}
		addPlace(cols[0], p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, c := range countries.All() {
		code := c.Alpha3()
		name := c.String()
		if i := strings.IndexByte(name, '('); i > 0 {
			name = strings.TrimSpace(name[:i])
		}
		if _, ok := lx.names[code]; !ok {
			lx.names[code] = name
		}
		addPlace(name, placeInfo{Name: lx.names[code], Code: code, Kind: "name", Sector: "government", isState: true})
		if cp := c.Capital().String(); cp != "" && !strings.HasPrefix(cp, "Unknown") {
			addPlace(cp, placeInfo{Name: lx.names[code], Code: code, Kind: "capital", Sector: "government", isState: true})
		}
	}
	// Cities and regions from the Phoenix dictionary: after the reviewed
	// file and the capitals, which stand for their state.
	err = eachLine("data/places-phoenix.tsv", func(cols []string) error {
		if len(cols) != 2 || len(cols[1]) != 3 {
			return fmt.Errorf("want a place and a 3-letter code, got %q", cols)
		}
		addPlace(cols[0], placeInfo{Name: cols[0], Code: cols[1], Kind: "place"})
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Nationality words from the Phoenix dictionary ("Zambian"): after the
	// reviewed file, as demonyms of their state.
	err = eachLine("data/demonyms-phoenix.tsv", func(cols []string) error {
		if len(cols) != 2 || len(cols[1]) != 3 {
			return fmt.Errorf("want a word and a 3-letter code, got %q", cols)
		}
		if c := countries.ByName(cols[1]); c == countries.Unknown || c.Alpha3() != cols[1] {
			return nil // a CAMEO code that is no state (regions, groups)
		}
		addPlace(cols[0], placeInfo{Name: cols[0], Code: cols[1], Kind: "demonym", Sector: "government", isState: true})
		if !strings.HasSuffix(cols[0], "s") && !strings.HasSuffix(cols[0], "ese") {
			// "Armenians", "Zambians": the people, as "the Russians" are
			addPlace(cols[0]+"s", placeInfo{Name: cols[0] + "s", Code: cols[1], Kind: "demonym", Sector: "government", isState: true})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Demonyms and capitals point at the state's canonical name.
	for i := range lx.places {
		p := &lx.places[i]
		if p.isState && p.Kind != "name" {
			p.Name = lx.names[p.Code]
		}
	}
	return lx, nil
}

func eachLine(name string, f func(cols []string) error) error {
	file, err := dataFS.Open(name)
	if err != nil {
		return chronicle.Wrap(chronicle.EUNAVAILABLE, "actor: load "+name, err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if err := f(strings.Split(line, "\t")); err != nil {
			return chronicle.Errorf(chronicle.EUNAVAILABLE, "actor: load data", "%s:%d: %v", name, n, err)
		}
	}
	return sc.Err()
}

var _ fs.FS = dataFS

func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		switch w {
		case "of", "the", "for", "and":
			if i > 0 {
				continue
			}
		}
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// roleAt returns the longest role title starting at token i and its length
// in tokens; a plural last word ("envoys") matches its singular.
// pluralRole reports whether the title r ending before token j is in the
// plural ("leaders", "special envoys") while its lexicon title is not.
func (lx *lexicon) pluralRole(doc *chronicle.Document, r int32, j int) bool {
	return strings.HasSuffix(doc.Form(j-1), "s") && !strings.HasSuffix(lx.roles[r].Title, "s")
}

func (lx *lexicon) roleAt(doc *chronicle.Document, i, end int) (int32, int) {
	if i >= end {
		return -1, 0 // "… said the Zambians" at the end of a text
	}
	// Most words start no title: one lookup rules them out.
	if w := doc.Form(i); !lx.roleHead[seqHash(fnvOffset, w, true)] &&
		!(len(w) > 2 && w[len(w)-1] == 's' && lx.roleHead[seqHash(fnvOffset, w[:len(w)-1], true)]) {
		return -1, 0
	}
	h := uint64(fnvOffset)
	best, bestN := int32(-1), 0
	for n := 1; n <= lx.maxRole && i+n <= end; n++ {
		w := doc.Form(i + n - 1)
		if r, ok := lx.roleKey[seqHash(h, w, true)]; ok {
			best, bestN = r, n
		} else if len(w) > 2 && (w[len(w)-1] == 's') {
			if r, ok := lx.roleKey[seqHash(h, w[:len(w)-1], true)]; ok {
				best, bestN = r, n
			}
		}
		h = seqHash(h, w, true)
	}
	return best, bestN
}

// placeAt returns the longest place phrase starting at token i.
func (lx *lexicon) placeAt(doc *chronicle.Document, i, end int) (int32, int) {
	h := uint64(fnvOffset)
	best, bestN := int32(-1), 0
	for n := 1; n <= lx.maxPlace && i+n <= end; n++ {
		w := doc.Form(i + n - 1)
		if w == "" || n == 1 && (w[0] < 'A' || w[0] > 'Z') {
			break
		}
		h = seqHash(h, w, false)
		if p, ok := lx.placeKey[h]; ok {
			best, bestN = p, n
		}
	}
	return best, bestN
}

// animacy guesses whether the noun at token i denotes people.
func (lx *lexicon) animacy(doc *chronicle.Document, i int) animacy {
	t := &doc.Tokens[i]
	w := doc.Form(i)
	if t.Lemma != "" && t.UPOS == "NOUN" {
		w = t.Lemma
	}
	h := seqHash(fnvOffset, w, true)
	if lx.persons[h] {
		return animate
	}
	if _, ok := lx.roleKey[h]; ok {
		return animate
	}
	if t.UPOS == "NOUN" {
		return inanimate
	}
	return animUnknown
}
