// Package dedup tells reports from events: it finds near-duplicate articles
// (wire copies, light rewrites) with MinHash, decides which articles belong
// to one story, and gives each event a key so that the same happening
// reported by many articles is stored once.
//
// The rules, which both stores apply inside the transaction that stores a
// document:
//
// Near-duplicates. Two texts are near-duplicates when the Jaccard
// similarity of their sets of word 3-shingles (lower-cased), estimated from
// 64-row MinHash signatures, is at least NearJaccard (0.7). Stores find
// candidates through locality-sensitive hashing: 16 Bands of 4 rows, and
// texts that share a band are compared. (SimHash was tried first: over news
// articles of a few hundred words one changed word moves it 6 bits, so it
// cannot tell a light rewrite from another article.) A near-duplicate joins
// the story of the first stored document it copies and is never an
// independent source.
//
// Stories. A document that is not a near-duplicate joins the existing story
// with which SameStory holds: the document's date (publication date, else
// ingest time) lies within StoryWindow of the story's first..last dates, and
// they share at least MinSharedActors actors of which at least one is a
// person or an organization (places alone are too common to tie stories).
// Only telling actors count: once CommonMinDocuments documents are stored,
// an actor in more than CommonShare of them (the home country, the
// publisher) is left out, like a stop word; and only a story's core actors
// (those in at least half of its documents) are matched, so that a story
// does not snowball through actors at its edges. Among several candidates
// the one sharing most actors wins; otherwise the document starts a new
// story.
//
// Events. An event's identity is its Key: PLOVER type, source actor id,
// target actor id (or the lower-cased text when unresolved), the day of the
// event (its TIMEX3 date when it names a day, otherwise the ISO week of the
// document date, so vague dates merge at week granularity), and the place.
// Events with equal keys in one story are one happening: stored once, with
// every report linked, the first-reported time, the number of reports and
// the number of independent sources (near-duplicate clusters).
package dedup

import (
	"encoding/binary"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-news/chronicle"
)

// NearJaccard is the smallest estimated Jaccard similarity of the word
// 3-shingle sets of two near-duplicate texts.
const NearJaccard = 0.7

// StoryWindow is how far a document's date may lie outside a story's span.
const StoryWindow = 3 * 24 * time.Hour

// MinSharedActors is how many actors a document must share with a story.
const MinSharedActors = 2

// CommonShare and CommonMinDocuments define the actors too common to tie a
// story: in more than 5% of the documents, once there are 200.
const (
	CommonShare        = 0.05
	CommonMinDocuments = 200
)

// SignatureSize is the number of hash functions of a MinHash signature.
const SignatureSize = 64

// NumBands and BandRows shape the LSH index: SignatureSize = NumBands *
// BandRows. Texts with Jaccard similarity 0.7 share at least one band with
// probability 0.99, at 0.5 with probability 0.64, at 0.2 with 0.03.
const (
	NumBands = 16
	BandRows = 4
)

// Signature is a MinHash signature: for each of SignatureSize hash
// functions, the least hash of any shingle of the text.
type Signature [SignatureSize]uint32

// seeds holds the odd multipliers and the offsets of the hash functions.
// It is computed once and never written after.
var seeds = func() (s [SignatureSize][2]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		for j := range 2 {
			x += 0x9e3779b97f4a7c15
			z := x
			z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
			z = (z ^ z>>27) * 0x94d049bb133111eb
			s[i][j] = z ^ z>>31
		}
		s[i][0] |= 1
	}
	return s
}()

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// MinHash returns the MinHash signature of text over its word 3-shingles
// (words are runs of letters and digits, lower-cased; a text of one or two
// words is one shingle). ok is false when the text has no word, and such a
// signature must not be compared. MinHash does not allocate.
//
// Tuned: this runs once per stored document over its whole text.
func MinHash(text string) (sig Signature, ok bool) {
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	var w0, w1, w2 uint64 // hashes of the last three words
	n := 0
	var h uint64 = fnvOffset
	inWord := false
	for i := 0; i <= len(text); {
		var r rune = ' '
		size := 1
		if i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				r = rune(c)
				if 'A' <= c && c <= 'Z' {
					r += 'a' - 'A'
				}
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
				r = unicode.ToLower(r)
			}
		}
		i += size
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			h ^= uint64(r)
			h *= fnvPrime
			inWord = true
			continue
		}
		if !inWord {
			continue
		}
		inWord = false
		w0, w1, w2 = w1, w2, h
		h = fnvOffset
		n++
		if n >= 3 {
			sig.add((w0*31+w1)*31 + w2)
		}
	}
	if n == 0 {
		return sig, false
	}
	if n < 3 {
		sig.add((w0*31+w1)*31 + w2)
	}
	return sig, true
}

