package parse_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
)

func TestTmpDump(t *testing.T) {
	raw, _ := os.ReadFile("/work/shared/seed/talks-turkey.txt")
	doc, _ := chronicle.NewDocument(raw, "x", chronicle.Meta{}, 0)
	stages := append(pipeline(t), loadParser(t))
	stages.Process(context.Background(), doc)
	for _, s := range doc.Sentences {
		txt := doc.SpanText(doc.RangeSpan(s.Tokens))
		if !strings.Contains(txt, os.Getenv("W")) {
			continue
		}
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			tk := doc.Tokens[i]
			h := "ROOT"
			if tk.Head >= 0 {
				h = doc.Form(int(tk.Head))
			}
			fmt.Printf("%d %s %s %s %s <- %d %s\n", i-s.Tokens.Start, doc.Form(i), tk.UPOS, tk.XPOS, tk.Deprel, int(tk.Head)-s.Tokens.Start, h)
		}
	}
}
