package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Names holds the name lists taken from the Phoenix actor dictionaries
// (MIT-licensed, shipped with PETRARCH2).
type Names struct {
	People     []string // full names of politicians and officials
	FirstNames []string // their first words, seen at least twice
	Orgs       []string // international, non-state and corporate actors
	Places     []string // country synonyms, provinces and cities
}

// PhoenixFiles are the dictionaries Phoenix reads, relative to the
// PETRARCH2 dictionaries folder.
var PhoenixFiles = []string{
	"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
}

// record is one TABARI actor record: its phrases (primary first, then the
// '+' synonyms), the primary line's comment, and what its codes say.
type record struct {
	phrases []string
	comment string
	country bool   // one of its codes is a bare country code ("ARM")
	code    string // the first such code
	dated   bool
}

// Phoenix reads the Phoenix actor dictionaries in dir and sorts their
// phrases into people, organisations and places:
//   - in the country file, records commented "CountryInfo.txt" are people;
//     the phrases of a record with a bare country code are places, except
//     demonyms (which Demonyms covers and UNER leaves O);
//   - in the international and non-state files, records with dated codes
//     are people and the rest organisations.
//
// Phrases are title-cased words separated by spaces. Same files, same lists.
func Phoenix(dir string) (Names, error) {
	var n Names
	people, orgs, places := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, name := range PhoenixFiles {
		recs, err := readRecords(filepath.Join(dir, name))
		if err != nil {
			return Names{}, err
		}
		country := name == PhoenixFiles[0]
		for _, r := range recs {
			// In the country file, countries have dated codes too ("[ARM
			// >911221]"); its people are marked by their comment.
			isPerson := strings.Contains(r.comment, "CountryInfo") || (!country && r.dated)
			for _, p := range r.phrases {
				switch {
				case isPerson:
					if strings.Count(p, " ") >= 1 {
						people[p] = true
					}
				case country:
					if r.country && !isDemonym(p, r.phrases[0]) {
						places[p] = true
					}
				default:
					orgs[p] = true
				}
			}
		}
	}
	first := map[string]int{}
	for p := range people {
		f, _, _ := strings.Cut(p, " ")
		if len(f) > 2 && !strings.Contains(f, ".") {
			first[f]++
		}
	}
	for f, c := range first {
		if c >= 2 {
			n.FirstNames = append(n.FirstNames, f)
		}
	}
	n.People = sortedKeys(people)
	n.Orgs = sortedKeys(orgs)
	n.Places = sortedKeys(places)
	slices.Sort(n.FirstNames)
	return n, nil
}

// Place is a place inside a state: a city, province or region.
type Place struct {
	Name string // title-cased ("Khan Younis")
	Code string // the state's CAMEO country code, which is ISO 3166-1 alpha-3 for states
}

// PhoenixPlaces reads the country file of the Phoenix dictionaries in dir
// and returns the places its country records list beside the country's
// names ("+ISTANBUL_" under "TURKEY_ [TUR]"), sorted by name. Country
// names, demonyms and places listed under more than one country
// ("Jerusalem") are left out.
func PhoenixPlaces(dir string) ([]Place, error) {
	return countryPhrases(dir, func(p, country string) (string, bool) {
		if p == country || isDemonym(p, country) || len(p) < 3 || p[0] < 'A' || p[0] > 'Z' {
			return "", false
		}
		return lowerConnectors(p), true
	})
}

// PhoenixDemonyms reads the country file of the Phoenix dictionaries in
// dir and returns the nationality words its country records list beside
// the country's names ("+ZAMBIAN_" under "ZAMBIA_ [ZMB]"), with the state's
// code, sorted by word. A word listed under two countries is left out.
func PhoenixDemonyms(dir string) ([]Place, error) {
	ps, err := countryPhrases(dir, func(p, country string) (string, bool) { return p, isDemonym(p, country) })
	return slices.DeleteFunc(ps, func(p Place) bool { return len(p.Code) != 3 }), err
}

