package http

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/http/ui"
)

// templates maps a page name to its template (the page's file parsed over
// templates/base.html).
type templates map[string]*template.Template

var funcs = template.FuncMap{
	"day":    func(t interface{ Format(string) string }) string { return t.Format("2006-01-02") },
	"pct":    func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"q":      url.QueryEscape,
	"p":      url.PathEscape,
	"quoted": quoted,
}

// quoted renders a quote's content: a direct quote in quotation marks
// unless its content already carries them (the extractor keeps the writer's
// marks); an indirect or mixed one as written, with only the marks it has.
func quoted(kind, content string) string {
	content = strings.TrimSpace(content)
	if kind != "direct" || content == "" {
		return content
	}
	if r, _ := utf8.DecodeRuneInString(content); strings.ContainsRune("\"'“”‘’«»„", r) {
		return content
	}
	return "“" + content + "”"
}

func parseTemplates() (templates, error) {
	base, err := template.New("base.html").Funcs(funcs).ParseFS(ui.FS, "templates/base.html", "templates/parts.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(ui.FS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := templates{}
	for _, n := range names {
		name := path.Base(n)
		if name == "base.html" || name == "parts.html" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(ui.FS, n)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(name, ".html")] = t
	}
	return out, nil
}

// pageData is what every page template gets.
type pageData struct {
	Title string
	Query string // the search box's text
	Data  any
}

// pageHandler adapts a page handler that returns an error; errors become
// an HTML error page with the status of the error.
func (s *Server) pageHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			status, _, msg := s.status(r, err)
			s.render(w, r, status, "error", pageData{Title: http.StatusText(status), Data: msg})
		}
	})
}

// render executes a page into a buffer first, so that a template error
// never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) error {
	var buf bytes.Buffer
	if err := s.tmpl[name].ExecuteTemplate(&buf, "base.html", data); err != nil {
		s.log.Error("http: template", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return nil
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

type homeData struct {
	Stats   chronicle.StoreStats
	Stories []chronicle.Story
	Actors  []chronicle.StoredActor
	Events  []chronicle.StoredEvent
}

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	var d homeData
	var err error
	if d.Stats, err = s.cfg.Store.Stats(ctx); err != nil {
		return err
	}
	if d.Stories, err = s.cfg.Store.Stories(ctx, chronicle.StoryFilter{Limit: 10}); err != nil {
		return err
	}
	if d.Actors, err = s.cfg.Store.Actors(ctx, chronicle.ActorFilter{Limit: 20}); err != nil {
		return err
	}
	if d.Events, err = s.events(ctx, chronicle.EventFilter{Limit: 15}); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "home", pageData{Title: "Chronicle", Data: d})
}

type searchData struct {
	Hits   []chronicle.SearchHit
	Actors []chronicle.StoredActor
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	q := query{r}.str("q")
	var d searchData
	if q != "" {
		var err error
		if d.Hits, err = s.cfg.Store.Search(r.Context(), q, 50); err != nil {
			return err
		}
		if d.Actors, err = s.cfg.Store.Actors(r.Context(), chronicle.ActorFilter{Name: q, Limit: 20}); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "search", pageData{Title: "Search: " + q, Query: q, Data: d})
}

// statusSeries is the chart series of an event: happened's, or 2 for one
// that did not (or not yet) happen, drawn hollow so that a threat or an
// intention never passes for the act.
func statusSeries(e *chronicle.StoredEvent, happened int) int {
	if e.Status != "" {
		return 2
	}
	return happened
}

// notHappened is the legend of series 2.
const notHappened = "stated, not happened (intended, threatened, denied …)"

type actorData struct {
	*ActorDetail
	Chart    *chart
	Partners []partner
}

// partner is an actor that the page's actor has events with.
type partner struct {
	ID, Name string
	Events   int
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	d, err := s.actor(r.Context(), id)
	if err != nil {
		return err
	}
	var pts []chartPoint
	counts := map[string]*partner{}
	addPartner := func(id, name string) {
		if id == "" || id == d.Actor.ID {
			return
		}
		p := counts[id]
		if p == nil {
			p = &partner{ID: id, Name: name}
			counts[id] = p
		}
		p.Events++
	}
	for i := range d.AsSource {
		e := &d.AsSource[i]
		pts = append(pts, chartPoint{Date: eventDay(e), Row: e.Type, Series: statusSeries(e, 0), Title: eventTitle(e), Href: fmt.Sprintf("/events/%d", e.ID)})
		addPartner(e.TargetActor, e.TargetName)
	}
	for i := range d.AsTarget {
		e := &d.AsTarget[i]
		pts = append(pts, chartPoint{Date: eventDay(e), Row: e.Type, Series: statusSeries(e, 1), Title: eventTitle(e), Href: fmt.Sprintf("/events/%d", e.ID)})
		addPartner(e.SourceActor, e.SourceName)
	}
	var partners []partner
	for _, p := range counts {
		partners = append(partners, *p)
	}
	slices.SortFunc(partners, func(a, b partner) int {
		if a.Events != b.Events {
			return b.Events - a.Events
		}
		return strings.Compare(a.ID, b.ID)
	})
	data := actorData{ActorDetail: d, Chart: buildChart(pts, []string{"as source", "as target", notHappened}), Partners: partners[:min(len(partners), 20)]}
	return s.render(w, r, http.StatusOK, "actor", pageData{Title: d.Actor.Name, Data: data})
}

