package report

import "unicode/utf8"

// runeIndex converts byte offsets of one text to Unicode code-point offsets.
// For ASCII text (the common case) it is the identity and allocates nothing.
type runeIndex struct {
	prefix []int32 // prefix[b] = code points before byte b; nil when the text is ASCII
}

func newRuneIndex(text string) runeIndex {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return runeIndex{}
	}
	prefix := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); i++ {
		prefix[i] = n
		if !utf8.RuneStart(text[i]) {
			// A continuation byte counts with the rune it belongs to; an
			// offset inside a rune maps to that rune's start.
			prefix[i] = n - 1
			continue
		}
		n++
	}
	prefix[len(text)] = n
	return runeIndex{prefix: prefix}
}

// at returns the code-point offset of byte offset b.
func (x runeIndex) at(b int) int {
	if x.prefix == nil {
		return b
	}
	if b < 0 {
		return 0
	}
	if b >= len(x.prefix) {
		return int(x.prefix[len(x.prefix)-1])
	}
	return int(x.prefix[b])
}
