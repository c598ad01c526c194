package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/dedup"
	"github.com/chronicle-news/chronicle/internal/eventquery"
)

// actorIDs is a subquery giving the ids of the actors that a user-given
// name designates: the id itself, a canonical name or an alias
// (case-insensitive). It takes three parameters: see actorArgs.
const actorIDs = `(SELECT id FROM actors WHERE id = ? OR lower(name) = ? UNION SELECT actor FROM actor_aliases WHERE norm = ?)`

func actorArgs(name string) []any {
	n := dedup.Normalize(name)
	return []any{name, n, n}
}

func limit(n int) string {
	if n <= 0 {
		return ""
	}
	return " LIMIT " + strconv.Itoa(n)
}

// text returns an expression for the text of a code-point span of d.text.
func text(start, end string) string {
	return "substr(d.text, CAST(" + start + " + 1 AS INTEGER), CAST(" + end + " - " + start + " AS INTEGER))"
}

// Document implements chronicle.Store.
func (s *Store) Document(ctx context.Context, id string) (*chronicle.StoredDocument, error) {
	var d chronicle.StoredDocument
	var pub, ing sql.NullInt64
	var story sql.NullInt64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, url, title, source, language, published, ingested, text, status, version, previous, duplicate_of, story
FROM documents WHERE id = ?`), id).Scan(&d.ID, &d.URL, &d.Title, &d.Source, &d.Language, &pub, &ing, &d.Text, &d.Status, &d.Version, &d.Previous, &d.DuplicateOf, &story)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chronicle.Errorf(chronicle.ENOTFOUND, s.d.Name+".Document", "no document %q", id)
	}
	if err != nil {
		return nil, s.err("Document", err)
	}
	d.Published, d.Ingested, d.Story = fromNanos(pub), fromNanos(ing), story.Int64
	return &d, nil
}

// Events implements chronicle.Store with the queries of the HTTP pager
// (package eventquery), from the first event on.
func (s *Store) Events(ctx context.Context, f chronicle.EventFilter) ([]chronicle.StoredEvent, error) {
	p := eventquery.Question
	if s.d.Dollar {
		p = eventquery.Dollar
	}
	events, err := eventquery.After(ctx, s.db, p, f, chronicle.EventKey{})
	return events, s.err("Events", err)
}

// Reports implements chronicle.Store.
func (s *Store) Reports(ctx context.Context, eventID int64) ([]chronicle.EventReport, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT r.event, r.doc_id, r.bstart, r.bend, r.cstart, r.cend, coalesce(r.evidence, `+text("r.cstart", "r.cend")+`), r.why, r.confidence, r.negated, r.modality
FROM event_reports r JOIN documents d ON d.id = r.doc_id WHERE r.event = ? ORDER BY d.seq, r.idx`), eventID)
	if err != nil {
		return nil, s.err("Reports", err)
	}
	defer rows.Close()
	var out []chronicle.EventReport
	for rows.Next() {
		var r chronicle.EventReport
		var neg int
		if err := rows.Scan(&r.EventID, &r.DocID, &r.Start, &r.End, &r.CharStart, &r.CharEnd, &r.Text, &r.Why, &r.Confidence, &neg, &r.Modality); err != nil {
			return nil, s.err("Reports", err)
		}
		r.Negated = neg != 0
		out = append(out, r)
	}
	return out, s.err("Reports", rows.Err())
}

// Quotes implements chronicle.Store.
func (s *Store) Quotes(ctx context.Context, f chronicle.QuoteFilter) ([]chronicle.StoredQuote, error) {
	var where []string
	var args []any
	if f.Speaker != "" {
		where = append(where, `(q.speaker_actor IN `+actorIDs+` OR lower(`+text("q.speaker_cstart", "q.speaker_cend")+`) LIKE ?)`)
		args = append(append(args, actorArgs(f.Speaker)...), "%"+dedup.Normalize(f.Speaker)+"%")
	}
	if f.DocID != "" {
		where = append(where, `q.doc_id = ?`)
		args = append(args, f.DocID)
	}
	query := `SELECT q.doc_id, q.idx, q.kind, ` + text("q.speaker_cstart", "q.speaker_cend") + `, q.speaker_actor, coalesce(a.name, ''),
` + text("q.cue_cstart", "q.cue_cend") + `, ` + text("q.cstart", "q.cend") + `, q.bstart, q.bend, q.cstart, q.cend, q.date, d.published
FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.speaker_actor`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY d.seq, q.idx" + limit(f.Limit)
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.err("Quotes", err)
	}
	defer rows.Close()
	var out []chronicle.StoredQuote
	for rows.Next() {
		var q chronicle.StoredQuote
		var pub sql.NullInt64
		if err := rows.Scan(&q.DocID, &q.Index, &q.Kind, &q.Speaker, &q.SpeakerActor, &q.SpeakerName, &q.Cue, &q.Content,
			&q.Start, &q.End, &q.CharStart, &q.CharEnd, &q.Date, &pub); err != nil {
			return nil, s.err("Quotes", err)
		}
		q.Published = fromNanos(pub)
		out = append(out, q)
	}
	return out, s.err("Quotes", rows.Err())
}

