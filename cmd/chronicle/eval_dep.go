package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalDepCmd is a placeholder until its stage lands.
func newEvalDepCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "dep",
		Short: "Score the dependency parser (UAS/LAS)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("dep: not implemented yet")
		},
	}
}
