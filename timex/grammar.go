package timex

import "time"

// parser holds the words of one window of text and what the grammar needs
// to resolve values. The grammar is a hand-written recursive descent over
// words: every rule looks at most a fixed number of words ahead and never
// backtracks more than one rule, so matching is linear in the text.
type parser struct {
	w     []word
	dct   time.Time
	has   bool // dct is known
	tense func(p *parser, i, j int) int

	// discourse: the last quarter named with its year ("the third quarter"
	// makes a later "a year earlier" mean the same quarter a year before).
	qYear, qNum int
}

// cand is one recognized expression: words [start, end).
type cand struct {
	start, end int
	v          val
	mod        int8
	adj        bool // a hyphenated modifier ("30-day", "three-year-long"): never takes "the"
	det        bool // takes a determiner in front: "the third quarter", "the past two years"
}

func (p *parser) k(i int) kind {
	if i < 0 || i >= len(p.w) {
		return kNone
	}
	return p.w[i].e.k
}

func (p *parser) is(i int, s string) bool {
	return i >= 0 && i < len(p.w) && p.w[i].is(s)
}

func (p *parser) punct(i int, c byte) bool {
	return i >= 0 && i < len(p.w) && p.w[i].punct(c)
}

// glued reports whether words i and i+1 touch ("30-day" has glued hyphens).
func (p *parser) glued(i int) bool {
	return i >= 0 && i+1 < len(p.w) && !p.w[i].space
}

// hyphen reports whether word i is a hyphen glued to both neighbours.
func (p *parser) hyphen(i int) bool {
	return p.punct(i, '-') && p.glued(i-1) && p.glued(i)
}

func (p *parser) num(i int) (int, bool) {
	if i < 0 || i >= len(p.w) || p.w[i].cls != cNum || p.w[i].nd > 9 {
		return 0, false
	}
	return int(p.w[i].num), true
}

// match tries every rule at word i and returns the expression found there.
func (p *parser) match(i int) (cand, bool) {
	j := i
	var mod int8
	edge := int8(0) // early/mid/late (or earlier/later, marked by eword)
	eword := false
	the := -1
	theOf := false // "the end of": the determiner belongs to the modifier
	for steps := 0; steps < 4; steps++ {
		w := p.k(j)
		switch {
		case w == kThe && the < 0:
			the = j
			j++
			// "the end of", "the beginning of", "the middle of"
			if p.is(j+1, "of") {
				switch {
				case p.is(j, "end"):
					edge, j, theOf = mEnd, j+2, true
				case p.is(j, "beginning"), p.is(j, "start"):
					edge, j, theOf = mStart, j+2, true
				case p.is(j, "middle"):
					edge, j, theOf = mMid, j+2, true
				}
			}
			continue
		case w == kEdge && edge == 0:
			edge = p.w[j].e.val
			eword = p.is(j, "earlier") || p.is(j, "later")
			j++
			if p.hyphen(j) {
				j++
			}
			continue
		case w == kApprox && mod == 0:
			switch {
			case p.is(j, "more") || p.is(j, "less") || p.is(j, "fewer"):
				if !p.is(j+1, "than") {
					return cand{}, false
				}
				mod, j = p.w[j].e.val, j+2
			case p.is(j, "least") || p.is(j, "most"):
				return cand{}, false
			case p.is(j, "just"):
				if p.is(j+1, "over") {
					mod, j = mMoreThan, j+2
				} else if p.is(j+1, "under") {
					mod, j = mLessThan, j+2
				} else {
					return cand{}, false
				}
			default:
				if !p.countNext(j + 1) {
					return cand{}, false
				}
				mod, j = p.w[j].e.val, j+1
			}
			continue
		case w == kMisc && mod == 0 && p.is(j, "at") && (p.is(j+1, "least") || p.is(j+1, "most")):
			mod = p.w[j+1].e.val
			j += 2
			continue
		case w == kMisc && mod == 0 && p.is(j, "up") && p.is(j+1, "to"):
			mod, j = mEqualOrLess, j+2
			continue
		case w == kFew && p.is(j, "some") && mod == 0:
			if _, ok := p.num(j + 1); ok || p.k(j+1) == kNum {
				mod, j = mApprox, j+1
				continue
			}
		}
		break
	}
	if p.k(j) == kThe && the >= 0 && edge != 0 {
		j++ // "the end of the year"
	}
	c, ok := p.core(j, the >= 0 && the < j)
	if !ok {
		return cand{}, false
	}
	// Where the expression starts: the modifiers are part of it, "the" only
	// when the core takes a determiner.
	c.start = i
	if the >= 0 && !theOf && !c.takesThe() {
		if the == i {
			c.start = i + 1
		}
	}
	if mod != 0 && c.mod == 0 {
		c.mod = mod
	}
	if edge != 0 {
		switch {
		case eword && (c.v.gran == gDay || c.v.kind != vDate):
			// "earlier Friday": the day itself.
		case c.v.kind == vDate || c.v.kind == vRef:
			if c.mod == 0 {
				c.mod = edge
			}
		}
	}
	// Possessive "'s" and the period of an abbreviation are left out unless
	// the expression continues.
	return c, true
}

// countNext reports whether a count starts at word i.
func (p *parser) countNext(i int) bool {
	if i >= len(p.w) {
		return false
	}
	if p.w[i].cls == cNum {
		return true
	}
	switch p.w[i].e.k {
	case kNum, kA, kFew:
		return true
	}
	return false
}

// takesThe reports whether a determiner in front of the expression belongs
// to it ("the third quarter", "the past two years", not "the Friday").
func (c *cand) takesThe() bool {
	if c.adj {
		return false
	}
	if c.det || c.v.kind == vDur {
		return true
	}
	switch c.v.gran {
	case gDecade, gCentury, gQuarter, gHalf, gSeason, gWeekend:
		return true
	}
	return false
}