// Actors implements chronicle.Store.
func (s *Store) Actors(ctx context.Context, f chronicle.ActorFilter) ([]chronicle.StoredActor, error) {
	var where []string
	var args []any
	if f.Name != "" {
		n := "%" + dedup.Normalize(f.Name) + "%"
		where = append(where, `(a.id = ? OR lower(a.name) LIKE ? OR a.id IN (SELECT actor FROM actor_aliases WHERE norm LIKE ?))`)
		args = append(args, f.Name, n, n)
	}
	if f.Type != "" {
		where = append(where, `a.type = ?`)
		args = append(args, strings.ToUpper(f.Type))
	}
	query := `SELECT a.id, a.name, a.type, a.country, a.sector, a.mentions, a.documents, a.first_seen, a.last_seen FROM actors a`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY a.mentions DESC, a.id" + limit(f.Limit)
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.err("Actors", err)
	}
	var out []chronicle.StoredActor
	for rows.Next() {
		var a chronicle.StoredActor
		var first, last sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Name, &a.Type, &a.Country, &a.Sector, &a.Mentions, &a.Documents, &first, &last); err != nil {
			rows.Close()
			return nil, s.err("Actors", err)
		}
		a.FirstSeen, a.LastSeen = fromNanos(first), fromNanos(last)
		out = append(out, a)
	}
	if err := rows.Close(); err != nil {
		return nil, s.err("Actors", err)
	}
	for i := range out {
		a := &out[i]
		if err := s.strings(ctx, s.db, &a.Aliases, `SELECT alias FROM actor_aliases WHERE actor = ? ORDER BY norm`, a.ID); err != nil {
			return nil, s.err("Actors", err)
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT title, country, sector, seen, bstart, bend FROM actor_roles WHERE actor = ? ORDER BY seen, title`), a.ID)
		if err != nil {
			return nil, s.err("Actors", err)
		}
		for rows.Next() {
			var r chronicle.Role
			if err := rows.Scan(&r.Title, &r.Country, &r.Sector, &r.Seen, &r.Span.Start, &r.Span.End); err != nil {
				rows.Close()
				return nil, s.err("Actors", err)
			}
			a.Roles = append(a.Roles, r)
		}
		if err := rows.Close(); err != nil {
			return nil, s.err("Actors", err)
		}
	}
	return out, nil
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// strings appends the one-column results of query to dst.
func (s *Store) strings(ctx context.Context, db querier, dst *[]string, query string, args ...any) error {
	rows, err := db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		*dst = append(*dst, v)
	}
	return rows.Err()
}

// Stories implements chronicle.Store.
func (s *Store) Stories(ctx context.Context, f chronicle.StoryFilter) ([]chronicle.Story, error) {
	var where []string
	var args []any
	if f.MinDocuments > 1 {
		where = append(where, `s.documents >= ?`)
		args = append(args, f.MinDocuments)
	}
	if f.Actor != "" {
		where = append(where, `s.id IN (SELECT story FROM story_actors WHERE actor IN `+actorIDs+`)`)
		args = append(args, actorArgs(f.Actor)...)
	}
	query := `SELECT s.id, s.title, s.first_seen, s.last_seen, s.documents, s.sources, (SELECT count(*) FROM events e WHERE e.story = s.id) FROM stories s`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY s.last_seen DESC, s.documents DESC, s.id DESC" + limit(f.Limit)
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.err("Stories", err)
	}
	var out []chronicle.Story
	for rows.Next() {
		var st chronicle.Story
		var first, last sql.NullInt64
		if err := rows.Scan(&st.ID, &st.Title, &first, &last, &st.Documents, &st.Sources, &st.Events); err != nil {
			rows.Close()
			return nil, s.err("Stories", err)
		}
		st.FirstSeen, st.LastSeen = fromNanos(first), fromNanos(last)
		out = append(out, st)
	}
	if err := rows.Close(); err != nil {
		return nil, s.err("Stories", err)
	}
	for i := range out {
		if err := s.strings(ctx, s.db, &out[i].Actors, `SELECT coalesce(a.name, sa.actor) FROM story_actors sa LEFT JOIN actors a ON a.id = sa.actor
WHERE sa.story = ? ORDER BY sa.documents DESC, sa.actor LIMIT 5`, out[i].ID); err != nil {
			return nil, s.err("Stories", err)
		}
	}
	return out, nil
}

// Search implements chronicle.Store. An empty query is an EINVALID error.
func (s *Store) Search(ctx context.Context, query string, n int) ([]chronicle.SearchHit, error) {
	if strings.TrimSpace(query) == "" {
		return nil, chronicle.Errorf(chronicle.EINVALID, s.d.Name+".Search", "empty query")
	}
	if n <= 0 {
		n = 20
	}
	hits, err := s.d.Search(ctx, s.db, query, n)
	return hits, s.err("Search", err)
}

// Stats implements chronicle.Store.
func (s *Store) Stats(ctx context.Context) (chronicle.StoreStats, error) {
	var st chronicle.StoreStats
	err := s.db.QueryRowContext(ctx, `SELECT
(SELECT count(*) FROM documents),
(SELECT count(*) FROM documents WHERE status <> 'done'),
(SELECT count(*) FROM documents WHERE duplicate_of <> ''),
(SELECT count(*) FROM stories),
(SELECT count(*) FROM events),
(SELECT count(*) FROM event_reports),
(SELECT count(*) FROM quotes),
(SELECT count(*) FROM actors)`).Scan(&st.Documents, &st.Queued, &st.Duplicates, &st.Stories, &st.Events, &st.Reports, &st.Quotes, &st.Actors)
	return st, s.err("Stats", err)
}
