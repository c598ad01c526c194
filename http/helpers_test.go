package http_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/sqlite"
)

// openStore returns an empty SQLite store in a temporary folder.
func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var (
	eventTypes = []string{"CONSULT", "AGREE", "ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN", "ASSAULT",
		"COERCE", "AID", "RETREAT", "MOBILIZE", "SANCTION", "PROTEST", "COOPERATE", "CONCEDE"}
	actorNames = []string{"Russia", "Ukraine", "Turkey", "United States", "France", "Germany", "China", "India",
		"Brazil", "Japan", "Iran", "Israel", "Egypt", "Qatar", "Poland", "Italy", "Spain", "Canada", "Mexico", "Kenya",
		"Nigeria", "Ethiopia", "Sudan", "Syria", "Iraq", "Jordan", "Saudi Arabia", "Pakistan", "Vietnam", "Chile"}
	words = strings.Fields("the talks officials said on delegation minister ceasefire border trade agreement " +
		"meeting capital forces statement week government president spokesman envoy summit aid")
)

// actorID is the registry id of actorNames[i].
func actorID(i int) string { return fmt.Sprintf("A%02d", i) }

// genDoc makes document j by hand: nEvents events, each with its own
// sentence as evidence, between actors chosen from j, on a day that is
// unique to the document (so no two documents' events merge).
func genDoc(j, nEvents int, rng *rand.Rand) *chronicle.Document {
	day := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, j)
	var b strings.Builder
	type pending struct {
		typ           string
		src, tgt      int
		srcSp, tgtSp  chronicle.Span
		evidence, why chronicle.Span
	}
	var evs []pending
	mentions := map[int][]chronicle.Span{}
	for i := range nEvents {
		typ := eventTypes[i%len(eventTypes)]
		src := (j + i) % len(actorNames)
		tgt := (j + 2*i + 1) % len(actorNames)
		if tgt == src {
			tgt = (tgt + 1) % len(actorNames)
		}
		start := b.Len()
		b.WriteString(actorNames[src])
		srcSp := chronicle.Span{Start: start, End: b.Len()}
		b.WriteString(" chose to " + strings.ToLower(typ) + " ")
		tstart := b.Len()
		b.WriteString(actorNames[tgt])
		tgtSp := chronicle.Span{Start: tstart, End: b.Len()}
		for range 6 {
			b.WriteString(" " + words[rng.IntN(len(words))])
		}
		fmt.Fprintf(&b, " %d.\n", rng.IntN(1_000_000))
		evs = append(evs, pending{typ: typ, src: src, tgt: tgt, srcSp: srcSp, tgtSp: tgtSp,
			evidence: chronicle.Span{Start: start, End: b.Len() - 2}})
		mentions[src] = append(mentions[src], srcSp)
		mentions[tgt] = append(mentions[tgt], tgtSp)
	}
	text := b.String()
	d := &chronicle.Document{ID: chronicle.DocumentID(text), Text: text, Language: "en", Published: day,
		Title: fmt.Sprintf("Report %d", j), Source: fmt.Sprintf("wire%d", j%7)}
	for a := range actorNames {
		if len(mentions[a]) == 0 {
			continue
		}
		ac := chronicle.Actor{ID: actorID(a), Name: actorNames[a], Type: chronicle.EntityGPE}
		for _, sp := range mentions[a] {
			ac.Mentions = append(ac.Mentions, chronicle.Mention{Span: sp, Kind: chronicle.MentionNamed})
		}
		d.Actors = append(d.Actors, ac)
	}
	for _, e := range evs {
		d.Events = append(d.Events, chronicle.Event{
			Type: e.typ, Source: chronicle.Ref{Span: e.srcSp, Actor: actorID(e.src)},
			Target: chronicle.Ref{Span: e.tgtSp, Actor: actorID(e.tgt)}, Date: day.Format("2006-01-02"),
			Modality: "asserted", Evidence: e.evidence, Why: "test pattern " + e.typ, Confidence: 0.9, Quote: -1,
		})
	}
	return d
}

// fill stores nDocs generated documents of nEvents events each and
// returns the number of events stored.
func fill(t testing.TB, s chronicle.Store, nDocs, nEvents int) int {
	t.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	const batch = 200
	for j := 0; j < nDocs; j += batch {
		var docs []*chronicle.Document
		for k := j; k < min(j+batch, nDocs); k++ {
			docs = append(docs, genDoc(k, nEvents, rng))
		}
		if _, err := s.Put(ctx, docs); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st.Events
}
