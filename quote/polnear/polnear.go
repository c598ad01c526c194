// Package polnear reads the PolNeAR attribution corpus (brat standoff) and
// scores attributions against it.
//
// Matching, per role (source, cue, content): an attribution's role is the
// set of its spans (PolNeAR spans may be discontinuous; a predicted quote
// split around its cue gives two content spans under one cue). A predicted
// and a gold role match by overlap when they share at least one non-space
// byte, and exactly when they cover the same bytes once leading and
// trailing whitespace is trimmed from every span. Matching is one-to-one:
// pairs are taken greedily, largest overlap first. Precision is matches
// over predicted roles, recall matches over gold roles; an attribution
// without a source has no source role. A triple matches when content, cue
// and source all match (a missing source matches only a missing source),
// again one-to-one.
package polnear

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
)

// Attribution is one attribution relation with its spans as byte offsets.
type Attribution struct {
	Source, Cue, Content []chronicle.Span
}

// Article is one text with its gold attributions.
type Article struct {
	Name  string
	Text  string
	Gold  []Attribution
	Notes int // spans whose stored text did not match the article at the computed offsets
}

// ReadDir reads a PolNeAR compartment (DIR/text/*.txt and
// DIR/attributions/*_XXXX.ann). When an article has several annotators'
// files, the first by name is used. It returns an error when a folder or
// file cannot be read or an .ann line is malformed.
func ReadDir(dir string) ([]Article, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("polnear: no texts in %s", filepath.Join(dir, "text"))
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	byBase := make(map[string]string, len(anns))
	for _, a := range anns {
		b := filepath.Base(a)
		b = b[:len(b)-len(".ann")]
		if k := strings.LastIndexByte(b, '_'); k > 0 {
			b = b[:k]
		}
		if _, ok := byBase[b]; !ok {
			byBase[b] = a
		}
	}
	sort.Strings(texts)
	var out []Article
	for _, tp := range texts {
		raw, err := os.ReadFile(tp)
		if err != nil {
			return nil, err
		}
		base := strings.TrimSuffix(filepath.Base(tp), ".txt")
		art := Article{Name: base, Text: string(raw)}
		if ap, ok := byBase[base]; ok {
			f, err := os.Open(ap)
			if err != nil {
				return nil, err
			}
			art.Gold, art.Notes, err = ReadAnn(f, art.Text)
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ap, err)
			}
		}
		out = append(out, art)
	}
	return out, nil
}

// ReadAnn reads brat standoff attributions for text. Brat offsets count
// code points; they are converted to byte offsets into text. The count of
// spans whose stored text differs from text at those offsets is returned
// as a check on the conversion.
func ReadAnn(r io.Reader, text string) ([]Attribution, int, error) {
	// code point index -> byte offset
	idx := make([]int, 0, len(text)+1)
	for b := range text {
		idx = append(idx, b)
	}
	idx = append(idx, len(text))
	type tspan struct {
		typ   string
		spans []chronicle.Span
		text  string
	}
	ts := map[string]tspan{}
	var events [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		f := strings.Split(line, "\t")
		if len(f) < 2 || len(f[0]) < 2 {
			continue // continuation of a span text holding a newline, or a blank line
		}
		switch f[0][0] {
		case 'T':
			if _, err := strconv.Atoi(f[0][1:]); err != nil {
				continue
			}
			typ, offs, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, 0, fmt.Errorf("line %d: no offsets in %q", n, line)
			}
			var sp []chronicle.Span
			for _, part := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(part), " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e >= len(idx) {
					return nil, 0, fmt.Errorf("line %d: bad offsets %q", n, offs)
				}
				sp = append(sp, chronicle.Span{Start: idx[s], End: idx[e]})
			}
			t := tspan{typ: typ, spans: sp}
			if len(f) > 2 {
				t.text = f[2]
			}
			ts[f[0]] = t
		case 'E':
			events = append(events, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, 0, err
	}
	bad := 0
	for _, t := range ts {
		var b strings.Builder
		for i, s := range t.spans {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(text[s.Start:s.End])
		}
		if t.text != "" && !strings.HasPrefix(b.String(), t.text) && !strings.HasPrefix(t.text, firstLine(b.String())) {
			bad++
		}
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		ok := false
		for _, arg := range ev {
			role, id, _ := strings.Cut(arg, ":")
			t, found := ts[id]
			if !found {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Source":
				a.Source = append(a.Source, t.spans...)
			case "Cue":
				a.Cue = append(a.Cue, t.spans...)
			case "Content":
				a.Content = append(a.Content, t.spans...)
			case "Attribution", "Attribution-no-source":
				ok = true
			}
		}
		if ok && (len(a.Content) > 0 || len(a.Cue) > 0) {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return first(out[i]) < first(out[j]) })
	return out, bad, nil
}

func firstLine(s string) string {
	if k := strings.IndexByte(s, '\n'); k >= 0 {
		return s[:k]
	}
	return s
}

func first(a Attribution) int {
	m := 1 << 62
	for _, s := range [][]chronicle.Span{a.Content, a.Cue, a.Source} {
		for _, x := range s {
			m = min(m, x.Start)
		}
	}
	return m
}

