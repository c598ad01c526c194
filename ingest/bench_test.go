package ingest_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/ingest"
	"github.com/chronicle-news/chronicle/input"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/postgres"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/timex"
	"github.com/chronicle-news/chronicle/tokenize"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// pipeline returns the default engine, or when its models are not there
// yet, every stage that needs no model.
func pipeline(b *testing.B) chronicle.Stage { return pipelineWith(b, engine.Options{}) }

func pipelineWith(b *testing.B, opts engine.Options) chronicle.Stage {
	if os.Getenv("CHRONICLE_BENCH_NO_ANALYSIS") != "" {
		b.Log("no analysis: store only")
		return nil
	}
	p, err := engine.New(opts)
	if err == nil {
		b.Log("pipeline: engine.New (every stage)")
		return p
	}
	b.Logf("engine.New: %v; using the stages that need no model: tokenize, segment, timex, quote", err)
	return chronicle.Pipeline{tokenize.New(), segment.New(), timex.New(), quote.New()}
}

// bbcFiles returns the articles of the bbc-news corpus and their size.
func bbcFiles(b *testing.B) (string, int, int64) {
	dir := shared.Path(b, "corpora", "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var size int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	return dir, len(files), size
}

// BenchmarkIngestSQLite ingests the bbc-news corpus (2,225 articles) end
// to end into a new SQLite file: read, analyse, store. Articles judged off
// topic (1,166 of them) are not parsed, as in `chronicle ingest`.
func BenchmarkIngestSQLite(b *testing.B) { benchIngestSQLite(b, pipeline(b)) }

// BenchmarkIngestSQLiteAllStages is BenchmarkIngestSQLite with every stage
// run on every article (`chronicle ingest --keep-off-topic`).
func BenchmarkIngestSQLiteAllStages(b *testing.B) {
	benchIngestSQLite(b, pipelineWith(b, engine.Options{KeepOffTopic: true}))
}

func benchIngestSQLite(b *testing.B, stage chronicle.Stage) {
	dir, n, size := bbcFiles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	docs := 0
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		s := openStore(b, filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		st, err := ingest.Run(context.Background(), ingest.Options{Store: s, Stage: stage}, dir)
		if err != nil {
			b.Fatal(err)
		}
		if st.Read < n || st.Stored < n*9/10 {
			b.Fatalf("read %d, stored %d of %d articles", st.Read, st.Stored, n)
		}
		docs += st.Read
		s.Close()
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
	// The machine is shared: CPU time per document tells the capacity
	// when wall time is stretched by other processes.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(docs), "cpu-ms/doc")
}

// cpuTime returns the CPU time (user + system) used by this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWorkPostgres enqueues the bbc-news corpus into a fresh
// PostgreSQL schema, then times 1 and 2 worker processes' worth of
// Work loops (each with its own connection pool and GOMAXPROCS/2
// analysing goroutines at least 1) draining the queue.
func BenchmarkWorkPostgres(b *testing.B) {
	dsn := os.Getenv("CHRONICLE_TEST_POSTGRES")
	if dsn == "" {
		b.Skip("CHRONICLE_TEST_POSTGRES is not set: skipping PostgreSQL benchmarks")
	}
	dir, n, size := bbcFiles(b)
	stage := pipeline(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(size)
			docs := 0
			var cpu time.Duration
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				schema := fmt.Sprintf("chronicle_bench_%d_%d_%d", os.Getpid(), workers, i)
				stores := pgStores(b, dsn, schema, workers)
				st, err := ingest.Run(context.Background(), ingest.Options{Store: stores[0], Queue: true}, dir)
				if err != nil || st.Stored < n*9/10 {
					b.Fatalf("enqueue: %+v, %v", st, err)
				}
				b.StartTimer()
				c0 := cpuTime()
				var wg sync.WaitGroup
				done := make([]int, workers)
				for w := range workers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						st, err := ingest.Work(context.Background(), ingest.WorkOptions{Store: stores[w], Stage: stage,
							Name: fmt.Sprint("bench", w), Workers: 1, Batch: 8, Drain: true})
						if err != nil {
							b.Error(err)
						}
						done[w] = st.Stored
					}()
				}
				wg.Wait()
				b.StopTimer()
				total := 0
				for _, d := range done {
					total += d
				}
				if total != st.Stored {
					b.Fatalf("workers completed %v, want %d in all", done, st.Stored)
				}
				docs += total
				cpu += cpuTime() - c0
				for _, s := range stores {
					s.Close()
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
			// Client-side CPU only: the PostgreSQL server's is not counted.
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(docs), "client-cpu-ms/doc")
		})
	}
}

// pgStores opens k stores on a fresh schema, dropped when b ends.
func pgStores(b *testing.B, dsn, schema string, k int) []chronicle.Store {
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if db, err := sql.Open("pgx", dsn); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	var out []chronicle.Store
	for range k {
		s, err := postgres.Open(context.Background(), dsn+sep+"search_path="+schema)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// BenchmarkStoreSQLite times the store alone: the bbc-news corpus is read
// and analysed once, then written (batches of 64, as ingest writes) into a
// new SQLite file per iteration. It tells what the write path costs
// without the analysis's noise.
func BenchmarkStoreSQLite(b *testing.B) {
	dir, _, _ := bbcFiles(b)
	stage := pipeline(b)
	var docs []*chronicle.Document
	for a, err := range input.Read(context.Background(), dir) {
		if err != nil {
			b.Fatal(err)
		}
		d, err := a.Document(0)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	if stage != nil {
		p, ok := stage.(chronicle.Pipeline)
		if !ok {
			p = chronicle.Pipeline{stage}
		}
		for i := 0; i < len(docs); i += chronicle.BatchSize {
			for j, err := range p.ProcessBatch(context.Background(), docs[i:min(i+chronicle.BatchSize, len(docs))]) {
				if err != nil {
					b.Fatalf("document %d: %v", i+j, err)
				}
			}
		}
	}
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		s := openStore(b, filepath.Join(b.TempDir(), fmt.Sprintf("store%d.db", i)))
		for j := 0; j < len(docs); j += 64 {
			if _, err := s.Put(context.Background(), docs[j:min(j+64, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
		n += len(docs)
		s.Close()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/doc")
}
