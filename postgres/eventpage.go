package postgres

import (
	"context"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/eventquery"
)

// EventsAfter implements chronicle.EventPager.
func (s *Store) EventsAfter(ctx context.Context, f chronicle.EventFilter, after chronicle.EventKey) ([]chronicle.StoredEvent, error) {
	return eventquery.After(ctx, s.DB(), eventquery.Dollar, f, after)
}

// NewEventPager returns an EventPager over the store that keeps its
// statements prepared (for servers that run the same queries many times).
// It is valid until the store is closed.
func (s *Store) NewEventPager() chronicle.EventPager {
	return eventquery.NewPager(s.DB(), eventquery.Dollar)
}

var _ chronicle.EventPager = (*Store)(nil)
