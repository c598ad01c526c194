// Package sqlite is Chronicle's default store: one SQLite file in WAL mode,
// through the pure-Go driver modernc.org/sqlite (the binary builds with
// CGO_ENABLED=0), with the schema in embedded, versioned migrations applied
// on Open and full-text search by FTS5.
//
// SQLite has one writer at a time: writers wait up to 30 s for the lock, so
// one process should write through a single goroutine (package ingest does)
// and other processes may read at any time.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/sqlstore"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a chronicle.Store in one SQLite file.
type Store struct {
	*sqlstore.Store
}

// Open opens (creating it and its folder if needed) the SQLite database at
// path, or at the path of a "sqlite://" or "file:" DSN, and applies pending
// migrations. ":memory:" is not supported (use a file in a temporary
// folder). It returns an EUNAVAILABLE error when the file cannot be opened
// or migrated.
func Open(ctx context.Context, path string) (*Store, error) {
	const op = "sqlite.Open"
	path = strings.TrimPrefix(strings.TrimPrefix(path, "sqlite://"), "file:")
	if path == "" || path == ":memory:" {
		return nil, chronicle.Errorf(chronicle.EINVALID, op, "need a database file path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, op, err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(on)")
	// Statement journals and sorts stay in memory: spilled to temp files
	// they made nine in ten of ingest's write calls.
	q.Add("_pragma", "temp_store(MEMORY)")
	// Reads (the HTTP API, queries) go through memory-mapped pages and a
	// larger page cache instead of copying every page through the pager.
	q.Add("_pragma", "mmap_size(268435456)")
	q.Add("_pragma", "cache_size(-32768)") // 32 MiB per connection, at most
	// Checkpoint every 16 MB of WAL rather than 4: the index pages an
	// ingest dirties again and again are copied to the database less
	// often (store writes 5% cheaper, BenchmarkStoreSQLite).
	q.Add("_pragma", "wal_autocheckpoint(4000)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, op, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	sub, _ := fs.Sub(migrations, "migrations")
	if err := sqlstore.Migrate(ctx, db, sub, nil); err != nil {
		db.Close()
		return nil, chronicle.Wrap(chronicle.EUNAVAILABLE, op+" "+path, err)
	}
	return &Store{sqlstore.New(db, dialect)}, nil
}

var dialect = sqlstore.Dialect{
	Name: "sqlite",
	IndexText: func(ctx context.Context, tx *sql.Tx, seq int64, title, text string) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)`, seq, title, text)
		return err
	},
	Search: search,
	// SQLite runs one writer at a time, so a plain UPDATE ... RETURNING is
	// an atomic claim.
	ClaimSQL: `UPDATE documents SET status = 'claimed', claimed_by = ?, lease_until = ?, attempts = attempts + 1
WHERE seq IN (SELECT seq FROM documents WHERE status <> 'done' AND (status = 'queued' OR lease_until < ?) AND attempts < ? ORDER BY seq LIMIT ?)
RETURNING id, url, title, source, language, published, text`,
}

func search(ctx context.Context, db *sql.DB, query string, limit int) ([]chronicle.SearchHit, error) {
	rows, err := db.QueryContext(ctx, `SELECT d.id, coalesce(nullif(d.title, ''), s.title, ''), d.url, d.published,
snippet(documents_fts, 1, '[', ']', '…', 16), bm25(documents_fts)
FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid LEFT JOIN stories s ON s.id = d.story
WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?`, ftsQuery(query), limit)
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
		h.Rank = -h.Rank // bm25 is lower-is-better
		out = append(out, h)
	}
	return out, rows.Err()
}

// ftsQuery turns free text into an FTS5 query: every word must occur
// (words are quoted, so FTS5 operators in user text are taken literally).
func ftsQuery(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	if len(words) == 0 {
		return `""`
	}
	return strings.Join(words, " ")
}
