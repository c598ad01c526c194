package actor

import (
	"strings"

	chronicle "github.com/chronicle-news/chronicle"
)

// This file finds actor mentions in news text from the surface: names
// (NER entities when the document has them, capitalized word runs when it
// does not), titles and roles before names, definite role descriptions
// ("the Russian president"), places and organizations from the lexicon, and
// pronouns. It needs tokens and sentences only; tags and the parse are used
// when present.

// amention extends mention with what the actor layer needs.
type amention struct {
	mention
	place    int32 // index into lexicon.places, -1
	plural   bool
	quote    int32 // index of the quote span holding it, -1
	speaker  bool  // the speaker of an adjacent quote
	definite bool
	named    string // normalized name key for names
	surname  uint64 // hash of the last name word, for PERSON names
	roleSpan chronicle.Span
}

// quoteSpan is a stretch of quoted tokens and its speaker mention.
type quoteSpan struct {
	start, end int32 // tokens inside the quote marks
	speaker    int32 // amention index, -1
	sent       int32
}

// orgWords end the names of organizations.
var orgWords = map[string]bool{
	"Press": true, "Ministry": true, "Agency": true, "Department": true, "Council": true, "Party": true,
	"Army": true, "Office": true, "Committee": true, "Union": true, "Organization": true, "Organisation": true,
	"Bank": true, "Times": true, "News": true, "Post": true, "Company": true, "Corp": true, "Corp.": true,
	"Inc": true, "Inc.": true, "University": true, "Court": true, "Forces": true, "Parliament": true,
	"Congress": true, "Commission": true, "Group": true, "Institute": true, "Association": true,
	"Service": true, "Guard": true, "Navy": true, "Command": true, "Front": true, "Movement": true,
	"Brigade": true, "Administration": true, "Government": true, "Cabinet": true, "Kremlin": true,
}

// orgNouns follow a name to make an organization: "the Trump administration".
var orgNouns = map[string]bool{"administration": true, "government": true, "campaign": true, "cabinet": true, "regime": true}

// notNames are capitalized words that do not start names.
var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "But": true, "And": true, "Or": true,
	"If": true, "When": true, "While": true, "After": true, "Before": true, "As": true, "For": true, "From": true,
	"With": true, "By": true, "To": true, "Of": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "He": true, "She": true, "They": true, "We": true, "I": true, "You": true, "His": true, "Her": true,
	"Their": true, "Its": true, "Our": true, "My": true, "Your": true, "There": true, "Here": true, "Some": true,
	"Many": true, "Most": true, "All": true, "Both": true, "Officials": true, "Ultimately": true, "However": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Miss": true, // British style has no period
}

// speechVerbs mark a quote's speaker next to them.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "asked": true, "stated": true,
	"wrote": true, "declared": true, "insisted": true, "warned": true, "explained": true, "noted": true,
}

var modifiers = map[string]bool{"senior": true, "top": true, "former": true, "then": true, "acting": true, "deputy": true, "chief": true, "new": true, "special": true, "interim": true}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "‘", "’", "``", "''", "'":
		return true
	}
	return false
}

func isUpper(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	return c >= 0x80 && strings.ToLower(s) != s
}

// isNameWord reports whether token i may be part of a name.
func isNameWord(doc *chronicle.Document, i int) bool {
	w := doc.Form(i)
	if !isUpper(w) || w == "I" {
		return false
	}
	if t := &doc.Tokens[i]; t.UPOS != "" && t.UPOS != "PROPN" && t.UPOS != "NOUN" && t.UPOS != "ADJ" && t.UPOS != "X" {
		return false
	}
	return true
}

// sentenceInitial reports whether token i starts its sentence or a quote.
func sentenceInitial(doc *chronicle.Document, i, start int) bool {
	if i == start {
		return true
	}
	p := doc.Form(i - 1)
	return isQuoteMark(p) || p == ":" || p == "—"
}

type newsScratch struct {
	ms     []amention
	quotes []quoteSpan
	inQ    []int32 // token -> quote index, -1
	caps   map[uint64]bool
}

func (n *newsScratch) reset(nTok int) {
	n.ms = n.ms[:0]
	n.quotes = n.quotes[:0]
	n.inQ = grow(n.inQ, nTok)
	for i := range n.inQ {
		n.inQ[i] = -1
	}
	if n.caps == nil {
		n.caps = make(map[uint64]bool)
	}
	clear(n.caps)
}

