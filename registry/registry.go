// Package registry keeps Chronicle's actors across articles: one stable id
// per person, organization or place, the names it goes by, and the roles it
// was seen in with their dates.
//
// # Ids
//
// An actor's id is derived from what it is, never from a counter, so two
// processes that never share a database give the same id:
//
//   - a state: "gpe:" + its ISO 3166-1 alpha-3 code ("gpe:UKR");
//   - an entry of a user dictionary that sets an id: that id, as written;
//   - anything else: lower-case type + ":" + Normalize(canonical name)
//     ("person:vladimir-putin", "org:associated-press"): the slug folds
//     case and common Latin diacritics, turns every run of other
//     characters into one "-", and folds a transliteration variant (a
//     word-final "yy" -> "y", so "Zelenskyy" and "Zelensky" get one id).
//
// The canonical name of a dictionary entry is its name; of an actor found
// only in text, its longest name mention with titles removed. An article
// that only ever says "Putin" gets "person:putin" when no registry is
// used; with a registry the alias resolves to the entry's id.
//
// # Same surname, different people
//
// A bare surname (or any alias) resolves to an entry only when exactly one
// entry of a compatible type holds it; when two entries share it the alias
// is ambiguous and Lookup reports no match unless the country narrows it to
// one. Observe never merges two actors whose full names differ: it joins an
// observation to an entry only through a full-name alias or an unambiguous
// one, so "Ron Paul" and "Rand Paul" stay apart until a dictionary says
// otherwise.
//
// # User dictionary format
//
// A user dictionary is UTF-8 text, one actor per line, tab-separated:
//
//	id	type	name	country	sector	aliases	roles
//
// id may be "" (derived as above); type is PERSON, ORG, GPE, LOC or NORP;
// country an ISO 3166-1 alpha-3 code or ""; sector one of government,
// military, rebel, civilian, business, media, igo, judiciary, religion or
// ""; aliases are "|"-separated names; roles are ";"-separated
// "Title@COUNTRY@sector@FROM..TO" with dates YYYY-MM-DD (either end may be
// empty). Lines starting with "#" and blank lines are ignored. Trailing
// empty columns may be left out. Entries of user dictionaries take
// precedence over imported PETRARCH/Phoenix entries with the same alias.
//
// PETRARCH/Phoenix actor dictionaries (TABARI format: primary phrase,
// "+synonym" lines, tab-indented "[CODE date-range]" lines) are read by
// ReadPetrarch as they are.
package registry

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Source says where an entry came from; lower values take precedence.
type Source int

const (
	SourceUser     Source = iota // a user dictionary
	SourcePetrarch               // an imported PETRARCH/Phoenix dictionary
	SourceObserved               // seen in articles
)

// Role is a title an actor held, with the dates it was seen or held.
type Role struct {
	Title   string
	Country string
	Sector  string
	From    string // YYYY-MM-DD, "" when open
	To      string // YYYY-MM-DD, "" when open
}

// Entry is one actor of the registry.
type Entry struct {
	ID      string
	Type    string
	Name    string
	Country string
	Sector  string
	Aliases []string
	Roles   []Role
	Source  Source
}

// Registry is a set of entries indexed by alias. It is safe for concurrent
// use.
type Registry struct {
	mu      sync.RWMutex
	entries map[string]*Entry
	alias   map[string][]string // normalized alias -> entry ids
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{entries: make(map[string]*Entry), alias: make(map[string][]string)}
}

// Len returns the number of entries.
func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.entries)
}

// ID returns the id rule's result for a type and canonical name (see the
// package documentation). A GPE whose country is known gets "gpe:" + code.
func ID(typ, name, country string) string {
	if typ == "GPE" && country != "" {
		return "gpe:" + country
	}
	return strings.ToLower(typ) + ":" + Normalize(name)
}

// Slug lower-cases s, folds common Latin diacritics and replaces every run
// of characters other than letters and digits with one "-".
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, c := range s {
		c = fold(unicode.ToLower(c))
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') || c >= utf8.RuneSelf && unicode.IsLetter(c) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
			continue
		}
		if c == '\'' || c == '’' || c == '.' {
			continue // "O'Brien", "U.S." keep their letters together
		}
		dash = true
	}
	return b.String()
}

func fold(c rune) rune {
	switch c {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'ç', 'č', 'ć':
		return 'c'
	case 'è', 'é', 'ê', 'ë', 'ě':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ', 'ń':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	case 'š', 'ś':
		return 's'
	case 'ž', 'ź', 'ż':
		return 'z'
	case 'ł':
		return 'l'
	case 'ğ':
		return 'g'
	case 'ı':
		return 'i'
	case 'ş':
		return 's'
	}
	return c
}

// Normalize is the alias and id key: the slug with a word-final "yy"
// folded to "y" ("Zelenskyy" and "Zelensky" meet).
func Normalize(name string) string {
	s := Slug(name)
	if !strings.Contains(s, "yy") {
		return s
	}
	// A word-final "yy" is a transliteration of Ukrainian "-ий".
	s = strings.ReplaceAll(s+"-", "yy-", "y-")
	return s[:len(s)-1]
}

