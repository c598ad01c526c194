package timex

import "unicode/utf8"

// Word classes.
const (
	cAlpha uint8 = iota + 1
	cNum
	cPunct
)

// word is one unit of the scanner: a run of letters, a run of digits, or
// one punctuation character. It is a plain value; the scanner fills a
// reused slice of them.
type word struct {
	start, end int32
	num        int32 // value of a digit run (when nd <= 9)
	e          entry
	cls        uint8
	nd         uint8 // digits in a digit run
	n          uint8 // bytes in low
	space      bool  // whitespace follows
	brk        bool  // a line break follows
	upper      bool  // starts with an upper-case letter
	low        [maxLex + 1]byte
}

// is reports whether the word's lower-case form is s.
func (w *word) is(s string) bool { return int(w.n) == len(s) && string(w.low[:w.n]) == s }

// punct reports whether the word is the punctuation character c.
func (w *word) punct(c byte) bool { return w.cls == cPunct && w.n == 1 && w.low[0] == c }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// scanWords appends words of text from byte pos until max words are held or
// the text ends, and returns the slice and the position after the last word.
// This is the hot loop: no allocation, one map lookup per short word.
func scanWords(text string, pos int, dst []word, max int) ([]word, int) {
	for pos < len(text) && len(dst) < max {
		c := text[pos]
		if isSpace(c) {
			if n := len(dst); n > 0 {
				dst[n-1].space = true
				if c == '\n' {
					dst[n-1].brk = true
				}
			}
			pos++
			continue
		}
		var w word
		w.start = int32(pos)
		switch {
		case isLetter(c):
			w.cls = cAlpha
			w.upper = c >= 'A' && c <= 'Z'
			end := pos
			for end < len(text) && isLetter(text[end]) {
				end++
			}
			// Words with non-ASCII letters are never vocabulary: take the
			// whole run so that "Müller" is one word.
			long := false
			for end < len(text) && text[end] >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(text[end:])
				if !isWordRune(r) {
					break
				}
				long = true
				end += size
				for end < len(text) && isLetter(text[end]) {
					end++
				}
			}
			w.end = int32(end)
			if !long && end-pos <= maxLex {
				h := uint32(fnvOffset)
				for k := pos; k < end; k++ {
					c := text[k] | 0x20
					w.low[k-pos] = c
					h = (h ^ uint32(c)) * fnvPrime
				}
				w.n = uint8(end - pos)
				if lexShape[w.low[0]-'a']&(1<<w.n) != 0 {
					w.e = lexTab.lookup(h, w.low[:w.n])
				}
			}
			pos = end
		case isDigit(c):
			w.cls = cNum
			end := pos
			var v int32
			for end < len(text) && isDigit(text[end]) {
				if end-pos < 9 {
					v = v*10 + int32(text[end]-'0')
				}
				end++
			}
			w.end = int32(end)
			w.nd = uint8(min(end-pos, 255))
			w.num = v
			pos = end
		case c < utf8.RuneSelf:
			w.cls = cPunct
			w.end = int32(pos + 1)
			w.low[0] = c
			w.n = 1
			pos++
		default:
			r, size := utf8.DecodeRuneInString(text[pos:])
			if isWordRune(r) {
				// A word of non-ASCII letters.
				w.cls = cAlpha
				end := pos + size
				for end < len(text) {
					if isLetter(text[end]) {
						end++
						continue
					}
					if text[end] < utf8.RuneSelf {
						break
					}
					r2, s2 := utf8.DecodeRuneInString(text[end:])
					if !isWordRune(r2) {
						break
					}
					end += s2
				}
				w.end = int32(end)
				pos = end
				break
			}
			w.cls = cPunct
			w.end = int32(pos + size)
			w.n = 1
			switch r {
			case '\u2019', '\u2018':
				w.low[0] = '\''
			case '\u201c', '\u201d':
				w.low[0] = '"'
			case '\u2013', '\u2014':
				w.low[0] = '-'
			case '\u00a0':
				// no-break space: whitespace
				if n := len(dst); n > 0 {
					dst[n-1].space = true
				}
				pos += size
				continue
			default:
				w.low[0] = 0
			}
			pos += size
		}
		dst = append(dst, w)
	}
	return dst, pos
}

// isWordRune reports whether a non-ASCII rune continues a word. Letters of
// every script do; punctuation and spaces do not. The test is coarse on
// purpose (no unicode tables in the hot loop): the general punctuation and
// symbol blocks end a word, the rest continues it.
func isWordRune(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return false
	case r >= 0x2000 && r <= 0x2BFF: // punctuation, symbols, arrows
		return false
	case r >= 0x3000 && r <= 0x303F: // CJK punctuation
		return false
	case r >= 0x80 && r <= 0xBF: // Latin-1 punctuation and symbols
		return false
	case r == 0xD7 || r == 0xF7:
		return false
	case r >= 0xFE00 && r <= 0xFE6F, r >= 0xFF00 && r <= 0xFF20:
		return false
	}
	return true
}