type dyadData struct {
	*Dyad
	NameA, NameB string
	Chart        *chart
}

func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) error {
	d, err := s.dyad(r)
	if err != nil {
		return err
	}
	var pts []chartPoint
	for i := range d.AtoB {
		e := &d.AtoB[i]
		pts = append(pts, chartPoint{Date: eventDay(e), Row: e.Type, Series: statusSeries(e, 0), Title: eventTitle(e), Href: fmt.Sprintf("/events/%d", e.ID)})
	}
	for i := range d.BtoA {
		e := &d.BtoA[i]
		pts = append(pts, chartPoint{Date: eventDay(e), Row: e.Type, Series: statusSeries(e, 1), Title: eventTitle(e), Href: fmt.Sprintf("/events/%d", e.ID)})
	}
	data := dyadData{Dyad: d, NameA: d.A, NameB: d.B}
	// Show the actors by the names the events give them.
	if len(d.AtoB) > 0 {
		data.NameA, data.NameB = d.AtoB[0].SourceName, d.AtoB[0].TargetName
	} else if len(d.BtoA) > 0 {
		data.NameA, data.NameB = d.BtoA[0].TargetName, d.BtoA[0].SourceName
	}
	data.Chart = buildChart(pts, []string{data.NameA + " → " + data.NameB, data.NameB + " → " + data.NameA, notHappened})
	return s.render(w, r, http.StatusOK, "dyad", pageData{Title: data.NameA + " and " + data.NameB, Data: data})
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	st, err := s.story(r.Context(), id)
	if err != nil {
		return err
	}
	title := st.Title
	if title == "" {
		title = fmt.Sprintf("Story %d", id)
	}
	return s.render(w, r, http.StatusOK, "story", pageData{Title: title, Data: st})
}

type eventData struct {
	*EventDetail
	Documents map[string]*chronicle.StoredDocument
}

func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ev, err := s.event(r.Context(), id)
	if err != nil {
		return err
	}
	docs := map[string]*chronicle.StoredDocument{}
	for _, rep := range ev.Reports {
		if docs[rep.DocID] != nil {
			continue
		}
		d, err := s.cfg.Store.Document(r.Context(), rep.DocID)
		if err != nil {
			return err
		}
		d.Text = ""
		docs[d.ID] = d
	}
	return s.render(w, r, http.StatusOK, "event", pageData{Title: eventTitle(&ev.Event), Data: eventData{EventDetail: ev, Documents: docs}})
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) error {
	sd, err := s.cfg.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	a, err := s.article(r.Context(), sd)
	if err != nil {
		return err
	}
	title := sd.Title
	if title == "" {
		title = "Document " + sd.ID
	}
	return s.render(w, r, http.StatusOK, "document", pageData{Title: title, Data: a})
}

func (s *Server) article(ctx context.Context, sd *chronicle.StoredDocument) (*article, error) {
	if sd.Status != chronicle.StatusDone {
		return &article{Doc: sd, Segments: []segment{{Text: sd.Text}}, Note: "This document is " + sd.Status + ": not analysed yet."}, nil
	}
	doc, err := s.analysed(ctx, sd)
	if err != nil {
		return nil, err
	}
	return buildArticle(sd, doc), nil
}

// eventDay is the day an event is plotted at; "" for an undated event,
// which the chart counts apart (its first report is when it was read, not
// when it happened).
func eventDay(e *chronicle.StoredEvent) string {
	if len(e.Date) >= 10 {
		return e.Date[:10]
	}
	return ""
}

func eventTitle(e *chronicle.StoredEvent) string {
	src, tgt := e.SourceName, e.TargetName
	if src == "" {
		src = "?"
	}
	if tgt == "" {
		tgt = "?"
	}
	t := src + " " + e.Type + " " + tgt
	if e.Status != "" {
		t += " [" + e.Status + "]"
	}
	if e.Date != "" {
		t += " (" + e.Date + ")"
	}
	return t
}
