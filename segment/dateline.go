package segment

import (
	"strings"

	"github.com/chronicle-news/chronicle"
)

// DatelineEnd returns the index of the first token after a place dateline
// that opens one of the first sentences ("GENEVA (Chronicle) —", "KYIV,
// Ukraine (AP) —"), or 0 when there is none. The segmenter keeps such a
// dateline inside the first sentence (as UD and GUM do), so stages that read
// who acted (events, quotes) use this to leave it out: it names where the
// story was filed. A dateline is a dash within a sentence's first 12 tokens
// that follows a word in capitals or a closing parenthesis.
func DatelineEnd(doc *chronicle.Document) int {
	for si := 0; si < len(doc.Sentences) && si < 3; si++ {
		r := doc.Sentences[si].Tokens
		marked := false
		for i := r.Start; i < r.End && i < r.Start+12; i++ {
			f := doc.Form(i)
			switch {
			case f == "—" || f == "–" || f == "--":
				if marked {
					return i + 1
				}
			case f == ")":
				marked = true
			case len(f) >= 3 && strings.ToUpper(f) == f && strings.ToLower(f) != f:
				marked = true
			}
		}
	}
	return 0
}
