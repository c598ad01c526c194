package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/sqlite"
	"github.com/chronicle-news/chronicle/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) chronicle.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "test.db")
	for range 2 { // the second Open finds the migrations applied
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	for _, path := range []string{"", ":memory:"} {
		if _, err := sqlite.Open(context.Background(), path); chronicle.ErrorCode(err) != chronicle.EINVALID {
			t.Errorf("Open(%q) error = %v, want %s", path, err, chronicle.EINVALID)
		}
	}
}
