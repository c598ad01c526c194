package actor

import (
	"context"
	"sort"
	"strings"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/registry"
)

func (s *scratch) initUF(n int) {
	s.parent = grow(s.parent, n)
	s.ring = grow(s.ring, n)
	for i := range n {
		s.parent[i] = int32(i)
		s.ring[i] = int32(i)
	}
}

// Process fills doc.Actors with the people, organizations and places the
// document names, each with all its mentions (names, role descriptions,
// pronouns), roles and country, and sets Entity.Actor on the entities that
// name them. It reads Tokens, Sentences and Paragraphs (tags, the parse and
// Entities when present). Unnamed referents ("an adviser") are not actors:
// they have no identity to keep across articles. It replaces doc.Actors
// and returns an error only when ctx is done.
func (x *Extractor) Process(ctx context.Context, doc *chronicle.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s := x.get()
	defer x.put(s)
	if s.news == nil {
		s.news = &newsScratch{}
	}
	s.reset(len(doc.Tokens))
	s.detectNews(doc, s.news)
	s.resolveNews(doc, s.news)
	doc.Actors = s.buildActors(doc, s.news, x.reg)
	return nil
}

// sameType reports whether two named mentions may name the same actor.
func sameType(a, b string) bool {
	return a == "" || b == "" || a == b
}