// findQuotes marks quoted token stretches. Straight quotes alternate;
// curly ones open and close. A quote never crosses a paragraph.
func (n *newsScratch) findQuotes(doc *chronicle.Document) {
	for _, p := range doc.Paragraphs {
		open := int32(-1)
		for i := p.Tokens.Start; i < p.Tokens.End; i++ {
			w := doc.Form(i)
			switch {
			case w == "“" || w == "``" || (w == "\"" && open < 0):
				open = int32(i + 1)
			case (w == "”" || w == "''" || w == "\"") && open >= 0:
				n.quotes = append(n.quotes, quoteSpan{start: open, end: int32(i), speaker: -1, sent: int32(doc.SentenceOf(i))})
				open = -1
			}
		}
	}
	for qi, q := range n.quotes {
		for i := q.start; i < q.end; i++ {
			n.inQ[i] = int32(qi)
		}
	}
}

// capsElsewhere records capitalized words that occur capitalized away from
// the start of a sentence: a sentence-initial word is taken for a name only
// if it is one of them.
func (n *newsScratch) capsElsewhere(doc *chronicle.Document) {
	for _, s := range doc.Sentences {
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			if !sentenceInitial(doc, i, s.Tokens.Start) && isNameWord(doc, i) {
				n.caps[hashLower(fnvOffset, doc.Form(i))] = true
			}
		}
	}
}

func (s *scratch) newMention(start, end, head, sent int, k mkind) amention {
	return amention{mention: mention{start: int32(start), end: int32(end), head: int32(head), sent: int32(sent), kind: k, entity: -1, role: -1}, place: -1, quote: -1}
}

