// Closed word classes the attribution rules use, built once from lib/analysis/data.

import { DATA_NOUNS, DOCUMENT_NOUNS, LABEL_VERBS, ORGANIZATION_NOUNS, PERSON_TITLES, SPEECH_VERBS, WEAK_SPEECH_VERBS } from "../data/attribution-verbs";

export const SPEECH = new Set(SPEECH_VERBS);
export const WEAK = new Set(WEAK_SPEECH_VERBS);
export const LABEL = new Set(LABEL_VERBS);
export const DATA = new Set(DATA_NOUNS);
export const DOCS = new Set(DOCUMENT_NOUNS);
export const ORGS = new Set(ORGANIZATION_NOUNS);
export const TITLES = new Set(PERSON_TITLES);
export const TIME_WORDS = new Set(
  ("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year " +
    "morning afternoon evening night day january february march april may june july august september october " +
    "november december jan feb mar apr jun jul aug sep sept oct nov dec").split(" "),
);
export const TIME_LEADS = new Set(["on", "in", "at", "last", "this", "next", "earlier", "late", "early", "the", "of", "during", "same", "previous"]);
// Documents that "say" things; plans and strategies are named more than quoted,
// so "Pakistan’s National Action Plan" must not become what "the report" means.
export const REPORTS = new Set([
  "report", "reports", "assessment", "study", "review", "survey", "analysis", "audit", "document", "paper",
  "statement", "memo", "memorandum", "letter", "testimony", "cable", "briefing", "section", "chapter",
  "overview", "summary", "update", "bulletin", "release", "communique", "communiqué", "readout",
]);
export const PERSON_HEADS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "envoy", "ambassador",
  "secretary", "president", "chief", "director", "head", "leader", "commander", "representative", "adviser",
  "advisor", "analyst", "analysts", "expert", "experts", "source", "sources", "diplomat", "diplomats",
]);
// Words that are nouns at least as often as verbs: "the Pakistani state", "reports of".
export const NOUNISH = new Set([
  "report", "reports", "state", "states", "note", "notes", "claim", "claims", "call", "calls", "comment", "comments",
  "quote", "quotes", "point", "points", "question", "questions", "charge", "charges", "estimate", "estimates", "post",
  "posts", "counter", "find", "finds", "tweet", "tweets", "remark", "remarks", "read", "reads", "term", "terms",
  "label", "labels", "brand", "brands", "demand", "demands", "promise", "promises", "pledge", "pledges", "vow", "vows",
  "praise", "blast", "blasts", "slam", "record", "records", "highlight", "highlights", "review", "release", "welcome",
]);
export const ADVERB_SKIP = new Set([
  "also", "still", "has", "have", "had", "previously", "further", "then", "later", "again", "repeatedly",
  "recently", "reportedly", "already", "once", "often", "would", "will", "did", "does", "do", "last", "today",
  "yesterday", "earlier", "separately", "however", "too", "even", "both", "now", "not", "never",
  "long", "first", "always", "ever", "just", "since",
]);
// Verbs that take an object and so never invert after a quotation: "“Priced Out,” blames a decade …"
// is the report blaming, not a decade speaking ("“…,” said the report" inverts).
export const NO_INVERSION = new Set([
  "blame", "blames", "blamed", "accuse", "accuses", "accused", "praise", "praises", "praised", "criticize",
  "criticizes", "criticized", "criticise", "criticises", "criticised", "reject", "rejects", "rejected", "deny",
  "denies", "denied", "condemn", "condemns", "condemned", "hail", "hails", "hailed", "welcome", "welcomes",
  "welcomed", "urge", "urges", "urged", "slam", "slams", "slammed", "blast", "blasts", "blasted", "highlight",
  "highlights", "highlighted", "decry", "decries", "decried", "lament", "laments", "lamented", "demand", "demands",
  "demanded", "question", "questions", "questioned", "charge", "charges", "charged", "find", "finds", "found",
  "show", "shows", "showed", "indicate", "indicates", "indicated", "estimate", "estimates", "estimated", "promise",
  "promises", "promised", "pledge", "pledges", "pledged", "vow", "vows", "vowed", "dismiss", "dismisses",
  "dismissed", "call", "calls", "called", "describe", "describes", "described", "refer", "refers", "referred",
  "classify", "classifies", "classified", "label", "labels", "labeled", "labelled", "brand", "brands", "branded",
  "dub", "dubs", "dubbed", "term", "terms", "termed", "recommend", "recommends", "recommended", "mention",
  "mentions", "mentioned", "assess", "assesses", "assessed",
]);
export const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "am", "'s"]);
export const PRONOUNS = new Set(["it", "he", "she", "they", "we", "i", "you"]);
export const RELATIVES = new Set(["who", "which", "that"]);
export const ARTICLES = new Set(["the", "a", "an"]);
export const POSSESSIVE_DETS = new Set(["its", "their", "his", "her", "our", "my", "your"]);
export const NP_JOINERS = new Set(["of", "for", "on", "and", "by", "de", "al", "bin", "von", "van", "der", "du", "la", "le", "&"]);
export const YEAR = /^(1[89]|20)\d\d[.,]?$/;


export const PARTICIPLES = new Set([
  "seen", "written", "given", "taken", "shown", "made", "known", "drawn", "sent", "done", "obtained", "published",
  "released", "issued", "produced", "prepared", "compiled", "authored", "leaked", "circulated", "presented",
]);
export const DEMONSTRATIVES = new Set(["this", "these", "last", "next"]);
export const ISSUING = new Set(["published", "released", "issued", "produced", "prepared", "written", "compiled", "authored", "presented"]);

/** Words before a title that leave the role the same: "Norvik Air’s new CEO". */
export const ROLE_ADJECTIVES = new Set(["new", "current", "top", "incoming"]);
