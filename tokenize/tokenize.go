// Package tokenize splits English text into tokens the way Universal
// Dependencies English (EWT) does, so that models trained on EWT see the
// tokens they were trained on.
//
// Conventions (all learned from EWT train, see tables.go):
//   - clitics are split and their parts marked chronicle.JoinNext, because EWT
//     makes them one multiword token: "don't" → "do" "n't", "Russia's" →
//     "Russia" "'s", "parents'" → "parents" "'", "cannot" → "can" "not";
//   - punctuation is split off; runs of one mark ("...", "!!", "--", "”") and
//     mixed runs of . ! ? ("?!") are one token;
//   - abbreviations and initials keep their period ("Sen.", "U.S.", "J."),
//     except a multi-letter abbreviation that ends a sentence, which gives its
//     period back ("in the U.S." → "U.S" ".");
//   - hyphenated compounds are split ("search - engine") except after common
//     prefixes ("e-mail", "non-human") and in phone numbers;
//   - numbers keep their decimal point, thousands commas and colons ("1,200.5",
//     "5:30"); currency signs and "%" are tokens of their own;
//   - URLs, e-mail addresses, @handles, #hashtags, emoticons (":-)") and
//     emoji sequences are single tokens.
//
// Every token is a byte range of the input: the text is never copied and can
// be rebuilt exactly from the tokens and the gaps between them.
package tokenize

import (
	"context"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	chronicle "github.com/chronicle-news/chronicle"
)

// word flags in Tokenizer.words.
const (
	fAbbrev  uint8 = 1 << iota // keeps its period
	fCapital                   // ... only when capitalized
	fDigit                     // ... only before a number
	fTitle                     // never ends a sentence
	fPrefix                    // keeps a following hyphen
	fStarter                   // capitalized, starts a sentence
)

// maxKey is the longest word looked up in the tables; longer words are never
// abbreviations, prefixes or fused clitics.
const maxKey = 16

// Tokenizer is a chronicle.Stage that fills Document.Tokens. Its tables are
// read-only after New, so one Tokenizer is safe for concurrent use.
type Tokenizer struct {
	words map[string]uint8 // lower-case word → flags
	fused map[string]uint8 // lower-case word → byte length of its first part
	// fusedLen[c] has bit n set when a fused form of n bytes starts with
	// the lower-case letter c: a cheap filter before the map lookup.
	fusedLen [128]uint32
}

// New returns a Tokenizer with the built-in English tables.
func New() *Tokenizer {
	t := &Tokenizer{words: make(map[string]uint8), fused: make(map[string]uint8)}
	add := func(list []string, f uint8) {
		for _, w := range list {
			t.words[w] |= f
		}
	}
	add(abbreviations, fAbbrev)
	add(capitalAbbreviations, fCapital)
	add(digitAbbreviations, fDigit|fAbbrev)
	add(titles, fTitle)
	add(hyphenPrefixes, fPrefix)
	add(sentenceStarters, fStarter)
	for _, f := range fusedClitics {
		t.fused[f.form] = uint8(f.split)
		t.fusedLen[f.form[0]] |= 1 << len(f.form)
	}
	return t
}

// Process replaces doc.Tokens with the tokens of doc.Text, reusing the
// slice's memory. It fails only when ctx is done or when the text is too
// large for int32 offsets (ETOOLARGE).
func (t *Tokenizer) Process(ctx context.Context, doc *chronicle.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(doc.Text) > math.MaxInt32 {
		return chronicle.Errorf(chronicle.ETOOLARGE, "tokenize", "text of %d bytes is above the 2 GiB limit", len(doc.Text))
	}
	doc.Tokens = t.Append(doc.Tokens[:0], doc.Text)
	return nil
}

// Append appends the tokens of text to dst and returns the extended slice.
// Offsets are byte offsets into text; tokens are in order, do not overlap,
// never start or end inside a UTF-8 sequence, and cover every byte of text
// that is not whitespace (Unicode white space, plus the invisible U+200B and
// U+FEFF). Only Start, End and Flags are set. Text longer than
// math.MaxInt32 bytes gives no tokens. Check verifies these invariants.
//
// Append allocates only when dst must grow: reuse dst across calls to
// tokenize without allocating.
func (t *Tokenizer) Append(dst []chronicle.Token, text string) []chronicle.Token {
	if len(text) > math.MaxInt32 {
		return dst
	}
	s := scanner{t: t, text: text, dst: dst, blank: BlankLineParagraphs(text)}
	s.run()
	return s.dst
}

