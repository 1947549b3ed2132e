// Words that introduce reported speech. Kept as data so editors can see (and
// extend) exactly what the attribution rules react to.

/** Verbs that attribute words to a subject on their own ("State notes", "said the report"). */
export const SPEECH_VERBS: readonly string[] = [
  "say", "says", "said", "saying",
  "speak", "speaks", "spoke",
  "note", "notes", "noted", "noting",
  "add", "adds", "added", "adding",
  "tell", "tells", "told",
  "state", "states", "stated",
  "report", "reports", "reported",
  "write", "writes", "wrote",
  "read", "reads",
  "explain", "explains", "explained",
  "claim", "claims", "claimed",
  "argue", "argues", "argued",
  "insist", "insists", "insisted",
  "warn", "warns", "warned",
  "assert", "asserts", "asserted",
  "acknowledge", "acknowledges", "acknowledged",
  "admit", "admits", "admitted",
  "announce", "announces", "announced",
  "declare", "declares", "declared",
  "remark", "remarks", "remarked",
  "comment", "comments", "commented",
  "concede", "concedes", "conceded",
  "tweet", "tweets", "tweeted",
  "post", "posts", "posted",
  "testify", "testifies", "testified",
  "reiterate", "reiterates", "reiterated",
  "stress", "stresses", "stressed",
  "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised",
  "blast", "blasts", "blasted",
  "slam", "slams", "slammed",
  "criticize", "criticizes", "criticized", "criticise", "criticises", "criticised",
  "praise", "praises", "praised",
  "accuse", "accuses", "accused",
  "blame", "blames", "blamed",
  "urge", "urges", "urged",
  "caution", "cautions", "cautioned",
  "complain", "complains", "complained",
  "confirm", "confirms", "confirmed",
  "deny", "denies", "denied",
  "reject", "rejects", "rejected",
  "dismiss", "dismisses", "dismissed",
  "call", "calls", "called",
  "describe", "describes", "described", "describing",
  "refer", "refers", "referred",
  "classify", "classifies", "classified",
  "label", "labels", "labeled", "labelled",
  "brand", "brands", "branded",
  "dub", "dubs", "dubbed",
  "term", "terms", "termed",
  "highlight", "highlights", "highlighted",
  "observe", "observes", "observed",
  "recall", "recalls", "recalled",
  "reply", "replies", "replied",
  "respond", "responds", "responded",
  "conclude", "concludes", "concluded",
  "predict", "predicts", "predicted",
  "promise", "promises", "promised",
  "pledge", "pledges", "pledged",
  "vow", "vows", "vowed",
  "question", "questions", "questioned",
  "charge", "charges", "charged",
  "allege", "alleges", "alleged",
  "suggest", "suggests", "suggested",
  "ask", "asks", "asked",
  "demand", "demands", "demanded",
  "recommend", "recommends", "recommended",
  "assess", "assesses", "assessed",
  "find", "finds", "found",
  "show", "shows", "showed",
  "indicate", "indicates", "indicated",
  "estimate", "estimates", "estimated",
  "maintain", "maintains", "maintained",
  "believe", "believes", "believed",
  "think", "thinks", "thought",
  "mention", "mentions", "mentioned",
  "welcome", "welcomes", "welcomed",
  "condemn", "condemns", "condemned",
  "hail", "hails", "hailed",
  "decry", "decries", "decried",
  "lament", "laments", "lamented",
  "contend", "contends", "contended",
  "counter", "counters", "countered",
  "point", "points", "pointed",
  "continue", "continues", "continued",
];

/**
 * Verbs that only attribute when followed by "that", a colon or a quotation:
 * "the report found that …" is a cue, "the army found the bodies" is not.
 */
export const WEAK_SPEECH_VERBS: readonly string[] = [
  "find", "finds", "found",
  "show", "shows", "showed",
  "indicate", "indicates", "indicated",
  "estimate", "estimates", "estimated",
  "maintain", "maintains", "maintained",
  "believe", "believes", "believed",
  "think", "thinks", "thought",
  "point", "points", "pointed",
  "continue", "continues", "continued",
  "assess", "assesses", "assessed",
  "post", "posts", "posted",
  "counter", "counters", "countered",
  "charge", "charges", "charged",
  "question", "questions", "questioned",
  "ask", "asks", "asked",
  "welcome", "welcomes", "welcomed",
];

/**
 * Verbs of addressing someone, by lemma (the tagger's base form), that report speech when the
 * addressee and "that" come before a quotation: "reassured investors that “…”", "reminded
 * them that “…”". Listed verbs of saying ("told", "warned") need no entry.
 */