func (sig *Signature) add(shingle uint64) {
	for i := range sig {
		v := uint32((shingle*seeds[i][0] + seeds[i][1]) >> 32)
		if v < sig[i] {
			sig[i] = v
		}
	}
}

// Jaccard estimates the Jaccard similarity of the shingle sets of two texts
// from their signatures.
func Jaccard(a, b *Signature) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / SignatureSize
}

// Near reports whether two signatures are of near-duplicate texts.
func Near(a, b *Signature) bool { return Jaccard(a, b) >= NearJaccard }

// Bands returns the LSH band keys of a signature: band i hashes rows
// i*BandRows ... (i+1)*BandRows-1 together with i.
func Bands(sig *Signature) [NumBands]int64 {
	var out [NumBands]int64
	for b := range out {
		var h uint64 = fnvOffset
		h = (h ^ uint64(b)) * fnvPrime
		for _, v := range sig[b*BandRows : (b+1)*BandRows] {
			h = (h ^ uint64(v)) * fnvPrime
		}
		out[b] = int64(h)
	}
	return out
}

// Bytes encodes a signature for storage (little-endian, 4 bytes a row).
func (sig *Signature) Bytes() []byte {
	b := make([]byte, 4*SignatureSize)
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ParseSignature decodes a stored signature; ok is false when b has the
// wrong length.
func ParseSignature(b []byte) (sig Signature, ok bool) {
	if len(b) != 4*SignatureSize {
		return sig, false
	}
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig, true
}

// ActorRef is an actor as stories see it.
type ActorRef struct {
	ID   string
	Type string
}

// DocActors returns the distinct actors of a document: its resolved actors,
// or, when the actor stage has not run, one per distinct named entity (id
// from EntityActorID).
func DocActors(doc *chronicle.Document) []ActorRef {
	var out []ActorRef
	seen := map[string]bool{}
	for i := range doc.Actors {
		a := &doc.Actors[i]
		id := ActorID(a)
		if !seen[id] {
			seen[id] = true
			out = append(out, ActorRef{id, a.Type})
		}
	}
	if len(doc.Actors) > 0 {
		return out
	}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		id := e.Actor
		if id == "" {
			id = EntityActorID(e.Type, doc.SpanText(e.Span))
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, ActorRef{id, e.Type})
		}
	}
	return out
}

// ActorID returns a's id, or when it has none an id made from its type
// and name (see EntityActorID).
func ActorID(a *chronicle.Actor) string {
	if a.ID != "" {
		return a.ID
	}
	return EntityActorID(a.Type, a.Name)
}

// EntityActorID returns the id given to an unresolved name: "TYPE:name"
// with the name lower-cased and its spaces collapsed.
func EntityActorID(typ, name string) string {
	return typ + ":" + Normalize(name)
}

