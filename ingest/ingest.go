// Package ingest runs the ingest loop: read articles (package input),
// analyse them with the pipeline in parallel, and store them in batched
// transactions through a single writer goroutine; and the worker loop that
// claims queued documents from a shared store, analyses and completes them.
//
//	read (1 goroutine) → skip known ids → analyse (Workers goroutines) → write (1 goroutine)
//
// Guarantees, given a chronicle.Store that keeps its contract:
//   - Idempotence: documents are keyed by content hash; an id already stored
//     is dropped before analysis, and the store ignores it if it slips by.
//   - Crash safety: each document is committed with all its records in one
//     transaction, so a kill -9 loses at most the uncommitted batch, which
//     a rerun adds; nothing is stored twice.
//   - A bad document (unreadable, binary, too large, or a stage failing on
//     it) is reported through Options.Report and skipped; the rest go on.
package ingest

import (
	"context"
	"fmt"
	"iter"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/input"
)

// Source yields the articles found at a path; *input.Reader is one.
type Source interface {
	Read(ctx context.Context, path string) iter.Seq2[input.Article, error]
}

// Options configure Run.
type Options struct {
	Store chronicle.Store
	// Stage analyses each document; nil stores documents without analysis.
	Stage chronicle.Stage
	// Source reads the paths; nil means an input.Reader with MaxBytes.
	Source Source
	// Workers is the number of analysing goroutines; 0 means GOMAXPROCS.
	Workers int
	// Batch is the number of documents per write transaction; 0 means 64.
	Batch int
	// Queue, when set, enqueues documents for workers (see Work) instead
	// of analysing them.
	Queue bool
	// MaxBytes is the largest document; 0 means chronicle.DefaultMaxBytes.
	MaxBytes int
	// Published, when set, is the publication date of documents whose
	// source gives none (it anchors their relative dates).
	Published time.Time
	// Report, when set, is told about every document that was skipped for
	// being bad, with the reason. It is called from one goroutine at a time.
	Report func(name string, err error)
	// Progress, when set, is called after every write with the counts so
	// far, from one goroutine at a time.
	Progress func(Stats)
}

// Stats counts what an ingest did.
type Stats struct {
	Read    int           // articles read, good or bad
	Stored  int           // documents newly stored (or enqueued)
	Known   int           // documents already stored before, or twice in the input
	Failed  int           // bad documents, reported and skipped
	Bytes   int64         // text bytes of the documents read
	Elapsed time.Duration // since Run began
}

// DocsPerSecond returns the rate of documents read.
func (s Stats) DocsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

// Run ingests every article found at paths into o.Store and returns what
// it did. It returns an error only for real failures (the store failing,
// ctx done); what it stored until then stays stored.
func Run(ctx context.Context, o Options, paths ...string) (Stats, error) {
	if o.Store == nil {
		return Stats{}, chronicle.Errorf(chronicle.EINVALID, "ingest", "no store")
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Batch <= 0 {
		o.Batch = 64
	}
	if o.Source == nil {
		o.Source = &input.Reader{MaxBytes: o.MaxBytes}
	}
	if o.Queue {
		o.Stage = nil
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	r := &run{o: o, start: time.Now()}
	fresh := make(chan item, 4*o.Batch)
	done := make(chan item, 4*o.Batch)

	var readErr error
	go func() {
		defer close(fresh)
		readErr = r.read(ctx, paths, fresh)
		if readErr != nil {
			cancel(readErr)
		}
	}()
	var wg sync.WaitGroup
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.analyse(ctx, fresh, done)
		}()
	}
	go func() { wg.Wait(); close(done) }()
	writeErr := r.write(ctx, done)
	if writeErr != nil {
		cancel(writeErr)
	}
	for range done { // wait for the reader and the analysers to stop
	}
	st := r.stats()
	switch {
	case writeErr != nil:
		return st, writeErr
	case readErr != nil:
		return st, readErr
	case ctx.Err() != nil:
		return st, context.Cause(ctx)
	}
	return st, nil
}

// item is a document on its way, with the name of the input it came from.
type item struct {
	name string
	doc  *chronicle.Document
}

type run struct {
	o     Options
	start time.Time

	nread, known, failed, stored atomic.Int64
	bytes                        atomic.Int64
	reportMu                     sync.Mutex
}

func (r *run) stats() Stats {
	return Stats{
		Read: int(r.nread.Load()), Stored: int(r.stored.Load()), Known: int(r.known.Load()),
		Failed: int(r.failed.Load()), Bytes: r.bytes.Load(), Elapsed: time.Since(r.start),
	}
}

