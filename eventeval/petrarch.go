package eventeval

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/event"
)

// Record is one PETRARCH validation sentence with its expected codings.
type Record struct {
	ID       string
	Category string
	Date     time.Time
	Text     string
	Expected []Coding // empty with NoEvents
	NoEvents bool
}

// Coding is an expected or produced CAMEO/PLOVER dyad.
type Coding struct {
	Source, Target string // actor codes, e.g. ARN, DAGGOV
	CAMEO          string // CAMEO event code, e.g. 064 (expected codings only)
	Type           string // PLOVER type
}

var (
	reSentence = regexp.MustCompile(`(?s)<Sentence\s([^>]*)>(.*?)</Sentence>`)
	reAttr     = regexp.MustCompile(`(\w+)\s*=\s*"([^"]*)"?`)
	reCoding   = regexp.MustCompile(`<EventCoding\s([^>]*)>`)
	reText     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
)

// ReadRecords reads PETR.UnitTest.records.xml. The file is not well-formed
// XML (some attributes lack a closing quote), so it is read with tolerant
// patterns rather than encoding/xml.
func ReadRecords(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("petrarch records: %w", err)
	}
	src := stripComments(string(b))
	var out []Record
	for _, m := range reSentence.FindAllStringSubmatch(src, -1) {
		attrs := attrMap(m[1])
		r := Record{ID: attrs["id"], Category: attrs["category"]}
		if d, err := time.Parse("20060102", attrs["date"]); err == nil {
			r.Date = d
		}
		if t := reText.FindStringSubmatch(m[2]); t != nil {
			r.Text = strings.Join(strings.Fields(t[1]), " ")
		}
		for _, c := range reCoding.FindAllStringSubmatch(m[2], -1) {
			a := attrMap(c[1])
			if _, ok := a["noevents"]; ok {
				r.NoEvents = true
				continue
			}
			r.Expected = append(r.Expected, Coding{Source: a["sourcecode"], Target: a["targetcode"], CAMEO: a["eventcode"]})
		}
		if r.Text != "" {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("petrarch records: %s: no <Sentence> records", path)
	}
	return out, nil
}

func stripComments(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			return b.String()
		}
		s = s[i+j+3:]
	}
}

func attrMap(s string) map[string]string {
	m := map[string]string{}
	for _, a := range reAttr.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = a[2]
	}
	return m
}

// ActorCoder gives the actor code (CAMEO style, e.g. DAGGOV) of the actor
// the words of an event participant name, as of a date; "" when none.
type ActorCoder interface {
	Code(doc *chronicle.Document, ref chronicle.Ref, date time.Time) string
}

// PetrarchResult scores event coding on the validation records.
type PetrarchResult struct {
	Records     int     `json:"records"`
	Expected    int     `json:"expected"`     // expected events with a PLOVER type
	Dropped     int     `json:"dropped"`      // expected events whose CAMEO root PLOVER dropped (01, 02)
	Found       int     `json:"found"`        // expected events matched by source, target and type
	FoundRoot   int     `json:"found_root"`   // matched on the 3-letter root of the actor codes
	Produced    int     `json:"produced"`     // events produced with a coded source or target
	Spurious    int     `json:"spurious"`     // produced events matching no expected event (full codes)
	Recall      float64 `json:"recall"`       // percent Found / Expected
	RecallRoot  float64 `json:"recall_root"`  // percent FoundRoot / Expected
	Precision   float64 `json:"precision"`    // percent (Produced - Spurious) / Produced
	SpuriousPct float64 `json:"spurious_pct"` // percent Spurious / Produced
	F1          float64 `json:"f1"`
}

// Petrarch runs pipe over the records and scores its events: an expected
// event is found when some produced event has the same PLOVER type and the
// same source and target codes. Only asserted, non-negated events count as
// produced, since PETRARCH codes realised events.
func Petrarch(ctx context.Context, recs []Record, conv *event.CAMEOTable, pipe chronicle.Stage, coder ActorCoder) (*PetrarchResult, error) {
	res := &PetrarchResult{}
	for _, r := range recs {
		doc, err := chronicle.NewDocument([]byte(r.Text), r.ID, chronicle.Meta{Published: r.Date}, 0)
		if err != nil {
			return nil, fmt.Errorf("petrarch %s: %w", r.ID, err)
		}
		if err := pipe.Process(ctx, doc); err != nil {
			return nil, fmt.Errorf("petrarch %s: %w", r.ID, err)
		}
		res.Records++
		var got []Coding
		for _, e := range doc.Events {
			if e.Negated || (e.Modality != "asserted" && e.Modality != "future") {
				continue
			}
			c := Coding{Type: e.Type, Source: coder.Code(doc, e.Source, r.Date), Target: coder.Code(doc, e.Target, r.Date)}
			if c.Source == "" && c.Target == "" {
				continue
			}
			got = append(got, c)
		}
		res.Produced += len(got)
		used := make([]bool, len(got))
		usedRoot := make([]bool, len(got))
		for _, x := range r.Expected {
			x.Type, _ = conv.Type(x.CAMEO)
			if x.Type == "" {
				res.Dropped++
				continue
			}
			res.Expected++
			for i, g := range got {
				if !used[i] && g.Type == x.Type && g.Source == x.Source && g.Target == x.Target {
					used[i] = true
					res.Found++
					break
				}
			}
			for i, g := range got {
				if !usedRoot[i] && g.Type == x.Type && root(g.Source) == root(x.Source) && root(g.Target) == root(x.Target) {
					usedRoot[i] = true
					res.FoundRoot++
					break
				}
			}
		}
		for _, u := range used {
			if !u {
				res.Spurious++
			}
		}
	}
	res.Recall = pct(res.Found, res.Expected)
	res.RecallRoot = pct(res.FoundRoot, res.Expected)
	res.Precision = pct(res.Produced-res.Spurious, res.Produced)
	res.SpuriousPct = pct(res.Spurious, res.Produced)
	if res.Recall+res.Precision > 0 {
		res.F1 = 2 * res.Recall * res.Precision / (res.Recall + res.Precision)
	}
	return res, nil
}

func root(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}
