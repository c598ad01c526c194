// Package event codes PLOVER events from each clause's dependency structure,
// the document's actors and its time expressions. Every event says why it
// was coded: the lexicon line that fired and the parse path it matched.
package event

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/timex"
)

// Coder is the event stage. It is safe for concurrent use.
type Coder struct {
	lex  *Lexicon
	pool sync.Pool
}

// New returns a Coder using lex, or the embedded lexicon when lex is nil.
func New(lex *Lexicon) *Coder {
	if lex == nil {
		lex = DefaultLexicon()
	}
	c := &Coder{lex: lex}
	c.pool.New = func() any { return new(scratch) }
	return c
}

// scratch holds per-document working memory, reused across documents.
type scratch struct {
	first, next []int32 // children as linked lists: first child, next sibling (-1 = none)
	actorOf     []int32 // token -> index into doc.Actors, -1 = none
	entityOf    []int32 // token -> index into doc.Entities, -1 = none
	timexOf     []int32 // token -> index into doc.Timexes, -1 = none
	lemma       []string
	used        []bool // token already part of a matched pattern
}

func (s *scratch) reset(n int) {
	grow := func(b []int32) []int32 {
		if cap(b) < n {
			return make([]int32, n)
		}
		return b[:n]
	}
	s.first, s.next = grow(s.first), grow(s.next)
	s.actorOf, s.entityOf, s.timexOf = grow(s.actorOf), grow(s.entityOf), grow(s.timexOf)
	for i := 0; i < n; i++ {
		s.first[i], s.next[i], s.actorOf[i], s.entityOf[i], s.timexOf[i] = -1, -1, -1, -1, -1
	}
	if cap(s.lemma) < n {
		s.lemma = make([]string, n)
		s.used = make([]bool, n)
	}
	s.lemma = s.lemma[:n]
	s.used = s.used[:n]
	clear(s.used)
}

// Process codes the events of doc. It needs tokens with lemmas and a
// dependency parse; without a parse it codes nothing.
func (c *Coder) Process(ctx context.Context, doc *chronicle.Document) error {
	doc.Events = doc.Events[:0]
	if len(doc.Tokens) == 0 || doc.Tokens[0].Deprel == "" {
		return nil
	}
	s := c.pool.Get().(*scratch)
	defer c.pool.Put(s)
	s.reset(len(doc.Tokens))
	w := &work{c: c, doc: doc, s: s}
	w.dateline = segment.DatelineEnd(doc)
	w.index()
	for si := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		w.sentence(si)
	}
	w.resolveEventAnaphora()
	return nil
}

type work struct {
	c   *Coder
	doc *chronicle.Document
	s   *scratch
	// dateline is the end of a dateline opening the text ("GENEVA (AP) —"):
	// tokens before it name where the story was filed, not who acted.
	dateline int
	// pending holds events found, with the token of their trigger, for
	// cross-event links inside the document.
	found []found
}

type found struct {
	ev      chronicle.Event
	trigger int
	trig    chronicle.Span // trigger and needed words
	parts   []participant  // all sources (for symmetric events, the participants)
	targets []participant
	pat     *Pattern
	anaph   int // token of an event noun the target refers to, -1 = none
}

type participant struct {
	tok   int
	actor int // index into doc.Actors, -1 = none
	span  chronicle.Span
}

func (w *work) index() {
	d, s := w.doc, w.s
	for i := len(d.Tokens) - 1; i >= 0; i-- {
		t := &d.Tokens[i]
		if h := int(t.Head); h >= 0 && h < len(d.Tokens) && h != i {
			s.next[i] = s.first[h]
			s.first[h] = int32(i)
		}
		if t.Lemma != "" {
			s.lemma[i] = t.Lemma
		} else {
			s.lemma[i] = strings.ToLower(d.Text[t.Start:t.End])
		}
	}
	// Smaller mentions win: "Turkey" inside "Turkey's Foreign Ministry".
	type m struct {
		actor int
		r     chronicle.TokenRange
	}
	var ms []m
	for ai := range d.Actors {
		for _, mn := range d.Actors[ai].Mentions {
			r := mn.Tokens
			if r.Len() <= 0 {
				r = w.tokensOf(mn.Span)
			}
			ms = append(ms, m{ai, r})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].r.Len() > ms[j].r.Len() })
	for _, x := range ms {
		for t := x.r.Start; t < x.r.End && t < len(d.Tokens); t++ {
			s.actorOf[t] = int32(x.actor)
		}
	}
	for ei := range d.Entities {
		r := d.Entities[ei].Tokens
		if r.Len() <= 0 {
			r = w.tokensOf(d.Entities[ei].Span)
		}
		for t := r.Start; t < r.End && t < len(d.Tokens); t++ {
			s.entityOf[t] = int32(ei)
		}
	}
	for xi := range d.Timexes {
		r := d.Timexes[xi].Tokens
		if r.Len() <= 0 {
			r = w.tokensOf(d.Timexes[xi].Span)
		}
		for t := r.Start; t < r.End && t < len(d.Tokens); t++ {
			s.timexOf[t] = int32(xi)
		}
	}
}

// tokensOf returns the tokens overlapping a byte span.
func (w *work) tokensOf(sp chronicle.Span) chronicle.TokenRange {
	toks := w.doc.Tokens
	lo := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > sp.Start })
	hi := lo
	for hi < len(toks) && int(toks[hi].Start) < sp.End {
		hi++
	}
	return chronicle.TokenRange{Start: lo, End: hi}
}

// children iterates over the dependents of token i.
func (w *work) children(i int, f func(c int) bool) {
	for c := w.s.first[i]; c >= 0; c = w.s.next[c] {
		if !f(int(c)) {
			return
		}
	}
}

func (w *work) rel(i int) string { return w.doc.Tokens[i].Deprel }

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// caseOf returns the lemma of the case marker of token i ("with" in "with Putin").
func (w *work) caseOf(i int) string {
	out := ""
	w.children(i, func(c int) bool {
		if baseRel(w.rel(c)) == "case" {
			out = w.s.lemma[c]
			return false
		}
		return true
	})
	return out
}

// governedByNoun returns the modality a verb's object noun gives an
// infinitive hanging on the verb ("put forward demands [to withdraw]"),
// or "".
func (w *work) governedByNoun(v int) string {
	m := ""
	w.children(v, func(c int) bool {
		if w.rel(c) == "obj" {
			if g, ok := governor[w.s.lemma[c]]; ok {
				m = g
				return false
			}
		}
		return true
	})
	return m
}

func (w *work) governorNounForm(v int) string {
	f := ""
	w.children(v, func(c int) bool {
		if _, ok := governor[w.s.lemma[c]]; ok && w.rel(c) == "obj" {
			f = w.doc.Form(c)
			return false
		}
		return true
	})
	return f
}

// markedTo reports whether clause c is an infinitive with "to" ("demands
// to withdraw", parsed as acl or as advcl).
func (w *work) markedTo(c int) bool {
	to := false
	w.children(c, func(cc int) bool {
		if w.rel(cc) == "mark" && w.s.lemma[cc] == "to" {
			to = true
			return false
		}
		return true
	})
	return to
}

