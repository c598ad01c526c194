package chronicle

import "context"

// Stage is one step of analysis. It adds a layer to the document in place.
// A stage returns an error only for real failures (a cancelled context, a
// broken model); trouble with the text itself is recorded in doc.Problems.
type Stage interface {
	Process(ctx context.Context, doc *Document) error
}

// StageFunc adapts a function to a Stage.
type StageFunc func(ctx context.Context, doc *Document) error

// Process calls f.
func (f StageFunc) Process(ctx context.Context, doc *Document) error { return f(ctx, doc) }

// Pipeline runs stages in order.
type Pipeline []Stage

// Process runs every stage on doc, stopping at the first error or when ctx
// is done.
func (p Pipeline) Process(ctx context.Context, doc *Document) error {
	for _, s := range p {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Process(ctx, doc); err != nil {
			return err
		}
	}
	return nil
}