// BlankLineParagraphs reports whether text separates its paragraphs with
// blank lines (a line holding only spaces counts as blank). When it does not,
// every line is a paragraph. The tokenizer and the segmenter share this rule.
func BlankLineParagraphs(text string) bool {
	nl := false // a newline seen with only horizontal space since
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			if nl {
				return true
			}
			nl = true
		case ' ', '\t', '\r', '\v', '\f':
		default:
			nl = false
		}
	}
	return false
}

// scanner holds the state of one Append call. It lives on the stack.
type scanner struct {
	t          *Tokenizer
	text       string
	dst        []chronicle.Token
	blank      bool // paragraphs are separated by blank lines
	singleOpen bool // an opening single quote is waiting to be closed
	key        [maxKey]byte
}

// Hot loop: the code below is tuned to touch each byte a small constant
// number of times and never allocate; keep it that way (see the benchmarks).

func (s *scanner) run() {
	text := s.text
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				if c == '\n' {
					s.singleOpen = false
				}
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); isSpace(r) {
			i += size
			continue
		}
		e := i + 1
		for e < len(text) {
			c := text[e]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				e++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[e:])
			if isSpace(r) {
				break
			}
			e += size
		}
		s.chunk(i, e)
		i = e
	}
}

// chunk tokenizes the whitespace-free run text[cs:ce].
func (s *scanner) chunk(cs, ce int) {
	for p := cs; p < ce; {
		p = s.next(p, cs, ce)
	}
}

// next emits the token(s) starting at p and returns the position after them.
func (s *scanner) next(p, cs, ce int) int {
	text := s.text
	r, size := decode(text, p)
	atStart := p == cs || !isWordRune(lastRune(text, p))
	switch {
	case atStart && (r == 'h' || r == 'H' || r == 'w' || r == 'W' || r == 'f' || r == 'F') && isURLStart(text[p:ce]):
		q := urlEnd(text, p, ce)
		s.emit(p, q, 0)
		return q
	case isWordRune(r):
		return s.word(p, ce)
	case (r == '@' || r == '#') && atStart && p+1 < ce && isWordRune(firstRune(text, p+1)):
		q := p + 1
		for q < ce {
			r, n := decode(text, q)
			if !isWordRune(r) {
				break
			}
			q += n
		}
		s.emit(p, q, 0)
		return q
	case isEmoji(r):
		q := p + size
		for q < ce {
			r, n := decode(text, q)
			if r == 0x200D && q+n < ce { // zero-width joiner: glue the next emoji
				if r2, n2 := decode(text, q+n); isEmoji(r2) {
					q += n + n2
					continue
				}
			}
			if !isEmojiModifier(r) {
				break
			}
			q += n
		}
		s.emit(p, q, 0)
		return q
	}
	if n := emoticonAt(text, p, ce); n > 0 && (p == cs || isOpener(lastRune(text, p))) {
		s.emit(p, p+n, 0)
		return p + n
	}
	// Punctuation and symbols: a run of the same mark, or of . ! ?, is one
	// token; brackets never group.
	q := p + size
	if r != '(' && r != ')' && r != '[' && r != ']' && r != '{' && r != '}' {
		term := r == '.' || r == '!' || r == '?'
		for q < ce {
			r2, n := decode(text, q)
			if r2 != r && !(term && (r2 == '.' || r2 == '!' || r2 == '?')) {
				break
			}
			q += n
		}
	}
	switch r {
	case '\'', '‘', '`':
		if q < ce && isWordRune(firstRune(text, q)) {
			s.singleOpen = true
		} else if r == '\'' {
			s.singleOpen = false
		}
	case '’':
		s.singleOpen = false
	}
	s.emit(p, q, 0)
	return q
}

