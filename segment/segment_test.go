package segment_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/segment"
	"github.com/chronicle-news/chronicle/tokenize"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

// run tokenizes and segments text.
func run(t testing.TB, text string) *chronicle.Document {
	t.Helper()
	doc := &chronicle.Document{Text: text}
	if err := (chronicle.Pipeline{tokenize.New(), segment.New()}).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if err := check(doc); err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return doc
}

// render shows sentences separated by " | " and paragraphs by " || ".
func render(doc *chronicle.Document) string {
	var b strings.Builder
	for i, s := range doc.Sentences {
		if i > 0 {
			if s.Paragraph != doc.Sentences[i-1].Paragraph {
				b.WriteString(" || ")
			} else {
				b.WriteString(" | ")
			}
		}
		b.WriteString(doc.SpanText(doc.RangeSpan(s.Tokens)))
	}
	return b.String()
}

// check verifies the segmentation invariants: tokens valid, sentences and
// paragraphs non-empty, in order, covering every token, sentences inside
// their paragraph.
func check(doc *chronicle.Document) error {
	if err := tokenize.Check(doc.Text, doc.Tokens); err != nil {
		return err
	}
	if len(doc.Tokens) == 0 {
		if len(doc.Sentences)+len(doc.Paragraphs) != 0 {
			return fmt.Errorf("no tokens but %d sentences, %d paragraphs", len(doc.Sentences), len(doc.Paragraphs))
		}
		return nil
	}
	next := 0
	for i, p := range doc.Paragraphs {
		if p.Tokens.Start != next || p.Tokens.Len() <= 0 {
			return fmt.Errorf("paragraph %d %v: want a non-empty range from %d", i, p.Tokens, next)
		}
		next = p.Tokens.End
	}
	if next != len(doc.Tokens) {
		return fmt.Errorf("paragraphs end at %d, want %d", next, len(doc.Tokens))
	}
	next = 0
	for i, s := range doc.Sentences {
		if s.Tokens.Start != next || s.Tokens.Len() <= 0 {
			return fmt.Errorf("sentence %d %v: want a non-empty range from %d", i, s.Tokens, next)
		}
		if s.Paragraph < 0 || s.Paragraph >= len(doc.Paragraphs) {
			return fmt.Errorf("sentence %d: paragraph %d out of range", i, s.Paragraph)
		}
		if p := doc.Paragraphs[s.Paragraph].Tokens; s.Tokens.Start < p.Start || s.Tokens.End > p.End {
			return fmt.Errorf("sentence %d %v crosses paragraph %d %v", i, s.Tokens, s.Paragraph, p)
		}
		next = s.Tokens.End
	}
	if next != len(doc.Tokens) {
		return fmt.Errorf("sentences end at %d, want %d", next, len(doc.Tokens))
	}
	return nil
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"simple", "Talks began. They ended! Why? Nobody knows.", "Talks began. | They ended! | Why? | Nobody knows."},
		{"abbreviations", "Sen. John Smith met Gen. Allen on Jan. 5. Mr. Rubio came.", "Sen. John Smith met Gen. Allen on Jan. 5. | Mr. Rubio came."},
		{"initials", "George W. Bush met J. R. Smith. They talked.", "George W. Bush met J. R. Smith. | They talked."},
		{"US inside", "the U.S. and Russian leaders met.", "the U.S. and Russian leaders met."},
		{"US final", "They met in the U.S. The talks ended.", "They met in the U.S. | The talks ended."},
		{"US before name", "He flew to the U.S. President Trump met him.", "He flew to the U.S. President Trump met him."},
		{"final quote", `He said, "It is done." Then he left.`, `He said, "It is done." | Then he left.`},
		{"final curly quote", "He said, “It is done.” Then he left.", "He said, “It is done.” | Then he left."},
		{"single quote", "She said ‘Why?’ Then she left.", "She said ‘Why?’ | Then she left."},
		{"question in quote then lower case", `"Why?" he asked.`, `"Why?" he asked.`},
		{"opening quote starts sentence", `He left. "We'll see," she said.`, `He left. | "We'll see," she said.`},
		{"bracket", "It ended (finally.) Then more.", "It ended (finally.) | Then more."},
		{"ellipsis before lower case", "Well... maybe not.", "Well... maybe not."},
		{"ellipsis before capital", "Well... Maybe not.", "Well... | Maybe not."},
		{"decimal", "It rose 3.5 percent. Shares fell.", "It rose 3.5 percent. | Shares fell."},
		{"comma after period-less abbreviation", "Acme Inc., a firm, grew.", "Acme Inc., a firm, grew."},
		{"dateline stays", "KYIV, Ukraine (AP) — Russian forces attacked. Officials said.", "KYIV, Ukraine (AP) — Russian forces attacked. | Officials said."},
		{"date line", "Thursday, May 7, 2015\n\nOn Tuesday, officials met.", "Thursday, May 7, 2015 || On Tuesday, officials met."},
		{"date line same paragraph", "Thursday, May 7, 2015 On Tuesday, officials met.", "Thursday, May 7, 2015 | On Tuesday, officials met."},
		{"picture credit", "The leaders in Ankara Image: Reuters.", "The leaders in Ankara | Image: Reuters."},
		{"caption run-on", "Regina Ip In the Hong Kong Island constituency, she won.", "Regina Ip | In the Hong Kong Island constituency, she won."},
		{"title with capitalized preposition", "She starred in the Carry On films and Carry On at your Convenience.", "She starred in the Carry On films and Carry On at your Convenience."},
		{"emoticon", "Loved it :) Will come back.", "Loved it :) | Will come back."},

		// Paragraphs.
		{"line per paragraph", "Headline without stop\nFirst sentence. Second one.\nThird.", "Headline without stop || First sentence. | Second one. || Third."},
		{"blank lines", "Headline\n\nFirst line\nwraps here. Second.\n\nThird.", "Headline || First line\nwraps here. | Second. || Third."},
		{"blank line with spaces", "A.\n  \t\nB.", "A. || B."},
		{"crlf", "A.\r\n\r\nB.", "A. || B."},
		{"paragraph separator", "A\u2029B", "A || B"},
		{"short headline in wrapped text", "Talks in Turkey\nOfficials from Ukraine met on Friday.\n\nMore.", "Talks in Turkey | Officials from Ukraine met on Friday. || More."},
		{"wrapped line", "Officials from Ukraine and Russia met on Friday in Turkey for\nthe first direct talks.\n\nMore.", "Officials from Ukraine and Russia met on Friday in Turkey for\nthe first direct talks. || More."},
		{"list", "Key points:\n- one\n- two\n\nEnd.", "Key points: | - one | - two || End."},
		{"numbered list", "Steps:\n1. Go\n2. Stop\n\nEnd.", "Steps: | 1. Go | 2. Stop || End."},

		// Odd input.
		{"empty", "", ""},
		{"spaces", " \n\n ", ""},
		{"only punctuation", "...!?", "...!?"},
		{"no final punctuation", "a b c", "a b c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := run(t, tt.in)
			if got := render(doc); got != tt.want {
				t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSeed pins the seed article: one paragraph per line, 16 sentences in
// 11 paragraphs.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed", "talks-turkey.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := run(t, string(b))
	if len(doc.Sentences) != 16 || len(doc.Paragraphs) != 11 {
		t.Errorf("got %d sentences in %d paragraphs, want 16 in 11:\n%s", len(doc.Sentences), len(doc.Paragraphs), strings.ReplaceAll(render(doc), " | ", "\n"))
	}
	golden(t, "talks-turkey.golden", dump(doc))
}

// dump lists every paragraph, sentence and token with offsets, form and
// flags (S = SpaceAfter, J = JoinNext).
func dump(doc *chronicle.Document) string {
	var b strings.Builder
	for si, s := range doc.Sentences {
		if si == 0 || s.Paragraph != doc.Sentences[si-1].Paragraph {
			p := doc.Paragraphs[s.Paragraph].Tokens
			fmt.Fprintf(&b, "# paragraph %d tokens [%d,%d)\n", s.Paragraph, p.Start, p.End)
		}
		sp := doc.RangeSpan(s.Tokens)
		fmt.Fprintf(&b, "## sentence %d tokens [%d,%d) bytes [%d,%d)\n", si, s.Tokens.Start, s.Tokens.End, sp.Start, sp.End)
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			tk := &doc.Tokens[i]
			flags := ""
			if tk.Has(chronicle.SpaceAfter) {
				flags += "S"
			}
			if tk.Has(chronicle.JoinNext) {
				flags += "J"
			}
			fmt.Fprintf(&b, "%d\t%d\t%d\t%s\t%s\n", i, tk.Start, tk.End, doc.Form(i), flags)
		}
	}
	return b.String()
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run go test -update if the change is intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: got %d lines, want %d (run go test -update if the change is intended)", path, len(gl), len(wl))
	}
}

