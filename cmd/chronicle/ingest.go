package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newIngestCmd is a placeholder until its stage lands.
func newIngestCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ingest",
		Short: "Ingest articles (text, HTML, JSONL, RSS/Atom, WARC) into the database",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("ingest: not implemented yet")
		},
	}
}
