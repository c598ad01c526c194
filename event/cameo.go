package event

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/chronicle-news/chronicle/petrarchdict"
)

// CAMEOTable maps CAMEO codes to PLOVER types and modes, as read from the
// PLOVER project's CAMEO2PLOVER table ("064: COOPERATE, mode, context").
type CAMEOTable struct {
	m map[string][2]string
}

// ReadCAMEOTable reads the conversion table from a file.
func ReadCAMEOTable(path string) (*CAMEOTable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cameo2plover: %w", err)
	}
	defer f.Close()
	return ParseCAMEOTable(f)
}

// ParseCAMEOTable reads the conversion table.
func ParseCAMEOTable(r io.Reader) (*CAMEOTable, error) {
	t := &CAMEOTable{m: map[string][2]string{}}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		code = strings.TrimSpace(code)
		if _, err := strconv.Atoi(code); err != nil {
			continue
		}
		f := strings.Split(rest, ",")
		typ := strings.TrimSpace(f[0])
		mode := ""
		if len(f) > 1 {
			mode = strings.TrimSpace(f[1])
		}
		if typ != "" {
			t.m[code] = [2]string{typ, mode}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cameo2plover: %w", err)
	}
	return t, nil
}

// Type returns the PLOVER type and mode of a CAMEO code, falling back to
// shorter prefixes ("0871" → "087" → "08"); "" when PLOVER dropped the code
// (roots 01 and 02) or it is unknown.
func (t *CAMEOTable) Type(code string) (typ, mode string) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if v, ok := t.m[c]; ok {
			return v[0], v[1]
		}
	}
	return "", ""
}

// genericVerbs are too common to code an event on their own in news text
// ("going", "thought", "signaled that ..."): their bare-verb patterns from a
// PETRARCH dictionary are left out, their patterns with needed words kept.
var genericVerbs = wordSet(`go come get take make have give think see know want need look put find tell
	say ask seem feel become leave keep let begin start show hear play run move live believe bring happen
	write sit stand lose pay include continue set learn change lead understand watch follow stop create
	speak read spend grow open walk win remember love consider appear buy wait serve die expect build
	stay fall cut reach remain suggest raise pass sell require report decide pull argue guarantee tease
	signal indicate hope note add point mean call turn try use work deal carry describe explain express
	comment mention state claim insist acknowledge admit confirm reveal estimate predict suppose guess
	assume wonder doubt imagine realize recall recognize emphasize stress tend manage wish like prefer`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// FromPETRARCH writes PETRARCH verb patterns as lexicon lines (the format of
// lexicon.txt), mapping codes with table. Patterns whose code has no PLOVER
// type are left out. source names the dictionary in each line's comment.
func FromPETRARCH(w io.Writer, pats []petrarchdict.VerbPattern, table *CAMEOTable, source string) (int, error) {
	seen := map[string]bool{}
	var lines []string
	for _, p := range pats {
		typ, mode := table.Type(p.Code)
		if typ == "" || !ploverTypes[typ] || strings.ContainsAny(p.Verb, " \t|#") {
			continue
		}
		if len(p.Needs) == 0 && !p.Compound && genericVerbs[p.Verb] {
			continue
		}
		head := typ
		if mode != "" && !strings.ContainsAny(mode, " \t") {
			head += "." + mode
		}
		pat := "v " + p.Verb
		for _, n := range p.Needs {
			if n == "" || strings.ContainsAny(n, " \t|#:") {
				continue
			}
			pat += " " + n
		}
		var opts []string
		if p.Compound {
			opts = append(opts, "compound")
		}
		if p.Reverse {
			opts = append(opts, "reverse")
		}
		if len(opts) > 0 {
			pat += " | " + strings.Join(opts, " ")
		}
		key := pat
		if seen[key] {
			continue // the first code for a pattern wins, as in PETRARCH
		}
		seen[key] = true
		lines = append(lines, fmt.Sprintf("%-24s %-40s # CAMEO %s, %s:%d", head, pat, p.Code, source, p.Line))
	}
	sort.Strings(lines)
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return 0, err
		}
	}
	return len(lines), nil
}

// LoadPETRARCH reads a PETRARCH verb dictionary file, converts it with
// FromPETRARCH and returns its patterns on top of base (they win over it).
func LoadPETRARCH(path string, table *CAMEOTable, base *Lexicon) (*Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	defer f.Close()
	pats, err := petrarchdict.ReadVerbs(f, path)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	if _, err := FromPETRARCH(&b, pats, table, filepath.Base(path)); err != nil {
		return nil, err
	}
	return ParseLexicon(strings.NewReader(b.String()), filepath.Base(path), base)
}