// core matches the expression proper at word j. the reports a preceding
// determiner.
func (p *parser) core(j int, the bool) (cand, bool) {
	if j >= len(p.w) {
		return cand{}, false
	}
	w := &p.w[j]
	switch w.cls {
	case cNum:
		return p.numeric(j, the)
	case cPunct:
		// '90s
		if (w.punct('\'')) && p.glued(j) {
			if n, ok := p.num(j + 1); ok && p.w[j+1].nd == 2 && p.is(j+2, "s") && p.glued(j+1) {
				return cand{end: j + 3, v: val{kind: vDate, gran: gDecade, q: 190 + n/10}}, true
			}
		}
		return cand{}, false
	}
	switch w.e.k {
	case kNum, kA, kFew:
		if y, end, ok := p.spokenYear(j); ok {
			return cand{end: end, v: val{kind: vDate, gran: gYear, y: y}}, true
		}
		return p.duration(j, the)
	case kMonth:
		return p.month(j, the)
	case kWeekday:
		return p.weekday(j)
	case kDayRel:
		return p.dayRel(j)
	case kRef:
		return p.ref(j, the)
	case kDeictic:
		c, ok := p.deictic(j, the)
		c.det = true
		// "this year's third quarter"
		if ok && c.v.gran == gYear && p.punct(c.end, '\'') && p.is(c.end+1, "s") && p.k(c.end+2) == kOrd && p.is(c.end+3, "quarter") {
			q := int(p.w[c.end+2].e.val)
			if q >= 1 && q <= 4 {
				c.v.gran, c.v.q, c.end = gQuarter, q, c.end+4
				if c.v.y > 0 {
					p.qYear, p.qNum = c.v.y, q
				}
			}
		}
		return c, ok
	case kOrd:
		return p.ordinal(j, the)
	case kSeason:
		return p.season(j, the, 0)
	case kSetAdv:
		if p.w[j].upper && j > 0 && p.w[j-1].upper {
			return cand{}, false // "the New York Daily News"
		}
		return cand{end: j + 1, v: val{kind: vSet, unit: w.e.val}}, true
	case kEvery:
		return p.every(j)
	case kFiscal:
		if y, ok := p.year(j + 1); ok {
			return cand{end: j + 2, v: val{kind: vDate, gran: gYear, y: y}}, true
		}
		if p.is(j+1, "year") {
			if y, ok := p.year(j + 2); ok {
				return cand{end: j + 3, v: val{kind: vDate, gran: gYear, y: y}}, true
			}
		}
		if p.k(j+1) == kOrd && p.is(j+2, "quarter") {
			return p.ordinal(j+1, the)
		}
		if p.is(j+1, "year") && the {
			return p.unitCore(j+1, the) // "the fiscal year"
		}
	case kClock:
		c := cand{end: j + 1, v: p.today()}
		c.v.hh = int(w.e.val) + 1 // midnight is T24:00, the end of its day
		p.dateAfterClock(&c)
		return c, true
	case kDecadeWord:
		if the {
			return cand{end: j + 1, v: val{kind: vDate, gran: gDecade, q: 190 + int(w.e.val)}}, true
		}
	case kHoliday:
		return p.holiday(j)
	case kUnit:
		return p.unitCore(j, the)
	case kMisc:
		if p.is(j, "full") && p.is(j+1, "year") && the {
			return p.unitCore(j+1, the) // "the full year"
		}
	}
	return cand{}, false
}

// spokenYear reads "nineteen ninety-six" at j.
func (p *parser) spokenYear(j int) (int, int, bool) {
	if !p.is(j, "nineteen") || p.k(j+1) != kNum {
		return 0, 0, false
	}
	t := int(p.w[j+1].e.val)
	if t < 20 || t%10 != 0 || t > 90 {
		return 0, 0, false
	}
	end := j + 2
	k := end
	if p.hyphen(k) {
		k++
	}
	if p.k(k) == kNum && p.w[k].e.val < 10 {
		t += int(p.w[k].e.val)
		end = k + 1
	}
	return 1900 + t, end, true
}

// year reads a four-digit year at i.
func (p *parser) year(i int) (int, bool) {
	n, ok := p.num(i)
	if !ok || p.w[i].nd != 4 || n < 1000 || n > 2999 {
		return 0, false
	}
	if p.glued(i) && (p.is(i+1, "s") || p.punct(i+1, '%')) {
		return 0, false
	}
	return n, true
}

// today returns the DCT's date (undetermined without one).
func (p *parser) today() val {
	if !p.has {
		return val{kind: vDate, gran: gDay, noDCT: true}
	}
	v := dayVal(p.dct)
	v.rel = true
	return v
}

