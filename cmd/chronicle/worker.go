package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newWorkerCmd is a placeholder until its stage lands.
func newWorkerCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "worker",
		Short: "Process queued documents from a shared PostgreSQL database",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("worker: not implemented yet")
		},
	}
}
