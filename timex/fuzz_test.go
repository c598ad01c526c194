package timex_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-news/chronicle/timex"
)

// FuzzFind: on any input Find must not panic, must return spans inside the
// text, in order and not overlapping, with a known type and a well-formed
// value.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Officials met Friday in Turkey.", "Feb. 24, 2022", "the more than three-year-long war",
		"10:35 a.m. EST Tuesday", "mid-2023", "the '90s", "5 1/2 hours", "twenty-four hours ago",
		"2025-05-16", "5/16/2025", "nineteen ninety-six", "every other Monday", "Sept.", "9999-99-99",
		"\u2019 \u201c 99 \xff\xfe", "the end of the", "a year-earlier", "year's end",
	} {
		f.Add(s, int64(1747353600))
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "talks-turkey.golden")); err == nil {
		f.Add(string(b), int64(0))
	}
	r := timex.New()
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var dct time.Time
		if unix != 0 {
			dct = time.Unix(unix%(1<<36), 0).UTC()
		}
		if d, ok := timex.Dateline(text); ok && (d.Year() < 1000 || d.Year() > 2999) {
			t.Fatalf("Dateline(%q) = %v", text, d)
		}
		got := r.Find(text, dct, nil)
		prev := 0
		for _, x := range got {
			if x.Start < prev || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("bad span %+v (text %d bytes, previous end %d)", x, len(text), prev)
			}
			prev = x.End
			if !wellFormed(x.Type, x.Value) {
				t.Fatalf("bad value %q (%s) for %q", x.Value, x.Type, text[x.Start:x.End])
			}
			if x.Confidence <= 0 || x.Confidence > 1 {
				t.Fatalf("bad confidence %v", x.Confidence)
			}
		}
	})
}

// wellFormed checks the shape of a TIMEX3 value: a date (digits or X, with
// week, quarter, season and time-of-day parts), a duration, or a reference.
func wellFormed(typ, v string) bool {
	switch typ {
	case "DATE", "TIME", "DURATION", "SET":
	default:
		return false
	}
	switch v {
	case "PAST_REF", "PRESENT_REF", "FUTURE_REF":
		return typ == "DATE"
	}
	if v == "" {
		return false
	}
	if v[0] == 'P' {
		body := strings.TrimPrefix(v[1:], "T")
		if body == "" {
			return false
		}
		for i := 0; i < len(body); i++ {
			c := body[i]
			if !(c >= '0' && c <= '9' || c == '.' || c == 'X' || c >= 'A' && c <= 'Z') {
				return false
			}
		}
		return true
	}
	// dates: YYYY[-MM[-DD[Thh:mm|TMO]]], YYYY-Www[-WE], YYYY-Qn, YYYY-Hn, YYYY-SU, YYY, YY, XXXX-WXX-n
	if len(v) < 2 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= '0' && c <= '9' || c == 'X' || c == '-' || c == ':' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	head := v
	if i := strings.IndexByte(v, '-'); i >= 0 {
		head = v[:i]
	}
	if len(head) < 2 || len(head) > 4 {
		return false
	}
	for i := 0; i < len(head); i++ {
		if !(head[i] >= '0' && head[i] <= '9' || head[i] == 'X') {
			return false
		}
	}
	return true
}