// numeric matches expressions starting with a digit run.
func (p *parser) numeric(j int, the bool) (cand, bool) {
	w := &p.w[j]
	n := int(w.num)
	// 2025-05-16
	if w.nd == 4 && n >= 1000 && n <= 2999 && p.hyphen(j+1) && p.hyphen(j+3) {
		if m, ok := p.num(j + 2); ok && p.w[j+2].nd == 2 {
			if d, ok := p.num(j + 4); ok && p.w[j+4].nd == 2 && validDate(n, m, d) {
				return cand{end: j + 5, v: val{kind: vDate, gran: gDay, y: n, m: m, d: d}}, true
			}
		}
	}
	// 5/16/2025
	if w.nd <= 2 && p.punct(j+1, '/') && p.glued(j) && p.glued(j+1) && p.punct(j+3, '/') && p.glued(j+2) && p.glued(j+3) {
		m, _ := p.num(j + 2)
		if y, ok := p.year(j + 4); ok && validDate(y, n, m) {
			return cand{end: j + 5, v: val{kind: vDate, gran: gDay, y: y, m: n, d: m}}, true
		}
	}
	// 1990s, 1990's
	if w.nd == 4 && n >= 1000 && n <= 2999 && n%10 == 0 && p.glued(j) {
		if p.is(j+1, "s") {
			return cand{end: j + 2, v: val{kind: vDate, gran: gDecade, q: n / 10}}, true
		}
		if p.punct(j+1, '\'') && p.glued(j+1) && p.is(j+2, "s") {
			return cand{end: j + 3, v: val{kind: vDate, gran: gDecade, q: n / 10}}, true
		}
	}
	// 20th century
	if w.nd <= 2 && p.glued(j) && (p.is(j+1, "th") || p.is(j+1, "st") || p.is(j+1, "nd") || p.is(j+1, "rd")) && p.is(j+2, "century") {
		return cand{end: j + 3, v: val{kind: vDate, gran: gCentury, q: n - 1}}, true
	}
	// clock times: 10:35 a.m., 6 a.m., 4 p.m. EST
	if w.nd <= 2 {
		hh, mi, end, ok := p.clock(j)
		if ok {
			c := cand{end: end, v: p.today()}
			c.v.hh, c.v.mi = hh+1, mi
			p.dateAfterClock(&c)
			return c, true
		}
	}
	// 16 May 2025
	if w.nd <= 2 && n >= 1 && n <= 31 && p.k(j+1) == kMonth {
		m := int(p.w[j+1].e.val)
		end := j + 2
		if p.w[j+1].e.abbr && p.punct(end, '.') && p.glued(j+1) {
			end++
		}
		if y, ok := p.year(end); ok {
			return cand{end: end + 1, v: val{kind: vDate, gran: gDay, y: y, m: m, d: n}}, true
		}
		if p.w[j+1].upper {
			return p.resolveMonthDay(j, end, m, n), true
		}
	}
	// "the 1988 second quarter", "the 1988 quarter", "the 1988 period"
	if y, ok := p.year(j); ok {
		k := j + 1
		if p.is(k, "fiscal") {
			k++
		}
		if (p.k(k) == kOrd || p.is(k, "second")) && (p.is(k+1, "quarter") || p.is(k+1, "half")) {
			q := int(p.w[k].e.val)
			if p.is(k, "second") {
				q = 2
			}
			if p.is(k+1, "quarter") && q >= 1 && q <= 4 {
				p.qYear, p.qNum = y, q
				return cand{end: k + 2, v: val{kind: vDate, gran: gQuarter, y: y, q: q}, det: true}, true
			}
			if p.is(k+1, "half") && q >= 1 && q <= 2 {
				return cand{end: k + 2, v: val{kind: vDate, gran: gHalf, y: y, q: q}, det: true}, true
			}
		}
		if the && (p.is(k, "quarter") || p.is(k, "period")) {
			if p.qNum > 0 {
				return cand{end: k + 1, v: val{kind: vDate, gran: gQuarter, y: y, q: p.qNum, rel: true}, det: true}, true
			}
			return cand{end: k + 1, v: val{kind: vDate, gran: gYear, y: y}, det: true}, true
		}
	}
	// a year
	if y, ok := p.year(j); ok && y >= 1500 && y <= 2099 && !p.is(j+1, "points") {
		if p.k(j+1) == kUnit || p.is(j+1, "percent") || p.punct(j+1, '%') || (j > 0 && (p.punct(j-1, '$') || p.punct(j-1, '#') || p.w[j-1].cls == cNum)) {
			return p.duration(j, the)
		}
		if p.punct(j+1, ',') && p.glued(j) && j+2 < len(p.w) && p.w[j+2].cls == cNum {
			return cand{}, false // 1,500
		}
		if j > 1 && p.punct(j-1, ',') && !p.w[j-2].upper && p.w[j-2].cls == cNum {
			return cand{}, false
		}
		c := cand{end: j + 1, v: val{kind: vDate, gran: gYear, y: y}}
		return c, true
	}
	return p.duration(j, the)
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return civil(y, m, d).Day() == d
}

// clock reads "10:35", "10:35 a.m.", "6 a.m.", "6 p.m. EST" at j.
func (p *parser) clock(j int) (hh, mi, end int, ok bool) {
	hh, _ = p.num(j)
	end = j + 1
	colon := false
	if p.punct(end, ':') && p.glued(j) && p.glued(end) {
		m, ok2 := p.num(end + 1)
		if !ok2 || p.w[end+1].nd != 2 || m > 59 {
			return 0, 0, 0, false
		}
		mi, end, colon = m, end+2, true
	}
	if hh > 24 {
		return 0, 0, 0, false
	}
	// a.m. / p.m. / am / pm
	ampm := 0
	switch {
	case (p.is(end, "a") || p.is(end, "p")) && p.punct(end+1, '.') && p.is(end+2, "m") && p.glued(end) && p.glued(end+1):
		if p.is(end, "p") {
			ampm = 2
		} else {
			ampm = 1
		}
		end += 3
		if p.punct(end, '.') && p.glued(end-1) {
			end++
		}
	case p.is(end, "am") || p.is(end, "pm"):
		if p.is(end, "pm") {
			ampm = 2
		} else {
			ampm = 1
		}
		end++
	case p.is(end, "o") && p.punct(end+1, '\'') && p.is(end+2, "clock"):
		end += 3
		ampm = 3
	}
	if ampm == 0 && !colon {
		return 0, 0, 0, false
	}
	if ampm == 0 && colon && (j > 0 && p.w[j-1].cls == cNum) {
		return 0, 0, 0, false
	}
	if ampm == 2 && hh < 12 {
		hh += 12
	}
	if ampm == 1 && hh == 12 {
		hh = 0
	}
	if hh > 23 {
		return 0, 0, 0, false
	}
	switch {
	case p.is(end, "edt"), p.is(end, "est"), p.is(end, "gmt"), p.is(end, "utc"), p.is(end, "pst"), p.is(end, "pdt"),
		p.is(end, "cst"), p.is(end, "cdt"), p.is(end, "bst"), p.is(end, "cet"):
		end++
	}
	return hh, mi, end, true
}

// dateAfterClock extends a clock time with a following day: "9 a.m. Tuesday".
func (p *parser) dateAfterClock(c *cand) {
	j := c.end
	if p.is(j, "on") {
		j++
	}
	hh, mi := c.v.hh, c.v.mi
	var d cand
	var ok bool
	switch p.k(j) {
	case kWeekday:
		d, ok = p.weekday(j)
	case kDayRel:
		d, ok = p.dayRel(j)
	case kMonth:
		d, ok = p.month(j, false)
	}
	c.v.clock = true
	if ok && d.v.kind == vDate && d.v.gran == gDay {
		c.v = d.v
		c.end = d.end
	}
	c.v.hh, c.v.mi, c.v.part = hh, mi, 0
}

