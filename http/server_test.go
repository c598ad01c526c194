package http_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	chttp "github.com/chronicle-news/chronicle/http"
)

// fakeStage is a pipeline without models: it marks "met" as a CONSULT
// event between the words around it, and panics on the word "PANIC".
var fakeStage = chronicle.StageFunc(func(ctx context.Context, d *chronicle.Document) error {
	if strings.Contains(d.Text, "PANIC") {
		panic("fake stage: told to panic")
	}
	if i := strings.Index(d.Text, " met "); i > 0 {
		src := strings.LastIndexByte(d.Text[:i], ' ') + 1
		end := i + len(" met ")
		tend := end + strings.IndexAny(d.Text[end:]+" ", " .")
		d.Events = append(d.Events, chronicle.Event{Type: "CONSULT",
			Source:   chronicle.Ref{Span: chronicle.Span{Start: src, End: i}},
			Target:   chronicle.Ref{Span: chronicle.Span{Start: end, End: tend}},
			Evidence: chronicle.Span{Start: src, End: tend}, Why: "fake: met", Confidence: 0.5, Quote: -1, Modality: "asserted"})
	}
	return nil
})

func newServer(t *testing.T, cfg chttp.Config) (*httptest.Server, chronicle.Store) {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = openStore(t)
	}
	srv, err := chttp.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, cfg.Store
}

type apiError struct {
	Error struct{ Code, Message string } `json:"error"`
}

func do(t *testing.T, req *http.Request) (int, []byte, http.Header) {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, b, res.Header
}

func get(t *testing.T, url string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	st, b, _ := do(t, req)
	return st, b
}

func TestEventPagesCoverAllInOrder(t *testing.T) {
	store := openStore(t)
	fill(t, store, 40, 5)
	// A second batch of documents on days already seen, so that many
	// events share a day and pages cut through days.
	rng := rand.New(rand.NewPCG(3, 4))
	var docs []*chronicle.Document
	for j := range 20 {
		d := genDoc(j%4, 4, rng)
		d.Title = fmt.Sprintf("Same day %d", j)
		docs = append(docs, d)
	}
	if _, err := store.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	// Through the store's keyset query, and through the pages composed
	// from Store.Events for stores without one.
	for _, variant := range []struct {
		name  string
		store chronicle.Store
	}{{"keyset", store}, {"composed", plainStore{store}}} {
		t.Run(variant.name, func(t *testing.T) { testEventPages(t, store, variant.store) })
	}
}

// plainStore hides the optional interfaces of a store.
type plainStore struct{ chronicle.Store }

func testEventPages(t *testing.T, store, served chronicle.Store) {
	ts, _ := newServer(t, chttp.Config{Store: served})
	for _, filter := range []string{"", "type=CONSULT", "actor=Russia", "target=A03", "since=2010-01-10&until=2010-01-30"} {
		f := chronicle.EventFilter{}
		switch filter {
		case "type=CONSULT":
			f.Type = "CONSULT"
		case "actor=Russia":
			f.Actor = "Russia"
		case "target=A03":
			f.Target = "A03"
		case "since=2010-01-10&until=2010-01-30":
			f.Since, _ = parseDay("2010-01-10")
			f.Until, _ = parseDay("2010-01-30")
		}
		want, err := store.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) < 8 {
			t.Fatalf("%s: only %d events to page through", filter, len(want))
		}
		for _, size := range []int{1, 3, 7, 500} {
			var got []int64
			cursor := ""
			for page := 0; ; page++ {
				if page > len(want)+2 {
					t.Fatalf("%s limit=%d: pages never end", filter, size)
				}
				url := fmt.Sprintf("%s/api/events?limit=%d&%s&cursor=%s", ts.URL, size, filter, cursor)
				st, body := get(t, url)
				if st != 200 {
					t.Fatalf("%s: %d %s", url, st, body)
				}
				var l chttp.List[chronicle.StoredEvent]
				if err := json.Unmarshal(body, &l); err != nil {
					t.Fatal(err)
				}
				if len(l.Items) > size {
					t.Fatalf("%s: %d items for limit %d", url, len(l.Items), size)
				}
				for _, e := range l.Items {
					got = append(got, e.ID)
				}
				if l.NextCursor == "" {
					break
				}
				cursor = l.NextCursor
			}
			var wantIDs []int64
			for _, e := range want {
				wantIDs = append(wantIDs, e.ID)
			}
			if !slices.Equal(got, wantIDs) {
				t.Errorf("%s limit=%d: paged ids %v, want %v", filter, size, got, wantIDs)
			}
		}
	}
}

