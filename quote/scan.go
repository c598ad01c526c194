package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/perceptron"
)

// Token classes of the extractor's view of the text.
const (
	clsWord   = iota
	clsPunct  // any other punctuation
	clsComma  // , ; and dashes: clause boundaries
	clsColon  // :
	clsEnd    // . ? ! …
	clsDouble // a double quote mark: “ ” "
	clsSingle // a single quote mark standing alone: ‘ ’ '
)

// Quote-mark direction, read from the characters around the mark.
const (
	dirAmbig = iota
	dirOpen
	dirClose
)

// tk is one token of the extractor's view: doc.Tokens when the tokenizer
// has run, else the extractor's own simple tokens.
type tk struct {
	start, end int32
	sent       int32 // index into view.sents
	par        int32 // paragraph number (a newline between tokens starts one)
	cls        uint8
	dir        uint8 // dirOpen/dirClose/dirAmbig for quote marks
	upos, xpos string
	lemma      string // tagger's lemma; "" when untagged
	head       int32  // parse head (document token index), -1 for a root
	dep        string // UD relation; "" when not parsed
	inQ        int32  // index of the top-level quote holding the token, -1
}

// view is the per-call scratch: tokens, sentences and quote spans. It is
// reused through a sync.Pool; reset keeps the capacity.
type view struct {
	lex     *Lexicon
	text    string
	toks    []tk
	sents   []span32 // token ranges
	docSent bool     // sents are doc.Sentences (indices are meaningful)
	marks   []qspan
	lower   []byte
	used    []uint8 // role of each token in an attribution so far
	out     []chronicle.Quote
	frames  []frame
	cue     *perceptron.Model // learned cue model; nil when it did not load
	feats   []uint64          // cue model feature scratch
}

type span32 struct{ start, end int32 }

// titleCase reports whether most words of sentence si are capitalized, as
// in a headline ("Bellwether County Says Trump Should Win").
func (v *view) titleCase(si int32) bool {
	s := v.sents[si]
	words, caps := 0, 0
	for i := s.start; i < s.end; i++ {
		if v.toks[i].cls == clsWord {
			words++
			if v.isCap(int(i)) {
				caps++
			}
		}
	}
	return words >= 3 && caps*4 >= words*3
}

func (v *view) reset(text string) {
	v.text = text
	v.toks = v.toks[:0]
	v.sents = v.sents[:0]
	v.marks = v.marks[:0]
	v.out = v.out[:0]
	v.frames = v.frames[:0]
	v.docSent = false
}

// load fills the view from doc: its tokens and sentences when present,
// else the fallback tokenizer and sentence splitter below.
func (v *view) load(doc *chronicle.Document) {
	v.reset(doc.Text)
	if len(doc.Tokens) > 0 {
		for i := range doc.Tokens {
			t := &doc.Tokens[i]
			v.toks = append(v.toks, tk{start: t.Start, end: t.End, upos: t.UPOS, xpos: t.XPOS, lemma: t.Lemma, head: t.Head, dep: t.Deprel})
		}
	} else {
		v.tokenize()
	}
	par := int32(0)
	for i := range v.toks {
		t := &v.toks[i]
		if i > 0 && hasNewline(v.text[v.toks[i-1].end:t.start]) {
			par++
		}
		t.par = par
		t.inQ = -1
		v.classify(i)
	}
	if len(doc.Sentences) > 0 && len(doc.Tokens) > 0 {
		v.docSent = true
		for _, s := range doc.Sentences {
			v.sents = append(v.sents, span32{int32(s.Tokens.Start), int32(s.Tokens.End)})
		}
	} else {
		v.split()
	}
	for si, s := range v.sents {
		for i := s.start; i < s.end && int(i) < len(v.toks); i++ {
			v.toks[i].sent = int32(si)
		}
	}
	if cap(v.used) < len(v.toks) {
		v.used = make([]uint8, len(v.toks))
	}
	v.used = v.used[:len(v.toks)]
	clear(v.used)
}

func hasNewline(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return true
		}
	}
	return false
}

