package timex

import (
	"time"
)

// datelineBytes is how far into the text a dateline may be.
const datelineBytes = 300

// Dateline returns the date of a dateline at the top of text ("WASHINGTON,
// May 16, 2025 (AP) —", "2025-05-16"): the first full date (year, month and
// day all stated) in the first paragraph, within its first 300 bytes.
func Dateline(text string) (time.Time, bool) {
	head := text
	if len(head) > datelineBytes {
		head = head[:datelineBytes]
	}
	for i := 0; i+1 < len(head); i++ {
		if head[i] == '\n' && i > 0 && (head[i+1] == '\n' || head[i+1] == '\r') {
			head = head[:i]
			break
		}
	}
	// Cut at a word boundary so that a number is never split.
	for len(head) < len(text) && len(head) > 0 && !isSpace(head[len(head)-1]) {
		head = head[:len(head)-1]
	}
	var buf [4]timexLite
	for _, t := range findLite(head, buf[:0]) {
		if t.v.kind == vDate && t.v.gran == gDay && t.v.y > 0 && t.v.m > 0 && t.v.d > 0 && !t.v.rel {
			return time.Date(t.v.y, time.Month(t.v.m), t.v.d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

type timexLite struct{ v val }

// findLite runs the grammar without a DCT and returns raw values.
func findLite(text string, dst []timexLite) []timexLite {
	words, _ := scanWords(text, 0, make([]word, 0, 64), chunk)
	p := parser{w: words, tense: wordTense}
	for i := 0; i < len(words); i++ {
		if !trigger(&words[i]) {
			continue
		}
		c, ok := p.match(i)
		if !ok || c.end <= c.start {
			continue
		}
		dst = append(dst, timexLite{c.v})
		i = c.end - 1
	}
	return dst
}
