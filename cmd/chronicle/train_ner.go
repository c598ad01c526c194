package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newTrainNERCmd is a placeholder until its stage lands.
func newTrainNERCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity recognizer",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("ner: not implemented yet")
		},
	}
}
