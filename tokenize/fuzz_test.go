package tokenize_test

import (
	"os"
	"path/filepath"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/tokenize"
)

// fuzzSeeds are the inline seeds shared by the tokenizer fuzz target.
var fuzzSeeds = []string{
	"",
	" ",
	"Officials met Friday in Turkey's capital. \"We’ve got to get it done.”",
	"the U.S.\n\nSen. J. R. Smith isn't here... it's 5:30 p.m., $1,200.50 (5%)",
	"e-mail search-engine 713-853-3989 9/11 and/or b/c",
	"https://example.com/a_(b)?x=1. john.doe@enron.com @AP #tag :-) 🇺🇸👍🏽👨‍👩‍👧",
	"the parents' ‘quote’ 'x' '' `` don't cannot",
	"\u2029\u2028\u00a0\u200b\ufeff\t\r\n",
	"a.b.c. a'b'c' ...@x ..@ @ # http:// www. 1,2,3,4,000 ::)",
}

// addCorpusSeeds adds the opening of a few real documents when the shared
// corpora are present.
func addCorpusSeeds(f *testing.F) {
	d := shared.Dir()
	if d == "" {
		return
	}
	paths := []string{filepath.Join(d, "seed", "talks-turkey.txt")}
	if m, _ := filepath.Glob(filepath.Join(d, "corpora", "bbc-news", "politics_00*.txt")); len(m) > 0 {
		paths = append(paths, m...)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if len(b) > 4096 {
			b = b[:4096]
		}
		f.Add(string(b))
	}
}

// FuzzTokenize checks that any valid UTF-8 text gives valid, ordered tokens
// from which the text can be rebuilt, without panicking.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	addCorpusSeeds(f)
	tok := tokenize.New()
	f.Fuzz(func(t *testing.T, s string) {
		text, _ := chronicle.RepairUTF8([]byte(s)) // NewDocument does this before any stage runs
		toks := tok.Append(nil, text)
		if err := tokenize.Check(text, toks); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if got := rebuild(text, toks); got != text {
			t.Fatalf("%q: rebuilt %q", text, got)
		}
	})
}
