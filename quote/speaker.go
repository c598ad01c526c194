package quote

import (
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/timex"
)

// resolve fills Speaker.Actor, Addressee.Actor and Date of out (whose
// record n came from frames[order[n]], whose cue word is token
// heads[order[n]]). When the document has tokens, the date is
// timex.Governing at the cue word; else dateOf.
func resolve(doc *chronicle.Document, out []chronicle.Quote, frames []frame, order []int, heads []int) {
	// The document date, looked up once: timex.Governing would read the
	// dateline again for every quote of an undated document.
	pub := doc.Published
	if pub.IsZero() {
		if d, ok := timex.Dateline(doc.Text); ok {
			pub = d
		}
	}
	date := ""
	if !pub.IsZero() {
		date = pub.Format("2006-01-02")
	}
	gdoc := doc
	if pub != doc.Published {
		cp := *doc // shallow: Governing only reads
		cp.Published = pub
		gdoc = &cp
	}
	pos := make(map[int]int, len(order))
	for n, fi := range order {
		pos[fi] = n
	}
	for n := range out {
		q := &out[n]
		q.Speaker.Actor = actorAt(doc, q.Speaker.Span)
		if q.Addressee != nil {
			q.Addressee.Actor = actorAt(doc, q.Addressee.Span)
		}
		if cue := heads[order[n]]; len(doc.Timexes) > 0 && cue < len(doc.Tokens) {
			g := timex.Governing(gdoc, cue)
			q.Date = g.Value
			if g.Timex >= 0 && g.Timex < len(doc.Timexes) && q.Content.Overlaps(doc.Timexes[g.Timex].Span) {
				// a time inside what was said dates the content, not the saying
				q.Date = date
			}
		} else if len(doc.Tokens) > 0 {
			q.Date = date // no time expression: Governing would give the DCT
		} else {
			q.Date = dateOf(doc, q, date)
		}
	}
	// shared and first-person speakers take the actor of the frame they
	// lean on, in text order so that chains resolve
	for n, fi := range order {
		f := &frames[fi]
		q := &out[n]
		if q.Speaker.Actor != "" {
			continue
		}
		switch {
		case f.self && q.Parent >= 0:
			q.Speaker.Actor = out[q.Parent].Speaker.Actor
		case f.inherit >= 0:
			q.Speaker.Actor = out[pos[int(f.inherit)]].Speaker.Actor
		}
	}
}

// actorAt returns the id of the actor with a mention equal to, inside or
// around span s, preferring the longest mention; "" when none. A speaker
// phrase with an apposition is read up to its first comma when a mention
// lies there: "Ban Ki-moon, the secretary general of the United Nations" is
// Ban Ki-moon's, while "Kremlin spokesman Dmitry Peskov" stays Peskov's.
func actorAt(doc *chronicle.Document, s chronicle.Span) string {
	if s.Len() == 0 {
		return ""
	}
	if c := strings.IndexByte(doc.Text[s.Start:s.End], ','); c > 0 {
		if id := longestActorIn(doc, chronicle.Span{Start: s.Start, End: s.Start + c}); id != "" {
			return id
		}
	}
	best := longestActorIn(doc, s)
	if best == "" {
		for ei := range doc.Entities {
			e := &doc.Entities[ei]
			if e.Actor != "" && (s.Contains(e.Span) || e.Span.Contains(s)) {
				return e.Actor
			}
		}
	}
	return best
}

// longestActorIn returns the id of the actor with the longest mention
// equal to, inside or around span s; "" when none.
func longestActorIn(doc *chronicle.Document, s chronicle.Span) string {
	best, bestLen := "", 0
	for ai := range doc.Actors {
		a := &doc.Actors[ai]
		for _, m := range a.Mentions {
			if (s.Contains(m.Span) || m.Span.Contains(s)) && m.Len() > bestLen {
				best, bestLen = a.ID, m.Len()
			}
		}
	}
	return best
}

// dateOf is the governing date of a quote: a time expression in the frame
// (speaker, cue, addressee and what lies between them), else the document's
// publication date.
func dateOf(doc *chronicle.Document, q *chronicle.Quote, published string) string {
	lo, hi := q.Cue.Start, q.Cue.End
	if q.Speaker.Len() > 0 {
		lo, hi = min(lo, q.Speaker.Start), max(hi, q.Speaker.End)
	}
	if q.Addressee != nil {
		hi = max(hi, q.Addressee.End)
	}
	// the frame reaches to the content, or to the sentence end after it
	if q.Content.Start >= hi {
		hi = q.Content.Start
	} else if e := strings.IndexAny(doc.Text[hi:], ".\n"); e >= 0 {
		hi += e
	}
	for ti := range doc.Timexes {
		t := &doc.Timexes[ti]
		if t.Start >= lo && t.End <= hi && !q.Content.Overlaps(t.Span) && t.Value != "" {
			return t.Value
		}
	}
	return published
}

// SpeakerName returns the name to show for the speaker of doc.Quotes[i]:
// the resolved actor's name; for an unresolved pronoun ("he", "she",
// "they", "who"), the nearest preceding named speaker of another quote or,
// failing that, the nearest preceding PERSON entity (a simple resolution,
// not coreference); for "I"/"we" inside a quote, the enclosing quote's
// speaker; otherwise the speaker text. It returns "" when the quote has no
// speaker and i out of range.
func SpeakerName(doc *chronicle.Document, i int) string {
	return speakerName(doc, i, 0)
}

func speakerName(doc *chronicle.Document, i, depth int) string {
	if i < 0 || i >= len(doc.Quotes) || depth > 8 {
		return ""
	}
	q := &doc.Quotes[i]
	if q.Speaker.Actor != "" {
		for ai := range doc.Actors {
			if doc.Actors[ai].ID == q.Speaker.Actor {
				return doc.Actors[ai].Name
			}
		}
	}
	if q.Speaker.Len() == 0 || q.Speaker.End > len(doc.Text) {
		return ""
	}
	text := doc.Text[q.Speaker.Start:q.Speaker.End]
	w := strings.ToLower(text)
	switch {
	case (w == "i" || w == "we") && q.Parent >= 0:
		return speakerName(doc, q.Parent, depth+1)
	case w == "he" || w == "she" || w == "they" || w == "who" || w == "it":
		if name := antecedent(doc, i, w, depth); name != "" {
			return name
		}
	}
	return text
}

// antecedent finds a name for pronoun speaker of quote i: the nearest
// preceding named speaker of another quote, or PERSON entity.
func antecedent(doc *chronicle.Document, i int, pron string, depth int) string {
	at := doc.Quotes[i].Speaker.Start
	bestPos, best := -1, ""
	for j := range doc.Quotes {
		p := &doc.Quotes[j]
		if j == i || p.Speaker.Len() == 0 || p.Speaker.End > at {
			continue
		}
		if pronouns[strings.ToLower(doc.Text[p.Speaker.Start:p.Speaker.End])] {
			continue
		}
		if p.Speaker.Start > bestPos && startsUpper(doc.Text[p.Speaker.Start:p.Speaker.End]) {
			bestPos, best = p.Speaker.Start, speakerName(doc, j, depth+1)
		}
	}
	want := chronicle.EntityPerson
	if pron == "they" || pron == "it" || pron == "who" {
		want = ""
	}
	for ei := range doc.Entities {
		e := &doc.Entities[ei]
		if e.End <= at && e.Start > bestPos && (want == "" || e.Type == want) {
			bestPos, best = e.Start, doc.Text[e.Start:e.End]
		}
	}
	return best
}

func startsUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }
