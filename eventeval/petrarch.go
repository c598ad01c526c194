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
	NoEvents bool     // noevents="True", or an error coding (a discarded story or sentence)
}

// Coding is an expected or produced CAMEO/PLOVER dyad.
type Coding struct {
	Source string `json:"source"`          // actor code, e.g. ARN, DAGGOV
	Target string `json:"target"`          // actor code
	CAMEO  string `json:"cameo,omitempty"` // CAMEO event code, e.g. 064 (expected codings only)
	Type   string `json:"type"`            // PLOVER type
}

var (
	reSentence = regexp.MustCompile(`(?s)<Sentence\s([^>]*)>(.*?)</Sentence>`)
	reAttr     = regexp.MustCompile(`(\w+)\s*=\s*(?:"([^"]*)"?|'([^']*)')`)
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
			if _, ok := a["error"]; ok {
				// error="storydiscard", "sentencediscard", "dateline",
				// "bad_input_parse": PETRARCH codes nothing for the record.
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
		m[strings.ToLower(a[1])] = a[2] + a[3] // one of the two quotings matched
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
	Dropped     int     `json:"dropped"`      // expected codes with no PLOVER type: roots 01, 02, and the file's non-CAMEO test codes (21x-91x)
	Found       int     `json:"found"`        // expected events matched by source, target and type
	FoundRoot   int     `json:"found_root"`   // matched on the 3-letter root of the actor codes
	FoundDyad   int     `json:"found_dyad"`   // matched by source and target whatever the type
	Produced    int     `json:"produced"`     // events produced with a coded source or target
	Spurious    int     `json:"spurious"`     // produced events matching no expected event (full codes)
	Recall      float64 `json:"recall"`       // percent Found / Expected
	RecallRoot  float64 `json:"recall_root"`  // percent FoundRoot / Expected
	RecallDyad  float64 `json:"recall_dyad"`  // percent FoundDyad / Expected: who did something to whom
	Precision   float64 `json:"precision"`    // percent (Produced - Spurious) / Produced
	SpuriousPct float64 `json:"spurious_pct"` // percent Spurious / Produced
	F1          float64 `json:"f1"`

	// Why produced events are spurious (each spurious event counted once,
	// in this order): SpuriousNoEvents in records PETRARCH codes nothing
	// for (noevents, discarded); SpuriousDropped sharing an actor with an
	// expected coding that has no PLOVER type (roots 01 and 02: statements,
	// appeals; or a non-CAMEO test code); SpuriousOneSided with only one side coded, which PETRARCH
	// never emits (it requires a dyad); the rest are coding errors.
	SpuriousNoEvents int `json:"spurious_noevents"`
	SpuriousDropped  int `json:"spurious_dropped"`
	SpuriousOneSided int `json:"spurious_one_sided"`

	// The same scored as PLOVER counts events (its manual, "Compound and
	// Reciprocal Actors"): a reciprocal pair that CAMEO codes twice (A→B
	// and B→A of one type, as PETRARCH does for meetings and visits) is one
	// event between A and B, and events of the reciprocal types CONSULT
	// and COOPERATE are matched as unordered dyads. Units, not codings.
	ReciprocalExpected    int     `json:"reciprocal_expected"`
	ReciprocalFound       int     `json:"reciprocal_found"`
	ReciprocalProduced    int     `json:"reciprocal_produced"`
	ReciprocalSpurious    int     `json:"reciprocal_spurious"`
	ReciprocalRecall      float64 `json:"reciprocal_recall"`
	ReciprocalSpuriousPct float64 `json:"reciprocal_spurious_pct"`

	// Details lists, per record, the expected codings and every event the
	// coder produced, for error analysis (`eval events --details`).
	Details []RecordDetail `json:"details,omitempty"`
}

// RecordDetail is one record's expected codings and produced events.
type RecordDetail struct {
	ID       string          `json:"id"`
	Category string          `json:"category"`
	Text     string          `json:"text"`
	Expected []ExpectedEvent `json:"expected"`
	Produced []ProducedEvent `json:"produced"`
}

// ExpectedEvent is an expected coding and whether it was found.
type ExpectedEvent struct {
	Coding
	Found bool `json:"found"`
}

// ProducedEvent is one event of Chronicle's with its participants coded
// (one per code pair when an actor has several codes, "FRO/BIL/SAM").
type ProducedEvent struct {
	Coding
	SourceText string `json:"source_text"`
	TargetText string `json:"target_text"`
	Modality   string `json:"modality"`
	Negated    bool   `json:"negated"`
	Scored     bool   `json:"scored"`  // asserted, not negated, a participant coded
	Matched    bool   `json:"matched"` // matched an expected event
	Why        string `json:"why"`
}

// ReciprocalTypes are the PLOVER types whose events are matched as
// unordered dyads in the reciprocal figures: a consultation or
// cooperation between A and B is the same event whichever is named first.
var ReciprocalTypes = map[string]bool{"CONSULT": true, "COOPERATE": true}

// Petrarch runs pipe over the records and scores its events: an expected
// event is found when some produced event has the same PLOVER type and the
// same source and target codes. Only asserted, non-negated events count as
// produced, since PETRARCH codes realised events. Actor codes are compared
// without PETRARCH's "---" (no actor) marker, and an actor with several
// codes ("FRO/BIL/SAM") gives one coding per code, as PETRARCH expands it.
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
		det := RecordDetail{ID: r.ID, Category: r.Category, Text: r.Text}
		var got []Coding
		var gotAt []int // index into det.Produced
		for _, e := range doc.Events {
			scored := !e.Negated && (e.Modality == "asserted" || e.Modality == "future")
			for _, src := range codes(coder.Code(doc, e.Source, r.Date)) {
				for _, tgt := range codes(coder.Code(doc, e.Target, r.Date)) {
					c := Coding{Type: e.Type, Source: src, Target: tgt}
					pe := ProducedEvent{Coding: c, SourceText: doc.SpanText(e.Source.Span), TargetText: doc.SpanText(e.Target.Span),
						Modality: e.Modality, Negated: e.Negated, Why: e.Why}
					if scored && (c.Source != "" || c.Target != "") {
						pe.Scored = true
						got = append(got, c)
						gotAt = append(gotAt, len(det.Produced))
					}
					det.Produced = append(det.Produced, pe)
				}
			}
		}
		res.Produced += len(got)
		used := make([]bool, len(got))
		usedRoot := make([]bool, len(got))
		usedDyad := make([]bool, len(got))
		var want, dropped []Coding
		for _, x := range r.Expected {
			x.Source, x.Target = norm(x.Source), norm(x.Target)
			x.Type, _ = conv.Type(x.CAMEO)
			if x.Type == "" {
				res.Dropped++
				dropped = append(dropped, x)
				det.Expected = append(det.Expected, ExpectedEvent{Coding: x})
				continue
			}
			res.Expected++
			want = append(want, x)
			found := false
			for i, g := range got {
				if !used[i] && g.Type == x.Type && g.Source == x.Source && g.Target == x.Target {
					used[i] = true
					det.Produced[gotAt[i]].Matched = true
					res.Found++
					found = true
					break
				}
			}
			det.Expected = append(det.Expected, ExpectedEvent{Coding: x, Found: found})
			for i, g := range got {
				if !usedRoot[i] && g.Type == x.Type && root(g.Source) == root(x.Source) && root(g.Target) == root(x.Target) {
					usedRoot[i] = true
					res.FoundRoot++
					break
				}
			}
			for i, g := range got {
				if !usedDyad[i] && g.Source == x.Source && g.Target == x.Target {
					usedDyad[i] = true
					res.FoundDyad++
					break
				}
			}
		}
		for i, u := range used {
			if u {
				continue
			}
			res.Spurious++
			g := got[i]
			switch {
			case r.NoEvents && len(r.Expected) == 0:
				res.SpuriousNoEvents++
			case sharesActor(g, dropped):
				res.SpuriousDropped++
			case g.Source == "" || g.Target == "":
				res.SpuriousOneSided++
			}
		}
		ew, gw := units(want), units(got)
		res.ReciprocalExpected += len(ew)
		res.ReciprocalProduced += len(gw)
		usedU := make([]bool, len(gw))
		for _, x := range ew {
			for i, g := range gw {
				if !usedU[i] && x.matches(g) {
					usedU[i] = true
					res.ReciprocalFound++
					break
				}
			}
		}
		for _, u := range usedU {
			if !u {
				res.ReciprocalSpurious++
			}
		}
		res.Details = append(res.Details, det)
	}
	res.Recall = pct(res.Found, res.Expected)
	res.RecallRoot = pct(res.FoundRoot, res.Expected)
	res.RecallDyad = pct(res.FoundDyad, res.Expected)
	res.Precision = pct(res.Produced-res.Spurious, res.Produced)
	res.SpuriousPct = pct(res.Spurious, res.Produced)
	if res.Recall+res.Precision > 0 {
		res.F1 = 2 * res.Recall * res.Precision / (res.Recall + res.Precision)
	}
	res.ReciprocalRecall = pct(res.ReciprocalFound, res.ReciprocalExpected)
	res.ReciprocalSpuriousPct = pct(res.ReciprocalSpurious, res.ReciprocalProduced)
	return res, nil
}

