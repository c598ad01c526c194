// Package actor finds the people, organizations and places a news article
// talks about, with every mention of each (names, role descriptions,
// pronouns), their titles and roles, country (ISO 3166-1 alpha-3, as
// CAMEO/PLOVER use) and sector, and an id that stays the same across
// articles (see package registry for the id rule).
//
// Construct the stage once and share it:
//
//	x, err := actor.New(reg) // reg *registry.Registry, or nil
//	...
//	err = x.Process(ctx, doc) // fills doc.Actors and doc.Entities[i].Actor
//
// Process needs Tokens, Sentences and Paragraphs; it uses NER entities,
// tags and the parse when the document has them and falls back on
// capitalization and its word lists when it does not.
//
// # Mentions, roles and countries
//
// Named mentions come from NER entities, or without them from capitalized
// word runs (a sentence-initial word only when it also appears capitalized
// elsewhere, precedes a speech verb, or is known to the registry). Titles
// before a name are parsed into roles: "Ukrainian President Volodymyr
// Zelensky" gives President of UKR, "special envoys Steve Witkoff and Keith
// Kellogg" gives both men the role. Definite role descriptions ("the
// Russian president", "The secretary of state and vice president") and
// pronouns are nominal and pronominal mentions. Country names and capitals
// come from github.com/biter777/countries; data/places.tsv adds what it
// lacks (short names, demonyms, organizations of states, international
// organizations and media with their sector); data/roles.tsv is the title
// lexicon with sectors; data/persons.txt lists nouns for people.
//
// # Coreference
//
// Actor mentions are grouped by a sieve, most precise pass first: the same
// name, the same state (U.S., United States, Washington), a surname to the
// full name (the closest earlier full name with that surname; two full
// names with different first names never merge), acronyms, role
// descriptions to the person the article gave that title (country must
// agree), quote speakers ("I" in a quote is its speaker; "…," he said
// continues the previous speaker), then third-person pronouns by agreement
// and salience (the first person of the sentence, else of the closest
// earlier sentence; never the speaker of the quote the pronoun is in).
// Groups without a name are not actors.
//
// Clusters exposes the general coreference resolver measured on GUM: with
// a parse it takes every noun phrase as a mention and runs the passes of
// Lee et al. (2013): speaker, exact match, appositions and predicate
// nominatives, strict and proper head match, pronouns. `chronicle eval
// coref` reports its CoNLL-2012 scores.
//
// Id rule, user dictionary format and PETRARCH import: see package
// registry.
package actor
