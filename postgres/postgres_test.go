package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/postgres"
	"github.com/chronicle-news/chronicle/storetest"

	_ "github.com/jackc/pgx/v5/stdlib"
)

var schemaSeq atomic.Int64

// open returns a store in a fresh schema of the test database, dropped at
// the end of the test.
func open(t *testing.T) *postgres.Store {
	t.Helper()
	dsn := os.Getenv("CHRONICLE_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CHRONICLE_TEST_POSTGRES is not set: skipping PostgreSQL tests (see the README to start a server)")
	}
	ctx := context.Background()
	schema := fmt.Sprintf("chronicle_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, schemaSeq.Add(1))
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema (is CHRONICLE_TEST_POSTGRES=%s right?): %v", dsn, err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return
		}
		defer db.Close()
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
	})
	s, err := postgres.Open(ctx, withSchema(dsn, schema))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// withSchema returns dsn with search_path set to schema.
func withSchema(dsn, schema string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return strings.TrimSpace(dsn) + " search_path=" + schema
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) chronicle.Store { return open(t) })
}

func TestOpenUnreachable(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if chronicle.ErrorCode(err) != chronicle.EUNAVAILABLE {
		t.Errorf("Open(unreachable) error = %v, want %s", err, chronicle.EUNAVAILABLE)
	}
}