// norm drops PETRARCH's "---" marker for a missing actor ("---GOV" is a
// government whose country is not named; our coder writes it "GOV").
func norm(code string) string {
	return strings.TrimPrefix(code, "---")
}

// codes splits an actor's code into the codes PETRARCH expands it to
// ("FRO/BIL/SAM"); an empty code stays one empty code.
func codes(code string) []string {
	if !strings.Contains(code, "/") {
		return []string{norm(code)}
	}
	var out []string
	for _, c := range strings.Split(code, "/") {
		if c = norm(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// sharesActor reports whether g has an actor of one of the codings.
func sharesActor(g Coding, cs []Coding) bool {
	for _, c := range cs {
		for _, a := range []string{g.Source, g.Target} {
			if a != "" && (a == c.Source || a == c.Target) {
				return true
			}
		}
	}
	return false
}

// unit is an event as PLOVER counts it: a type and a dyad, unordered for
// reciprocal events.
type unit struct {
	typ, a, b string
	unordered bool
}

func (u unit) matches(g unit) bool {
	if u.typ != g.typ {
		return false
	}
	if u.a == g.a && u.b == g.b {
		return true
	}
	return (u.unordered || g.unordered) && u.a == g.b && u.b == g.a
}

// units merges the reciprocal pairs among codings (A→B and B→A of one
// type) and marks the reciprocal types' dyads unordered.
func units(cs []Coding) []unit {
	merged := make([]bool, len(cs))
	var out []unit
	for i, c := range cs {
		if merged[i] {
			continue
		}
		u := unit{typ: c.Type, a: c.Source, b: c.Target, unordered: ReciprocalTypes[c.Type]}
		for j := i + 1; j < len(cs); j++ {
			d := cs[j]
			if !merged[j] && d.Type == c.Type && d.Source == c.Target && d.Target == c.Source && c.Source != c.Target {
				merged[j] = true
				u.unordered = true
				break
			}
		}
		out = append(out, u)
	}
	return out
}

func root(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}
