// Package segeval scores tokenization and sentence segmentation against
// CoNLL-U gold data with the method of the CoNLL 2018 shared task: the raw
// text is rebuilt from the gold file, the system tokenizes and segments it,
// and gold and system units are aligned on character offsets with all
// whitespace removed, so that only the cut points count.
//
// Units are surface tokens (a multiword token such as "don't" counts once),
// syntactic words and sentences. A token or sentence is correct when its
// span matches a gold one exactly. Words are correct when they lie in
// matching tokens; inside a multiword token they are aligned by the longest
// common subsequence of their lower-cased forms, as the shared-task scorer
// does.
package segeval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/conllu"
)

// Gold is a raw text rebuilt from CoNLL-U with its gold units. Spans are in
// characters (code points) of the text with whitespace removed.
type Gold struct {
	Text      string
	Tokens    []Unit
	Sentences []Span
}

// Span is a half-open range of non-whitespace character positions.
type Span struct{ Start, End int }

// Unit is a surface token and the lower-cased forms of its syntactic words.
type Unit struct {
	Span
	Words []string
}

// lineWidth is where conllu_to_text.pl wraps lines.
const lineWidth = 80

// Build rebuilds the raw text of sents the way the UD tools' conllu_to_text.pl
// built the CoNLL 2018 raw text: the "# text" of the sentences of one
// paragraph joined by a space, a blank line before each "# newpar" or
// "# newdoc" (except at the start), and lines wrapped at the last space
// before column 80. It returns an error when the word forms of a sentence do
// not have as many non-space characters as its text, since alignment would
// then be meaningless.
func Build(sents []*conllu.Sentence) (*Gold, error) {
	g := &Gold{}
	var out, buf strings.Builder
	pos := 0 // non-whitespace characters so far
	for k, s := range sents {
		if k > 0 && (s.NewPar || s.DocStart) {
			if buf.Len() > 0 {
				out.WriteString(buf.String())
				out.WriteByte('\n')
				buf.Reset()
			}
			out.WriteByte('\n')
		}
		if buf.Len() > 0 {
			buf.WriteByte(' ')
		}
		text := s.Text
		if text == "" {
			text = formsText(s)
		}
		buf.WriteString(text)
		if utf8.RuneCountInString(buf.String()) >= lineWidth {
			rest := wrap(&out, buf.String())
			buf.Reset()
			buf.WriteString(rest)
		}

		start := pos
		want := countNonSpace(text)
		for i := 0; i < len(s.Words); i++ {
			w := &s.Words[i]
			u := Unit{}
			if m, ok := s.MultiAt(w.ID); ok {
				u.Span = Span{pos, pos + countNonSpace(m.Form)}
				for ; i < len(s.Words) && s.Words[i].ID <= m.Last; i++ {
					u.Words = append(u.Words, strings.ToLower(s.Words[i].Form))
				}
				i--
			} else {
				u.Span = Span{pos, pos + countNonSpace(w.Form)}
				u.Words = []string{strings.ToLower(w.Form)}
			}
			pos = u.End
			g.Tokens = append(g.Tokens, u)
		}
		if pos-start != want {
			return nil, fmt.Errorf("sentence %s: the word forms have %d characters, the text %d", s.ID, pos-start, want)
		}
		if pos > start {
			g.Sentences = append(g.Sentences, Span{start, pos})
		}
	}
	out.WriteString(buf.String())
	out.WriteByte('\n')
	g.Text = out.String()
	return g, nil
}

// wrap writes the full lines of b to out, as conllu_to_text.pl does: break at
// the last white space before the first one past column 80, or print the
// whole buffer when it has no space to break at; it returns what is left.
func wrap(out *strings.Builder, b string) string {
	for utf8.RuneCountInString(b) >= lineWidth {
		last := -1 // byte index of the break
		col := 0
		for i, r := range b {
			if col > lineWidth && last >= 0 {
				break
			}
			if unicode.IsSpace(r) {
				last = i
			}
			col++
		}
		if last <= 0 { // one word longer than a line: print it whole
			out.WriteString(b)
			out.WriteByte('\n')
			return ""
		}
		out.WriteString(b[:last])
		out.WriteByte('\n')
		b = b[last+1:]
	}
	return b
}