// childBy finds a dependent matching a spec: "obj", "obl:with" (an obl whose
// case marker is "with"), "nmod:poss" (exact relation).
func (w *work) childBy(i int, spec string) int {
	rel, prep, hasPrep := strings.Cut(spec, ":")
	found := -1
	w.children(i, func(c int) bool {
		r := w.rel(c)
		if r == spec {
			found = c
			return false
		}
		if baseRel(r) != rel {
			return true
		}
		if !hasPrep {
			if r == rel || (rel == "obl" || rel == "nmod") && !strings.Contains(r, ":") {
				found = c
				return false
			}
			return true
		}
		if (rel == "obl" || rel == "nmod") && w.caseOf(c) == prep {
			found = c
			return false
		}
		return true
	})
	return found
}

func (w *work) sentence(si int) {
	d := w.doc
	r := d.Sentences[si].Tokens
	// Verbs first, so that "make the trip" claims "trip" before the noun
	// pattern for "trip" could fire on its own.
	for pass := 0; pass < 2; pass++ {
		for i := r.Start; i < r.End; i++ {
			if w.s.used[i] {
				continue
			}
			t := &d.Tokens[i]
			noun := t.UPOS == "NOUN" || t.UPOS == "PROPN"
			verb := t.UPOS == "VERB" || t.UPOS == ""
			if (pass == 0 && !verb) || (pass == 1 && !noun) {
				continue
			}
			// A word of a name is no predicate: "Ask Jeeves", "Help the
			// Aged", "the Bank of England's Monetary Policy Committee".
			if e := w.s.entityOf[i]; e >= 0 && d.Entities[e].Type != chronicle.EntityNORP {
				continue
			}
			for _, p := range w.c.lex.lookup(w.s.lemma[i]) {
				if p.Noun != noun {
					continue
				}
				needToks, ok := w.needs(i, p)
				if !ok || p.Compound && !w.compoundSubject(i) {
					continue
				}
				for _, nt := range needToks {
					w.s.used[nt] = true
				}
				w.code(si, i, p, needToks)
				break
			}
		}
	}
}

// compoundSubject reports whether predicate i's subject is a coordination
// of two or more participants.
func (w *work) compoundSubject(i int) bool {
	var path []string
	subj := w.subject(i, &path)
	return subj >= 0 && len(w.participants(subj, nil)) > 1
}

// needs checks a pattern's required dependents.
func (w *work) needs(i int, p *Pattern) ([]int, bool) {
	var toks []int
	for _, n := range p.Needs {
		hit := -1
		w.children(i, func(c int) bool {
			if n.Rel != "" && baseRel(w.rel(c)) != n.Rel && w.rel(c) != n.Rel {
				return true
			}
			if w.s.lemma[c] == n.Lemma {
				hit = c
				return false
			}
			if n.Rel == "" && (baseRel(w.rel(c)) == "obl" || baseRel(w.rel(c)) == "nmod") {
				// A preposition names the case marker, not the phrase: "meet
				// with Putin" needs "with" and leaves Putin to be the target.
				w.children(c, func(cc int) bool {
					if baseRel(w.rel(cc)) == "case" && w.s.lemma[cc] == n.Lemma {
						hit = cc
						return false
					}
					return true
				})
				if hit >= 0 {
					return false
				}
			}
			return true
		})
		if hit < 0 && n.Rel == "" {
			// A needed noun may modify the phrase the predicate governs:
			// "fire artillery" in "fired two artillery shells".
			w.children(i, func(c int) bool {
				if r := baseRel(w.rel(c)); r != "obj" && r != "obl" {
					return true
				}
				w.children(c, func(cc int) bool {
					if w.rel(cc) == "compound" && w.s.lemma[cc] == n.Lemma {
						hit = cc
						return false
					}
					return true
				})
				return hit < 0
			})
		}
		if hit < 0 {
			return nil, false
		}
		toks = append(toks, hit)
	}
	return toks, true
}

var objectControl = map[string]bool{"urge": true, "ask": true, "force": true, "persuade": true, "call": true,
	"invite": true, "press": true, "accuse": true, "order": true, "tell": true, "allow": true, "encourage": true}

