package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
)

// queryFlags are the flags every query command has.
type queryFlags struct {
	db    string
	json  bool
	limit int
}

func (q *queryFlags) add(c *cobra.Command, defLimit int) {
	c.Flags().StringVar(&q.db, "db", "", dbHelp)
	c.Flags().BoolVar(&q.json, "json", false, "print JSON, one object per line (offsets: start/end in characters, byte_start/byte_end in bytes)")
	c.Flags().IntVar(&q.limit, "limit", defLimit, "at most this many results (0: all)")
}

// withStore opens the store for a query command and runs fn.
func (q *queryFlags) withStore(cmd *cobra.Command, fn func(chronicle.Store) error) error {
	s, _, err := openStore(cmd.Context(), q.db)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// printJSON writes each item as one JSON line.
func printJSON[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range items {
		if err := enc.Encode(&items[i]); err != nil {
			return err
		}
	}
	return nil
}

// table prints aligned columns.
type table struct{ w *tabwriter.Writer }

func newTable(w io.Writer, header ...string) *table {
	t := &table{tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)}
	t.row(header...)
	return t
}

func (t *table) row(cols ...string) {
	for i, c := range cols {
		c = strings.Join(strings.Fields(c), " ") // one line per row
		if i > 0 {
			t.w.Write([]byte{'\t'})
		}
		io.WriteString(t.w, c)
	}
	t.w.Write([]byte{'\n'})
}

func (t *table) flush() error { return t.w.Flush() }

// clip shortens s to n characters.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// parseDate reads YYYY-MM-DD or an RFC 3339 time.
func parseDate(flag, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, usageError{fmt.Errorf("--%s %q: want YYYY-MM-DD or an RFC 3339 time", flag, v)}
	}
	return t, nil
}

func newQueryCmds() []*cobra.Command {
	return []*cobra.Command{
		newEventsCmd(), newReportsCmd(), newQuotesCmd(), newActorsCmd(), newStoriesCmd(), newSearchCmd(), newExportCmd(),
	}
}

// eventFlags select events (events and export).
type eventFlags struct {
	actor, target, typ, since, until, status string
	story                                    int64
}

func (e *eventFlags) add(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&e.actor, "actor", "", "source actor: id, name or alias (case-insensitive)")
	f.StringVar(&e.target, "target", "", "target actor: id, name or alias (case-insensitive)")
	f.StringVar(&e.typ, "type", "", "PLOVER event type, e.g. CONSULT")
	f.StringVar(&e.since, "since", "", "events on or after this date (YYYY-MM-DD)")
	f.StringVar(&e.until, "until", "", "events on or before this date (YYYY-MM-DD)")
	f.Int64Var(&e.story, "story", 0, "events of this story only")
	f.StringVar(&e.status, "status", "", "events with this status: empty for happenings only (asserted); 'all'; or negated, hypothetical, intended, demanded, threatened, denied, ...")
}

func (e *eventFlags) filter(limit int) (chronicle.EventFilter, error) {
	f := chronicle.EventFilter{Actor: e.actor, Target: e.target, Type: e.typ, Story: e.story, Status: e.status, Limit: limit}
	var err error
	if f.Since, err = parseDate("since", e.since); err != nil {
		return f, err
	}
	f.Until, err = parseDate("until", e.until)
	return f, err
}

func newEventsCmd() *cobra.Command {
	var q queryFlags
	var ef eventFlags
	c := &cobra.Command{
		Use:   "events [--actor NAME] [--target NAME] [--type T] [--since D] [--until D]",
		Short: "List events: one per happening, with its number of reports and independent sources (--status all adds negated and hypothetical ones)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := ef.filter(q.limit)
			if err != nil {
				return err
			}
			return q.withStore(cmd, func(s chronicle.Store) error {
				events, err := s.Events(cmd.Context(), f)
				if err != nil {
					return err
				}
				if q.json {
					return printJSON(cmd.OutOrStdout(), events)
				}
				t := newTable(cmd.OutOrStdout(), "ID", "DATE", "STATUS", "TYPE", "SOURCE", "TARGET", "PLACE", "REPORTS", "SOURCES", "STORY", "EVIDENCE")
				for _, e := range events {
					status := e.Status
					if status == "" {
						status = "happened"
					}
					date := e.Date
					if e.Period != "" {
						date = e.Period
					}
					place := strings.TrimSpace(e.Place + " " + e.PlaceCountry)
					if e.Place != "" && e.PlaceCountry != "" && e.Place != e.PlaceCountry {
						place = e.Place + " (" + e.PlaceCountry + ")"
					}
					t.row(strconv.FormatInt(e.ID, 10), orDash(date), status, e.Type, orDash(e.SourceName), orDash(e.TargetName), orDash(place), strconv.Itoa(e.Reports), strconv.Itoa(e.Sources),
						strconv.FormatInt(e.Story, 10), clip(e.Evidence, 60))
				}
				return t.flush()
			})
		},
	}
	q.add(c, 100)
	ef.add(c)
	return c
}