func formsText(s *conllu.Sentence) string {
	var b strings.Builder
	for i := 0; i < len(s.Words); i++ {
		w := &s.Words[i]
		sa := w.SpaceAfter()
		if m, ok := s.MultiAt(w.ID); ok {
			b.WriteString(m.Form)
			sa = !strings.Contains(m.Misc, "SpaceAfter=No")
			for i < len(s.Words) && s.Words[i].ID < m.Last {
				i++
			}
		} else {
			b.WriteString(w.Form)
		}
		if sa {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

func countNonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// Counts are the gold, system and correct units of one kind.
type Counts struct {
	Gold, System, Correct int
}

// Precision returns Correct/System (0 when there is no system unit).
func (c Counts) Precision() float64 { return ratio(c.Correct, c.System) }

// Recall returns Correct/Gold (0 when there is no gold unit).
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 { return ratio(2*c.Correct, c.Gold+c.System) }

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.System += o.System
	c.Correct += o.Correct
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Result holds the counts of one evaluation.
type Result struct {
	Tokens, Words, Sentences Counts
}

// Add adds o to r.
func (r *Result) Add(o Result) {
	r.Tokens.Add(o.Tokens)
	r.Words.Add(o.Words)
	r.Sentences.Add(o.Sentences)
}

// Score compares doc, the system's tokens and sentences over g.Text, with
// the gold units. It returns an error when doc.Text is not g.Text.
func Score(g *Gold, doc *chronicle.Document) (Result, error) {
	var r Result
	if doc.Text != g.Text {
		return r, fmt.Errorf("segeval: the document is not the gold text")
	}
	// pos[i] = non-whitespace characters before byte i.
	pos := make([]int32, len(doc.Text)+1)
	n := int32(0)
	for i, c := range doc.Text {
		size := utf8.RuneLen(c)
		if size < 0 {
			size = 1
		}
		for k := 0; k < size && i+k < len(doc.Text); k++ {
			pos[i+k] = n
		}
		if !unicode.IsSpace(c) {
			n++
		}
	}
	pos[len(doc.Text)] = n

	// System surface tokens: JoinNext runs are one token.
	var sys []Unit
	for i := 0; i < len(doc.Tokens); i++ {
		j := i
		for j < len(doc.Tokens)-1 && doc.Tokens[j].Has(chronicle.JoinNext) {
			j++
		}
		u := Unit{Span: Span{int(pos[doc.Tokens[i].Start]), int(pos[doc.Tokens[j].End])}}
		for k := i; k <= j; k++ {
			u.Words = append(u.Words, strings.ToLower(doc.Form(k)))
		}
		sys = append(sys, u)
		i = j
	}
	r.Tokens.Gold, r.Tokens.System = len(g.Tokens), len(sys)
	for _, u := range g.Tokens {
		r.Words.Gold += len(u.Words)
	}
	for _, u := range sys {
		r.Words.System += len(u.Words)
	}
	for gi, si := 0, 0; gi < len(g.Tokens) && si < len(sys); {
		a, b := g.Tokens[gi], sys[si]
		switch {
		case a.Span == b.Span:
			r.Tokens.Correct++
			r.Words.Correct += lcs(a.Words, b.Words)
			gi++
			si++
		case a.End <= b.End:
			gi++
		default:
			si++
		}
	}

	r.Sentences.Gold, r.Sentences.System = len(g.Sentences), len(doc.Sentences)
	gi := 0
	for _, s := range doc.Sentences {
		if s.Tokens.Len() <= 0 {
			continue
		}
		sp := Span{int(pos[doc.Tokens[s.Tokens.Start].Start]), int(pos[doc.Tokens[s.Tokens.End-1].End])}
		for gi < len(g.Sentences) && g.Sentences[gi].End < sp.End {
			gi++
		}
		if gi < len(g.Sentences) && g.Sentences[gi] == sp {
			r.Sentences.Correct++
		}
	}
	return r, nil
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	if len(a) == 1 && len(b) == 1 {
		return 1 // same span, same form
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// File evaluates stage (a tokenizer and segmenter) on one CoNLL-U file: it
// rebuilds the file's raw text with Build, runs stage over it and scores the
// result.
func File(ctx context.Context, path string, stage chronicle.Stage) (Result, error) {
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return Result{}, err
	}
	g, err := Build(sents)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	doc := &chronicle.Document{Text: g.Text, Language: "en"}
	if err := stage.Process(ctx, doc); err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	return Score(g, doc)
}

// Expand turns command-line gold arguments into a list of files: a file
// stands for itself, a directory for the *.conllu files in it, and anything
// else is a glob pattern, in which "{a,b}" alternatives are expanded as a
// shell would ("dep/{train,dev}/GUM_news_*.conllu"). The files of one
// argument are sorted. It returns ENOTFOUND when an argument matches nothing.
func Expand(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil {
			if !fi.IsDir() {
				files = append(files, a)
				continue
			}
			m, err := filepath.Glob(filepath.Join(a, "*.conllu"))
			if err != nil {
				return nil, chronicle.Wrap(chronicle.EINVALID, "segeval.Expand", err)
			}
			if len(m) == 0 {
				return nil, chronicle.Errorf(chronicle.ENOTFOUND, "segeval.Expand", "no *.conllu file in %s", a)
			}
			sort.Strings(m)
			files = append(files, m...)
			continue
		}
		var m []string
		for _, pat := range braces(a) {
			mm, err := filepath.Glob(pat)
			if err != nil {
				return nil, chronicle.Errorf(chronicle.EINVALID, "segeval.Expand", "bad pattern %q: %v", a, err)
			}
			sort.Strings(mm)
			m = append(m, mm...)
		}
		if len(m) == 0 {
			return nil, chronicle.Errorf(chronicle.ENOTFOUND, "segeval.Expand", "%s: no such file", a)
		}
		files = append(files, m...)
	}
	return files, nil
}

// braces expands the first "{a,b,...}" group of pat, recursively; a pattern
// without one is returned as is.
func braces(pat string) []string {
	open := strings.IndexByte(pat, '{')
	if open < 0 {
		return []string{pat}
	}
	end := strings.IndexByte(pat[open:], '}')
	if end < 0 {
		return []string{pat}
	}
	end += open
	var out []string
	for _, alt := range strings.Split(pat[open+1:end], ",") {
		out = append(out, braces(pat[:open]+alt+pat[end+1:])...)
	}
	return out
}