// detectNews fills n.ms with actor mentions in text order.
func (s *scratch) detectNews(doc *chronicle.Document, n *newsScratch) {
	n.reset(len(doc.Tokens))
	n.findQuotes(doc)
	n.capsElsewhere(doc)
	lx := s.lex
	entAt := make(map[int]int, len(doc.Entities))
	for i, e := range doc.Entities {
		entAt[e.Tokens.Start] = i
	}
	useNER := len(doc.Entities) > 0
	for si, sent := range doc.Sentences {
		end := sent.Tokens.End
		country, countryAt := "", -1 // a demonym or "X's" waiting for its noun
		for i := sent.Tokens.Start; i < end; {
			w := doc.Form(i)
			// Pronouns.
			if p, ok := pronounOf(w); ok && doc.Tokens[i].UPOS != "PROPN" && (len(w) == 1 || strings.ToUpper(w) != w) { // not "US", "IT"
				if pleonastic(doc, sent.Tokens, i) {
					i++
					continue
				}
				m := s.newMention(i, i+1, i, si, kindPronoun)
				m.person, m.num, m.gen, m.anim = p.person, p.num, p.gen, p.anim
				m.quote = n.inQ[i]
				n.ms = append(n.ms, m)
				i++
				continue
			}
			// Roles, with the determiner or name around them.
			if r, rn := lx.roleAt(doc, i, end); r >= 0 && !(rn == 1 && isUpper(w) && sentenceInitial(doc, i, sent.Tokens.Start) && !lx.roles[r].Unique) {
				i = s.roleMention(doc, n, si, i, r, rn, end, country, countryAt)
				country, countryAt = "", -1
				continue
			}
			// An organization whose name holds a place ("Bank of England",
			// "U.S. Department of State", "Georgetown University") is the
			// organization, not the place, of the place's country. A name
			// that is all place ("European Union") or holds a known
			// organization is left to the lexicon below.
			if e, ok := entAt[i]; ok && doc.Entities[e].Type == chronicle.EntityOrg {
				if j := doc.Entities[e].Tokens.End; j <= end && j-i > 1 {
					if code, inside := s.placeInside(doc, i, j); inside {
						m := s.newMention(i, j, j-1, si, kindNamed)
						m.entity, m.etype, m.country, m.quote = int32(e), chronicle.EntityOrg, code, n.inQ[i]
						if code == "" && countryAt == i {
							m.country = country // "Ukrainian Red Cross Society"
						}
						n.ms = append(n.ms, m)
						country, countryAt = "", -1
						i = j
						continue
					}
				}
			}
			// Places, states' organizations and demonyms.
			if p, pn := lx.placeAt(doc, i, end); p >= 0 && (!useNER || lx.places[p].standsAlone() || placeEntity(doc, i, i+pn)) {
				pl := &lx.places[p]
				next := i + pn
				if pl.Kind == "demonym" {
					if strings.HasSuffix(doc.Form(next-1), "s") && i > sent.Tokens.Start && strings.EqualFold(doc.Form(i-1), "the") {
						m := s.newMention(i-1, next, next-1, si, kindNamed)
						m.etype, m.place, m.plural, m.country = chronicle.EntityGPE, p, true, pl.Code
						m.quote = n.inQ[i]
						n.ms = append(n.ms, m)
					} else {
						country, countryAt = pl.Code, next
						if r, rn := lx.roleAt(doc, next, end); (r < 0 || lx.pluralRole(doc, r, next+rn)) && next < end && doc.Tokens[next].UPOS != "PROPN" {
							// "Ukrainian forces", "Russian leaders": the
							// demonym names the state the group belongs to,
							// so it is a mention of that state (as CAMEO codes it).
							// A singular title stays a person: "the Russian
							// president".
							m := s.newMention(i, next, next-1, si, kindNamed)
							m.etype, m.place, m.country = chronicle.EntityGPE, p, pl.Code
							m.quote = n.inQ[i]
							n.ms = append(n.ms, m)
						}
					}
					i = next
					continue
				}
				m := s.newMention(i, next, next-1, si, kindNamed)
				m.place, m.country, m.quote = p, pl.Code, n.inQ[i]
				m.etype = chronicle.EntityGPE
				if pl.Kind == "org" {
					m.etype = chronicle.EntityOrg
				}
				n.ms = append(n.ms, m)
				// "Turkey's Foreign Ministry": an organization of the state.
				if next+1 < end && (doc.Form(next) == "'s" || doc.Form(next) == "’s") && pl.isState {
					j := next + 1
					for j < end && isNameWord(doc, j) {
						j++
					}
					if j > next+1 && orgWords[doc.Form(j-1)] {
						o := s.newMention(i, j, j-1, si, kindNamed)
						o.etype, o.country, o.quote = chronicle.EntityOrg, pl.Code, n.inQ[i]
						if op, opn := lx.placeAt(doc, next+1, j); op >= 0 && opn == j-next-1 {
							o.place = op
						}
						n.ms = append(n.ms, o)
						i = j
						continue
					}
					country, countryAt = pl.Code, next+1
				}
				i = next
				continue
			}
			// Names.
			if j := s.nameEnd(doc, n, i, sent.Tokens.Start, end, useNER, entAt); j > i {
				m := s.newMention(i, j, j-1, si, kindNamed)
				m.quote = n.inQ[i]
				if e, ok := entAt[i]; ok {
					m.entity, m.etype = int32(e), doc.Entities[e].Type
				}
				switch {
				case orgWords[doc.Form(j-1)]:
					m.etype = chronicle.EntityOrg
				case j < end && orgNouns[doc.Form(j)]:
					// "the Trump administration"
					m = s.newMention(i, j+1, j, si, kindNamed)
					m.etype, m.quote = chronicle.EntityOrg, n.inQ[i]
					j++
				}
				if countryAt == i {
					m.country = country
				}
				n.ms = append(n.ms, m)
				country, countryAt = "", -1
				i = j
				continue
			}
			if !modifiers[strings.ToLower(w)] {
				country, countryAt = "", -1
			} else if countryAt == i {
				countryAt++
			}
			i++
		}
	}
}

// placeInside reports whether tokens [i, j) hold a place that is not all
// of them, and returns the country the name says: that of a state or
// nationality in it ("Bank of England", "Russian Defence Ministry"), or of
// a city in a public body's name ("New York Police Department"); a city
// says nothing of a university or paper named after it ("Georgetown
// University" is not in Guyana). A name that holds an organization the
// lexicon knows ("UN Security Council", "Afghan Taliban") is left to the
// lexicon, which knows its country and sector.
func (s *scratch) placeInside(doc *chronicle.Document, i, j int) (string, bool) {
	state, city, inside := "", "", false
	for k := i; k < j; k++ {
		p, pn := s.lex.placeAt(doc, k, j)
		if p < 0 {
			continue
		}
		pl := &s.lex.places[p]
		if k == i && pn == j-i || pl.Kind == "org" && pl.Code != "" {
			return "", false
		}
		inside = true
		switch {
		case pl.isState || pl.Kind == "demonym":
			if state == "" {
				state = pl.Code
			}
		case pl.Kind != "org" && city == "":
			city = pl.Code
		}
		k += pn - 1
	}
	if state != "" {
		return state, inside
	}
	for k := i; k < j && city != ""; k++ {
		if publicBodies[doc.Form(k)] {
			return city, inside
		}
	}
	return "", inside
}

