package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/timex"
	"github.com/chronicle-news/chronicle/timex/timeml"
)

// newEvalTimexCmd scores the time-expression recognizer on TimeML gold.
func newEvalTimexCmd() *cobra.Command {
	var (
		gold    string
		asJSON  bool
		showErr bool
	)
	c := &cobra.Command{
		Use:   "timex --gold DIR",
		Short: "Score time expressions (TempEval-3)",
		Long: `Timex runs the time-expression recognizer over every .tml file under DIR,
each with its own document creation time, and scores the TIMEX3s of the TEXT
section (the DCT itself excluded) with the TempEval-3 metrics: strict and
relaxed span F1, type accuracy and value F1. Figures are given per folder and
in total.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageError{fmt.Errorf("--gold DIR is required")}
			}
			res, err := evalTimex(cmd, gold, showErr)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			printTimexReports(out, res)
			return nil
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "folder of TimeML .tml files (searched recursively)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().BoolVar(&showErr, "errors", false, "print every missed, spurious or wrongly valued expression to stderr")
	return c
}

// timexEval is the result of the eval command: the total and each folder.
type timexEval struct {
	timeml.Report
	Parts map[string]timeml.Report `json:"parts"`
}

func evalTimex(cmd *cobra.Command, dir string, showErr bool) (*timexEval, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && filepath.Ext(path) == ".tml" {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, chronicle.Wrap(chronicle.ENOTFOUND, "eval timex", err)
	}
	if len(files) == 0 {
		return nil, chronicle.Errorf(chronicle.ENOTFOUND, "eval timex", "no .tml files under %s", dir)
	}
	sort.Strings(files)
	rec := timex.New()
	var total timeml.Scores
	parts := map[string]*timeml.Scores{}
	docs := map[string]int{}
	var sys []chronicle.Timex
	for _, f := range files {
		if err := cmd.Context().Err(); err != nil {
			return nil, err
		}
		d, err := timeml.ReadFile(f)
		if err != nil {
			return nil, chronicle.Wrap(chronicle.EINVALID, "eval timex", err)
		}
		sys = rec.Find(d.Text, d.DCT, sys[:0])
		part, _ := filepath.Rel(dir, filepath.Dir(f))
		s := parts[part]
		if s == nil {
			s = &timeml.Scores{}
			parts[part] = s
		}
		var one timeml.Scores
		one.Add(d.Timexes, sys)
		s.Merge(one)
		total.Merge(one)
		docs[part]++
		if showErr {
			timeml.WriteErrors(cmd.ErrOrStderr(), filepath.Base(f), d, sys)
		}
	}
	res := &timexEval{Report: total.Report(len(files)), Parts: map[string]timeml.Report{}}
	for k, s := range parts {
		res.Parts[k] = s.Report(docs[k])
	}
	return res, nil
}

func printTimexReports(w io.Writer, res *timexEval) {
	fmt.Fprintf(w, "%-16s %5s %6s %6s %8s %8s %8s %8s %8s\n", "part", "docs", "gold", "system", "strictF1", "relaxF1", "typeAcc", "valueAcc", "valueF1")
	row := func(name string, r timeml.Report) {
		fmt.Fprintf(w, "%-16s %5d %6d %6d %8.2f %8.2f %8.2f %8.2f %8.2f\n", name, r.Docs, r.Gold, r.Sys, r.StrictF1, r.RelaxedF1, r.TypeAccuracy, r.ValueAccuracy, r.ValueF1)
	}
	names := make([]string, 0, len(res.Parts))
	for k := range res.Parts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		row(k, res.Parts[k])
	}
	row("total", res.Report)
}
