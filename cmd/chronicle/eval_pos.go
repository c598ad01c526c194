package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalPOSCmd is a placeholder until its stage lands.
func newEvalPOSCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "pos",
		Short: "Score the POS tagger (UPOS/XPOS accuracy)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("pos: not implemented yet")
		},
	}
}
