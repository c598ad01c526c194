package quote

// Closed word classes the rules use. Keys are lower case.

// leftStop ends a speaker phrase read leftwards from a cue.
var leftStop = set("that", "but", "or", "because", "while", "when", "as", "if", "after",
	"before", "since", "although", "though", "so", "then", "than", "where", "whether",
	"not", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will",
	"would", "could", "should", "can", "may", "might", "must", "do", "does", "did", "to",
	"in", "on", "with", "by", "from", "into", "about", "over", "who", "which",
	"whom", "what", "there", "here", "also", "and", "why", "how", "even", "yet", "now",
	"once", "just", "still", "only", "never", "already", "recently", "later", "earlier",
	"however", "ultimately", "meanwhile", "instead", "again", "indeed", "reportedly")

// materialVerbs are verbs of physical force that political news also uses
// for words ("attacked the plan"); the cue lexicon and model, learned from
// political news, take them for cues (see deed).
var materialVerbs = set("attack", "strike", "hit", "bomb", "shell", "shoot", "kill", "seize",
	"capture", "launch", "fire", "raid", "storm", "target", "invade", "occupy", "destroy", "blast")

// auxBefore are words folded into a cue from the left ("has also said").
var auxBefore = set("has", "have", "had", "also", "later", "previously", "repeatedly",
	"reportedly", "recently", "once", "never", "often", "again", "publicly", "privately",
	"already", "would", "will", "could", "might", "may", "did", "does", "do", "is", "was",
	"are", "were", "been", "be", "being", "just", "first", "then", "further", "even",
	"frequently", "previously", "explicitly", "openly", "specifically", "flatly", "n't", "not")

// temporal words may sit between a cue and its complement ("said Thursday that").
var temporal = set("today", "yesterday", "tonight", "earlier", "later", "last", "this",
	"next", "on", "at", "during", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "week", "month", "year", "morning", "afternoon", "evening",
	"night", "recently", "previously", "again", "also", "repeatedly", "publicly", "privately",
	"in", "a", "an", "the", "his", "her", "their", "its", "statement", "interview",
	"remarks", "speech", "january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "ago", "weeks", "days",
	"months", "years", "day", "wednesday's", "past", "recent", "separate", "written",
	"televised", "brief", "phone", "conference", "call", "news", "press", "radio", "tv",
	"washington", "new", "york", "emailed", "email", "to", "reporters")

// pronouns are speakers that need resolving.
var pronouns = set("he", "she", "they", "we", "i", "it", "you", "who", "which", "him",
	"her", "them", "us", "me")

// participleLead marks a trailing participle clause that starts its own
// attribution (", adding that ...").
var determiners = set("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those")

// inNouns are the nouns of "said in a statement" folded into the cue.
var inNouns = set("statement", "interview", "remarks", "speech", "tweet", "post", "letter",
	"email", "release", "op-ed", "video", "message", "testimony", "conversation", "address")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// notBeforeVerb are words after which a cue form is a noun or an
// infinitive, not a reporting verb: "Secretary of State", "to say".
var notBeforeVerb = set("to", "of", "for", "in", "on", "at", "by", "with", "from", "into", "about")

// sourceNouns are nouns naming a source of information: ", citing a senior
// official" names a source, ", citing low growth" a reason.
var sourceNouns = set("official", "officials", "source", "sources", "spokesman", "spokeswoman",
	"spokesperson", "aide", "aides", "report", "reports", "statement", "analyst", "analysts",
	"diplomat", "diplomats", "officer", "officers", "person", "people", "expert", "experts",
	"documents", "document", "witnesses", "witness", "agency", "ministry", "media", "poll", "polls", "survey")

// dayOrMonth are capitalized time words.
var dayOrMonth = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december")
