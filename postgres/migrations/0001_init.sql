-- Chronicle schema, PostgreSQL dialect. Keep in step with sqlite/migrations.
-- Times are Unix nanoseconds; offsets are bytes (bstart, bend) and code
-- points (cstart, cend) into documents.text.

CREATE TABLE documents (
	seq          BIGSERIAL PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT '',
	published    BIGINT,
	ingested     BIGINT NOT NULL,
	text         TEXT NOT NULL,
	status       TEXT NOT NULL,
	claimed_by   TEXT NOT NULL DEFAULT '',
	lease_until  BIGINT NOT NULL DEFAULT 0,
	attempts     BIGINT NOT NULL DEFAULT 0,
	version      BIGINT NOT NULL DEFAULT 1,
	previous     TEXT NOT NULL DEFAULT '',
	duplicate_of TEXT NOT NULL DEFAULT '',
	story        BIGINT,
	minhash      BYTEA NOT NULL
);
CREATE INDEX documents_url ON documents (url, version) WHERE url <> '';
CREATE INDEX documents_queue ON documents (seq) WHERE status <> 'done';
CREATE INDEX documents_story ON documents (story);
-- MinHash LSH bands of analysed documents (see package dedup).
CREATE TABLE doc_bands (
	band   BIGINT NOT NULL,
	doc_id TEXT NOT NULL,
	PRIMARY KEY (band, doc_id)
);
ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', left(title || ' ' || text, 400000))) STORED;
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE stories (
	id         BIGSERIAL PRIMARY KEY,
	title      TEXT NOT NULL DEFAULT '',
	first_seen BIGINT NOT NULL,
	last_seen  BIGINT NOT NULL,
	documents  BIGINT NOT NULL DEFAULT 0,
	sources    BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX stories_last ON stories (last_seen);
CREATE TABLE story_actors (
	story     BIGINT NOT NULL,
	actor     TEXT NOT NULL,
	type      TEXT NOT NULL,
	documents BIGINT NOT NULL DEFAULT 1,
	PRIMARY KEY (actor, story)
);
CREATE INDEX story_actors_story ON story_actors (story);

CREATE TABLE actors (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL DEFAULT '',
	country    TEXT NOT NULL DEFAULT '',
	sector     TEXT NOT NULL DEFAULT '',
	first_seen BIGINT,
	last_seen  BIGINT,
	mentions   BIGINT NOT NULL DEFAULT 0,
	documents  BIGINT NOT NULL DEFAULT 0
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
	bstart  BIGINT NOT NULL,
	bend    BIGINT NOT NULL,
	PRIMARY KEY (actor, doc_id, bstart, title)
);
CREATE TABLE mentions (
	doc_id TEXT NOT NULL,
	actor  TEXT NOT NULL,
	bstart BIGINT NOT NULL, bend BIGINT NOT NULL, cstart BIGINT NOT NULL, cend BIGINT NOT NULL,
	kind   TEXT NOT NULL,
	PRIMARY KEY (doc_id, bstart, bend, actor)
);
CREATE INDEX mentions_actor ON mentions (actor);
CREATE TABLE entities (
	doc_id TEXT NOT NULL,
	idx    BIGINT NOT NULL,
	bstart BIGINT NOT NULL, bend BIGINT NOT NULL, cstart BIGINT NOT NULL, cend BIGINT NOT NULL,
	type   TEXT NOT NULL,
	actor  TEXT NOT NULL DEFAULT '',
	confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
	PRIMARY KEY (doc_id, idx)
);
CREATE TABLE timexes (
	doc_id TEXT NOT NULL,
	idx    BIGINT NOT NULL,
	bstart BIGINT NOT NULL, bend BIGINT NOT NULL, cstart BIGINT NOT NULL, cend BIGINT NOT NULL,
	type   TEXT NOT NULL,
	value  TEXT NOT NULL,
	mod    TEXT NOT NULL DEFAULT '',
	confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
	anchor TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc_id, idx)
);
CREATE TABLE quotes (
	doc_id TEXT NOT NULL,
	idx    BIGINT NOT NULL,
	kind   TEXT NOT NULL,
	speaker_bstart BIGINT NOT NULL, speaker_bend BIGINT NOT NULL,
	speaker_cstart BIGINT NOT NULL, speaker_cend BIGINT NOT NULL,
	speaker_actor  TEXT NOT NULL DEFAULT '',
	cue_cstart BIGINT NOT NULL, cue_cend BIGINT NOT NULL,
	bstart BIGINT NOT NULL, bend BIGINT NOT NULL, cstart BIGINT NOT NULL, cend BIGINT NOT NULL,
	date   TEXT NOT NULL DEFAULT '',
	parent BIGINT NOT NULL DEFAULT -1,
	PRIMARY KEY (doc_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_actor);

CREATE TABLE events (
	id            BIGSERIAL PRIMARY KEY,
	story         BIGINT NOT NULL,
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
	first_report  BIGINT NOT NULL,
	reports       BIGINT NOT NULL DEFAULT 1,
	sources       BIGINT NOT NULL DEFAULT 1,
	confidence    DOUBLE PRECISION NOT NULL DEFAULT 0,
	doc_id        TEXT NOT NULL,
	idx           BIGINT NOT NULL,
	UNIQUE (story, key)
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_source ON events (source_actor);
CREATE INDEX events_target ON events (target_actor);
CREATE TABLE event_reports (
	event  BIGINT NOT NULL,
	doc_id TEXT NOT NULL,
	idx    BIGINT NOT NULL,
	bstart BIGINT NOT NULL, bend BIGINT NOT NULL, cstart BIGINT NOT NULL, cend BIGINT NOT NULL,
	why    TEXT NOT NULL DEFAULT '',
	confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
	negated  BIGINT NOT NULL DEFAULT 0,
	modality TEXT NOT NULL DEFAULT '',
	quote    BIGINT NOT NULL DEFAULT -1,
	PRIMARY KEY (doc_id, idx)
);
CREATE INDEX event_reports_event ON event_reports (event);
