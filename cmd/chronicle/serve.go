package main

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	chttp "github.com/chronicle-news/chronicle/http"
)

func newServeCmd() *cobra.Command {
	var (
		db, addr, token, cors string
		allowRemote, noModels bool
		keepOffTopic          bool
		mf                    modelFlags
		maxBody               int64
		timeout               time.Duration
	)
	c := &cobra.Command{
		Use:   "serve [--db DSN] [--addr 127.0.0.1:8080]",
		Short: "Serve the JSON API and web UI",
		Long: `Serve runs the JSON API (described at /openapi.json) and the web UI from one
binary, with its assets embedded.

Reads are answered to loopback clients only unless --allow-remote is given.
Writes (POST /api/documents) need the bearer token given by --token or
$CHRONICLE_TOKEN; with none, writes are off. CORS is off unless
--cors-origin lists the allowed origins.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if token == "" {
				token = os.Getenv("CHRONICLE_TOKEN")
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return usageError{fmt.Errorf("--addr %q: want host:port", addr)}
			}
			store, name, err := openStore(ctx, db)
			if err != nil {
				return err
			}
			defer store.Close()
			cfg := chttp.Config{
				Store:          store,
				Token:          token,
				AllowRemote:    allowRemote,
				MaxBodyBytes:   maxBody,
				RequestTimeout: timeout,
				Logger:         slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil)),
			}
			if cors != "" {
				for _, o := range strings.Split(cors, ",") {
					if o = strings.TrimSpace(o); o != "" {
						cfg.CORSOrigins = append(cfg.CORSOrigins, o)
					}
				}
			}
			if !noModels {
				p, err := newPipeline(mf, keepOffTopic)
				if err != nil {
					return err
				}
				cfg.Pipeline = p
			}
			srv, err := chttp.New(cfg)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			writes := "off (no token)"
			if token != "" {
				writes = "on (bearer token)"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "chronicle: serving %s on http://%s (writes %s)\n", name, ln.Addr(), writes)
			if host != "" && !net.ParseIP(host).IsLoopback() && !allowRemote && host != "localhost" {
				fmt.Fprintln(cmd.ErrOrStderr(), "chronicle: note: reads are answered to loopback clients only; use --allow-remote to open them")
			}
			return srv.Serve(ctx, ln)
		},
	}
	f := c.Flags()
	f.StringVar(&db, "db", "", dbHelp)
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.StringVar(&token, "token", "", "bearer token that writes need (default $CHRONICLE_TOKEN; none: writes are off)")
	f.BoolVar(&allowRemote, "allow-remote", false, "answer reads from clients that are not on loopback")
	f.StringVar(&cors, "cors-origin", "", "comma-separated origins allowed by CORS (\"*\" for any; default: CORS off)")
	f.Int64Var(&maxBody, "max-body", chttp.DefaultMaxBodyBytes, "largest request body, in bytes")
	f.DurationVar(&timeout, "timeout", chttp.DefaultRequestTimeout, "longest time one request may take")
	f.BoolVar(&keepOffTopic, "keep-off-topic", false, "analyse articles judged off topic fully in /api/extract, POST /api/documents and article highlights (as ingest --keep-off-topic does)")
	mf.register(f)
	f.BoolVar(&noModels, "no-analysis", false, "do not load the models: /api/extract, POST /api/documents and article highlights are off")
	return c
}
