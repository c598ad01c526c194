// Package http serves Chronicle's JSON API (described by OpenAPI 3 at
// /openapi.json) and its web UI over a chronicle.Store, with the standard
// library's net/http. Pages are rendered on the server by html/template
// (so every piece of article text is escaped), charts are inline SVG drawn
// on the server, and a few lines of vanilla JavaScript (ui/app.js) show the
// evidence of a highlighted span when it is clicked: no npm build.
//
// Errors from the store keep their chronicle error code until the edge,
// where they become HTTP statuses: EINVALID 400, ENOTFOUND 404, ETOOLARGE
// 413, EUNAVAILABLE 503, anything else 500 with a generic message (the
// details go to the log, never to the client).
package http

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/http/ui"
)

// Defaults for Config's zero values.
const (
	DefaultMaxBodyBytes   = 2 << 20
	DefaultRequestTimeout = 15 * time.Second
)

// Config configures a Server.
type Config struct {
	// Store is where documents, events, actors and quotes are read from
	// and written to. Required.
	Store chronicle.Store
	// Pipeline analyses text for POST /api/extract, POST /api/documents
	// and the article page (which re-analyses the stored text: the store
	// keeps records, not every layer). Nil turns those off (503).
	Pipeline chronicle.Stage
	// Token is the bearer token that writes (POST /api/documents) need.
	// Empty means writes are off (403).
	Token string
	// AllowRemote serves reads to clients that are not on the loopback
	// interface. By default only loopback clients are answered (403 for
	// the others); writes always need the token.
	AllowRemote bool
	// CORSOrigins are the origins allowed to call the API from a browser
	// ("*" for any). Empty means no CORS headers at all.
	CORSOrigins []string
	// MaxBodyBytes bounds a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// RequestTimeout bounds the work of one request; 0 means
	// DefaultRequestTimeout.
	RequestTimeout time.Duration
	// Logger receives request failures; nil means slog.Default().
	Logger *slog.Logger
}

// Server is an http.Handler serving the API and the UI. It is safe for
// concurrent use.
type Server struct {
	cfg  Config
	mux  *http.ServeMux
	tmpl templates
	log  *slog.Logger
	// docs caches re-analysed documents by id (ids are content hashes, so
	// an entry never goes stale).
	docs *docCache
	// pager is the store's keyset event query, nil when it has none.
	pager chronicle.EventPager
	// apiPatterns are the API's routes, for the test that checks
	// openapi.json against them.
	apiPatterns []string
}

// New returns a Server for cfg. It returns an EINVALID error when cfg has
// no store and EINTERNAL when the embedded templates do not parse.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, chronicle.Errorf(chronicle.EINVALID, "http.New", "no store")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), log: cfg.Logger, docs: newDocCache(64)}
	if s.log == nil {
		s.log = slog.Default()
	}
	t, err := parseTemplates()
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EINTERNAL, "http.New", err)
	}
	s.tmpl = t
	switch st := cfg.Store.(type) {
	case interface{ NewEventPager() chronicle.EventPager }:
		s.pager = st.NewEventPager()
	case chronicle.EventPager:
		s.pager = st
	}
	s.routes()
	return s, nil
}

// routes registers every endpoint. Keep openapi.json in step (a test checks).
func (s *Server) routes() {
	api := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		s.apiPatterns = append(s.apiPatterns, pattern)
		s.mux.Handle(pattern, s.apiHandler(h))
	}
	api("GET /api/stats", s.apiStats)
	api("GET /api/documents/{id}", s.apiDocument)
	api("POST /api/documents", s.write(s.apiPutDocument))
	api("POST /api/extract", s.apiExtract)
	api("GET /api/events", s.apiEvents)
	api("GET /api/events/{id}", s.apiEvent)
	api("GET /api/dyad", s.apiDyad)
	api("GET /api/actors", s.apiActors)
	api("GET /api/actors/{id}", s.apiActor)
	api("GET /api/quotes", s.apiQuotes)
	api("GET /api/stories", s.apiStories)
	api("GET /api/stories/{id}", s.apiStory)
	api("GET /api/search", s.apiSearch)
	s.mux.HandleFunc("GET /openapi.json", s.openAPI)
	s.mux.Handle("/api/", s.apiHandler(func(http.ResponseWriter, *http.Request) error {
		return chronicle.Errorf(chronicle.ENOTFOUND, "api", "no such endpoint")
	}))

	page := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		s.mux.Handle(pattern, s.pageHandler(h))
	}
	page("GET /{$}", s.pageHome)
	page("GET /search", s.pageSearch)
	page("GET /actors/{id}", s.pageActor)
	page("GET /dyad", s.pageDyad)
	page("GET /stories/{id}", s.pageStory)
	page("GET /events/{id}", s.pageEvent)
	page("GET /documents/{id}", s.pageDocument)
	static, _ := fs.Sub(ui.FS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
}

