package tokenize

// Exception tables. They are data, not code: each list says where it comes
// from. All keys are lower case; lookups lower-case the candidate into a
// fixed buffer first (see lookup), so they never allocate.

// abbreviations are words that keep their final period ("Sen.", "Jan.").
// Taken from the period-final tokens of UD English EWT train, plus the
// titles, months, US states and company suffixes of English news wire. Words
// that are also ordinary English words are restricted further by
// capitalAbbreviations and digitAbbreviations.
var abbreviations = []string{
	// EWT train
	"dr", "mr", "mrs", "ms", "st", "etc", "vs", "sept", "inc", "ft", "oct", "dec",
	"nov", "co", "corp", "gen", "lt", "rev", "jr", "sr", "feb", "wed", "sat", "gov",
	"la", "ltd", "thur", "thurs", "fri", "sun", "mon", "tue", "tues", "attn", "reps",
	"jan", "col", "spec", "eg", "lb", "lbs", "oz", "ext", "ph", "fax", "mob", "para",
	"info", "yrs", "sen", "blvd", "que", "aug", "et", "al", "va", "sec", "sc", "vol",
	"rep", "rec", "dom", "esp", "mins", "approx", "dept", "drs",
	// news wire: titles and ranks
	"prof", "capt", "cmdr", "sgt", "maj", "adm", "brig", "cpl", "pvt", "gens", "sens",
	"supt", "insp", "det", "hon", "messrs", "mme", "mlle", "msgr", "fr", "pres",
	"atty", "rt",
	// months and days
	"mar", "apr", "jun", "jul", "sep", "thu", "wk",
	// companies and places
	"bros", "cos", "assn", "ave", "rd", "hwy", "mt", "pl", "sq", "univ", "dist",
	"ariz", "ark", "ala", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
	"kan", "kans", "ky", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
	"nev", "okla", "ore", "pa", "tenn", "tex", "vt", "wash", "wis", "wyo",
	// other
	"nos", "no", "op", "cf", "ca", "ibid", "fig", "figs", "est", "min", "max", "hr",
	"hrs", "cu", "govt", "intl", "natl", "viz", "ed", "eds", "pp", "vols",
}

// capitalAbbreviations are abbreviations that are also English words ("ill",
// "miss", "wash"): they keep their period only when capitalized ("Ill.").
var capitalAbbreviations = []string{
	"ill", "miss", "mass", "wash", "del", "ark", "ore", "pa", "sun", "sat", "wed",
	"mar", "sec", "est", "min", "max", "ed", "det", "hon", "fig", "op", "ca", "mon",
	"mo", "la", "dom", "rec", "para", "spec", "info", "que", "sc", "va", "ind", "neb",
	"kan", "ky", "md", "tex", "ga", "cu", "pl", "sq", "rd", "ave", "dist", "fax",
	"mob", "ext", "rep", "reps", "gen", "col", "fr", "pres", "hr", "hrs", "mins",
	"cos", "eds", "vols", "vol", "brig", "rt", "ft", "lb", "oz",
}

// digitAbbreviations keep their period only before a number ("No. 5",
// "Nos. 3 and 4", "pp. 12"); elsewhere they are ordinary words.
var digitAbbreviations = []string{"no", "nos", "pp", "op", "fig", "figs", "vol", "vols", "art"}

// titles are abbreviations that are never sentence-final ("Dr. Smith").
var titles = []string{
	"dr", "mr", "mrs", "ms", "st", "gen", "lt", "rev", "gov", "col", "sen", "rep",
	"reps", "prof", "capt", "cmdr", "sgt", "maj", "adm", "brig", "cpl", "pvt", "sens",
	"supt", "insp", "det", "hon", "messrs", "mme", "mlle", "msgr", "fr", "pres",
	"atty", "rt", "mt", "ft", "no", "nos", "vs", "pp", "op", "fig", "figs", "vol",
}

// hyphenPrefixes keep their hyphen ("e-mail", "non-human", "co-workers"): the
// prefixes that UD English EWT train leaves attached more often than it
// splits them. EWT splits every other letter-hyphen-letter compound
// ("search - engine").
var hyphenPrefixes = []string{
	"e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi",
	"ex", "sub", "semi", "cross", "neo", "psycho", "socio", "counter", "intra",
	"micro", "un", "mis", "inter", "macro", "mega", "ultra", "bi", "tri", "quasi", "pseudo",
}

// fusedClitics are multiword tokens written without an apostrophe, with the
// byte length of their first part ("cannot" = "can" + "not"). They are the
// apostrophe-less multiword tokens of UD English EWT train that are more often
// multiword than not ("its" and "your" are not: they are usually pronouns).
var fusedClitics = []struct {
	form  string
	split int
}{
	{"cannot", 3}, {"dont", 2}, {"im", 1}, {"wont", 2}, {"cant", 2}, {"ive", 1},
	{"gonna", 3}, {"didnt", 3}, {"thats", 4}, {"wanna", 3}, {"gotta", 3},
	{"doesnt", 4}, {"theres", 5}, {"youre", 3}, {"couldnt", 5}, {"aint", 2},
	{"wouldnt", 5}, {"whats", 4}, {"outta", 3}, {"theyre", 4}, {"itll", 2},
	{"heres", 4}, {"arent", 3}, {"isnt", 2}, {"wasnt", 3}, {"shouldnt", 6},
	{"hasnt", 3}, {"havent", 4}, {"youll", 3}, {"sorta", 4}, {"kinda", 4},
}

// sentenceStarters are closed-class and discourse words that, capitalized
// after an abbreviation ("... in the U.S. The talks ..."), almost always
// begin a new sentence. Chosen from the words that start sentences in UD
// English EWT train far more often than they appear capitalized inside one.
var sentenceStarters = []string{
	"the", "a", "an", "it", "we", "they", "if", "this", "he", "you", "in", "thanks",
	"please", "my", "there", "but", "and", "what", "do", "as", "so", "when", "that",
	"she", "how", "also", "after", "however", "let", "can", "at", "for", "here", "is",
	"on", "these", "all", "by", "one", "now", "then", "our", "are", "yes", "with",
	"just", "well", "any", "some", "have", "even", "from", "since", "many", "should",
	"his", "their", "although", "will", "once", "another", "while", "maybe", "both",
	"or", "does", "because", "where", "most", "why", "never", "those", "its", "other",
	"could", "before", "again", "which", "her", "i", "meanwhile", "still", "despite",
	"during", "earlier", "later", "today", "yesterday", "officials", "was", "were",
	"has", "had", "not", "no", "more", "such", "each", "neither", "nor", "yet",
	"thus",
}
