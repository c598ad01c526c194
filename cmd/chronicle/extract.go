package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newExtractCmd is a placeholder until its stage lands.
func newExtractCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "extract",
		Short: "Analyse one article and print its chronicle",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("extract: not implemented yet")
		},
	}
}
