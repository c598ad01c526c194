package quote_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/quote"
)

func TestZZText(t *testing.T) {
	s := os.Getenv("QTEXT")
	if s == "" {
		t.Skip()
	}
	doc, _ := chronicle.NewDocument([]byte(s), "x", chronicle.Meta{}, 0)
	quote.New().Process(context.Background(), doc)
	fmt.Print(render(doc))
}