// number reads a count at j: digits, number words, "a", "a few", "several".
// It returns the value, the index after it and whether it is vague.
func (p *parser) number(j int) (n float64, end int, fuzzy, ok bool) {
	w := p.k(j)
	switch {
	case j < len(p.w) && p.w[j].cls == cNum:
		if p.w[j].nd > 6 {
			return 0, 0, false, false
		}
		n, end = float64(p.w[j].num), j+1
		if p.punct(end, '.') && p.glued(j) && p.glued(end) {
			if f, ok := p.num(end + 1); ok && p.w[end+1].nd <= 3 {
				div := 1.0
				for range p.w[end+1].nd {
					div *= 10
				}
				n += float64(f) / div
				end += 2
			}
		}
		// 5 1/2
		if a, ok := p.num(end); ok && a == 1 && p.punct(end+1, '/') && p.glued(end) && p.glued(end+1) {
			if b, ok := p.num(end + 2); ok && b == 2 {
				n += 0.5
				end += 3
			}
		}
		if p.is(end, "million") || p.is(end, "billion") || p.punct(end, '%') || p.is(end, "percent") {
			return 0, 0, false, false
		}
	case w == kNum:
		n, end = float64(p.w[j].e.val), j+1
		if p.is(j, "hundred") {
			n = 100
		}
		if n >= 20 && n < 100 && int(n)%10 == 0 {
			k := end
			if p.hyphen(k) {
				k++
			}
			if p.k(k) == kNum && p.w[k].e.val < 10 {
				n += float64(p.w[k].e.val)
				end = k + 1
			}
		}
		if n < 10 && p.is(end, "hundred") {
			n *= 100
			end++
		}
	case w == kA:
		end = j + 1
		switch {
		case p.is(end, "few"):
			return 0, end + 1, true, true
		case p.is(end, "couple"):
			end++
			if p.is(end, "of") {
				end++
			}
			return 2, end, false, true
		case p.is(end, "dozen"):
			return 12, end + 1, false, true
		case p.is(end, "hundred"):
			return 100, end + 1, false, true
		case p.is(end, "half"):
			if p.k(end+1) == kUnit {
				return 0.5, end + 1, false, true
			}
			return 0, 0, false, false
		}
		n = 1
	case w == kFew:
		if p.is(j, "couple") {
			return 0, 0, false, false
		}
		return 0, j + 1, true, true
	default:
		return 0, 0, false, false
	}
	// "two and a half"
	if p.is(end, "and") && p.k(end+1) == kA && p.is(end+2, "half") {
		n += 0.5
		end += 3
	}
	return n, end, false, true
}

// duration matches "two years", "30-day", "three-year-long", "a few days",
// and their relative forms "two years ago", "a year earlier".
func (p *parser) duration(j int, the bool) (cand, bool) {
	n, k, fuzzy, ok := p.number(j)
	if !ok {
		return cand{}, false
	}
	hyph := false
	if p.hyphen(k) {
		hyph = true
		k++
	}
	if p.hyphen(k+1) && (p.is(k+2, "earlier") || p.is(k+2, "ago")) {
		return cand{}, false // "a year-earlier": see unitCore
	}
	for p.is(k, "more") || p.is(k, "full") || p.is(k, "straight") || p.is(k, "consecutive") || p.is(k, "additional") {
		k++
	}
	if p.k(k) != kUnit {
		return cand{}, false
	}
	u := p.w[k].e.val
	plural := p.w[k].e.plural
	if u == uHalf || u == uWeekend || (hyph && plural && u == uQuarter) {
		return cand{}, false // "three-quarters"
	}
	if (u == uQuarter && p.is(k+1, "of")) || (u == uSecond && p.k(j) == kA) {
		return cand{}, false // "a quarter of the shares", "a second time"
	}
	if fuzzy && !plural {
		return cand{}, false
	}
	if !fuzzy && n == 1 && plural && p.w[j].cls != cNum {
		return cand{}, false
	}
	end := k + 1
	// "three-year-long"; "two-year-old" is an age, not a time.
	if p.hyphen(end) {
		switch {
		case p.is(end+1, "long"):
			end += 2
		case p.is(end+1, "old"):
			return cand{}, false
		}
	}
	// "the nine months ended Sept. 30" stays a duration.
	c := cand{end: end, v: val{kind: vDur, n: n, fuzzy: fuzzy, unit: u}, adj: hyph}
	// "$5 a year", "twice a year", "three times a week": frequencies.
	if p.k(j) == kA && !p.is(end, "ago") && !p.is(end, "earlier") && !p.is(end, "later") && !plural && j > 0 && (p.w[j-1].cls == cNum || p.is(j-1, "twice") || p.is(j-1, "times") ||
		p.is(j-1, "once") || p.is(j-1, "percent") || p.punct(j-1, '%') || p.is(j-1, "million") || p.is(j-1, "billion")) {
		return cand{end: end, v: val{kind: vSet, unit: u}}, true
	}
	// "a week or so ago"
	if p.is(end, "or") && p.is(end+1, "so") {
		end += 2
		c.end = end
		c.mod = mApprox
	}
	// Relative: ago, earlier, later, from now.
	dir := 0
	switch {
	case p.is(end, "ago"), p.is(end, "earlier"):
		dir = -1
	case p.is(end, "later"), p.is(end, "hence"):
		dir = 1
	case p.is(end, "from") && p.is(end+1, "now"):
		dir = 1
		end++
	}
	if dir != 0 && !hyph {
		c.end = end + 1
		c.v = p.shift(n, fuzzy, u, dir, true)
		return c, true
	}
	return c, true
}

