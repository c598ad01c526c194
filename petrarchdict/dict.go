// Package petrarchdict reads PETRARCH/TABARI-style actor and agent
// dictionaries (the Phoenix dictionaries and PETRARCH's validation ones) as
// they are, and finds their phrases in a sequence of words.
//
// Actor records are a primary phrase with an optional [CODE], synonym lines
// starting with '+', and tab-indented dated codes ("[USAGOV 450703-470121]",
// "[HOB < 950601]", "[HOBREB > 990816]"). Agent records are
// "PHRASE {PLURALS} [~CODE]" (code appended to the actor's) or "[CODE~]"
// (prepended), with "!NAME! = A, B" substitution sets. Underscores join words.
package petrarchdict

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// DatedCode is a code valid in a date range (zero times mean open ends).
type DatedCode struct {
	Code       string
	From, Till time.Time
}

// Actor is one actor record.
type Actor struct {
	Phrases []string // upper case, words separated by single spaces
	Default string   // code when no dated code applies
	Dated   []DatedCode
}

// CodeAt returns the actor's code on date d ("" when none).
func (a *Actor) CodeAt(d time.Time) string {
	for _, c := range a.Dated {
		if (c.From.IsZero() || !d.Before(c.From)) && (c.Till.IsZero() || !d.After(c.Till)) {
			return c.Code
		}
	}
	return a.Default
}

// Agent is one agent record.
type Agent struct {
	Phrase string
	Code   string // without the '~'
	Prefix bool   // "NGO~": the code goes before the actor's
}

// Dictionary holds actors and agents with a word trie for matching.
type Dictionary struct {
	Actors []*Actor
	Agents []*Agent
	// Problems lists lines that were skipped as malformed, with positions.
	Problems []string
	root     *node
}

type node struct {
	next  map[string]*node
	actor *Actor
	agent *Agent
}

// New returns an empty dictionary.
func New() *Dictionary { return &Dictionary{root: &node{}} }

func (d *Dictionary) insert(phrase string, actor *Actor, agent *Agent) {
	n := d.root
	for _, w := range strings.Fields(phrase) {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[w]
		if c == nil {
			c = &node{}
			n.next[w] = c
		}
		n = c
	}
	if actor != nil && n.actor == nil {
		n.actor = actor
	}
	if agent != nil && n.agent == nil {
		n.agent = agent
	}
}

// Match is a phrase found in a word sequence: words [Start, End).
type Match struct {
	Start, End int
	Actor      *Actor
	Agent      *Agent
}

// Find returns the longest non-overlapping matches, left to right, of the
// dictionary's phrases in words (compared in upper case).
func (d *Dictionary) Find(words []string) []Match {
	up := make([]string, len(words))
	for i, w := range words {
		up[i] = strings.ToUpper(w)
	}
	var out []Match
	for i := 0; i < len(up); {
		n := d.root
		best := Match{Start: -1}
		for j := i; j < len(up) && n != nil; j++ {
			n = n.next[up[j]]
			if n == nil {
				break
			}
			if n.actor != nil || n.agent != nil {
				best = Match{Start: i, End: j + 1, Actor: n.actor, Agent: n.agent}
			}
		}
		if best.Start < 0 {
			i++
			continue
		}
		out = append(out, best)
		i = best.End
	}
	return out
}

// Code returns the code for a noun phrase: the first actor's code on date t
// with the agents' codes added, as PETRARCH composes them: a prefix agent
// goes before the actor ("MSF" [NGO~] + "Arnor" → NGOARN), a suffix agent
// after it ("DAG" + "~GOV" → "DAGGOV"), and both may apply ("an MSF Arnor
// diplomat" → NGOARNGOV). An agent alone gives its code. "" when nothing
// matches.
func (d *Dictionary) Code(words []string, t time.Time) string {
	actor := ""
	var prefix, suffix *Agent
	for _, m := range d.Find(words) {
		if m.Actor != nil && actor == "" {
			if c := m.Actor.CodeAt(t); c != "" && c != "---" {
				actor = c
			}
		}
		if a := m.Agent; a != nil && (m.Actor == nil || actor != "") {
			if a.Prefix && prefix == nil {
				prefix = a
			} else if !a.Prefix && suffix == nil {
				suffix = a
			}
		}
	}
	code := actor
	if suffix != nil && !(len(actor) > 3 && strings.HasSuffix(actor, suffix.Code)) {
		// (not "White House officials": USAGOV already says GOV)
		code += suffix.Code
	}
	if prefix != nil {
		code = prefix.Code + code
	}
	return code
}

// ReadFile adds the records of an actors or agents file, by its content: a
// file with '~' codes is read as agents.
func (d *Dictionary) ReadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("petrarchdict: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("petrarchdict: %s: %w", path, err)
	}
	s := string(b)
	if strings.Contains(s, "[~") || strings.Contains(s, "~]") {
		return d.ReadAgents(strings.NewReader(s), path)
	}
	return d.ReadActors(strings.NewReader(s), path)
}

func clean(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	if strings.HasPrefix(strings.TrimSpace(line), "<!--") {
		return ""
	}
	return line
}

func phrase(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	return strings.ToUpper(strings.Join(strings.Fields(s), " "))
}

