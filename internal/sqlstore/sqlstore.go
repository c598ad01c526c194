// Package sqlstore implements chronicle.Store over database/sql. The sqlite
// and postgres packages open the database, apply their own embedded
// migrations (one schema, two dialects) and hand a Dialect with what
// differs: placeholders, full-text search, locking and the claim query.
//
// All times are stored as Unix nanoseconds (BIGINT), dates as YYYY-MM-DD
// text, and all offsets twice: bytes (bstart, bend) and code points
// (cstart, cend), so that substr() gives span text in both databases.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/dedup"
)

// MaxAttempts is how many times a queued document is claimed before it is
// left alone as poison (its worker died each time).
const MaxAttempts = 5

// Dialect is what differs between the databases.
type Dialect struct {
	Name   string // "sqlite" or "postgres", used in error operations
	Dollar bool   // placeholders are $1, $2, ... instead of ?

	// Lock, when not nil, runs first in every writing transaction to
	// serialize writers of the story and event tables.
	Lock func(ctx context.Context, tx *sql.Tx) error
	// IndexText, when not nil, adds a document row to the full-text index.
	IndexText func(ctx context.Context, tx *sql.Tx, seq int64, title, text string) error
	// Search runs a full-text query.
	Search func(ctx context.Context, db *sql.DB, query string, limit int) ([]chronicle.SearchHit, error)
	// ClaimSQL claims documents. Its parameters, in order: worker,
	// lease-until (ns), now (ns), MaxAttempts, n. It returns id, url, title,
	// source, language, published, text.
	ClaimSQL string
}

// Store is a chronicle.Store over a *sql.DB.
type Store struct {
	db      *sql.DB
	d       Dialect
	queries sync.Map // query with ? → rebound query
	stmts   sync.Map // rebound query → *sql.Stmt
	now     func() time.Time
}

var _ chronicle.Store = (*Store)(nil)

// New returns a Store over db, which must hold the migrated schema.
func New(db *sql.DB, d Dialect) *Store {
	return &Store{db: db, d: d, now: time.Now}
}

// DB returns the underlying database.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	s.stmts.Range(func(k, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	return s.db.Close()
}

// q rebinds a query written with ? placeholders for the dialect.
func (s *Store) q(query string) string {
	if !s.d.Dollar {
		return query
	}
	if v, ok := s.queries.Load(query); ok {
		return v.(string)
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
	out := b.String()
	s.queries.Store(query, out)
	return out
}

func (s *Store) err(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s.%s: %w", s.d.Name, op, err)
	}
	if chronicle.ErrorCode(err) != chronicle.EINTERNAL {
		return err
	}
	return chronicle.Wrap(chronicle.EINTERNAL, s.d.Name+"."+op, err)
}

func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if s.d.Lock != nil {
		if err := s.d.Lock(ctx, tx); err != nil {
			tx.Rollback()
			return nil, err
		}
	}
	return tx, nil
}