// shift returns the date n units before (dir -1) or after (dir 1) the DCT,
// at the unit's granularity.
//
// When discourse is set, "a year earlier" after a quarter was named means
// that quarter a year before.
func (p *parser) shift(n float64, fuzzy bool, u int8, dir int, discourse bool) val {
	if fuzzy || n != float64(int(n)) {
		if dir < 0 {
			return val{kind: vRef, ref: refPast}
		}
		return val{kind: vRef, ref: refFuture}
	}
	k := int(n) * dir
	if !p.has {
		v := val{kind: vDate, noDCT: true}
		switch u {
		case uYear, uQuarter, uHalf:
			v.gran = gYear
		case uMonth:
			v.gran = gMonth
		case uWeek, uWeekend:
			v.gran = gWeek
		case uDecade:
			v.gran = gDecade
		case uCentury:
			v.gran = gCentury
		default:
			v.gran = gDay
		}
		return v
	}
	t := p.dct
	var v val
	switch u {
	case uYear:
		if discourse && p.qNum > 0 && k == -1 && n == 1 {
			v = val{kind: vDate, gran: gQuarter, y: p.qYear - 1, q: p.qNum}
		} else {
			v = val{kind: vDate, gran: gYear, y: t.Year() + k}
		}
	case uDecade:
		v = val{kind: vDate, gran: gDecade, q: (t.Year() + 10*k) / 10}
	case uCentury:
		v = val{kind: vDate, gran: gCentury, q: (t.Year() + 100*k) / 100}
	case uHalf, uQuarter:
		mm := 3
		if u == uHalf {
			mm = 6
		}
		t2 := t.AddDate(0, mm*k, 0)
		v = val{kind: vDate, gran: gQuarter, y: t2.Year(), q: (int(t2.Month())-1)/3 + 1}
	case uMonth:
		t2 := civil(t.Year(), int(t.Month()), 1).AddDate(0, k, 0)
		v = val{kind: vDate, gran: gMonth, y: t2.Year(), m: int(t2.Month())}
	case uWeek, uWeekend:
		v = weekVal(t.AddDate(0, 0, 7*k))
	default:
		if u == uDay {
			v = dayVal(t.AddDate(0, 0, k))
		} else {
			v = dayVal(t)
		}
	}
	v.rel = true
	return v
}

// resolveMonthDay resolves "May 16" (words j..end) without a year.
func (p *parser) resolveMonthDay(j, end, m, d int) cand {
	if !validDate(2000, m, d) {
		return cand{end: end, v: val{kind: vDate, gran: gMonth, y: 0, m: m, noDCT: !p.has, rel: p.has}}
	}
	v := val{kind: vDate, gran: gDay, m: m, d: d}
	if p.has {
		v.y = monthYear(p.dct, m, d, p.tense(p, j, end))
		v.rel = true
	} else {
		v.noDCT = true
	}
	return cand{end: end, v: v}
}

// month matches "May 16", "Feb. 24, 2022", "February 2022", "March of 1996",
// "June last year", and a month alone where the context makes it a date.
func (p *parser) month(j int, the bool) (cand, bool) {
	m := int(p.w[j].e.val)
	abbr := p.w[j].e.abbr
	end := j + 1
	if abbr {
		if !p.punct(end, '.') || !p.glued(j) {
			if !p.w[j].upper {
				return cand{}, false
			}
		} else {
			end++
		}
	}
	// day
	if d, ok := p.num(end); ok && p.w[end].nd <= 2 && d >= 1 && d <= 31 {
		k := end + 1
		if p.glued(end) && (p.is(k, "th") || p.is(k, "st") || p.is(k, "nd") || p.is(k, "rd")) {
			k++
		}
		if p.punct(k, ',') {
			if y, ok := p.year(k + 1); ok {
				return cand{end: k + 2, v: val{kind: vDate, gran: gDay, y: y, m: m, d: d}}, true
			}
		} else if y, ok := p.year(k); ok {
			return cand{end: k + 1, v: val{kind: vDate, gran: gDay, y: y, m: m, d: d}}, true
		}
		if !p.w[j].upper && (m == 5 || m == 3) {
			return cand{}, false
		}
		c := p.resolveMonthDay(j, k, m, d)
		p.partAfter(&c)
		return c, true
	}
	// year
	k := end
	if p.punct(k, ',') || p.is(k, "of") {
		k++
	}
	if y, ok := p.year(k); ok {
		return cand{end: k + 1, v: val{kind: vDate, gran: gMonth, y: y, m: m}}, true
	}
	if (p.is(end, "last") || p.is(end, "this") || p.is(end, "next")) && p.is(end+1, "year") {
		c, _ := p.deictic(end, false)
		return cand{end: end + 2, v: val{kind: vDate, gran: gMonth, y: c.v.y, m: m, rel: c.v.rel, noDCT: c.v.noDCT}}, true
	}
	if abbr && end == j+1 {
		return cand{}, false
	}
	// A month alone: "in March", "early December", "last April".
	if !p.w[j].upper {
		return cand{}, false
	}
	if m == 5 || m == 3 {
		// "May" and "March" are words too; take them only after a preposition.
		if !(p.is(j-1, "in") || p.is(j-1, "since") || p.is(j-1, "until") || p.is(j-1, "by") || p.is(j-1, "of") ||
			p.k(j-1) == kEdge || p.is(j-1, "through") || p.is(j-1, "during") || p.is(j-1, "mid")) {
			return cand{}, false
		}
	}
	v := val{kind: vDate, gran: gMonth, m: m}
	if p.has {
		v.y = monthOnlyYear(p.dct, m, p.tense(p, j, end))
		v.rel = true
	} else {
		v.noDCT = true
	}
	return cand{end: end, v: v}, true
}

// partAfter extends a day with a part of the day: "Friday morning".
func (p *parser) partAfter(c *cand) {
	if p.k(c.end) == kPart && c.v.gran == gDay {
		c.v.part = p.w[c.end].e.val
		c.end++
	}
}

// weekday matches "Friday", "Friday, Oct. 23", "Friday morning".
func (p *parser) weekday(j int) (cand, bool) {
	wd := int(p.w[j].e.val)
	end := j + 1
	if p.w[j].e.abbr {
		if !p.punct(end, '.') || !p.w[j].upper {
			return cand{}, false
		}
		end++
	}
	k := end
	if p.punct(k, ',') {
		k++
	}
	if p.k(k) == kMonth {
		if c, ok := p.month(k, false); ok && c.v.gran == gDay {
			if c.v.y == 0 && p.has {
				c.v.y = p.dct.Year()
			}
			c.start = j
			return c, true
		}
	}
	var c cand
	c.end = end
	if !p.has {
		c.v = val{kind: vDate, gran: gDay, noDCT: true}
	} else {
		strict := false
		tense := tenseNone
		switch {
		case p.is(j-1, "last"), p.is(j-1, "past"), p.is(j-1, "previous"):
			tense, strict = tensePast, true
		case p.is(j-1, "next"), p.is(j-1, "coming"):
			tense, strict = tenseFuture, true
		case p.is(j-1, "this"):
			tense = tenseNone
		default:
			tense = p.tense(p, j, end)
		}
		c.v = dayVal(weekdayFrom(p.dct, wd, tense, strict))
		c.v.rel, c.v.tense = true, true
	}
	p.partAfter(&c)
	return c, true
}

