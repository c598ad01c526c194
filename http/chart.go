package http

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// chartPoint is one event to plot: a day, a row (the event type), and a
// series (0 or 1, drawn in two colours).
type chartPoint struct {
	Date   string // YYYY-MM-DD; points without a date are not drawn
	Row    string
	Series int
	Title  string
	Href   string
}

// chart is a timeline drawn as inline SVG by templates/parts.html: one row
// per event type, time along x, one circle per (day, row, series) whose
// area grows with the number of events.
type chart struct {
	W, H, Left, Top, Bottom int
	Rows                    []chartRow
	Ticks                   []chartTick
	Dots                    []chartDot
	Legend                  []string
	Undated                 int
}

type chartRow struct {
	Label string
	Y     int
}

type chartTick struct {
	X     int
	Label string
}

type chartDot struct {
	X, Y, R int
	Series  int
	Title   string
	Href    string
}

// Chart geometry, in SVG user units.
const (
	chartW      = 900
	chartLeft   = 130
	chartRight  = 50
	chartTop    = 10
	chartBottom = 30
	chartRowH   = 26
)

// buildChart lays out points; it returns nil when none has a date.
func buildChart(pts []chartPoint, legend []string) *chart {
	c := &chart{W: chartW, Left: chartLeft, Legend: legend}
	type key struct {
		day    int64
		row    string
		series int
	}
	type agg struct {
		n     int
		first chartPoint
	}
	groups := map[key]*agg{}
	var keys []key
	rowSet := map[string]bool{}
	var lo, hi int64 = math.MaxInt64, math.MinInt64
	for _, p := range pts {
		t, err := time.Parse("2006-01-02", p.Date)
		if err != nil {
			c.Undated++
			continue
		}
		d := t.Unix() / 86400
		lo, hi = min(lo, d), max(hi, d)
		k := key{d, p.Row, p.Series}
		g := groups[k]
		if g == nil {
			g = &agg{first: p}
			groups[k] = g
			keys = append(keys, k)
		}
		g.n++
		rowSet[p.Row] = true
	}
	if len(keys) == 0 {
		return nil
	}
	if lo == hi {
		lo, hi = lo-1, hi+1
	}
	rows := make([]string, 0, len(rowSet))
	for r := range rowSet {
		rows = append(rows, r)
	}
	slices.Sort(rows)
	rowY := map[string]int{}
	for i, r := range rows {
		y := chartTop + chartRowH/2 + i*chartRowH
		rowY[r] = y
		c.Rows = append(c.Rows, chartRow{Label: r, Y: y})
	}
	c.Top = chartTop
	c.Bottom = chartTop + len(rows)*chartRowH
	c.H = c.Bottom + chartBottom
	span := float64(hi - lo)
	plotW := float64(chartW - chartLeft - chartRight)
	x := func(d int64) int { return chartLeft + int(math.Round(float64(d-lo)/span*plotW)) }
	for i := range 5 {
		d := lo + int64(math.Round(span*float64(i)/4))
		c.Ticks = append(c.Ticks, chartTick{X: x(d), Label: time.Unix(d*86400, 0).UTC().Format("2006-01-02")})
	}
	for _, k := range keys {
		g := groups[k]
		r := 4 + int(math.Round(2*math.Sqrt(float64(g.n-1))))
		title := g.first.Title
		if g.n > 1 {
			title = fmt.Sprintf("%d events, e.g. %s", g.n, title)
		}
		off := -4
		if k.series == 1 {
			off = 4
		}
		c.Dots = append(c.Dots, chartDot{X: x(k.day), Y: rowY[k.row] + off, R: min(r, 12), Series: k.series, Title: title, Href: g.first.Href})
	}
	return c
}