func nanos(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func fromNanos(n sql.NullInt64) time.Time {
	if !n.Valid || n.Int64 == 0 {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}

// Has implements chronicle.Store.
func (s *Store) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT id FROM documents WHERE id IN (`+marks(len(chunk))+`)`), args...)
		if err != nil {
			return nil, s.err("Has", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, s.err("Has", err)
			}
			out[id] = true
		}
		if err := rows.Close(); err != nil {
			return nil, s.err("Has", err)
		}
	}
	return out, nil
}

func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Put implements chronicle.Store. The batch is written in one transaction;
// if that fails, each document is retried in a transaction of its own so
// that one bad document does not lose the others, and the first error is
// returned after the rest are stored.
func (s *Store) Put(ctx context.Context, docs []*chronicle.Document) (int, error) {
	return s.write(ctx, "Put", "", docs)
}

// Complete implements chronicle.Store.
func (s *Store) Complete(ctx context.Context, worker string, docs []*chronicle.Document) (int, error) {
	if worker == "" {
		return 0, chronicle.Errorf(chronicle.EINVALID, s.d.Name+".Complete", "empty worker name")
	}
	return s.write(ctx, "Complete", worker, docs)
}

func (s *Store) write(ctx context.Context, op, worker string, docs []*chronicle.Document) (int, error) {
	n, err := s.writeTx(ctx, worker, docs)
	if err == nil || len(docs) == 1 || ctx.Err() != nil {
		return n, s.err(op, err)
	}
	var first error
	n = 0
	for _, d := range docs {
		k, err := s.writeTx(ctx, worker, []*chronicle.Document{d})
		n += k
		if err != nil && first == nil {
			first = fmt.Errorf("document %s: %w", d.ID, err)
		}
		if ctx.Err() != nil {
			break
		}
	}
	return n, s.err(op, first)
}

func (s *Store) writeTx(ctx context.Context, worker string, docs []*chronicle.Document) (int, error) {
	tx, err := s.begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	w := writer{s: s, tx: tx, ctx: ctx}
	n := 0
	for _, d := range docs {
		ok, err := w.doc(d, worker)
		if err != nil {
			return 0, fmt.Errorf("document %s: %w", d.ID, err)
		}
		if ok {
			n++
		}
	}
	if err := w.flushIndex(); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return n, nil
}

// Enqueue implements chronicle.Store.
func (s *Store) Enqueue(ctx context.Context, docs []*chronicle.Document) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.err("Enqueue", err)
	}
	defer tx.Rollback()
	w := writer{s: s, tx: tx, ctx: ctx}
	n := 0
	for _, d := range docs {
		_, inserted, err := w.insertRow(d, chronicle.StatusQueued)
		if err != nil {
			return 0, s.err("Enqueue", fmt.Errorf("document %s: %w", d.ID, err))
		}
		if inserted {
			n++
		}
	}
	if err := w.flushIndex(); err != nil {
		return 0, s.err("Enqueue", err)
	}
	return n, s.err("Enqueue", tx.Commit())
}

// Claim implements chronicle.Store.
func (s *Store) Claim(ctx context.Context, worker string, n int, lease time.Duration) ([]*chronicle.Document, error) {
	if worker == "" || n <= 0 || lease <= 0 {
		return nil, chronicle.Errorf(chronicle.EINVALID, s.d.Name+".Claim", "need a worker name, n > 0 and a lease > 0")
	}
	now := s.now()
	rows, err := s.db.QueryContext(ctx, s.q(s.d.ClaimSQL), worker, now.Add(lease).UnixNano(), now.UnixNano(), MaxAttempts, n)
	if err != nil {
		return nil, s.err("Claim", err)
	}
	defer rows.Close()
	var out []*chronicle.Document
	for rows.Next() {
		d := &chronicle.Document{}
		var pub sql.NullInt64
		if err := rows.Scan(&d.ID, &d.URL, &d.Title, &d.Source, &d.Language, &pub, &d.Text); err != nil {
			return nil, s.err("Claim", err)
		}
		d.Published = fromNanos(pub)
		out = append(out, d)
	}
	return out, s.err("Claim", rows.Err())
}

// writer writes documents inside one transaction.
type writer struct {
	s   *Store
	tx  *sql.Tx
	ctx context.Context
	// index holds the rows to add to the full-text index at the end of the
	// transaction: in SQLite every statement after the first write to the
	// FTS5 table pays for a savepoint on it (an eighth of the cost).
	index []indexEntry
}

type indexEntry struct {
	seq int64
	doc *chronicle.Document
}

// flushIndex adds the pending rows to the full-text index.
func (w *writer) flushIndex() error {
	for _, e := range w.index {
		if err := w.s.d.IndexText(w.ctx, w.tx, e.seq, e.doc.Title, e.doc.Text); err != nil {
			return err
		}
	}
	w.index = w.index[:0]
	return nil
}

// stmt returns the statement for query in the writer's transaction,
// prepared once per connection (parsing SQL was an eighth of the cost of
// storing a document).
func (w *writer) stmt(query string) (*sql.Stmt, error) {
	query = w.s.q(query)
	v, ok := w.s.stmts.Load(query)
	if !ok {
		st, err := w.s.db.PrepareContext(w.ctx, query)
		if err != nil {
			return nil, err
		}
		if v, ok = w.s.stmts.LoadOrStore(query, st); ok {
			st.Close()
		}
	}
	return w.tx.StmtContext(w.ctx, v.(*sql.Stmt)), nil
}

func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// row runs a query for one row; a failure to prepare it comes back from Scan.
func (w *writer) row(query string, args ...any) *sql.Row {
	st, err := w.stmt(query)
	if err != nil {
		return w.tx.QueryRowContext(w.ctx, w.s.q(query), args...)
	}
	return st.QueryRowContext(w.ctx, args...)
}

// insertRow inserts the document row (and its full-text entry) unless a
// row with its id exists. It returns the row's seq when inserted.
func (w *writer) insertRow(d *chronicle.Document, status string) (int64, bool, error) {
	if d.ID == "" {
		d.ID = chronicle.DocumentID(d.Text)
	}
	version, previous := 1, ""
	if d.URL != "" {
		var pv int
		var pid string
		err := w.row(`SELECT id, version FROM documents WHERE url = ? ORDER BY version DESC LIMIT 1`, d.URL).Scan(&pid, &pv)
		switch {
		case err == nil:
			if pid == d.ID {
				return 0, false, nil
			}
			version, previous = pv+1, pid
		case !errors.Is(err, sql.ErrNoRows):
			return 0, false, err
		}
	}
	sig, _ := dedup.MinHash(d.Text)
	var seq int64
	err := w.row(`INSERT INTO documents (id, url, title, source, language, published, ingested, text, status, version, previous, minhash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING RETURNING seq`,
		d.ID, d.URL, d.Title, d.Source, d.Language, nanos(d.Published), w.s.now().UnixNano(), d.Text, status,
		version, previous, sig.Bytes()).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	if w.s.d.IndexText != nil {
		w.index = append(w.index, indexEntry{seq, d})
	}
	return seq, true, nil
}

// doc stores one analysed document; worker != "" means Complete.
func (w *writer) doc(d *chronicle.Document, worker string) (bool, error) {
	if d.ID == "" {
		d.ID = chronicle.DocumentID(d.Text)
	}
	if worker != "" {
		res, err := w.exec(`UPDATE documents SET status = 'done', claimed_by = '' WHERE id = ? AND status = 'claimed' AND claimed_by = ?`, d.ID, worker)
		if err != nil {
			return false, err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return false, nil // claim lost
		}
	} else {
		var status string
		err := w.row(`SELECT status FROM documents WHERE id = ?`, d.ID).Scan(&status)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, ok, err := w.insertRow(d, chronicle.StatusDone); err != nil || !ok {
				return false, err
			}
		case err != nil:
			return false, err
		case status == chronicle.StatusDone:
			return false, nil
		default:
			if _, err := w.exec(`UPDATE documents SET status = 'done', claimed_by = '' WHERE id = ?`, d.ID); err != nil {
				return false, err
			}
		}
	}
	return true, w.layers(d)
}

// layers writes the analysis of a document whose row exists: duplicate and
// story assignment, actors, mentions, entities, timexes, quotes, events.
func (w *writer) layers(d *chronicle.Document) error {
	var ingested int64
	var blob []byte
	if err := w.row(`SELECT ingested, minhash FROM documents WHERE id = ?`, d.ID).Scan(&ingested, &blob); err != nil {
		return err
	}
	date := dedup.DocDate(d, time.Unix(0, ingested).UTC())
	cm := newCharMap(d.Text)

	dupOf, story, err := w.nearDuplicate(d, blob)
	if err != nil {
		return err
	}
	actors := dedup.DocActors(d)
	// Without a publication date, sharing actors says nothing about being
	// the same happening (150 undated BBC articles made stories of up to
	// 6 unrelated reports on Blair): such an article joins a story only as
	// a near-duplicate.
	if story == 0 && len(actors) >= dedup.MinSharedActors && !d.Published.IsZero() {
		story, err = w.findStory(actors, date)
		if err != nil {
			return err
		}
	}
	independent := 0
	if dupOf == "" {
		independent = 1
	}
	title := storyTitle(d)
	if story == 0 {
		err = w.row(`INSERT INTO stories (title, first_seen, last_seen, documents, sources) VALUES (?, ?, ?, 1, ?) RETURNING id`,
			title, date.UnixNano(), date.UnixNano(), independent).Scan(&story)
	} else {
		_, err = w.exec(`UPDATE stories SET documents = documents + 1, sources = sources + ?,
first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END,
last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END,
title = CASE WHEN title = '' THEN ? ELSE title END WHERE id = ?`,
			independent, date.UnixNano(), date.UnixNano(), date.UnixNano(), date.UnixNano(), title, story)
	}
	if err != nil {
		return err
	}
	if _, err := w.exec(`UPDATE documents SET duplicate_of = ?, story = ? WHERE id = ?`, dupOf, story, d.ID); err != nil {
		return err
	}
	for _, a := range actors {
		if _, err := w.exec(`INSERT INTO story_actors (story, actor, type, documents) VALUES (?, ?, ?, 1)
ON CONFLICT (actor, story) DO UPDATE SET documents = story_actors.documents + 1`, story, a.ID, a.Type); err != nil {
			return err
		}
	}

	if err := w.actors(d, date, cm); err != nil {
		return err
	}
	ents := w.rows(`INSERT INTO entities (doc_id, idx, bstart, bend, cstart, cend, type, actor, confidence)`, 9)
	for i := range d.Entities {
		e := &d.Entities[i]
		actor := e.Actor
		if actor == "" && len(d.Actors) == 0 {
			actor = dedup.EntityActorID(e.Type, d.SpanText(e.Span))
		}
		if err := ents.add(d.ID, i, e.Start, e.End, cm.at(e.Start), cm.end(e.Start, e.End), e.Type, actor, e.Confidence); err != nil {
			return err
		}
	}
	if err := ents.flush(); err != nil {
		return err
	}
	tx := w.rows(`INSERT INTO timexes (doc_id, idx, bstart, bend, cstart, cend, type, value, mod, confidence, anchor)`, 11)
	for i := range d.Timexes {
		t := &d.Timexes[i]
		if err := tx.add(d.ID, i, t.Start, t.End, cm.at(t.Start), cm.end(t.Start, t.End), t.Type, t.Value, t.Mod, t.Confidence, t.Anchor); err != nil {
			return err
		}
	}
	if err := tx.flush(); err != nil {
		return err
	}
	qs := w.rows(`INSERT INTO quotes (doc_id, idx, kind, speaker_bstart, speaker_bend, speaker_cstart, speaker_cend, speaker_actor, cue_cstart, cue_cend, bstart, bend, cstart, cend, date, parent)`, 16)
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if err := qs.add(d.ID, i, q.Kind, q.Speaker.Start, q.Speaker.End, cm.at(q.Speaker.Start), cm.end(q.Speaker.Start, q.Speaker.End), q.Speaker.Actor,
			cm.at(q.Cue.Start), cm.end(q.Cue.Start, q.Cue.End), q.Content.Start, q.Content.End, cm.at(q.Content.Start), cm.end(q.Content.Start, q.Content.End), q.Date, q.Parent); err != nil {
			return err
		}
	}
	if err := qs.flush(); err != nil {
		return err
	}
	return w.events(d, story, dupOf, date, cm)
}

// nearDuplicate finds the first stored analysed document of which d is a
// near-duplicate (see package dedup) and returns the id of the original
// it copies and its story; it indexes d's bands for later documents.
func (w *writer) nearDuplicate(d *chronicle.Document, blob []byte) (string, int64, error) {
	sig, ok := dedup.ParseSignature(blob)
	if !ok {
		return "", 0, fmt.Errorf("bad minhash signature in the database (%d bytes)", len(blob))
	}
	if !hasWord(d.Text) {
		return "", 0, nil
	}
	bands := dedup.Bands(&sig)
	args := make([]any, 0, len(bands)+1)
	for _, b := range bands {
		args = append(args, b)
	}
	args = append(args, d.ID)
	st, err := w.stmt(`SELECT d.id, d.minhash, d.duplicate_of, d.story FROM documents d
WHERE d.id IN (SELECT doc_id FROM doc_bands WHERE band IN (` + marks(len(bands)) + `)) AND d.id <> ? AND d.story IS NOT NULL ORDER BY d.seq`)
	if err != nil {
		return "", 0, err
	}
	rows, err := st.QueryContext(w.ctx, args...)
	if err != nil {
		return "", 0, err
	}
	dupOf, story := "", int64(0)
	for rows.Next() {
		var id, dup string
		var blob []byte
		var st sql.NullInt64
		if err := rows.Scan(&id, &blob, &dup, &st); err != nil {
			rows.Close()
			return "", 0, err
		}
		if other, ok := dedup.ParseSignature(blob); ok && dupOf == "" && dedup.Near(&sig, &other) {
			dupOf, story = id, st.Int64
			if dup != "" {
				dupOf = dup
			}
		}
	}
	if err := rows.Close(); err != nil {
		return "", 0, err
	}
	args = args[:0]
	for _, b := range bands {
		args = append(args, b, d.ID)
	}
	if _, err := w.exec(bandInsert, args...); err != nil {
		return "", 0, err
	}
	return dupOf, story, nil
}

// maxRows is the most rows one multi-row INSERT carries.
const maxRows = 32

// rowBatch collects rows for multi-row INSERTs (one statement, one round
// trip to PostgreSQL, for up to maxRows rows); rows that are already there
// are left alone.
type rowBatch struct {
	w    *writer
	head string // INSERT INTO t (cols)
	cols int
	n    int
	args []any
}

func (w *writer) rows(head string, cols int) *rowBatch {
	return &rowBatch{w: w, head: head, cols: cols}
}

// add adds one row of b.cols values, writing the batch when it is full.
func (b *rowBatch) add(vals ...any) error {
	b.args = append(b.args, vals...)
	b.n++
	if b.n == maxRows {
		return b.flush()
	}
	return nil
}

// flush writes the rows added so far.
func (b *rowBatch) flush() error {
	if b.n == 0 {
		return nil
	}
	row := "(" + marks(b.cols) + ")"
	q := b.head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", b.n), ", ") + " ON CONFLICT DO NOTHING"
	_, err := b.w.exec(q, b.args...)
	clear(b.args)
	b.args, b.n = b.args[:0], 0
	return err
}

// storyTitle returns the title a document gives a story: its own, else
// its first line (plain-text articles often open with the headline),
// clipped to 200 bytes at a character boundary.
func storyTitle(d *chronicle.Document) string {
	t := d.Title
	if strings.TrimSpace(t) == "" {
		t = strings.TrimSpace(d.Text)
		if i := strings.IndexByte(t, '\n'); i >= 0 {
			t = t[:i]
		}
	}
	t = strings.TrimSpace(t)
	if len(t) > 200 {
		i := 200
		for i > 0 && !utf8.RuneStart(t[i]) {
			i--
		}
		t = t[:i] + "…"
	}
	return t
}

// bandInsert inserts the NumBands bands of a document in one statement.
var bandInsert = `INSERT INTO doc_bands (band, doc_id) VALUES ` +
	strings.TrimSuffix(strings.Repeat("(?, ?), ", dedup.NumBands), ", ") + ` ON CONFLICT DO NOTHING`

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// findStory returns the story d joins by the dedup rule, 0 for none.
func (w *writer) findStory(actors []dedup.ActorRef, date time.Time) (int64, error) {
	// Leave out the actors too common to tie a story.
	var total int64
	if err := w.row(`SELECT coalesce(max(seq), 0) FROM documents`).Scan(&total); err != nil {
		return 0, err
	}
	if total >= dedup.CommonMinDocuments {
		ids := make([]any, 0, len(actors)+1)
		for _, a := range actors {
			ids = append(ids, a.ID)
		}
		ids = append(ids, int64(float64(total)*dedup.CommonShare))
		var common []string
		if err := w.s.strings(w.ctx, w.tx, &common, `SELECT id FROM actors WHERE id IN (`+marks(len(actors))+`) AND documents > ?`, ids...); err != nil {
			return 0, err
		}
		if len(common) > 0 {
			skip := make(map[string]bool, len(common))
			for _, id := range common {
				skip[id] = true
			}
			kept := make([]dedup.ActorRef, 0, len(actors))
			for _, a := range actors {
				if !skip[a.ID] {
					kept = append(kept, a)
				}
			}
			actors = kept
		}
	}
	if len(actors) < dedup.MinSharedActors {
		return 0, nil
	}
	args := make([]any, 0, len(actors)+2)
	args = append(args, date.Add(-dedup.StoryWindow).UnixNano(), date.Add(dedup.StoryWindow).UnixNano())
	for _, a := range actors {
		args = append(args, a.ID)
	}
	// Only a story's core actors count (those in at least half of its
	// documents), so that a story does not snowball through its edges; and
	// only a story with a dated document, since an undated one's span is
	// when it was read.
	rows, err := w.tx.QueryContext(w.ctx, w.s.q(`SELECT sa.story, count(*), sum(CASE WHEN sa.type IN ('PERSON', 'ORG') THEN 1 ELSE 0 END)
FROM story_actors sa JOIN stories s ON s.id = sa.story
WHERE s.last_seen >= ? AND s.first_seen <= ? AND sa.actor IN (`+marks(len(actors))+`) AND sa.documents * 2 >= s.documents
AND EXISTS (SELECT 1 FROM documents sd WHERE sd.story = s.id AND sd.published IS NOT NULL)
GROUP BY sa.story ORDER BY count(*) DESC, sa.story LIMIT 20`), args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var shared, specific int
		if err := rows.Scan(&id, &shared, &specific); err != nil {
			return 0, err
		}
		if dedup.SameStory(shared, specific, true) {
			return id, nil
		}
	}
	return 0, rows.Err()
}

func (w *writer) actors(d *chronicle.Document, date time.Time, cm charMap) error {
	seen := date.UnixNano()
	ms := w.rows(`INSERT INTO mentions (doc_id, actor, bstart, bend, cstart, cend, kind)`, 7)
	// An actor is named the same way many times in an article: each name
	// is written once per document.
	aliased := map[[2]string]bool{}
	alias := func(id, name string) error {
		if k := [2]string{id, name}; !aliased[k] {
			aliased[k] = true
			return w.alias(id, name)
		}
		return nil
	}
	for i := range d.Actors {
		a := &d.Actors[i]
		id := dedup.ActorID(a)
		if err := w.upsertActor(id, a.Name, a.Type, a.Country, a.Sector, seen, len(a.Mentions)); err != nil {
			return err
		}
		if err := alias(id, a.Name); err != nil {
			return err
		}
		for _, m := range a.Mentions {
			if m.Kind == chronicle.MentionNamed && m.Start < m.End && m.End <= len(d.Text) {
				if err := alias(id, d.Text[m.Start:m.End]); err != nil {
					return err
				}
			}
			if err := ms.add(d.ID, id, m.Start, m.End, cm.at(m.Start), cm.end(m.Start, m.End), m.Kind); err != nil {
				return err
			}
		}
		for _, r := range a.Roles {
			if _, err := w.exec(`INSERT INTO actor_roles (actor, title, country, sector, seen, doc_id, bstart, bend) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
				id, r.Title, r.Country, r.Sector, r.Seen, d.ID, r.Span.Start, r.Span.End); err != nil {
				return err
			}
		}
	}
	if len(d.Actors) > 0 {
		return ms.flush()
	}
	// No actor stage: the entity names make a provisional registry, one
	// actor per type and normalized name.
	type named struct {
		name, typ string
		mentions  int
	}
	var order []string
	byID := map[string]*named{}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Actor != "" {
			continue
		}
		name := d.SpanText(e.Span)
		id := dedup.EntityActorID(e.Type, name)
		if byID[id] == nil {
			byID[id] = &named{name: name, typ: e.Type}
			order = append(order, id)
		}
		byID[id].mentions++
		if err := ms.add(d.ID, id, e.Start, e.End, cm.at(e.Start), cm.end(e.Start, e.End), chronicle.MentionNamed); err != nil {
			return err
		}
	}
	for _, id := range order {
		n := byID[id]
		if err := w.upsertActor(id, n.name, n.typ, "", "", seen, n.mentions); err != nil {
			return err
		}
		if err := w.alias(id, n.name); err != nil {
			return err
		}
	}
	return ms.flush()
}