// classify sets the class (and quote direction) of token i from its text.
func (v *view) classify(i int) {
	t := &v.toks[i]
	s := v.text[t.start:t.end]
	r, n := utf8.DecodeRuneInString(s)
	t.cls = clsWord
	if s == "''" || s == "``" {
		t.cls = clsDouble
		t.dir = dirClose
		if s == "``" {
			t.dir = dirOpen
		} else {
			t.dir = markDir(v.text, int(t.start), int(t.end), '"')
		}
		return
	}
	if n != len(s) {
		if s == "--" || s == "..." {
			t.cls = clsComma
			if s == "..." {
				t.cls = clsEnd
			}
		}
		return
	}
	switch r {
	case '"', '“', '”', '„', '«', '»':
		t.cls = clsDouble
	case '\'', '‘', '’':
		t.cls = clsSingle
	case ',', ';', '—', '–', '―':
		t.cls = clsComma
	case ':':
		t.cls = clsColon
	case '.', '?', '!', '…':
		t.cls = clsEnd
	default:
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			t.cls = clsPunct
		}
		return
	}
	if t.cls == clsDouble || t.cls == clsSingle {
		t.dir = markDir(v.text, int(t.start), int(t.end), r)
	}
}

// markDir tells an opening from a closing quote mark by the mark itself
// (curly marks) or by the characters around it (straight marks).
func markDir(text string, start, end int, r rune) uint8 {
	switch r {
	case '“', '‘', '«', '„':
		return dirOpen
	case '”', '»':
		return dirClose
	}
	var before, after rune = ' ', ' '
	if start > 0 {
		before, _ = utf8.DecodeLastRuneInString(text[:start])
	}
	if end < len(text) {
		after, _ = utf8.DecodeRuneInString(text[end:])
	}
	spaceB := unicode.IsSpace(before) || before == '(' || before == '[' || before == '—' || before == '-'
	spaceA := unicode.IsSpace(after) || after == ')' || unicode.IsPunct(after) && after != '\'' && after != '‘' && after != '“'
	switch {
	case r == '’' && unicode.IsLetter(after):
		return dirAmbig // an apostrophe: don’t, ’90s
	case spaceB && !spaceA:
		return dirOpen
	case !spaceB && spaceA:
		return dirClose
	}
	return dirAmbig
}

// abbreviations keep their period in the fallback tokenizer.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "vs": true, "etc": true, "jan": true,
	"feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"no": true, "prof": true, "rev": true, "adm": true, "maj": true, "capt": true, "u.s": true,
	"u.k": true, "u.n": true, "d.c": true, "a.m": true, "p.m": true, "mt": true, "ft": true,
}

// tokenize is the fallback tokenizer, used when the document has no tokens:
// whitespace-separated chunks with punctuation peeled off both ends, an
// abbreviation's period kept, and "'s" split off. It is good enough for
// finding quote marks, cues and clause boundaries, not for grammar.
func (v *view) tokenize() {
	text := v.text
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		v.chunk(i, j)
		i = j
	}
}

// isPeel reports whether r is split off the ends of a chunk.
func isPeel(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '(', ')', '[', ']', ',', ';', ':', '?', '!', '—', '–', '―', '…', '«', '»':
		return true
	}
	return false
}

func (v *view) chunk(i, j int) {
	text := v.text
	// leading punctuation
	for i < j {
		r, n := utf8.DecodeRuneInString(text[i:])
		if (r == '-' || r == '\'' || r == '`') && i+1 < j && text[i+1] == text[i] {
			n = 2 // "--", and '' or `` for a double quote mark
		} else if !isPeel(r) {
			break
		}
		v.toks = append(v.toks, tk{start: int32(i), end: int32(i + n)})
		i += n
	}
	// trailing punctuation: find where it starts, emit it after the word
	k := j
	for k > i {
		r, n := utf8.DecodeLastRuneInString(text[i:k])
		if r == '.' {
			w := text[i : k-1]
			if len(w) > 0 && w[len(w)-1] != '.' && (abbreviations[lowerASCII(w)] || isInitial(w) || containsDotLetter(w)) {
				break
			}
		} else if !isPeel(r) {
			break
		}
		k -= n
	}
	if i < k {
		w := text[i:k]
		if d := indexDash(w); d > 0 {
			v.word(i, i+d)
			dl := len("—")
			if w[d] == '-' {
				dl = 2
			}
			v.toks = append(v.toks, tk{start: int32(i + d), end: int32(i + d + dl)})
			if i+d+dl < k {
				v.chunk(i+d+dl, k)
			}
		} else {
			v.word(i, k)
		}
	}
	for k < j {
		r, n := utf8.DecodeRuneInString(text[k:])
		if r == '\'' && k+1 < j && text[k+1] == '\'' {
			n = 2
		} else if r == '.' || r == '-' {
			m := k
			for m < j && text[m] == byte(r) {
				m++
			}
			n = m - k
		}
		v.toks = append(v.toks, tk{start: int32(k), end: int32(k + n)})
		k += n
	}
}

