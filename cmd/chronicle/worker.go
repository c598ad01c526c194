package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle/ingest"
)

func newWorkerCmd() *cobra.Command {
	var (
		db, name       string
		workers, batch int
		lease, poll    time.Duration
		drain          bool
		keepOffTopic   bool
		mf             modelFlags
	)
	c := &cobra.Command{
		Use:   "worker [--db postgres://...]",
		Short: "Process queued documents from a shared PostgreSQL database",
		Long: `Worker analyses the documents that 'chronicle ingest --queue' enqueued. Run
one or many workers, on one or many machines, against one PostgreSQL
database: each claims a few documents at a time (FOR UPDATE SKIP LOCKED),
analyses them and commits each document's results in one transaction. A
claim is a lease: if a worker dies, its documents become claimable again when
the lease ends. Stop a worker with Ctrl-C (or SIGTERM); it does not wait for
more work with --drain.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, dbName, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer store.Close()
			stage, err := newPipeline(mf, keepOffTopic)
			if err != nil {
				return err
			}
			stderr := cmd.ErrOrStderr()
			o := ingest.WorkOptions{
				Store: store, Stage: stage, Name: name, Workers: workers, Batch: batch, Lease: lease, Poll: poll, Drain: drain,
				Report: func(name string, err error) {
					fmt.Fprintf(stderr, "analysis failed for %s (stored unanalysed): %v\n", name, err)
				},
			}
			if o.Name == "" {
				o.Name = ingest.DefaultWorkerName()
			}
			fmt.Fprintf(stderr, "worker %s: processing the queue of %s\n", o.Name, dbName)
			last := time.Now()
			o.Progress = func(st ingest.Stats) {
				if time.Since(last) >= 10*time.Second {
					last = time.Now()
					fmt.Fprintf(stderr, "worker %s: %d documents completed (%.0f docs/s)\n", o.Name, st.Stored, float64(st.Stored)/st.Elapsed.Seconds())
				}
			}
			st, err := ingest.Work(ctx, o)
			fmt.Fprintf(stderr, "worker %s: %d documents completed, %d lost to other workers, %d failed analysis in %.1fs\n",
				o.Name, st.Stored, st.Known, st.Failed, st.Elapsed.Seconds())
			return err // nil when stopped by a signal
		},
	}
	f := c.Flags()
	f.BoolVar(&keepOffTopic, "keep-off-topic", false, keepOffTopicUsage)
	mf.register(f)
	f.StringVar(&db, "db", "", dbHelp)
	f.StringVar(&name, "name", "", "worker name, unique among the workers (default host-pid)")
	f.IntVar(&workers, "workers", 0, "analysing goroutines (default: number of CPUs)")
	f.IntVar(&batch, "batch", 0, "documents claimed at once (default 2 × workers)")
	f.DurationVar(&lease, "lease", 5*time.Minute, "how long a claim holds before another worker may take it")
	f.DurationVar(&poll, "poll", 2*time.Second, "wait between looks at an empty queue")
	f.BoolVar(&drain, "drain", false, "exit when the queue is empty instead of waiting for more")
	return c
}