// FromQuotes converts a document's quotes to attributions: quotes sharing a
// cue (a quote split around its cue, a quote running over paragraphs) are
// one attribution with several content spans. Every attribution keeps its
// speaker span, even one an earlier attribution has: PolNeAR links one
// source span to several attributions (12% of the source links on train:
// "he said ..., adding ..."). With nested false, quotes inside another quote's
// content (Parent >= 0) are left out, as PolNeAR annotates one level.
func FromQuotes(doc *chronicle.Document, nested bool) []Attribution {
	var out []Attribution
	byCue := map[chronicle.Span]int{}
	for _, q := range doc.Quotes {
		if !nested && q.Parent >= 0 {
			continue
		}
		if k, ok := byCue[q.Cue]; ok && q.Cue.Len() > 0 {
			out[k].Content = append(out[k].Content, q.Content)
			continue
		}
		a := Attribution{Content: []chronicle.Span{q.Content}}
		if q.Cue.Len() > 0 {
			a.Cue = []chronicle.Span{q.Cue}
			byCue[q.Cue] = len(out)
		}
		if s := q.Speaker.Span; s.Len() > 0 {
			a.Source = []chronicle.Span{s}
		}
		out = append(out, a)
	}
	return out
}

// PRF holds matched, predicted and gold counts.
type PRF struct{ Match, Pred, Gold int }

// P returns precision in percent.
func (c PRF) P() float64 { return pct(c.Match, c.Pred) }

// R returns recall in percent.
func (c PRF) R() float64 { return pct(c.Match, c.Gold) }

// F1 returns the F1 score in percent.
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Scores accumulates the counts of an evaluation.
type Scores struct {
	Content, Source, Cue, Triple                     PRF // by overlap
	ContentExact, SourceExact, CueExact, TripleExact PRF
	Articles                                         int
}

// Add scores one article's predicted attributions against its gold ones.
func (s *Scores) Add(text string, gold, pred []Attribution) {
	s.Articles++
	role := func(a Attribution, r int) []chronicle.Span {
		switch r {
		case 0:
			return a.Content
		case 1:
			return a.Source
		}
		return a.Cue
	}
	outs := [...]*PRF{&s.Content, &s.Source, &s.Cue}
	exacts := [...]*PRF{&s.ContentExact, &s.SourceExact, &s.CueExact}
	for r := 0; r < 3; r++ {
		var g, p [][]chronicle.Span
		for _, a := range gold {
			if x := role(a, r); len(x) > 0 {
				g = append(g, x)
			}
		}
		for _, a := range pred {
			if x := role(a, r); len(x) > 0 {
				p = append(p, x)
			}
		}
		outs[r].Gold += len(g)
		outs[r].Pred += len(p)
		exacts[r].Gold += len(g)
		exacts[r].Pred += len(p)
		outs[r].Match += match(len(g), len(p), func(i, j int) int { return overlap(text, g[i], p[j]) })
		exacts[r].Match += match(len(g), len(p), func(i, j int) int {
			if same(text, g[i], p[j]) {
				return 1
			}
			return 0
		})
	}
	s.Triple.Gold += len(gold)
	s.Triple.Pred += len(pred)
	s.TripleExact.Gold += len(gold)
	s.TripleExact.Pred += len(pred)
	s.Triple.Match += match(len(gold), len(pred), func(i, j int) int {
		g, p := gold[i], pred[j]
		c, q := overlap(text, g.Content, p.Content), overlap(text, g.Cue, p.Cue)
		src := 1
		if len(g.Source)+len(p.Source) > 0 {
			src = overlap(text, g.Source, p.Source)
		}
		if c == 0 || q == 0 || src == 0 {
			return 0
		}
		return c + q + src
	})
	s.TripleExact.Match += match(len(gold), len(pred), func(i, j int) int {
		g, p := gold[i], pred[j]
		if same(text, g.Content, p.Content) && same(text, g.Cue, p.Cue) && same(text, g.Source, p.Source) {
			return 1
		}
		return 0
	})
}

// match pairs gold and predicted items one-to-one, greedily by score
// (score 0 = no match), and returns the number of pairs.
func match(ng, np int, score func(g, p int) int) int {
	type pair struct{ g, p, s int }
	var pairs []pair
	for i := 0; i < ng; i++ {
		for j := 0; j < np; j++ {
			if s := score(i, j); s > 0 {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].s != pairs[b].s {
			return pairs[a].s > pairs[b].s
		}
		if pairs[a].g != pairs[b].g {
			return pairs[a].g < pairs[b].g
		}
		return pairs[a].p < pairs[b].p
	})
	ug := make([]bool, ng)
	up := make([]bool, np)
	n := 0
	for _, pr := range pairs {
		if !ug[pr.g] && !up[pr.p] {
			ug[pr.g], up[pr.p] = true, true
			n++
		}
	}
	return n
}

// overlap returns the number of non-space bytes two span sets share.
func overlap(text string, a, b []chronicle.Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			for i := lo; i < hi; i++ {
				if c := text[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
					n++
				}
			}
		}
	}
	return n
}

// same reports whether two span sets cover the same bytes once each span
// is trimmed of surrounding whitespace.
func same(text string, a, b []chronicle.Span) bool {
	na, nb := norm(text, a), norm(text, b)
	if len(na) != len(nb) {
		return false
	}
	for i := range na {
		if na[i] != nb[i] {
			return false
		}
	}
	return true
}

func norm(text string, spans []chronicle.Span) []chronicle.Span {
	out := make([]chronicle.Span, 0, len(spans))
	for _, s := range spans {
		for s.Start < s.End {
			r, n := utf8.DecodeRuneInString(text[s.Start:])
			if !unicode.IsSpace(r) {
				break
			}
			s.Start += n
		}
		for s.End > s.Start {
			r, n := utf8.DecodeLastRuneInString(text[:s.End])
			if !unicode.IsSpace(r) {
				break
			}
			s.End -= n
		}
		if s.Len() > 0 {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	// merge touching spans
	m := out[:0]
	for _, s := range out {
		if len(m) > 0 && s.Start <= m[len(m)-1].End {
			m[len(m)-1].End = max(m[len(m)-1].End, s.End)
			continue
		}
		m = append(m, s)
	}
	return m
}