func TestErrors(t *testing.T) {
	store := openStore(t)
	fill(t, store, 3, 2)
	ts, _ := newServer(t, chttp.Config{Store: store})
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/api/events?limit=abc", 400, chronicle.EINVALID},
		{"/api/events?limit=0", 400, chronicle.EINVALID},
		{"/api/events?since=yesterday", 400, chronicle.EINVALID},
		{"/api/events?cursor=%21%21", 400, chronicle.EINVALID},
		{"/api/events/999999", 404, chronicle.ENOTFOUND},
		{"/api/events/x", 400, chronicle.EINVALID},
		{"/api/actors/nobody", 404, chronicle.ENOTFOUND},
		{"/api/stories/424242", 404, chronicle.ENOTFOUND},
		{"/api/documents/0000", 404, chronicle.ENOTFOUND},
		{"/api/search", 400, chronicle.EINVALID},
		{"/api/dyad?a=Russia", 400, chronicle.EINVALID},
		{"/api/nope", 404, chronicle.ENOTFOUND},
	}
	for _, tt := range tests {
		st, body := get(t, ts.URL+tt.path)
		var e apiError
		if err := json.Unmarshal(body, &e); err != nil {
			t.Errorf("%s: body %q is not a JSON error: %v", tt.path, body, err)
			continue
		}
		if st != tt.status || e.Error.Code != tt.code || e.Error.Message == "" {
			t.Errorf("%s: %d %+v, want %d %s", tt.path, st, e, tt.status, tt.code)
		}
	}
	// Pages of a missing record are HTML with the same status.
	if st, body := get(t, ts.URL+"/events/999999"); st != 404 || !strings.Contains(string(body), "<html") {
		t.Errorf("/events/999999: %d %.80q", st, body)
	}
}

func TestReadEndpoints(t *testing.T) {
	store := openStore(t)
	fill(t, store, 6, 4)
	ts, _ := newServer(t, chttp.Config{Store: store, Pipeline: fakeStage})
	var evs chttp.List[chronicle.StoredEvent]
	_, body := get(t, ts.URL+"/api/events?limit=1")
	if err := json.Unmarshal(body, &evs); err != nil || len(evs.Items) != 1 {
		t.Fatalf("events: %s", body)
	}
	ev := evs.Items[0]
	for _, tt := range []struct{ path, want string }{
		{"/api/stats", `"events":24`},
		{fmt.Sprintf("/api/events/%d", ev.ID), `"why":"test pattern ` + ev.Type + `"`},
		{"/api/actors?name=russia", `"id":"A00"`},
		{"/api/actors/A00", `"events_as_source"`},
		{"/api/dyad?a=A00&b=A01", `"a_to_b"`},
		{fmt.Sprintf("/api/stories/%d", ev.Story), `"reports"`},
		{"/api/stories?limit=2", `"next_cursor"`},
		{"/api/search?q=ceasefire", `"doc_id"`},
		{"/api/documents/" + ev.DocID + "?layers=1", `"analysis":{"schema":"chronicle.extract/`},
		{"/api/quotes", `"items":[]`},
		{"/", "Latest events"},
		{"/search?q=Russia", "Russia"},
		{"/actors/A00", "Events over time"},
		{"/dyad?a=A00&b=A01", "Russia"},
		{fmt.Sprintf("/stories/%d", ev.Story), "why: test pattern"},
		{fmt.Sprintf("/events/%d", ev.ID), "why: test pattern"},
		{"/documents/" + ev.DocID, `class="k-event"`},
		{"/static/app.js", "article-text"},
		{"/openapi.json", `"openapi": "3.0.3"`},
	} {
		st, body := get(t, ts.URL+tt.path)
		if st != 200 || !strings.Contains(string(body), tt.want) {
			t.Errorf("%s: %d, want 200 with %q in %.300s", tt.path, st, tt.want, body)
		}
	}
}

