package chronicle

import "context"

// EventPager is implemented by stores that can page through events by
// position (keyset pagination) with indexed queries; the HTTP API uses it
// when the store has it, and pages over Store.Events otherwise.
type EventPager interface {
	// EventsAfter returns up to f.Limit events (all when f.Limit is 0)
	// that match f as Store.Events does and come after the event at key
	// after in the order of Store.Events (day descending, then id
	// descending); a zero after starts at the first. Unresolved
	// participants are matched by their normalized text.
	EventsAfter(ctx context.Context, f EventFilter, after EventKey) ([]StoredEvent, error)
}

// EventKey is an event's position in the order of Store.Events: its day
// (YYYY-MM-DD, "" when undated) and id. The zero EventKey is before the
// first event.
type EventKey struct {
	Day string
	ID  int64
}
