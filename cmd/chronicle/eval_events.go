package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalEventsCmd is a placeholder until its stage lands.
func newEvalEventsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "events",
		Short: "Score event coding (PETRARCH validation, PLOVER gold records)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("events: not implemented yet")
		},
	}
}