func TestWrites(t *testing.T) {
	const token = "s3cret"
	post := func(url, auth, ctype, body string) (int, []byte) {
		req, _ := http.NewRequest("POST", url, strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		st, b, _ := do(t, req)
		return st, b
	}
	article := `{"text": "Officials from Ukraine met Russia in Istanbul on Friday.", "title": "Talks", "published": "2025-05-16"}`

	off, _ := newServer(t, chttp.Config{Pipeline: fakeStage})
	if st, b := post(off.URL+"/api/documents", "Bearer "+token, "application/json", article); st != 403 {
		t.Errorf("no token configured: %d %s, want 403", st, b)
	}

	ts, store := newServer(t, chttp.Config{Pipeline: fakeStage, Token: token, MaxBodyBytes: 1024})
	tests := []struct {
		name, auth, ctype, body string
		status                  int
	}{
		{"no token", "", "application/json", article, 401},
		{"wrong token", "Bearer nope", "application/json", article, 401},
		{"stored", "Bearer " + token, "application/json", article, 201},
		{"again", "Bearer " + token, "application/json", article, 200},
		{"plain text", "Bearer " + token, "text/plain", "Turkey met Russia in Ankara.", 201},
		{"too large", "Bearer " + token, "text/plain", strings.Repeat("word ", 400), 413},
		{"bad json", "Bearer " + token, "application/json", `{"text": 1}`, 400},
		{"unknown field", "Bearer " + token, "application/json", `{"txt": "a"}`, 400},
		{"empty", "Bearer " + token, "application/json", `{"text": "  "}`, 400},
		{"binary", "Bearer " + token, "text/plain", "a\x00b", 400},
		{"bad type", "Bearer " + token, "application/xml", "<a/>", 415},
		{"panicking stage", "Bearer " + token, "text/plain", "PANIC now", 500},
	}
	for _, tt := range tests {
		st, b := post(ts.URL+"/api/documents", tt.auth, tt.ctype, tt.body)
		if st != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, st, b, tt.status)
		}
		if st >= 500 && (strings.Contains(string(b), "goroutine") || strings.Contains(string(b), "panic")) {
			t.Errorf("%s: internals leak to the client: %s", tt.name, b)
		}
	}
	stats, err := store.Stats(context.Background())
	if err != nil || stats.Documents != 2 || stats.Events != 2 {
		t.Errorf("after writes: %+v, %v; want 2 documents with 2 events", stats, err)
	}

	// Extract analyses without storing, and needs no token.
	st, b := post(ts.URL+"/api/extract", "", "application/json", `{"text": "Egypt met Qatar in Doha."}`)
	if st != 200 || !strings.Contains(string(b), `"why":"fake: met"`) {
		t.Errorf("extract: %d %s", st, b)
	}
	if s2, _ := store.Stats(context.Background()); s2.Documents != 2 {
		t.Errorf("extract stored a document: %+v", s2)
	}
}

func TestLoopbackOnly(t *testing.T) {
	store := openStore(t)
	for _, tt := range []struct {
		remote      string
		allowRemote bool
		status      int
	}{
		{"127.0.0.1:5555", false, 200},
		{"[::1]:5555", false, 200},
		{"10.1.2.3:5555", false, 403},
		{"10.1.2.3:5555", true, 200},
	} {
		srv, err := chttp.New(chttp.Config{Store: store, AllowRemote: tt.allowRemote})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "/api/stats", nil)
		req.RemoteAddr = tt.remote
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != tt.status {
			t.Errorf("%s allowRemote=%v: %d, want %d", tt.remote, tt.allowRemote, rec.Code, tt.status)
		}
	}
}

