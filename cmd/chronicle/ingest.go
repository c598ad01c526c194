package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/ingest"
	"github.com/chronicle-news/chronicle/postgres"
	"github.com/chronicle-news/chronicle/sqlite"
)

const dbHelp = `database: a SQLite file path or a postgres:// URL (default $CHRONICLE_DB, else $XDG_DATA_HOME/chronicle/chronicle.db, else ~/.local/share/chronicle/chronicle.db)`

// databaseDSN returns the database to use: the --db flag, else
// $CHRONICLE_DB, else chronicle.db in the user's data folder
// ($XDG_DATA_HOME/chronicle, else ~/.local/share/chronicle).
func databaseDSN(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if v := os.Getenv("CHRONICLE_DB"); v != "" {
		return v, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "chronicle", "chronicle.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", usageError{fmt.Errorf("no --db, no $CHRONICLE_DB and no home folder: %w", err)}
	}
	return filepath.Join(home, ".local", "share", "chronicle", "chronicle.db"), nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openStore opens the store named by the --db flag (see databaseDSN).
func openStore(ctx context.Context, flag string) (chronicle.Store, string, error) {
	dsn, err := databaseDSN(flag)
	if err != nil {
		return nil, "", err
	}
	if isPostgres(dsn) {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, "", err
		}
		return s, redact(dsn), nil
	}
	s, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, "", err
	}
	return s, dsn, nil
}

// redact hides a password in a URL for messages.
func redact(dsn string) string {
	at := strings.LastIndexByte(dsn, '@')
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 {
		return dsn
	}
	user := dsn[scheme+3 : at]
	if i := strings.IndexByte(user, ':'); i >= 0 {
		return dsn[:scheme+3] + user[:i] + ":***" + dsn[at:]
	}
	return dsn
}

// newPipeline returns the analysis pipeline: every stage of the default
// engine, with the models the flags choose;
// keepOffTopic parses articles judged off topic too and keeps their events.
func newPipeline(mf modelFlags, keepOffTopic bool) (chronicle.Stage, error) {
	p, err := engine.New(withKeep(mf.options(), keepOffTopic))
	if err != nil {
		return nil, fmt.Errorf("load the pipeline (use --no-analysis to store documents unanalysed): %w", err)
	}
	return p, nil
}

func newIngestCmd() *cobra.Command {
	var (
		db                string
		queue, noAnalysis bool
		workers, batch    int
		maxBytes          int
		published         string
		quiet             bool
		keepOffTopic      bool
		mf                modelFlags
	)
	c := &cobra.Command{
		Use:   "ingest [--db DSN] PATH...",
		Short: "Ingest articles (text, HTML, JSONL, RSS/Atom, WARC) into the database",
		Long: `Ingest reads articles from files and folders (plain text, HTML pages, JSON Lines
with {"url","title","published","text"} per line, RSS/Atom feeds, WARC and
WARC.gz archives), analyses them in parallel and stores documents, actors,
quotes, events and stories in the database.

Ingest is idempotent: a text already stored (same content hash) adds nothing;
a changed article at the same URL is stored as a new version. A bad document
is reported and skipped. Each document is committed with all its records in
one transaction, so an interrupted ingest (even kill -9) is completed by
running it again.

With --queue (for a PostgreSQL database) documents are only enqueued, and
'chronicle worker' processes on one or many machines analyse them.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if batch < 0 || workers < 0 {
				return usageError{fmt.Errorf("--batch and --workers must not be negative")}
			}
			var pub time.Time
			if published != "" {
				var err error
				if pub, err = time.Parse("2006-01-02", published); err != nil {
					return usageError{fmt.Errorf("--published: want YYYY-MM-DD: %w", err)}
				}
			}
			store, name, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer store.Close()
			var stage chronicle.Stage
			if !queue && !noAnalysis {
				if stage, err = newPipeline(mf, keepOffTopic); err != nil {
					return err
				}
			}
			stderr := cmd.ErrOrStderr()
			var bar *progressbar.ProgressBar
			if f, ok := stderr.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
				bar = progressbar.NewOptions64(countInputs(args),
					progressbar.OptionSetWriter(stderr),
					progressbar.OptionSetDescription("ingest"),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetItsString("docs"),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionThrottle(200*time.Millisecond),
					progressbar.OptionClearOnFinish(),
				)
			}
			o := ingest.Options{
				Store: store, Stage: stage, Workers: workers, Batch: batch, Queue: queue, MaxBytes: maxBytes, Published: pub,
				Report: func(name string, err error) {
					if bar != nil {
						bar.Clear()
					}
					if name != "" && !strings.Contains(err.Error(), name) {
						fmt.Fprintf(stderr, "skipped %s: %v\n", name, err)
					} else {
						fmt.Fprintf(stderr, "skipped: %v\n", err)
					}
				},
			}
			if bar != nil {
				o.Progress = func(st ingest.Stats) { bar.Set(st.Stored + st.Known + st.Failed) }
			}
			st, err := ingest.Run(ctx, o, args...)
			if bar != nil {
				bar.Finish()
			}
			verb := "stored"
			if queue {
				verb = "enqueued"
			}
			fmt.Fprintf(stderr, "ingest: %d read, %d %s, %d already stored, %d skipped as bad in %.1fs (%.0f docs/s) into %s\n",
				st.Read, st.Stored, verb, st.Known, st.Failed, st.Elapsed.Seconds(), st.DocsPerSecond(), name)
			return err
		},
	}
	f := c.Flags()
	f.BoolVar(&keepOffTopic, "keep-off-topic", false, keepOffTopicUsage)
	mf.register(f)
	f.StringVar(&db, "db", "", dbHelp)
	f.BoolVar(&queue, "queue", false, "only enqueue the documents, for 'chronicle worker' processes to analyse")
	f.BoolVar(&noAnalysis, "no-analysis", false, "store documents without running the analysis pipeline")
	f.IntVar(&workers, "workers", 0, "analysing goroutines (default: number of CPUs)")
	f.IntVar(&batch, "batch", 64, "documents per database transaction")
	f.IntVar(&maxBytes, "max-bytes", chronicle.DefaultMaxBytes, "largest document, in bytes")
	f.BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	f.StringVar(&published, "published", "", "publication date YYYY-MM-DD of documents whose source gives none (NAME.meta.json beside a file, a feed item's or page's date, a JSON line's \"published\" come first)")
	return c
}

// countInputs counts the files under paths for the progress bar, or
// returns -1 (unknown total) when some hold many documents.
func countInputs(paths []string) int64 {
	var n int64
	unknown := false
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".txt", ".text", ".html", ".htm", ".md":
				n++
				return nil
			}
			unknown = true
			return fs.SkipAll
		})
		if err != nil || unknown {
			return -1
		}
	}
	return n
}
