package http

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/http/ui"
	"github.com/chronicle-news/chronicle/report"
)

// Page sizes of list endpoints.
const (
	defaultLimit = 50
	maxLimit     = 500
)

// List is the body of every list endpoint: a page of items and the cursor
// of the next page ("" on the last page).
type List[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// apiHandler adapts a handler that returns an error to http.Handler,
// writing the error as {"error": {"code", "message"}}.
func (s *Server) apiHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			status, code, msg := s.status(r, err)
			writeJSONError(w, status, code, msg)
		}
	})
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "message": msg}})
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

func invalid(format string, args ...any) error {
	return chronicle.Errorf(chronicle.EINVALID, "api", format, args...)
}

// query reads the query parameters of list endpoints.
type query struct {
	r *http.Request
}

func (q query) str(name string) string { return strings.TrimSpace(q.r.URL.Query().Get(name)) }

func (q query) int(name string, def, lo, hi int) (int, error) {
	v := q.str(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, invalid("%s=%q: want an integer from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

func (q query) date(name string) (time.Time, error) {
	v := q.str(name)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, invalid("%s=%q: want YYYY-MM-DD or an RFC 3339 time", name, v)
	}
	return t, nil
}

func (q query) limit() (int, error) { return q.int("limit", defaultLimit, 1, maxLimit) }

func pathID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, invalid("id %q: want a positive integer", v)
	}
	return id, nil
}

// eventFilter reads the event filters, the same as the CLI's flags.
func (q query) eventFilter() (chronicle.EventFilter, error) {
	f := chronicle.EventFilter{Actor: q.str("actor"), Target: q.str("target"), Type: q.str("type"), Status: q.str("status")}
	var err error
	if f.Since, err = q.date("since"); err != nil {
		return f, err
	}
	if f.Until, err = q.date("until"); err != nil {
		return f, err
	}
	if v := q.str("story"); v != "" {
		if f.Story, err = strconv.ParseInt(v, 10, 64); err != nil || f.Story <= 0 {
			return f, invalid("story=%q: want a positive integer", v)
		}
	}
	return f, nil
}

// eventCursor is a keyset position in the events order (day DESC, id
// DESC): the last event returned, how many events of its day were
// returned so far, and how many events in all.
type eventCursor struct {
	Day  string `json:"d"`
	ID   int64  `json:"i"`
	Same int    `json:"s"`
	Off  int    `json:"o"`
}

func encodeCursor(v any) string {
	b, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, v) != nil {
		return invalid("bad cursor")
	}
	return nil
}

// after reports whether e comes after the cursor in the events order.
func (c *eventCursor) after(e *chronicle.StoredEvent) bool {
	return e.Date < c.Day || (e.Date == c.Day && e.ID < c.ID)
}

// pageEvents returns one page of the events that match f, starting after
// cursor (empty for the first page). For a store without an EventPager it
// is built on Store.Events: each page reads the events from the first and
// keeps those after the cursor's (day, id), so no page repeats an event
// while events are added.
func pageEvents(ctx context.Context, st chronicle.Store, pager chronicle.EventPager, f chronicle.EventFilter, n int, cursor string) (List[chronicle.StoredEvent], error) {
	if pager != nil {
		return pageEventsKeyset(ctx, pager, f, n, cursor)
	}
	var c *eventCursor
	skip := 0
	if cursor != "" {
		c = new(eventCursor)
		if err := decodeCursor(cursor, c); err != nil {
			return List[chronicle.StoredEvent]{}, err
		}
		if c.Same < 0 || c.Off < 0 || c.Same > c.Off {
			return List[chronicle.StoredEvent]{}, invalid("bad cursor")
		}
		if c.Day != "" {
			if _, err := time.Parse("2006-01-02", c.Day); err != nil {
				return List[chronicle.StoredEvent]{}, invalid("bad cursor")
			}
		}
		// Not narrowed to the cursor's day with Until: undated events,
		// which come last, are in no date range.
		skip = c.Off
	}
	// Events added since the cursor was made come before it and are
	// filtered out, so read more until a page's worth remains or the
	// store has no more.
	var evs []chronicle.StoredEvent
	full := false
	for limit := skip + n + 1; ; limit *= 2 {
		f.Limit = limit
		all, err := st.Events(ctx, f)
		if err != nil {
			return List[chronicle.StoredEvent]{}, err
		}
		full = len(all) == f.Limit
		evs = all
		if c != nil {
			evs = all[:0]
			for i := range all {
				if c.after(&all[i]) {
					evs = append(evs, all[i])
				}
			}
		}
		if len(evs) > n || !full {
			break
		}
	}
	out := List[chronicle.StoredEvent]{Items: evs}
	if out.Items == nil {
		out.Items = []chronicle.StoredEvent{}
	}
	if len(evs) > n || full {
		if len(evs) > n {
			out.Items = evs[:n]
		}
		if len(out.Items) == 0 {
			return out, nil
		}
		last := out.Items[len(out.Items)-1]
		next := eventCursor{Day: last.Date, ID: last.ID}
		if c != nil {
			next.Off = c.Off
			if c.Day == last.Date {
				next.Same = c.Same
			}
		}
		next.Off += len(out.Items)
		for i := len(out.Items) - 1; i >= 0 && out.Items[i].Date == last.Date; i-- {
			next.Same++
		}
		out.NextCursor = encodeCursor(next)
	}
	return out, nil
}

