package registry

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/petrarchdict"
)

var validTypes = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true}

// ReadDictionary reads a user dictionary (format in the package
// documentation) and returns its entries with Source = SourceUser. A
// malformed line is an EINVALID error naming the line.
func ReadDictionary(r io.Reader, name string) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var out []Entry
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		bad := func(format string, args ...any) error {
			return chronicle.Errorf(chronicle.EINVALID, "read dictionary", "%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		if len(cols) < 3 || len(cols) > 7 {
			return nil, bad("want 3 to 7 tab-separated columns, got %d", len(cols))
		}
		for len(cols) < 7 {
			cols = append(cols, "")
		}
		e := Entry{ID: strings.TrimSpace(cols[0]), Type: strings.TrimSpace(cols[1]), Name: strings.TrimSpace(cols[2]),
			Country: strings.TrimSpace(cols[3]), Sector: strings.TrimSpace(cols[4]), Source: SourceUser}
		if !validTypes[e.Type] {
			return nil, bad("type %q is not one of PERSON, ORG, GPE, LOC, NORP", e.Type)
		}
		if e.Name == "" {
			return nil, bad("empty name")
		}
		if e.Country != "" && !isCode(e.Country) {
			return nil, bad("country %q is not an alpha-3 code", e.Country)
		}
		for _, a := range strings.Split(cols[5], "|") {
			if a = strings.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, a)
			}
		}
		for _, rs := range strings.Split(cols[6], ";") {
			if rs = strings.TrimSpace(rs); rs == "" {
				continue
			}
			f := strings.Split(rs, "@")
			if len(f) != 4 {
				return nil, bad("role %q: want Title@COUNTRY@sector@FROM..TO", rs)
			}
			from, to, ok := strings.Cut(f[3], "..")
			if !ok && f[3] != "" {
				return nil, bad("role %q: dates must be FROM..TO", rs)
			}
			if !isDate(from) || !isDate(to) {
				return nil, bad("role %q: dates must be YYYY-MM-DD", rs)
			}
			e.Roles = append(e.Roles, Role{Title: f[0], Country: f[1], Sector: f[2], From: from, To: to})
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, "read dictionary "+name, err)
	}
	return out, nil
}

func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isDate(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// WriteDictionary writes entries in the user dictionary format, so a
// registry can be saved and read back.
func WriteDictionary(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# id\ttype\tname\tcountry\tsector\taliases\troles")
	for _, e := range entries {
		var aliases []string
		for _, a := range e.Aliases {
			if a != e.Name {
				aliases = append(aliases, clean(a))
			}
		}
		roles := make([]string, len(e.Roles))
		for i, r := range e.Roles {
			dates := ""
			if r.From != "" || r.To != "" {
				dates = r.From + ".." + r.To
			}
			roles[i] = clean(r.Title) + "@" + r.Country + "@" + r.Sector + "@" + dates
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Type, clean(e.Name), e.Country, e.Sector,
			strings.Join(aliases, "|"), strings.Join(roles, ";"))
	}
	return bw.Flush()
}

func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "|", " ", ";", " ", "@", " ").Replace(s)
}

// PetrarchKind says which Phoenix file is read: the country file holds
// states and their people, the others organizations and their people.
type PetrarchKind int

const (
	PetrarchCountries PetrarchKind = iota // Phoenix.Countries.actors.txt
	PetrarchOrgs                          // Phoenix.International / MilNonState
)

// sectorOf maps a CAMEO role code (the part after the country) to a sector.
func sectorOf(code string) string {
	switch {
	case code == "":
		return ""
	case strings.HasPrefix(code, "GOV"), strings.HasPrefix(code, "LEG"), strings.HasPrefix(code, "COP"), strings.HasPrefix(code, "ELI"):
		return "government"
	case strings.HasPrefix(code, "MIL"), strings.HasPrefix(code, "SPY"):
		return "military"
	case strings.HasPrefix(code, "REB"), strings.HasPrefix(code, "INS"), strings.HasPrefix(code, "UAF"), strings.HasPrefix(code, "SEP"), strings.HasPrefix(code, "OPP"):
		return "rebel"
	case strings.HasPrefix(code, "JUD"):
		return "judiciary"
	case strings.HasPrefix(code, "BUS"), strings.HasPrefix(code, "MNC"):
		return "business"
	case strings.HasPrefix(code, "MED"):
		return "media"
	case strings.HasPrefix(code, "IGO"):
		return "igo"
	case strings.HasPrefix(code, "REL"):
		return "religion"
	case strings.HasPrefix(code, "CVL"), strings.HasPrefix(code, "NGO"), strings.HasPrefix(code, "LAB"), strings.HasPrefix(code, "EDU"), strings.HasPrefix(code, "HLH"), strings.HasPrefix(code, "AGR"), strings.HasPrefix(code, "REF"):
		return "civilian"
	}
	return ""
}