// ServeHTTP applies the limits and policies common to every request, then
// routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("http: panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			writeJSONError(w, http.StatusInternalServerError, chronicle.EINTERNAL, "internal error")
		}
	}()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	if s.cors(w, r) {
		return
	}
	if !s.cfg.AllowRemote && !isLoopback(r.RemoteAddr) && !s.authorized(r) {
		writeJSONError(w, http.StatusForbidden, "forbidden", "this server answers loopback clients only")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	defer cancel()
	r = r.WithContext(ctx)
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	}
	s.mux.ServeHTTP(w, r)
}

// cors sets CORS headers for an allowed origin and answers preflight
// requests; it reports whether the request was answered.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || len(s.cfg.CORSOrigins) == 0 {
		return false
	}
	if !slices.Contains(s.cfg.CORSOrigins, "*") && !slices.Contains(s.cfg.CORSOrigins, origin) {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", "GET, POST")
		h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		h.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// authorized reports whether r carries the configured bearer token.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// write wraps a handler that changes the store: it needs the bearer token.
func (s *Server) write(h func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.cfg.Token == "" {
			return errForbidden("writes are disabled: start the server with a token (--token or $CHRONICLE_TOKEN)")
		}
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="chronicle"`)
			return errUnauthorized
		}
		return h(w, r)
	}
}

// httpError is an error that already knows its status.
type httpError struct {
	status  int
	code    string
	message string
}

func (e *httpError) Error() string { return e.message }

var errUnauthorized = &httpError{http.StatusUnauthorized, "unauthorized", "missing or wrong bearer token"}

func errForbidden(msg string) error { return &httpError{http.StatusForbidden, "forbidden", msg} }

// status maps an error to an HTTP status, a code and a message safe to show.
func (s *Server) status(r *http.Request, err error) (int, string, string) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, he.code, he.message
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge, chronicle.ETOOLARGE, fmt.Sprintf("request body above %d bytes", mbe.Limit)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusServiceUnavailable, chronicle.EUNAVAILABLE, "the request took too long"
	}
	code := chronicle.ErrorCode(err)
	msg := err.Error()
	var ce *chronicle.Error
	if errors.As(err, &ce) && ce.Message != "" {
		msg = ce.Message
	}
	switch code {
	case chronicle.EINVALID:
		return http.StatusBadRequest, code, msg
	case chronicle.ENOTFOUND:
		return http.StatusNotFound, code, msg
	case chronicle.ETOOLARGE:
		return http.StatusRequestEntityTooLarge, code, msg
	case chronicle.EUNSUPPORTED:
		return http.StatusUnsupportedMediaType, code, msg
	case chronicle.EUNAVAILABLE:
		s.log.Error("http: unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
		return http.StatusServiceUnavailable, code, "service unavailable"
	}
	if errors.Is(err, context.Canceled) {
		return 499, "canceled", "request canceled"
	}
	s.log.Error("http: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, chronicle.EINTERNAL, "internal error"
}

// isLoopback reports whether a RemoteAddr is on the loopback interface.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ListenAndServe serves s on addr until ctx is done, then shuts down
// gracefully (in-flight requests get up to 10 s).
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return chronicle.Wrap(chronicle.EUNAVAILABLE, "http.Listen", err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves s on ln until ctx is done, with read, write and idle
// timeouts and a header size limit.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.cfg.RequestTimeout + 15*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := hs.Shutdown(sctx); err != nil {
			return err
		}
		<-errc
		return nil
	}
}

// docCache is a small cache of analysed documents, oldest out first.
type docCache struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]*chronicle.Document
}

func newDocCache(n int) *docCache {
	return &docCache{max: n, m: make(map[string]*chronicle.Document, n)}
}

func (c *docCache) get(id string) *chronicle.Document {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[id]
}

func (c *docCache) put(d *chronicle.Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[d.ID]; ok {
		return
	}
	if len(c.order) >= c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.order = append(c.order, d.ID)
	c.m[d.ID] = d
}
