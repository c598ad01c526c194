// Package storetest is the test suite every chronicle.Store must pass. The
// sqlite and postgres packages run it against their databases:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) chronicle.Store { return openFresh(t) })
//	}
//
// Documents are built by hand (actors, quotes and events set directly), so
// the suite needs no model.
package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
)

// Run runs every test of the suite; open must return an empty store, which
// the suite closes.
func Run(t *testing.T, open func(t *testing.T) chronicle.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, chronicle.Store)
	}{
		{"PutIdempotent", testPutIdempotent},
		{"Versions", testVersions},
		{"NearDuplicates", testNearDuplicates},
		{"Stories", testStories},
		{"StoryCore", testStoryCore},
		{"EventsMerged", testEventsMerged},
		{"EventQueries", testEventQueries},
		{"EventStatus", testEventStatus},
		{"EventsWithoutActors", testEventsWithoutActors},
		{"UndatedEvents", testUndatedEvents},
		{"QuotesAndActors", testQuotesAndActors},
		{"CharOffsets", testCharOffsets},
		{"EntitiesWithoutActors", testEntitiesWithoutActors},
		{"Search", testSearch},
		{"Queue", testQueue},
		{"QueueLease", testQueueLease},
		{"QueueConcurrent", testQueueConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

var day0 = time.Date(2025, 5, 16, 9, 0, 0, 0, time.UTC)

// builder makes a hand-annotated document.
type builder struct {
	doc *chronicle.Document
}

func newDoc(text string, published time.Time) *builder {
	return &builder{doc: &chronicle.Document{
		ID: chronicle.DocumentID(text), Text: text, Language: "en", Published: published,
		Title: firstWords(text, 6),
	}}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// span returns the byte span of the i-th occurrence (0-based) of sub.
func (b *builder) span(sub string, i int) chronicle.Span {
	off := 0
	for {
		j := strings.Index(b.doc.Text[off:], sub)
		if j < 0 {
			panic(fmt.Sprintf("storetest: %q not in text", sub))
		}
		if i == 0 {
			return chronicle.Span{Start: off + j, End: off + j + len(sub)}
		}
		i--
		off += j + len(sub)
	}
}

// actor adds an actor mentioned by each of the given names.
func (b *builder) actor(id, name, typ string, mentions ...string) *builder {
	a := chronicle.Actor{ID: id, Name: name, Type: typ, Country: "TUR"}
	for _, m := range mentions {
		a.Mentions = append(a.Mentions, chronicle.Mention{Span: b.span(m, 0), Kind: chronicle.MentionNamed})
	}
	b.doc.Actors = append(b.doc.Actors, a)
	return b
}

func (b *builder) event(typ, source, srcText, target, tgtText, date, evidence string) *builder {
	b.doc.Events = append(b.doc.Events, chronicle.Event{
		Type:       typ,
		Source:     chronicle.Ref{Span: b.span(srcText, 0), Actor: source},
		Target:     chronicle.Ref{Span: b.span(tgtText, 0), Actor: target},
		Date:       date,
		Evidence:   b.span(evidence, 0),
		Why:        "test",
		Confidence: 0.9,
		Quote:      -1,
	})
	return b
}

func (b *builder) quote(speaker, actor, cue, content string) *builder {
	b.doc.Quotes = append(b.doc.Quotes, chronicle.Quote{
		Kind:    chronicle.QuoteDirect,
		Speaker: chronicle.Ref{Span: b.span(speaker, 0), Actor: actor},
		Cue:     b.span(cue, 0),
		Content: b.span(content, 0),
		Parent:  -1,
	})
	return b
}

func put(t *testing.T, s chronicle.Store, docs ...*chronicle.Document) int {
	t.Helper()
	n, err := s.Put(context.Background(), docs)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return n
}

func stats(t *testing.T, s chronicle.Store) chronicle.StoreStats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func doc(t *testing.T, s chronicle.Store, id string) *chronicle.StoredDocument {
	t.Helper()
	d, err := s.Document(context.Background(), id)
	if err != nil {
		t.Fatalf("Document(%s): %v", id, err)
	}
	return d
}

const (
	talks1 = "Russian and Ukrainian delegations met in Istanbul on Friday for the first direct talks in three years. " +
		"Vladimir Medinsky led the Russian side while Rustem Umerov headed the Ukrainian team at Dolmabahce Palace. " +
		"Turkish Foreign Minister Hakan Fidan opened the meeting and urged both sides to agree on a ceasefire. " +
		"The talks lasted less than two hours and ended with an agreement to exchange a thousand prisoners each."
	talks2 = "Negotiators from Moscow and Kyiv sat down together in Turkey, their first face-to-face meeting since 2022. " +
		"Medinsky, an aide to President Putin, said Russia was satisfied with the outcome, and Umerov said the sides agreed a large prisoner swap. " +
		"Ukraine had pressed for an unconditional ceasefire, which the Russian delegation rejected according to officials present."
	other = "The central bank raised interest rates by a quarter point on Thursday, citing persistent inflation in services. " +
		"Analysts had expected the move after wage growth stayed strong through the spring and energy prices climbed again."
)

func talksDoc1() *chronicle.Document {
	return newDoc(talks1, day0).
		actor("Q1", "Vladimir Medinsky", "PERSON", "Vladimir Medinsky").
		actor("Q2", "Rustem Umerov", "PERSON", "Rustem Umerov").
		actor("Q3", "Hakan Fidan", "PERSON", "Hakan Fidan").
		actor("RUS", "Russia", "GPE", "Russian").
		event("CONSULT", "Q1", "Vladimir Medinsky", "Q2", "Rustem Umerov", "2025-05-16", "delegations met in Istanbul").
		event("AGREE", "Q1", "Russian side", "Q2", "Ukrainian team", "2025-05-16", "an agreement to exchange a thousand prisoners").
		doc
}

func talksDoc2() *chronicle.Document {
	return newDoc(talks2, day0.Add(6*time.Hour)).
		actor("Q1", "Vladimir Medinsky", "PERSON", "Medinsky").
		actor("Q2", "Rustem Umerov", "PERSON", "Umerov").
		actor("RUS", "Russia", "GPE", "Russia").
		event("CONSULT", "Q1", "Moscow", "Q2", "Kyiv", "2025-05-16", "sat down together in Turkey").
		quote("Umerov", "Q2", "said", "the sides agreed a large prisoner swap").
		doc
}

func testPutIdempotent(t *testing.T, s chronicle.Store) {
	d := talksDoc1()
	if n := put(t, s, d); n != 1 {
		t.Fatalf("first Put stored %d documents, want 1", n)
	}
	before := stats(t, s)
	if n := put(t, s, talksDoc1()); n != 0 {
		t.Errorf("second Put of the same text stored %d documents, want 0", n)
	}
	if after := stats(t, s); after != before {
		t.Errorf("re-ingest changed the store: %+v, then %+v", before, after)
	}
	got := doc(t, s, d.ID)
	if got.Text != talks1 || got.Status != chronicle.StatusDone || got.Version != 1 || !got.Published.Equal(day0) {
		t.Errorf("Document = %+v", got)
	}
	has, err := s.Has(context.Background(), []string{d.ID, "nope"})
	if err != nil || !has[d.ID] || has["nope"] {
		t.Errorf("Has = %v, %v", has, err)
	}
	if _, err := s.Document(context.Background(), "nope"); chronicle.ErrorCode(err) != chronicle.ENOTFOUND {
		t.Errorf("Document(missing) error = %v, want code %s", err, chronicle.ENOTFOUND)
	}
}

func testVersions(t *testing.T, s chronicle.Store) {
	a := newDoc("First version of the article about the summit.", day0).doc
	b := newDoc("Second, corrected version of the article about the summit.", day0).doc
	a.URL, b.URL = "https://example.org/summit", "https://example.org/summit"
	put(t, s, a)
	put(t, s, b)
	put(t, s, a) // re-ingesting the old version adds nothing
	if got := doc(t, s, a.ID); got.Version != 1 || got.Previous != "" {
		t.Errorf("first version: version %d previous %q", got.Version, got.Previous)
	}
	if got := doc(t, s, b.ID); got.Version != 2 || got.Previous != a.ID {
		t.Errorf("second version: version %d previous %q, want 2 %q", got.Version, got.Previous, a.ID)
	}
	if st := stats(t, s); st.Documents != 2 {
		t.Errorf("%d documents, want 2", st.Documents)
	}
}

func testNearDuplicates(t *testing.T, s chronicle.Store) {
	orig := talksDoc1()
	// A wire copy with a dateline and one word changed.
	cp := newDoc("ISTANBUL (Reuters) - "+strings.Replace(talks1, "urged", "called on", 1), day0.Add(time.Hour)).doc
	put(t, s, orig, cp, newDoc(other, day0).doc)
	got := doc(t, s, cp.ID)
	if got.DuplicateOf != orig.ID {
		t.Errorf("copy: DuplicateOf = %q, want %q", got.DuplicateOf, orig.ID)
	}
	if o := doc(t, s, orig.ID); got.Story != o.Story || o.Story == 0 {
		t.Errorf("copy in story %d, original in story %d", got.Story, o.Story)
	}
	if o := doc(t, s, chronicle.DocumentID(other)); o.DuplicateOf != "" {
		t.Errorf("unrelated text marked as duplicate of %s", o.DuplicateOf)
	}
	if st := stats(t, s); st.Duplicates != 1 {
		t.Errorf("%d duplicates, want 1", st.Duplicates)
	}
}

func testStories(t *testing.T, s chronicle.Store) {
	d1, d2 := talksDoc1(), talksDoc2()
	// Shares only a country with the talks: must not join their story.
	d3 := newDoc(other, day0).actor("RUS", "Russia", "GPE", "central bank").actor("USA", "United States", "GPE", "Analysts").doc
	// Same people a month later: outside the window.
	d4 := newDoc("Medinsky and Umerov met again in Istanbul a month later for a second round.", day0.AddDate(0, 1, 0)).
		actor("Q1", "Vladimir Medinsky", "PERSON", "Medinsky").actor("Q2", "Rustem Umerov", "PERSON", "Umerov").doc
	// The same people in two undated articles (read at the same time):
	// nothing says they report the same happening.
	d5 := newDoc("Medinsky and Umerov are expected to meet again, officials said without giving a date.", time.Time{}).
		actor("Q1", "Vladimir Medinsky", "PERSON", "Medinsky").actor("Q2", "Rustem Umerov", "PERSON", "Umerov").doc
	d6 := newDoc("Umerov said he had spoken to Medinsky by telephone about prisoners.", time.Time{}).
		actor("Q1", "Vladimir Medinsky", "PERSON", "Medinsky").actor("Q2", "Rustem Umerov", "PERSON", "Umerov").doc
	put(t, s, d1, d2, d3, d4, d5, d6)
	s1, s2, s3, s4 := doc(t, s, d1.ID).Story, doc(t, s, d2.ID).Story, doc(t, s, d3.ID).Story, doc(t, s, d4.ID).Story
	if s1 == 0 || s1 != s2 {
		t.Errorf("two reports of the talks in stories %d and %d, want one", s1, s2)
	}
	if s3 == s1 || s4 == s1 {
		t.Errorf("stories: talks %d, unrelated %d, month later %d", s1, s3, s4)
	}
	if s5, s6 := doc(t, s, d5.ID).Story, doc(t, s, d6.ID).Story; s5 == s6 {
		t.Errorf("two undated articles share story %d by their actors alone", s5)
	}
	// A dated article published when the undated ones were read does not
	// join their stories either: their span is only when they were read.
	d7 := newDoc("Medinsky and Umerov signed a protocol on prisoner exchanges in Istanbul today.", time.Now().UTC()).
		actor("Q1", "Vladimir Medinsky", "PERSON", "Medinsky").actor("Q2", "Rustem Umerov", "PERSON", "Umerov").doc
	put(t, s, d7)
	if s7 := doc(t, s, d7.ID).Story; s7 == doc(t, s, d5.ID).Story || s7 == doc(t, s, d6.ID).Story {
		t.Errorf("a dated article joined an undated article's story %d", s7)
	}
	stories, err := s.Stories(context.Background(), chronicle.StoryFilter{MinDocuments: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || stories[0].ID != s1 || stories[0].Documents != 2 || stories[0].Sources != 2 {
		t.Fatalf("Stories(min 2) = %+v", stories)
	}
	if st := stories[0]; !st.FirstSeen.Equal(day0) || !st.LastSeen.Equal(day0.Add(6*time.Hour)) || st.Title == "" || len(st.Actors) == 0 {
		t.Errorf("story = %+v", st)
	}
	if byActor, err := s.Stories(context.Background(), chronicle.StoryFilter{Actor: "umerov"}); err != nil || len(byActor) != 5 {
		t.Errorf("Stories(actor umerov) = %d stories, %v; want 5", len(byActor), err)
	}
}

// testStoryCore: a story is matched by its core actors only, so it does
// not snowball through actors that appeared at its edges.
func testStoryCore(t *testing.T, s chronicle.Store) {
	mk := func(text string, actors ...string) *chronicle.Document {
		b := newDoc(text, day0)
		for _, a := range actors {
			b.actor(a, a, "PERSON", a)
		}
		return b.doc
	}
	d1 := mk("Alpha and Beta met Gamma in the capital for talks on the border dispute.", "Alpha", "Beta", "Gamma")
	d2 := mk("Beta and Alpha resumed their talks, and Delta joined the negotiating team on Monday.", "Alpha", "Beta", "Delta")
	d3 := mk("A spokesman said Alpha and Beta would sign the border accord, Epsilon told reporters.", "Alpha", "Beta", "Epsilon")
	d4 := mk("Gamma and Delta opened a bakery together in the old town, selling bread and pastries.", "Gamma", "Delta")
	put(t, s, d1, d2, d3, d4)
	s1, s2, s3, s4 := doc(t, s, d1.ID).Story, doc(t, s, d2.ID).Story, doc(t, s, d3.ID).Story, doc(t, s, d4.ID).Story
	if s1 != s2 || s1 != s3 {
		t.Errorf("the three reports sharing Alpha and Beta are in stories %d, %d, %d", s1, s2, s3)
	}
	if s4 == s1 {
		t.Errorf("a document sharing only edge actors (Gamma, Delta) joined the story")
	}
}

func testEventsMerged(t *testing.T, s chronicle.Store) {
	d1, d2 := talksDoc1(), talksDoc2()
	cp := newDoc("ISTANBUL (AP) - "+talks1, day0.Add(2*time.Hour)).doc
	cp.Actors, cp.Events = talksDoc1().Actors, nil
	shift := len("ISTANBUL (AP) - ")
	for _, e := range talksDoc1().Events {
		e.Source.Start += shift
		e.Source.End += shift
		e.Target.Start += shift
		e.Target.End += shift
		e.Evidence.Start += shift
		e.Evidence.End += shift
		cp.Events = append(cp.Events, e)
	}
	for i := range cp.Actors {
		for j := range cp.Actors[i].Mentions {
			cp.Actors[i].Mentions[j].Start += shift
			cp.Actors[i].Mentions[j].End += shift
		}
	}
	put(t, s, d2, d1, cp) // d2 first: first reported at day0+6h, until d1 arrives
	events, err := s.Events(context.Background(), chronicle.EventFilter{Type: "CONSULT"})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 {
		t.Fatalf("%d CONSULT events, want 1 (one happening, three reports): %+v", len(events), events)
	}
	e := events[0]
	if e.Reports != 3 || e.Sources != 2 {
		t.Errorf("reports %d sources %d, want 3 reports from 2 independent sources", e.Reports, e.Sources)
	}
	if !e.FirstReport.Equal(day0) || e.Date != "2025-05-16" || e.SourceActor != "Q1" || e.TargetActor != "Q2" || e.SourceName != "Vladimir Medinsky" {
		t.Errorf("event = %+v", e)
	}
	reports, err := s.Reports(context.Background(), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 3 {
		t.Fatalf("%d reports, want 3", len(reports))
	}
	texts := map[string]bool{}
	for _, r := range reports {
		texts[r.Text] = true
	}
	if !texts["delegations met in Istanbul"] || !texts["sat down together in Turkey"] {
		t.Errorf("report texts = %v", texts)
	}
	if st := stats(t, s); st.Events != 2 || st.Reports != 5 {
		t.Errorf("%d events, %d reports; want 2 and 5", st.Events, st.Reports)
	}
}

func testEventQueries(t *testing.T, s chronicle.Store) {
	d := talksDoc1()
	d.Actors[1].Mentions = append(d.Actors[1].Mentions, chronicle.Mention{Span: (&builder{d}).span("Ukrainian team", 0), Kind: chronicle.MentionNamed})
	later := newDoc("Fidan threatened new sanctions on Tuesday.", day0.AddDate(0, 0, 20)).
		actor("Q3", "Hakan Fidan", "PERSON", "Fidan").
		event("THREATEN", "Q3", "Fidan", "", "sanctions", "2025-06-03", "threatened new sanctions").doc
	put(t, s, d, later)
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		f    chronicle.EventFilter
		want []string // event types, newest first
	}{
		{chronicle.EventFilter{}, []string{"THREATEN", "AGREE", "CONSULT"}},
		{chronicle.EventFilter{Actor: "Q1"}, []string{"AGREE", "CONSULT"}},
		{chronicle.EventFilter{Actor: "vladimir medinsky"}, []string{"AGREE", "CONSULT"}},
		{chronicle.EventFilter{Target: "ukrainian TEAM"}, []string{"AGREE", "CONSULT"}}, // alias
		{chronicle.EventFilter{Actor: "Hakan Fidan"}, []string{"THREATEN"}},
		{chronicle.EventFilter{Actor: "nobody"}, nil},
		{chronicle.EventFilter{Type: "agree"}, []string{"AGREE"}},
		{chronicle.EventFilter{Since: day("2025-05-17")}, []string{"THREATEN"}},
		{chronicle.EventFilter{Until: day("2025-05-16")}, []string{"AGREE", "CONSULT"}},
		{chronicle.EventFilter{Since: day("2025-05-16"), Until: day("2025-05-16"), Actor: "Q1", Target: "Q2", Type: "CONSULT"}, []string{"CONSULT"}},
		{chronicle.EventFilter{Limit: 1}, []string{"THREATEN"}},
	}
	for _, tt := range tests {
		events, err := s.Events(context.Background(), tt.f)
		if err != nil {
			t.Fatalf("Events(%+v): %v", tt.f, err)
		}
		var got []string
		for _, e := range events {
			got = append(got, e.Type)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Events(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
}

// testEventStatus checks that a denied or hypothetical event is kept apart
// from the happening with the same participants, day and type, and that
// queries return happenings unless asked otherwise.
func testEventStatus(t *testing.T, s chronicle.Store) {
	b := newDoc("Putin did not travel to Istanbul. Trump may travel to Istanbul. Umerov travelled to Istanbul on Friday.", day0).
		actor("Q4", "Vladimir Putin", "PERSON", "Putin").
		actor("Q5", "Donald Trump", "PERSON", "Trump").
		actor("Q2", "Rustem Umerov", "PERSON", "Umerov").
		actor("TUR", "Turkey", "GPE", "Istanbul").
		event("CONSULT", "Q4", "Putin", "TUR", "Istanbul", "2025-05-16", "Putin did not travel to Istanbul").
		event("CONSULT", "Q5", "Trump", "TUR", "Istanbul", "2025-05-16", "Trump may travel to Istanbul").
		event("CONSULT", "Q2", "Umerov", "TUR", "Istanbul", "2025-05-16", "Umerov travelled to Istanbul")
	b.event("CONSULT", "Q2", "Umerov", "TUR", "Istanbul", "2025-W20", "Umerov travelled to Istanbul")
	b.doc.Events[3].Type = "AID" // another happening, dated by its week only
	b.doc.Events[0].Negated = true
	b.doc.Events[1].Modality = "hypothetical"
	b.doc.Events[2].Modality = "asserted"
	// The same trip by Putin, reported as made: a separate event from the denial.
	made := newDoc("Vladimir Putin flew to Istanbul on Friday for the talks, his spokesman said later that evening.", day0.Add(time.Hour)).
		actor("Q4", "Vladimir Putin", "PERSON", "Vladimir Putin").
		actor("TUR", "Turkey", "GPE", "Istanbul").
		event("CONSULT", "Q4", "Vladimir Putin", "TUR", "Istanbul", "2025-05-16", "Vladimir Putin flew to Istanbul").doc
	put(t, s, b.doc, made)
	tests := []struct {
		status string
		want   []string // "source:status", by id
	}{
		{"", []string{"Rustem Umerov:", "Rustem Umerov:", "Vladimir Putin:"}},
		{chronicle.StatusAll, []string{"Vladimir Putin:negated", "Donald Trump:hypothetical", "Rustem Umerov:", "Rustem Umerov:", "Vladimir Putin:"}},
		{"negated", []string{"Vladimir Putin:negated"}},
		{"Hypothetical", []string{"Donald Trump:hypothetical"}},
	}
	for _, tt := range tests {
		events, err := s.Events(context.Background(), chronicle.EventFilter{Status: tt.status})
		if err != nil {
			t.Fatalf("Events(status %q): %v", tt.status, err)
		}
		slices.SortFunc(events, func(a, b chronicle.StoredEvent) int { return cmp.Compare(a.ID, b.ID) })
		var got []string
		for _, e := range events {
			got = append(got, e.SourceName+":"+e.Status)
			if e.Type == "AID" && (e.Period != "2025-W20" || e.Date != "2025-05-12") {
				t.Errorf("week-dated event: Period %q Date %q, want 2025-W20 and its Monday 2025-05-12", e.Period, e.Date)
			}
			if e.Type != "AID" && e.Period != "" {
				t.Errorf("day-dated event has Period %q", e.Period)
			}
			if e.Reports != 1 {
				t.Errorf("status %q: %s has %d reports, want 1 (a denial is not a report of the happening)", tt.status, e.SourceName, e.Reports)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Events(status %q) = %v, want %v", tt.status, got, tt.want)
		}
		if p, ok := s.(chronicle.EventPager); ok {
			paged, err := p.EventsAfter(context.Background(), chronicle.EventFilter{Status: tt.status}, chronicle.EventKey{})
			if err != nil {
				t.Fatalf("EventsAfter(status %q): %v", tt.status, err)
			}
			if len(paged) != len(tt.want) {
				t.Errorf("EventsAfter(status %q) gave %d events, want %d", tt.status, len(paged), len(tt.want))
			}
		}
	}
}

// testUndatedEvents: an event of an article with no publication date, and
// no date of its own, has no day (not the week it was read in); it is
// listed, last, but is in no date range. A dated one beside it keeps its day.
func testUndatedEvents(t *testing.T, s chronicle.Store) {
	b := newDoc("Police arrested Umerov in Istanbul. Umerov travelled to Istanbul on 16 May 2025.", time.Time{}).
		actor("Q2", "Rustem Umerov", "PERSON", "Umerov").
		actor("TUR", "Turkey", "GPE", "Istanbul").
		event("COERCE", "", "Police", "Q2", "Umerov", "", "Police arrested Umerov").
		event("CONSULT", "Q2", "Umerov", "TUR", "Istanbul", "2025-05-16", "Umerov travelled to Istanbul")
	put(t, s, b.doc)
	all, err := s.Events(context.Background(), chronicle.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range all {
		got = append(got, e.Type+"@"+e.Date+e.Period)
	}
	if want := []string{"CONSULT@2025-05-16", "COERCE@"}; !slices.Equal(got, want) {
		t.Errorf("events %v, want %v (dated first, the undated one with no day)", got, want)
	}
	for _, f := range []chronicle.EventFilter{{Until: day0.AddDate(1, 0, 0)}, {Since: day0.AddDate(-1, 0, 0)}} {
		evs, err := s.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].Type != "CONSULT" {
			t.Errorf("since %v until %v: %d events, want the dated CONSULT only", f.Since, f.Until, len(evs))
		}
	}
	// An undated copy of a dated article: its events merge with the
	// original's, on the original's date.
	text := "Police arrested Umerov in Istanbul on a warrant from Kyiv, officials said, as talks on prisoners went on."
	orig := newDoc(text, day0).actor("Q2", "Rustem Umerov", "PERSON", "Umerov").
		event("COERCE", "", "Police", "Q2", "Umerov", "", "Police arrested Umerov").doc
	cp := newDoc(strings.Replace(text, "went on", "continued", 1), time.Time{}).actor("Q2", "Rustem Umerov", "PERSON", "Umerov").
		event("COERCE", "", "Police", "Q2", "Umerov", "", "Police arrested Umerov").doc
	put(t, s, orig)
	put(t, s, cp)
	if d := doc(t, s, cp.ID); d.DuplicateOf != orig.ID {
		t.Fatalf("the copy is not a near-duplicate of the original (duplicate of %q)", d.DuplicateOf)
	}
	merged := false
	all, err = s.Events(context.Background(), chronicle.EventFilter{Story: doc(t, s, orig.ID).Story})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		merged = merged || e.Type == "COERCE" && e.Reports == 2 && e.Period == "2025-W20"
	}
	if !merged {
		t.Errorf("the copy's arrest did not merge with the original's, dated 2025-W20: %+v", all)
	}
}

// testEventsWithoutActors: an event no actor takes part in ("the code is
// impossible to crack") stays out of the chronicle; the document's other
// events are stored, each report keeping its index in the document.
func testEventsWithoutActors(t *testing.T, s chronicle.Store) {
	b := newDoc("The code is impossible to crack, experts said. Police arrested Umerov in Istanbul.", day0).
		actor("Q2", "Rustem Umerov", "PERSON", "Umerov").
		event("ASSAULT", "", "code", "", "code", "2025-05-16", "The code is impossible to crack").
		event("COERCE", "", "Police", "Q2", "Umerov", "2025-05-16", "Police arrested Umerov")
	b.doc.Events[0].Scope = chronicle.ScopeNoActor
	put(t, s, b.doc)
	events, err := s.Events(context.Background(), chronicle.EventFilter{Status: chronicle.StatusAll})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].Type != "COERCE" {
		t.Fatalf("stored %d events (%+v), want the COERCE one only", len(events), events)
	}
	reports, err := s.Reports(context.Background(), events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 || reports[0].Text != "Police arrested Umerov" {
		t.Errorf("reports = %+v, want one with the arrest's evidence", reports)
	}
}

func testQuotesAndActors(t *testing.T, s chronicle.Store) {
	d := talksDoc2()
	d.Actors[1].Roles = []chronicle.Role{{Title: "Defence Minister", Country: "UKR", Sector: "government", Seen: "2025-05-16"}}
	put(t, s, talksDoc1(), d)
	for _, speaker := range []string{"Q2", "Rustem Umerov", "umerov"} {
		qs, err := s.Quotes(context.Background(), chronicle.QuoteFilter{Speaker: speaker})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != 1 {
			t.Fatalf("Quotes(%q) = %d quotes, want 1", speaker, len(qs))
		}
		q := qs[0]
		if q.Content != "the sides agreed a large prisoner swap" || q.Speaker != "Umerov" || q.SpeakerName != "Rustem Umerov" || q.Cue != "said" || q.DocID != d.ID {
			t.Errorf("quote = %+v", q)
		}
		if talks2[q.Start:q.End] != q.Content {
			t.Errorf("byte offsets %d:%d do not give the content", q.Start, q.End)
		}
	}
	if qs, _ := s.Quotes(context.Background(), chronicle.QuoteFilter{Speaker: "Fidan"}); len(qs) != 0 {
		t.Errorf("Quotes(Fidan) = %v, want none", qs)
	}
	actors, err := s.Actors(context.Background(), chronicle.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != 4 {
		t.Fatalf("%d actors, want 4 (merged across documents by id)", len(actors))
	}
	var umerov *chronicle.StoredActor
	for i := range actors {
		if actors[i].ID == "Q2" {
			umerov = &actors[i]
		}
	}
	if umerov == nil || umerov.Documents != 2 || umerov.Mentions != 2 || strings.Join(umerov.Aliases, "|") != "Rustem Umerov|Umerov" ||
		len(umerov.Roles) != 1 || umerov.Roles[0].Title != "Defence Minister" || !umerov.FirstSeen.Equal(day0) {
		t.Errorf("Umerov = %+v", umerov)
	}
	if got, _ := s.Actors(context.Background(), chronicle.ActorFilter{Name: "umer"}); len(got) != 1 || got[0].ID != "Q2" {
		t.Errorf("Actors(umer) = %+v", got)
	}
	if got, _ := s.Actors(context.Background(), chronicle.ActorFilter{Type: "gpe"}); len(got) != 1 || got[0].ID != "RUS" {
		t.Errorf("Actors(type gpe) = %+v", got)
	}
}

func testCharOffsets(t *testing.T, s chronicle.Store) {
	text := "«Ça suffit», a déclaré Erdoğan à Ankara."
	d := newDoc(text, day0).actor("ERD", "Recep Tayyip Erdoğan", "PERSON", "Erdoğan").
		quote("Erdoğan", "ERD", "a déclaré", "Ça suffit").doc
	put(t, s, d)
	qs, err := s.Quotes(context.Background(), chronicle.QuoteFilter{DocID: d.ID})
	if err != nil || len(qs) != 1 {
		t.Fatalf("Quotes = %v, %v", qs, err)
	}
	q := qs[0]
	if q.Content != "Ça suffit" || q.Speaker != "Erdoğan" || q.Cue != "a déclaré" {
		t.Errorf("quote = %+v", q)
	}
	if q.Start != 2 || q.End != 12 || q.CharStart != 1 || q.CharEnd != 10 {
		t.Errorf("offsets bytes %d:%d chars %d:%d, want 2:12 and 1:10", q.Start, q.End, q.CharStart, q.CharEnd)
	}
}

// testEntitiesWithoutActors: with no actor stage, entity names make a
// provisional registry that stories and queries use.
func testEntitiesWithoutActors(t *testing.T, s chronicle.Store) {
	ent := func(b *builder, sub, typ string, i int) {
		b.doc.Entities = append(b.doc.Entities, chronicle.Entity{Span: b.span(sub, i), Type: typ, Confidence: 0.9})
	}
	b1 := newDoc(talks1, day0)
	ent(b1, "Vladimir Medinsky", "PERSON", 0)
	ent(b1, "Rustem Umerov", "PERSON", 0)
	ent(b1, "Istanbul", "GPE", 0)
	b2 := newDoc(talks2, day0)
	ent(b2, "Medinsky", "PERSON", 0)
	ent(b2, "Umerov", "PERSON", 0)
	b3 := newDoc(strings.Replace(talks2, "Negotiators", "Delegates", 1)+" Medinsky left for Moscow; Umerov returned to Kyiv.", day0)
	ent(b3, "Medinsky", "PERSON", 0)
	ent(b3, "Medinsky", "PERSON", 1)
	ent(b3, "Umerov", "PERSON", 0)
	put(t, s, b1.doc, b2.doc, b3.doc)
	actors, err := s.Actors(context.Background(), chronicle.ActorFilter{Name: "medinsky"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range actors {
		ids = append(ids, fmt.Sprintf("%s/%d/%d", a.ID, a.Mentions, a.Documents))
	}
	// "Vladimir Medinsky" and "Medinsky" stay apart without the resolver.
	if strings.Join(ids, " ") != "PERSON:medinsky/3/2 PERSON:vladimir medinsky/1/1" {
		t.Errorf("actors = %v", ids)
	}
	s2, s3 := doc(t, s, b2.doc.ID).Story, doc(t, s, b3.doc.ID).Story
	if s2 == 0 || s2 != s3 {
		t.Errorf("documents sharing two named persons in stories %d and %d, want one", s2, s3)
	}
}

func testSearch(t *testing.T, s chronicle.Store) {
	put(t, s, talksDoc1(), talksDoc2(), newDoc(other, day0).doc)
	hits, err := s.Search(context.Background(), "prisoner swap", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].DocID != chronicle.DocumentID(talks2) || !strings.Contains(hits[0].Snippet, "prisoner") {
		t.Errorf("Search(prisoner swap) = %+v, want the second talks report", hits)
	}
	if hits, err := s.Search(context.Background(), "Prisoners", 10); err != nil || len(hits) != 2 {
		t.Errorf("Search(Prisoners) = %d hits, %v; want both talks reports (stemmed, any case)", len(hits), err)
	}
	if hits, err := s.Search(context.Background(), "interest rates", 10); err != nil || len(hits) != 1 || hits[0].DocID != chronicle.DocumentID(other) {
		t.Errorf("Search(interest rates) = %+v, %v", hits, err)
	}
	if hits, err := s.Search(context.Background(), `"unbalanced (quote AND OR`, 10); err != nil || len(hits) != 0 {
		t.Errorf("Search(operators) = %v, %v; want no hit and no error", hits, err)
	}
	if _, err := s.Search(context.Background(), "  ", 10); chronicle.ErrorCode(err) != chronicle.EINVALID {
		t.Errorf("Search(empty) error = %v, want %s", err, chronicle.EINVALID)
	}
}

func queued(n int) []*chronicle.Document {
	var docs []*chronicle.Document
	for i := range n {
		docs = append(docs, newDoc(fmt.Sprintf("Queued article number %d says little about anything in particular.", i), day0).doc)
	}
	return docs
}

func testQueue(t *testing.T, s chronicle.Store) {
	ctx := context.Background()
	docs := queued(5)
	if n, err := s.Enqueue(ctx, docs); err != nil || n != 5 {
		t.Fatalf("Enqueue = %d, %v", n, err)
	}
	if n, err := s.Enqueue(ctx, docs); err != nil || n != 0 {
		t.Fatalf("Enqueue again = %d, %v; want 0", n, err)
	}
	if st := stats(t, s); st.Documents != 5 || st.Queued != 5 {
		t.Errorf("stats after enqueue = %+v", st)
	}
	a, err := s.Claim(ctx, "w1", 3, time.Minute)
	if err != nil || len(a) != 3 {
		t.Fatalf("Claim w1 = %d, %v", len(a), err)
	}
	b, err := s.Claim(ctx, "w2", 3, time.Minute)
	if err != nil || len(b) != 2 {
		t.Fatalf("Claim w2 = %d, %v; want the 2 left", len(b), err)
	}
	if c, err := s.Claim(ctx, "w3", 3, time.Minute); err != nil || len(c) != 0 {
		t.Fatalf("Claim w3 = %d, %v; want none", len(c), err)
	}
	if a[0].Text == "" || a[0].ID != chronicle.DocumentID(a[0].Text) || !a[0].Published.Equal(day0) {
		t.Errorf("claimed document = %+v", a[0])
	}
	if n, err := s.Complete(ctx, "w2", a); err != nil || n != 0 {
		t.Errorf("Complete by a worker that holds no claim = %d, %v; want 0", n, err)
	}
	if n, err := s.Complete(ctx, "w1", a); err != nil || n != 3 {
		t.Errorf("Complete w1 = %d, %v", n, err)
	}
	if n, err := s.Put(ctx, b); err != nil || n != 2 {
		t.Errorf("Put of claimed documents = %d, %v; want 2", n, err)
	}
	if st := stats(t, s); st.Documents != 5 || st.Queued != 0 || st.Stories == 0 {
		t.Errorf("stats after completion = %+v", st)
	}
}

func testQueueLease(t *testing.T, s chronicle.Store) {
	ctx := context.Background()
	if _, err := s.Enqueue(ctx, queued(2)); err != nil {
		t.Fatal(err)
	}
	dead, err := s.Claim(ctx, "dead", 2, 200*time.Millisecond)
	if err != nil || len(dead) != 2 {
		t.Fatalf("Claim = %d, %v", len(dead), err)
	}
	if got, _ := s.Claim(ctx, "live", 2, time.Minute); len(got) != 0 {
		t.Fatalf("claimed %d documents under a live lease", len(got))
	}
	time.Sleep(400 * time.Millisecond)
	got, err := s.Claim(ctx, "live", 2, time.Minute)
	if err != nil || len(got) != 2 {
		t.Fatalf("after the lease expired, Claim = %d, %v; want 2", len(got), err)
	}
	if n, _ := s.Complete(ctx, "dead", dead); n != 0 {
		t.Errorf("the dead worker completed %d documents after losing its claim", n)
	}
	if n, _ := s.Complete(ctx, "live", got); n != 2 {
		t.Errorf("Complete live = %d, want 2", n)
	}
}

func testQueueConcurrent(t *testing.T, s chronicle.Store) {
	ctx := context.Background()
	const total = 60
	if _, err := s.Enqueue(ctx, queued(total)); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("w%d", w)
			for {
				docs, err := s.Claim(ctx, name, 4, time.Minute)
				if err != nil {
					errs <- err
					return
				}
				if len(docs) == 0 {
					return
				}
				mu.Lock()
				for _, d := range docs {
					seen[d.ID]++
				}
				mu.Unlock()
				if _, err := s.Complete(ctx, name, docs); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if len(seen) != total {
		t.Errorf("%d documents claimed, want %d", len(seen), total)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("document %s claimed %d times", id, n)
		}
	}
	if st := stats(t, s); st.Queued != 0 || st.Documents != total {
		t.Errorf("stats = %+v", st)
	}
}
