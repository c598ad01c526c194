package timex

import (
	"strconv"
	"time"
)

// Granularities of a date value.
const (
	gNone uint8 = iota
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
)

// Value kinds.
const (
	vDate uint8 = iota + 1
	vDur
	vRef
	vSet
)

// Types (Timex.Type).
const (
	TypeDate     = "DATE"
	TypeTime     = "TIME"
	TypeDuration = "DURATION"
	TypeSet      = "SET"
)

// val is a parsed value before formatting. Unknown date parts are 0 and
// print as X.
type val struct {
	kind uint8
	gran uint8
	y    int // year; 0 = unknown
	m, d int // month, day; 0 = unknown
	q    int // quarter, half, season, ISO week, decade (y/10), century (y/100)
	part int8
	hh   int // hour+1 when a clock time is known (0 = none)
	mi   int

	n     float64 // duration amount
	fuzzy bool
	unit  int8

	ref int8
	wd  int // weekday of a SET ("every Monday")

	clock bool // a time of day stands alone ("10:35 a.m.", "this morning"): type TIME

	rel   bool // resolved against the DCT
	noDCT bool // needed a DCT and had none
	tense bool // depended on the tense of its clause
}

// typ returns the TIMEX3 type of v.
func (v *val) typ() string {
	switch v.kind {
	case vDur:
		return TypeDuration
	case vSet:
		return TypeSet
	}
	// TimeBank marks "Friday night" and "9 a.m. Tuesday" as DATE, a time
	// of day alone as TIME.
	if v.clock {
		return TypeTime
	}
	return TypeDate
}

func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendValue formats v as a TIMEX3 value.
func (v *val) appendValue(b []byte) []byte {
	switch v.kind {
	case vRef:
		switch v.ref {
		case refPast:
			return append(b, "PAST_REF"...)
		case refFuture:
			return append(b, "FUTURE_REF"...)
		}
		return append(b, "PRESENT_REF"...)
	case vDur:
		return appendDuration(b, v.n, v.fuzzy, v.unit)
	case vSet:
		if v.wd > 0 {
			b = append(b, "XXXX-WXX-"...)
			return strconv.AppendInt(b, int64(v.wd), 10)
		}
		if v.part > 0 {
			b = append(b, "XXXX-XX-XXT"...)
			return append(b, partCodes[v.part]...)
		}
		return appendDuration(b, 1, false, v.unit)
	}
	switch v.gran {
	case gCentury:
		if v.q == 0 && v.y == 0 {
			return append(b, "XX"...)
		}
		return pad(b, v.q, 2)
	case gDecade:
		if v.q == 0 && v.y == 0 {
			return append(b, "XXX"...)
		}
		return pad(b, v.q, 3)
	}
	if v.y == 0 {
		b = append(b, "XXXX"...)
	} else {
		b = pad(b, v.y, 4)
	}
	switch v.gran {
	case gHalf:
		b = append(b, "-H"...)
		b = xint(b, v.q, 1)
	case gQuarter:
		b = append(b, "-Q"...)
		b = xint(b, v.q, 1)
	case gSeason:
		b = append(b, '-')
		b = append(b, seasonCodes[v.q]...)
	case gMonth:
		b = append(b, '-')
		b = xint(b, v.m, 2)
	case gWeek, gWeekend:
		b = append(b, "-W"...)
		b = xint(b, v.q, 2)
		if v.gran == gWeekend {
			b = append(b, "-WE"...)
		}
	case gDay:
		b = append(b, '-')
		b = xint(b, v.m, 2)
		b = append(b, '-')
		b = xint(b, v.d, 2)
		switch {
		case v.hh > 0:
			b = append(b, 'T')
			b = pad(b, v.hh-1, 2)
			b = append(b, ':')
			b = pad(b, v.mi, 2)
		case v.part > 0:
			b = append(b, 'T')
			b = append(b, partCodes[v.part]...)
		}
	}
	return b
}

func xint(b []byte, n, width int) []byte {
	if n <= 0 {
		for range width {
			b = append(b, 'X')
		}
		return b
	}
	return pad(b, n, width)
}

