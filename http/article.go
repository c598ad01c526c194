package http

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
)

// article is an analysed document laid out for the article page: the text
// cut into segments at every annotation boundary, each segment knowing the
// annotations that cover it, and the details of every annotation.
type article struct {
	Doc         *chronicle.StoredDocument
	Segments    []segment
	Annotations []annotation
	Note        string
}

// segment is a run of text covered by the same annotations.
type segment struct {
	Text  string
	Class string // "k-event k-quote ..." for the kinds covering it
	Anns  string // space-separated annotation ids, innermost first
}

// annotation is one highlighted record with what explains it.
type annotation struct {
	ID    string // "ev-0", "q-1", "tx-2", "en-3"
	Kind  string // event, quote, timex, entity
	Label string
	Text  string
	start int
	end   int
	// Fields shows the resolved values, in order.
	Fields []field
}

type field struct {
	Name, Value string
	Href        string // optional link
}

// buildArticle lays out the layers of doc (byte offsets into its text).
func buildArticle(sd *chronicle.StoredDocument, doc *chronicle.Document) *article {
	a := &article{Doc: sd}
	text := doc.Text
	valid := func(s chronicle.Span) bool {
		return 0 <= s.Start && s.Start < s.End && s.End <= len(text) &&
			utf8.RuneStart(text[s.Start]) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
	}
	spanText := func(s chronicle.Span) string {
		if !valid(s) {
			return ""
		}
		return text[s.Start:s.End]
	}
	actorName := map[string]string{}
	for _, ac := range doc.Actors {
		actorName[ac.ID] = ac.Name
	}
	ref := func(name string, r chronicle.Ref) field {
		f := field{Name: name, Value: spanText(r.Span)}
		if r.Actor != "" {
			n := actorName[r.Actor]
			if n == "" {
				n = r.Actor
			}
			if n != f.Value {
				f.Value += " → " + n
			}
			f.Href = "/actors/" + r.Actor
		}
		if f.Value == "" {
			f.Value = "—"
		}
		return f
	}
	add := func(an annotation, s chronicle.Span) {
		if !valid(s) {
			return
		}
		an.start, an.end, an.Text = s.Start, s.End, text[s.Start:s.End]
		a.Annotations = append(a.Annotations, an)
	}
	for i, e := range doc.Events {
		fs := []field{
			{Name: "type", Value: e.Type},
			ref("source", e.Source),
			ref("target", e.Target),
		}
		if e.Mode != "" {
			fs = append(fs, field{Name: "mode", Value: e.Mode})
		}
		if e.Date != "" {
			fs = append(fs, field{Name: "date", Value: e.Date})
		}
		if e.Place != "" {
			fs = append(fs, field{Name: "place", Value: strings.TrimSpace(e.Place + " " + e.PlaceCountry)})
		}
		fs = append(fs, field{Name: "modality", Value: e.Modality}, field{Name: "negated", Value: fmt.Sprint(e.Negated)},
			field{Name: "confidence", Value: fmt.Sprintf("%.2f", e.Confidence)}, field{Name: "why", Value: e.Why})
		if e.Quote >= 0 && e.Quote < len(doc.Quotes) {
			fs = append(fs, field{Name: "reported in", Value: fmt.Sprintf("quote %d", e.Quote), Href: fmt.Sprintf("#q-%d", e.Quote)})
		}
		label := e.Type
		if e.Scope != "" {
			// shown for review, as extract shows it, but not in the chronicle
			fs = append(fs, field{Name: "not stored", Value: e.Scope})
			label = "(" + e.Scope + ") " + label
		}
		if src, tgt := spanText(e.Source.Span), spanText(e.Target.Span); src != "" || tgt != "" {
			label += ": " + src + " → " + tgt
		}
		add(annotation{ID: fmt.Sprintf("ev-%d", i), Kind: "event", Label: label, Fields: fs}, e.Evidence)
	}
	for i, q := range doc.Quotes {
		fs := []field{{Name: "kind", Value: q.Kind}, ref("speaker", q.Speaker), {Name: "cue", Value: spanText(q.Cue)}}
		if q.Addressee != nil {
			fs = append(fs, ref("addressee", *q.Addressee))
		}
		if q.Date != "" {
			fs = append(fs, field{Name: "date", Value: q.Date})
		}
		an := annotation{ID: fmt.Sprintf("q-%d", i), Kind: "quote", Label: "quote: " + spanText(q.Speaker.Span), Fields: fs}
		add(an, q.Content)
		if valid(q.Speaker.Span) && !q.Speaker.Span.Overlaps(q.Content) {
			sp := an
			sp.ID, sp.Kind, sp.Label = fmt.Sprintf("qs-%d", i), "speaker", "speaker of quote "+fmt.Sprint(i)
			sp.Fields = append([]field{{Name: "quote", Value: spanText(q.Content), Href: fmt.Sprintf("#q-%d", i)}}, fs...)
			add(sp, q.Speaker.Span)
		}
	}
	for i, t := range doc.Timexes {
		fs := []field{{Name: "type", Value: t.Type}, {Name: "value", Value: t.Value}}
		if t.Mod != "" {
			fs = append(fs, field{Name: "mod", Value: t.Mod})
		}
		fs = append(fs, field{Name: "anchor", Value: t.Anchor}, field{Name: "confidence", Value: fmt.Sprintf("%.2f", t.Confidence)})
		add(annotation{ID: fmt.Sprintf("tx-%d", i), Kind: "timex", Label: spanText(t.Span) + " = " + t.Value, Fields: fs}, t.Span)
	}
	for i, e := range doc.Entities {
		fs := []field{{Name: "type", Value: e.Type}, {Name: "confidence", Value: fmt.Sprintf("%.2f", e.Confidence)}}
		if e.Actor != "" {
			fs = append(fs, field{Name: "actor", Value: actorName[e.Actor], Href: "/actors/" + e.Actor})
		}
		add(annotation{ID: fmt.Sprintf("en-%d", i), Kind: "entity", Label: spanText(e.Span) + " (" + e.Type + ")", Fields: fs}, e.Span)
	}
	a.Segments = segments(text, a.Annotations)
	return a
}

// segments cuts text at every annotation boundary.
func segments(text string, anns []annotation) []segment {
	cuts := []int{0, len(text)}
	for _, an := range anns {
		cuts = append(cuts, an.start, an.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	// Innermost (shortest) annotations first, so a click picks the most
	// specific one.
	order := make([]int, len(anns))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return (anns[x].end - anns[x].start) - (anns[y].end - anns[y].start)
	})
	out := make([]segment, 0, len(cuts))
	var ids, kinds []string
	for i := 0; i+1 < len(cuts); i++ {
		lo, hi := cuts[i], cuts[i+1]
		ids, kinds = ids[:0], kinds[:0]
		for _, j := range order {
			an := &anns[j]
			if an.start <= lo && hi <= an.end {
				ids = append(ids, an.ID)
				if k := "k-" + an.Kind; !slices.Contains(kinds, k) {
					kinds = append(kinds, k)
				}
			}
		}
		slices.Sort(kinds)
		out = append(out, segment{Text: text[lo:hi], Class: strings.Join(kinds, " "), Anns: strings.Join(ids, " ")})
	}
	return out
}