// dayRel matches today, yesterday, tomorrow, tonight [morning].
func (p *parser) dayRel(j int) (cand, bool) {
	off := int(p.w[j].e.val)
	c := cand{end: j + 1}
	if p.has {
		c.v = dayVal(p.dct.AddDate(0, 0, off))
		c.v.rel = true
	} else {
		c.v = val{kind: vDate, gran: gDay, noDCT: true}
	}
	if p.is(j, "tonight") {
		c.v.part = pNight
	}
	p.partAfter(&c)
	return c, true
}

// ref matches now, recently, soon, currently, "recent weeks", "the future".
func (p *parser) ref(j int, the bool) (cand, bool) {
	r := p.w[j].e.val
	switch {
	case p.is(j, "soon"):
		if p.is(j+1, "as") || p.is(j-1, "as") {
			return cand{}, false
		}
	case p.is(j, "future"):
		if !the && !p.is(j-1, "near") && !p.is(j-1, "foreseeable") {
			return cand{}, false
		}
		if p.k(j+1) != kNone && p.k(j+1) != kMisc {
			return cand{}, false
		}
		if j+1 < len(p.w) && p.w[j+1].cls == cAlpha && p.k(j+1) == kNone {
			return cand{}, false // "the future president"
		}
	case p.is(j, "recent") || p.is(j, "current"):
		k := j + 1
		if p.k(k) == kUnit {
			u := p.w[k].e.val
			if p.w[k].e.plural {
				return cand{end: k + 1, v: val{kind: vDur, fuzzy: true, unit: u}}, true
			}
			if p.is(j, "current") {
				return p.deictic(j, the)
			}
		}
		if p.is(j, "current") && p.k(k) == kFiscal {
			return p.deictic(j, the)
		}
		if p.is(j, "recent") {
			return cand{}, false
		}
	case p.is(j, "now"):
		if p.is(j+1, "that") {
			return cand{}, false
		}
	}
	return cand{end: j + 1, v: val{kind: vRef, ref: r}, det: p.is(j, "future")}, true
}

// deictic matches "last week", "this year", "next Monday", "the past two
// years", "the coming weeks", "last night", "the latest quarter".
func (p *parser) deictic(j int, the bool) (cand, bool) {
	d := p.w[j].e.val
	if p.is(j, "current") {
		d = dThis
	}
	k := j + 1
	if p.k(k) == kFiscal {
		k++
	}
	switch p.k(k) {
	case kWeekday:
		if d == dThis || d == dLast || d == dNext || d == dPast || d == dComing || d == dPrevious {
			c, ok := p.weekday(k)
			c.start = j
			return c, ok
		}
	case kMonth:
		if d == dLast || d == dThis || d == dNext {
			m := int(p.w[k].e.val)
			v := val{kind: vDate, gran: gMonth, m: m}
			if p.has {
				tense := tensePast
				if d == dNext {
					tense = tenseFuture
				}
				v.y = monthOnlyYear(p.dct, m, tense)
				if d == dThis {
					v.y = p.dct.Year()
				}
				if d == dLast && v.y == p.dct.Year() && m == int(p.dct.Month()) {
					v.y--
				}
				v.rel = true
			} else {
				v.noDCT = true
			}
			return cand{end: k + 1, v: v}, true
		}
	case kSeason:
		return p.season(k, the, d)
	case kPart:
		if d == dThis || (d == dLast && p.is(k, "night")) {
			c, _ := p.dayRel0(k + 1)
			if d == dLast {
				if p.has {
					c.v = dayVal(p.dct.AddDate(0, 0, -1))
					c.v.rel = true
				}
			}
			c.v.part = p.w[k].e.val
			c.v.clock = d == dThis
			return c, true
		}
	case kNum, kFew, kA:
		// "the past two years", "the next few days", "the last five years"
		if d == dLast || d == dPast || d == dNext || d == dComing || d == dPrevious || d == dLatest {
			c, ok := p.duration(k, true)
			if ok && c.v.kind == vDur {
				return c, true
			}
		}
		// "the first nine months" is handled by ordinal.
	}
	if k < len(p.w) && p.w[k].cls == cNum && p.w[k].nd <= 3 {
		if d == dLast || d == dPast || d == dNext || d == dComing || d == dPrevious || d == dLatest {
			c, ok := p.duration(k, true)
			if ok && c.v.kind == vDur {
				return c, true
			}
		}
	}
	if d == dLatest && p.is(k, "period") {
		if p.qNum > 0 {
			return cand{end: k + 1, v: val{kind: vDate, gran: gQuarter, y: p.qYear, q: p.qNum, rel: true}}, true
		}
		return cand{end: k + 1, v: p.shift(1, false, uQuarter, -1, false)}, true
	}
	if p.k(k) != kUnit {
		if p.is(j, "past") && the && !(k < len(p.w) && p.w[k].cls == cAlpha && p.k(k) == kNone) {
			return cand{end: j + 1, v: val{kind: vRef, ref: refPast}, det: true}, true
		}
		return cand{}, false
	}
	u := p.w[k].e.val
	end := k + 1
	if p.w[k].e.plural {
		// "recent weeks", "the coming months", "past years"
		if d == dThis {
			return cand{}, false
		}
		return cand{end: end, v: val{kind: vDur, fuzzy: true, unit: u}}, true
	}
	if u == uDecade || u == uCentury {
		if d == dPast || d == dLast {
			return cand{end: end, v: val{kind: vDur, n: 1, unit: u}}, true
		}
		if d == dThis {
			if !p.has {
				return cand{end: end, v: val{kind: vDate, gran: gCentury, noDCT: true}}, true
			}
			if u == uCentury {
				return cand{end: end, v: val{kind: vDate, gran: gCentury, q: p.dct.Year() / 100, rel: true}}, true
			}
			return cand{end: end, v: val{kind: vDate, gran: gDecade, q: p.dct.Year() / 10, rel: true}}, true
		}
	}
	off := 0
	switch d {
	case dLast, dPast, dPrevious:
		off = -1
	case dNext, dComing:
		off = 1
	case dLatest:
		if u != uQuarter && !p.is(k, "period") {
			return cand{}, false
		}
		off = -1
		if p.qNum > 0 {
			return cand{end: end, v: val{kind: vDate, gran: gQuarter, y: p.qYear, q: p.qNum, rel: true}}, true
		}
	}
	if u == uWeekend {
		v := p.shift(float64(max(off, -off)), false, uWeek, off, false)
		if off == 0 {
			v = p.shift(0, false, uWeek, 1, false)
		}
		if v.kind == vDate {
			v.gran = gWeekend
		}
		return cand{end: end, v: v}, true
	}
	if u == uDay || u == uHour || u == uMinute || u == uSecond {
		if d == dPast || d == dLast {
			return cand{end: end, v: val{kind: vDur, n: 1, unit: u}}, true
		}
		return cand{}, false
	}
	if u == uHalf {
		if !p.has {
			return cand{end: end, v: val{kind: vDate, gran: gHalf, noDCT: true}}, true
		}
		h := (int(p.dct.Month())-1)/6 + 1 + off
		y := p.dct.Year()
		if h < 1 {
			h, y = 2, y-1
		} else if h > 2 {
			h, y = 1, y+1
		}
		return cand{end: end, v: val{kind: vDate, gran: gHalf, y: y, q: h, rel: true}}, true
	}
	v := p.shift(float64(max(off, -off)), false, u, off, false)
	if off == 0 {
		v = p.shift(0, false, u, 1, false)
	}
	if u == uQuarter && v.kind == vDate && !v.noDCT {
		p.qYear, p.qNum = v.y, v.q
	}
	return cand{end: end, v: v}, true
}

