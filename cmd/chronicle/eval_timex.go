package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalTimexCmd is a placeholder until its stage lands.
func newEvalTimexCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "timex",
		Short: "Score time expressions (TempEval-3)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("timex: not implemented yet")
		},
	}
}