// resolveNews groups the actor mentions: names first (same name, same
// state, surname to full name, acronym), then role descriptions to the
// person holding the role, quote speakers, and pronouns.
func (s *scratch) resolveNews(doc *chronicle.Document, n *newsScratch) {
	ms := n.ms
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].start < ms[b].start })
	s.findSpeakers(doc, n) // indices changed with the sort
	s.initUF(len(ms))
	lx := s.lex
	// Names: keys and types.
	for i := range ms {
		m := &ms[i]
		if m.kind != kindNamed {
			continue
		}
		lo := nameStart(doc, int(m.start), int(m.end))
		m.named = registry.Normalize(doc.Text[doc.Tokens[lo].Start:doc.Tokens[m.end-1].End])
		if honorifics[doc.Form(int(m.start))] && m.place < 0 {
			// "Mr Islam", "Dr Fox": whatever the recognizer said.
			m.etype = chronicle.EntityPerson
		}
		if m.etype == "" {
			w := doc.Form(int(m.start))
			if m.end-m.start == 1 && len(w) > 1 && strings.ToUpper(w) == w {
				m.etype = chronicle.EntityOrg
			} else if m.end-m.start > 1 {
				m.etype = chronicle.EntityPerson
			}
		}
		if m.etype == chronicle.EntityPerson || m.etype == "" || m.etype != chronicle.EntityNORP && m.place < 0 && m.end-m.start == 1 {
			m.surname = registry.NormHash(doc.Form(int(m.end - 1)))
		}
	}
	// Single-word names take the type of the full name they shorten.
	for i := range ms {
		m := &ms[i]
		if m.kind != kindNamed || nameLen(doc, m) != 1 || m.etype != "" {
			continue
		}
		for j := range ms {
			if a := &ms[j]; a.kind == kindNamed && nameLen(doc, a) > 1 && a.etype == chronicle.EntityPerson && a.surname == m.surname {
				m.etype = chronicle.EntityPerson
				break
			}
		}
		if m.etype == "" {
			m.etype = chronicle.EntityPerson
			if m.start > 0 {
				switch doc.Form(int(m.start - 1)) {
				case "in", "to", "from", "at", "near", "across", "outside", "inside":
					m.etype = chronicle.EntityGPE // "in Istanbul"
				}
			}
		}
	}
	// Pass 1: the same name, the same state or state organization.
	for i := range ms {
		m := &ms[i]
		if m.kind == kindPronoun {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			a := &ms[j]
			if a.kind == kindPronoun || !sameType(a.etype, m.etype) {
				continue
			}
			same := m.kind == kindNamed && a.kind == kindNamed && a.named == m.named
			if !same && m.place >= 0 && a.place >= 0 {
				// A state under any of its names and capitals is one
				// actor; organizations and cities of a state are each
				// their own ("White House" and "Congress", "Kharkiv" and
				// "Donetsk" stay apart).
				pm, pa := &lx.places[m.place], &lx.places[a.place]
				if pm.isState && pa.isState {
					same = pm.Code != "" && pm.Code == pa.Code
				} else if !pm.isState && !pa.isState {
					same = pm.Name == pa.Name
				}
			}
			if same {
				s.union(int32(j), int32(i))
				break
			}
		}
	}
	// Pass 2: a surname alone to the full name: the closest earlier one,
	// else the first later one. Full names with different first names
	// stay apart.
	for i := range ms {
		m := &ms[i]
		// NER sometimes calls a lone surname an organization or a place
		// ("Netanyahu's Likud", "Afzal said"): one that no lexicon knows
		// joins the person of that surname as well.
		orgSurname := m.etype != chronicle.EntityPerson && m.etype != chronicle.EntityNORP && m.place < 0 && m.end-m.start == 1
		if m.kind != kindNamed || m.etype != chronicle.EntityPerson && !orgSurname || nameLen(doc, m) != 1 {
			continue
		}
		best := -1
		for j := range ms {
			a := &ms[j]
			if j == i || a.kind != kindNamed || nameLen(doc, a) < 2 || a.surname != m.surname || a.etype != chronicle.EntityPerson {
				continue
			}
			if j < i || best < 0 {
				best = j
			}
			if j > i {
				break
			}
		}
		if best >= 0 {
			s.union(int32(best), int32(i))
		}
	}
	// Pass 3: acronyms ("NATO" after "North Atlantic Treaty Organization").
	for i := range ms {
		m := &ms[i]
		if m.kind != kindNamed || m.end-m.start != 1 || m.etype != chronicle.EntityOrg {
			continue
		}
		w := doc.Form(int(m.start))
		for j := range ms {
			a := &ms[j]
			if a.kind == kindNamed && a.end-a.start == int32(len(w)) && a.end-a.start > 1 && initials(doc, a) == w {
				s.union(int32(j), int32(i))
				break
			}
		}
	}
	// Pass 4: "the Russian president" to the person the document named
	// Russian president; "the secretary of state" to the one secretary of
	// state it named.
	for i := range ms {
		m := &ms[i]
		if m.kind != kindNominal || m.role < 0 || !m.definite {
			continue
		}
		best, bestDist := -1, 1<<30
		for j := range ms {
			a := &ms[j]
			if a.kind != kindNamed || a.role < 0 || lx.roles[a.role].Title != lx.roles[m.role].Title {
				continue
			}
			if m.country != "" && a.country != "" && a.country != m.country {
				continue
			}
			d := int(m.start - a.start)
			if d < 0 {
				d = -d + 1000 // prefer antecedents
			}
			if m.country != "" && a.country != m.country {
				d += 100000 // a title without a country fits only failing all others
			}
			if d < bestDist {
				best, bestDist = j, d
			}
		}
		if best >= 0 {
			s.union(int32(best), int32(i))
		}
	}
	// Pass 5: quote speakers. A pronoun speaking a quote ("…," he said)
	// continues the previous quote's speaker; "I" and "me" in a quote are
	// its speaker.
	prev := int32(-1)
	for qi := range n.quotes {
		q := &n.quotes[qi]
		if q.speaker < 0 {
			continue
		}
		sp := &ms[q.speaker]
		if sp.kind == kindPronoun && sp.person == 3 && prev >= 0 && q.sent-n.quotes[prev].sent <= 2 && s.find(q.speaker) == q.speaker {
			s.union(n.quotes[prev].speaker, q.speaker)
		}
		prev = int32(qi)
	}
	for i := range ms {
		m := &ms[i]
		if m.kind == kindPronoun && m.person == 1 && m.num == numSing && m.quote >= 0 {
			if sp := n.quotes[m.quote].speaker; sp >= 0 {
				s.union(sp, int32(i))
			}
		}
	}
	// Pass 6: third-person pronouns.
	for i := range ms {
		p := &ms[i]
		if p.kind != kindPronoun || p.person != 3 || s.find(int32(i)) != int32(i) || p.speaker && s.ring[i] != int32(i) {
			continue
		}
		if j := s.pronounAntecedent(doc, n, i); j >= 0 {
			s.union(int32(j), int32(i))
		}
	}
}

