// Command chronicle turns news reporting into a sourced, queryable chronicle
// of who did what to whom, when and where, and who said what.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCmd()
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "chronicle:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError marks errors in how the command was called (exit status 2).
type usageError struct{ error }

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "chronicle",
		Short:         "Turn news reporting into a sourced chronicle of events, actors and quotes",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newExtractCmd(),
		newEvalCmd(),
		newTrainCmd(),
		newBenchCmd(),
		newIngestCmd(),
		newWorkerCmd(),
		newServeCmd(),
		newLexiconCmd(),
	)
	root.AddCommand(newQueryCmds()...)
	return root
}

func newEvalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "Score a stage against gold data with the standard metric for it",
	}
	c.AddCommand(
		newEvalSegmentCmd(),
		newEvalPOSCmd(),
		newEvalDepCmd(),
		newEvalNERCmd(),
		newEvalTimexCmd(),
		newEvalQuotesCmd(),
		newEvalCorefCmd(),
		newEvalEventsCmd(),
	)
	return c
}

func newTrainCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "train",
		Short: "Train a model on the open corpora (reproducible: same data, same bytes)",
	}
	c.AddCommand(
		newTrainTaggerCmd(),
		newTrainParserCmd(),
		newTrainNERCmd(),
		newTrainRelevanceCmd(),
	)
	return c
}
