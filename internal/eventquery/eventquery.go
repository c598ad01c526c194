// Package eventquery is the SQL of Store.Events and chronicle.EventPager,
// shared by the sqlite and postgres stores: events selected through indexes (an actor
// filter becomes one query per actor id over the index on (actor, day,
// id) that the stores' migration 0100 adds, merged in Go; the page
// position is a range on (day, id)), with the evidence text read for the
// page's rows only.
package eventquery

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/dedup"
)

// Placeholders is how a database numbers query parameters.
type Placeholders int

const (
	Question Placeholders = iota // ?, ?, ? (SQLite)
	Dollar                       // $1, $2, $3 (PostgreSQL)
)

// rebind rewrites the ? placeholders of query (which has no ? elsewhere).
func (p Placeholders) rebind(query string) string {
	if p == Question {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// querier runs queries written with ? placeholders, through prepared
// statements when it has a cache.
type querier struct {
	db    *sql.DB
	p     Placeholders
	mu    sync.Mutex
	stmts map[string]*sql.Stmt // nil: no cache
}

// maxStmts bounds the statement cache; queries come in a few dozen shapes
// (which filters are set, how many ids an actor has).
const maxStmts = 256

func (q *querier) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	query = q.p.rebind(query)
	if q.stmts == nil {
		return q.db.QueryContext(ctx, query, args...)
	}
	q.mu.Lock()
	st := q.stmts[query]
	q.mu.Unlock()
	if st == nil {
		var err error
		if st, err = q.db.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		q.mu.Lock()
		old, full := q.stmts[query], len(q.stmts) >= maxStmts
		if old == nil && !full {
			q.stmts[query] = st
		}
		q.mu.Unlock()
		switch {
		case old != nil: // prepared by another goroutine meanwhile
			st.Close()
			st = old
		case full:
			st.Close()
			return q.db.QueryContext(ctx, query, args...)
		}
	}
	return st.QueryContext(ctx, args...)
}

// Pager is a chronicle.EventPager that keeps its statements prepared. It
// is safe for concurrent use; Close releases the statements.
type Pager struct{ q querier }

// NewPager returns a Pager over db.
func NewPager(db *sql.DB, p Placeholders) *Pager {
	return &Pager{q: querier{db: db, p: p, stmts: map[string]*sql.Stmt{}}}
}

// EventsAfter implements chronicle.EventPager.
func (pg *Pager) EventsAfter(ctx context.Context, f chronicle.EventFilter, key chronicle.EventKey) ([]chronicle.StoredEvent, error) {
	return pg.q.eventsAfter(ctx, f, key)
}

// Close closes the prepared statements.
func (pg *Pager) Close() error {
	pg.q.mu.Lock()
	defer pg.q.mu.Unlock()
	for k, st := range pg.q.stmts {
		st.Close()
		delete(pg.q.stmts, k)
	}
	return nil
}

// actorIDs returns the ids an actor filter designates: the id itself, the
// actors whose canonical name or alias it is (case-insensitively), and the
// key of an unresolved participant written that way ("text:" and the
// normalized text, see package dedup).
func actorIDs(ctx context.Context, q *querier, name string) ([]any, error) {
	norm := dedup.Normalize(name)
	ids := []any{"text:" + norm}
	if strings.HasPrefix(name, "text:") {
		ids = append(ids, name)
	}
	rows, err := q.query(ctx, `SELECT id FROM actors WHERE id = ? OR lower(name) = ? UNION SELECT actor FROM actor_aliases WHERE norm = ?`, name, norm, norm)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if !slices.Contains(ids, any(id)) {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

func in(col string, n int) string {
	return col + " IN (?" + strings.Repeat(", ?", n-1) + ")"
}

// After implements chronicle.EventPager.EventsAfter over db. Errors are
// wrapped with the op and code EINTERNAL (context errors as they are).
func After(ctx context.Context, db *sql.DB, p Placeholders, f chronicle.EventFilter, key chronicle.EventKey) ([]chronicle.StoredEvent, error) {
	return (&querier{db: db, p: p}).eventsAfter(ctx, f, key)
}

func (q *querier) eventsAfter(ctx context.Context, f chronicle.EventFilter, key chronicle.EventKey) ([]chronicle.StoredEvent, error) {
	out, err := after(ctx, q, f, key)
	if err != nil && ctx.Err() == nil && chronicle.ErrorCode(err) == chronicle.EINTERNAL {
		return nil, chronicle.Wrap(chronicle.EINTERNAL, "EventsAfter", err)
	}
	return out, err
}

func after(ctx context.Context, q *querier, f chronicle.EventFilter, key chronicle.EventKey) ([]chronicle.StoredEvent, error) {
	var where []string
	var args []any
	// The actor side is one query per actor id, each walking the index on
	// (source_actor, day, id) or (target_actor, day, id) from the newest;
	// the pages are merged here. With no actor filter, one query walks the
	// day index.
	side, name := "", ""
	switch {
	case f.Actor != "":
		side, name = "e.source_actor", f.Actor
		if f.Target != "" {
			ids, err := actorIDs(ctx, q, f.Target)
			if err != nil {
				return nil, err
			}
			where = append(where, in("e.target_actor", len(ids)))
			args = append(args, ids...)
		}
	case f.Target != "":
		side, name = "e.target_actor", f.Target
	}
	where, args = predicates(f, where, args)
	if key != (chronicle.EventKey{}) {
		// day <= first, so that the index gives the range.
		where = append(where, `e.day <= ? AND (e.day < ? OR e.id < ?)`)
		args = append(args, key.Day, key.Day, key.ID)
	}
	if side == "" {
		return run(ctx, q, selectEvents(where, f.Limit), args)
	}
	ids, err := actorIDs(ctx, q, name)
	if err != nil {
		return nil, err
	}
	// One range per id, each newest first and limited, in one statement.
	var parts []string
	var all []any
	for _, id := range ids {
		parts = append(parts, `SELECT * FROM (`+selectEvents(append([]string{side + ` = ?`}, where...), f.Limit)+`) u`)
		all = append(append(all, id), args...)
	}
	inner := `SELECT * FROM (` + strings.Join(parts, " UNION ALL ") + `) e ORDER BY e.day DESC, e.id DESC`
	if f.Limit > 0 {
		inner += " LIMIT " + strconv.Itoa(f.Limit)
	}
	return run(ctx, q, inner, all)
}

// selectEvents is the select of the event columns that match where, newest
// first.
func selectEvents(where []string, limit int) string {
	q := `SELECT e.id, e.type, e.mode, e.source_actor, e.source_name, e.target_actor, e.target_name, e.day, e.place, e.place_country,
e.story, e.first_report, e.reports, e.sources, e.confidence, e.doc_id, e.idx, e.status, e.key FROM events e`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY e.day DESC, e.id DESC"
	if limit > 0 {
		q += " LIMIT " + strconv.Itoa(limit)
	}
	return q
}

// run runs inner, a select of event columns, and reads each event's
// evidence for the rows it returns only.
func run(ctx context.Context, q *querier, inner string, args []any) ([]chronicle.StoredEvent, error) {
	query := `SELECT p.id, p.type, p.mode, p.source_actor, p.source_name, p.target_actor, p.target_name, p.day, p.place, p.place_country,
p.story, p.first_report, p.reports, p.sources, p.confidence, p.doc_id, p.status, p.key,
coalesce((SELECT coalesce(r.evidence, (SELECT substr(d.text, CAST(r.cstart + 1 AS INTEGER), CAST(r.cend - r.cstart AS INTEGER))
 FROM documents d WHERE d.id = r.doc_id))
 FROM event_reports r WHERE r.doc_id = p.doc_id AND r.idx = p.idx), '')
FROM (` + inner + `) p ORDER BY p.day DESC, p.id DESC`
	rows, err := q.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []chronicle.StoredEvent
	for rows.Next() {
		var e chronicle.StoredEvent
		var first sql.NullInt64
		var key string
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &e.SourceActor, &e.SourceName, &e.TargetActor, &e.TargetName, &e.Date, &e.Place, &e.PlaceCountry,
			&e.Story, &first, &e.Reports, &e.Sources, &e.Confidence, &e.DocID, &e.Status, &key, &e.Evidence); err != nil {
			return nil, err
		}
		e.Period = dedup.KeyPeriod(key)
		if first.Valid && first.Int64 != 0 {
			e.FirstReport = time.Unix(0, first.Int64).UTC()
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// predicates appends the conditions of an event filter other than its
// actors (type, date range, story, status) on the events table aliased "e",
// with their arguments.
func predicates(f chronicle.EventFilter, where []string, args []any) ([]string, []any) {
	if f.Type != "" {
		where = append(where, `e.type = ?`)
		args = append(args, strings.ToUpper(f.Type))
	}
	if !f.Since.IsZero() {
		where = append(where, `e.day >= ?`)
		args = append(args, f.Since.Format("2006-01-02"))
	}
	if !f.Until.IsZero() {
		// An undated event ('') is in no date range.
		where = append(where, `e.day <= ? AND e.day <> ''`)
		args = append(args, f.Until.Format("2006-01-02"))
	}
	if f.Story != 0 {
		where = append(where, `e.story = ?`)
		args = append(args, f.Story)
	}
	if f.Status != chronicle.StatusAll {
		where = append(where, `e.status = ?`)
		args = append(args, strings.ToLower(f.Status))
	}
	return where, args
}
