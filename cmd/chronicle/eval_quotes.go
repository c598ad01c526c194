package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalQuotesCmd is a placeholder until its stage lands.
func newEvalQuotesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "quotes",
		Short: "Score quote attribution (PolNeAR)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("quotes: not implemented yet")
		},
	}
}
