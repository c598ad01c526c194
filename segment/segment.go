// Package segment groups a document's tokens into sentences and paragraphs.
//
// Paragraphs come from the layout of plain text: when the text has blank
// lines, paragraphs are separated by blank lines; when it has none, every
// non-empty line is a paragraph (see tokenize.BlankLineParagraphs). A Unicode
// paragraph separator (U+2029) always ends a paragraph.
//
// Sentences never cross paragraphs. Inside a paragraph a sentence ends:
//   - after a run of . ! ? or … (or an emoticon, or "etc."), with the closing
//     quotes and brackets that follow it, when the next token can start a
//     sentence (not after a closing quote before a lower-case word or a dash:
//     `"Why?" he asked`; not after an ellipsis before a lower-case word);
//   - at a single line break after a short line with no final punctuation
//     (a headline), and before a list item that starts a line;
//   - after a date line ("Thursday, May 7, 2015"), before a picture credit
//     ("Image: AP"), after a salutation ("Thanks,"), and before a
//     capitalized function word that follows a word with no punctuation
//     between and is followed by a lower-case word (a caption run into the
//     text: "... Regina Ip In the Hong Kong ...").
//
// Abbreviations and initials do not end sentences: the tokenizer keeps their
// period inside the token ("Sen.", "J.") unless the abbreviation ends the
// sentence ("U.S" "."), so the segmenter only sees the periods that are
// punctuation. Datelines ("KYIV, Ukraine (AP) —") stay in the first sentence.
//
// The rules were chosen on UD English EWT train and dev and on the GUM news
// documents of train (see package segeval for the scores).
package segment

import (
	"context"
	"unicode"
	"unicode/utf8"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/tokenize"
)

// headlineMax is the longest line, in bytes, that ends a sentence at a single
// line break when it has no final punctuation (a headline or a byline inside
// a blank-line-separated paragraph). Wrapped prose lines are longer.
const headlineMax = 48

// Segmenter is a chronicle.Stage that fills Document.Sentences and
// Document.Paragraphs from Document.Tokens. It holds no state, so one
// Segmenter is safe for concurrent use.
type Segmenter struct{}

// New returns a Segmenter.
func New() *Segmenter { return &Segmenter{} }

// Process replaces doc.Sentences and doc.Paragraphs, reusing their memory.
// It needs doc.Tokens (run the tokenizer first); a document without tokens
// gets no sentences and no paragraphs. It fails only when ctx is done, or
// with EINVALID when a token lies outside the text or tokens overlap.
func (s *Segmenter) Process(ctx context.Context, doc *chronicle.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	last := int32(0)
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Start < last || t.End < t.Start || int(t.End) > len(doc.Text) {
			return chronicle.Errorf(chronicle.EINVALID, "segment", "token %d [%d,%d) is out of order or outside the text", i, t.Start, t.End)
		}
		last = t.End
	}
	doc.Sentences, doc.Paragraphs = s.Append(doc.Sentences[:0], doc.Paragraphs[:0], doc.Text, doc.Tokens)
	return nil
}

