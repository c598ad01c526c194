package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newTrainTaggerCmd is a placeholder until its stage lands.
func newTrainTaggerCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "tagger",
		Short: "Train the POS tagger and lemmatizer",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("tagger: not implemented yet")
		},
	}
}
