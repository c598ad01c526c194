package ner

import (
	"slices"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

// orgHeads are the words that make a capitalised name an organisation's:
// "Georgetown University", "Bank of England", "U.S. Department of State".
// The model, trained on web text where such names are rare, often finds
// only the place inside them, and a place that says or does something is
// then the wrong actor ("the Bank of England said" is not the UK speaking).
var orgHeads = map[string]bool{
	"university": true, "college": true, "institute": true, "institution": true, "school": true,
	"academy": true, "department": true, "ministry": true, "agency": true, "authority": true,
	"council": true, "committee": true, "commission": true, "court": true, "tribunal": true,
	"bank": true, "association": true, "foundation": true, "corporation": true, "corp": true,
	"corp.": true, "company": true, "co.": true, "inc": true, "inc.": true, "ltd": true, "ltd.": true,
	"llc": true, "plc": true, "group": true, "party": true, "organisation": true, "organization": true,
	"office": true, "offices": true, "service": true, "services": true, "board": true, "center": true,
	"centre": true, "fund": true, "federation": true, "league": true, "society": true, "club": true,
	"post": true, "times": true, "journal": true, "herald": true, "tribune": true, "gazette": true,
	"orchestra": true, "hospital": true, "airlines": true, "airways": true,
	"army": true, "navy": true, "police": true, "parliament": true, "assembly": true, "congress": true,
	"senate": true, "secretariat": true, "bureau": true, "forces": true, "guard": true,
	"network": true, "press": true, "studios": true, "motors": true, "industries": true,
	"holdings": true, "partners": true, "alliance": true, "coalition": true, "movement": true,
	"brigade": true, "brigades": true, "corps": true, "command": true, "church": true, "trust": true,
	"exchange": true, "reserve": true, "administration": true, "programme": true,
}

// orgSuffixes are heads that close a company's name ("Google Inc.",
// "Google, Inc."): nothing follows them in the name.
var orgSuffixes = map[string]bool{
	"corp": true, "corp.": true, "co.": true, "inc": true, "inc.": true, "ltd": true, "ltd.": true,
	"llc": true, "plc": true,
}

// orgTitles are titles before a person's name ("Bank of America CEO Brian
// Moynihan") and honorifics: a name does not run on into them. Inside an
// "of" phrase one ends the name only before a capitalised word, so that
// "Department of Justice" and "Office of the Attorney General" stay whole.
var orgTitles = map[string]bool{
	"ceo": true, "chairman": true, "chairwoman": true, "chair": true, "president": true, "minister": true,
	"secretary": true, "director": true, "chief": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "governor": true, "mayor": true, "senator": true, "general": true,
	"commissioner": true, "ambassador": true, "head": true, "leader": true, "professor": true,
	"dr": true, "dr.": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"prime": true, "vice": true, "deputy": true, "executive": true, "chancellor": true, "judge": true,
	"justice": true, "officer": true, "founder": true, "analyst": true, "economist": true,
}

// orgDates end a name wherever they come: "the Bank of England on
// Thursday".
var orgDates = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true,
}

// orgLinks join the parts of a name: "Chicago Council on Global Affairs",
// "Department of Housing and Urban Development".
var orgLinks = map[string]bool{"of": true, "for": true, "on": true, "and": true, "&": true}

