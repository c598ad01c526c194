package tokenize_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/tokenize"
)

// render shows tokens as forms separated by spaces; a form followed by "~"
// is joined to the next one (chronicle.JoinNext).
func render(text string, toks []chronicle.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[t.Start:t.End])
		if t.Has(chronicle.JoinNext) {
			b.WriteByte('~')
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Clitics: EWT multiword tokens.
		{"negation", "I don't know, can't say, won't go.", "I do~ n't know , ca~ n't say , wo~ n't go ."},
		{"pronoun clitics", "I'm sure they're here and we've seen it; I'll go, she'd stay.", "I~ 'm sure they~ 're here and we~ 've seen it ; I~ 'll go , she~ 'd stay ."},
		{"possessive", "Russia's invasion", "Russia~ 's invasion"},
		{"possessive capital", "IT'S THE FBI'S JOB", "IT~ 'S THE FBI~ 'S JOB"},
		{"curly clitics", "we’re sure it didn’t", "we~ ’re sure it did~ n’t"},
		{"plural possessive", "the parents' cars", "the parents~ ' cars"},
		{"closing single quote is not possessive", "he called it 'the best of times'.", "he called it ' the best of times ' ."},
		{"fused", "I cannot go, I'm gonna stay", "can~ not"},
		{"fused dont", "i dont know", "i do~ nt know"},
		{"its stays a pronoun", "its own way", "its own way"},
		{"name with apostrophe", "O'Brien and Shi'ite", "O'Brien and Shi'ite"},

		// Punctuation and quotes.
		{"straight quotes", `He said "no."`, `He said " no . "`},
		{"curly quotes", "“They all said,” he said. ‘If’", "“ They all said , ” he said . ‘ If ’"},
		{"ellipsis", "Wait... what?!", "Wait ... what ?!"},
		{"unicode ellipsis", "so…", "so …"},
		{"repeated marks", "Great!!! -- really", "Great !!! -- really"},
		{"brackets do not group", "((a))", "( ( a ) )"},
		{"dashes", "Ukraine (AP) — Russia", "Ukraine ( AP ) — Russia"},

		// Abbreviations and initials.
		{"titles", "Sen. Smith met Gen. Allen and Mr. Rubio.", "Sen. Smith met Gen. Allen and Mr. Rubio ."},
		{"months", "on Jan. 5 and Sept. 11", "on Jan. 5 and Sept. 11"},
		{"initials", "George W. Bush and J. R. R. Tolkien", "George W. Bush and J. R. R. Tolkien"},
		{"US inside sentence", "the U.S. and Russian leaders", "the U.S. and Russian leaders"},
		{"US ends sentence", "leaders in the U.S. The talks", "leaders in the U.S . The talks"},
		{"US ends paragraph", "in the U.S.\nNext line", "in the U.S . Next line"},
		{"US before lower case", "U.S. officials", "U.S. officials"},
		{"abbreviation then comma", "Acme Inc., a firm", "Acme Inc. , a firm"},
		{"e.g.", "e.g. this, i.e. that, etc.", "e.g. this , i.e. that , etc."},
		{"no before number", "No. 5 and no.", "No. 5 and no ."},
		{"word that is not an abbreviation", "I feel ill. Really.", "I feel ill . Really ."},
		{"capitalized state", "Springfield, Ill. police", "Springfield , Ill. police"},
		{"missing space", "the end.The next", "the end . The next"},
		{"time", "at 5:30 p.m. today", "at 5:30 p.m. today"},

		// Numbers and currency.
		{"decimal and thousands", "1,200.50 and 3.14 and 200,000", "1,200.50 and 3.14 and 200,000"},
		{"comma between numbers", "1,2,3", "1 , 2 , 3"},
		{"percent", "up 5% to 7.5%", "up 5 % to 7.5 %"},
		{"currency", "$5 and £10m and €3.5bn", "$ 5 and £ 10m and € 3.5bn"},
		{"range", "1990-1995 and pages 3-4", "1990 - 1995 and pages 3 - 4"},
		{"phone", "call 713-853-3989 or 853-3989 or 1-800-991-9019", "call 713-853-3989 or 853-3989 or 1-800-991-9019"},
		{"dates with slashes", "on 11/28/2000 and 9/11, open 24/7", "on 11/28/2000 and 9/11 , open 24/7"},
		{"ordinals", "the 21st and 1990s", "the 21st and 1990s"},

		// Hyphens: EWT splits most, keeps prefixes.
		{"hyphen split", "a three-year-long war and search-engine", "a three - year - long war and search - engine"},
		{"hyphen prefixes", "e-mail, non-human, co-workers, re-read, mid-July", "e-mail , non-human , co-workers , re-read , mid-July"},
		{"hyphen after prefix still splits later", "anti-war-style", "anti-war - style"},
		{"dangling hyphen", "pre- and post-war", "pre - and post-war"},
		{"slash between words", "and/or he/she", "and / or he / she"},
		{"letter pairs", "b/c of it", "b/c of it"},

		// Web text.
		{"url", "see https://example.com/a_(b)?x=1. Then", "see https://example.com/a_(b)?x=1 . Then"},
		{"url in brackets", "(www.bbc.co.uk/news)", "( www.bbc.co.uk/news )"},
		{"email", "mail john.doe@enron.com, or Vangie.McGilloway@powersrc.com", "mail john.doe@enron.com , or Vangie.McGilloway@powersrc.com"},
		{"shortened email", "franz371...@gmail.com", "franz371...@gmail.com"},
		{"handle and hashtag", "@AP: #peace talks", "@AP : #peace talks"},
		{"emoticons", "great :-) and sad :( ok", "great :-) and sad :( ok"},
		{"emoji", "peace 🕊️ now 👍🏽 👨‍👩‍👧", "peace 🕊️ now 👍🏽 👨‍👩‍👧"},
		{"ampersand", "AT&T and S&P, you & me", "AT&T and S&P , you & me"},

		// Odd input.
		{"empty", "", ""},
		{"only space", " \n\t\u00a0", ""},
		{"unicode letters", "Zelenskyy’s Київ naïve café", "Zelenskyy~ ’s Київ naïve café"},
		{"zero width space", "a\u200bb", "a b"},
		{"lone apostrophes", "' '' ’", "' '' ’"},
		{"digit abbreviation before non-ASCII", "no. é", "no . é"}, // found by FuzzSegment: index out of range
	}
	tok := tokenize.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tok.Append(nil, tt.in)
			if err := tokenize.Check(tt.in, toks); err != nil {
				t.Fatalf("%q: %v", tt.in, err)
			}
			got := render(tt.in, toks)
			if tt.name == "fused" {
				if !strings.Contains(got, tt.want) {
					t.Errorf("%q:\n got %s\nwant it to contain %s", tt.in, got, tt.want)
				}
				return
			}
			if got != tt.want {
				t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestSpaceAfter(t *testing.T) {
	text := "Hi, you\u00a0there\n(ok)"
	toks := tokenize.New().Append(nil, text)
	want := []bool{false, true, true, true, false, false, false}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %s, want %d", len(toks), render(text, toks), len(want))
	}
	for i, w := range want {
		if got := toks[i].Has(chronicle.SpaceAfter); got != w {
			t.Errorf("token %d %q: SpaceAfter %v, want %v", i, text[toks[i].Start:toks[i].End], got, w)
		}
	}
}

func TestBlankLineParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"one line", false},
		{"a\nb\nc", false},
		{"a\n\nb", true},
		{"a\n \t\r\nb", true},
		{"a\r\n\r\nb", true},
		{"a\n.\nb", false},
	}
	for _, tt := range tests {
		if got := tokenize.BlankLineParagraphs(tt.in); got != tt.want {
			t.Errorf("BlankLineParagraphs(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestProcess(t *testing.T) {
	doc := &chronicle.Document{Text: "Hello, world."}
	if err := tokenize.New().Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := render(doc.Text, doc.Tokens); got != "Hello , world ." {
		t.Errorf("got %s", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := tokenize.New().Process(ctx, doc); err == nil {
		t.Error("Process with a cancelled context: got nil error")
	}
}

// TestCorpusInvariants tokenizes real news and checks that every token is
// valid and that the text can be rebuilt.
func TestCorpusInvariants(t *testing.T) {
	dir := shared.Path(t, "corpora", "bbc-news")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no BBC files in %s: %v", dir, err)
	}
	if testing.Short() {
		files = files[:50]
	}
	tok := tokenize.New()
	var toks []chronicle.Token
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := chronicle.RepairUTF8(b)
		toks = tok.Append(toks[:0], text)
		if err := tokenize.Check(text, toks); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got := rebuild(text, toks); got != text {
			t.Fatalf("%s: rebuilt text differs", f)
		}
	}
}

// rebuild puts the text back together from tokens and the gaps between them.
func rebuild(text string, toks []chronicle.Token) string {
	var b strings.Builder
	prev := 0
	for _, t := range toks {
		b.WriteString(text[prev:t.Start])
		b.WriteString(text[t.Start:t.End])
		prev = int(t.End)
	}
	b.WriteString(text[prev:])
	return b.String()
}

// TestHugeLine feeds 50 MB lines that stress each scanning path (4 MB for
// the inputs that give a token every few bytes, to keep memory down);
// quadratic behaviour would make it time out.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB inputs: skipped with -short")
	}
	const big, dense = 50 << 20, 4 << 20
	tests := []struct {
		name, unit string
		size       int
	}{
		{"one word", "a", big},
		{"periods", ".", big},
		{"abbreviation shape", "a.", big},
		{"apostrophes", "a'", big},
		{"url", "http://x.y/", big},
		{"address", "a@", big},
		{"hyphens", "ab-", dense},
		{"digits and commas", "1,", dense},
		{"emoji", "👍🏽", dense},
		{"words", "Talks, in Turkey's U.S.-led 3-day e-mail don't... ", dense},
	}
	tok := tokenize.New()
	var toks []chronicle.Token
	for _, tt := range tests {
		text := strings.Repeat(tt.unit, tt.size/len(tt.unit))
		start := time.Now()
		toks = tok.Append(toks[:0], text)
		t.Logf("%s: %d MB, %d tokens in %v", tt.name, len(text)>>20, len(toks), time.Since(start))
		if err := tokenize.Check(text, toks); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
	}
}
