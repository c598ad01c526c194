package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/relevance"
)

// benchResult is what `chronicle bench --json` prints.
type benchResult struct {
	Corpus      string             `json:"corpus"`
	Docs        int                `json:"docs"`
	Bytes       int64              `json:"bytes"`
	Tokens      int64              `json:"tokens"`
	Seconds     float64            `json:"seconds"`
	DocsPerSec  float64            `json:"docs_per_sec"`
	TokensPerS  float64            `json:"tokens_per_sec"`
	MBPerSec    float64            `json:"mb_per_sec"`
	PeakRSSMB   float64            `json:"peak_rss_mb"`
	StageShare  map[string]float64 `json:"stage_seconds"`
	Events      int                `json:"events"`
	Quotes      int                `json:"quotes"`
	Timexes     int                `json:"timexes"`
	Entities    int                `json:"entities"`
	Actors      int                `json:"actors"`
	OffTopic    int                `json:"off_topic"` // articles judged off topic (not parsed without --keep-off-topic)
	LoadSeconds float64            `json:"model_load_seconds"`
}

func newBenchCmd() *cobra.Command {
	var (
		corpus string
		limit  int
		asJSON bool
		mf     modelFlags
		keep   bool
	)
	c := &cobra.Command{
		Use:   "bench [--corpus DIR]",
		Short: "Measure the whole pipeline's throughput over a real corpus (one core)",
		Long: `Bench runs every stage over each .txt file of a folder (default: the BBC news
corpus in ../shared/corpora/bbc-news) on one goroutine, and reports documents/s,
tokens/s, MB/s, time per stage and peak resident memory. As in ingest, articles
judged off topic are not parsed unless --keep-off-topic.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpus == "" {
				if d := shared.Dir(); d != "" {
					corpus = filepath.Join(d, "corpora", "bbc-news")
				} else {
					return usageError{fmt.Errorf("no --corpus given and ../shared not found")}
				}
			}
			files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
			if err != nil || len(files) == 0 {
				return chronicle.Errorf(chronicle.ENOTFOUND, "bench", "no .txt files in %s", corpus)
			}
			sort.Strings(files)
			if limit > 0 && len(files) > limit {
				files = files[:limit]
			}
			texts := make([][]byte, len(files))
			for i, f := range files {
				if texts[i], err = os.ReadFile(f); err != nil {
					return err
				}
			}
			t0 := time.Now()
			pipe, err := engine.New(withKeep(mf.options(), keep))
			if err != nil {
				return err
			}
			res := benchResult{Corpus: corpus, StageShare: map[string]float64{}, LoadSeconds: time.Since(t0).Seconds()}
			stageTime := make([]time.Duration, len(pipe))
			ctx := cmd.Context()
			start := time.Now()
			// Batches, stage by stage, as ingest runs them
			// (chronicle.Pipeline.ProcessBatch), timed per stage.
			const batch = chronicle.BatchSize
			for lo := 0; lo < len(texts); lo += batch {
				hi := min(lo+batch, len(texts))
				docs := make([]*chronicle.Document, 0, batch)
				for i := lo; i < hi; i++ {
					doc, err := chronicle.NewDocument(texts[i], files[i], chronicle.Meta{}, 0)
					if err != nil {
						return err
					}
					docs = append(docs, doc)
				}
				for si, st := range pipe {
					ts := time.Now()
					for i, doc := range docs {
						if err := st.Process(ctx, doc); err != nil {
							return fmt.Errorf("%s: %w", files[lo+i], err)
						}
					}
					stageTime[si] += time.Since(ts)
				}
				for i, doc := range docs {
					res.Docs++
					res.Bytes += int64(len(texts[lo+i]))
					res.Tokens += int64(len(doc.Tokens))
					res.Events += len(doc.Events)
					res.Quotes += len(doc.Quotes)
					res.Timexes += len(doc.Timexes)
					res.Entities += len(doc.Entities)
					res.Actors += len(doc.Actors)
					if r := doc.Relevance; r != nil && *r < relevance.OffTopicBelow {
						res.OffTopic++
					}
				}
			}
			res.Seconds = time.Since(start).Seconds()
			res.DocsPerSec = float64(res.Docs) / res.Seconds
			res.TokensPerS = float64(res.Tokens) / res.Seconds
			res.MBPerSec = float64(res.Bytes) / 1e6 / res.Seconds
			res.PeakRSSMB = peakRSSMB()
			for si, st := range pipe {
				res.StageShare[stageName(st)] = stageTime[si].Seconds()
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%d docs, %.1f MB, %d tokens in %.2fs on 1 goroutine (GOMAXPROCS %d)\n",
				res.Docs, float64(res.Bytes)/1e6, res.Tokens, res.Seconds, runtime.GOMAXPROCS(0))
			fmt.Fprintf(w, "%.0f docs/s  %.0f tokens/s  %.2f MB/s  peak RSS %.0f MB  (models loaded in %.2fs)\n",
				res.DocsPerSec, res.TokensPerS, res.MBPerSec, res.PeakRSSMB, res.LoadSeconds)
			for si, st := range pipe {
				fmt.Fprintf(w, "  %-12s %7.2fs  %9.0f tokens/s\n", stageName(st), stageTime[si].Seconds(),
					float64(res.Tokens)/stageTime[si].Seconds())
			}
			fmt.Fprintf(w, "found %d entities, %d actors, %d time expressions, %d quotes, %d events; %d articles judged off topic\n",
				res.Entities, res.Actors, res.Timexes, res.Quotes, res.Events, res.OffTopic)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&corpus, "corpus", "", "folder of .txt articles (default ../shared/corpora/bbc-news)")
	f.IntVar(&limit, "limit", 0, "use at most this many files")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	mf.register(f)
	f.BoolVar(&keep, "keep-off-topic", false, "run every stage on every article, parsing those judged off topic too")
	return c
}

// stageName names a stage by its package: "*tag.Tagger" → "tag". A
// wrapper (engine's gate for off-topic articles) is named by what it wraps.
func stageName(s chronicle.Stage) string {
	if u, ok := s.(interface{ Unwrap() chronicle.Stage }); ok {
		s = u.Unwrap()
	}
	n := strings.TrimPrefix(fmt.Sprintf("%T", s), "*")
	if i := strings.IndexByte(n, '.'); i >= 0 {
		n = n[:i]
	}
	return n
}

// peakRSSMB reads the process's peak resident set size (Linux), or 0.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}