func TestProcessRejectsBadTokens(t *testing.T) {
	doc := &chronicle.Document{Text: "ab", Tokens: []chronicle.Token{{Start: 1, End: 2}, {Start: 0, End: 1}}}
	err := segment.New().Process(context.Background(), doc)
	if chronicle.ErrorCode(err) != chronicle.EINVALID {
		t.Errorf("out-of-order tokens: got %v, want an EINVALID error", err)
	}
	doc = &chronicle.Document{Text: "ab", Tokens: []chronicle.Token{{Start: 0, End: 3}}}
	if err := segment.New().Process(context.Background(), doc); chronicle.ErrorCode(err) != chronicle.EINVALID {
		t.Errorf("token past the text: got %v, want an EINVALID error", err)
	}
}

// TestHandMadeTokens segments tokens that did not come from the tokenizer.
func TestHandMadeTokens(t *testing.T) {
	text := "Hi there. Bye"
	doc := &chronicle.Document{Text: text, Tokens: []chronicle.Token{
		{Start: 0, End: 2, Flags: chronicle.SpaceAfter}, {Start: 3, End: 8}, {Start: 8, End: 9, Flags: chronicle.SpaceAfter}, {Start: 10, End: 13},
	}}
	if err := segment.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := render(doc); got != "Hi there. | Bye" {
		t.Errorf("got %q", got)
	}
}

func TestCorpusInvariants(t *testing.T) {
	dir := shared.Path(t, "corpora", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no BBC files in %s: %v", dir, err)
	}
	if testing.Short() {
		files = files[:50]
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := chronicle.RepairUTF8(b)
		doc := run(t, text)
		// BBC files: headline, blank line, paragraphs separated by blank lines.
		if len(doc.Paragraphs) < 2 || doc.Sentences[0].Tokens != doc.Paragraphs[0].Tokens {
			t.Errorf("%s: want the headline as a paragraph and sentence of its own, got %q", f, render(doc))
		}
	}
}
