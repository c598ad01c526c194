package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/engine"
	"github.com/chronicle-news/chronicle/input"
	"github.com/chronicle-news/chronicle/report"
)

func newExtractCmd() *cobra.Command {
	var (
		published    string
		format       string
		tokens       bool
		title        string
		url          string
		maxBytes     int
		mf           modelFlags
		keepOffTopic bool
		lexicons     []string
		actorDics    []string
	)
	c := &cobra.Command{
		Use:   "extract [FILE|-]",
		Short: "Analyse one article (text or HTML) and print its chronicle",
		Long: `Extract reads one article — plain text, or an HTML page whose article body and
metadata are taken with readability — and prints its sentences, entities, actors,
time expressions, quotes and events with character offsets into the text.

With no FILE, or when FILE is -, it reads standard input.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "text" {
				return usageError{fmt.Errorf("--format must be json or text, not %q", format)}
			}
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			raw, err := readInput(name, maxBytes)
			if err != nil {
				return err
			}
			meta := chronicle.Meta{Title: title, URL: url}
			var sideProblem *chronicle.Problem
			if name != "-" {
				// NAME.meta.json beside the file fills what the flags leave
				// empty: the publication date anchors relative dates.
				if side, problem, ok := input.Sidecar(name); ok {
					sideProblem = problem
					input.FillMeta(&meta, side)
				}
			}
			doc, err := newDocument(raw, name, meta, maxBytes)
			if err != nil {
				return err
			}
			if sideProblem != nil {
				doc.Problems = append(doc.Problems, *sideProblem)
			}
			if published != "" {
				t, err := time.Parse("2006-01-02", published)
				if err != nil {
					return usageError{fmt.Errorf("--published: want YYYY-MM-DD: %w", err)}
				}
				doc.Published = t
			}
			opts, err := engineOptions(mf, lexicons, actorDics, keepOffTopic)
			if err != nil {
				return err
			}
			pipe, err := engine.New(opts)
			if err != nil {
				return err
			}
			if err := pipe.Process(cmd.Context(), doc); err != nil {
				return fmt.Errorf("analyse %s: %w", name, err)
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			if format == "text" {
				err = report.WriteText(w, doc)
			} else {
				err = report.WriteJSON(w, doc, report.Options{Tokens: tokens})
			}
			if err != nil {
				return err
			}
			return w.Flush()
		},
	}
	f := c.Flags()
	f.StringVar(&published, "published", "", "publication date YYYY-MM-DD (the anchor for relative dates; overrides the page's own)")
	f.StringVarP(&format, "format", "f", "json", "output format: json or text")
	f.BoolVar(&tokens, "tokens", false, "include every token with its tag, lemma, head and relation")
	f.StringVar(&title, "title", "", "document title (for plain text)")
	f.StringVar(&url, "url", "", "document URL")
	f.IntVar(&maxBytes, "max-bytes", chronicle.DefaultMaxBytes, "refuse input larger than this many bytes")
	mf.register(f)
	f.StringSliceVar(&lexicons, "lexicon", nil, "extra event lexicon files (format: event/lexicon.txt; their patterns take precedence)")
	f.StringSliceVar(&actorDics, "actors", nil, "actor dictionaries: Chronicle .tsv (package registry) or PETRARCH/Phoenix .txt; they take precedence")
	f.BoolVar(&keepOffTopic, "keep-off-topic", false, keepOffTopicUsage)
	return c
}

// keepOffTopicUsage documents --keep-off-topic wherever it is a flag.
const keepOffTopicUsage = "analyse articles judged not to report politics, diplomacy or conflict fully (parse and events) and keep their events (see document.relevance)"

// readInput reads a file or standard input, refusing more than maxBytes
// without reading it all into memory.
func readInput(name string, maxBytes int) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, chronicle.Wrap(chronicle.ENOTFOUND, "extract", err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, chronicle.Errorf(chronicle.EINVALID, "extract", "%s is a directory (use chronicle ingest for folders)", name)
		}
		r = f
	}
	if maxBytes > 0 {
		r = io.LimitReader(r, int64(maxBytes)+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, chronicle.Wrap(chronicle.EINVALID, "read "+name, err)
	}
	if maxBytes > 0 && len(b) > maxBytes {
		return nil, chronicle.Errorf(chronicle.ETOOLARGE, "read "+name, "input is larger than the limit of %d bytes (raise it with --max-bytes)", maxBytes)
	}
	return b, nil
}