// newReportsCmd lists the reports of one event: every document that
// reported it, with the evidence and why it was coded there.
func newReportsCmd() *cobra.Command {
	var q queryFlags
	c := &cobra.Command{
		Use:   "reports EVENT_ID",
		Short: "List the reports of one event (the ID column of chronicle events): document, evidence and why",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("reports: event id %q is not a positive number", args[0])
			}
			return q.withStore(cmd, func(s chronicle.Store) error {
				reps, err := s.Reports(cmd.Context(), id)
				if err != nil {
					return err
				}
				if len(reps) == 0 {
					return fmt.Errorf("reports: event %d has no reports (no such event?)", id)
				}
				if q.limit > 0 && len(reps) > q.limit {
					reps = reps[:q.limit]
				}
				if q.json {
					return printJSON(cmd.OutOrStdout(), reps)
				}
				t := newTable(cmd.OutOrStdout(), "DOCUMENT", "START", "END", "MODALITY", "EVIDENCE", "WHY")
				for _, r := range reps {
					mod := orDash(r.Modality)
					if r.Negated {
						mod = "negated " + mod
					}
					t.row(r.DocID, strconv.Itoa(r.CharStart), strconv.Itoa(r.CharEnd), mod, clip(r.Text, 60), clip(r.Why, 80))
				}
				return t.flush()
			})
		},
	}
	q.add(c, 0)
	return c
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

func newQuotesCmd() *cobra.Command {
	var q queryFlags
	var speaker string
	c := &cobra.Command{
		Use:   "quotes [--speaker NAME]",
		Short: "List quotes: who said what, with the document they come from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return q.withStore(cmd, func(s chronicle.Store) error {
				quotes, err := s.Quotes(cmd.Context(), chronicle.QuoteFilter{Speaker: speaker, Limit: q.limit})
				if err != nil {
					return err
				}
				if q.json {
					return printJSON(cmd.OutOrStdout(), quotes)
				}
				t := newTable(cmd.OutOrStdout(), "DATE", "SPEAKER", "KIND", "QUOTE", "DOC")
				for _, x := range quotes {
					who := x.Speaker
					if x.SpeakerName != "" {
						who = x.SpeakerName
					}
					t.row(day(x.Published), clip(orDash(who), 30), x.Kind, clip(x.Content, 80), x.DocID[:min(12, len(x.DocID))])
				}
				return t.flush()
			})
		},
	}
	q.add(c, 100)
	c.Flags().StringVar(&speaker, "speaker", "", "speaker: actor id, name or alias, or words of the speaker text")
	return c
}

func newActorsCmd() *cobra.Command {
	var q queryFlags
	var name, typ string
	c := &cobra.Command{
		Use:   "actors [--name NAME] [--type T]",
		Short: "List actors (the registry as seen in the documents), most mentioned first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return q.withStore(cmd, func(s chronicle.Store) error {
				actors, err := s.Actors(cmd.Context(), chronicle.ActorFilter{Name: name, Type: typ, Limit: q.limit})
				if err != nil {
					return err
				}
				if q.json {
					return printJSON(cmd.OutOrStdout(), actors)
				}
				t := newTable(cmd.OutOrStdout(), "ID", "NAME", "TYPE", "COUNTRY", "MENTIONS", "DOCS", "ALIASES")
				for _, a := range actors {
					t.row(clip(a.ID, 30), clip(a.Name, 30), orDash(a.Type), orDash(a.Country), strconv.Itoa(a.Mentions), strconv.Itoa(a.Documents),
						clip(strings.Join(a.Aliases, "; "), 50))
				}
				return t.flush()
			})
		},
	}
	q.add(c, 100)
	c.Flags().StringVar(&name, "name", "", "id, name or alias containing this (case-insensitive)")
	c.Flags().StringVar(&typ, "type", "", "PERSON, ORG, GPE, LOC or NORP")
	return c
}

