package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newTrainParserCmd is a placeholder until its stage lands.
func newTrainParserCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("parser: not implemented yet")
		},
	}
}
