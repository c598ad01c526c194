package chronicle

import (
	"context"
	"time"
)

// Store keeps analysed documents and the chronicle built from them:
// documents (with a version chain per URL), actors, mentions, entities,
// quotes, timexes, events merged across reports, and stories.
//
// Every stored record keeps its provenance: the id of the document it comes
// from and BYTE offsets into that document's text. Query results convert the
// offsets to Unicode code-point offsets (fields named CharStart/CharEnd) and
// also keep the byte offsets (Start/End).
//
// Implementations (package sqlite, package postgres) are safe for concurrent
// use by many goroutines. Errors carry a chronicle error code: ENOTFOUND for
// a missing record, EINVALID for a bad argument, EUNAVAILABLE when the
// database cannot be reached, EINTERNAL otherwise.
type Store interface {
	// Put stores analysed documents. Each document is written with all its
	// layers in one transaction together with its document row, so a crash
	// leaves either the whole document or nothing. A document whose id is
	// already stored and analysed is skipped (idempotence by content hash);
	// a queued copy of it is completed. Put returns how many documents were
	// newly stored.
	Put(ctx context.Context, docs []*Document) (int, error)

	// Has reports which of the given document ids are already stored
	// (queued or analysed).
	Has(ctx context.Context, ids []string) (map[string]bool, error)

	// Enqueue stores documents without analysis, for workers to claim. A
	// document already stored is skipped. It returns how many were added.
	Enqueue(ctx context.Context, docs []*Document) (int, error)

	// Claim marks up to n queued documents as claimed by worker until
	// lease has passed and returns them with text and metadata only. A
	// claim whose lease has expired (its worker died) is claimable again.
	// Concurrent claimers never get the same document while a lease holds.
	Claim(ctx context.Context, worker string, n int, lease time.Duration) ([]*Document, error)

	// Complete stores the analysis of documents claimed by worker, each in
	// one transaction with the change of its status to done. A document
	// whose claim was lost (lease expired and taken by another worker) is
	// skipped. It returns how many documents were completed.
	Complete(ctx context.Context, worker string, docs []*Document) (int, error)

	// Document returns one stored document, without layers.
	// It returns an ENOTFOUND error when there is none.
	Document(ctx context.Context, id string) (*StoredDocument, error)

	// Events returns events (one per happening, see package dedup) that
	// match f, newest first.
	Events(ctx context.Context, f EventFilter) ([]StoredEvent, error)
	// Reports returns the reports (document and evidence) of one event.
	Reports(ctx context.Context, eventID int64) ([]EventReport, error)
	// Quotes returns quotes that match f.
	Quotes(ctx context.Context, f QuoteFilter) ([]StoredQuote, error)
	// Actors returns the actor registry as seen in the stored documents.
	Actors(ctx context.Context, f ActorFilter) ([]StoredActor, error)
	// Stories returns stories, newest first.
	Stories(ctx context.Context, f StoryFilter) ([]Story, error)
	// Search runs a full-text query over titles and texts.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (StoreStats, error)

	Close() error
}

// Document statuses in a store.
const (
	StatusQueued  = "queued"  // stored, waiting for a worker
	StatusClaimed = "claimed" // a worker holds a lease on it
	StatusDone    = "done"    // analysed and stored with its layers
)