// subject returns the token that does the action of predicate i, following
// control and coordination when the clause has no subject of its own.
func (w *work) subject(i int, path *[]string) int {
	for depth := 0; depth < 6 && i >= 0; depth++ {
		subj := -1
		passive := false
		if depth == 0 && w.doc.Tokens[i].UPOS == "NOUN" {
			// "the only way would be a meeting": a predicate noun's
			// subject is not the meeting's party.
			if h := int(w.doc.Tokens[i].Head); h < 0 || !lightVerbs[w.s.lemma[h]] {
				return -1
			}
			*path = append(*path, w.rel(i)+"↑"+w.s.lemma[int(w.doc.Tokens[i].Head)])
			i = int(w.doc.Tokens[i].Head)
			continue
		}
		w.children(i, func(c int) bool {
			switch w.rel(c) {
			case "nsubj", "csubj":
				if c < w.dateline {
					return true // "GENEVA — Ministers met": the dateline is no subject
				}
				subj = c
				return false
			case "nsubj:pass", "aux:pass":
				passive = true
			}
			return true
		})
		if subj >= 0 {
			// "the country, which risked damaging ...": a relative pronoun
			// stands for the noun its clause modifies; "what binds them"
			// names nobody.
			if x := w.doc.Tokens[subj].XPOS; x == "WDT" || x == "WP" {
				if h := int(w.doc.Tokens[i].Head); w.rel(i) == "acl:relcl" && h >= 0 {
					*path = append(*path, "nsubj (relative) → acl:relcl↑")
					return h
				}
				return -1
			}
			*path = append(*path, "nsubj")
			return subj
		}
		if passive {
			if a := w.childBy(i, "obl:by"); a >= 0 {
				*path = append(*path, "obl:agent(by)")
				return a
			}
			if a := w.childBy(i, "obl:agent"); a >= 0 {
				*path = append(*path, "obl:agent")
				return a
			}
			return -1
		}
		r := w.rel(i)
		h := int(w.doc.Tokens[i].Head)
		if h < 0 {
			return -1
		}
		switch baseRel(r) {
		case "xcomp", "advcl", "acl":
			if baseRel(r) == "advcl" && w.markedTo(i) && w.governedByNoun(h) != "" {
				// "putting forward demands to withdraw": the demanded act's
				// doer is not the demander.
				return -1
			}
			if r == "acl:relcl" {
				*path = append(*path, "acl:relcl↑")
				return h
			}
			if objectControl[w.s.lemma[h]] {
				if o := w.childBy(h, "obj"); o >= 0 {
					*path = append(*path, r+"↑"+w.s.lemma[h]+"→obj")
					return o
				}
			}
			if baseRel(r) == "acl" {
				// A clause modifying a noun: the noun does it ("the Russians
				// of putting forward demands", "troops attacking the city")
				// unless the noun is itself an event ("demands to withdraw").
				if w.doc.Tokens[h].UPOS == "NOUN" && w.c.lex.nounType(w.s.lemma[h]) != "" {
					return -1
				}
				// "no reason to go", "a plan to invade": an infinitive on a
				// common noun is its content, not something the noun does;
				// a named or group noun does it ("the first country to ...").
				if (w.markedTo(i) || w.doc.Tokens[i].XPOS == "VB") && w.doc.Tokens[h].UPOS == "NOUN" && w.s.actorOf[h] < 0 && w.s.entityOf[h] < 0 &&
					!groupNouns[w.s.lemma[h]] {
					return -1
				}
				*path = append(*path, r+"↑"+w.s.lemma[h])
				return h
			}
			*path = append(*path, r+"↑"+w.s.lemma[h])
			i = h
		case "conj":
			*path = append(*path, "conj↑"+w.s.lemma[h])
			i = h
		case "obj", "nsubj:pass":
			// An event noun carried by a light verb ("hold talks", "launch an
			// attack"): the verb's own subject is the source.
			if w.doc.Tokens[i].UPOS == "NOUN" && lightVerbs[w.s.lemma[h]] && depth == 0 {
				*path = append(*path, r+"↑"+w.s.lemma[h])
				i = h
				continue
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// lightVerbs carry an event noun as their object ("hold talks").
var lightVerbs = map[string]bool{"hold": true, "have": true, "make": true, "put": true, "conduct": true,
	"launch": true, "carry": true, "begin": true, "start": true, "continue": true, "resume": true, "stage": true,
	"attend": true, "join": true, "give": true, "issue": true, "reach": true, "sign": true, "deliver": true,
	"announce": true, "order": true, "mount": true, "wage": true, "pursue": true, "seek": true, "open": true,
	"lead": true, "host": true, "propose": true, "make_": true, "reject": true, "accept": true, "offer": true}

var groupNouns = map[string]bool{"official": true, "leader": true, "delegation": true, "force": true, "troop": true,
	"government": true, "side": true, "minister": true, "diplomat": true, "negotiator": true, "army": true,
	"military": true, "soldier": true, "authority": true, "representative": true, "envoy": true, "team": true,
	// a state's arms act for it: "Israeli jets bombed ...", "Russian drones hit ..."
	"jet": true, "warplane": true, "aircraft": true, "drone": true, "missile": true, "tank": true,
	"artillery": true, "navy": true, "warship": true, "helicopter": true, "police": true, "ministry": true}

// participants resolves the actor(s) a token stands for: its actor, its
// conjuncts' actors, and for group nouns ("officials from Ukraine",
// "Ukrainian forces") the actors that modify it.
func (w *work) participants(tok int, out []participant) []participant {
	if tok < 0 {
		return out
	}
	out = w.one(tok, out, 0)
	w.children(tok, func(c int) bool {
		if w.rel(c) == "conj" {
			out = w.participants(c, out)
		}
		return true
	})
	// "The secretary of state and vice president": the parse may hang the
	// second title on a word inside the first actor's mention ("state").
	// A conjunct there that is another actor is a participant too.
	if a := w.s.actorOf[tok]; a >= 0 {
		lo, hi := tok, tok
		for lo > 0 && w.s.actorOf[lo-1] == a {
			lo--
		}
		for hi+1 < len(w.doc.Tokens) && w.s.actorOf[hi+1] == a {
			hi++
		}
		for t := lo; t <= hi; t++ {
			if t == tok {
				continue
			}
			w.children(t, func(c int) bool {
				if w.rel(c) == "conj" && (c < lo || c > hi) && w.s.actorOf[c] >= 0 && w.s.actorOf[c] != a {
					out = w.participants(c, out)
				}
				return true
			})
		}
	}
	return out
}

// forms quotes the head words of participants: "'secretary', 'president'".
func (w *work) forms(ps []participant) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%s'", w.doc.Form(p.tok))
	}
	return b.String()
}

func (w *work) one(tok int, out []participant, depth int) []participant {
	d := w.doc
	if w.s.timexOf[tok] >= 0 || tok < w.dateline {
		return out // "met Friday": a time is never a participant
	}
	if a := w.s.actorOf[tok]; a >= 0 {
		return append(out, participant{tok: tok, actor: int(a), span: w.mentionSpan(int(a), tok)})
	}
	if e := w.s.entityOf[tok]; e >= 0 {
		return append(out, participant{tok: tok, actor: -1, span: d.Entities[e].Span})
	}
	upos := d.Tokens[tok].UPOS
	switch {
	case upos == "PRON" || upos == "PROPN":
		if depth > 1 || !groupNouns[w.s.lemma[tok]] {
			// "Senator Kerry" parsed with the title as head: the name's
			// actor is the participant's.
			if a, at := w.flatActor(tok); a >= 0 {
				return append(out, participant{tok: at, actor: a, span: union(w.nameSpan(tok), w.mentionSpan(a, at))})
			}
			return append(out, participant{tok: tok, actor: -1, span: w.nameSpan(tok)})
		}
	case groupNouns[w.s.lemma[tok]] && depth <= 1:
		// "officials from the Ukrainian government"
	case depth > 0 || upos != "NOUN" || w.c.lex.nounType(w.s.lemma[tok]) != "":
		// An event noun is no participant (its parties are found through
		// it), nor is a common noun inside another participant.
		return out
	}
	// A group noun qualified by named actors stands for them: "officials
	// from Ukraine", "Ukrainian forces". So does any common noun whose
	// of/from/in phrase names them ("the ambassadors of Arnor, Osgiliath
	// and Gondor", "lawmakers in Fornost and Gondor"), but not its own
	// adjectives and compounds ("a Pan Am plane", "Ugandan rebels" stay
	// whole). A place the group is in counts only when nothing else
	// qualifies it: "Russian troops in Ukraine" are Russia's.
	group := groupNouns[w.s.lemma[tok]]
	named := func(c int) bool { return group || w.s.actorOf[c] >= 0 || w.s.entityOf[c] >= 0 }
	n := len(out)
	for _, inPlace := range []bool{false, true} {
		w.children(tok, func(c int) bool {
			switch baseRel(w.rel(c)) {
			case "nmod":
				if w.rel(c) != "nmod" {
					return true // nmod:poss, nmod:tmod
				}
				cs := w.caseOf(c)
				if inPlace != (cs == "in") || cs != "in" && cs != "from" && cs != "of" {
					return true
				}
			case "amod", "compound":
				if inPlace || !group {
					return true
				}
			default:
				return true
			}
			if named(c) {
				out = w.one(c, out, depth+1)
			}
			w.children(c, func(cc int) bool {
				if w.rel(cc) == "conj" && named(cc) {
					out = w.one(cc, out, depth+1)
				}
				return true
			})
			return true
		})
		if len(out) > n {
			return out
		}
	}
	if depth > 0 {
		return out
	}
	// "officials agreed", "police", "the rebels": a group with no actor
	// named; its words are kept so that a dictionary or a reader can still
	// place it.
	return append(out, participant{tok: tok, actor: -1, span: w.nameSpan(tok)})
}

// nameSpan is a bare name with its flat and compound parts ("Volodymyr Zelensky").
func (w *work) nameSpan(tok int) chronicle.Span {
	sp := w.doc.Tokens[tok].Span()
	w.children(tok, func(c int) bool {
		switch r := baseRel(w.rel(c)); {
		case r == "flat" || r == "compound" || r == "amod" && w.doc.Tokens[c].UPOS != "VERB":
			if c < tok || w.doc.Tokens[c].UPOS == "PROPN" {
				sp = union(sp, w.doc.Tokens[c].Span())
			}
		}
		return true
	})
	return sp
}

// flatActor returns the actor of a flat dependent of a proper noun ("Kerry"
// under "Senator"), and that dependent's token, or -1. A compound is a
// modifier, not the name: "the Bush Administration" is not Bush.
func (w *work) flatActor(tok int) (int, int) {
	a, at := -1, -1
	w.children(tok, func(c int) bool {
		if baseRel(w.rel(c)) == "flat" && w.s.actorOf[c] >= 0 {
			a, at = int(w.s.actorOf[c]), c
			return false
		}
		return true
	})
	return a, at
}

func (w *work) mentionSpan(actor, tok int) chronicle.Span {
	t := w.doc.Tokens[tok]
	best := chronicle.Span{Start: int(t.Start), End: int(t.End)}
	bestLen := -1
	for _, m := range w.doc.Actors[actor].Mentions {
		if m.Start <= int(t.Start) && int(t.End) <= m.End && (bestLen < 0 || m.Len() < bestLen) {
			best, bestLen = m.Span, m.Len()
		}
	}
	return best
}

var (
	hedges   = map[string]string{"must": "demanded", "may": "hypothetical", "might": "hypothetical", "could": "hypothetical", "would": "hypothetical", "should": "hypothetical", "will": "future", "shall": "future"}
	governor = map[string]string{
		"willing": "intended", "want": "intended", "plan": "intended", "intend": "intended", "hope": "intended",
		"seek": "intended", "aim": "intended", "ready": "intended", "prepared": "intended", "expect": "intended",
		"try": "intended", "decide": "intended", "promise": "intended", "pledge": "intended", "vow": "intended",
		"offer": "intended", "agree": "intended", "eager": "intended", "possibility": "hypothetical",
		"threaten": "threatened", "warn": "threatened",
		"demand": "demanded", "urge": "demanded", "ask": "demanded", "call": "demanded", "request": "demanded", "press": "demanded",
		"deny": "denied", "refuse": "rejected", "reject": "rejected", "decline": "rejected",
		"proposal": "intended", "threat": "threatened", "ultimatum": "threatened",
		"appeal": "demanded",
	}
	negators = map[string]bool{"not": true, "never": true, "n't": true, "no": true}
)

// status works out negation and modality of predicate i, and what decided it.
func (w *work) status(i int, p *Pattern) (negated bool, modality string, why []string) {
	modality = "asserted"
	if p.Negative {
		negated = true
		why = append(why, "predicate "+w.s.lemma[i]+" denies the event")
	}
	cur, prev := i, i
	for depth := 0; depth < 8 && cur >= 0; depth++ {
		w.children(cur, func(c int) bool {
			l := w.s.lemma[c]
			switch baseRel(w.rel(c)) {
			case "advmod", "det", "neg":
				if negators[l] || negators[strings.ToLower(w.doc.Form(c))] {
					if depth == 0 || w.isCopulaChain(i, cur) {
						negated = !negated || p.Negative
						why = append(why, "negated by '"+w.doc.Form(c)+"'")
					}
				}
			case "aux":
				if m, ok := hedges[l]; ok && modality == "asserted" {
					modality = m
					why = append(why, fmt.Sprintf("modal '%s'", w.doc.Form(c)))
				}
				if negators[l] {
					negated = true
				}
			case "mark":
				if (l == "if" || l == "unless") && modality != "hypothetical" {
					modality = "hypothetical"
					why = append(why, "conditional '"+w.doc.Form(c)+"'")
				}
			}
			return true
		})
		if depth > 0 && modality == "asserted" {
			if m, ok := governor[w.s.lemma[cur]]; ok {
				modality = m
				why = append(why, fmt.Sprintf("under '%s'", w.doc.Form(cur)))
			} else if m := w.governedByNoun(cur); m != "" && baseRel(w.rel(prev)) == "advcl" {
				modality = m
				why = append(why, fmt.Sprintf("under '%s %s'", w.doc.Form(cur), w.governorNounForm(cur)))
			}
		}
		prev = cur
		r := baseRel(w.rel(cur))
		if r != "xcomp" && r != "ccomp" && r != "acl" && r != "conj" && r != "obj" && r != "nsubj" && r != "advcl" &&
			!(r == "obl" && depth > 0) {
			// (An event inside a noun's clause inside an oblique — "hoping
			// to see progress in its efforts to end the war" — still takes
			// the status of the verb above the oblique.)
			break
		}
		if r == "advcl" && modality == "asserted" {
			// "... if he thought ...": only a conditional advcl changes status,
			// handled by its own mark when we pass through it.
		}
		h := int(w.doc.Tokens[cur].Head)
		if h < 0 {
			break
		}
		if r == "nsubj" || r == "obj" {
			// An event noun: its verb's status counts ("consensus ... was not reached").
			if w.doc.Tokens[cur].UPOS != "NOUN" {
				break
			}
		}
		if depth == 0 && r != "xcomp" && r != "ccomp" && r != "acl" && r != "obj" && r != "nsubj" &&
			!(r == "advcl" && w.markedTo(cur)) {
			break
		}
		cur = h
	}
	return negated, modality, why
}

// isCopulaChain reports whether cur is the head of a copular or light-verb
// construction that carries predicate i ("is not willing", "did not make").
func (w *work) isCopulaChain(i, cur int) bool {
	return int(w.doc.Tokens[i].Head) == cur && (baseRel(w.rel(i)) == "xcomp" || baseRel(w.rel(i)) == "obj" || baseRel(w.rel(i)) == "nsubj")
}

// code builds the event(s) for predicate i matched by pattern p.
func (w *work) code(si, i int, p *Pattern, needToks []int) {
	d := w.doc
	var path []string
	var src int
	if p.Noun {
		src = w.childBy(i, "nmod:poss")
		if src >= 0 {
			path = append(path, "nmod:poss")
		} else if a := w.childBy(i, "amod"); a >= 0 && w.s.entityOf[a] >= 0 {
			src = a
			path = append(path, "amod")
		} else if p.Light {
			src = w.subject(i, &path)
		}
	} else {
		src = w.subject(i, &path)
	}
	sources := w.participants(src, nil)

	var targets []participant
	var tpath string
	anaph := -1
	// A target that is only an unresolved common noun ("fired shells at
	// Seoul", "sent aid to Ukraine") is kept aside while the other
	// relations are tried for a named one, and used if none is found.
	var weak []participant
	weakPath := ""
	for _, spec := range p.Targets {
		t := w.childBy(i, spec)
		if t < 0 || contains(needToks, t) {
			continue
		}
		ps, via, isAnaph := w.target(t, sources)
		if isAnaph {
			anaph, tpath = t, spec
			break
		}
		if len(ps) == 0 {
			continue
		}
		if w.weak(ps) {
			if weak == nil {
				weak, weakPath = ps, spec+via
			}
			continue
		}
		targets, tpath = ps, spec+via
		break
	}
	if len(targets) == 0 && anaph < 0 {
		// "restore ties with Gondor", "sign an agreement with X": the
		// target hangs on the needed noun.
	needs:
		for _, nt := range needToks {
			if d.Tokens[nt].UPOS != "NOUN" {
				continue
			}
			for _, spec := range []string{"nmod:with", "nmod:to", "nmod:against", "nmod:between", "obl:with"} {
				if t := w.childBy(nt, spec); t >= 0 {
					if targets = w.participants(t, nil); len(targets) > 0 {
						tpath = w.s.lemma[nt] + "→" + spec
						break needs
					}
				}
			}
		}
	}
	if !p.Noun && len(targets) == 0 && anaph < 0 {
		// "Aristide has been accused of ...": the passive subject is the target.
		if t := w.childBy(i, "nsubj:pass"); t >= 0 && !contains(needToks, t) {
			targets = w.participants(t, nil)
			tpath = "nsubj:pass"
		}
	}
	if p.Noun && len(targets) == 0 {
		if t := w.childBy(i, "nmod:between"); t >= 0 {
			targets = w.participants(t, nil)
			tpath = "nmod:between"
		}
	}
	if anaph >= 0 {
		w.s.used[anaph] = true
	}
	// A content clause can name the target: "demands to withdraw Ukrainian
	// forces", "threatened to walk away from peace talks" (also under a
	// needed noun: "put forward demands to withdraw ...").
	heads := append([]int{i}, needToks...)
	for _, hd := range heads {
		if len(targets) > 0 || anaph >= 0 {
			break
		}
		w.children(hd, func(c int) bool {
			r := baseRel(w.rel(c))
			if r != "xcomp" && r != "ccomp" && r != "acl" && !(r == "advcl" && w.markedTo(c)) {
				return true
			}
			if w.rel(c) == "acl:relcl" {
				return true
			}
			for _, spec := range []string{"obj", "obl:from", "obl:with", "obl:to", "obl:against", "obl:on"} {
				if t := w.childBy(c, spec); t >= 0 {
					ps, via, isAnaph := w.target(t, sources)
					if isAnaph {
						anaph, tpath = t, w.rel(c)+"→"+spec
						return false
					}
					if len(ps) > 0 && w.weak(ps) {
						if weak == nil {
							weak, weakPath = ps, w.rel(c)+"→"+spec+via
						}
					} else if len(ps) > 0 {
						targets, tpath = ps, w.rel(c)+"→"+spec+via
						return false
					}
				}
			}
			return true
		})
	}
	if len(targets) == 0 && anaph < 0 && !p.Place {
		// No target where the pattern looks: a named participant in another
		// prepositional phrase of the predicate ("warned of the Prince",
		// "appealed for peace in Ithilen"). Places (in, at) and times are
		// where and when, not whom.
		w.children(i, func(c int) bool {
			if baseRel(w.rel(c)) != "obl" || contains(needToks, c) || w.s.timexOf[c] >= 0 {
				return true
			}
			if cs := w.caseOf(c); !fallbackCases[cs] && !w.neededCase(c, needToks) {
				return true
			}
			ps, via, _ := w.target(c, sources)
			if len(ps) > 0 && !w.weak(ps) {
				targets, tpath = ps, "obl:"+w.caseOf(c)+via+" (fallback)"
				return false
			}
			return true
		})
	}
	if len(targets) == 0 && anaph < 0 && weak != nil {
		targets, tpath = weak, weakPath
	}
	if p.Reverse {
		// "Eriador received money from Osgiliath": Osgiliath gave it.
		sources, targets = targets, sources
		path, tpath = []string{tpath}, strings.Join(path, " → ")+" (reversed)"
	}
	if (p.Symmetric || symmetricTypes[p.Type]) && len(targets) == 0 && len(sources) > 1 {
		targets = sources[1:]
		sources = sources[:1]
		tpath = "conj (symmetric)"
	} else if p.Noun && len(sources) == 0 && len(targets) > 1 && tpath == "nmod:between" {
		sources, targets = targets[:1], targets[1:]
		path, tpath = []string{"nmod:between"}, "nmod:between → conj"
	}
	implicit := false
	if len(targets) == 0 && anaph < 0 && p.Noun && len(sources) > 0 {
		if t := w.implicitTarget(si, sources); t.tok >= 0 {
			targets = []participant{t}
			tpath = "implicit: the other state named in the sentence"
			implicit = true
		}
	}
	if len(sources) == 0 && p.ObjDoer && !p.Noun {
		// "(demands) to withdraw Ukrainian forces": with no subject, the
		// forces withdrawn tell who retreats.
		if o := w.childBy(i, "obj"); o >= 0 && groupNouns[w.s.lemma[o]] {
			if ps := w.participants(o, nil); !w.weak(ps) {
				sources = ps
				path = append(path, "obj (the forces withdrawn)")
			}
		}
	}
	if len(sources) == 0 && len(targets) == 0 && anaph < 0 {
		return
	}
	// "that is impossible to crack": no participant can be an actor. The
	// event stays in the document, marked, for a reader to see; the
	// chronicle does not store it.
	scope := ""
	if anaph < 0 && !w.agentive(sources) && !w.agentive(targets) {
		scope = chronicle.ScopeNoActor
	}
	if scope == "" && anaph < 0 && len(targets) > 0 && (p.Imported || p.ActorTarget) && !w.agentive(targets) && !w.personalPronoun(targets) {
		// "Netanyahu broke a lot", "the minister hit first-time buyers":
		// the imported CAMEO verbs are broad, and PETRARCH codes them only
		// between actors of its dictionaries.
		scope = chronicle.ScopeTargetNotActor
	}
	if scope == "" && anaph < 0 && p.Imported && !w.agentive(sources) {
		// "High fuel prices hit BA", "the dollar hit its highest level",
		// "to allow more women": nor without an actor as the doer.
		scope = chronicle.ScopeSourceNotActor
	}

	typ, mode, verbal := p.Type, p.Mode, false
	if p.Verbal && w.verbal(sources, targets) {
		typ, mode, verbal = "ACCUSE", "disapprove", true
	}
	negated, modality, swhy := w.status(i, p)
	place, placeCountry := w.place(i, p, targets, implicit)
	date, dateWhy := w.date(i, si)

	trig := d.Tokens[i].Span()
	for _, nt := range needToks {
		trig = union(trig, d.Tokens[nt].Span())
	}
	ev := chronicle.Event{
		Trigger: trig,
		Type:    typ, Mode: mode, Date: date, Place: place, PlaceCountry: placeCountry,
		Negated: negated, Modality: modality, Quote: w.quoteAt(trig), Scope: scope,
	}
	var why strings.Builder
	fmt.Fprintf(&why, "%s `%s` matched '%s' (%s %s)", p.Source, p.Line, d.SpanText(trig), d.Tokens[i].UPOS, d.Tokens[i].Deprel)
	if len(sources) > 0 {
		fmt.Fprintf(&why, "; source via %s: %s", strings.Join(path, " → "), w.forms(sources))
	}
	if len(targets) > 0 {
		fmt.Fprintf(&why, "; target via %s: %s", tpath, w.forms(targets))
	} else if anaph >= 0 {
		fmt.Fprintf(&why, "; target via %s: '%s' (the parties of an earlier %s)", tpath, d.Form(anaph), w.s.lemma[anaph])
	}
	if verbal {
		why.WriteString("; an attack in words (on a plan, law or statement, or by a named person on a named person or organization): ACCUSE.disapprove")
	}
	if len(swhy) > 0 {
		fmt.Fprintf(&why, "; %s", strings.Join(swhy, ", "))
	}
	if dateWhy != "" {
		fmt.Fprintf(&why, "; date from %s", dateWhy)
	}
	if ev.Quote >= 0 {
		fmt.Fprintf(&why, "; reported in quote %d", ev.Quote)
	}
	switch scope {
	case chronicle.ScopeNoActor:
		why.WriteString("; no participant is an actor, a name or an agent noun: not stored")
	case chronicle.ScopeTargetNotActor:
		if p.Imported {
			why.WriteString("; an imported CAMEO pattern whose target is no actor: not stored")
		} else {
			why.WriteString("; the pattern needs an actor as its target (actortarget): not stored")
		}
	case chronicle.ScopeSourceNotActor:
		why.WriteString("; an imported CAMEO pattern whose source is no actor: not stored")
	}
	ev.Why = why.String()
	conf := 0.9
	if len(sources) == 0 || (len(targets) == 0 && anaph < 0) {
		conf -= 0.2
	}
	if implicit {
		conf -= 0.3
	}
	if len(path) > 1 {
		conf -= 0.1
	}
	if scope != "" {
		conf -= 0.4
	}
	ev.Confidence = max(conf, 0.1)
	w.found = append(w.found, found{ev: ev, trigger: i, trig: trig, parts: sources, targets: targets, pat: p, anaph: anaph})
}

// fallbackCases are the prepositions whose phrase may name the target of
// a predicate whose pattern found none. Places (in, at) and times (after,
// during, following) are where and when, not whom.
var fallbackCases = wordSet(`of for about into toward towards over from against on upon onto with to near
	across between among`)

// symmetricTypes are the PLOVER types whose events are reciprocal by
// nature: conjoined subjects with no other target ("Gondor and Osgiliath
// renewed ties") are each other's targets, whatever pattern fired.
var symmetricTypes = map[string]bool{"CONSULT": true, "COOPERATE": true}

// target resolves the participants a target dependent t stands for. An
// event noun ("condemned the attack by Osgiliath soldiers", "condemned
// Russia's invasion") stands for its own doer when it names one; else it
// refers to an earlier event, whose parties resolveEventAnaphora supplies
// (isAnaph). An unresolved common noun ("the resumption of ties with
// Mordor, Rohan and Bree", "a bunch of Morgul orcs") stands for the named
// participants inside its phrase, if any. via tells how, for the why.
//
// Participants that are the source's own actor are left out: "Croatia is
// investigating crimes by Croatian extremists" does not target Croatia.
func (w *work) target(t int, sources []participant) (ps []participant, via string, isAnaph bool) {
	d := w.doc
	if d.Tokens[t].UPOS == "NOUN" && w.s.actorOf[t] < 0 && w.s.entityOf[t] < 0 && w.c.lex.nounType(w.s.lemma[t]) != "" {
		if a, rel := w.eventDoer(t); a >= 0 {
			if ps = notSelf(w.participants(a, nil), sources); len(ps) > 0 {
				return ps, "→" + w.s.lemma[t] + "→" + rel, false
			}
		}
		// "promised aid to the villages", "offered talks with Kyiv": the
		// event noun names its own recipient.
		for _, spec := range []string{"nmod:to", "nmod:with", "nmod:for"} {
			if r := w.childBy(t, spec); r >= 0 {
				if ps = notSelf(w.participants(r, nil), sources); len(ps) > 0 && !w.weak(ps) {
					return ps, "→" + w.s.lemma[t] + "→" + spec, false
				}
			}
		}
		return nil, "", true
	}
	ps = notSelf(w.participants(t, nil), sources)
	if len(ps) > 0 && w.weak(ps) {
		if in := w.inside(t); in >= 0 {
			if inner := notSelf(w.participants(in, nil), sources); len(inner) > 0 {
				if r := w.rel(in); len(inner) == 1 && int(d.Tokens[in].Head) == t && (r == "amod" || r == "compound") {
					// "Serbian nationalists": Serbia's, and still the
					// nationalists in the text.
					inner[0].span = union(inner[0].span, w.nameSpan(t))
				}
				return inner, "→" + w.s.lemma[t] + "→" + w.rel(in), false
			}
		}
	}
	return ps, "", false
}

// neededCase reports whether the case marker of c is one of the pattern's
// needed words: a verb particle parsed as a preposition ("cordoned off
// the roads") leaves its phrase the verb's object.
func (w *work) neededCase(c int, needToks []int) bool {
	hit := false
	w.children(c, func(cc int) bool {
		if baseRel(w.rel(cc)) == "case" && contains(needToks, cc) {
			hit = true
			return false
		}
		return true
	})
	return hit
}

// notSelf drops from ps the participants that are one of the sources' actors.
func notSelf(ps, sources []participant) []participant {
	out := ps[:0:0]
	for _, p := range ps {
		self := false
		for _, s := range sources {
			if p.actor >= 0 && p.actor == s.actor {
				self = true
			}
		}
		if !self {
			out = append(out, p)
		}
	}
	return out
}

// eventDoer returns the doer an event noun names ("Russia's invasion",
// "an attack by Osgiliath soldiers", "the Israeli offensive") and the
// relation it hangs by, or -1.
func (w *work) eventDoer(n int) (int, string) {
	doer, rel := -1, ""
	w.children(n, func(c int) bool {
		r := w.rel(c)
		switch {
		case w.doc.Tokens[c].UPOS == "PRON":
			// "postponed their meeting": the meeting's own parties, found
			// through the earlier event or the subject, not a target.
		case r == "nmod:poss" || r == "nmod:agent":
			doer, rel = c, r
			return false
		case r == "nmod" && w.caseOf(c) == "by":
			doer, rel = c, "nmod:by"
			return false
		case (r == "amod" || r == "compound") && (w.s.actorOf[c] >= 0 || w.s.entityOf[c] >= 0):
			doer, rel = c, r
		}
		return true
	})
	return doer, rel
}

// weak reports whether participants are all unresolved common nouns (no
// actor, no named entity, no name or pronoun).
func (w *work) weak(ps []participant) bool {
	for _, p := range ps {
		if p.actor >= 0 || w.s.entityOf[p.tok] >= 0 {
			return false
		}
		if u := w.doc.Tokens[p.tok].UPOS; u == "PROPN" || u == "PRON" {
			return false
		}
	}
	return true
}

// agentive reports whether some participant can be an actor: an actor, a
// named entity or proper noun, or a noun naming a kind of actor ("police",
// "rebels", "officials", "companies").
func (w *work) agentive(ps []participant) bool {
	agents := agentNouns()
	for _, p := range ps {
		if p.actor >= 0 || w.s.entityOf[p.tok] >= 0 || w.doc.Tokens[p.tok].UPOS == "PROPN" {
			return true
		}
		if l := strings.ToLower(w.s.lemma[p.tok]); groupNouns[l] || agents[l] {
			return true
		}
	}
	return false
}

// personalPronoun reports whether a participant is a personal pronoun
// other than "it": "met with them", "received us" have people as targets,
// whether or not the pronoun was resolved.
func (w *work) personalPronoun(ps []participant) bool {
	for _, p := range ps {
		switch strings.ToLower(w.doc.Form(p.tok)) {
		case "he", "him", "she", "her", "they", "them", "we", "us", "you", "i", "me":
			return true
		}
	}
	return false
}

// inside returns the first named participant within two levels of a
// noun's modifiers ("resumption of ties with Mordor" → Mordor), or -1.
func (w *work) inside(n int) int {
	best := -1
	var walk func(t, depth int)
	walk = func(t, depth int) {
		w.children(t, func(c int) bool {
			switch baseRel(w.rel(c)) {
			case "nmod", "amod", "compound", "appos":
			case "acl":
				// "the roads leading into Mordor", "the parade supporting
				// Gondor": a present participle's phrase says what the noun
				// reaches; a past one's does not ("Africans ordered out of
				// Nigeria").
				if w.rel(c) == "acl:relcl" || w.doc.Tokens[c].XPOS != "VBG" {
					return true
				}
			case "obj", "obl":
				if baseRel(w.rel(t)) != "acl" {
					return true
				}
			default:
				return true
			}
			if w.rel(c) == "nmod:tmod" || w.s.timexOf[c] >= 0 {
				return true
			}
			named := w.s.actorOf[c] >= 0 || w.s.entityOf[c] >= 0
			switch r := baseRel(w.rel(c)); {
			case w.doc.Tokens[c].UPOS == "PRON" && r == "nmod":
				// "re-open its borders": mostly the subject itself
				named = false
			case w.doc.Tokens[c].UPOS == "PROPN" && r != "amod" && r != "compound":
				// a name in a phrase of its own; an unknown name in a
				// compound is part of the noun's ("a Pan Am plane")
				named = true
			}
			if named && (best < 0 || c < best) {
				best = c
			}
			if (depth < 1 || baseRel(w.rel(c)) == "acl") && depth < 2 && !named {
				walk(c, depth+1)
			}
			return true
		})
	}
	walk(n, 0)
	return best
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func union(a, b chronicle.Span) chronicle.Span {
	if b.Start < a.Start {
		a.Start = b.Start
	}
	if b.End > a.End {
		a.End = b.End
	}
	return a
}

// implicitTarget picks, for an event noun with a source only ("Russia's
// invasion"), another state named in the same sentence that is not a
// location phrase.
func (w *work) implicitTarget(si int, sources []participant) participant {
	d := w.doc
	r := d.Sentences[si].Tokens
	for t := r.Start; t < r.End; t++ {
		a := w.s.actorOf[t]
		if a < 0 || d.Actors[a].Type != chronicle.EntityGPE {
			continue
		}
		same := false
		for _, s := range sources {
			if s.actor == int(a) {
				same = true
			}
		}
		if same {
			continue
		}
		if c := w.caseOf(t); c == "in" || c == "at" || c == "to" {
			continue
		}
		return participant{tok: t, actor: int(a), span: w.mentionSpan(int(a), t)}
	}
	return participant{tok: -1, actor: -1}
}

// place finds where the event happened: an "in/at" phrase naming a place,
// the host of a visit, or the place an attack or seizure was aimed at (not
// an implicit target, which the text does not name with the event).
func (w *work) place(i int, p *Pattern, targets []participant, implicit bool) (string, string) {
	d := w.doc
	if p.Place && len(targets) > 0 && targets[0].actor >= 0 {
		a := d.Actors[targets[0].actor]
		if a.Type == chronicle.EntityGPE || a.Type == chronicle.EntityLoc {
			return w.placeName(targets[0].actor, targets[0].tok), a.Country
		}
	}
	pl, pc := "", ""
	// "met Friday in Turkey": the place phrase may hang on a dependent of
	// the predicate (a time, an object), so look two levels down.
	var look func(t, depth int)
	look = func(t, depth int) {
		w.children(t, func(c int) bool {
			r := baseRel(w.rel(c))
			if r != "obl" && r != "nmod" && r != "obj" {
				return true
			}
			if cs := w.caseOf(c); cs == "in" || cs == "at" {
				if a := w.s.actorOf[c]; a >= 0 && (d.Actors[a].Type == chronicle.EntityGPE || d.Actors[a].Type == chronicle.EntityLoc) {
					pl, pc = w.placeName(int(a), c), d.Actors[a].Country
					return false
				}
				if e := w.s.entityOf[c]; e >= 0 && (d.Entities[e].Type == chronicle.EntityGPE || d.Entities[e].Type == chronicle.EntityLoc) {
					pl = d.SpanText(d.Entities[e].Span)
					return false
				}
			}
			if depth < 1 {
				look(c, depth+1)
			}
			return pl == ""
		})
	}
	look(i, 0)
	if pl == "" && !implicit && materialTypes[p.Type] && len(targets) > 0 && targets[0].actor >= 0 {
		// "Russian forces shelled Kharkiv": an attack or a seizure happens
		// where its target is, when the target is a place.
		if a := d.Actors[targets[0].actor]; a.Type == chronicle.EntityGPE || a.Type == chronicle.EntityLoc {
			pl, pc = w.placeName(targets[0].actor, targets[0].tok), a.Country
		}
	}
	return pl, pc
}

// materialTypes are the event types that happen at their target.
var materialTypes = map[string]bool{"ASSAULT": true, "COERCE": true}

// placeName names the place actor a is mentioned as at token tok: a
// capital standing for its state ("met in Moscow", an actor "Russia") is
// the city, so the event keeps the place the text names, with the state's
// country code beside it. Other mentions give the actor's name.
func (w *work) placeName(a, tok int) string {
	act := &w.doc.Actors[a]
	for _, m := range act.Mentions {
		if m.Kind == chronicle.MentionNamed && m.Start <= int(w.doc.Tokens[tok].Start) && int(w.doc.Tokens[tok].End) <= m.End {
			if e := w.s.entityOf[tok]; e >= 0 && w.doc.Entities[e].Type != chronicle.EntityNORP {
				return w.doc.Text[m.Start:m.End]
			}
		}
	}
	return act.Name
}

// date returns the governing date of predicate i (timex.Governing). An
// event noun ("Russia's invasion in February 2022") does not take the time
// of the clause around it: it takes a date attached to it or next to it in
// the sentence, and only then the governing one.
func (w *work) date(i, si int) (string, string) {
	d := w.doc
	if d.Tokens[i].UPOS == "NOUN" {
		best, bestDist := -1, 6
		r := d.Sentences[si].Tokens
		for t := r.Start; t < r.End; t++ {
			x := w.s.timexOf[t]
			if x < 0 || !isDate(d.Timexes[x].Value) {
				continue
			}
			dist := t - i
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = int(x), dist
			}
		}
		if best >= 0 {
			return d.Timexes[best].Value, "'" + d.SpanText(d.Timexes[best].Span) + "' next to the event noun"
		}
	}
	if d.Tokens[i].UPOS != "NOUN" {
		// Several times attached to the predicate (a parser may hang one
		// there by mistake): the nearest one wins ("met Friday ... in
		// February 2022" → Friday).
		best, bestDist := -1, 1<<30
		var walk func(t, depth int)
		walk = func(t, depth int) {
			w.children(t, func(c int) bool {
				if x := w.s.timexOf[c]; x >= 0 && isDate(d.Timexes[x].Value) {
					dist := c - i
					if dist < 0 {
						dist = -dist
					}
					if dist < bestDist {
						best, bestDist = int(x), dist
					}
				} else if r := baseRel(w.rel(c)); depth == 0 && (r == "obl" || r == "nmod" || r == "advmod") {
					walk(c, depth+1)
				}
				return true
			})
		}
		walk(i, 0)
		if best >= 0 {
			return d.Timexes[best].Value, "'" + d.SpanText(d.Timexes[best].Span) + "' attached to the predicate"
		}
	}
	g := timex.Governing(d, i)
	if g.Source == timex.SourceSentence && !isDate(g.Value) && !d.Published.IsZero() {
		// "have threatened ... if a deal isn't reached soon": a vague time
		// elsewhere in the sentence (soon, now) does not date this clause.
		return d.Published.Format("2006-01-02"), "the document date (the sentence's only time, '" +
			d.SpanText(d.Timexes[g.Timex].Span) + "', is vague)"
	}
	switch g.Source {
	case timex.SourceNone:
		return "", ""
	case timex.SourceDCT, timex.SourceDateline:
		return g.Value, "the document date (" + g.Source + ")"
	}
	if g.Timex >= 0 && g.Timex < len(d.Timexes) {
		return g.Value, fmt.Sprintf("'%s' (%s)", d.SpanText(d.Timexes[g.Timex].Span), g.Source)
	}
	return g.Value, g.Source
}

func isDate(v string) bool {
	return len(v) >= 4 && v[0] >= '0' && v[0] <= '9' && !strings.HasPrefix(v, "P")
}

// quoteAt returns the index of the innermost quote whose content holds sp.
func (w *work) quoteAt(sp chronicle.Span) int {
	best, bestLen := -1, 0
	for qi, q := range w.doc.Quotes {
		if q.Content.Contains(sp) && (best < 0 || q.Content.Len() < bestLen) {
			best, bestLen = qi, q.Content.Len()
		}
	}
	return best
}

// resolveEventAnaphora gives events whose target is an event noun ("walk
// away from peace talks") the parties of the latest earlier event of that
// kind, then emits one Event per source-target pair.
func (w *work) resolveEventAnaphora() {
	d := w.doc
	for k := range w.found {
		f := &w.found[k]
		if f.anaph < 0 || len(f.targets) > 0 {
			continue
		}
		ty := w.c.lex.nounType(w.s.lemma[f.anaph])
		for j := k - 1; j >= 0; j-- {
			g := &w.found[j]
			if g.pat.Type == ty && !g.pat.Place && !g.ev.Negated && g.ev.Modality == "asserted" && actors(g.parts)+actors(g.targets) > 1 {
				f.targets = append(append([]participant{}, g.parts...), g.targets...)
				break
			}
		}
	}
	for k, f := range w.found {
		srcs, tgts := f.parts, f.targets
		if f.anaph >= 0 {
			tgts = w.notCompatriots(srcs, tgts)
			w.found[k].targets = tgts
		}
		if len(srcs) == 0 {
			srcs = []participant{{tok: -1, actor: -1}}
		}
		if len(tgts) == 0 {
			tgts = []participant{{tok: -1, actor: -1}}
		}
		for _, s := range srcs {
			for _, t := range tgts {
				if s.tok >= 0 && t.tok >= 0 && s.actor >= 0 && s.actor == t.actor {
					continue
				}
				ev := f.ev
				ev.Source = w.ref(s)
				ev.Target = w.ref(t)
				ev.Evidence = w.evidence(f.trigger, f.trig, s, t)
				d.Events = append(d.Events, ev)
			}
		}
	}
}

// notCompatriots drops, from targets inferred through an event noun, the
// source's own country ("Putin skipped the meetings" is not Putin → Russia).
func (w *work) notCompatriots(srcs, tgts []participant) []participant {
	var out []participant
	for _, t := range tgts {
		keep := true
		for _, s := range srcs {
			if s.actor >= 0 && t.actor >= 0 && w.doc.Actors[t.actor].Type == chronicle.EntityGPE &&
				w.doc.Actors[s.actor].Country != "" && w.doc.Actors[s.actor].Country == w.doc.Actors[t.actor].Country {
				keep = false
			}
		}
		if keep {
			out = append(out, t)
		}
	}
	return out
}

// actors counts the participants resolved to actors.
func actors(ps []participant) int {
	n := 0
	for _, p := range ps {
		if p.actor >= 0 {
			n++
		}
	}
	return n
}

func (w *work) ref(p participant) chronicle.Ref {
	if p.tok < 0 {
		return chronicle.Ref{}
	}
	r := chronicle.Ref{Span: p.span}
	if p.actor >= 0 {
		r.Actor = w.doc.Actors[p.actor].ID
	}
	return r
}

// evidence is the stretch of the sentence from the first to the last of
// trigger, source and target (a target outside the sentence is left out).
func (w *work) evidence(trigger int, trig chronicle.Span, s, t participant) chronicle.Span {
	d := w.doc
	sp := trig
	si := d.SentenceOf(trigger)
	sent := d.RangeSpan(d.Sentences[si].Tokens)
	for _, p := range []participant{s, t} {
		if p.tok >= 0 && sent.Contains(p.span) {
			sp = union(sp, p.span)
		}
	}
	return sp
}

// wordTargets are what is attacked in words: "attacked the legislation"
// (lemmas).
var wordTargets = map[string]bool{
	"legislation": true, "plan": true, "policy": true, "proposal": true,
	"decision": true, "idea": true, "bill": true, "budget": true, "law": true, "report": true,
	"remark": true, "comment": true, "move": true, "scheme": true, "stance": true, "approach": true,
	"strategy": true, "record": true, "claim": true, "statement": true, "reform": true, "tax": true,
	"measure": true, "speech": true, "manifesto": true, "rule": true, "ruling": true, "handling": true,
	"verdict": true, "judgment": true, "judgement": true, "deal": true, "agreement": true, "view": true,
	"case": true, "drama": true, "programme": true, "program": true, "show": true, "film": true,
	"book": true, "article": true, "tabloid": true, "media": true, "coverage": true,
	"campaign": true, "advert": true, "advertisement": true, "documentary": true, "broadcast": true,
	"series": true, "ban": true, "cut": true, "change": true,
}

// verbal reports whether an attack by sources on targets is one in words:
// a plan, law, statement or programme as the target, or a named person
// attacking a named person or organization ("Kerry attacked Bush"). A
// person attacking anything else may well do it with a knife.
func (w *work) verbal(sources, targets []participant) bool {
	person := func(ps []participant) bool {
		for _, p := range ps {
			if p.actor >= 0 && w.doc.Actors[p.actor].Type == chronicle.EntityPerson {
				return true
			}
		}
		return false
	}
	// Every target a plan, law or statement: "attacked public buildings
	// and newspapers" is no attack in words. A target the parse resolved
	// to the actor that qualifies it ("Tory plans" is the Tories') is
	// judged by the noun it qualifies.
	words := len(targets) > 0
	for _, t := range targets {
		noun := t.tok
		if t.actor >= 0 {
			noun = -1
			if h := int(w.doc.Tokens[t.tok].Head); h >= 0 && h < len(w.doc.Tokens) && w.s.actorOf[h] < 0 {
				switch baseRel(w.rel(t.tok)) {
				case "compound", "amod", "nmod":
					noun = h
				}
			}
		}
		words = words && noun >= 0 && wordTargets[w.s.lemma[noun]]
	}
	if words {
		return true
	}
	if !person(sources) {
		return false
	}
	for _, t := range targets {
		if t.actor >= 0 {
			if typ := w.doc.Actors[t.actor].Type; typ == chronicle.EntityPerson || typ == chronicle.EntityOrg {
				return true
			}
		}
	}
	return false
}