// splitCode splits a CAMEO actor code into country and role code:
// "RUSGOV" -> "RUS", "GOV"; "IGOUNO" -> "", "IGOUNO"; "MNCUSA" -> "USA", "MNC".
func splitCode(code string) (country, role string) {
	switch {
	case strings.HasPrefix(code, "IGO"), strings.HasPrefix(code, "NGO"):
		return "", code
	case strings.HasPrefix(code, "MNC"):
		if len(code) >= 6 {
			return code[3:6], "MNC"
		}
		return "", code
	}
	if len(code) >= 3 && isCode(code[:3]) {
		return code[:3], code[3:]
	}
	return "", code
}

// ReadPetrarch reads a PETRARCH/Phoenix actor dictionary as it is: each
// record (primary phrase, "+synonym" lines, tab-indented "[CODE dates]"
// lines) becomes one entry with Source = SourcePetrarch. Names are title
// cased from the upper-case phrases; dated codes become roles titled with
// their CAMEO code ("RUSGOV"); the entry's country and sector come from the
// undated (default) code, or else the latest dated one. A record whose
// only code is a bare country code is a GPE; in the country file other
// records are people, in the others organizations unless their codes are
// dated (people).
func ReadPetrarch(r io.Reader, name string, kind PetrarchKind) ([]Entry, error) {
	d := petrarchdict.New()
	if err := d.ReadActors(r, name); err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, "read petrarch "+name, err)
	}
	out := make([]Entry, 0, len(d.Actors))
	for _, a := range d.Actors {
		e := Entry{Name: titleWords(a.Phrases[0]), Source: SourcePetrarch}
		for _, p := range a.Phrases[1:] {
			e.Aliases = append(e.Aliases, titleWords(p))
		}
		var codes []Role
		for _, c := range a.Dated {
			codes = append(codes, Role{Title: c.Code, From: isoDate(c.From), To: isoDate(c.Till)})
		}
		if a.Default != "" && a.Default != "---" {
			codes = append(codes, Role{Title: a.Default})
		}
		finish(&e, codes, kind)
		out = append(out, e)
	}
	return out, nil
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func finish(e *Entry, codes []Role, kind PetrarchKind) {
	dated := false
	var def *Role
	for i := range codes {
		c := &codes[i]
		country, role := splitCode(c.Title)
		c.Country, c.Sector = country, sectorOf(role)
		if c.From != "" || c.To != "" {
			dated = true
			e.Roles = append(e.Roles, *c)
		} else if def == nil {
			def = c
		}
	}
	if def == nil && len(e.Roles) > 0 {
		def = &e.Roles[0]
		for i := range e.Roles { // the open-ended or latest one
			if e.Roles[i].To == "" || e.Roles[i].To > def.To && def.To != "" {
				def = &e.Roles[i]
			}
		}
	}
	if def != nil {
		e.Country, e.Sector = def.Country, def.Sector
	}
	switch {
	case def != nil && len(def.Title) == 3 && isCode(def.Title):
		e.Type = "GPE"
		e.Sector = "government"
		e.Country = def.Title
		e.Roles = nil
	case kind == PetrarchCountries || dated:
		e.Type = "PERSON"
	default:
		e.Type = "ORG"
	}
}

// titleWords turns "VLADIMIR PUTIN" into "Vladimir Putin", keeping short
// dotted abbreviations ("U.N.") upper case.
func titleWords(p string) string {
	ws := strings.Fields(p)
	for i, w := range ws {
		if strings.Contains(w, ".") && len(w) <= 5 {
			continue
		}
		lw := strings.ToLower(w)
		ws[i] = strings.ToUpper(lw[:1]) + lw[1:]
	}
	return strings.Join(ws, " ")
}