// Append appends the sentences and paragraphs of tokens (which must be the
// in-order, non-overlapping tokens of text, as tokenize gives them) to sents
// and pars. Every token belongs to exactly one sentence and one paragraph;
// sentences and paragraphs are non-empty, in order, and every paragraph is a
// whole number of sentences. Sentence.Paragraph is an index into the
// returned pars (so it counts from the len(pars) passed in).
func (s *Segmenter) Append(sents []chronicle.Sentence, pars []chronicle.Paragraph, text string, tokens []chronicle.Token) ([]chronicle.Sentence, []chronicle.Paragraph) {
	if len(tokens) == 0 {
		return sents, pars
	}
	blank := tokenize.BlankLineParagraphs(text)
	pStart, sStart := 0, 0
	par := len(pars)
	pending := false      // the sentence so far ends with a terminal (and closers)
	quoted := false       // ... and a closing quote follows the terminal
	terminal := byte(0)   // last byte of that terminal
	lineStart := int32(0) // byte offset where the current line starts
	for i := 1; i <= len(tokens); i++ {
		prev := &tokens[i-1]
		form := text[prev.Start:prev.End]
		// Update the "ends with a terminal" state with token i-1.
		switch {
		case form == "." && i-2 == sStart && isEnumerator(text[tokens[sStart].Start:tokens[sStart].End]):
			pending = false // "1." or "b." opening a list item
		case i-1 == sStart && isTerminal(form):
			pending = false // "..." opening a sentence does not end it
		case isTerminal(form) || isEmoticon(form) || form == "etc." || form == "Etc.":
			pending, quoted, terminal = true, false, form[len(form)-1]
			if form[0] == '.' && len(form) > 1 || form == "…" {
				terminal = 'e' // an ellipsis
			}
		case pending && isCloser(text, tokens, i-1):
			quoted = quoted || form != ")" && form != "]" && form != "}"
		default:
			pending = false
		}
		if i == len(tokens) {
			break
		}
		next := &tokens[i]
		if prev.Has(chronicle.JoinNext) {
			continue
		}
		gap := text[prev.End:next.Start]
		if tokenize.IsParagraphGap(gap, blank) {
			sents = append(sents, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: sStart, End: i}, Paragraph: par})
			pars = append(pars, chronicle.Paragraph{Tokens: chronicle.TokenRange{Start: pStart, End: i}})
			par++
			pStart, sStart, pending = i, i, false
			lineStart = next.Start
			continue
		}
		split := false
		nextForm := text[next.Start:next.End]
		if pending && !isCloser(text, tokens, i) && canStart(nextForm) {
			// After a closing quote, a lower-case word or a dash continues
			// the sentence: `"Why?" he asked`, `"..." - John Smith`.
			split = !quoted || !startsLower(nextForm) && !isDash(nextForm)
			if split && terminal == 'e' && !startsUpper(nextForm) {
				split = false // "..." or "…" before a lower-case word
			}
		}
		if !split && i > sStart && nextForm[0] >= 'A' && nextForm[0] <= 'Z' &&
			(isCredit(text, tokens, i) || isRunOn(text, tokens, i) || form == "," && isSalutation(text, tokens, sStart, i) ||
				sStart == pStart && isDateline(text, tokens, sStart, i)) {
			split = true
		}
		if nl := lastNewline(gap); nl >= 0 {
			lineEnd := prev.End
			short := lineEnd-lineStart <= headlineMax
			if !split && (isListMarker(text, tokens, i) && (pending || short || form == ":") ||
				short && !pending && !isPunct(form) && startsUpper(nextForm)) {
				split = true
			}
			lineStart = prev.End + int32(nl) + 1
		}
		if split {
			sents = append(sents, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: sStart, End: i}, Paragraph: par})
			sStart, pending = i, false
		}
	}
	sents = append(sents, chronicle.Sentence{Tokens: chronicle.TokenRange{Start: sStart, End: len(tokens)}, Paragraph: par})
	pars = append(pars, chronicle.Paragraph{Tokens: chronicle.TokenRange{Start: pStart, End: len(tokens)}})
	return sents, pars
}

// isTerminal reports whether form is sentence-final punctuation: only
// . ! ? and … characters.
func isTerminal(form string) bool {
	for _, r := range form {
		switch r {
		case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉':
		default:
			return false
		}
	}
	return form != ""
}

// isCloser reports whether token i closes a quotation or bracket after a
// terminal. Straight quotes close only when attached to the token before.
func isCloser(text string, tokens []chronicle.Token, i int) bool {
	t := &tokens[i]
	form := text[t.Start:t.End]
	switch form {
	case ")", "]", "}", "”", "’", "»", "’’", "”’", "’”":
		return true
	case "\"", "'", "''":
		return i > 0 && tokens[i-1].End == t.Start
	}
	return false
}

// canStart reports whether a token can begin a sentence after a terminal.
func canStart(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	switch {
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return true
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '%', '/', '.', '!', '?', '…':
		return false
	}
	return form != "*"
}

