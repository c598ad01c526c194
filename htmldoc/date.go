package htmldoc

import (
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// layouts are tried, in order, before the general-purpose parser: they cover
// what news pages put in their metadata nearly every time, and parsing them
// directly is both faster and stricter.
var layouts = [...]string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.UnixDate,
	"20060102",
}

// ParseTime parses a date or date-time as found in web pages and feeds
// (ISO 8601 and its common deviations, RFC 1123/822, Unix date, "20060102",
// "March 3, 2019 10:00 am", ...). Times without a zone are taken as UTC; a
// zone abbreviation it cannot place is taken as UTC too. It reports false,
// and returns the zero time, when s is not a date or lies outside the years
// 1800 to 2200.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return checkYear(fixZone(t))
		}
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil {
		return time.Time{}, false
	}
	return checkYear(fixZone(t))
}

// zones maps the abbreviations news sites use most to their UTC offsets;
// Go's time.Parse accepts an abbreviation but gives it a zero offset unless it
// is the local zone's.
var zones = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"BST": 3600, "CET": 3600, "CEST": 2 * 3600,
	"AEST": 10 * 3600, "AEDT": 11 * 3600,
}

// fixZone gives a time parsed with a zone abbreviation Go could not place
// (offset 0, name not UTC) its real offset when the abbreviation is known.
func fixZone(t time.Time) time.Time {
	name, off := t.Zone()
	if off != 0 || name == "UTC" || name == "GMT" || name == "" {
		return t
	}
	if o, ok := zones[strings.ToUpper(name)]; ok {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, o))
	}
	return t
}

func checkYear(t time.Time) (time.Time, bool) {
	if y := t.Year(); y < 1800 || y > 2200 {
		return time.Time{}, false
	}
	return t, true
}
