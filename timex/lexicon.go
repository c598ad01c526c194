package timex

// The vocabulary of time expressions, kept as data. Every key is lower case
// ASCII and at most maxLex bytes long; the scanner looks each alphabetic word
// up once. The table is never modified after package initialization.

// kind classifies a word of the vocabulary.
type kind uint8

const (
	kNone       kind = iota
	kMonth           // val: 1-12; abbr marks "feb", "sept", ...
	kWeekday         // val: 1 (Monday) - 7 (Sunday)
	kUnit            // val: a unit; plural marks "years"
	kNum             // val: the number ("two", "twenty")
	kOrd             // val: the ordinal ("third")
	kDayRel          // val: day offset from the DCT: today 0, yesterday -1, tomorrow 1, tonight 0 (+part)
	kRef             // val: refPast, refPresent, refFuture
	kDeictic         // val: dLast, dThis, dNext, dPast, dComing
	kPart            // val: part of day
	kSeason          // val: season
	kEdge            // val: modStart, modMid, modEnd (early, mid, late)
	kApprox          // val: a mod (about, roughly, nearly...)
	kSetAdv          // val: unit of a frequency adverb (daily, weekly)
	kEvery           // every, each
	kAgo             // val: -1 ago/earlier/before, +1 later/hence
	kThe             // the
	kA               // a, an
	kFew             // few, several, many, some, couple
	kFiscal          // fiscal
	kClock           // noon, midnight: val hour
	kDecadeWord      // val: decade digit ("nineties" 9)
	kHoliday         // val: index into holidays
	kMisc            // words the grammar tests by spelling (of, year-ago parts, ...)
)

// entry is one vocabulary word.
type entry struct {
	k      kind
	val    int8
	abbr   bool // an abbreviation that may take a period: "Feb."
	plural bool
}

const maxLex = 15

// Units.
const (
	uNone int8 = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
)

// Refs.
const (
	refPast int8 = iota + 1
	refPresent
	refFuture
)

// Deictics.
const (
	dLast int8 = iota + 1
	dThis
	dNext
	dPast
	dComing
	dPrevious
	dCurrent
	dLatest
)

// Parts of day.
const (
	pMorning int8 = iota + 1
	pAfternoon
	pEvening
	pNight
	pDay
)

// Modifiers (values of Timex.Mod).
const (
	mNone int8 = iota
	mStart
	mMid
	mEnd
	mApprox
	mMoreThan
	mLessThan
	mEqualOrMore
	mEqualOrLess
)

