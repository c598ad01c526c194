package chronicle

// Entity types produced by the named-entity recognizer.
const (
	EntityPerson = "PERSON"
	EntityOrg    = "ORG"
	EntityGPE    = "GPE" // countries, cities, states: places with a government
	EntityLoc    = "LOC" // other places
	EntityNORP   = "NORP"
)

// Entity is a named-entity mention.
type Entity struct {
	Span
	Tokens     TokenRange
	Type       string
	Actor      string  // id of the actor it refers to, once actors are resolved
	Confidence float64 // model confidence in [0,1]
}

// Mention kinds.
const (
	MentionNamed      = "named"
	MentionNominal    = "nominal"
	MentionPronominal = "pronominal"
)

// Mention is one place in the text that refers to an actor.
type Mention struct {
	Span
	Tokens TokenRange
	Kind   string // MentionNamed, MentionNominal, MentionPronominal
}

// Role is a title or position an actor is described with.
type Role struct {
	Title   string // e.g. "Secretary of State"
	Country string // ISO 3166-1 alpha-3 of the role's state, if any
	Sector  string // government, military, rebel, civilian, business, media, igo
	Seen    string // date (YYYY-MM-DD) of the document that said so, if known
	Span    Span   // evidence
}

// Actor is a person, organization or place the document talks about, with
// every mention resolved to it.
type Actor struct {
	ID       string // stable canonical id (registry id when known)
	Name     string // canonical name
	Type     string // PERSON, ORG, GPE, LOC, NORP
	Country  string // ISO 3166-1 alpha-3
	Sector   string
	Roles    []Role
	Mentions []Mention
}

// Timex is a TIMEX3 time expression with its normalized value.
type Timex struct {
	Span
	Tokens     TokenRange
	Type       string  // DATE, TIME, DURATION, SET
	Value      string  // TIMEX3 value, e.g. 2025-05-16, P3Y, PAST_REF
	Mod        string  // APPROX, MORE_THAN, LESS_THAN, START, MID, END, ...
	Confidence float64 // in [0,1]
	Anchor     string  // what the value was resolved against: "dct", "text", "none", ...
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
	QuoteMixed    = "mixed"
)

// Ref is a piece of text that may be resolved to an actor.
type Ref struct {
	Span
	Actor string // actor id, "" when unresolved
}

// Quote is an attribution: a speaker, a cue, and what was said.
type Quote struct {
	Kind      string
	Speaker   Ref
	Cue       Span
	Content   Span
	Addressee *Ref
	Date      string // governing date, TIMEX3 value
	Parent    int    // index of the enclosing quote, -1 when not nested
	Sentences []int  // indices of the sentences it spans
}

// Event is one coded happening (PLOVER), with the evidence for it.
type Event struct {
	Type         string // PLOVER event type, e.g. CONSULT
	Mode         string // PLOVER mode, when the text determines one
	Source       Ref
	Target       Ref
	Date         string // TIMEX3 value of the governing time
	Place        string // place name; country code in PlaceCountry
	PlaceCountry string
	Negated      bool
	Modality     string // asserted, hypothetical, intended, demanded, denied, ...
	Trigger      Span   // the predicate and the words its pattern needed
	Evidence     Span   // the stretch of the sentence from source to target
	Why          string // the pattern that fired and the parse path it matched
	Confidence   float64
	Quote        int // index of the quote it is reported in, -1 when none
	// Scope is "" for an event the chronicle keeps, else why it does not
	// (ScopeNoActor, ScopeTargetNotActor, ScopeSourceNotActor, ScopeOffTopic).
	// Such an event stays in the
	// document, for a reader to review, but is not stored.
	Scope string
}

// ScopeNoActor marks an event no participant of which can be an actor:
// none is an actor, a name or a noun naming a kind of actor ("the code is
// impossible to crack", "it hits the shelves").
const ScopeNoActor = "no-actor"

// ScopeTargetNotActor marks an event coded by a pattern imported from
// PETRARCH's CAMEO dictionary whose target is not an actor ("the minister
// hit first-time buyers"): PETRARCH codes such broad verbs only between
// actors of its dictionaries.
const ScopeTargetNotActor = "target-not-actor"

// ScopeSourceNotActor marks an event coded by a pattern imported from
// PETRARCH's CAMEO dictionary whose source is missing or not an actor
// ("High fuel prices hit BA", "the dollar hit its highest level").
const ScopeSourceNotActor = "source-not-actor"

// ScopeOffTopic marks an event of an article that does not report
// politics, diplomacy or conflict (sport, entertainment, technology), as
// the relevance stage judges it: "smashed the record" is no assault.
const ScopeOffTopic = "off-topic"

// Status is how the text presents the event: "" when it is reported as
// having happened (asserted), "negated" when the text denies it happened,
// else its modality (hypothetical, intended, demanded, threatened, ...).
// Only events with an empty status are happenings; the store keeps the
// others apart, so "may make the trip" is never counted as a trip.
func (e *Event) Status() string {
	switch {
	case e.Negated:
		return "negated"
	case e.Modality == "" || e.Modality == "asserted":
		return ""
	}
	return e.Modality
}