// pageEventsKeyset pages with the store's own keyset query.
func pageEventsKeyset(ctx context.Context, p chronicle.EventPager, f chronicle.EventFilter, n int, cursor string) (List[chronicle.StoredEvent], error) {
	var key chronicle.EventKey
	if cursor != "" {
		var c eventCursor
		if err := decodeCursor(cursor, &c); err != nil {
			return List[chronicle.StoredEvent]{}, err
		}
		if c.ID <= 0 {
			return List[chronicle.StoredEvent]{}, invalid("bad cursor")
		}
		key = chronicle.EventKey{Day: c.Day, ID: c.ID}
	}
	f.Limit = n + 1
	evs, err := p.EventsAfter(ctx, f, key)
	if err != nil {
		return List[chronicle.StoredEvent]{}, err
	}
	out := List[chronicle.StoredEvent]{Items: nonNil(evs)}
	if len(evs) > n {
		out.Items = evs[:n]
		last := out.Items[n-1]
		out.NextCursor = encodeCursor(eventCursor{Day: last.Date, ID: last.ID})
	}
	return out, nil
}

// events returns the first events that match f, through the store's
// indexed EventPager query when it has one.
func (s *Server) events(ctx context.Context, f chronicle.EventFilter) ([]chronicle.StoredEvent, error) {
	if s.pager != nil {
		return s.pager.EventsAfter(ctx, f, chronicle.EventKey{})
	}
	return s.cfg.Store.Events(ctx, f)
}

// offsetCursor is a position in a list the store cannot seek in.
type offsetCursor struct {
	Off int `json:"o"`
}

