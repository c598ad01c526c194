package chronicle_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
)

func TestProcessBatch(t *testing.T) {
	var order []string
	bad := errors.New("bad document")
	first := chronicle.StageFunc(func(ctx context.Context, d *chronicle.Document) error {
		order = append(order, "1:"+d.ID)
		switch d.ID {
		case "panics":
			panic("boom")
		case "fails":
			return bad
		}
		return nil
	})
	second := chronicle.StageFunc(func(ctx context.Context, d *chronicle.Document) error {
		order = append(order, "2:"+d.ID)
		return nil
	})
	docs := []*chronicle.Document{{ID: "a"}, {ID: "panics"}, {ID: "fails"}, {ID: "b"}}
	errs := chronicle.Pipeline{first, second}.ProcessBatch(context.Background(), docs)
	if got, want := strings.Join(order, " "), "1:a 1:panics 1:fails 1:b 2:a 2:b"; got != want {
		t.Errorf("stages ran %q, want %q (stage by stage, failed documents skipped)", got, want)
	}
	if errs[0] != nil || errs[3] != nil {
		t.Errorf("good documents failed: %v", errs)
	}
	if chronicle.ErrorCode(errs[1]) != chronicle.EINTERNAL || !strings.Contains(errs[1].Error(), "boom") {
		t.Errorf("panic gave %v, want an internal error naming it", errs[1])
	}
	if !errors.Is(errs[2], bad) {
		t.Errorf("failure gave %v, want %v", errs[2], bad)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i, err := range (chronicle.Pipeline{second}).ProcessBatch(ctx, docs[:2]) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled batch: document %d: %v", i, err)
		}
	}
}