// word appends a word, splitting a final 's / ’s.
func (v *view) word(i, j int) {
	w := v.text[i:j]
	if len(w) > 2 && (w[len(w)-2:] == "'s" || w[len(w)-2:] == "'S") {
		v.toks = append(v.toks, tk{start: int32(i), end: int32(j - 2)}, tk{start: int32(j - 2), end: int32(j)})
		return
	}
	if len(w) > 4 && w[len(w)-4:] == "’s" {
		v.toks = append(v.toks, tk{start: int32(i), end: int32(j - 4)}, tk{start: int32(j - 4), end: int32(j)})
		return
	}
	v.toks = append(v.toks, tk{start: int32(i), end: int32(j)})
}

func indexDash(w string) int {
	for k := 1; k < len(w); k++ {
		if w[k] == 0xE2 && k+2 < len(w) && w[k+1] == 0x80 && (w[k+2] == 0x94) {
			return k
		}
		if w[k] == '-' && k+1 < len(w) && w[k+1] == '-' {
			return k
		}
	}
	return -1
}

func isInitial(w string) bool { return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' }

func containsDotLetter(w string) bool {
	for k := 0; k+1 < len(w); k++ {
		if w[k] == '.' && (w[k+1] >= 'A' && w[k+1] <= 'Z' || w[k+1] >= 'a' && w[k+1] <= 'z') {
			return true
		}
	}
	return false
}

func lowerASCII(s string) string {
	for k := 0; k < len(s); k++ {
		if s[k] >= 'A' && s[k] <= 'Z' {
			b := []byte(s)
			for m := range b {
				if b[m] >= 'A' && b[m] <= 'Z' {
					b[m] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// split is the fallback sentence splitter: a sentence ends after . ? ! (and
// any closing marks) when the next token starts with a capital, a digit or
// an opening quote, and at every newline.
func (v *view) split() {
	start := 0
	n := len(v.toks)
	for i := 0; i < n; i++ {
		if i+1 < n && v.toks[i+1].par != v.toks[i].par {
			v.sents = append(v.sents, span32{int32(start), int32(i + 1)})
			start = i + 1
			continue
		}
		if v.toks[i].cls != clsEnd {
			continue
		}
		j := i + 1
		for j < n && v.toks[j].par == v.toks[i].par && (v.toks[j].cls == clsDouble || v.toks[j].cls == clsSingle) && v.toks[j].dir != dirOpen {
			j++
		}
		for j < n && v.toks[j].par == v.toks[i].par && v.text[v.toks[j].start] == ')' {
			j++
		}
		if j >= n || v.toks[j].par != v.toks[i].par {
			continue // the newline rule ends it
		}
		r, _ := utf8.DecodeRuneInString(v.text[v.toks[j].start:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || v.toks[j].cls == clsDouble || v.toks[j].cls == clsSingle {
			v.sents = append(v.sents, span32{int32(start), int32(j)})
			start = j
			i = j - 1
		}
	}
	if start < n {
		v.sents = append(v.sents, span32{int32(start), int32(n)})
	}
}

// lowerTok returns the lower-cased form of token i in v.lower (reused).
func (v *view) lowerTok(i int) []byte {
	t := &v.toks[i]
	v.lower = v.lower[:0]
	s := v.text[t.start:t.end]
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		v.lower = append(v.lower, c)
	}
	return v.lower
}

// form returns token i's text.
func (v *view) form(i int) string { t := &v.toks[i]; return v.text[t.start:t.end] }

// isCap reports whether token i starts with an upper-case letter.
func (v *view) isCap(i int) bool {
	r, _ := utf8.DecodeRuneInString(v.form(i))
	return unicode.IsUpper(r)
}