// upsertActor adds an actor to the registry or updates its counts and dates.
func (w *writer) upsertActor(id, name, typ, country, sector string, seen int64, mentions int) error {
	_, err := w.exec(`INSERT INTO actors (id, name, type, country, sector, first_seen, last_seen, mentions, documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (id) DO UPDATE SET mentions = actors.mentions + excluded.mentions, documents = actors.documents + 1,
first_seen = CASE WHEN excluded.first_seen < actors.first_seen THEN excluded.first_seen ELSE actors.first_seen END,
last_seen = CASE WHEN excluded.last_seen > actors.last_seen THEN excluded.last_seen ELSE actors.last_seen END,
country = CASE WHEN actors.country = '' THEN excluded.country ELSE actors.country END,
sector = CASE WHEN actors.sector = '' THEN excluded.sector ELSE actors.sector END`,
		id, name, typ, country, sector, seen, seen, mentions)
	return err
}

func (w *writer) alias(id, alias string) error {
	norm := dedup.Normalize(alias)
	if norm == "" {
		return nil
	}
	_, err := w.exec(`INSERT INTO actor_aliases (actor, norm, alias) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, id, norm, alias)
	return err
}

func (w *writer) events(d *chronicle.Document, story int64, dupOf string, date time.Time, cm charMap) error {
	root := d.ID
	published := d.Published
	if dupOf != "" {
		root = dupOf
		if published.IsZero() {
			// An undated copy of a dated article reports on its date, so
			// that its events merge with the original's.
			var p sql.NullInt64
			if err := w.row(`SELECT published FROM documents WHERE id = ?`, dupOf).Scan(&p); err != nil {
				return err
			}
			published = fromNanos(p)
		}
	}
	counted := map[int64]bool{}
	for i := range d.Events {
		e := &d.Events[i]
		if e.Scope != "" {
			continue // no actor takes part: not for the chronicle
		}
		// An event is dated by its text or its article's publication date,
		// never by when the article was read (date may be that).
		key, day := dedup.EventKey(d, e, published)
		ks := key.String()
		var id int64
		err := w.row(`SELECT id FROM events WHERE story = ? AND key = ?`, story, ks).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			err = w.row(`INSERT INTO events (story, key, type, mode, source_actor, source_name, target_actor, target_name, day, place, place_country, first_report, reports, sources, confidence, doc_id, idx, status)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?) RETURNING id`,
				story, ks, e.Type, e.Mode, key.Source, refName(d, e.Source), key.Target, refName(d, e.Target), day, e.Place, e.PlaceCountry,
				date.UnixNano(), e.Confidence, d.ID, i, key.Status).Scan(&id)
			if err != nil {
				return err
			}
			counted[id] = true
		case err != nil:
			return err
		case !counted[id]:
			counted[id] = true
			var n int
			if err := w.row(`SELECT count(*) FROM event_reports r JOIN documents o ON o.id = r.doc_id
WHERE r.event = ? AND (o.id = ? OR o.duplicate_of = ?)`, id, root, root).Scan(&n); err != nil {
				return err
			}
			newSource := 0
			if n == 0 {
				newSource = 1
			}
			if _, err := w.exec(`UPDATE events SET reports = reports + 1, sources = sources + ?,
confidence = CASE WHEN ? > confidence THEN ? ELSE confidence END,
first_report = CASE WHEN ? < first_report THEN ? ELSE first_report END WHERE id = ?`,
				newSource, e.Confidence, e.Confidence, date.UnixNano(), date.UnixNano(), id); err != nil {
				return err
			}
		}
		negated := 0
		if e.Negated {
			negated = 1
		}
		evidence := ""
		if e.Evidence.Start >= 0 && e.Evidence.End <= len(d.Text) && e.Evidence.Start <= e.Evidence.End {
			evidence = d.Text[e.Evidence.Start:e.Evidence.End]
		}
		if _, err := w.exec(`INSERT INTO event_reports (event, doc_id, idx, bstart, bend, cstart, cend, why, confidence, negated, modality, quote, evidence)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			id, d.ID, i, e.Evidence.Start, e.Evidence.End, cm.at(e.Evidence.Start), cm.end(e.Evidence.Start, e.Evidence.End), e.Why, e.Confidence, negated, e.Modality, e.Quote, evidence); err != nil {
			return err
		}
	}
	return nil
}