func initials(doc *chronicle.Document, m *amention) string {
	var b [8]byte
	k := 0
	for t := m.start; t < m.end && k < len(b); t++ {
		w := doc.Form(int(t))
		if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			b[k] = w[0]
			k++
		}
	}
	return string(b[:k])
}

// isPersonMention reports whether a mention can be a he/she antecedent.
func (s *scratch) isPersonMention(m *amention) bool {
	switch m.kind {
	case kindNamed:
		return m.etype == chronicle.EntityPerson
	case kindNominal:
		return m.role >= 0 && m.definite
	}
	return false
}

// pronounAntecedent picks the antecedent of pronoun i: for he/she the most
// salient person — the first one of the pronoun's own sentence before it,
// else the first of the closest earlier sentence that has one (up to two
// back); for it/its the closest organization or state, singular. A pronoun
// in a quote never refers to the quote's speaker, and looks only inside
// its quote in its own sentence; a pronoun outside quotes skips quoted
// mentions.
func (s *scratch) pronounAntecedent(doc *chronicle.Document, n *newsScratch, i int) int {
	ms := n.ms
	p := &ms[i]
	speaker := int32(-1)
	if p.quote >= 0 && n.quotes[p.quote].speaker >= 0 {
		speaker = s.find(n.quotes[p.quote].speaker)
	}
	ok := func(a *amention) bool {
		if p.gen == genNeuter {
			return a.kind == kindNamed && !a.plural && (a.etype == chronicle.EntityOrg || a.etype == chronicle.EntityGPE) && !afterPlacePrep(doc, a)
		}
		if p.num == numPlur {
			return false // "they" is left alone: groups are not actors
		}
		return s.isPersonMention(a)
	}
	for d := int32(0); d <= 2; d++ {
		sent := p.sent - d
		if sent < 0 {
			break
		}
		cand := -1
		for j := range ms {
			a := &ms[j]
			if a.sent != sent {
				continue
			}
			if d == 0 && j >= i {
				break
			}
			if !ok(a) {
				continue
			}
			if speaker >= 0 && s.find(int32(j)) == speaker {
				continue
			}
			if p.quote >= 0 && d == 0 && a.quote != p.quote || p.quote < 0 && a.quote >= 0 {
				continue
			}
			cand = j
			if p.gen != genNeuter {
				break // the first person of the sentence
			}
		}
		if cand >= 0 {
			if p.gen == genNeuter && s.closerThing(doc, ms, &ms[cand], p) {
				return -1
			}
			return cand
		}
	}
	return -1
}

// placePrep are the prepositions of place: what they govern is where
// something happens, rarely what a later "it" stands for. Not "on":
// "sanctions on Iran. It ..." is Iran.
var placePrep = map[string]bool{"in": true, "at": true, "over": true, "near": true, "across": true,
	"into": true, "onto": true, "throughout": true, "within": true, "around": true, "inside": true,
	"outside": true, "along": true, "beyond": true, "under": true, "above": true, "below": true, "through": true}

// afterPlacePrep reports whether mention m is the object of a place
// preposition ("at The Hague", "over Mongolia"): where something happened,
// rarely what a later "it" stands for.
func afterPlacePrep(doc *chronicle.Document, m *amention) bool {
	i := int(m.start) - 1
	if i >= 0 && isArticle(doc.Form(i)) {
		i--
	}
	return i >= 0 && placePrep[strings.ToLower(doc.Form(i))]
}

