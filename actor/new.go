package actor

import "github.com/chronicle-news/chronicle/registry"

// New returns the actor stage. reg, when not nil, supplies known actors
// (user dictionaries first, then imported PETRARCH/Phoenix dictionaries):
// an actor found in the registry takes its id, and its country and sector
// when the text does not give them. New only reads reg; recording what
// articles say is the caller's (registry.Registry.Observe, see
// ObservationOf). It fails only if the embedded word lists are corrupt
// (EUNAVAILABLE).
func New(reg *registry.Registry) (*Extractor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Extractor{lex: lx, reg: reg}, nil
}
