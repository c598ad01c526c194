-- Chronicle schema, SQLite dialect. Keep in step with postgres/migrations.
-- Times are Unix nanoseconds; offsets are bytes (bstart, bend) and code
-- points (cstart, cend) into documents.text.

CREATE TABLE documents (
	seq          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT '',
	published    INTEGER,
	ingested     INTEGER NOT NULL,
	text         TEXT NOT NULL,
	status       TEXT NOT NULL,
	claimed_by   TEXT NOT NULL DEFAULT '',
	lease_until  INTEGER NOT NULL DEFAULT 0,
	attempts     INTEGER NOT NULL DEFAULT 0,
	version      INTEGER NOT NULL DEFAULT 1,
	previous     TEXT NOT NULL DEFAULT '',
	duplicate_of TEXT NOT NULL DEFAULT '',
	story        INTEGER,
	minhash      BLOB NOT NULL
);
CREATE INDEX documents_url ON documents (url, version) WHERE url <> '';
CREATE INDEX documents_queue ON documents (seq) WHERE status <> 'done';
CREATE INDEX documents_story ON documents (story);
-- MinHash LSH bands of analysed documents (see package dedup).
CREATE TABLE doc_bands (
	band   INTEGER NOT NULL,
	doc_id TEXT NOT NULL,
	PRIMARY KEY (band, doc_id)
);
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = 'documents', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TABLE stories (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL DEFAULT '',
	first_seen INTEGER NOT NULL,
	last_seen  INTEGER NOT NULL,
	documents  INTEGER NOT NULL DEFAULT 0,
	sources    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last ON stories (last_seen);
CREATE TABLE story_actors (
	story     INTEGER NOT NULL,
	actor     TEXT NOT NULL,
	type      TEXT NOT NULL,
	documents INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (actor, story)
);
CREATE INDEX story_actors_story ON story_actors (story);

CREATE TABLE actors (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL DEFAULT '',
	country    TEXT NOT NULL DEFAULT '',
	sector     TEXT NOT NULL DEFAULT '',
	first_seen INTEGER,
	last_seen  INTEGER,
	mentions   INTEGER NOT NULL DEFAULT 0,
	documents  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE actor_aliases (
	actor TEXT NOT NULL,
	norm  TEXT NOT NULL,
	alias TEXT NOT NULL,
	PRIMARY KEY (actor, norm)
);
CREATE INDEX actor_aliases_norm ON actor_aliases (norm);
CREATE TABLE actor_roles (
	actor   TEXT NOT NULL,
	title   TEXT NOT NULL,
	country TEXT NOT NULL DEFAULT '',
	sector  TEXT NOT NULL DEFAULT '',
	seen    TEXT NOT NULL DEFAULT '',
	doc_id  TEXT NOT NULL,
	bstart  INTEGER NOT NULL,
	bend    INTEGER NOT NULL,
	PRIMARY KEY (actor, doc_id, bstart, title)
);
CREATE TABLE mentions (
	doc_id TEXT NOT NULL,
	actor  TEXT NOT NULL,
	bstart INTEGER NOT NULL, bend INTEGER NOT NULL, cstart INTEGER NOT NULL, cend INTEGER NOT NULL,
	kind   TEXT NOT NULL,
	PRIMARY KEY (doc_id, bstart, bend, actor)
);
CREATE INDEX mentions_actor ON mentions (actor);
CREATE TABLE entities (
	doc_id TEXT NOT NULL,
	idx    INTEGER NOT NULL,
	bstart INTEGER NOT NULL, bend INTEGER NOT NULL, cstart INTEGER NOT NULL, cend INTEGER NOT NULL,
	type   TEXT NOT NULL,
	actor  TEXT NOT NULL DEFAULT '',
	confidence REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (doc_id, idx)
);
CREATE TABLE timexes (
	doc_id TEXT NOT NULL,
	idx    INTEGER NOT NULL,
	bstart INTEGER NOT NULL, bend INTEGER NOT NULL, cstart INTEGER NOT NULL, cend INTEGER NOT NULL,
	type   TEXT NOT NULL,
	value  TEXT NOT NULL,
	mod    TEXT NOT NULL DEFAULT '',
	confidence REAL NOT NULL DEFAULT 0,
	anchor TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);
CREATE TABLE quotes (
	doc_id TEXT NOT NULL,
	idx    INTEGER NOT NULL,
	kind   TEXT NOT NULL,
	speaker_bstart INTEGER NOT NULL, speaker_bend INTEGER NOT NULL,
	speaker_cstart INTEGER NOT NULL, speaker_cend INTEGER NOT NULL,
	speaker_actor  TEXT NOT NULL DEFAULT '',
	cue_cstart INTEGER NOT NULL, cue_cend INTEGER NOT NULL,
	bstart INTEGER NOT NULL, bend INTEGER NOT NULL, cstart INTEGER NOT NULL, cend INTEGER NOT NULL,
	date   TEXT NOT NULL DEFAULT '',
	parent INTEGER NOT NULL DEFAULT -1,
	PRIMARY KEY (doc_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_actor);

CREATE TABLE events (
	id            INTEGER PRIMARY KEY,
	story         INTEGER NOT NULL,
	key           TEXT NOT NULL,
	type          TEXT NOT NULL,
	mode          TEXT NOT NULL DEFAULT '',
	source_actor  TEXT NOT NULL DEFAULT '',
	source_name   TEXT NOT NULL DEFAULT '',
	target_actor  TEXT NOT NULL DEFAULT '',
	target_name   TEXT NOT NULL DEFAULT '',
	day           TEXT NOT NULL,
	place         TEXT NOT NULL DEFAULT '',
	place_country TEXT NOT NULL DEFAULT '',
	first_report  INTEGER NOT NULL,
	reports       INTEGER NOT NULL DEFAULT 1,
	sources       INTEGER NOT NULL DEFAULT 1,
	confidence    REAL NOT NULL DEFAULT 0,
	doc_id        TEXT NOT NULL,
	idx           INTEGER NOT NULL,
	UNIQUE (story, key)
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_source ON events (source_actor);
CREATE INDEX events_target ON events (target_actor);
CREATE TABLE event_reports (
	event  INTEGER NOT NULL,
	doc_id TEXT NOT NULL,
	idx    INTEGER NOT NULL,
	bstart INTEGER NOT NULL, bend INTEGER NOT NULL, cstart INTEGER NOT NULL, cend INTEGER NOT NULL,
	why    TEXT NOT NULL DEFAULT '',
	confidence REAL NOT NULL DEFAULT 0,
	negated  INTEGER NOT NULL DEFAULT 0,
	modality TEXT NOT NULL DEFAULT '',
	quote    INTEGER NOT NULL DEFAULT -1,
	PRIMARY KEY (doc_id, idx)
);
CREATE INDEX event_reports_event ON event_reports (event);