// ReadActors reads an actor dictionary.
func (d *Dictionary) ReadActors(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var cur *Actor
	n := 0
	flush := func() {
		if cur != nil && len(cur.Phrases) > 0 {
			d.Actors = append(d.Actors, cur)
			for _, p := range cur.Phrases {
				d.insert(p, cur, nil)
			}
		}
		cur = nil
	}
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := clean(raw)
		if i := strings.IndexByte(line, ';'); i >= 0 {
			line = line[:i]
		}
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "<") {
			continue
		}
		switch {
		case strings.HasPrefix(trim, "["):
			if cur == nil {
				continue
			}
			dc, def, err := parseCode(trim)
			if err != nil {
				// The dictionaries are read as they are: a malformed date
				// restriction (Phoenix has "9008223") drops that code only.
				d.Problems = append(d.Problems, fmt.Sprintf("%s:%d: %v", name, n, err))
				continue
			}
			if def {
				cur.Default = dc.Code
			} else {
				cur.Dated = append(cur.Dated, dc)
			}
		case strings.HasPrefix(trim, "+"):
			if cur == nil {
				continue
			}
			p, code := splitCode(trim[1:])
			if p != "" {
				cur.Phrases = append(cur.Phrases, p)
			}
			if code != "" && cur.Default == "" {
				cur.Default = code
			}
		default:
			flush()
			p, code := splitCode(trim)
			cur = &Actor{Default: code}
			if p != "" {
				cur.Phrases = append(cur.Phrases, p)
			}
		}
	}
	flush()
	return sc.Err()
}

// splitCode splits "PHRASE [CODE]" into the phrase and the code.
func splitCode(s string) (string, string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return phrase(s), ""
	}
	j := strings.IndexByte(s[i:], ']')
	code := ""
	if j > 0 {
		code = strings.TrimSpace(s[i+1 : i+j])
	}
	return phrase(s[:i]), strings.Fields(code + " ")[0]
}

// parseCode reads "[CODE]", "[CODE 19950601 - 19990815]", "[CODE < 950601]", "[CODE > 990816]".
func parseCode(s string) (DatedCode, bool, error) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "[]"))
	f := strings.Fields(s)
	if len(f) == 0 {
		return DatedCode{}, false, fmt.Errorf("empty code %q", s)
	}
	dc := DatedCode{Code: f[0]}
	rest := strings.Join(f[1:], "")
	if rest == "" {
		return dc, true, nil
	}
	var err error
	switch {
	case strings.HasPrefix(rest, "<"):
		dc.Till, err = parseDate(rest[1:])
	case strings.HasPrefix(rest, ">"):
		dc.From, err = parseDate(rest[1:])
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return dc, false, fmt.Errorf("bad date restriction %q", s)
		}
		if dc.From, err = parseDate(a); err == nil {
			dc.Till, err = parseDate(b)
		}
	}
	return dc, false, err
}

// parseDate reads YYYYMMDD or YYMMDD (TABARI: YY < 30 is 20YY).
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if _, err := strconv.Atoi(s); err != nil {
		return time.Time{}, fmt.Errorf("bad date %q", s)
	}
	switch len(s) {
	case 8:
		return time.Parse("20060102", s)
	case 6:
		yy, _ := strconv.Atoi(s[:2])
		century := "19"
		if yy < 30 {
			century = "20"
		}
		return time.Parse("20060102", century+s)
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}

// ReadAgents reads an agent dictionary.
func (d *Dictionary) ReadAgents(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	subst := map[string][]string{}
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(clean(sc.Text()))
		if line == "" || strings.HasPrefix(line, "<") {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			k, v, _ := strings.Cut(line, "=")
			for _, x := range strings.Split(v, ",") {
				if x = strings.TrimSpace(x); x != "" {
					subst[strings.TrimSpace(k)] = append(subst[strings.TrimSpace(k)], x)
				}
			}
			continue
		}
		i := strings.IndexByte(line, '[')
		if i < 0 {
			continue // a phrase without a code
		}
		j := strings.IndexAny(line[i:], "]}")
		if j < 0 {
			return fmt.Errorf("%s:%d: unclosed code in %q", name, n, line)
		}
		code := strings.TrimSpace(line[i+1 : i+j])
		head := line[:i]
		plurals := ""
		if a := strings.IndexByte(head, '{'); a >= 0 {
			if b := strings.IndexByte(head[a:], '}'); b > 0 {
				plurals = head[a+1 : a+b]
			}
			head = head[:a]
		}
		ag := Agent{Code: strings.Trim(code, "~ "), Prefix: strings.HasSuffix(code, "~")}
		forms := expand(head, subst)
		hasBraces := strings.Contains(line[:i], "{")
		for _, f := range forms {
			p := phrase(f)
			a := ag
			a.Phrase = p
			d.Agents = append(d.Agents, &a)
			d.insert(p, nil, &a)
			if !hasBraces && !strings.Contains(head, "!") {
				d.insert(plural(p), nil, &a)
			}
		}
		for _, pl := range strings.Fields(plurals) {
			a := ag
			a.Phrase = phrase(pl)
			d.insert(a.Phrase, nil, &a)
		}
	}
	return sc.Err()
}

func expand(s string, subst map[string][]string) []string {
	for k, vs := range subst {
		if strings.Contains(s, k) {
			var out []string
			for _, v := range vs {
				out = append(out, expand(strings.Replace(s, k, " "+v+" ", 1), subst)...)
			}
			return out
		}
	}
	return []string{s}
}

// plural forms the regular plural of a phrase's last word.
func plural(p string) string {
	switch {
	case strings.HasSuffix(p, "SS"):
		return p + "ES"
	case strings.HasSuffix(p, "Y"):
		return p[:len(p)-1] + "IES"
	}
	return p + "S"
}
