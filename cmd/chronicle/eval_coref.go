package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalCorefCmd is a placeholder until its stage lands.
func newEvalCorefCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "coref",
		Short: "Score coreference (CoNLL-2012 metrics on GUM)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("coref: not implemented yet")
		},
	}
}
