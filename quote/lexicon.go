package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

//go:embed cues.txt
var defaultCues string

// Cue kinds in the lexicon.
const (
	cueVerb = 1 + iota // reporting verb: say, tell, argue
	cueNoun            // reporting noun: statement, claim
	cuePrep            // "according to"
)

// cueFlag holds a cue's flags.
type cueFlag uint8

const (
	flagAddr  cueFlag = 1 << iota // takes an addressee ("told reporters")
	flagWeak                      // needs an explicit complement
	flagForm                      // one listed form, no inflection
	flagThat                      // needs "that", a colon or a quote, whatever the speaker
	flagNoSrc                     // its subject is no speaker: "X seems ...", "X is expected to ..."
)

// entry is one form of a cue.
type entry struct {
	kind   uint8
	flags  cueFlag
	lemma  string
	second string // second word of a two-word cue ("according" "to")
	ing    bool   // the form is a present participle ("saying")
}

// Lexicon maps lower-cased word forms to cues. It is read-only after
// construction and safe for concurrent use.
type Lexicon struct {
	forms map[string]entry
}

// ParseLexicon reads a cue lexicon in the format of the embedded cues.txt:
// one cue per line, "KIND LEMMA [FORM...] [+FLAG...]", '#' comments. It
// returns an error naming the line for an unknown kind or flag.
func ParseLexicon(r io.Reader) (*Lexicon, error) {
	lx := &Lexicon{forms: make(map[string]entry, 512)}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, fmt.Errorf("quote lexicon line %d: want KIND LEMMA, got %q", n, line)
		}
		var e entry
		switch f[0] {
		case "v":
			e.kind = cueVerb
		case "n":
			e.kind = cueNoun
		case "p":
			e.kind = cuePrep
		case "f":
			e.kind = cueVerb
			e.flags |= flagForm
		default:
			return nil, fmt.Errorf("quote lexicon line %d: unknown kind %q", n, f[0])
		}
		e.lemma = strings.ToLower(f[1])
		var forms []string
		for _, w := range f[2:] {
			switch {
			case w == "+addr":
				e.flags |= flagAddr
			case w == "+weak":
				e.flags |= flagWeak
			case w == "+that":
				e.flags |= flagWeak | flagThat
			case w == "+nosrc":
				e.flags |= flagNoSrc
			case strings.HasPrefix(w, "+"):
				return nil, fmt.Errorf("quote lexicon line %d: unknown flag %q", n, w)
			case e.kind == cuePrep:
				e.second = strings.ToLower(w)
			default:
				forms = append(forms, strings.ToLower(w))
			}
		}
		switch e.kind {
		case cuePrep:
			if e.second == "" {
				return nil, fmt.Errorf("quote lexicon line %d: a p cue needs two words", n)
			}
			lx.forms[e.lemma] = e
		case cueNoun:
			lx.forms[e.lemma] = e
		case cueVerb:
			switch {
			case e.flags&flagForm != 0:
				forms = []string{e.lemma}
			case len(forms) == 0:
				forms = inflect(e.lemma)
			}
			for _, w := range forms {
				fe := e
				fe.ing = strings.HasSuffix(w, "ing") && w != e.lemma
				if old, ok := lx.forms[w]; ok && old.kind == cueVerb {
					continue // first line wins ("read" the verb vs. a later homograph)
				}
				lx.forms[w] = fe
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("quote lexicon: %w", err)
	}
	return lx, nil
}

// Len returns the number of word forms in the lexicon.
func (lx *Lexicon) Len() int { return len(lx.forms) }

// lookup returns the cue entry of a lower-cased form.
func (lx *Lexicon) lookup(lower []byte) (entry, bool) {
	e, ok := lx.forms[string(lower)] // no allocation: the compiler special-cases string(b) in map index
	return e, ok
}

// inflect returns a regular verb's forms: lemma, -s, -ed, -ing.
func inflect(v string) []string {
	n := len(v)
	last := v[n-1]
	var s, ed, ing string
	switch {
	case last == 'e':
		s, ed, ing = v+"s", v+"d", v[:n-1]+"ing"
	case last == 'y' && n > 1 && !isVowel(v[n-2]):
		s, ed, ing = v[:n-1]+"ies", v[:n-1]+"ied", v+"ing"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		s, ed, ing = v+"es", v+"ed", v+"ing"
	default:
		s, ed, ing = v+"s", v+"ed", v+"ing"
	}
	return []string{v, s, ed, ing}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
