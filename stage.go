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

// BatchSize is how many documents ingest, workers and chronicle bench
// analyse together with ProcessBatch. On BBC news, batches of 8 gave the
// grammar core 15% more tokens/s than one document at a time, and 32 only
// about 3% more than 8, for four times the documents held in memory.
const BatchSize = 8

// ProcessBatch runs the pipeline over several documents stage by stage:
// every document through one stage before the next stage starts, so that
// each model's weights stay in the processor's caches across documents
// instead of being evicted by the other models after every document (see
// BatchSize and engine's BenchmarkGrammarCore). It returns one error per
// document (nil when it was analysed); a document a stage fails on, or
// panics on, skips the later stages and the others go on. When ctx is done
// every document not yet finished gets ctx's error.
func (p Pipeline) ProcessBatch(ctx context.Context, docs []*Document) []error {
	errs := make([]error, len(docs))
	for _, s := range p {
		for i, d := range docs {
			if errs[i] != nil {
				continue
			}
			if err := ctx.Err(); err != nil {
				errs[i] = err
				continue
			}
			errs[i] = processSafely(ctx, s, d)
		}
	}
	return errs
}

// processSafely runs s on d, turning a panic into an error so that one
// document cannot bring down a batch.
func processSafely(ctx context.Context, s Stage, d *Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = Errorf(EINTERNAL, "analyse", "stage panicked: %v", r)
		}
	}()
	return s.Process(ctx, d)
}
