// Package postgres is Chronicle's store for deployments past one machine:
// PostgreSQL through pgx, with the schema in embedded, versioned migrations
// applied on Open, full-text search by a generated tsvector column, and a
// work queue that many `chronicle worker` processes claim from with
// FOR UPDATE SKIP LOCKED.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/sqlstore"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a chronicle.Store in a PostgreSQL database.
type Store struct {
	*sqlstore.Store
}

// lockKey is the advisory lock that serializes migrations and the
// story/event assignment of concurrent writers.
const lockKey = 0x6368726f6e // "chron"

// Open connects to the PostgreSQL database at dsn (a postgres:// URL or a
// key=value string; runtime parameters such as search_path may be given in
// it) and applies pending migrations. It returns an EUNAVAILABLE error when
// the server cannot be reached or the schema cannot be migrated.
func Open(ctx context.Context, dsn string) (*Store, error) {
	const op = "postgres.Open"
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, op, err)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, op, err)
	}
	sub, _ := fs.Sub(migrations, "migrations")
	if err := sqlstore.Migrate(ctx, db, sub, lock); err != nil {
		db.Close()
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, op, err)
	}
	return &Store{sqlstore.New(db, dialect)}, nil
}

func lock(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockKey))
	return err
}

var dialect = sqlstore.Dialect{
	Name:   "postgres",
	Dollar: true,
	// Workers analyse in parallel and commit one at a time: the lock makes
	// the near-duplicate, story and event assignment see every earlier
	// commit, as the single SQLite writer does.
	Lock:   lock,
	Search: search,
	ClaimSQL: `UPDATE documents SET status = 'claimed', claimed_by = ?, lease_until = ?, attempts = attempts + 1
WHERE seq IN (SELECT seq FROM documents WHERE status <> 'done' AND (status = 'queued' OR lease_until < ?) AND attempts < ?
ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)
RETURNING id, url, title, source, language, published, text`,
}

func search(ctx context.Context, db *sql.DB, query string, limit int) ([]chronicle.SearchHit, error) {
	rows, err := db.QueryContext(ctx, `SELECT d.id, coalesce(nullif(d.title, ''), s.title, ''), d.url, d.published,
ts_headline('english', d.text, q, 'StartSel=[, StopSel=], MaxWords=20, MinWords=8'), ts_rank(d.tsv, q)
FROM documents d LEFT JOIN stories s ON s.id = d.story, websearch_to_tsquery('english', $1) q
WHERE d.tsv @@ q ORDER BY ts_rank(d.tsv, q) DESC, d.seq LIMIT $2`, query, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []chronicle.SearchHit
	for rows.Next() {
		var h chronicle.SearchHit
		var pub sql.NullInt64
		if err := rows.Scan(&h.DocID, &h.Title, &h.URL, &pub, &h.Snippet, &h.Rank); err != nil {
			return nil, err
		}
		if pub.Valid {
			h.Published = time.Unix(0, pub.Int64).UTC()
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
