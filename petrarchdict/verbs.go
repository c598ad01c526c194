package petrarchdict

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// VerbPattern is one PETRARCH verb pattern reduced to what a dependency
// matcher can use: the verb's lemma, the words it must govern, and the CAMEO
// code. PETRARCH patterns also constrain word order and the positions of
// source ($) and target (+); those are dropped (see ReadVerbs).
type VerbPattern struct {
	Verb  string   // lemma, lower case
	Needs []string // lower-case lemmas of governed words ("with" in "meet with", "leader")
	Code  string   // CAMEO code, e.g. "036"
	Line  int      // line in the source file
	// Compound marks a "% *" pattern: it applies only when the subject is
	// a compound actor ("Gondor and Osgiliath agree"), whose members are
	// coded as each other's targets.
	Compound bool
	// Reverse marks a pattern with the target before the verb and the
	// source after it ("- + * MONEY $": "Eriador received money from
	// Osgiliath" is Osgiliath's aid to Eriador).
	Reverse bool
}

// ReadVerbs reads a PETRARCH verb dictionary (CAMEO.2.0.txt,
// PETR.Validate.verbs.txt) into patterns:
//
//   - a block "--- NAME [CODE] ---" lists verbs (one per line, "{...}" forms
//     ignored; "+BEEF_UP" is the verb "beef" needing "up") and patterns
//     "- LEFT * RIGHT [CODE]";
//   - a verb line's own [CODE], else the block's, codes the bare verb;
//   - a pattern keeps one need from its right side: the head of its first
//     phrase ("DIPLOMATIC TIES" → tie; "{ARMS SHIPMENT}" → shipment), else
//     the noun of its first prepositional phrase ("(WITH LEADERS)" → leader),
//     else the preposition itself ("(AT)" → at); synsets (&NAME) expand to
//     each member's head;
//   - a pattern with the target (+) before the verb and the source ($)
//     after it is Reverse;
//   - a pattern whose left side is only "%" ("- % * [030]", "- % * TALKS")
//     applies when the subject is a compound actor (Compound);
//   - other patterns with only a left side, and codes for the target's
//     action ("[:020]"), are skipped; other left-side words are dropped.
//
// A pattern applies to the verb its comment names ("# RUSH") when that verb
// is in its block, else to every verb of the block, as in PETRARCH.
func ReadVerbs(r io.Reader, name string) ([]VerbPattern, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	synsets := map[string][]string{}
	var cur string // current synset being defined
	var verbs []struct {
		lemma, need, code string
		line              int
	}
	blockCode := ""
	var out []VerbPattern
	n := 0
	flushed := true
	var pending []VerbPattern // patterns of the current block, applied to its verbs at the end
	flush := func() {
		for _, v := range verbs {
			code := v.code
			if code == "" {
				code = blockCode
			}
			if code != "" && code != "---" {
				p := VerbPattern{Verb: v.lemma, Code: code, Line: v.line}
				if v.need != "" {
					p.Needs = []string{v.need}
				}
				out = append(out, p)
			}
			for _, p := range pending {
				if p.Verb != "" && p.Verb != v.lemma && blockHas(verbs, p.Verb) {
					continue
				}
				q := p
				q.Verb = v.lemma
				if v.need != "" {
					q.Needs = append([]string{v.need}, p.Needs...)
				}
				out = append(out, q)
			}
		}
		verbs, pending, blockCode = nil, nil, ""
		flushed = true
	}
	for sc.Scan() {
		n++
		line := sc.Text()
		comment := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			comment = strings.TrimSpace(line[i+1:])
			line = line[:i]
		}
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "<") {
			if t == "" {
				cur = ""
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, "---"):
			flush()
			flushed = false
			cur = ""
			if i := strings.IndexByte(t, '['); i >= 0 {
				if j := strings.IndexByte(t[i:], ']'); j > 0 {
					blockCode = strings.TrimSpace(t[i+1 : i+j])
				}
			}
		case strings.HasPrefix(t, "&"):
			cur = strings.Fields(t)[0]
			synsets[cur] = nil
		case strings.HasPrefix(t, "+") && cur != "":
			w := strings.TrimSuffix(strings.Fields(strings.TrimPrefix(t, "+"))[0], "_")
			synsets[cur] = append(synsets[cur], w)
		case strings.HasPrefix(t, "-"):
			if flushed {
				continue
			}
			body := strings.TrimSpace(t[1:])
			code := ""
			if i := strings.LastIndexByte(body, '['); i >= 0 {
				if j := strings.IndexByte(body[i:], ']'); j > 0 {
					code = strings.TrimSpace(body[i+1 : i+j])
				}
				body = body[:i]
			}
			if code == "" || strings.HasPrefix(code, ":") || code == "---" {
				continue
			}
			if k := strings.IndexByte(code, ':'); k >= 0 {
				code = code[:k]
			}
			left, right, ok := strings.Cut(body, "*")
			if !ok {
				continue
			}
			compound := strings.TrimSpace(left) == "%"
			reverse := strings.Contains(left, "+") && !strings.Contains(left, "$") && strings.Contains(right, "$")
			// The comment names the verb the pattern was written for
			// ("# RUSH"); it then applies to that verb only, which keeps
			// block-mates from codes meant for one of them.
			only := ""
			if f := strings.Fields(comment); len(f) > 0 && isUpperWord(f[0]) {
				only, _ = verbWord(f[0])
			}
			needs := patternNeeds(right, synsets)
			if compound && strings.TrimSpace(right) == "" {
				// "- % * [030]": the verb itself, with a compound subject.
				pending = append(pending, VerbPattern{Verb: only, Code: code, Line: n, Compound: true})
			}
			for _, need := range needs {
				pending = append(pending, VerbPattern{Verb: only, Needs: []string{need}, Code: code, Line: n, Compound: compound, Reverse: reverse})
			}
		default:
			if flushed || cur != "" {
				continue
			}
			f := strings.Fields(t)
			word := f[0]
			code := ""
			if i := strings.IndexByte(t, '['); i >= 0 {
				if j := strings.IndexByte(t[i:], ']'); j > 0 {
					code = strings.TrimSpace(t[i+1 : i+j])
				}
			}
			lemma, need := verbWord(word)
			if lemma == "" {
				continue
			}
			verbs = append(verbs, struct {
				lemma, need, code string
				line              int
			}{lemma, need, code, n})
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Verb < out[j].Verb })
	return out, nil
}

func isUpperWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < 'A' || r > 'Z') && r != '_' && r != '+' {
			return false
		}
	}
	return true
}

// blockHas reports whether the block lists the verb lemma.
func blockHas(verbs []struct {
	lemma, need, code string
	line              int
}, lemma string) bool {
	for _, v := range verbs {
		if v.lemma == lemma {
			return true
		}
	}
	return false
}

// verbWord reads a verb line's word: "MEET", "+MEET_WITH", "+BEEF_UP",
// "KLM_NOP_+RST". It returns the verb lemma and one governed word.
func verbWord(w string) (string, string) {
	w = strings.TrimSuffix(w, "_")
	parts := strings.Split(w, "_")
	vi := 0
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			vi = i
		}
	}
	verb := strings.ToLower(strings.TrimPrefix(parts[vi], "+"))
	if verb == "" || strings.ContainsAny(verb, "{}[]&$%^") {
		return "", ""
	}
	need := ""
	if vi+1 < len(parts) {
		need = strings.ToLower(parts[vi+1])
	}
	return verb, need
}

// patternNeeds picks the governed word(s) of a pattern's right side.
func patternNeeds(right string, synsets map[string][]string) []string {
	right = strings.NewReplacer("{", " ", "}", " ", "$", " ", "+", " ", "%", " ", "^", " ").Replace(right)
	// Words of the first phrase, before any "(".
	head := right
	if i := strings.IndexByte(right, '('); i >= 0 {
		head = right[:i]
	}
	words := strings.Fields(strings.ReplaceAll(head, "_", " "))
	if len(words) == 0 {
		// "(WITH LEADERS)" → leader; "(AT)" → at.
		i := strings.IndexByte(right, '(')
		j := strings.IndexByte(right, ')')
		if i < 0 || j < i {
			return nil
		}
		pp := strings.Fields(strings.ReplaceAll(right[i+1:j], "_", " "))
		switch len(pp) {
		case 0:
			return nil
		case 1:
			words = pp
		default:
			words = pp[1:]
		}
	}
	last := words[len(words)-1]
	if strings.HasPrefix(last, "&") {
		var out []string
		for _, m := range synsets[last] {
			f := strings.Fields(strings.ReplaceAll(m, "_", " "))
			if len(f) > 0 && !strings.HasPrefix(f[len(f)-1], "&") {
				out = append(out, singular(strings.ToLower(f[len(f)-1])))
			}
		}
		return out
	}
	if strings.ContainsAny(last, "&") {
		return nil
	}
	return []string{singular(strings.ToLower(last))}
}

// singular makes a regular plural singular, as lemmas are.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}
