package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/chronicle-news/chronicle"
)

// WriteText writes a readable report of the document for a person: metadata,
// then actors, time expressions, quotes and events, each with its evidence.
func WriteText(w io.Writer, doc *chronicle.Document) error {
	o := Build(doc, Options{})
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	title := o.Document.Title
	if title == "" {
		title = "(untitled)"
	}
	p("%s\n", title)
	published := "unknown (relative dates are not resolved)"
	if o.Document.Published != nil {
		published = *o.Document.Published
	}
	relevance := ""
	if r := o.Document.Relevance; r != nil {
		relevance = fmt.Sprintf(" · relevance %.3f", *r)
	}
	p("id %s · published %s · %d paragraphs · %d sentences · %d tokens%s\n",
		o.Document.ID, published, len(o.Document.Paragraphs), len(o.Sentences), len(doc.Tokens), relevance)
	if o.Document.URL != "" {
		p("%s\n", o.Document.URL)
	}
	for _, pr := range o.Document.Problems {
		p("! %s at %d: %s\n", pr.Kind, pr.Offset, pr.Message)
	}

	if len(o.Events) > 0 {
		p("\nEvents\n")
		for _, e := range o.Events {
			date := e.Date
			if date == "" {
				date = "????-??-??"
			}
			place := e.Place
			if place == "" {
				place = "—"
			}
			kind := e.Type
			if e.Mode != "" {
				kind += "/" + e.Mode
			}
			status := e.Modality
			if e.Negated {
				status = "negated"
				if e.Modality != "" && e.Modality != "asserted" {
					status += " " + e.Modality
				}
			}
			p("  %s · %s → %s · %s · %s", date, actorLabel(e.Source, doc), actorLabel(e.Target, doc), kind, place)
			if status != "" && status != "asserted" {
				p(" · %s", status)
			}
			if e.Scope != "" {
				p(" · not stored (%s)", e.Scope)
			}
			p("\n      evidence: %q [%d:%d]\n      why: %s\n", e.Evidence.Text, e.Evidence.Start, e.Evidence.End, e.Why)
		}
	}
	if len(o.Quotes) > 0 {
		p("\nQuotes\n")
		for _, q := range o.Quotes {
			who := q.Speaker.Name
			if who == "" {
				who = q.Speaker.Text
			}
			if who == "" {
				who = "(unknown speaker)"
			}
			p("  %s (%s, %s", who, q.Cue.Text, q.Kind)
			if q.Addressee != nil {
				p(", to %s", q.Addressee.Text)
			}
			if q.Date != "" {
				p(", %s", q.Date)
			}
			p("): %s\n", oneLine(q.Content.Text))
		}
	}
	if len(o.Actors) > 0 {
		p("\nActors\n")
		for _, a := range o.Actors {
			var roles []string
			for _, r := range a.Roles {
				roles = append(roles, r.Title)
			}
			p("  %-28s %-6s %-4s %-12s %s\n", a.Name, a.Type, a.Country, a.Sector, strings.Join(roles, "; "))
			var ms []string
			for _, m := range a.Mentions {
				ms = append(ms, fmt.Sprintf("%q@%d", m.Text, m.Start))
			}
			p("      mentions: %s\n", strings.Join(ms, ", "))
		}
	} else if len(o.Entities) > 0 {
		p("\nEntities\n")
		for _, e := range o.Entities {
			p("  %-7s %q [%d:%d]\n", e.Type, e.Text, e.Start, e.End)
		}
	}
	if len(o.Timexes) > 0 {
		p("\nTime expressions\n")
		for _, t := range o.Timexes {
			p("  %-9s %-14s %-10s %q [%d:%d]\n", t.Type, t.Value, t.Mod, t.Text, t.Start, t.End)
		}
	}
	return bw.Flush()
}

// actorLabel names an event participant by country code, else actor name,
// else its text.
func actorLabel(r RefOut, doc *chronicle.Document) string {
	if r.Actor != "" {
		for i := range doc.Actors {
			if doc.Actors[i].ID == r.Actor {
				if doc.Actors[i].Type == chronicle.EntityGPE && doc.Actors[i].Country != "" {
					return doc.Actors[i].Country
				}
				return doc.Actors[i].Name
			}
		}
	}
	if r.Text == "" {
		return "—"
	}
	return r.Text
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
