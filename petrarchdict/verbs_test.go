package petrarchdict_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/petrarchdict"
)

func TestReadVerbs(t *testing.T) {
	src := `&FOOD
+WHEAT
+RICE_AID

---  MEET_PEOPLE   [040]  ---
+MEET_WITH {+MET_WITH}
MEET {MEETS MET}
ACCUSE [112]
- * (WITH LEADERS)          [036:036]  # MEET
- * (AT)                    [036]
- * PAYMENT                 [061]
- * &FOOD                   [073]
- &MILITARY *               [154]
- * CALLS                   [:020]
- * DIPLOMATIC TIES         [064]
`
	got, err := petrarchdict.ReadVerbs(strings.NewReader(src), "test")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range got {
		lines = append(lines, p.Verb+" "+strings.Join(p.Needs, "+")+" "+p.Code)
	}
	want := []string{
		"accuse  112", "accuse at 036", "accuse payment 061", "accuse wheat 073", "accuse aid 073", "accuse tie 064",
		"meet with 040", "meet with+leader 036", "meet with+at 036", "meet with+payment 061", "meet with+wheat 073", "meet with+aid 073", "meet with+tie 064",
		"meet  040", "meet leader 036", "meet at 036", "meet payment 061", "meet wheat 073", "meet aid 073", "meet tie 064",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// "%" before the verb is a compound subject: "- % * [030]" codes the verb
// itself between the compound's members, "- % * TALKS" with a need. "+"
// before the verb and "$" after it reverse source and target.
func TestReadVerbsCompound(t *testing.T) {
	src := `--- AGREE  [081] ---
AGREE
- % * [030:030]
- % * TALKS  [031]
- % HAVE * [191]

--- RECEIVE  [033]  ---
RECEIVE
- + * MONEY $  [071]
`
	got, err := petrarchdict.ReadVerbs(strings.NewReader(src), "test")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%s %s %s %v %v", p.Verb, strings.Join(p.Needs, "+"), p.Code, p.Compound, p.Reverse))
	}
	want := []string{"agree  081 false false", "agree  030 true false", "agree talk 031 true false",
		"receive  033 false false", "receive money 071 false true"}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", lines, want)
	}
}

func TestReadCAMEOVerbs(t *testing.T) {
	path := shared.Path(t, "corpora", "petrarch2", "dictionaries", "CAMEO.2.0.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := petrarchdict.ReadVerbs(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 5000 {
		t.Errorf("read %d patterns from CAMEO.2.0.txt, want at least 5000", len(got))
	}
}