// refName returns the name an event's participant is shown with: the
// resolved actor's canonical name, else the text.
func refName(d *chronicle.Document, r chronicle.Ref) string {
	if r.Actor != "" {
		for i := range d.Actors {
			if d.Actors[i].ID == r.Actor {
				return d.Actors[i].Name
			}
		}
	}
	if r.Start < r.End && r.End <= len(d.Text) {
		return d.Text[r.Start:r.End]
	}
	return r.Actor
}

// charMap converts byte offsets of a text to code-point offsets.
type charMap struct {
	text string
	idx  []int32 // idx[b] = code points before byte b; nil for ASCII text
}

func newCharMap(text string) charMap {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return charMap{text: text}
	}
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); i++ {
		idx[i] = n
		if !utf8.RuneStart(text[i]) {
			continue
		}
		n++
		idx[i] = n - 1
	}
	idx[len(text)] = n
	return charMap{text: text, idx: idx}
}

// end returns the code-point offset of the end of byte span [start, end),
// never before that of its start.
func (m charMap) end(start, end int) int {
	return max(m.at(start), m.at(end))
}

// at returns the code-point offset of byte offset b, clamped to the text.
func (m charMap) at(b int) int {
	b = max(0, min(b, len(m.text)))
	if m.idx == nil {
		return b
	}
	return int(m.idx[b])
}