// closerThing reports whether a thing that is no actor is a likelier
// antecedent of the neuter pronoun p than the actor mention a: a noun
// subject between them, or, when a is in an earlier sentence, one before p
// in p's sentence or the subject of the main clause of the sentence
// before; also when p is an object and a, in an earlier sentence, no
// subject. "The cargo craft broke up over a region that borders Mongolia.
// It ..." is about the craft, not Mongolia; left unresolved, "it" makes no
// event.
func (s *scratch) closerThing(doc *chronicle.Document, ms []amention, a, p *amention) bool {
	if !parsed(doc) {
		return false
	}
	covered := func(i int) bool {
		for j := range ms {
			if m := &ms[j]; m.kind != kindPronoun && int(m.start) <= i && i < int(m.end) {
				return true
			}
		}
		return false
	}
	thing := func(i int) bool {
		t := &doc.Tokens[i]
		return rel(t.Deprel) == "nsubj" && (t.UPOS == "NOUN" || t.UPOS == "PROPN") && t.XPOS != "NNS" && t.XPOS != "NNPS" && !covered(i)
	}
	from := doc.Sentences[p.sent].Tokens.Start
	if a.sent == p.sent {
		from = int(a.end)
	}
	for i := from; i < int(p.start); i++ {
		if thing(i) {
			return true
		}
	}
	if a.sent == p.sent {
		return false
	}
	// An object "it" looking back past its sentence takes only a subject
	// ("a freezer full of it", "make it most valuable" are things).
	if r := rel(doc.Tokens[p.start].Deprel); r == "obj" || r == "obl" || r == "nmod" && doc.Tokens[p.start].Deprel != "nmod:poss" {
		if ah := rel(doc.Tokens[a.head].Deprel); ah != "nsubj" {
			return true
		}
	}
	sr := doc.Sentences[p.sent-1].Tokens
	for i := sr.Start; i < sr.End; i++ {
		if t := &doc.Tokens[i]; t.Head >= 0 && rel(doc.Tokens[t.Head].Deprel) == "root" && thing(i) {
			return true
		}
	}
	return false
}

// buildActors turns the groups that hold a name into actors.
func (s *scratch) buildActors(doc *chronicle.Document, n *newsScratch, reg *registry.Registry) []chronicle.Actor {
	ms := n.ms
	seen := ""
	if !doc.Published.IsZero() {
		seen = doc.Published.Format("2006-01-02")
	}
	groups := make(map[int32][]int)
	var order []int32
	for i := range ms {
		r := s.find(int32(i))
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var actors []chronicle.Actor
	personCountry := make(map[uint64]string) // surname -> country, for "X administration"
	for _, r := range order {
		idx := groups[r]
		a, ok := s.makeActor(doc, ms, idx, seen)
		if !ok {
			continue
		}
		if reg != nil {
			applyRegistry(&a, reg)
		}
		if a.ID == "" {
			a.ID = registry.ID(a.Type, a.Name, a.Country)
			if a.Type == chronicle.EntityNORP {
				// "Muslim" and "Muslims", "Democrat" and "Democrats": one group
				a.ID = registry.ID(a.Type, singular(a.Name), a.Country)
			}
		}
		if a.Type == chronicle.EntityPerson && a.Country != "" {
			for _, i := range idx {
				if ms[i].kind == kindNamed {
					personCountry[ms[i].surname] = a.Country
				}
			}
		}
		actors = append(actors, a)
	}
	// "the Trump administration" is in the country of Trump.
	for i := range actors {
		a := &actors[i]
		if a.Type != chronicle.EntityOrg || a.Country != "" {
			continue
		}
		ws := strings.Fields(a.Name)
		if n := len(ws); n >= 2 && orgNouns[ws[n-1]] {
			a.Country = personCountry[registry.NormHash(ws[n-2])]
		}
	}
	// Entities point at their actor.
	for ai := range actors {
		for _, m := range actors[ai].Mentions {
			if m.Kind != chronicle.MentionNamed {
				continue
			}
			for ei := range doc.Entities {
				if e := &doc.Entities[ei]; e.Span.Overlaps(m.Span) && e.Actor == "" {
					e.Actor = actors[ai].ID
				}
			}
		}
	}
	return actors
}

// singular drops the plural s of a group's name.
func singular(name string) string {
	if len(name) > 4 && strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "ss") {
		return name[:len(name)-1]
	}
	return name
}

