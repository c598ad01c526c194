package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"maps"
	"sort"
	"strings"
	"sync"
)

//go:embed lexicon.txt
var defaultLexicon string

// cameoLexicon is generated from PETRARCH's CAMEO.2.0.txt verb dictionary by
// `chronicle lexicon import-petrarch` (see its header); it lies under the
// hand-written lexicon, whose lines win.
//
//go:embed cameo.txt
var cameoLexicon string

// agentsFile lists nouns that name a kind of actor ("police", "rebel",
// "company"), generated from Phoenix.agents.txt (see its header).
//
//go:embed agents.txt
var agentsFile string

// agentNouns is the set of agentsFile's nouns, built once.
var agentNouns = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for noun := range agentCodes() {
		m[noun] = true
	}
	return m
})

// agentCodes maps agentsFile's nouns to their Phoenix agent codes, built
// once.
var agentCodes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(agentsFile, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		noun, code, _ := strings.Cut(line, "\t")
		m[noun] = code
	}
	return m
})

// AgentCodes returns a copy of the map from the nouns that name a kind of
// actor (lower-case singular heads: "police", "rebel") to their Phoenix
// agent codes (COP, REB).
func AgentCodes() map[string]string { return maps.Clone(agentCodes()) }

// Pattern is one line of the lexicon.
type Pattern struct {
	Type      string // PLOVER event type
	Mode      string // PLOVER mode, may be empty
	Noun      bool   // an event noun rather than a verb
	Lemma     string
	Needs     []Need
	Targets   []string // relations searched for the target, in order
	Symmetric bool
	Place     bool // the target is the place of the event (a visit's host)
	Light     bool // nouns: a governing light verb's subject is the source
	Negative  bool // the predicate denies the event ("skipped the meeting")
	Compound  bool // applies only with a compound subject, whose members are each other's targets
	Reverse   bool // the subject is the target, the governed phrase the source ("received aid from X")
	ObjDoer   bool // with no subject, a group-noun object is the source ("to withdraw Ukrainian forces")
	// ActorTarget: the predicate means the event only with an actor as
	// its target ("met the Russians", not "met the deadline"); as for
	// the imported CAMEO verbs, another target keeps the event out of the
	// chronicle (scope target-not-actor).
	ActorTarget bool
	// Verbal: the predicate is also used of words ("Kerry attacked Bush",
	// "airlines attacked the legislation"); aimed at a plan, law or
	// statement, or by a named person at a named person or organization,
	// the event is ACCUSE.disapprove.
	Verbal bool
	// None: the pattern removes the base layer's patterns for the same
	// words, whatever their type ("v rule | none": "the court ruled" is no
	// COOPERATE), and codes nothing itself; patterns with more words
	// ("rule guilty") stay.
	None bool
	// Imported patterns come from the embedded cameo.txt (PETRARCH's broad
	// CAMEO verbs); their events need an actor, name or agent noun as
	// target, if they have a target, to be stored.
	Imported bool
	Line     string
	Source   string // "file:line" for the why
}

// Need is a dependent a pattern requires.
type Need struct {
	Rel   string // "" for any relation
	Lemma string
}

func (p *Pattern) String() string {
	pos := "v"
	if p.Noun {
		pos = "n"
	}
	s := pos + " " + p.Lemma
	for _, n := range p.Needs {
		if n.Rel != "" {
			s += " " + n.Rel + ":" + n.Lemma
		} else {
			s += " " + n.Lemma
		}
	}
	return s
}

var defaultTargets = []string{"obj", "iobj", "obl:with", "obl:against", "obl:on", "obl:at", "obl:to",
	"nmod:with", "nmod:between", "nmod:against"}

// Lexicon maps predicate lemmas to patterns, most specific first.
type Lexicon struct {
	byLemma map[string][]*Pattern
}

// DefaultLexicon returns the embedded lexicon: lexicon.txt over cameo.txt.
// It is parsed once; the Lexicon is read-only and shared.
func DefaultLexicon() *Lexicon {
	defaultOnce.Do(func() { defaultLex = parseDefault() })
	return defaultLex
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon // immutable once built
)

func parseDefault() *Lexicon {
	base, err := ParseLexicon(strings.NewReader(cameoLexicon), "cameo.txt", nil)
	if err != nil {
		panic(err) // the embedded files are tested; unreachable
	}
	for _, ps := range base.byLemma {
		for _, p := range ps {
			p.Imported = true
		}
	}
	lx, err := ParseLexicon(strings.NewReader(defaultLexicon), "lexicon.txt", base)
	if err != nil {
		panic(err)
	}
	return lx
}

var ploverTypes = map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true,
	"AID": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true}