// orgNames finds organisation names built on a head word (orgHeads) and
// replaces the mentions inside each by one ORG mention of the whole name.
// A name the model found whole keeps its type; a mention that crosses the
// name's edge leaves it alone. Title-case lines (headlines) are skipped:
// every word there is capitalised.
func (r *Recognizer) orgNames(s *sequence, out []Mention) []Mention {
	n := len(s.forms)
	if n < 2 || titleCase(s.forms) {
		return out
	}
	for h := 0; h < n; h++ {
		if !perceptron.IsUpperStart(s.forms[h]) || !s.is(orgHeads, h) {
			continue
		}
		// "Press Secretary", "Army Chief": the word names a title here.
		if h+1 < n && s.is(orgTitles, h+1) {
			continue
		}
		lo := h
		suffix, absorbed := s.is(orgSuffixes, h), false
		if suffix && lo > 1 && s.forms[lo-1] == "," && perceptron.IsUpperStart(s.forms[lo-2]) {
			lo-- // "Google, Inc."
		}
		for lo > 0 && !s.is(orgTitles, lo-1) && !s.is(orgDates, lo-1) {
			w := s.forms[lo-1]
			if w == "&" && lo > 1 && perceptron.IsUpperStart(s.forms[lo-2]) {
				lo-- // "Procter & Gamble Company"
				continue
			}
			// A sentence's first word joins only if it is found in a
			// mention or is itself a head ("Researchers", "Yesterday").
			if !perceptron.IsUpperStart(w) || lo-1 == 0 && !inMention(out, 0) && !s.is(orgHeads, 0) {
				break
			}
			// A person's name before the head may be whose the
			// organisation is ("Clinton Foundation"), or a person named
			// before it ("Traci Warner Enron Services"): either way the
			// person stays a person.
			if p := s.personAt(out, lo-1); p >= 0 {
				if suffix && !absorbed {
					lo, absorbed = p, true // "Tesla, Inc.": a company named for a person
					continue
				}
				break
			}
			lo--
		}
		if s.forms[lo] == "," {
			lo++ // no name before ", Inc."
		}
		hi := h + 1
		// "of [the] Capitalised..." phrases, while they go on; "and" only
		// within such a phrase ("Department of Housing and Urban
		// Development", not "News Corporation and Fairfax").
		phrase := false
		for hi < n && !suffix && s.is(orgLinks, hi) && (phrase || s.forms[hi] != "and" && s.forms[hi] != "&") {
			j := hi + 1
			if j < n && s.forms[j] == "the" && s.forms[hi] != "and" {
				j++
			}
			k := j
			for k < n && perceptron.IsUpperStart(s.forms[k]) && !s.is(orgDates, k) && s.personAt(out, k) != k &&
				!(s.is(orgTitles, k) && k+1 < n && perceptron.IsUpperStart(s.forms[k+1])) {
				k++
			}
			if k == j {
				break
			}
			// "the Bank of England and Barclays": after "and" a name the
			// model found on its own is another organisation.
			if s.forms[hi] == "and" && inMention(out, j) {
				break
			}
			hi, phrase = k, true
		}
		if s.forms[lo] == "The" && lo < h {
			lo++ // the name without its article, as the model's names are
		}
		// Capitalised words right after the head ("Chicago Symphony
		// Orchestra Hall" is rare; "Mozilla Foundation Firefox" rarer):
		// the name ends at its head or its last phrase.
		h = hi - 1
		if hi-lo < 2 {
			continue
		}
		out = replaceWith(out, lo, hi, chronicle.EntityOrg)
	}
	return out
}

// is reports whether the lower-cased form of token i is in set.
func (s *sequence) is(set map[string]bool, i int) bool {
	s.buf = perceptron.AppendLower(s.buf[:0], s.forms[i])
	return set[string(s.buf)] // no allocation: map index by string(bytes)
}

// inMention reports whether a mention holds token i.
func inMention(out []Mention, i int) bool {
	for _, m := range out {
		if m.Start <= i && i < m.End {
			return true
		}
	}
	return false
}

// personAt returns the first token of the PERSON mention holding token i,
// or -1.
func (s *sequence) personAt(out []Mention, i int) int {
	for _, m := range out {
		if m.Start <= i && i < m.End && m.Type == chronicle.EntityPerson {
			return m.Start
		}
	}
	return -1
}

