// Package eventquery is the SQL of chronicle.EventPager, shared by the
// sqlite and postgres stores: events selected through the schema's indexes
// (actor filters become lists of actor ids, the page position a row-value
// comparison on (day, id)), with the evidence text read for the page's rows
// only.
package eventquery

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
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

// actorIDs returns the ids an actor filter designates: the id itself, the
// actors whose canonical name or alias it is (case-insensitively), and the
// key of an unresolved participant written that way ("text:" and the
// normalized text, see package dedup).
func actorIDs(ctx context.Context, db *sql.DB, p Placeholders, name string) ([]any, error) {
	norm := dedup.Normalize(name)
	ids := []any{name, "text:" + norm}
	rows, err := db.QueryContext(ctx, p.rebind(`SELECT id FROM actors WHERE id = ? OR lower(name) = ? UNION SELECT actor FROM actor_aliases WHERE norm = ?`), name, norm, norm)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func in(col string, n int) string {
	return col + " IN (?" + strings.Repeat(", ?", n-1) + ")"
}

// After implements chronicle.EventPager.EventsAfter over db. Errors are
// wrapped with the op and code EINTERNAL (context errors as they are).
func After(ctx context.Context, db *sql.DB, p Placeholders, f chronicle.EventFilter, key chronicle.EventKey) ([]chronicle.StoredEvent, error) {
	out, err := after(ctx, db, p, f, key)
	if err != nil && ctx.Err() == nil && chronicle.ErrorCode(err) == chronicle.EINTERNAL {
		return nil, chronicle.Wrap(chronicle.EINTERNAL, "EventsAfter", err)
	}
	return out, err
}

func after(ctx context.Context, db *sql.DB, p Placeholders, f chronicle.EventFilter, key chronicle.EventKey) ([]chronicle.StoredEvent, error) {
	var where []string
	var args []any
	if f.Actor != "" {
		ids, err := actorIDs(ctx, db, p, f.Actor)
		if err != nil {
			return nil, err
		}
		where = append(where, in("e.source_actor", len(ids)))
		args = append(args, ids...)
	}
	if f.Target != "" {
		ids, err := actorIDs(ctx, db, p, f.Target)
		if err != nil {
			return nil, err
		}
		where = append(where, in("e.target_actor", len(ids)))
		args = append(args, ids...)
	}
	if f.Type != "" {
		where = append(where, `e.type = ?`)
		args = append(args, strings.ToUpper(f.Type))
	}
	if !f.Since.IsZero() {
		where = append(where, `e.day >= ?`)
		args = append(args, f.Since.Format("2006-01-02"))
	}
	if !f.Until.IsZero() {
		where = append(where, `e.day <= ?`)
		args = append(args, f.Until.Format("2006-01-02"))
	}
	if f.Story != 0 {
		where = append(where, `e.story = ?`)
		args = append(args, f.Story)
	}
	if key != (chronicle.EventKey{}) {
		// day <= first, so that the day index gives the range.
		where = append(where, `e.day <= ? AND (e.day < ? OR e.id < ?)`)
		args = append(args, key.Day, key.Day, key.ID)
	}
	inner := `SELECT e.id, e.type, e.mode, e.source_actor, e.source_name, e.target_actor, e.target_name, e.day, e.place, e.place_country,
e.story, e.first_report, e.reports, e.sources, e.confidence, e.doc_id, e.idx FROM events e`
	if len(where) > 0 {
		inner += " WHERE " + strings.Join(where, " AND ")
	}
	inner += " ORDER BY e.day DESC, e.id DESC"
	if f.Limit > 0 {
		inner += " LIMIT " + strconv.Itoa(f.Limit)
	}
	// The evidence is read for the page's rows only, after the limit.
	query := `SELECT p.id, p.type, p.mode, p.source_actor, p.source_name, p.target_actor, p.target_name, p.day, p.place, p.place_country,
p.story, p.first_report, p.reports, p.sources, p.confidence, p.doc_id,
coalesce((SELECT substr(d.text, CAST(r.cstart + 1 AS INTEGER), CAST(r.cend - r.cstart AS INTEGER))
 FROM event_reports r JOIN documents d ON d.id = r.doc_id WHERE r.doc_id = p.doc_id AND r.idx = p.idx), '')
FROM (` + inner + `) p ORDER BY p.day DESC, p.id DESC`
	rows, err := db.QueryContext(ctx, p.rebind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []chronicle.StoredEvent
	for rows.Next() {
		var e chronicle.StoredEvent
		var first sql.NullInt64
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &e.SourceActor, &e.SourceName, &e.TargetActor, &e.TargetName, &e.Date, &e.Place, &e.PlaceCountry,
			&e.Story, &first, &e.Reports, &e.Sources, &e.Confidence, &e.DocID, &e.Evidence); err != nil {
			return nil, err
		}
		if first.Valid && first.Int64 != 0 {
			e.FirstReport = time.Unix(0, first.Int64).UTC()
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