var modNames = [...]string{"", "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}

var partCodes = [...]string{"", "MO", "AF", "EV", "NI", "DT"}

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// lexicon maps lower-case words to their entries. Read-only.
var lexicon = map[string]entry{
	"january": {k: kMonth, val: 1}, "jan": {k: kMonth, val: 1, abbr: true},
	"february": {k: kMonth, val: 2}, "feb": {k: kMonth, val: 2, abbr: true},
	"march": {k: kMonth, val: 3},
	"april": {k: kMonth, val: 4}, "apr": {k: kMonth, val: 4, abbr: true},
	"may":  {k: kMonth, val: 5},
	"june": {k: kMonth, val: 6}, "jun": {k: kMonth, val: 6, abbr: true},
	"july": {k: kMonth, val: 7}, "jul": {k: kMonth, val: 7, abbr: true},
	"august": {k: kMonth, val: 8}, "aug": {k: kMonth, val: 8, abbr: true},
	"september": {k: kMonth, val: 9}, "sep": {k: kMonth, val: 9, abbr: true}, "sept": {k: kMonth, val: 9, abbr: true},
	"october": {k: kMonth, val: 10}, "oct": {k: kMonth, val: 10, abbr: true},
	"november": {k: kMonth, val: 11}, "nov": {k: kMonth, val: 11, abbr: true},
	"december": {k: kMonth, val: 12}, "dec": {k: kMonth, val: 12, abbr: true},

	"monday":  {k: kWeekday, val: 1},
	"tuesday": {k: kWeekday, val: 2}, "tues": {k: kWeekday, val: 2, abbr: true},
	"wednesday": {k: kWeekday, val: 3},
	"thursday":  {k: kWeekday, val: 4}, "thurs": {k: kWeekday, val: 4, abbr: true},
	"friday":   {k: kWeekday, val: 5},
	"saturday": {k: kWeekday, val: 6},
	"sunday":   {k: kWeekday, val: 7},

	"second": {k: kUnit, val: uSecond}, "seconds": {k: kUnit, val: uSecond, plural: true},
	"minute": {k: kUnit, val: uMinute}, "minutes": {k: kUnit, val: uMinute, plural: true},
	"hour": {k: kUnit, val: uHour}, "hours": {k: kUnit, val: uHour, plural: true},
	"day": {k: kUnit, val: uDay}, "days": {k: kUnit, val: uDay, plural: true},
	"week": {k: kUnit, val: uWeek}, "weeks": {k: kUnit, val: uWeek, plural: true},
	"weekend": {k: kUnit, val: uWeekend}, "weekends": {k: kUnit, val: uWeekend, plural: true},
	"month": {k: kUnit, val: uMonth}, "months": {k: kUnit, val: uMonth, plural: true},
	"quarter": {k: kUnit, val: uQuarter}, "quarters": {k: kUnit, val: uQuarter, plural: true},
	"half": {k: kUnit, val: uHalf},
	"year": {k: kUnit, val: uYear}, "years": {k: kUnit, val: uYear, plural: true},
	"decade": {k: kUnit, val: uDecade}, "decades": {k: kUnit, val: uDecade, plural: true},
	"century": {k: kUnit, val: uCentury}, "centuries": {k: kUnit, val: uCentury, plural: true},

	"one": {k: kNum, val: 1}, "two": {k: kNum, val: 2}, "three": {k: kNum, val: 3},
	"four": {k: kNum, val: 4}, "five": {k: kNum, val: 5}, "six": {k: kNum, val: 6},
	"seven": {k: kNum, val: 7}, "eight": {k: kNum, val: 8}, "nine": {k: kNum, val: 9},
	"ten": {k: kNum, val: 10}, "eleven": {k: kNum, val: 11}, "twelve": {k: kNum, val: 12},
	"thirteen": {k: kNum, val: 13}, "fourteen": {k: kNum, val: 14}, "fifteen": {k: kNum, val: 15},
	"sixteen": {k: kNum, val: 16}, "seventeen": {k: kNum, val: 17}, "eighteen": {k: kNum, val: 18},
	"nineteen": {k: kNum, val: 19}, "twenty": {k: kNum, val: 20}, "thirty": {k: kNum, val: 30},
	"forty": {k: kNum, val: 40}, "fifty": {k: kNum, val: 50}, "sixty": {k: kNum, val: 60},
	"seventy": {k: kNum, val: 70}, "eighty": {k: kNum, val: 80}, "ninety": {k: kNum, val: 90},
	"hundred": {k: kNum, val: 100}, "dozen": {k: kNum, val: 12},

	"first": {k: kOrd, val: 1}, "third": {k: kOrd, val: 3},
	"fourth": {k: kOrd, val: 4}, "fifth": {k: kOrd, val: 5}, "sixth": {k: kOrd, val: 6},
	"seventh": {k: kOrd, val: 7}, "eighth": {k: kOrd, val: 8}, "ninth": {k: kOrd, val: 9},
	"tenth": {k: kOrd, val: 10}, "eleventh": {k: kOrd, val: 11}, "twelfth": {k: kOrd, val: 12},
	"twentieth": {k: kOrd, val: 20},

	"today": {k: kDayRel, val: 0}, "yesterday": {k: kDayRel, val: -1}, "tomorrow": {k: kDayRel, val: 1},
	"tonight": {k: kDayRel, val: 0},

	"now": {k: kRef, val: refPresent}, "currently": {k: kRef, val: refPresent},
	"nowadays": {k: kRef, val: refPresent}, "current": {k: kRef, val: refPresent},
	"recently": {k: kRef, val: refPast}, "lately": {k: kRef, val: refPast}, "recent": {k: kRef, val: refPast},

	"soon": {k: kRef, val: refFuture}, "future": {k: kRef, val: refFuture}, "past": {k: kDeictic, val: dPast},

	"last": {k: kDeictic, val: dLast}, "this": {k: kDeictic, val: dThis}, "next": {k: kDeictic, val: dNext},
	"coming": {k: kDeictic, val: dComing}, "previous": {k: kDeictic, val: dPrevious},
	"latest": {k: kDeictic, val: dLatest}, "following": {k: kDeictic, val: dComing},
	"upcoming": {k: kDeictic, val: dComing},

	"morning": {k: kPart, val: pMorning}, "afternoon": {k: kPart, val: pAfternoon},
	"evening": {k: kPart, val: pEvening}, "night": {k: kPart, val: pNight},
	"overnight": {k: kPart, val: pNight},

	"spring": {k: kSeason, val: 1}, "summer": {k: kSeason, val: 2}, "fall": {k: kSeason, val: 3},
	"autumn": {k: kSeason, val: 3}, "winter": {k: kSeason, val: 4},

	"early": {k: kEdge, val: mStart}, "earlier": {k: kEdge, val: mStart}, "mid": {k: kEdge, val: mMid},
	"late": {k: kEdge, val: mEnd}, "later": {k: kEdge, val: mEnd},

	"about": {k: kApprox, val: mApprox}, "around": {k: kApprox, val: mApprox}, "roughly": {k: kApprox, val: mApprox},
	"approximately": {k: kApprox, val: mApprox}, "nearly": {k: kApprox, val: mApprox},
	"almost": {k: kApprox, val: mApprox}, "some": {k: kFew, val: mApprox}, "over": {k: kApprox, val: mMoreThan},
	"more": {k: kApprox, val: mMoreThan}, "less": {k: kApprox, val: mLessThan}, "fewer": {k: kApprox, val: mLessThan},
	"least": {k: kApprox, val: mEqualOrMore}, "most": {k: kApprox, val: mEqualOrLess},
	"just": {k: kApprox, val: mApprox}, "barely": {k: kApprox, val: mApprox},

	"daily": {k: kSetAdv, val: uDay}, "weekly": {k: kSetAdv, val: uWeek}, "monthly": {k: kSetAdv, val: uMonth},
	"hourly": {k: kSetAdv, val: uHour},

	"every": {k: kEvery}, "each": {k: kEvery}, "per": {k: kEvery},

	"ago": {k: kAgo, val: -1}, "hence": {k: kAgo, val: 1},

	"the": {k: kThe}, "a": {k: kA}, "an": {k: kA},
	"few": {k: kFew}, "several": {k: kFew}, "many": {k: kFew}, "couple": {k: kFew},

	"fiscal": {k: kFiscal},
	"noon":   {k: kClock, val: 12}, "midnight": {k: kClock, val: 24}, "midday": {k: kClock, val: 12},

	"twenties": {k: kDecadeWord, val: 2}, "thirties": {k: kDecadeWord, val: 3}, "forties": {k: kDecadeWord, val: 4},
	"fifties": {k: kDecadeWord, val: 5}, "sixties": {k: kDecadeWord, val: 6}, "seventies": {k: kDecadeWord, val: 7},
	"eighties": {k: kDecadeWord, val: 8}, "nineties": {k: kDecadeWord, val: 9},

	"christmas": {k: kHoliday, val: 1}, "thanksgiving": {k: kHoliday, val: 2}, "easter": {k: kHoliday, val: 3},
	"halloween": {k: kHoliday, val: 4},

	// Words the grammar tests by spelling.
	"of": {k: kMisc}, "and": {k: kMisc}, "or": {k: kMisc}, "than": {k: kMisc}, "at": {k: kMisc},
	"end": {k: kMisc}, "beginning": {k: kMisc}, "start": {k: kMisc}, "middle": {k: kMisc},
	"long": {k: kMisc}, "old": {k: kMisc}, "from": {k: kMisc}, "s": {k: kMisc},
	"am": {k: kMisc}, "pm": {k: kMisc}, "m": {k: kMisc}, "p": {k: kMisc}, "same": {k: kMisc},
	"that": {k: kMisc}, "these": {k: kMisc}, "other": {k: kMisc}, "up": {k: kMisc}, "to": {k: kMisc},
	"moment": {k: kMisc}, "present": {k: kMisc}, "time": {k: kMisc}, "times": {k: kMisc}, "twice": {k: kMisc},
	"period": {k: kMisc}, "ended": {k: kMisc}, "eve": {k: kMisc}, "new": {k: kMisc}, "o": {k: kMisc},
	"clock": {k: kMisc}, "edt": {k: kMisc}, "est": {k: kMisc}, "gmt": {k: kMisc}, "utc": {k: kMisc},
	"pst": {k: kMisc}, "pdt": {k: kMisc}, "cst": {k: kMisc}, "cdt": {k: kMisc}, "bst": {k: kMisc}, "cet": {k: kMisc},
	"th": {k: kMisc}, "st": {k: kMisc}, "nd": {k: kMisc}, "rd": {k: kMisc}, "while": {k: kMisc}, "full": {k: kMisc}, "so": {k: kMisc},
	"within": {k: kMisc}, "for": {k: kMisc}, "in": {k: kMisc}, "since": {k: kMisc}, "until": {k: kMisc},
	"by": {k: kMisc}, "on": {k: kMisc}, "before": {k: kMisc}, "after": {k: kMisc}, "during": {k: kMisc},
	"ending": {k: kMisc}, "throughout": {k: kMisc},
	"will": {k: kMisc}, "ll": {k: kMisc}, "shall": {k: kMisc}, "going": {k: kMisc},
}

// lexShape has bit n of entry c set when the lexicon holds a word of n
// bytes starting with letter 'a'+c: most words are ruled out without a map
// lookup. Derived from lexicon; read-only.
var lexShape = func() (t [26]uint32) {
	for k := range lexicon {
		if c := k[0]; c >= 'a' && c <= 'z' && len(k) < 32 {
			t[c-'a'] |= 1 << len(k)
		}
	}
	return t
}()

// FNV-1a, computed by the scanner while it lowers a word.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// lexTable is the lexicon as an open-addressing hash table keyed by FNV-1a,
// so that the scanner's hash of a word is reused for the lookup (the hot
// loop's costliest step with a map). Read-only after initialization.
type lexTable struct {
	keys [lexSlots]string
	vals [lexSlots]entry
}

const lexSlots = 1024 // a power of two, well above 2 × len(lexicon)

var lexTab = func() *lexTable {
	t := new(lexTable)
	for k, e := range lexicon {
		h := uint32(fnvOffset)
		for i := 0; i < len(k); i++ {
			h = (h ^ uint32(k[i])) * fnvPrime
		}
		i := h & (lexSlots - 1)
		for t.keys[i] != "" {
			i = (i + 1) & (lexSlots - 1)
		}
		t.keys[i], t.vals[i] = k, e
	}
	return t
}()

// lookup returns the entry of the lower-case word b with FNV-1a hash h.
func (t *lexTable) lookup(h uint32, b []byte) entry {
	for i := h & (lexSlots - 1); t.keys[i] != ""; i = (i + 1) & (lexSlots - 1) {
		if len(t.keys[i]) == len(b) && t.keys[i] == string(b) {
			return t.vals[i]
		}
	}
	return entry{}
}

// holidayDates gives month and day of fixed holidays; 0 means movable.
var holidayDates = [...][2]int{{0, 0}, {12, 25}, {0, 0}, {0, 0}, {10, 31}}