// pageOffset pages a list by position: fetch(limit) returns the first
// limit items.
func pageOffset[T any](cursor string, n int, fetch func(limit int) ([]T, error)) (List[T], error) {
	var c offsetCursor
	if cursor != "" {
		if err := decodeCursor(cursor, &c); err != nil {
			return List[T]{}, err
		}
		if c.Off < 0 || c.Off > 1<<20 {
			return List[T]{}, invalid("bad cursor")
		}
	}
	items, err := fetch(c.Off + n + 1)
	if err != nil {
		return List[T]{}, err
	}
	out := List[T]{Items: []T{}}
	if len(items) > c.Off {
		out.Items = items[c.Off:]
	}
	if len(out.Items) > n {
		out.Items = out.Items[:n]
		out.NextCursor = encodeCursor(offsetCursor{Off: c.Off + n})
	}
	return out, nil
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	q := query{r}
	f, err := q.eventFilter()
	if err != nil {
		return err
	}
	n, err := q.limit()
	if err != nil {
		return err
	}
	page, err := pageEvents(r.Context(), s.cfg.Store, s.pager, f, n, q.str("cursor"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// EventDetail is one event with every report of it.
type EventDetail struct {
	Event   chronicle.StoredEvent   `json:"event"`
	Reports []chronicle.EventReport `json:"reports"`
}

// event finds one event by id: its reports name its first document, whose
// story holds the event.
func (s *Server) event(ctx context.Context, id int64) (*EventDetail, error) {
	reps, err := s.cfg.Store.Reports(ctx, id)
	if err != nil {
		return nil, err
	}
	notFound := chronicle.Errorf(chronicle.ENOTFOUND, "api", "no event %d", id)
	if len(reps) == 0 {
		return nil, notFound
	}
	seen := map[int64]bool{}
	for _, rep := range reps {
		d, err := s.cfg.Store.Document(ctx, rep.DocID)
		if err != nil {
			return nil, err
		}
		if d.Story == 0 || seen[d.Story] {
			continue
		}
		seen[d.Story] = true
		evs, err := s.events(ctx, chronicle.EventFilter{Story: d.Story})
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			if e.ID == id {
				return &EventDetail{Event: e, Reports: reps}, nil
			}
		}
	}
	return nil, notFound
}

func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ev, err := s.event(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ev)
}

// Dyad is the events between two actors, in both directions.
type Dyad struct {
	A, B string                  `json:"-"`
	AtoB []chronicle.StoredEvent `json:"a_to_b"`
	BtoA []chronicle.StoredEvent `json:"b_to_a"`
}

func (s *Server) dyad(r *http.Request) (*Dyad, error) {
	q := query{r}
	a, b := q.str("a"), q.str("b")
	if a == "" || b == "" {
		return nil, invalid("need two actors: a=...&b=...")
	}
	f, err := q.eventFilter()
	if err != nil {
		return nil, err
	}
	n, err := q.int("limit", maxLimit, 1, 5000)
	if err != nil {
		return nil, err
	}
	f.Limit = n
	d := &Dyad{A: a, B: b}
	a, b = filterName(a), filterName(b)
	f.Actor, f.Target = a, b
	if d.AtoB, err = s.events(r.Context(), f); err != nil {
		return nil, err
	}
	f.Actor, f.Target = b, a
	if d.BtoA, err = s.events(r.Context(), f); err != nil {
		return nil, err
	}
	if d.AtoB == nil {
		d.AtoB = []chronicle.StoredEvent{}
	}
	if d.BtoA == nil {
		d.BtoA = []chronicle.StoredEvent{}
	}
	return d, nil
}

func (s *Server) apiDyad(w http.ResponseWriter, r *http.Request) error {
	d, err := s.dyad(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) error {
	q := query{r}
	n, err := q.limit()
	if err != nil {
		return err
	}
	f := chronicle.ActorFilter{Name: q.str("name"), Type: q.str("type")}
	page, err := pageOffset(q.str("cursor"), n, func(limit int) ([]chronicle.StoredActor, error) {
		f.Limit = limit
		return s.cfg.Store.Actors(r.Context(), f)
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// ActorDetail is an actor with its events and quotes.
type ActorDetail struct {
	Actor    chronicle.StoredActor   `json:"actor"`
	AsSource []chronicle.StoredEvent `json:"events_as_source"`
	AsTarget []chronicle.StoredEvent `json:"events_as_target"`
	Quotes   []chronicle.StoredQuote `json:"quotes"`
}

// actorLimit bounds the events and quotes of an actor page.
const actorLimit = 500

func (s *Server) actor(ctx context.Context, id string) (*ActorDetail, error) {
	as, err := s.cfg.Store.Actors(ctx, chronicle.ActorFilter{Name: id})
	if err != nil {
		return nil, err
	}
	var d ActorDetail
	found := false
	for _, a := range as {
		if a.ID == id {
			d.Actor, found = a, true
			break
		}
	}
	name := id
	if !found {
		// Not in the registry: an unresolved participant ("text:..."),
		// known only by the words used for it.
		name = filterName(id)
		d.Actor = chronicle.StoredActor{ID: id, Name: name, Type: "unresolved"}
	}
	// An actor's page shows what it said it would do, threatened or denied
	// too, each with its status; the dyad and story views show happenings.
	if d.AsSource, err = s.events(ctx, chronicle.EventFilter{Actor: name, Status: chronicle.StatusAll, Limit: actorLimit}); err != nil {
		return nil, err
	}
	if d.AsTarget, err = s.events(ctx, chronicle.EventFilter{Target: name, Status: chronicle.StatusAll, Limit: actorLimit}); err != nil {
		return nil, err
	}
	if d.Quotes, err = s.cfg.Store.Quotes(ctx, chronicle.QuoteFilter{Speaker: name, Limit: actorLimit}); err != nil {
		return nil, err
	}
	if !found && len(d.AsSource)+len(d.AsTarget)+len(d.Quotes) == 0 {
		return nil, chronicle.Errorf(chronicle.ENOTFOUND, "api", "no actor %q", id)
	}
	if !found {
		for _, e := range d.AsSource {
			if e.SourceName != "" {
				d.Actor.Name = e.SourceName
				break
			}
		}
	}
	d.AsSource, d.AsTarget, d.Quotes = nonNil(d.AsSource), nonNil(d.AsTarget), nonNil(d.Quotes)
	return &d, nil
}

// filterName turns an actor id into what the store's filters match: the
// id itself, except for unresolved participants ("text:the secretary"),
// which are matched by their words.
func filterName(id string) string {
	if rest, ok := strings.CutPrefix(id, "text:"); ok && rest != "" {
		return rest
	}
	return id
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) error {
	d, err := s.actor(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) error {
	q := query{r}
	n, err := q.limit()
	if err != nil {
		return err
	}
	f := chronicle.QuoteFilter{Speaker: q.str("speaker"), DocID: q.str("doc")}
	page, err := pageOffset(q.str("cursor"), n, func(limit int) ([]chronicle.StoredQuote, error) {
		f.Limit = limit
		return s.cfg.Store.Quotes(r.Context(), f)
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) error {
	q := query{r}
	n, err := q.limit()
	if err != nil {
		return err
	}
	minDocs, err := q.int("min_documents", 0, 0, 1<<20)
	if err != nil {
		return err
	}
	f := chronicle.StoryFilter{Actor: q.str("actor"), MinDocuments: minDocs}
	page, err := pageOffset(q.str("cursor"), n, func(limit int) ([]chronicle.Story, error) {
		f.Limit = limit
		return s.cfg.Store.Stories(r.Context(), f)
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// StoryDetail is a story: its events, each with every report of it, and
// the documents that report them.
type StoryDetail struct {
	ID        int64                                `json:"id"`
	Title     string                               `json:"title"`
	FirstSeen time.Time                            `json:"first_seen,omitzero"`
	Events    []EventDetail                        `json:"events"`
	Documents map[string]*chronicle.StoredDocument `json:"documents"` // by id, without text
	Sources   int                                  `json:"num_sources"`
}

// storyEventLimit bounds the events of a story page.
const storyEventLimit = 200

func (s *Server) story(ctx context.Context, id int64) (*StoryDetail, error) {
	evs, err := s.events(ctx, chronicle.EventFilter{Story: id, Limit: storyEventLimit})
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, chronicle.Errorf(chronicle.ENOTFOUND, "api", "no story %d with events", id)
	}
	st := &StoryDetail{ID: id, Documents: map[string]*chronicle.StoredDocument{}}
	sources := map[string]bool{}
	for _, e := range evs {
		reps, err := s.cfg.Store.Reports(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		st.Events = append(st.Events, EventDetail{Event: e, Reports: nonNil(reps)})
		for _, rep := range reps {
			if st.Documents[rep.DocID] != nil {
				continue
			}
			d, err := s.cfg.Store.Document(ctx, rep.DocID)
			if err != nil {
				return nil, err
			}
			d.Text = ""
			st.Documents[d.ID] = d
			root := d.ID
			if d.DuplicateOf != "" {
				root = d.DuplicateOf
			}
			sources[root] = true
			if st.FirstSeen.IsZero() || d.Ingested.Before(st.FirstSeen) {
				st.FirstSeen = d.Ingested
			}
			if !d.Published.IsZero() && d.Published.Before(st.FirstSeen) {
				st.FirstSeen = d.Published
			}
		}
	}
	st.Sources = len(sources)
	var first *chronicle.StoredDocument
	for _, d := range st.Documents {
		if first == nil || d.Ingested.Before(first.Ingested) || (d.Ingested.Equal(first.Ingested) && d.ID < first.ID) {
			first = d
		}
	}
	if first != nil {
		st.Title = first.Title
	}
	return st, nil
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	st, err := s.story(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	q := query{r}
	n, err := q.limit()
	if err != nil {
		return err
	}
	text := q.str("q")
	if text == "" {
		return invalid("need a query: q=...")
	}
	hits, err := s.cfg.Store.Search(r.Context(), text, n)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, List[chronicle.SearchHit]{Items: nonNil(hits)})
}

// DocumentDetail is a stored document and, with ?layers=1, its analysis.
type DocumentDetail struct {
	Document *chronicle.StoredDocument `json:"document"`
	// Analysis is the document re-analysed by the server's pipeline
	// (offsets in code points, see docs/schema.md).
	Analysis *report.Output `json:"analysis,omitempty"`
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.cfg.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := DocumentDetail{Document: d}
	if v := (query{r}).str("layers"); v == "1" || v == "true" {
		doc, err := s.analysed(r.Context(), d)
		if err != nil {
			return err
		}
		out.Analysis = report.Build(doc, report.Options{})
	}
	return writeJSON(w, http.StatusOK, out)
}

// analysed returns the analysis of a stored document: its text run
// through the server's pipeline again (documents are small and the
// pipeline is fast), cached by id.
func (s *Server) analysed(ctx context.Context, sd *chronicle.StoredDocument) (*chronicle.Document, error) {
	if d := s.docs.get(sd.ID); d != nil {
		return d, nil
	}
	if s.cfg.Pipeline == nil {
		return nil, chronicle.Errorf(chronicle.EUNAVAILABLE, "api", "no analysis pipeline")
	}
	d := &chronicle.Document{ID: sd.ID, URL: sd.URL, Title: sd.Title, Source: sd.Source, Language: sd.Language,
		Published: sd.Published, Text: sd.Text}
	if err := s.process(ctx, d); err != nil {
		return nil, err
	}
	s.docs.put(d)
	return d, nil
}

// process runs the pipeline; a panicking stage becomes an EINTERNAL error.
func (s *Server) process(ctx context.Context, d *chronicle.Document) (err error) {
	if s.cfg.Pipeline == nil {
		return chronicle.Errorf(chronicle.EUNAVAILABLE, "api", "no analysis pipeline")
	}
	defer func() {
		if v := recover(); v != nil {
			err = chronicle.Errorf(chronicle.EINTERNAL, "analyse", "stage panicked: %v", v)
		}
	}()
	return s.cfg.Pipeline.Process(ctx, d)
}

// ArticleIn is the body of POST /api/extract and POST /api/documents (as
// JSON); a text/plain body is the text alone.
type ArticleIn struct {
	Text      string `json:"text"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339
}

// readArticle reads and checks the body of a POST as a new document.
func (s *Server) readArticle(r *http.Request) (*chronicle.Document, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var in ArticleIn
	switch mt {
	case "application/json":
		dec := json.NewDecoder(r.Body)
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, err
			}
			return nil, invalid("bad JSON body: %v", err)
		}
	case "text/plain", "":
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		in.Text = string(b)
	default:
		return nil, chronicle.Errorf(chronicle.EUNSUPPORTED, "api", "content type %q: send application/json or text/plain", mt)
	}
	if strings.TrimSpace(in.Text) == "" {
		return nil, invalid("empty text")
	}
	meta := chronicle.Meta{URL: in.URL, Title: in.Title, Source: in.Source}
	if in.Published != "" {
		t, err := time.Parse("2006-01-02", in.Published)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, in.Published); err != nil {
				return nil, invalid("published %q: want YYYY-MM-DD or an RFC 3339 time", in.Published)
			}
		}
		meta.Published = t
	}
	return chronicle.NewDocument([]byte(in.Text), "request body", meta, int(s.cfg.MaxBodyBytes))
}

func (s *Server) apiExtract(w http.ResponseWriter, r *http.Request) error {
	d, err := s.readArticle(r)
	if err != nil {
		return err
	}
	if err := s.process(r.Context(), d); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, report.Build(d, report.Options{Tokens: query{r}.str("tokens") == "1"}))
}

// PutResult is the answer of POST /api/documents.
type PutResult struct {
	ID     string `json:"id"`
	Stored bool   `json:"stored"` // false when the same text was already stored
	URL    string `json:"href"`   // the document's API address
}

func (s *Server) apiPutDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.readArticle(r)
	if err != nil {
		return err
	}
	if err := s.process(r.Context(), d); err != nil {
		return err
	}
	n, err := s.cfg.Store.Put(r.Context(), []*chronicle.Document{d})
	if err != nil {
		return err
	}
	status := http.StatusOK
	if n > 0 {
		status = http.StatusCreated
	}
	href := "/api/documents/" + d.ID
	w.Header().Set("Location", href)
	return writeJSON(w, status, PutResult{ID: d.ID, Stored: n > 0, URL: href})
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(ui.OpenAPI)
}
