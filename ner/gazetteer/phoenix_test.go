package gazetteer_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chronicle-news/chronicle/ner/gazetteer"
)

func TestPhoenix(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"Phoenix.Countries.actors.txt": `# comment
ARMENIA_  [ARM]
+ARMENIAN_
+YEREVAN_
+GYUMRI
	[USRARM <900823]
LEVON_TER_PETROSYAN_  # CountryInfo.txt
	[ARMELI 630101-900804]
ROBERT_KOCHARYAN_  # CountryInfo.txt
	[ARMGOV 980204-080409]
ROBERT_SMITH_  # CountryInfo.txt
	[ARMGOV 980204-080409]
KARZAI_
`,
		"Phoenix.International.actors.txt": `THE_UNITED_NATIONS_	[IGOUNO]# NGO_Actors
GOOGLE_	[MNCUSAMED]	# Computer Software
YUKIYA_AMANO_	[IGOUNOIAE >091201]	# IAEA
`,
		"Phoenix.MilNonState.actors.txt": `HEZBOLLAH_ [LBNREB] #  kkl 21 Mar 13
+HIZBALLAH_
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := gazetteer.Phoenix(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		list     string
		got      []string
		has, not []string
	}{
		{"people", n.People, []string{"Levon Ter Petrosyan", "Robert Kocharyan", "Yukiya Amano"}, []string{"Karzai", "Google"}},
		{"first names", n.FirstNames, []string{"Robert"}, []string{"Levon", "Yukiya"}},
		{"organisations", n.Orgs, []string{"United Nations", "Google", "Hezbollah", "Hizballah"}, []string{"The United Nations", "Yukiya Amano"}},
		{"places", n.Places, []string{"Armenia", "Gyumri", "Yerevan"}, []string{"Armenian", "Karzai"}},
	} {
		if !slices.IsSorted(tt.got) {
			t.Errorf("%s not sorted: %q", tt.list, tt.got)
		}
		for _, w := range tt.has {
			if !slices.Contains(tt.got, w) {
				t.Errorf("%s lack %q: %q", tt.list, w, tt.got)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(tt.got, w) {
				t.Errorf("%s hold %q", tt.list, w)
			}
		}
	}
	if _, err := gazetteer.Phoenix(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing folder: no error")
	}
}
