package tokenize

import (
	"fmt"
	"unicode/utf8"

	chronicle "github.com/chronicle-news/chronicle"
)

// Check verifies the invariants Append guarantees for tokens of text and
// returns the first one broken, or nil: tokens are non-empty, in order and
// non-overlapping, start and end on rune boundaries, the gaps between them
// (and before the first and after the last) are whitespace only, SpaceAfter
// is set exactly when whitespace follows, and JoinNext joins only tokens with
// no gap between them. Tests and fuzz targets of every stage that reads
// tokens use it.
func Check(text string, tokens []chronicle.Token) error {
	prev := 0
	for i := range tokens {
		t := &tokens[i]
		a, b := int(t.Start), int(t.End)
		if a < prev || b <= a || b > len(text) {
			return fmt.Errorf("token %d [%d,%d): out of order, empty or outside the text (previous end %d, text %d bytes)", i, a, b, prev, len(text))
		}
		if !utf8.RuneStart(text[a]) || b < len(text) && !utf8.RuneStart(text[b]) {
			return fmt.Errorf("token %d [%d,%d) %q: cuts a UTF-8 sequence", i, a, b, text[a:b])
		}
		if err := checkGap(text, prev, a); err != nil {
			return fmt.Errorf("before token %d: %w", i, err)
		}
		space := b < len(text) && isSpace(firstRune(text, b))
		if space != t.Has(chronicle.SpaceAfter) {
			return fmt.Errorf("token %d %q: SpaceAfter is %v, want %v", i, text[a:b], !space, space)
		}
		if t.Has(chronicle.JoinNext) && (i+1 == len(tokens) || tokens[i+1].Start != t.End) {
			return fmt.Errorf("token %d %q: JoinNext without an adjacent next token", i, text[a:b])
		}
		prev = b
	}
	if err := checkGap(text, prev, len(text)); err != nil {
		return fmt.Errorf("after the last token: %w", err)
	}
	return nil
}

func checkGap(text string, a, b int) error {
	for i := a; i < b; {
		r, n := decode(text, i)
		if !isSpace(r) {
			return fmt.Errorf("byte %d %q is in no token", i, r)
		}
		i += n
	}
	return nil
}