// word scans a word starting at p (a letter, digit or underscore), with its
// inner connectors, decides about a final period and emits it.
func (s *scanner) word(p, ce int) int {
	text := s.text
	q := p
	var prev rune
	hasAt := false
	for q < ce {
		var r rune
		var size int
		if c := text[q]; c < utf8.RuneSelf {
			if asciiWord[c] {
				prev = rune(c)
				q++
				continue
			}
			r, size = rune(c), 1
		} else {
			r, size = utf8.DecodeRuneInString(text[q:])
			if isWordRune(r) {
				prev = r
				q += size
				continue
			}
		}
		if q+size >= ce {
			break
		}
		n, nsize := decode(text, q+size)
		ok := false
		switch r {
		case '.':
			// "U.S", "1.5", "enron.com" but not "end.The" (a missing space).
			ok = isAlnum(n) && !(isLower(prev) && isUpper(n) && q+size+nsize < ce && isLower(firstRune(text, q+size+nsize)) &&
				!atAhead(text, q, ce))
			if !ok && n == '.' {
				// "franz371...@gmail.com": an address shortened by a mailing list.
				d := q + 1
				for d < ce && text[d] == '.' {
					d++
				}
				if d+1 < ce && text[d] == '@' && isWordRune(firstRune(text, d+1)) {
					prev, q = '.', d
					continue
				}
			}
		case ',':
			ok = isDigit(prev) && q+size+3 <= ce && isDigitByte(text[q+1]) && isDigitByte(text[q+2]) && isDigitByte(text[q+3]) &&
				(q+4 >= ce || !isDigitByte(text[q+4]))
		case ':':
			ok = isDigit(prev) && isDigit(n)
		case '\'', '’', '`':
			ok = isLetter(n) && isAlnum(prev)
		case '-', '‐':
			ok = isAlnum(n)
		case '/':
			ok = isAlnum(n)
		case '&':
			ok = isUpper(prev) && isUpper(n)
		case '@':
			ok = isWordRune(n)
			hasAt = hasAt || ok
		}
		if !ok {
			break
		}
		prev = r
		q += size
	}
	// A final period: part of an abbreviation, or a token of its own.
	if q < ce && text[q] == '.' && (q+1 >= ce || text[q+1] != '.') && !hasAt && s.keepsPeriod(p, q, ce) {
		s.emitWord(p, q+1)
		return q + 1
	}
	// "parents'": a plural possessive is one multiword token in EWT, unless
	// the apostrophe closes a single quote.
	if q < ce && (text[q-1] == 's' || text[q-1] == 'S') && !s.singleOpen {
		if r, n := decode(text, q); (r == '\'' || r == '’') && (q+n >= ce || !isAlnum(firstRune(text, q+n))) {
			s.emitWord(p, q)
			s.dst[len(s.dst)-1].Flags |= chronicle.JoinNext
			s.emit(q, q+n, 0)
			return q + n
		}
	}
	s.emitWord(p, q)
	return q
}

// keepsPeriod reports whether the word text[p:q] keeps the period at q.
func (s *scanner) keepsPeriod(p, q, ce int) bool {
	text := s.text
	w := text[p:q]
	var flags uint8
	switch {
	case isAbbrevShape(w), len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z': // "U.S", initials
	default:
		flags = s.lookup(w)
		if flags&fAbbrev == 0 {
			return false
		}
		if flags&fCapital != 0 && !(w[0] >= 'A' && w[0] <= 'Z') {
			return false
		}
		if flags&fDigit != 0 && !s.digitFollows(q+1) {
			return false
		}
	}
	if flags&fTitle != 0 || w == "etc" {
		return true
	}
	// Sentence-final? Then the period is a token of its own ("U.S" ".").
	r := q + 1
	for r < ce {
		c, n := decode(text, r)
		if !isCloser(c) {
			return true // something attached: "U.S.-led", "Inc.,"
		}
		r += n
	}
	g := r
	for g < len(text) {
		c, n := decode(text, g)
		if !isSpace(c) {
			break
		}
		g += n
	}
	if g == len(text) || s.paragraphBreak(r, g) {
		return false
	}
	// The next word is capitalized and usually starts sentences.
	c, _ := decode(text, g)
	if !isUpper(c) {
		return true
	}
	e := g
	for e < len(text) && e-g <= maxKey {
		c, n := decode(text, e)
		if !isLetter(c) {
			break
		}
		e += n
	}
	return s.lookup(text[g:e])&fStarter == 0
}

// digitFollows reports whether the first non-space byte from i is a digit.
func (s *scanner) digitFollows(i int) bool {
	for i < len(s.text) && s.text[i] < utf8.RuneSelf && asciiSpace[s.text[i]] {
		i++
	}
	return i < len(s.text) && isDigitByte(s.text[i])
}

// paragraphBreak reports whether the gap text[a:b] separates paragraphs.
func (s *scanner) paragraphBreak(a, b int) bool {
	return IsParagraphGap(s.text[a:b], s.blank)
}