func (p *parser) dayRel0(end int) (cand, bool) {
	c := cand{end: end}
	if p.has {
		c.v = dayVal(p.dct)
		c.v.rel = true
	} else {
		c.v = val{kind: vDate, gran: gDay, noDCT: true}
	}
	return c, true
}

// ordinal matches "the third quarter", "third-quarter", "the first half of
// 1990", "the first nine months".
func (p *parser) ordinal(j int, the bool) (cand, bool) {
	o := int(p.w[j].e.val)
	k := j + 1
	if p.hyphen(k) {
		k++
	}
	if p.is(k, "fiscal") {
		k++
	}
	if p.k(k) == kNum || (k < len(p.w) && p.w[k].cls == cNum) {
		// "the first nine months"
		if o == 1 {
			c, ok := p.duration(k, true)
			if ok && c.v.kind == vDur {
				return c, true
			}
		}
		return cand{}, false
	}
	if !(p.is(k, "quarter") || p.is(k, "half")) {
		return cand{}, false
	}
	gran := gQuarter
	if p.is(k, "half") {
		gran = gHalf
		if o > 2 {
			return cand{}, false
		}
	} else if o > 4 {
		return cand{}, false
	}
	end := k + 1
	v := val{kind: vDate, gran: gran, q: o}
	y := 0
	if p.is(end, "of") {
		if yy, ok := p.year(end + 1); ok {
			y, end = yy, end+2
		}
	} else if yy, ok := p.year(end); ok {
		y, end = yy, end+1
	}
	if y == 0 {
		if !p.has {
			v.noDCT = true
		} else {
			y = p.dct.Year()
			cur := (int(p.dct.Month())-1)/3 + 1
			if gran == gHalf {
				cur = (int(p.dct.Month())-1)/6 + 1
			}
			if o > cur && p.tense(p, j, end) != tenseFuture {
				y--
			}
			v.rel = true
		}
	}
	v.y = y
	if gran == gQuarter && y > 0 {
		p.qYear, p.qNum = y, o
	}
	return cand{end: end, v: v, det: true, adj: p.hyphen(j + 1)}, true
}

// season matches "summer", "the summer of 1998", "last fall".
func (p *parser) season(j int, the bool, d int8) (cand, bool) {
	s := int(p.w[j].e.val)
	end := j + 1
	k := end
	if p.is(k, "of") {
		k++
	}
	if y, ok := p.year(k); ok {
		return cand{end: k + 1, v: val{kind: vDate, gran: gSeason, y: y, q: s}}, true
	}
	if d == 0 {
		if p.is(j, "fall") || p.is(j, "spring") {
			return cand{}, false
		}
		if !(the || p.is(j-1, "in") || p.is(j-1, "this") || p.is(j-1, "since") || p.is(j-1, "until") || p.is(j-1, "by")) {
			return cand{}, false
		}
		d = dThis
	}
	v := val{kind: vDate, gran: gSeason, q: s}
	if !p.has {
		v.noDCT = true
		return cand{end: end, v: v}, true
	}
	y := p.dct.Year()
	cur := seasonOf(p.dct)
	switch d {
	case dLast, dPast, dPrevious:
		if s >= cur {
			y--
		}
	case dNext, dComing:
		if s <= cur {
			y++
		}
	}
	v.y, v.rel = y, true
	return cand{end: end, v: v}, true
}

func seasonOf(t time.Time) int {
	switch m := t.Month(); {
	case m >= 3 && m <= 5:
		return 1
	case m >= 6 && m <= 8:
		return 2
	case m >= 9 && m <= 11:
		return 3
	}
	return 4
}

// every matches "every week", "each year", "every Monday", "every morning".
func (p *parser) every(j int) (cand, bool) {
	k := j + 1
	if p.is(k, "other") {
		k++
	}
	switch p.k(k) {
	case kUnit:
		if p.w[k].e.plural {
			return cand{}, false
		}
		return cand{end: k + 1, v: val{kind: vSet, unit: p.w[k].e.val}}, true
	case kWeekday:
		return cand{end: k + 1, v: val{kind: vSet, wd: int(p.w[k].e.val)}}, true
	case kPart:
		return cand{end: k + 1, v: val{kind: vSet, part: p.w[k].e.val}}, true
	}
	return cand{}, false
}