// StoredDocument is a document row.
type StoredDocument struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	Language  string    `json:"language,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Ingested  time.Time `json:"ingested"`
	Text      string    `json:"text,omitempty"`
	Status    string    `json:"status"`
	// Version is 1 for the first document seen at URL, 2 for the next
	// different text at the same URL, and so on; Previous is the id of the
	// version before.
	Version  int    `json:"version"`
	Previous string `json:"previous,omitempty"`
	// DuplicateOf is the id of the first-stored near-duplicate (wire copy,
	// light rewrite) of this document, "" when it has none.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Story       int64  `json:"story,omitempty"`
}

// EventFilter selects events. Empty fields match everything. Actor and
// Target match an actor id, canonical name or alias, case-insensitively.
// Since and Until bound the event date (inclusive, by day).
type EventFilter struct {
	Actor, Target, Type string
	// Status selects by chronicle.Event.Status: "" gives happenings only
	// (asserted events), StatusAll every event, any other value the events
	// with that status ("negated", "hypothetical", ...).
	Status       string
	Since, Until time.Time
	Story        int64
	Limit        int // 0: no limit
}

// StatusAll in EventFilter.Status selects events of every status.
const StatusAll = "all"

// StoredEvent is one happening, merged from every report of it.
type StoredEvent struct {
	ID          int64  `json:"id"`
	Type        string `json:"event_type"`
	Mode        string `json:"mode,omitempty"`
	SourceActor string `json:"source_actor,omitempty"`
	SourceName  string `json:"source_name,omitempty"`
	TargetActor string `json:"target_actor,omitempty"`
	TargetName  string `json:"target_name,omitempty"`
	Date        string `json:"event_date,omitempty"` // YYYY-MM-DD
	Status      string `json:"status,omitempty"`     // Event.Status: empty for a happening
	// Period is set when the reports date the event more coarsely than a
	// day: YYYY-Www (only the week of the report is known), YYYY-MM or
	// YYYY. Date is then the period's first day, for sorting and paging.
	Period       string    `json:"event_period,omitempty"`
	Place        string    `json:"place,omitempty"`
	PlaceCountry string    `json:"place_country,omitempty"`
	Story        int64     `json:"story_id"`
	FirstReport  time.Time `json:"first_reported"`
	Reports      int       `json:"num_reports"`
	Sources      int       `json:"num_sources"` // independent: near-duplicates count once
	Confidence   float64   `json:"confidence"`
	// Evidence is the evidence text of the first report.
	Evidence string `json:"evidence,omitempty"`
	DocID    string `json:"doc_id"` // the first report's document
}

// EventReport links an event to one document reporting it.
type EventReport struct {
	EventID    int64   `json:"event_id"`
	DocID      string  `json:"doc_id"`
	Start      int     `json:"byte_start"`
	End        int     `json:"byte_end"`
	CharStart  int     `json:"start"`
	CharEnd    int     `json:"end"`
	Text       string  `json:"text"`
	Why        string  `json:"why,omitempty"`
	Confidence float64 `json:"confidence"`
	Negated    bool    `json:"negated,omitempty"`
	Modality   string  `json:"modality,omitempty"`
}

// QuoteFilter selects quotes; Speaker matches an actor id, name or alias, or
// the speaker text, case-insensitively.
type QuoteFilter struct {
	Speaker string
	DocID   string
	Limit   int
}

// StoredQuote is one quote with its speaker resolved as far as known.
type StoredQuote struct {
	DocID        string    `json:"doc_id"`
	Index        int       `json:"index"`
	Kind         string    `json:"kind"`
	Speaker      string    `json:"speaker"` // speaker text as written
	SpeakerActor string    `json:"speaker_actor,omitempty"`
	SpeakerName  string    `json:"speaker_name,omitempty"`
	Cue          string    `json:"cue,omitempty"`
	Content      string    `json:"content"`
	Start        int       `json:"byte_start"` // content span, bytes
	End          int       `json:"byte_end"`
	CharStart    int       `json:"start"` // content span, code points
	CharEnd      int       `json:"end"`
	Date         string    `json:"date,omitempty"`
	Published    time.Time `json:"published,omitzero"`
}

// ActorFilter selects actors by id, name or alias (case-insensitive
// substring) and type.
type ActorFilter struct {
	Name, Type string
	Limit      int
}

// StoredActor is a registry entry with what the documents said of it.
type StoredActor struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Type      string    `json:"type,omitempty"`
	Country   string    `json:"country,omitempty"`
	Sector    string    `json:"sector,omitempty"`
	Aliases   []string  `json:"aliases,omitempty"`
	Roles     []Role    `json:"roles,omitempty"`
	Mentions  int       `json:"mentions"`
	Documents int       `json:"documents"`
	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
}

// StoryFilter selects stories.
type StoryFilter struct {
	Actor        string
	MinDocuments int // only stories with at least this many documents
	Limit        int
}

// Story is a cluster of documents about one happening (see package dedup
// for the rule).
type Story struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"` // title of its first document
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
	Documents int       `json:"num_documents"`
	Sources   int       `json:"num_sources"` // independent: near-duplicates count once
	Events    int       `json:"num_events"`
	Actors    []string  `json:"actors,omitempty"` // most mentioned actor names
}

// SearchHit is one full-text search result.
type SearchHit struct {
	DocID     string    `json:"doc_id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Snippet   string    `json:"snippet"`
	Rank      float64   `json:"rank"`
}

// StoreStats counts stored records.
type StoreStats struct {
	Documents  int `json:"documents"`
	Queued     int `json:"queued"`
	Duplicates int `json:"duplicates"`
	Stories    int `json:"stories"`
	Events     int `json:"events"`
	Reports    int `json:"reports"`
	Quotes     int `json:"quotes"`
	Actors     int `json:"actors"`
}