// isListMarker reports whether token i starts a list item at the start of a
// line: a bullet, a dash, or a number or letter followed by "." or ")".
func isListMarker(text string, tokens []chronicle.Token, i int) bool {
	form := text[tokens[i].Start:tokens[i].End]
	switch form {
	case "-", "*", "•", "·", "▪", "‣", "◦", "–", "—", "+", ">":
		return true
	}
	if i+1 < len(tokens) && tokens[i].End == tokens[i+1].Start && len(form) <= 3 {
		switch text[tokens[i+1].Start:tokens[i+1].End] {
		case ".", ")":
			return allDigits(form) || len(form) == 1 && form[0] >= 'a' && form[0] <= 'z'
		}
	}
	if n := len(form); n >= 2 && n <= 3 && form[n-1] == '.' && allDigits(form[:n-1]) {
		return true
	}
	return false
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// isPunct reports whether form is made of punctuation only.
func isPunct(form string) bool {
	for _, r := range form {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

func startsLower(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsLower(r)
}

func startsUpper(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsUpper(r) || r == '“' || r == '"' || r == '‘'
}

// lastNewline returns the index of the last line break in gap, or -1.
func lastNewline(gap string) int {
	for i := len(gap) - 1; i >= 0; i-- {
		if gap[i] == '\n' {
			return i
		}
	}
	return -1
}

// isCredit reports whether token i starts a picture credit ("Image: AP"),
// which is a sentence of its own after a caption.
func isCredit(text string, tokens []chronicle.Token, i int) bool {
	if n := tokens[i].End - tokens[i].Start; n < 5 || n > 10 || i+1 >= len(tokens) || text[tokens[i+1].Start:tokens[i+1].End] != ":" {
		return false
	}
	switch text[tokens[i].Start:tokens[i].End] {
	case "Image", "Photo", "Photograph", "Picture", "Credit", "Source":
		return true
	}
	return false
}

// datelineMax is the most tokens a dateline may have.
const datelineMax = 8

// isDateline reports whether tokens[start:i], the start of a paragraph, is a
// date line ("Thursday, May 7, 2015") followed by a capitalized word: a
// weekday or month name, a day and a four-digit year, and commas.
//
// Place datelines ending with a dash ("KYIV, Ukraine (AP) —") stay part of
// the first sentence, as in UD and GUM.
func isDateline(text string, tokens []chronicle.Token, start, i int) bool {
	if i-start > datelineMax || i-start < 3 || !startsUpper(text[tokens[i].Start:tokens[i].End]) {
		return false
	}
	digits, words := 0, 0
	for k := start; k < i; k++ {
		f := text[tokens[k].Start:tokens[k].End]
		switch {
		case f == ",":
		case allDigits(f):
			digits++
		case startsUpper(f) && !isPunct(f):
			words++
		default:
			return false
		}
	}
	y := text[tokens[i-1].Start:tokens[i-1].End]
	return digits >= 1 && len(y) == 4 && allDigits(y) && words >= 1 && words <= 2
}

// isEmoticon reports whether form is an ASCII emoticon such as ":-)", which
// ends sentences in informal text.
func isEmoticon(form string) bool {
	switch form {
	case ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p":
		return true
	}
	return false
}

// isRunOn reports whether token i starts a sentence that follows a word with
// no punctuation between, as after a caption ("... Regina Ip In the Hong
// Kong Island constituency ..."): a capitalized pronoun, determiner or
// discourse word followed by a lower-case word, or a capitalized preposition
// followed by a determiner.
func isRunOn(text string, tokens []chronicle.Token, i int) bool {
	if n := tokens[i].End - tokens[i].Start; n < 2 || n > 4 || i+1 >= len(tokens) ||
		!isWordForm(text[tokens[i-1].Start:tokens[i-1].End]) {
		return false
	}
	after := text[tokens[i+1].Start:tokens[i+1].End]
	switch text[tokens[i].Start:tokens[i].End] {
	case "In", "On", "At":
		// Only before a determiner: "Carry On films" is a title.
		switch after {
		case "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your":
			return true
		}
		return false
	case "The", "This", "It", "He", "She", "They", "We", "Please", "Attached", "If", "Sorry", "How", "Here":
		return startsLower(after)
	}
	return false
}

// isWordForm reports whether form starts and ends with a letter or digit.
func isWordForm(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	l, _ := utf8.DecodeLastRuneInString(form)
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && (unicode.IsLetter(l) || unicode.IsDigit(l))
}

// isEnumerator reports whether form numbers a list item: up to three digits
// or one lower-case letter.
func isEnumerator(form string) bool {
	return len(form) <= 3 && allDigits(form) || len(form) == 1 && form[0] >= 'a' && form[0] <= 'z'
}

// isSalutation reports whether tokens[start:i], ending with a comma, is a
// greeting or a closing ("Thanks,", "Best regards,", "Dear Ann,") followed by
// a capitalized word: a sentence of its own in e-mail and letters.
func isSalutation(text string, tokens []chronicle.Token, start, i int) bool {
	if n := i - 1 - start; n < 1 || n > 3 || !startsUpper(text[tokens[i].Start:tokens[i].End]) {
		return false
	}
	switch text[tokens[start].Start:tokens[start].End] {
	case "Thanks", "Thank", "Thanx", "Regards", "Hi", "Hello", "Hey", "Dear", "Best", "Sincerely", "Cheers",
		"Respectfully", "Greetings", "Yours", "Cordially":
		return true
	}
	return false
}

func isDash(form string) bool {
	switch form {
	case "-", "--", "–", "—", "―":
		return true
	}
	return false
}