// orgName reports whether the name in tokens [start,end) begins or ends
// with a word that names an organization ("Council on Foreign Relations",
// "Ukrainian Orthodox Church").
func orgName(doc *chronicle.Document, start, end int) bool {
	if end-start < 2 {
		return false
	}
	if isArticle(doc.Form(start)) {
		start++
	}
	return orgWords[doc.Form(start)] || orgWords[doc.Form(end-1)]
}

func (s *scratch) makeActor(doc *chronicle.Document, ms []amention, idx []int, seen string) (chronicle.Actor, bool) {
	lx := s.lex
	var a chronicle.Actor
	best, bestLen := -1, int32(0)
	hasPerson, hasOrg, hasGPE, hasNORP := false, false, false, false
	for _, i := range idx {
		m := &ms[i]
		if m.kind != kindNamed {
			continue
		}
		switch m.etype {
		case chronicle.EntityPerson:
			hasPerson = true
		case chronicle.EntityOrg:
			hasOrg = true
		case chronicle.EntityGPE, chronicle.EntityLoc:
			hasGPE = true
		case chronicle.EntityNORP:
			if m.place >= 0 {
				hasGPE = true // a state's demonym: "Ukrainian" is Ukraine
			} else {
				hasNORP = true
			}
		}
		l := m.end - m.start
		if isArticle(doc.Form(int(m.start))) {
			l--
		}
		if m.plural {
			l = 0 // "the Russians" never names Russia
		}
		if best < 0 || l > bestLen {
			best, bestLen = i, l
		}
	}
	if best < 0 {
		return a, false
	}
	bm := &ms[best]
	switch {
	case hasPerson:
		a.Type = chronicle.EntityPerson
	case hasOrg:
		a.Type = chronicle.EntityOrg
	case hasGPE:
		a.Type = chronicle.EntityGPE
		if bm.place < 0 && orgName(doc, int(bm.start), int(bm.end)) {
			// "Council on Foreign Relations", "Union of Concerned
			// Scientists": NER took an organization for a place
			a.Type = chronicle.EntityOrg
		}
	case hasNORP:
		// A group no lexicon ties to a state ("Muslim", "Democrat",
		// "European") is a group, not a place.
		a.Type = chronicle.EntityNORP
	default:
		a.Type = bm.etype
	}
	lo := nameStart(doc, int(bm.start), int(bm.end))
	a.Name = doc.Text[doc.Tokens[lo].Start:doc.Tokens[bm.end-1].End]
	state := false
	if bm.place >= 0 {
		p := &lx.places[bm.place]
		if p.isState {
			// The state's one name, whatever it is called here ("England",
			// "Britain" and "UK" are the United Kingdom).
			a.Name = p.Name
			if n := lx.names[p.Code]; n != "" {
				a.Name = n
			}
			a.Country = p.Code
			a.Sector = p.Sector
			state = true
		} else if p.Code != "" && !strings.HasPrefix(a.Name, "The ") {
			a.Name = p.Name
		}
	}
	for _, i := range idx {
		m := &ms[i]
		if m.place >= 0 && a.Country == "" {
			p := &lx.places[m.place]
			if p.isState || len(p.Code) == 3 && p.Code != "UNO" && p.Code != "EUR" && p.Code != "NGO" {
				a.Country = p.Code
			}
			if a.Sector == "" {
				a.Sector = p.Sector
			}
		}
		if m.role >= 0 {
			ri := &lx.roles[m.role]
			role := chronicle.Role{Title: ri.Title, Country: m.country, Sector: ri.Sector, Seen: seen, Span: m.roleSpan}
			dup := false
			for k := range a.Roles {
				if a.Roles[k].Title == role.Title && (a.Roles[k].Country == role.Country || role.Country == "") {
					dup = true
				}
			}
			if !dup {
				a.Roles = append(a.Roles, role)
			}
		}
		if m.country != "" && a.Country == "" && m.kind != kindPronoun {
			a.Country = m.country
		}
	}
	if a.Type == chronicle.EntityPerson && a.Sector == "" && len(a.Roles) > 0 {
		a.Sector = a.Roles[0].Sector
	}
	if a.Type == chronicle.EntityOrg && a.Sector == "" {
		last := doc.Form(int(bm.end - 1))
		if orgNouns[last] || last == "Ministry" || last == "Department" || last == "Government" || last == "Administration" {
			a.Sector = "government"
		}
	}
	if a.Type == chronicle.EntityGPE && !state {
		// A city or region is an actor of its own, with its state's
		// country: "gpe:birmingham", not the state's "gpe:GBR".
		a.ID = registry.ID(a.Type, a.Name, "")
	}
	a.Mentions = make([]chronicle.Mention, 0, len(idx))
	for _, i := range idx {
		m := &ms[i]
		kind := chronicle.MentionNominal
		switch m.kind {
		case kindNamed:
			if !m.plural {
				kind = chronicle.MentionNamed
			}
		case kindPronoun:
			kind = chronicle.MentionPronominal
		}
		r := m.rng()
		a.Mentions = append(a.Mentions, chronicle.Mention{Span: doc.RangeSpan(r), Tokens: r, Kind: kind})
	}
	return a, true
}