// IsParagraphGap reports whether gap, the whitespace between two tokens,
// separates paragraphs: it holds a blank line (when blank is true) or any
// line break (when blank is false), or a Unicode paragraph separator.
func IsParagraphGap(gap string, blank bool) bool {
	nl := 0
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; c {
		case '\n':
			nl++
			if !blank || nl >= 2 {
				return true
			}
		case ' ', '\t', '\r', '\v', '\f':
		default:
			if c >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(gap[i:])
				if r == '\u2029' {
					return true
				}
				if r == '\u2028' || r == 0x85 {
					nl++
					if !blank || nl >= 2 {
						return true
					}
				}
				i += n - 1
				continue
			}
			nl = 0
		}
	}
	return false
}

// emitWord emits the word text[p:q], split at hyphens, slashes and clitics.
func (s *scanner) emitWord(p, q int) {
	text := s.text
	w := text[p:q]
	if hasByte(w, '@') || isPhoneLike(w) {
		s.emit(p, q, 0)
		return
	}
	ps := p  // start of the current part
	seg := p // start of the current hyphen/slash segment
	for i := p; i < q; {
		c := text[i]
		n := 1
		isHyphen := c == '-'
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			isHyphen = r == '‐'
		}
		switch {
		case isHyphen && i > p && i+n < q:
			if s.lookup(text[seg:i])&fPrefix != 0 {
				seg = i + n
				break
			}
			s.emitPart(ps, i)
			s.emit(i, i+n, 0)
			ps, seg = i+n, i+n
		case c == '/' && i > p && i+n < q:
			// Dates and fractions ("9/11", "24/7") and letter pairs ("b/c")
			// stay whole.
			if allDigits(text[seg:i]) && isDigitByte(text[i+1]) || i-seg == 1 && q-i == 2 && isLetter(rune(text[seg])) && isLetter(rune(text[i+1])) {
				seg = i + n
				break
			}
			s.emitPart(ps, i)
			s.emit(i, i+n, 0)
			ps, seg = i+n, i+n
		}
		i += n
	}
	s.emitPart(ps, q)
}

// emitPart emits text[p:q], splitting a clitic off as a multiword token.
func (s *scanner) emitPart(p, q int) {
	text := s.text
	w := text[p:q]
	if cut := s.cliticCut(w); cut > 0 {
		s.emit(p, p+cut, chronicle.JoinNext)
		s.emit(p+cut, q, 0)
		return
	}
	s.emit(p, q, 0)
}

// cliticCut returns where the clitic of w starts, or 0.
func (s *scanner) cliticCut(w string) int {
	n := len(w)
	// Fast path: no apostrophe among the last bytes, no clitic.
	hasApos := false
	for i := max(0, n-6); i < n; i++ {
		if c := w[i]; c == '\'' || c == '`' || c == 0xE2 {
			hasApos = true
			break
		}
	}
	// n't, n’t
	for _, apos := range [...]string{"'", "’", "`"} {
		if !hasApos {
			break
		}
		k := 2 + len(apos)
		if n > k && (w[n-1] == 't' || w[n-1] == 'T') && w[n-k+1:n-1] == apos && (w[n-k] == 'n' || w[n-k] == 'N') {
			return n - k
		}
		// 's 'm 'd 're 've 'll
		for _, l := range [...]int{1, 2} {
			k := len(apos) + l
			if n <= k || w[n-k:n-l] != apos {
				continue
			}
			if isCliticSuffix(w[n-l:]) {
				return n - k
			}
		}
	}
	if n <= maxKey && n >= 2 && w[0] < utf8.RuneSelf && s.t.fusedLen[w[0]|0x20]&(1<<n) != 0 {
		if f, ok := s.t.fused[string(s.lower(w))]; ok {
			return int(f)
		}
	}
	return 0
}

func isCliticSuffix(x string) bool {
	if len(x) == 1 {
		switch x[0] | 0x20 {
		case 's', 'm', 'd':
			return true
		}
		return false
	}
	a, b := x[0]|0x20, x[1]|0x20
	return a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l'
}

// emit appends the token text[a:b]; SpaceAfter is set when whitespace
// follows.
func (s *scanner) emit(a, b int, f chronicle.TokenFlag) {
	if b < len(s.text) {
		c := s.text[b]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				f |= chronicle.SpaceAfter
			}
		} else if r, _ := utf8.DecodeRuneInString(s.text[b:]); isSpace(r) {
			f |= chronicle.SpaceAfter
		}
	}
	if len(s.dst) == cap(s.dst) {
		// Double (append grows big slices by only 1.25x, which copies
		// these 88-byte tokens too often on huge texts), but never beyond
		// one token per remaining byte.
		n := max(len(s.dst), 256)
		n = min(n, len(s.text)-b+1)
		s.dst = slices.Grow(s.dst, n)
	}
	s.dst = append(s.dst, chronicle.Token{Start: int32(a), End: int32(b), Flags: f})
}