func (r *run) report(name string, err error) {
	r.failed.Add(1)
	if r.o.Report != nil {
		r.reportMu.Lock()
		r.o.Report(name, err)
		r.reportMu.Unlock()
	}
}

// read turns articles into documents, drops the ids already stored (asking
// the store a batch at a time) or already seen in this run, and sends the
// rest on.
func (r *run) read(ctx context.Context, paths []string, out chan<- item) error {
	seen := map[string]bool{}
	var batch []item
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		ids := make([]string, len(batch))
		for i, it := range batch {
			ids[i] = it.doc.ID
		}
		has, err := r.o.Store.Has(ctx, ids)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		for _, it := range batch {
			if has[it.doc.ID] {
				r.known.Add(1)
				continue
			}
			select {
			case out <- it:
			case <-ctx.Done():
				return nil
			}
		}
		batch = batch[:0]
		return nil
	}
	for _, path := range paths {
		for a, err := range r.o.Source.Read(ctx, path) {
			if ctx.Err() != nil {
				return nil
			}
			r.nread.Add(1)
			if err != nil {
				r.report(a.Name, err)
				continue
			}
			d, err := a.Document(r.o.MaxBytes)
			if err != nil {
				r.report(a.Name, err)
				continue
			}
			if d.Published.IsZero() {
				d.Published = r.o.Published
			}
			r.bytes.Add(int64(len(d.Text)))
			if seen[d.ID] {
				r.known.Add(1)
				continue
			}
			seen[d.ID] = true
			batch = append(batch, item{a.Name, d})
			if len(batch) >= r.o.Batch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// analyse runs the stage on documents, in batches of those ready (up to
// analyseBatch) so that a pipeline runs stage by stage over them; a
// document the stage fails on is reported and dropped.
func (r *run) analyse(ctx context.Context, in <-chan item, out chan<- item) {
	batch := make([]item, 0, analyseBatch)
	docs := make([]*chronicle.Document, 0, analyseBatch)
	for it := range in {
		batch = append(batch[:0], it)
	fill:
		for len(batch) < analyseBatch {
			select {
			case more, ok := <-in:
				if !ok {
					break fill
				}
				batch = append(batch, more)
			default:
				break fill
			}
		}
		docs = docs[:0]
		for _, b := range batch {
			docs = append(docs, b.doc)
		}
		var errs []error
		if r.o.Stage != nil {
			errs = processBatch(ctx, r.o.Stage, docs)
		}
		for i, b := range batch {
			if errs != nil && errs[i] != nil {
				if ctx.Err() == nil {
					r.report(b.name, errs[i])
				}
				continue
			}
			select {
			case out <- b:
			case <-ctx.Done():
			}
		}
		clear(batch)
	}
}

// analyseBatch is how many documents an analysing goroutine takes at once.
const analyseBatch = chronicle.BatchSize

// processBatch runs the stage on docs, stage by stage when it is a
// pipeline; one error per document. A panic fails its document only.
func processBatch(ctx context.Context, s chronicle.Stage, docs []*chronicle.Document) []error {
	p, ok := s.(chronicle.Pipeline)
	if !ok {
		p = chronicle.Pipeline{s}
	}
	return p.ProcessBatch(ctx, docs)
}

func name(d *chronicle.Document) string {
	if d.URL != "" {
		return d.URL
	}
	return d.ID
}

// write stores documents in batches: a batch is written when full, or
// when no document has arrived for a moment.
func (r *run) write(ctx context.Context, in <-chan item) error {
	batch := make([]item, 0, r.o.Batch)
	docs := make([]*chronicle.Document, 0, r.o.Batch)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		docs = docs[:0]
		for _, it := range batch {
			docs = append(docs, it.doc)
		}
		n, err := r.store(ctx, docs)
		failed := 0
		if err != nil && ctx.Err() == nil {
			// Find the bad documents: each alone, reported and skipped. If
			// none can be stored the store itself is failing.
			n, failed = 0, 0
			for _, it := range batch {
				k, derr := r.store(ctx, []*chronicle.Document{it.doc})
				n += k
				if derr != nil {
					failed++
					r.report(it.name, derr)
				}
			}
			if failed < len(batch) {
				err = nil
			}
		}
		r.stored.Add(int64(n))
		r.known.Add(int64(len(batch) - n - failed))
		clear(batch)
		clear(docs)
		batch = batch[:0]
		if r.o.Progress != nil {
			r.o.Progress(r.stats())
		}
		if err != nil {
			return fmt.Errorf("ingest: store: %w", err)
		}
		return nil
	}
	for {
		select {
		case it, ok := <-in:
			if !ok {
				return flush()
			}
			batch = append(batch, it)
			if len(batch) >= r.o.Batch {
				if err := flush(); err != nil {
					return err
				}
			}
		case <-tick.C:
			if err := flush(); err != nil {
				return err
			}
		case <-ctx.Done():
			return nil
		}
	}
}

func (r *run) store(ctx context.Context, docs []*chronicle.Document) (int, error) {
	if r.o.Queue {
		return r.o.Store.Enqueue(ctx, docs)
	}
	return r.o.Store.Put(ctx, docs)
}

// WorkOptions configure Work.
type WorkOptions struct {
	Store chronicle.Store
	// Stage analyses each claimed document; nil stores them unanalysed.
	Stage chronicle.Stage
	// Name identifies this worker in claims; it must be unique among the
	// workers of one database. "" means host-pid.
	Name string
	// Workers is the number of analysing goroutines; 0 means GOMAXPROCS.
	Workers int
	// Batch is how many documents are claimed at once; 0 means
	// 8*Workers, so that each goroutine analyses 8 stage by stage.
	Batch int
	// Lease is how long a claim holds; a worker that dies releases its
	// claims when their lease ends. 0 means 5 minutes.
	Lease time.Duration
	// Poll is how long to wait when the queue is empty; 0 means 2 s.
	Poll time.Duration
	// Drain, when set, makes Work return once the queue is empty instead
	// of waiting for more.
	Drain bool
	// Report and Progress are as in Options.
	Report   func(name string, err error)
	Progress func(Stats)
}

// Work claims queued documents from o.Store, analyses them and completes
// them, each document's results committed in one transaction with its
// change of status, until ctx is done (or the queue is empty, with Drain).
// It returns what it did; the error is nil when ctx ended it.
func Work(ctx context.Context, o WorkOptions) (Stats, error) {
	if o.Store == nil {
		return Stats{}, chronicle.Errorf(chronicle.EINVALID, "worker", "no store")
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Batch <= 0 {
		o.Batch = analyseBatch * o.Workers
	}
	if o.Lease <= 0 {
		o.Lease = 5 * time.Minute
	}
	if o.Poll <= 0 {
		o.Poll = 2 * time.Second
	}
	if o.Name == "" {
		o.Name = DefaultWorkerName()
	}
	r := &run{o: Options{Report: o.Report}, start: time.Now()}
	for ctx.Err() == nil {
		docs, err := o.Store.Claim(ctx, o.Name, o.Batch, o.Lease)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return r.stats(), fmt.Errorf("worker %s: %w", o.Name, err)
		}
		if len(docs) == 0 {
			if o.Drain {
				break
			}
			select {
			case <-ctx.Done():
			case <-time.After(o.Poll):
			}
			continue
		}
		r.nread.Add(int64(len(docs)))
		var wg sync.WaitGroup
		next := atomic.Int64{}
		// Chunks run stage by stage; small enough that every goroutine
		// gets one.
		size := int64(max(1, min(analyseBatch, len(docs)/o.Workers)))
		for range min(o.Workers, len(docs)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for lo := int(next.Add(size) - size); lo < len(docs); lo = int(next.Add(size) - size) {
					chunk := docs[lo:min(lo+int(size), len(docs))]
					for _, d := range chunk {
						r.bytes.Add(int64(len(d.Text)))
					}
					if o.Stage == nil {
						continue
					}
					for i, err := range processBatch(ctx, o.Stage, chunk) {
						if err != nil && ctx.Err() == nil {
							// Store it unanalysed rather than retry it forever.
							d := chunk[i]
							r.report(name(d), err)
							*d = chronicle.Document{ID: d.ID, URL: d.URL, Title: d.Title, Source: d.Source,
								Language: d.Language, Published: d.Published, Text: d.Text}
						}
					}
				}
			}()
		}
		wg.Wait()
		if ctx.Err() != nil {
			break // the claims lapse with their lease
		}
		n, err := o.Store.Complete(ctx, o.Name, docs)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return r.stats(), fmt.Errorf("worker %s: %w", o.Name, err)
		}
		r.stored.Add(int64(n))
		r.known.Add(int64(len(docs) - n)) // claims lost to another worker
		if o.Progress != nil {
			o.Progress(r.stats())
		}
	}
	return r.stats(), nil
}

// DefaultWorkerName returns host-pid.
func DefaultWorkerName() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "worker"
	}
	return fmt.Sprintf("%s-%d", host, os.Getpid())
}