// applyRegistry gives an actor the id of its registry entry and fills what
// the text left open; a user dictionary entry overrides name, country and
// sector.
func applyRegistry(a *chronicle.Actor, reg *registry.Registry) {
	e, ok := reg.Lookup(a.Name, a.Type, a.Country)
	if !ok {
		return
	}
	if a.ID != "" && e.ID == "gpe:"+e.Country {
		// A city a dictionary lists under its state's code (PETRARCH's
		// "BIRMINGHAM [GBR]") keeps its own id: it is not the state.
		return
	}
	a.ID = e.ID
	if e.Source == registry.SourceUser {
		a.Name = e.Name
		if e.Country != "" {
			a.Country = e.Country
		}
		if e.Sector != "" {
			a.Sector = e.Sector
		}
	}
	if a.Country == "" {
		a.Country = e.Country
	}
	if a.Sector == "" {
		a.Sector = e.Sector
	}
	for i := range a.Roles {
		if a.Roles[i].Country == "" {
			for _, r := range e.Roles {
				if strings.EqualFold(r.Title, a.Roles[i].Title) {
					a.Roles[i].Country = r.Country
				}
			}
			if a.Roles[i].Country == "" {
				a.Roles[i].Country = a.Country
			}
		}
	}
}

// ObservationOf turns an actor found in doc into what a registry records:
// its canonical name, the other names the article used (titles removed,
// pronouns and descriptions left out) and its roles dated with the
// document's date.
func ObservationOf(doc *chronicle.Document, a chronicle.Actor) registry.Observation {
	o := registry.Observation{Type: a.Type, Name: a.Name, Country: a.Country, Sector: a.Sector}
	seen := map[string]bool{registry.Normalize(a.Name): true}
	for _, m := range a.Mentions {
		if m.Kind != chronicle.MentionNamed {
			continue
		}
		t := doc.SpanText(m.Span)
		if k := registry.Normalize(t); !seen[k] {
			seen[k] = true
			o.Aliases = append(o.Aliases, t)
		}
	}
	for _, r := range a.Roles {
		o.Roles = append(o.Roles, registry.Role{Title: r.Title, Country: r.Country, Sector: r.Sector, From: r.Seen, To: r.Seen})
	}
	return o
}

// nameLen is the number of tokens of a mention's name, without a leading
// article or honorific ("Mr Brown" is one word of name, like "Brown").
func nameLen(doc *chronicle.Document, m *amention) int {
	return int(m.end) - nameStart(doc, int(m.start), int(m.end))
}