// Add puts e in the registry, deriving its id when empty. An entry with the
// same id is merged (aliases and roles added; name, country and sector
// taken from the one with the better source). It returns the id.
func (r *Registry) Add(e Entry) string {
	if e.ID == "" {
		e.ID = ID(e.Type, e.Name, e.Country)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	cur, ok := r.entries[e.ID]
	if !ok {
		c := e
		c.Aliases = nil
		c.Roles = nil
		cur = &c
		r.entries[e.ID] = cur
	} else if e.Source < cur.Source {
		cur.Name, cur.Type, cur.Source = e.Name, e.Type, e.Source
		if e.Country != "" {
			cur.Country = e.Country
		}
		if e.Sector != "" {
			cur.Sector = e.Sector
		}
	} else {
		if cur.Country == "" {
			cur.Country = e.Country
		}
		if cur.Sector == "" {
			cur.Sector = e.Sector
		}
	}
	r.addAlias(cur, e.Name)
	for _, a := range e.Aliases {
		r.addAlias(cur, a)
	}
	for _, ro := range e.Roles {
		addRole(cur, ro)
	}
	return cur.ID
}

func (r *Registry) addAlias(e *Entry, a string) {
	k := Normalize(a)
	if k == "" {
		return
	}
	for _, x := range e.Aliases {
		if Normalize(x) == k {
			return
		}
	}
	e.Aliases = append(e.Aliases, a)
	for _, id := range r.alias[k] {
		if id == e.ID {
			return
		}
	}
	r.alias[k] = append(r.alias[k], e.ID)
}

// addRole adds ro to e, widening the dates of a role with the same title
// and country.
func addRole(e *Entry, ro Role) {
	for i := range e.Roles {
		x := &e.Roles[i]
		if strings.EqualFold(x.Title, ro.Title) && x.Country == ro.Country {
			if ro.From != "" && (x.From == "" || ro.From < x.From) {
				x.From = ro.From
			}
			if ro.To != "" && x.To != "" && ro.To > x.To {
				x.To = ro.To
			}
			if x.Sector == "" {
				x.Sector = ro.Sector
			}
			return
		}
	}
	e.Roles = append(e.Roles, ro)
	sort.SliceStable(e.Roles, func(a, b int) bool { return e.Roles[a].From < e.Roles[b].From })
}

// Get returns a copy of the entry with the given id.
func (r *Registry) Get(id string) (Entry, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	e, ok := r.entries[id]
	if !ok {
		return Entry{}, false
	}
	return clone(e), true
}

func clone(e *Entry) Entry {
	c := *e
	c.Aliases = append([]string(nil), e.Aliases...)
	c.Roles = append([]Role(nil), e.Roles...)
	return c
}

// compatible reports whether an entry of type et can be what a text
// mention of type typ names ("" matches anything).
func compatible(et, typ string) bool {
	if typ == "" || et == "" || et == typ {
		return true
	}
	// NER often calls a state an ORG or a NORP, and the reverse.
	places := func(t string) bool { return t == "GPE" || t == "LOC" || t == "NORP" }
	return places(et) && places(typ)
}

// Lookup returns the entry a name refers to: the entries holding the name
// as an alias, of a type compatible with typ, narrowed to the given country
// when there are several, and then to the best source. ok is false when no
// entry or more than one remains (an ambiguous alias).
func (r *Registry) Lookup(name, typ, country string) (Entry, bool) {
	k := Normalize(name)
	r.mu.RLock()
	defer r.mu.RUnlock()
	var cands []*Entry
	for _, id := range r.alias[k] {
		if e := r.entries[id]; compatible(e.Type, typ) {
			cands = append(cands, e)
		}
	}
	if len(cands) > 1 && country != "" {
		var c2 []*Entry
		for _, e := range cands {
			if e.Country == country {
				c2 = append(c2, e)
			}
		}
		if len(c2) > 0 {
			cands = c2
		}
	}
	if len(cands) > 1 {
		best := cands[0].Source
		for _, e := range cands {
			best = min(best, e.Source)
		}
		var c2 []*Entry
		for _, e := range cands {
			if e.Source == best {
				c2 = append(c2, e)
			}
		}
		cands = c2
	}
	if len(cands) != 1 {
		return Entry{}, false
	}
	return clone(cands[0]), true
}

// Observation is an actor as one article saw it.
type Observation struct {
	Type    string
	Name    string   // canonical name in the article
	Aliases []string // every other name the article used
	Country string
	Sector  string
	Roles   []Role // with From = To = the article's date when known
}

// Observe records an actor seen in an article and returns its id. It joins
// the observation to an existing entry when the canonical name, or failing
// that an alias with more than one word, resolves unambiguously (see
// Lookup); otherwise it adds a new entry under the id rule.
func (r *Registry) Observe(o Observation) string {
	e, ok := r.Lookup(o.Name, o.Type, o.Country)
	if !ok {
		for _, a := range o.Aliases {
			if strings.Contains(strings.TrimSpace(a), " ") {
				if e, ok = r.Lookup(a, o.Type, o.Country); ok {
					break
				}
			}
		}
	}
	id := ""
	if ok {
		id = e.ID
	}
	return r.Add(Entry{ID: id, Type: o.Type, Name: o.Name, Country: o.Country, Sector: o.Sector, Aliases: o.Aliases, Roles: o.Roles, Source: SourceObserved})
}

// Entries returns copies of all entries sorted by id.
func (r *Registry) Entries() []Entry {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]Entry, 0, len(r.entries))
	for _, e := range r.entries {
		out = append(out, clone(e))
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out
}

// NormHash returns an FNV-1a hash of Normalize(name), for comparing names
// without keeping strings.
func NormHash(name string) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range []byte(Normalize(name)) {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}