// replaceWith makes tokens [lo, hi) one mention of type typ, unless a
// mention already covers exactly that (the model's type stands) or one
// crosses its edges.
func replaceWith(out []Mention, lo, hi int, typ string) []Mention {
	conf := 0.7
	for _, m := range out {
		if m.Start == lo && m.End == hi {
			return out
		}
		if m.Start < hi && lo < m.End && (m.Start < lo || m.End > hi) {
			return out
		}
	}
	keep := out[:0]
	for _, m := range out {
		if m.Start >= lo && m.End <= hi {
			continue
		}
		keep = append(keep, m)
	}
	keep = append(keep, Mention{Start: lo, End: hi, Type: typ, Confidence: conf})
	slices.SortStableFunc(keep, func(a, b Mention) int { return a.Start - b.Start })
	return keep
}

// titleCase reports whether nearly all words of a line are capitalised,
// as in a headline, where capitals say nothing about names.
func titleCase(forms []string) bool {
	words, upper := 0, 0
	for _, f := range forms {
		if len(f) < 4 {
			continue
		}
		words++
		if perceptron.IsUpperStart(f) {
			upper++
		}
	}
	return words >= 4 && (words-upper)*8 <= words
}

// geoHeads start the names of natural features named after a place: "Gulf
// of Mexico", "Strait of Hormuz", "Sea of Azov". The model, seeing the
// country, often marked only it, and a country in such a name is then
// taken for the state.
var geoHeads = map[string]bool{
	"gulf": true, "sea": true, "strait": true, "straits": true, "bay": true, "lake": true,
	"mount": true, "isle": true, "isles": true, "island": true, "islands": true, "cape": true,
}

// geoNames makes "Head of [the] Capitalised..." one LOC mention, replacing
// the mentions inside it (the same edges rules as orgNames).
func (r *Recognizer) geoNames(s *sequence, out []Mention) []Mention {
	n := len(s.forms)
	if n < 3 || titleCase(s.forms) {
		return out
	}
	for h := 0; h+2 < n; h++ {
		if !perceptron.IsUpperStart(s.forms[h]) || !s.is(geoHeads, h) || s.forms[h+1] != "of" {
			continue
		}
		j := h + 2
		if s.forms[j] == "the" {
			j++
		}
		k := j
		for k < n && perceptron.IsUpperStart(s.forms[k]) && !s.is(orgDates, k) && !s.is(orgTitles, k) && !s.is(orgHeads, k) {
			k++
		}
		if k == j {
			continue
		}
		out = replaceWith(out, h, k, chronicle.EntityLoc)
		h = k - 1
	}
	return out
}

// personTitles are words a person's name in news often follows, which are
// not part of the name ("President Trump", "Defense Secretary Lloyd
// Austin"): the actor stage reads them as titles and roles. "Sheikh" and
// "Doctor" are not among them: they are part of some names ("Sheikh
// Hasina").
var personTitles = map[string]bool{
	"prophet": true, "dr": true, "dr.": true, "secretary": true,
	"captain": true, "capt": true, "capt.": true, "president": true, "general": true, "gen.": true,
	"minister": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"sir": true, "senator": true, "sen.": true, "governor": true, "gov.": true, "mayor": true,
	"ayatollah": true, "imam": true, "rabbi": true, "pope": true, "chancellor": true, "premier": true,
	"colonel": true, "col.": true, "lieutenant": true, "lt.": true, "sergeant": true, "sgt.": true,
	"defense": true, "defence": true, "foreign": true, "prime": true,
}

// stripTitles takes leading titles off person mentions, and drops a person
// mention that is nothing but titles ("President" alone).
func (r *Recognizer) stripTitles(s *sequence, out []Mention) []Mention {
	keep := out[:0]
	for _, m := range out {
		if m.Type == chronicle.EntityPerson {
			for m.Start < m.End && s.is(personTitles, m.Start) {
				m.Start++
			}
			if m.Start == m.End {
				continue
			}
		}
		keep = append(keep, m)
	}
	return keep
}