// ParseLexicon reads a lexicon in the format documented in lexicon.txt. The
// patterns of base (may be nil) are tried after all of the new ones for the
// same lemma, so a user's lines take precedence; within a layer, patterns
// with more needed words are tried first.
func ParseLexicon(r io.Reader, name string, base *Lexicon) (*Lexicon, error) {
	lx := &Lexicon{byLemma: map[string][]*Pattern{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		p, err := parsePattern(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		p.Source = fmt.Sprintf("%s:%d", name, n)
		lx.byLemma[p.Lemma] = append(lx.byLemma[p.Lemma], p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, ps := range lx.byLemma {
		// More needs first, then the compound-subject ones (narrower);
		// otherwise file order.
		sort.SliceStable(ps, func(i, j int) bool {
			if len(ps[i].Needs) != len(ps[j].Needs) {
				return len(ps[i].Needs) > len(ps[j].Needs)
			}
			return ps[i].Compound && !ps[j].Compound
		})
	}
	// "none" lines are dropped from this layer, and the base's patterns
	// with the same words (any type) are left out of the result; the base
	// itself is not changed.
	removed := map[string]bool{}
	for k, ps := range lx.byLemma {
		keep := ps[:0]
		for _, p := range ps {
			if p.None {
				removed[p.String()] = true
				continue
			}
			keep = append(keep, p)
		}
		if len(keep) == 0 {
			delete(lx.byLemma, k)
		} else {
			lx.byLemma[k] = keep
		}
	}
	if base != nil {
		// A layer's patterns are all tried before its base's, so a user's
		// (or the hand-written) "meet" wins over a generated "meet at".
		for k, ps := range base.byLemma {
			for _, p := range ps {
				if !removed[p.String()] {
					lx.byLemma[k] = append(lx.byLemma[k], p)
				}
			}
		}
	}
	return lx, nil
}

func parsePattern(line string) (*Pattern, error) {
	main, opts, _ := strings.Cut(line, "|")
	f := strings.Fields(main)
	if len(f) < 3 {
		return nil, fmt.Errorf("want TYPE POS LEMMA, got %q", line)
	}
	p := &Pattern{Line: strings.Join(strings.Fields(line), " ")}
	p.Type, p.Mode, _ = strings.Cut(f[0], ".")
	if !ploverTypes[p.Type] {
		return nil, fmt.Errorf("unknown PLOVER event type %q", p.Type)
	}
	switch f[1] {
	case "v":
	case "n":
		p.Noun = true
	default:
		return nil, fmt.Errorf("POS must be v or n, not %q", f[1])
	}
	p.Lemma = strings.ToLower(f[2])
	for _, w := range f[3:] {
		w = strings.ToLower(w)
		var nd Need
		if i := strings.LastIndexByte(w, ':'); i >= 0 {
			nd.Rel, nd.Lemma = w[:i], w[i+1:]
		} else {
			nd.Lemma = w
		}
		p.Needs = append(p.Needs, nd)
	}
	p.Targets = defaultTargets
	for _, o := range strings.Fields(opts) {
		switch {
		case o == "symmetric":
			p.Symmetric = true
		case o == "place":
			p.Place = true
		case o == "light":
			p.Light = true
		case o == "negative":
			p.Negative = true
		case o == "compound":
			p.Compound, p.Symmetric = true, true
		case o == "reverse":
			p.Reverse = true
		case o == "objdoer":
			p.ObjDoer = true
		case o == "actortarget":
			p.ActorTarget = true
		case o == "verbal":
			p.Verbal = true
		case o == "none":
			p.None = true
		case strings.HasPrefix(o, "target="):
			p.Targets = strings.Split(strings.TrimPrefix(o, "target="), ",")
		default:
			return nil, fmt.Errorf("unknown option %q", o)
		}
	}
	return p, nil
}

// lookup returns the patterns for a lemma, most specific first.
func (lx *Lexicon) lookup(lemma string) []*Pattern {
	return lx.byLemma[lemma]
}

// nounType returns the PLOVER type of the first noun pattern for lemma, ""
// when the lemma is no event noun. A lemma that has only verb patterns
// ("link", "set", "shell") names no event when it is a noun: "links", "a set
// of resolutions", "artillery shells" are things, and may be participants.
func (lx *Lexicon) nounType(lemma string) string {
	for _, p := range lx.byLemma[lemma] {
		if p.Noun {
			return p.Type
		}
	}
	return ""
}

// Len returns the number of patterns.
func (lx *Lexicon) Len() int {
	n := 0
	for _, ps := range lx.byLemma {
		n += len(ps)
	}
	return n
}
