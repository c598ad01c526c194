package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newQueryCmds is a placeholder until the store lands: events, quotes,
// actors, stories, search and export.
func newQueryCmds() []*cobra.Command {
	var cmds []*cobra.Command
	for _, name := range []string{"events", "quotes", "actors", "stories", "search", "export"} {
		cmds = append(cmds, &cobra.Command{
			Use:   name,
			Short: "Query the chronicle: " + name,
			RunE: func(cmd *cobra.Command, args []string) error {
				return errors.New(cmd.Name() + ": not implemented yet")
			},
		})
	}
	return cmds
}
