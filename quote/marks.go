package quote

// qspan is a pair of quote marks and what lies between them, in tokens.
type qspan struct {
	open, last int32 // first token (the opening mark) and last token (the closing mark, or the paragraph's last token when unclosed)
	closed     bool
	single     bool  // ‘…’ rather than “…”
	parent     int32 // enclosing double quote for a nested single one, -1
	frame      int32 // frame that attributes it, -1
}

// pair finds the quote spans of the view. Double marks pair by direction
// (curly marks, or the spacing around straight ones), so the mismatched
// “…," he said. "…” of wire copy pairs as two quotes. A double quote left
// open at the end of a paragraph ends there (the next paragraph usually
// reopens it). Single marks pair only when an opening one is seen, so
// apostrophes are never taken for quotes.
func (v *view) pair() {
	openD, openS := -1, -1
	closeD := func(last int) {
		q := &v.marks[openD]
		q.last = int32(last)
		openD = -1
	}
	for i := range v.toks {
		t := &v.toks[i]
		if i > 0 && t.par != v.toks[i-1].par {
			if openD >= 0 {
				closeD(i - 1)
			}
			if openS >= 0 {
				v.marks = v.marks[:openS] // unclosed single: not a quote
				openS = -1
			}
		}
		switch t.cls {
		case clsDouble:
			if openS >= 0 { // a double mark inside ‘…’: drop the single
				v.marks = v.marks[:openS]
				openS = -1
			}
			switch {
			case openD < 0 && t.dir == dirClose && !((i == 0 || v.toks[i-1].par != t.par) && i+1 < len(v.toks) && v.toks[i+1].par == t.par):
				// stray closing mark: ignore (one opening a paragraph, as
				// in ”Mr. Trump embodies ...” ― A Reader, opens a quote)
			case openD < 0:
				v.marks = append(v.marks, qspan{open: int32(i), parent: -1, frame: -1})
				openD = len(v.marks) - 1
			case t.dir == dirOpen && i > 0 && v.toks[i-1].cls != clsDouble:
				// an opening mark while one is open: the first was never closed
				closeD(i - 1)
				v.marks = append(v.marks, qspan{open: int32(i), parent: -1, frame: -1})
				openD = len(v.marks) - 1
			default:
				v.marks[openD].closed = true
				closeD(i)
			}
		case clsSingle:
			switch {
			case openS < 0 && t.dir == dirOpen:
				v.marks = append(v.marks, qspan{open: int32(i), single: true, parent: int32(openD), frame: -1})
				openS = len(v.marks) - 1
			case openS >= 0 && t.dir == dirClose:
				v.marks[openS].last = int32(i)
				v.marks[openS].closed = true
				openS = -1
			}
		}
	}
	if openS >= 0 {
		v.marks = v.marks[:openS]
	}
	if openD >= 0 {
		closeD(len(v.toks) - 1)
	}
	// Tokens inside top-level quotes (marks included).
	for qi := range v.marks {
		q := &v.marks[qi]
		if q.parent >= 0 {
			continue
		}
		for i := q.open; i <= q.last; i++ {
			v.toks[i].inQ = int32(qi)
		}
	}
}