// publicBodies are the words of public bodies' names, whose place names
// the country: "New York Police Department", "Housing Authority of New
// Orleans".
var publicBodies = map[string]bool{
	"Police": true, "Department": true, "Authority": true, "Council": true, "Court": true,
	"Ministry": true, "Commission": true, "Committee": true, "Agency": true, "Assembly": true,
	"Parliament": true, "Senate": true, "Administration": true, "Government": true, "Army": true,
	"Forces": true, "Guard": true, "Office": true, "Board": true,
}

// placeEntity reports whether [i, j) overlaps an entity and no person
// entity: with NER, "Chad" in "Chad Smith" is no country, while "The
// Associated Press" is the agency even when NER only marked "Press".
func placeEntity(doc *chronicle.Document, i, j int) bool {
	found := false
	for k := range doc.Entities {
		if r := doc.Entities[k].Tokens; r.Start < j && i < r.End {
			if doc.Entities[k].Type == chronicle.EntityPerson {
				return false
			}
			found = true
		}
	}
	return found
}

// nameEnd returns the end of the name starting at i, or i when none does.
func (s *scratch) nameEnd(doc *chronicle.Document, n *newsScratch, i, start, end int, useNER bool, entAt map[int]int) int {
	if i >= end {
		return i
	}
	if useNER {
		if e, ok := entAt[i]; ok {
			return doc.Entities[e].Tokens.End
		}
		return i
	}
	if !isNameWord(doc, i) || notNames[doc.Form(i)] {
		return i
	}
	j := i
	for j < end && isNameWord(doc, j) && !notNames[doc.Form(j)] {
		if r, _ := s.lex.roleAt(doc, j, end); r >= 0 && j > i {
			break
		}
		if p, _ := s.lex.placeAt(doc, j, end); p >= 0 && j > i {
			break
		}
		j++
	}
	if j == i+1 && sentenceInitial(doc, i, start) && !n.caps[hashLower(fnvOffset, doc.Form(i))] {
		// A sentence-initial word alone is a name only with more evidence:
		// a speech verb after it, or a registry that knows it.
		known := j < end && speechVerbs[doc.Form(j)]
		if !known && s.reg != nil {
			_, known = s.reg.Lookup(doc.Form(i), "", "")
		}
		if !known {
			return i
		}
	}
	return j
}