func newStoriesCmd() *cobra.Command {
	var q queryFlags
	var actor string
	var minDocs int
	c := &cobra.Command{
		Use:   "stories [--actor NAME] [--min-docs N]",
		Short: "List stories: clusters of articles about one happening, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return q.withStore(cmd, func(s chronicle.Store) error {
				stories, err := s.Stories(cmd.Context(), chronicle.StoryFilter{Actor: actor, MinDocuments: minDocs, Limit: q.limit})
				if err != nil {
					return err
				}
				if q.json {
					return printJSON(cmd.OutOrStdout(), stories)
				}
				t := newTable(cmd.OutOrStdout(), "ID", "FIRST", "LAST", "DOCS", "SOURCES", "EVENTS", "TITLE", "ACTORS")
				for _, st := range stories {
					t.row(strconv.FormatInt(st.ID, 10), day(st.FirstSeen), day(st.LastSeen), strconv.Itoa(st.Documents), strconv.Itoa(st.Sources),
						strconv.Itoa(st.Events), clip(orDash(st.Title), 50), clip(strings.Join(st.Actors, ", "), 40))
				}
				return t.flush()
			})
		},
	}
	q.add(c, 50)
	c.Flags().StringVar(&actor, "actor", "", "stories involving this actor (id, name or alias)")
	c.Flags().IntVar(&minDocs, "min-docs", 1, "only stories with at least this many documents")
	return c
}

func newSearchCmd() *cobra.Command {
	var q queryFlags
	c := &cobra.Command{
		Use:   "search TEXT...",
		Short: "Full-text search over titles and texts (every word must occur; stemmed)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return q.withStore(cmd, func(s chronicle.Store) error {
				hits, err := s.Search(cmd.Context(), strings.Join(args, " "), q.limit)
				if err != nil {
					return err
				}
				if q.json {
					return printJSON(cmd.OutOrStdout(), hits)
				}
				t := newTable(cmd.OutOrStdout(), "DATE", "DOC", "TITLE", "SNIPPET")
				for _, h := range hits {
					t.row(day(h.Published), h.DocID[:min(12, len(h.DocID))], clip(orDash(h.Title), 40), clip(h.Snippet, 80))
				}
				return t.flush()
			})
		},
	}
	q.add(c, 20)
	return c
}

// exportColumns are the CSV columns, named as in the JSONL export.
var exportColumns = []string{"event_id", "event_type", "mode", "event_date", "source_actor", "source_name", "target_actor", "target_name",
	"place", "place_country", "story_id", "first_reported", "num_reports", "num_sources", "confidence", "evidence", "doc_id", "status", "event_period"}

func newExportCmd() *cobra.Command {
	var (
		db, format, output string
		excel              bool
		ef                 eventFlags
	)
	c := &cobra.Command{
		Use:   "export --format jsonl|csv [-o FILE]",
		Short: "Export events as JSON Lines (PLOVER-style field names) or CSV",
		Long: `Export writes every event (one per happening) that matches the filters.
JSONL uses PLOVER-style names (event_type, mode, source_actor, target_actor,
event_date, ...). CSV has a header row, RFC 3339 times and UTF-8 text;
--excel adds a byte-order mark so that spreadsheet programs read it as UTF-8.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "csv" {
				return usageError{fmt.Errorf("--format %q: want jsonl or csv", format)}
			}
			f, err := ef.filter(0)
			if err != nil {
				return err
			}
			s, _, err := openStore(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer s.Close()
			events, err := s.Events(cmd.Context(), f)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if output != "" && output != "-" {
				file, err := os.Create(output)
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer file.Close()
				w = file
			}
			if format == "jsonl" {
				err = printJSON(w, events)
			} else {
				err = writeCSV(w, events, excel)
			}
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if file, ok := w.(*os.File); ok && output != "" && output != "-" {
				return file.Close()
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&db, "db", "", dbHelp)
	fl.StringVar(&format, "format", "jsonl", "jsonl or csv")
	fl.StringVarP(&output, "output", "o", "", "write to this file (default standard output)")
	fl.BoolVar(&excel, "excel", false, "CSV: start with a UTF-8 byte-order mark for spreadsheet programs")
	ef.add(c)
	return c
}

func writeCSV(w io.Writer, events []chronicle.StoredEvent, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(exportColumns); err != nil {
		return err
	}
	rec := make([]string, len(exportColumns))
	for _, e := range events {
		first := ""
		if !e.FirstReport.IsZero() {
			first = e.FirstReport.UTC().Format(time.RFC3339)
		}
		rec = append(rec[:0], strconv.FormatInt(e.ID, 10), e.Type, e.Mode, e.Date, e.SourceActor, cell(e.SourceName), e.TargetActor, cell(e.TargetName),
			cell(e.Place), e.PlaceCountry, strconv.FormatInt(e.Story, 10), first, strconv.Itoa(e.Reports), strconv.Itoa(e.Sources),
			strconv.FormatFloat(e.Confidence, 'f', 3, 64), cell(e.Evidence), e.DocID, e.Status, e.Period)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell makes text safe for a spreadsheet cell: one line, and no leading
// character that a spreadsheet would take for a formula.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