// Normalize lower-cases s and collapses runs of white space to one space.
func Normalize(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// SameStory reports whether a document joins a story, given the number of
// actors they share and how many of those are persons or organizations, and
// whether the document's date lies within the story's window. See the
// package comment for the rule.
func SameStory(shared, sharedSpecific int, inWindow bool) bool {
	return inWindow && shared >= MinSharedActors && sharedSpecific >= 1
}

// Specific reports whether an actor type ties a story (persons and
// organizations do; places and nationalities alone do not).
func Specific(typ string) bool {
	return typ == chronicle.EntityPerson || typ == chronicle.EntityOrg
}

// DocDate returns the date a document is placed at: its publication time,
// else ingested.
func DocDate(doc *chronicle.Document, ingested time.Time) time.Time {
	if !doc.Published.IsZero() {
		return doc.Published
	}
	return ingested
}

// Key is an event's identity within a story.
type Key struct {
	Type, Source, Target string
	Day                  string // YYYY-MM-DD, or YYYY-Www for week granularity
	Place                string
	Status               string // chronicle.Event.Status: "" for a happening
}

// String returns the key as one string, fields separated by '|'.
func (k Key) String() string {
	s := k.Type + "|" + k.Source + "|" + k.Target + "|" + k.Day + "|" + k.Place
	if k.Status != "" {
		// Appended only when set, so the keys of happenings stay as they were.
		s += "|" + k.Status
	}
	return s
}

// KeyPeriod returns the period (YYYY-Www, YYYY-MM or YYYY) of a Key.String
// whose date is coarser than a day, else "". The key's fields are ids and
// normalized text, which hold no '|'.
func KeyPeriod(key string) string {
	f := strings.SplitN(key, "|", 5)
	if len(f) < 5 {
		return ""
	}
	switch p := f[3]; {
	case len(p) == 8 && p[4:6] == "-W", len(p) == 7 && p[4] == '-', len(p) == 4:
		return p
	}
	return ""
}

// EventKey returns the identity of event e of doc, placed in the week of
// docDate (the publication date) when its own date does not name a day. It
// also returns the event's day as YYYY-MM-DD (the Monday of the week for
// week granularity), or "" when neither gives one (docDate zero).
func EventKey(doc *chronicle.Document, e *chronicle.Event, docDate time.Time) (Key, string) {
	k := Key{
		Type:   e.Type,
		Source: refID(doc, e.Source),
		Target: refID(doc, e.Target),
		Place:  Normalize(e.PlaceCountry + " " + e.Place),
		Status: e.Status(),
	}
	if d, ok := dayOf(e.Date); ok {
		k.Day = d.Format("2006-01-02")
		return k, k.Day
	}
	// A named month or year ("since Russia's invasion in February 2022")
	// is the event's own period, not the week of the report.
	if len(e.Date) == 7 {
		if d, err := time.Parse("2006-01", e.Date); err == nil {
			k.Day = e.Date
			return k, d.Format("2006-01-02")
		}
	}
	if len(e.Date) == 4 {
		if d, err := time.Parse("2006", e.Date); err == nil {
			k.Day = e.Date
			return k, d.Format("2006-01-02")
		}
	}
	if docDate.IsZero() {
		// Neither the text nor the publication date says when: the day
		// stays unknown rather than take the week the article was read.
		return k, ""
	}
	y, w := docDate.ISOWeek()
	k.Day = isoWeek(y, w)
	wd := (int(docDate.Weekday()) + 6) % 7 // Monday = 0
	monday := time.Date(docDate.Year(), docDate.Month(), docDate.Day()-wd, 0, 0, 0, 0, time.UTC)
	return k, monday.Format("2006-01-02")
}

func isoWeek(y, w int) string {
	b := []byte("0000-W00")
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	b[6] = byte('0' + w/10)
	b[7] = byte('0' + w%10)
	return string(b)
}

// dayOf parses a TIMEX3 value that names a day (YYYY-MM-DD, optionally
// followed by a time).
func dayOf(v string) (time.Time, bool) {
	if len(v) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v[:10])
	return t, err == nil
}

func refID(doc *chronicle.Document, r chronicle.Ref) string {
	if r.Actor != "" {
		return r.Actor
	}
	if r.Start < r.End && r.End <= len(doc.Text) {
		return "text:" + Normalize(doc.Text[r.Start:r.End])
	}
	return ""
}