// countryPhrases returns the phrases that pick keeps (and rewrites) among
// those the country records of the Phoenix country file list beside the
// country's name, each with the record's code, sorted; a phrase kept under
// two codes is left out.
func countryPhrases(dir string, pick func(p, country string) (string, bool)) ([]Place, error) {
	recs, err := readRecords(filepath.Join(dir, PhoenixFiles[0]))
	if err != nil {
		return nil, err
	}
	codes := map[string]string{}
	for _, r := range recs {
		if !r.country || r.code == "" || strings.Contains(r.comment, "CountryInfo") || len(r.phrases) == 0 {
			continue
		}
		for _, p := range r.phrases[1:] {
			p, ok := pick(p, r.phrases[0])
			if !ok {
				continue
			}
			if c, ok := codes[p]; ok && c != r.code {
				codes[p] = "" // ambiguous
				continue
			}
			codes[p] = r.code
		}
	}
	out := make([]Place, 0, len(codes))
	for p, c := range codes {
		if c != "" {
			out = append(out, Place{Name: p, Code: c})
		}
	}
	slices.SortFunc(out, func(a, b Place) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// lowerConnectors writes the small words inside a place name as news
// writes them: "Port of Spain", "Rio de Janeiro", "Dar es Salaam".
func lowerConnectors(p string) string {
	ws := strings.Split(p, " ")
	for i := 1; i < len(ws); i++ {
		switch ws[i] {
		case "Of", "The", "And", "De", "Del", "Da", "Do", "Des", "Es", "La", "Le", "Sur", "En":
			ws[i] = strings.ToLower(ws[i])
		}
	}
	return strings.Join(ws, " ")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// isDemonym reports whether a country record's phrase p looks like a
// nationality word derived from the record's country name ("Armenian" for
// "Armenia", "Afghan" for "Afghanistan") rather than a place. Cities and
// provinces seldom share the country's first four letters.
func isDemonym(p, country string) bool {
	if strings.Contains(p, " ") || p == country {
		return false
	}
	l, c := strings.ToLower(p), strings.ToLower(country)
	if len(l) < 4 || len(c) < 4 || l[:4] != c[:4] {
		return false
	}
	for _, suf := range []string{"ian", "ians", "ese", "ish", "i", "is", "ic"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return (strings.HasSuffix(l, "an") || strings.HasSuffix(l, "ans")) && len(l) < len(c)
}

// readRecords reads the actor records of a TABARI .actors file.
func readRecords(path string) ([]record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	recs, err := parseRecords(f)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	return recs, nil
}

func parseRecords(r io.Reader) ([]record, error) {
	var out []record
	var cur *record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		body, comment, _ := strings.Cut(line, "#")
		if i := strings.IndexByte(body, ';'); i >= 0 {
			body = body[:i]
		}
		trim := strings.TrimSpace(body)
		switch {
		case trim == "" || strings.HasPrefix(trim, "<"):
		case strings.HasPrefix(trim, "["):
			if cur != nil {
				cur.addCode(trim)
			}
		case strings.HasPrefix(trim, "+"):
			if cur != nil {
				if p, _ := splitPhrase(trim[1:]); p != "" {
					cur.phrases = append(cur.phrases, p)
				}
			}
		default:
			out = append(out, record{comment: comment})
			cur = &out[len(out)-1]
			p, code := splitPhrase(trim)
			if p != "" {
				cur.phrases = append(cur.phrases, p)
			}
			if code != "" {
				cur.addCode(code)
			}
		}
	}
	return out, sc.Err()
}

func (r *record) addCode(s string) {
	code, dated := parseCode(s)
	r.dated = r.dated || dated
	if len(code) == 3 && strings.ToUpper(code) == code {
		r.country = true
		if r.code == "" {
			r.code = code
		}
	}
}

// splitPhrase splits "WORD_WORD_ [CODE ...]" into "Word Word" and the
// bracketed code text.
func splitPhrase(s string) (string, string) {
	code := ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		code = s[i:]
		s = s[:i]
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	if len(words) > 1 && words[0] == "THE" {
		words = words[1:] // UNER leaves the article out: "the [United Nations]"
	}
	for i, w := range words {
		words[i] = titleCase(w)
	}
	return strings.Join(words, " "), code
}

// parseCode reads the first "[CODE ...]" of s; dated reports a date
// restriction inside it.
func parseCode(s string) (code string, dated bool) {
	s = strings.TrimPrefix(s, "[")
	if i := strings.IndexByte(s, ']'); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", false
	}
	return f[0], len(f) > 1
}

func titleCase(w string) string {
	if w == "" {
		return w
	}
	return w[:1] + strings.ToLower(w[1:])
}

// Agent is a noun that names a kind of actor, with its Phoenix agent code:
// "police" (COP), "rebel" (REB), "company" (BUS).
type Agent struct {
	Noun string // lower case, as the head of the dictionary's phrase
	Code string
}

// PhoenixAgents reads Phoenix.agents.txt in dir and returns the head nouns
// of its agent phrases ("ANTI_RIOT_POLICE [~COP]" gives police, "HEAD_OF_
// STATE" gives head), substitution sets expanded ("POLICE!PERSON!" gives
// policeman, policewoman, ...), each with its most frequent code, sorted.
func PhoenixAgents(dir string) ([]Agent, error) {
	path := filepath.Join(dir, "Phoenix.agents.txt")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	subs := map[string][]string{}
	counts := map[string]map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if name, set, ok := strings.Cut(line, "="); ok && strings.HasPrefix(line, "!") {
			for _, w := range strings.Split(set, ",") {
				subs[strings.TrimSpace(name)] = append(subs[strings.TrimSpace(name)], strings.TrimSpace(w))
			}
			continue
		}
		open, close := strings.Index(line, "[~"), strings.IndexByte(line, ']')
		if open < 0 || close < open {
			continue
		}
		code := line[open+2 : close]
		phrase := strings.Fields(line[:open])
		if len(phrase) == 0 || strings.HasPrefix(phrase[0], "{") {
			continue
		}
		forms := []string{phrase[0]}
		for k, set := range subs {
			if strings.Contains(phrase[0], k) {
				forms = forms[:0]
				for _, w := range set {
					forms = append(forms, strings.ReplaceAll(phrase[0], k, w))
				}
			}
		}
		for _, form := range forms {
			ws := strings.FieldsFunc(form, func(r rune) bool { return r == '_' })
			if i := slices.Index(ws, "OF"); i > 0 {
				ws = ws[:i]
			}
			if len(ws) == 0 {
				continue
			}
			h := strings.ToLower(ws[len(ws)-1])
			if len(h) < 2 || strings.IndexFunc(h, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
				continue
			}
			if counts[h] == nil {
				counts[h] = map[string]int{}
			}
			counts[h][code]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	out := make([]Agent, 0, len(counts))
	for h, cs := range counts {
		best, bn := "", 0
		for c, n := range cs {
			if n > bn || n == bn && c < best {
				best, bn = c, n
			}
		}
		out = append(out, Agent{Noun: h, Code: best})
	}
	slices.SortFunc(out, func(a, b Agent) int { return strings.Compare(a.Noun, b.Noun) })
	return out, nil
}