func TestCORS(t *testing.T) {
	store := openStore(t)
	for _, tt := range []struct {
		origins []string
		origin  string
		allowed bool
	}{
		{nil, "https://evil.example", false},
		{[]string{"https://app.example"}, "https://evil.example", false},
		{[]string{"https://app.example"}, "https://app.example", true},
		{[]string{"*"}, "https://any.example", true},
	} {
		srv, _ := chttp.New(chttp.Config{Store: store, CORSOrigins: tt.origins})
		req := httptest.NewRequest("OPTIONS", "/api/events", nil)
		req.Header.Set("Origin", tt.origin)
		req.Header.Set("Access-Control-Request-Method", "GET")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		got := rec.Header().Get("Access-Control-Allow-Origin")
		if (got != "") != tt.allowed || (tt.allowed && (got != tt.origin || rec.Code != 204)) {
			t.Errorf("origins %v, origin %s: %d allow-origin %q", tt.origins, tt.origin, rec.Code, got)
		}
	}
}

// TestArticleEscapesMarkup: an article containing markup renders as text.
func TestArticleEscapesMarkup(t *testing.T) {
	store := openStore(t)
	text := "Hamas met <script>alert('x')</script> Israel in Cairo. <img src=x onerror=alert(1)> & more.\n"
	d, err := chronicle.NewDocument([]byte(text), "hostile", chronicle.Meta{Title: "<b>bold</b> title"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := fakeStage(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Put(context.Background(), []*chronicle.Document{d}); err != nil {
		t.Fatal(err)
	}
	ts, _ := newServer(t, chttp.Config{Store: store, Pipeline: fakeStage})
	for _, path := range []string{"/documents/" + d.ID, "/search?q=script", "/", "/events/1", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E"} {
		st, body := get(t, ts.URL+path)
		page := string(body)
		if st != 200 {
			t.Errorf("%s: status %d", path, st)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: page contains raw %q", path, bad)
			}
		}
	}
	_, body := get(t, ts.URL+"/documents/"+d.ID)
	if !strings.Contains(string(body), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") {
		t.Errorf("article page does not show the script as text")
	}
}

func parseDay(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

// TestComposedPagesSurviveNewEvents: for a store without a keyset query,
// events ingested between two page requests (newer, so before the cursor)
// do not end the listing early: every event there was is still delivered.
func TestComposedPagesSurviveNewEvents(t *testing.T) {
	store := openStore(t)
	fill(t, store, 10, 3)
	want, err := store.Events(context.Background(), chronicle.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := newServer(t, chttp.Config{Store: plainStore{store}})
	page := func(cursor string) chttp.List[chronicle.StoredEvent] {
		st, body := get(t, fmt.Sprintf("%s/api/events?limit=2&cursor=%s", ts.URL, cursor))
		if st != 200 {
			t.Fatalf("%d %s", st, body)
		}
		var l chttp.List[chronicle.StoredEvent]
		if err := json.Unmarshal(body, &l); err != nil {
			t.Fatal(err)
		}
		return l
	}
	l := page("")
	got := map[int64]bool{}
	for _, e := range l.Items {
		got[e.ID] = true
	}
	// Newer events than any listed: they sort first, before the cursor.
	rng := rand.New(rand.NewPCG(9, 9))
	var docs []*chronicle.Document
	for j := range 5 {
		docs = append(docs, genDoc(400+j, 3, rng))
	}
	if _, err := store.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for n := 0; l.NextCursor != ""; n++ {
		if n > len(want) {
			t.Fatal("pages never end")
		}
		l = page(l.NextCursor)
		for _, e := range l.Items {
			got[e.ID] = true
		}
	}
	for _, e := range want {
		if !got[e.ID] {
			t.Errorf("event %d (%s) was never listed", e.ID, e.Date)
		}
	}
}
