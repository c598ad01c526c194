package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalNERCmd is a placeholder until its stage lands.
func newEvalNERCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ner",
		Short: "Score the named-entity recognizer (entity F1)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("ner: not implemented yet")
		},
	}
}