export const ADDRESS_VERBS: readonly string[] = [
  "assure", "reassure", "remind", "advise", "notify", "caution", "convince", "persuade", "inform", "update", "tell", "warn",
];

/**
 * Verbs that put a label on something: a quoted term after them is the
 * speaker's characterisation ("classifies LeT as “India-focused”"), a claim of
 * its own rather than an excerpt of a longer assertion.
 */
export const LABEL_VERBS: readonly string[] = [
  "call", "calls", "called", "calling",
  "classify", "classifies", "classified", "classifying",
  "label", "labels", "labeled", "labelled", "labeling", "labelling",
  "brand", "brands", "branded", "branding",
  "dub", "dubs", "dubbed", "dubbing",
  "term", "terms", "termed", "terming",
  "refer", "refers", "referred", "referring",
  "describe", "describes", "described", "describing",
  "characterize", "characterizes", "characterized", "characterizing",
  "characterise", "characterises", "characterised", "characterising",
];

/** Titles before a name: "Prime Minister Narendra Modi", "Sen. Chuck Schumer", "Pentagon spokesman John Kirby". */
export const PERSON_TITLES: readonly string[] = [
  "president", "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador",
  "envoy", "representative", "senator", "sen", "sen.", "rep", "rep.", "gov", "gov.", "governor", "mayor", "chief",
  "director", "commander", "general", "gen", "gen.", "lt", "lt.", "col", "col.", "adm", "adm.", "maj", "maj.",
  "capt", "capt.", "sgt", "sgt.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "judge", "justice", "king",
  "queen", "prince", "princess", "pope", "chairman", "chairwoman", "chair", "ceo", "founder", "leader", "head",
  "official", "adviser", "advisor", "analyst", "professor", "prof", "prof.", "researcher", "lawyer", "attorney",
  "emir", "sheikh", "commissioner", "deputy", "undersecretary", "assistant", "coordinator", "chancellor",
  "foreign", "defense", "defence", "interior", "finance", "army", "police", "military", "state", "special",
];

/** Nouns whose "according to X's …" names a data source, not someone's words. */
export const DATA_NOUNS: readonly string[] = [
  "statistics", "figures", "data", "numbers", "estimates", "estimate", "tally", "count",
  "records", "polls", "poll", "survey", "surveys", "calculations", "census",
];

/** Head nouns of mentions that stand for a document, whose words belong to its issuer. */
export const DOCUMENT_NOUNS: readonly string[] = [
  "report", "reports", "statement", "document", "study", "assessment", "review", "analysis",
  "survey", "letter", "testimony", "release", "cable", "memo", "memorandum", "audit",
  "communique", "communiqué", "paper", "white paper", "briefing", "transcript", "filing",
  "complaint", "indictment", "ruling", "judgment", "verdict", "resolution", "declaration",
  "section", "chapter", "overview", "summary", "update", "readout", "notice", "bulletin",
  "guidance", "order", "plan", "strategy", "index", "outlook",
];

/** Nouns that make an unknown name an organisation rather than a person. */
/**
 * Common nouns for a business, by which news refers back to the company its lead named
 * ("AstraZeneca appeared to …" … "the company said"; attribution/mentions.ts).
 */
export const COMPANY_NOUNS: readonly string[] = [
  "company", "firm", "business", "group", "carrier", "airline", "maker", "manufacturer", "retailer", "bank", "lender",
  "insurer", "startup", "operator", "giant", "conglomerate", "corporation", "automaker", "carmaker", "drugmaker",
];

export const ORGANIZATION_NOUNS: readonly string[] = [
  "ministry", "department", "office", "agency", "council", "committee", "government",
  "army", "police", "forces", "force", "military", "party", "bank", "fund", "organization",
  "organisation", "university", "institute", "commission", "court", "administration",
  "embassy", "consulate", "mission", "service", "services", "bureau", "board", "authority",
  "authorities", "group", "network", "movement", "front", "coalition", "alliance", "union",
  "association", "federation", "company", "corporation", "inc", "ltd", "foundation",
  "center", "centre", "parliament", "senate", "congress", "assembly", "cabinet", "presidency",
  "secretariat", "command", "directorate", "taliban", "spokesman", "spokeswoman",
  "spokesperson", "officials", "sources",
  "programme", "program", "initiative", "project", "society", "trust", "league", "institution", "academy",
  "college", "school", "hospital", "forum", "panel", "regulator", "tribunal", "observatory", "watchdog",
  "unit", "observers", "monitors", "campaigners", "activists",
];