func appendDuration(b []byte, n float64, fuzzy bool, unit int8) []byte {
	b = append(b, 'P')
	if unit == uHour || unit == uMinute || unit == uSecond {
		b = append(b, 'T')
	}
	if fuzzy {
		b = append(b, 'X')
	} else {
		// Half a unit of a whole-numbered unit: express it in a smaller one.
		if n != float64(int(n)) {
			switch unit {
			case uYear:
				n, unit = n*12, uMonth
			case uDay:
				b = append(b, 'T')
				n, unit = n*24, uHour
			case uHour:
				n, unit = n*60, uMinute
			}
		}
		b = strconv.AppendFloat(b, n, 'f', -1, 64)
	}
	switch unit {
	case uSecond:
		b = append(b, 'S')
	case uMinute:
		b = append(b, 'M')
	case uHour:
		b = append(b, 'H')
	case uDay:
		b = append(b, 'D')
	case uWeek:
		b = append(b, 'W')
	case uWeekend:
		b = append(b, "WE"...)
	case uMonth:
		b = append(b, 'M')
	case uQuarter:
		b = append(b, 'Q')
	case uHalf:
		b = append(b, 'H')
	case uYear:
		b = append(b, 'Y')
	case uDecade:
		b = append(b, "DE"...)
	case uCentury:
		b = append(b, "CE"...)
	}
	return b
}

// Date helpers. All dates are civil dates in UTC.

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC) }

func dayVal(t time.Time) val {
	return val{kind: vDate, gran: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

func weekVal(t time.Time) val {
	y, w := t.ISOWeek()
	return val{kind: vDate, gran: gWeek, y: y, q: w}
}

// isoWeekday returns 1 (Monday) to 7 (Sunday).
func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// Tenses of a clause.
const (
	tenseNone = iota
	tensePast
	tenseFuture
)

// weekdayFrom resolves a weekday (1-7) against the DCT. strict excludes the
// DCT itself ("last Friday", "next Friday").
func weekdayFrom(dct time.Time, wd, tense int, strict bool) time.Time {
	dw := isoWeekday(dct)
	back := (dw - wd + 7) % 7
	fwd := (wd - dw + 7) % 7
	if strict {
		if back == 0 {
			back = 7
		}
		if fwd == 0 {
			fwd = 7
		}
	}
	switch tense {
	case tensePast:
		return dct.AddDate(0, 0, -back)
	case tenseFuture:
		return dct.AddDate(0, 0, fwd)
	}
	// News reports the past more than it announces: without a tense the
	// coming day wins only when it is much nearer.
	if 2*fwd < back {
		return dct.AddDate(0, 0, fwd)
	}
	return dct.AddDate(0, 0, -back)
}

// monthYear picks the year of a month (and day, when d > 0) named without
// one, from the DCT and the tense.
func monthYear(dct time.Time, m, d, tense int) int {
	y := dct.Year()
	if d <= 0 {
		d = 15
		if m == int(dct.Month()) {
			d = dct.Day()
		}
	}
	// The nearest of the three candidate years; the tense overrules it
	// only for dates more than three months away.
	best, bestDist := y, absDays(civil(y, m, d), dct)
	for _, yy := range [2]int{y - 1, y + 1} {
		c := civil(yy, m, d)
		if dist := absDays(c, dct); dist < bestDist || (dist == bestDist && yy < best) {
			best, bestDist = yy, dist
		}
	}
	c := civil(best, m, d)
	switch {
	case tense == tensePast && c.After(dct) && bestDist > 92:
		best--
	case tense == tenseFuture && c.Before(dct) && bestDist > 92:
		best++
	}
	return best
}

// monthOnlyYear picks the year of a month named alone ("in March"): the
// last such month up to the DCT in a past clause, the next one in a future
// clause, and otherwise the past one unless the month is at most two months
// ahead.
func monthOnlyYear(dct time.Time, m, tense int) int {
	y, dm := dct.Year(), int(dct.Month())
	switch tense {
	case tensePast:
		if m > dm {
			return y - 1
		}
		return y
	case tenseFuture:
		if m < dm {
			return y + 1
		}
		return y
	}
	if fwd := (m - dm + 12) % 12; fwd <= 2 {
		if m < dm {
			return y + 1
		}
		return y
	}
	if m > dm {
		return y - 1
	}
	return y
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// thanksgiving returns the fourth Thursday of November of year y.
func thanksgiving(y int) time.Time {
	t := civil(y, 11, 1)
	off := (4 - isoWeekday(t) + 7) % 7
	return t.AddDate(0, 0, off+21)
}