// lookup returns the table flags of w, case-insensitively.
func (s *scanner) lookup(w string) uint8 {
	if len(w) == 0 || len(w) > maxKey {
		return 0
	}
	return s.t.words[string(s.lower(w))]
}

// lower lower-cases ASCII w into the scanner's key buffer.
func (s *scanner) lower(w string) []byte {
	b := s.key[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// atAhead reports whether an '@' follows position q in the chunk ending at
// ce, within the length of an e-mail address.
func atAhead(text string, q, ce int) bool {
	for i := q; i < ce && i < q+64; i++ {
		if text[i] == '@' {
			return true
		}
	}
	return false
}

// isAbbrevShape reports whether w looks like "U.S", "e.g", "Ph.D", "a.k.a":
// letter groups of at most three letters joined by periods.
func isAbbrevShape(w string) bool {
	groups, n := 1, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			groups++
			n = 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n++
			if n > 3 {
				return false
			}
		default:
			return false
		}
	}
	return groups >= 2 && n > 0
}

// isPhoneLike reports whether w is digits and hyphens in a phone-number or
// code shape that EWT keeps whole: "853-3989", "1-800-991-9019".
func isPhoneLike(w string) bool {
	hyphens, run, first := 0, 0, -1
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '-':
			if run == 0 {
				return false
			}
			if first < 0 {
				first = run
			}
			hyphens++
			run = 0
		case c >= '0' && c <= '9':
			run++
		default:
			return false
		}
	}
	return hyphens >= 2 || hyphens == 1 && first <= 3 && run == 4
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return true
}

func hasByte(w string, b byte) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == b {
			return true
		}
	}
	return false
}

// isURLStart reports whether w starts with a URL scheme or "www.".
func isURLStart(w string) bool {
	return hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "ftp://") ||
		hasPrefixFold(w, "www.") && len(w) > 4 && isAlnum(firstRune(w, 4))
}

func hasPrefixFold(w, prefix string) bool {
	if len(w) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// urlEnd returns the end of the URL starting at p in the chunk ending at ce:
// the chunk minus trailing punctuation and unbalanced closing brackets.
func urlEnd(text string, p, ce int) int {
	open := 0
	for i := p; i < ce; i++ {
		switch text[i] {
		case '(':
			open++
		case ')':
			open--
		}
	}
	q := ce
	for q > p+1 {
		r, n := utf8.DecodeLastRuneInString(text[p:q])
		switch r {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '”', '’', '»', '>', ']', '}':
			q -= n
			continue
		case ')':
			if open < 0 {
				open++
				q -= n
				continue
			}
		}
		break
	}
	return q
}

// emoticons are the ASCII faces kept whole; the longest match wins.
var emoticons = [...]string{":-)", ":-(", ";-)", ":-D", ":-P", ":-/", ":)", ":(", ";)", ":D", ":P", ":p", ":/", ":|", "<3", ":'("}

// emoticonAt returns the length of the emoticon at text[p:ce] that ends the
// chunk or is followed by punctuation, or 0.
func emoticonAt(text string, p, ce int) int {
	c := text[p]
	if c != ':' && c != ';' && c != '<' {
		return 0
	}
	for _, e := range emoticons {
		if len(e) <= ce-p && text[p:p+len(e)] == e && (p+len(e) == ce || !isWordRune(firstRune(text, p+len(e)))) {
			return len(e)
		}
	}
	return 0
}

// asciiWord marks the ASCII bytes that are word runes (see isWordRune).
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// isSpace reports whether r separates tokens: Unicode white space, plus the
// zero-width space and byte-order mark, which are invisible.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func firstRune(text string, i int) rune {
	r, _ := decode(text, i)
	return r
}

func lastRune(text string, i int) rune {
	if i == 0 {
		return ' '
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}':
		return true
	}
	return false
}

// isOpener reports whether r may precede an emoticon inside a chunk.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '"', '\'', '“', '‘', ',':
		return true
	}
	return false
}

// isEmoji reports whether r starts an emoji: pictographs, dingbats,
// miscellaneous symbols and regional indicators.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF
}

// isEmojiModifier reports whether r continues an emoji sequence.
func isEmojiModifier(r rune) bool {
	return r == 0xFE0F || r == 0x20E3 || r >= 0x1F3FB && r <= 0x1F3FF || r >= 0xE0020 && r <= 0xE007F ||
		r >= 0x1F1E6 && r <= 0x1F1FF
}
