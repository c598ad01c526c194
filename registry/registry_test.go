package registry_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/registry"
)

func TestID(t *testing.T) {
	tests := []struct{ typ, name, country, want string }{
		{"PERSON", "Vladimir Putin", "RUS", "person:vladimir-putin"},
		{"PERSON", "Volodymyr Zelenskyy", "", "person:volodymyr-zelensky"},
		{"PERSON", "Volodymyr Zelensky", "UKR", "person:volodymyr-zelensky"},
		{"GPE", "Russian Federation", "RUS", "gpe:RUS"},
		{"ORG", "The Associated Press", "", "org:the-associated-press"},
		{"ORG", "U.S. Army", "USA", "org:us-army"},
		{"PERSON", "Recep Tayyip Erdoğan", "TUR", "person:recep-tayyip-erdogan"},
	}
	for _, tt := range tests {
		if got := registry.ID(tt.typ, tt.name, tt.country); got != tt.want {
			t.Errorf("ID(%q, %q, %q) = %q, want %q", tt.typ, tt.name, tt.country, got, tt.want)
		}
	}
}

const userDict = `# id	type	name	country	sector	aliases	roles
	PERSON	Marco Rubio	USA	government	Rubio|Sen. Marco Rubio	Senator@USA@government@2011-01-03..2025-01-20;Secretary of State@USA@government@2025-01-21..
	PERSON	Ron Paul	USA	government	Paul	Representative@USA@government@..2013-01-03
	PERSON	Rand Paul	USA	government	Paul	Senator@USA@government@2011-01-03..
nato	ORG	NATO		igo	North Atlantic Treaty Organization
`

func load(t *testing.T) *registry.Registry {
	t.Helper()
	es, err := registry.ReadDictionary(strings.NewReader(userDict), "user.tsv")
	if err != nil {
		t.Fatal(err)
	}
	reg := registry.New()
	for _, e := range es {
		reg.Add(e)
	}
	return reg
}

func TestLookup(t *testing.T) {
	reg := load(t)
	tests := []struct {
		name, typ, country string
		want               string // "" for no match
	}{
		{"Marco Rubio", "PERSON", "", "person:marco-rubio"},
		{"Rubio", "", "", "person:marco-rubio"},
		{"North Atlantic Treaty Organization", "ORG", "", "nato"},
		{"NATO", "PERSON", "", ""}, // wrong type
		{"Paul", "PERSON", "", ""}, // two people share the surname
		{"Rand Paul", "PERSON", "", "person:rand-paul"},
		{"Ron Paul", "PERSON", "", "person:ron-paul"},
	}
	for _, tt := range tests {
		e, ok := reg.Lookup(tt.name, tt.typ, tt.country)
		if got := e.ID; !ok && tt.want != "" || ok && got != tt.want {
			t.Errorf("Lookup(%q, %q) = %q, %v; want %q", tt.name, tt.typ, got, ok, tt.want)
		}
	}
	e, _ := reg.Get("person:marco-rubio")
	if len(e.Roles) != 2 || e.Roles[0].Title != "Senator" || e.Roles[1].Title != "Secretary of State" {
		t.Errorf("Rubio roles = %+v, want Senator then Secretary of State", e.Roles)
	}
}

// Observations join an entry only through a full name or an unambiguous
// alias; a bare shared surname makes a new actor.
func TestObserve(t *testing.T) {
	reg := load(t)
	id := reg.Observe(registry.Observation{Type: "PERSON", Name: "Marco Rubio", Aliases: []string{"Rubio"},
		Roles: []registry.Role{{Title: "Secretary of State", Country: "USA", From: "2025-05-16", To: "2025-05-16"}}})
	if id != "person:marco-rubio" {
		t.Errorf("Observe Rubio = %q", id)
	}
	if id := reg.Observe(registry.Observation{Type: "PERSON", Name: "Paul"}); id == "person:ron-paul" || id == "person:rand-paul" {
		t.Errorf("a bare shared surname joined %s", id)
	}
	if id := reg.Observe(registry.Observation{Type: "PERSON", Name: "Rand Paul", Aliases: []string{"Paul"}}); id != "person:rand-paul" {
		t.Errorf("Observe Rand Paul = %q", id)
	}
	e, _ := reg.Get("person:marco-rubio")
	if e.Source != registry.SourceUser || e.Name != "Marco Rubio" {
		t.Errorf("an observation overrode a user entry: %+v", e)
	}
}

