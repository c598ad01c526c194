package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalSegmentCmd is a placeholder until its stage lands.
func newEvalSegmentCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "segment",
		Short: "Score tokenization and sentence segmentation (CoNLL 2018 method)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("segment: not implemented yet")
		},
	}
}
