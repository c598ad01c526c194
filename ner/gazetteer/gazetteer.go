// Package gazetteer builds the place and nationality lists that the
// named-entity recognizer learns from and embeds in its model. Country
// names, capitals and the first-level subdivisions of a few large
// English-speaking federations come from github.com/biter777/countries;
// demonyms are derived from country names by English suffix rules and kept
// only when running news text writes them with a capital, plus the language
// adjectives and a short list of national, religious and political groups.
//
// It is used only when training (cmd/chronicle train ner), never at run time.
package gazetteer

import (
	"slices"
	"strings"

	"github.com/biter777/countries"
)

// aliases are common short names that the ISO names do not give.
var aliases = []string{
	"United States", "US", "U.S.", "USA", "America", "Britain", "Great Britain", "UK", "U.K.", "England",
	"Scotland", "Wales", "Northern Ireland", "Russia", "Iran", "Syria", "South Korea", "North Korea",
	"Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Taiwan", "Palestine", "Gaza",
	"West Bank", "Kosovo", "Czech Republic", "Ivory Coast", "Congo", "Macedonia", "Holland", "Burma",
	"Washington", "New York", "Los Angeles", "Chicago", "Hong Kong", "Istanbul", "Baghdad", "Jerusalem",
	"Tel Aviv", "Geneva", "Mumbai", "Shanghai", "Sydney", "Toronto", "Fallujah", "Basra", "Mosul",
	"Kandahar", "Aleppo", "Odessa", "Kharkiv", "Crimea", "Donbas", "Beijing", "Moscow", "Kyiv", "Kiev",
	"Tehran", "Ankara", "Damascus", "London", "Paris", "Berlin", "Brussels",
}

// subdivisionCountries are the countries whose states or provinces are listed.
var subdivisionCountries = []countries.CountryCode{
	countries.US, countries.CA, countries.AU, countries.IN,
}

// Places returns names of countries, capitals and major subdivisions,
// sorted and without duplicates.
func Places() []string {
	var out []string
	for _, c := range countries.All() {
		name := c.String()
		if name == "" || strings.Contains(name, "Unknown") {
			continue
		}
		out = append(out, cleanName(name)...)
		if cap := c.Capital().String(); cap != "" && !strings.Contains(cap, "Unknown") {
			out = append(out, cleanName(cap)...)
		}
	}
	for _, c := range subdivisionCountries {
		for _, s := range c.Subdivisions() {
			if n := s.String(); n != "" && !strings.Contains(n, "Unknown") {
				out = append(out, cleanName(n)...)
			}
		}
	}
	out = append(out, aliases...)
	slices.Sort(out)
	return slices.Compact(out)
}

// cleanName splits "Korea (Republic of)" style names into usable forms.
func cleanName(n string) []string {
	n = strings.TrimSpace(n)
	if i := strings.IndexAny(n, "(,"); i > 0 {
		return []string{strings.TrimSpace(n[:i])}
	}
	return []string{n}
}

// groups are national, religious and political groups written as proper
// adjectives or nouns (PLOVER's NORP); the plural forms are added.
var groups = []string{
	"Muslim", "Christian", "Jew", "Jewish", "Arab", "Kurd", "Kurdish", "Sunni", "Shia", "Shiite", "Shi'ite",
	"Palestinian", "Democrat", "Republican", "European", "African", "Asian", "Western", "Westerner",
	"Catholic", "Protestant", "Hindu", "Buddhist", "Sikh", "Latino", "Hispanic", "Arabic", "Persian",
	"Baltic", "Slavic", "Scandinavian", "Balkan", "Pashtun", "Tamil", "Uighur", "Uyghur", "Yazidi",
	"Israeli", "Iraqi", "Afghan", "Taliban", "Islamist", "Zionist", "Communist", "Socialist", "Maoist",
	"English", "Scottish", "Welsh", "Irish", "British", "French", "Dutch", "Swiss", "Chinese", "Japanese",
	"Turkish", "Greek", "German", "Spanish", "Polish", "Danish", "Swedish", "Finnish", "Norwegian",
	"Thai", "Filipino", "Pakistani", "Saudi", "Emirati", "Yemeni", "Qatari", "Omani", "Kuwaiti", "Bahraini",
	"Lebanese", "Sudanese", "Vietnamese", "Burmese", "Portuguese", "Nepalese", "Congolese", "Senegalese",
	"Maltese", "Taiwanese", "Somali", "Bangladeshi", "Azerbaijani", "Uzbek", "Kazakh", "Tajik", "Turkmen",
	"Kyrgyz", "Czech", "Slovak", "Croat", "Croatian", "Serb", "Serbian", "Bosnian", "Ukrainian", "Russian",
	"American", "Canadian", "Mexican", "Brazilian", "Argentine", "Argentinian", "Chilean", "Peruvian",
	"Colombian", "Venezuelan", "Cuban", "Korean", "Indian", "Iranian", "Syrian", "Egyptian", "Libyan",
	"Tunisian", "Moroccan", "Algerian", "Nigerian", "Kenyan", "Ethiopian", "Eritrean", "Ghanaian",
	"Australian", "Italian", "Belgian", "Austrian", "Hungarian", "Romanian", "Bulgarian", "Georgian",
	"Armenian", "Jordanian", "Indonesian", "Malaysian", "Mongolian", "Tibetan", "Chechen", "Icelandic",
	"Estonian", "Latvian", "Lithuanian", "Belarusian", "Slovenian", "Albanian", "Macedonian", "Cypriot",
	"Zimbabwean", "Rwandan", "Ugandan", "Tanzanian", "Angolan", "Sri Lankan", "New Zealander",
}

// Demonyms returns nationality and group words: the fixed groups, their
// plurals, and demonyms derived from country names by suffix rules that the
// news texts write capitalized at least twice.
func Demonyms(news []string) []string {
	capSeen := map[string]int{}
	for _, t := range news {
		for _, w := range strings.FieldsFunc(t, func(r rune) bool {
			return !(r == '\'' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		}) {
			if w[0] >= 'A' && w[0] <= 'Z' {
				capSeen[w]++
			}
		}
	}
	out := slices.Clone(groups)
	for _, c := range countries.All() {
		for _, name := range cleanName(c.String()) {
			if strings.Contains(name, " ") || name == "" {
				continue
			}
			for _, cand := range derive(name) {
				if capSeen[cand] >= 2 {
					out = append(out, cand)
				}
			}
		}
	}
	n := len(out)
	for _, w := range out[:n] {
		if strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ch") ||
			strings.HasSuffix(w, "ss") || strings.Contains(w, " ") || w == "Taliban" || w == "Shia" {
			continue
		}
		out = append(out, w+"s")
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// derive returns candidate demonyms of a one-word country name.
func derive(n string) []string {
	c := []string{n + "n", n + "ian", n + "i", n + "ese", n + "ish"}
	if last := n[len(n)-1]; strings.IndexByte("aeiouy", last) >= 0 {
		stem := n[:len(n)-1]
		c = append(c, stem+"ian", stem+"ese", stem+"ish", stem+"an", stem+"i")
	}
	for _, suf := range []string{"land", "on", "ey", "ia"} {
		if stem, ok := strings.CutSuffix(n, suf); ok {
			c = append(c, stem+"ish", stem+"ese", stem+"ian")
		}
	}
	return c
}