// roleMention handles a role title at [i, i+rn): "President Trump",
// "special envoys A and B", "the Russian president", "The secretary of
// state and vice president". It returns where scanning resumes.
func (s *scratch) roleMention(doc *chronicle.Document, n *newsScratch, si, i int, r int32, rn, end int, country string, countryAt int) int {
	lx := s.lex
	roleStart := i
	if countryAt == i && country != "" {
		// keep the demonym as part of the role evidence
		for roleStart > doc.Sentences[si].Tokens.Start && !isArticle(doc.Form(roleStart-1)) && roleStart > i-3 {
			if p, _ := lx.placeAt(doc, roleStart-1, end); p >= 0 || modifiers[strings.ToLower(doc.Form(roleStart-1))] {
				roleStart--
				continue
			}
			break
		}
	} else {
		country = ""
	}
	// A modifier before the title ("special envoys", "senior official").
	for roleStart > doc.Sentences[si].Tokens.Start && modifiers[strings.ToLower(doc.Form(roleStart-1))] {
		roleStart--
	}
	j := i + rn
	plural := lx.pluralRole(doc, r, j)
	roleSp := chronicle.Span{Start: int(doc.Tokens[roleStart].Start), End: int(doc.Tokens[j-1].End)}
	// "of Ukraine" after the title gives its country.
	if j+1 < end && doc.Form(j) == "of" {
		if p, pn := lx.placeAt(doc, j+1, end); p >= 0 && lx.places[p].isState {
			country = lx.places[p].Code
			j += 1 + pn
		}
	}
	// Names after the title.
	// (j < end: a title that ends its sentence — a headline such as "calls
	// for Lords speaker" — must not take the next sentence's name; issue 5.)
	if k := s.nameEnd(doc, n, j, -1, end, len(doc.Entities) > 0, nil); j < end && (k > j || len(doc.Entities) > 0 && entityCovering(doc, j, chronicle.EntityPerson) >= 0) {
		if len(doc.Entities) > 0 {
			// NER may or may not include the title: "[President Trump]".
			k = min(doc.Entities[entityCovering(doc, j, chronicle.EntityPerson)].Tokens.End, end)
		}
		for {
			m := s.newMention(j, k, k-1, si, kindNamed)
			m.etype, m.role, m.country, m.quote, m.roleSpan = chronicle.EntityPerson, r, country, n.inQ[j], roleSp
			m.anim = animate
			if e := entityCovering(doc, j, chronicle.EntityPerson); e >= 0 {
				m.entity = int32(e)
			}
			n.ms = append(n.ms, m)
			// "envoys A and B": the title covers both.
			if plural && k+1 < end && (doc.Form(k) == "and" || doc.Form(k) == ",") {
				if k2 := s.nameEnd(doc, n, k+1, -1, end, false, nil); k2 > k+1 {
					j, k = k+1, k2
					continue
				}
			}
			return k
		}
	}
	// A definite description: "the Russian president", "a senior official".
	det := roleStart - 1
	if det >= doc.Sentences[si].Tokens.Start && (isArticle(doc.Form(det)) || doc.Form(det) == "'s" || doc.Form(det) == "’s") && !plural {
		m := s.newMention(det, j, j-1, si, kindNominal)
		m.role, m.country, m.quote, m.roleSpan = r, country, n.inQ[det], roleSp
		m.etype, m.anim, m.num = chronicle.EntityPerson, animate, numSing
		m.definite = strings.EqualFold(doc.Form(det), "the")
		n.ms = append(n.ms, m)
		// "The secretary of state and vice president": a second title
		// under the same article.
		if j+1 < end && doc.Form(j) == "and" {
			if r2, rn2 := s.lex.roleAt(doc, j+1, end); r2 >= 0 {
				m2 := s.newMention(j+1, j+1+rn2, j+rn2, si, kindNominal)
				m2.role, m2.quote, m2.definite = r2, n.inQ[j+1], m.definite
				m2.etype, m2.anim, m2.num = chronicle.EntityPerson, animate, numSing
				m2.roleSpan = chronicle.Span{Start: int(doc.Tokens[j+1].Start), End: int(doc.Tokens[j+rn2].End)}
				n.ms = append(n.ms, m2)
				return j + 1 + rn2
			}
		}
	}
	return j
}

// entityCovering returns the entity of type typ that covers token i, or -1.
func entityCovering(doc *chronicle.Document, i int, typ string) int {
	for k := range doc.Entities {
		if r := doc.Entities[k].Tokens; r.Start <= i && i < r.End && doc.Entities[k].Type == typ {
			return k
		}
	}
	return -1
}

// findSpeakers links each quote to the mention that speaks it: a mention
// right before or after a speech verb next to the quote ("…,” Trump told
// reporters", "…,” he said", "Trump said: “…”").
func (s *scratch) findSpeakers(doc *chronicle.Document, n *newsScratch) {
	for qi := range n.quotes {
		q := &n.quotes[qi]
		close := int(q.end) // the closing mark
		for mi := range n.ms {
			m := &n.ms[mi]
			if m.quote >= 0 || m.kind == kindNominal && !m.definite {
				continue
			}
			st, en := int(m.start), int(m.end)
			after := st > close && st <= close+2 && en < len(doc.Tokens) && speechVerbs[doc.Form(en)]
			inverted := st > close && st <= close+3 && speechVerbs[doc.Form(st-1)] // "…,” said Trump"
			before := en < int(q.start) && int(q.start)-en <= 3 && en < len(doc.Tokens) && speechVerbs[doc.Form(en)]
			if after || inverted || before {
				q.speaker = int32(mi)
				m.speaker = true
				break
			}
		}
	}
}