func TestDictionaryRoundTrip(t *testing.T) {
	reg := load(t)
	var buf bytes.Buffer
	if err := registry.WriteDictionary(&buf, reg.Entries()); err != nil {
		t.Fatal(err)
	}
	es, err := registry.ReadDictionary(&buf, "round-trip")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	orig := reg.Entries()
	if len(es) != len(orig) {
		t.Fatalf("%d entries back, want %d", len(es), len(orig))
	}
	for i := range es {
		if es[i].ID != orig[i].ID || es[i].Name != orig[i].Name || len(es[i].Roles) != len(orig[i].Roles) || len(es[i].Aliases) != len(orig[i].Aliases)-1 {
			t.Errorf("entry %d: got %+v, want %+v", i, es[i], orig[i])
		}
	}
}

func TestReadDictionaryErrors(t *testing.T) {
	for _, in := range []string{
		"x\tPOPE\tName\n",
		"x\tPERSON\t\n",
		"x\tPERSON\tName\tusa\n",
		"x\tPERSON\tName\tUSA\tgovernment\t\tPresident\n",
		"x\tPERSON\tName\tUSA\tgovernment\t\tPresident@USA@government@2020\n",
		"onlyone\n",
	} {
		if _, err := registry.ReadDictionary(strings.NewReader(in), "bad"); err == nil {
			t.Errorf("ReadDictionary(%q): no error", in)
		}
	}
}

const phoenix = `# comment
UKRAINE_
+UKRAINIAN_
	[USRUKR <910824]
	[UKR >911221]
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
	[RUSELI 700101-990809]
	[RUSGOV >080508]
	[RUSELI]
THE_UNITED_NATIONS_ [IGOUNO]
`

func TestReadPetrarch(t *testing.T) {
	es, err := registry.ReadPetrarch(strings.NewReader(phoenix), "phoenix", registry.PetrarchCountries)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 {
		t.Fatalf("%d entries, want 3: %+v", len(es), es)
	}
	if e := es[0]; e.Type != "GPE" || e.Country != "UKR" || e.Name != "Ukraine" {
		t.Errorf("Ukraine = %+v", e)
	}
	if e := es[1]; e.Type != "PERSON" || e.Country != "RUS" || e.Name != "Vladimir Putin" || len(e.Roles) != 2 || e.Roles[1].From != "2008-05-08" || e.Roles[0].From != "1970-01-01" {
		t.Errorf("Putin = %+v", e)
	}
	if e := es[2]; e.Sector != "igo" {
		t.Errorf("UN = %+v", e)
	}
	reg := registry.New()
	for _, e := range es {
		reg.Add(e)
	}
	if e, ok := reg.Lookup("Putin", "PERSON", ""); !ok || e.ID != "person:vladimir-putin" {
		t.Errorf("Lookup Putin = %+v, %v", e, ok)
	}
	if e, ok := reg.Lookup("Ukraine", "GPE", ""); !ok || e.ID != "gpe:UKR" {
		t.Errorf("Lookup Ukraine = %+v, %v", e, ok)
	}
}

// The Phoenix dictionaries of PETRARCH2 import as they are.
func TestReadPetrarchPhoenix(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 2 MB of dictionaries")
	}
	reg := registry.New()
	for _, f := range []struct {
		name string
		kind registry.PetrarchKind
	}{{"Phoenix.Countries.actors.txt", registry.PetrarchCountries}, {"Phoenix.International.actors.txt", registry.PetrarchOrgs}, {"Phoenix.MilNonState.actors.txt", registry.PetrarchOrgs}} {
		path := shared.Path(t, "corpora", "petrarch2", "dictionaries", f.name)
		file, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		es, err := registry.ReadPetrarch(file, f.name, f.kind)
		file.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(es) < 100 {
			t.Errorf("%s: only %d entries", f.name, len(es))
		}
		for _, e := range es {
			reg.Add(e)
		}
	}
	if e, ok := reg.Lookup("Vladimir Putin", "PERSON", ""); !ok || e.Country != "RUS" {
		t.Errorf("Putin = %+v, %v", e, ok)
	}
	if e, ok := reg.Lookup("Ukraine", "GPE", ""); !ok || e.Country != "UKR" {
		t.Errorf("Ukraine = %+v, %v", e, ok)
	}
	t.Logf("%d entries", reg.Len())
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/user.tsv"
	if err := os.WriteFile(path, []byte(userDict), 0o644); err != nil {
		t.Fatal(err)
	}
	reg := registry.New()
	n, err := reg.LoadFile(path)
	if err != nil || n != 4 {
		t.Fatalf("LoadFile = %d, %v; want 4 entries", n, err)
	}
	if _, err := reg.LoadFile(dir + "/missing.tsv"); err == nil {
		t.Error("no error for a missing file")
	}
}
