// Package feed reads RSS (0.9x, 1.0, 2.0), Atom and JSON Feed documents into
// a list of items. It is Chronicle's only user of github.com/mmcdole/gofeed.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/chronicle-news/chronicle"
)

// Feed is a parsed feed.
type Feed struct {
	Title    string // the feed's title, e.g. the publisher's name
	Link     string // the site the feed belongs to
	Language string
	Type     string // "rss", "atom" or "json"
	Items    []Item
}

// Item is one entry of a feed.
type Item struct {
	Index     int // 1-based position in the feed
	GUID      string
	Title     string
	Link      string
	Author    string
	Published time.Time // publication date, else the update date; zero when the item has neither

	// HTML is the item's body: its full content (content:encoded,
	// atom:content) when present, else its description or summary. It is
	// HTML or plain text, as the feed gave it.
	HTML string
}

// DefaultMaxBytes is the default limit on a whole feed's size.
const DefaultMaxBytes = 64 << 20

// Parse reads one feed from r. It reads at most maxBytes (DefaultMaxBytes
// when maxBytes <= 0) and fails with an ETOOLARGE *chronicle.Error past
// that, rather than parse a truncated feed. Malformed XML or JSON, and
// documents that are not feeds, give an EINVALID *chronicle.Error. Items
// keep the feed's order.
func Parse(r io.Reader, maxBytes int64) (*Feed, error) {
	const op = "feed.Parse"
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	lr := &limitReader{r: r, n: maxBytes}
	f, err := gofeed.NewParser().Parse(lr)
	if lr.over {
		return nil, chronicle.Errorf(chronicle.ETOOLARGE, op, "feed is above the limit of %d bytes", maxBytes)
	}
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, chronicle.Errorf(chronicle.EINVALID, op, "not an RSS, Atom or JSON feed")
		}
		return nil, chronicle.Wrap(chronicle.EINVALID, op, fmt.Errorf("malformed feed: %w", err))
	}
	out := &Feed{
		Title:    clean(f.Title),
		Link:     strings.TrimSpace(f.Link),
		Language: f.Language,
		Type:     f.FeedType,
		Items:    make([]Item, 0, len(f.Items)),
	}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{
			Index: i + 1,
			GUID:  strings.TrimSpace(it.GUID),
			Title: clean(it.Title),
			Link:  strings.TrimSpace(it.Link),
			HTML:  it.Content,
		}
		if strings.TrimSpace(item.HTML) == "" {
			item.HTML = it.Description
		}
		if item.Link == "" && len(it.Links) > 0 {
			item.Link = strings.TrimSpace(it.Links[0])
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			item.Published = *it.UpdatedParsed
		}
		var names []string
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				names = append(names, clean(a.Name))
			}
		}
		item.Author = strings.Join(names, ", ")
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// Sniff reports whether b, the first bytes of a file, look like an RSS or
// Atom feed: an <rss>, <feed> or <rdf:RDF> root within the first 4 KiB.
func Sniff(b []byte) bool {
	if len(b) > 4096 {
		b = b[:4096]
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	t := bytes.TrimSpace(b)
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	return bytes.Contains(t, []byte("<rss")) || bytes.Contains(t, []byte("<feed")) ||
		bytes.Contains(t, []byte("<rdf:RDF"))
}

// clean collapses whitespace in a one-line value.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// limitReader reads at most n bytes and records when the source holds more,
// so a truncated feed is refused rather than parsed.
type limitReader struct {
	r    io.Reader
	n    int64
	over bool
}

var errTooLarge = errors.New("feed above size limit")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Probe one byte: at exactly the limit with nothing after is fine.
		var one [1]byte
		k, err := l.r.Read(one[:])
		if k > 0 {
			l.over = true
			return 0, errTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}