// holiday matches Christmas, Thanksgiving, New Year's Day.
func (p *parser) holiday(j int) (cand, bool) {
	h := int(p.w[j].e.val)
	if !p.w[j].upper {
		return cand{}, false
	}
	end := j + 1
	if p.is(end, "day") || p.is(end, "eve") {
		end++
	}
	v := val{kind: vDate, gran: gDay}
	y := 0
	if yy, ok := p.year(end); ok {
		y, end = yy, end+1
	} else if p.has {
		y = p.dct.Year()
		if h == 2 {
			if m := int(p.dct.Month()); m <= 2 {
				y--
			}
		} else if hd := holidayDates[h]; hd[0] > 0 {
			y = monthYear(p.dct, hd[0], hd[1], p.tense(p, j, end))
		}
		v.rel = true
	} else {
		v.noDCT = true
	}
	switch {
	case holidayDates[h][0] > 0:
		v.m, v.d = holidayDates[h][0], holidayDates[h][1]
		if p.is(j+1, "eve") {
			v.d--
		}
	case h == 2 && y > 0:
		t := thanksgiving(y)
		v.m, v.d = int(t.Month()), t.Day()
	default:
		return cand{}, false
	}
	v.y = y
	return cand{end: end, v: v}, true
}

// unitCore matches expressions that start with a unit word: "year-earlier",
// "year-ago", "days" after "for", "weeks ago".
func (p *parser) unitCore(j int, the bool) (cand, bool) {
	w := &p.w[j]
	u := w.e.val
	// year-earlier, year-ago
	if u == uYear && !w.e.plural && p.hyphen(j+1) && (p.is(j+2, "earlier") || p.is(j+2, "ago")) {
		end := j + 3
		if p.is(end, "quarter") || p.is(end, "period") {
			end++
		}
		v := val{kind: vDate, gran: gYear, rel: true}
		switch {
		case p.qNum > 0:
			v = val{kind: vDate, gran: gQuarter, y: p.qYear - 1, q: p.qNum, rel: true}
		case p.has:
			v.y = p.dct.Year() - 1
		default:
			v.noDCT, v.rel = true, false
		}
		return cand{end: end, v: v, det: true}, true
	}
	// "the quarter": the one last named, else the last one before the DCT.
	if the && u == uQuarter && !w.e.plural && !p.is(j+1, "of") && !p.hyphen(j+1) {
		if p.qNum > 0 {
			return cand{end: j + 1, v: val{kind: vDate, gran: gQuarter, y: p.qYear, q: p.qNum, rel: true}, det: true}, true
		}
		v := p.shift(1, false, uQuarter, -1, false)
		return cand{end: j + 1, v: v, det: true}, true
	}
	// "the weekend": the one of the DCT's week, the one before in a past clause.
	if the && u == uWeekend && !w.e.plural {
		off := 0
		if p.has && isoWeekday(p.dct) < 5 && p.tense(p, j, j+1) == tensePast {
			off = -1
		}
		v := p.shift(float64(-off), false, uWeek, off, false)
		if off == 0 {
			v = p.shift(0, false, uWeek, 1, false)
		}
		if v.kind == vDate {
			v.gran = gWeekend
		}
		return cand{end: j + 1, v: v, det: true}, true
	}
	// "the year", "the full year", "the fiscal year": the DCT's year, or a
	// year-long period when it "ended" or is "ending".
	if the && u == uYear && !w.e.plural && !p.hyphen(j+1) && !p.is(j+1, "before") && !p.is(j+1, "after") &&
		!p.is(j+1, "of") && !p.is(j+1, "in") && (j+1 >= len(p.w) || p.w[j+1].cls != cNum) {
		if p.is(j+1, "ended") || p.is(j+1, "ending") || p.is(j+1, "earlier") || p.is(j+1, "ago") {
			return cand{end: j + 1, v: val{kind: vDur, n: 1, unit: uYear}, det: true}, true
		}
		if !p.has {
			return cand{end: j + 1, v: val{kind: vDate, gran: gYear, noDCT: true}, det: true}, true
		}
		return cand{end: j + 1, v: val{kind: vDate, gran: gYear, y: p.dct.Year(), rel: true}, det: true}, true
	}
	// "year-end", "year end", "year's end"
	if u == uYear && !w.e.plural {
		k := j + 1
		if p.hyphen(k) {
			k++
		} else if p.punct(k, '\'') && p.is(k+1, "s") {
			k += 2
		}
		if p.is(k, "end") && !p.is(k+1, "of") {
			v := val{kind: vDate, gran: gYear, y: p.dct.Year(), rel: true}
			if !p.has {
				v = val{kind: vDate, gran: gYear, noDCT: true}
			}
			return cand{end: k + 1, v: v, mod: mEnd, det: true}, true
		}
	}
	// "decades-long", "day-long", "years-old"
	if p.hyphen(j+1) && (p.is(j+2, "long") || (w.e.plural && p.is(j+2, "old"))) && u != uHalf && !p.hyphen(j-1) {
		if w.e.plural {
			return cand{end: j + 3, v: val{kind: vDur, fuzzy: true, unit: u}, adj: true}, true
		}
		return cand{end: j + 3, v: val{kind: vDur, n: 1, unit: u}, adj: true}, true
	}
	if !w.e.plural || u == uHalf || u == uSecond {
		return cand{}, false
	}
	// "weeks ago", "years earlier"
	if p.is(j+1, "ago") {
		return cand{end: j + 2, v: val{kind: vRef, ref: refPast}}, true
	}
	// "for days", "in years", "over weeks"
	if p.is(j-1, "for") || p.is(j-1, "within") || p.is(j-1, "over") || p.is(j-1, "in") || p.is(j-1, "after") || p.is(j-1, "throughout") {
		if p.is(j+1, "of") || u == uWeekend || u == uMinute {
			return cand{}, false
		}
		return cand{end: j + 1, v: val{kind: vDur, fuzzy: true, unit: u}}, true
	}
	return cand{}, false
}
