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

var _ chronicle.EventPager = (*Store)(nil)
