// A deterministic corpus of news-like articles for benchmarks, built from a
// seed with nothing taken from the seed corpus or any gold set.
//
// How it is made: invented places, people and organisations (syllable
// names), general English word banks, and sentence templates. Articles are
// grouped into stories; each story has a handful of speakers and the
// statements they made (one to three sentences each). An article about a story
// is a headline, sometimes a dateline, narrative paragraphs, and quotations of
// the story's statements in the shapes outlets use: the whole statement
// (“…,” NAME said / NAME said: “…” / according to ORG, “…”), an excerpt, a
// short phrase inside the outlet's own sentence (described it as a “…”), a
// reworded version, a quotation continued over two paragraphs, a follow-up
// (“…,” she added). Sizes are drawn between 3 and 8 KB and quote density is
// about one quotation per 400 bytes (real wire copy runs one per 300 to 700).
// Up to `reprintShare` of the articles are reprints: the same wire copy under
// another outlet's name, with its own headline line.

export interface SyntheticArticle {
  id: string;
  text: string;
  /** Id of the article this one reprints, if it is a reprint. */
  reprintOf: string | null;
}

export interface SyntheticQuote {
  id: string;
  text: string;
  articleId: string;
  speakerKey: string;
  documentKey: string | null;
  /** The statement it quotes: the true claim, for scoring synthetic grouping. */
  truth: number;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NOUNS = (
  "budget council plan report policy agency market price rate loan bank port road bridge school hospital clinic court " +
  "ruling vote election party campaign border trade tariff export import farm harvest drought flood storm river dam " +
  "pipeline grid network station airport railway tunnel ferry fleet factory plant mine union strike wage salary pension " +
  "tax fund grant contract tender audit inquiry review survey study figure deficit surplus debt bond currency inflation " +
  "housing rent mortgage tenant landlord permit licence fine penalty charge sentence appeal witness suspect officer " +
  "police army navy ministry department board committee panel commission regulator watchdog operator supplier " +
  "customer patient doctor nurse teacher student parent family village town city province region district county " +
  "coast valley island harbour forest park lake water power energy fuel gas coal oil wind solar battery vehicle " +
  "engine software data privacy record system service programme scheme project target deadline season festival " +
  "museum library theatre stadium team league club coach player match title record crop cattle fishery quota " +
  "vaccine outbreak virus case test treatment trial drug medicine shortage supply demand cost saving reform law bill " +
  "motion amendment treaty agreement deal talks summit meeting statement letter warning threat risk damage loss"
).split(" ");

export const ADJECTIVES = (
  "new old large small local national regional federal public private major minor early late strong weak slow fast " +
  "serious modest sharp steady rising falling higher lower cheaper costly fragile stable urgent careful clear " +
  "unclear open closed full partial final initial annual monthly weekly daily northern southern eastern western " +
  "central coastal rural urban remote nearby former current future recent previous independent joint fair unfair " +
  "safe unsafe poor rich broad narrow deep shallow long short heavy light quiet loud significant limited growing " +
  "shrinking reliable unreliable transparent hidden formal informal legal illegal temporary permanent"
).split(" ");

export const VERBS_PAST = (
  "approved rejected delayed expanded reduced raised cut closed opened reviewed announced confirmed denied proposed " +
  "blocked backed funded ordered launched completed suspended resumed extended cancelled replaced moved " +
  "improved damaged repaired inspected challenged questioned supported opposed signed ended started reached " +
  "missed met doubled halved tripled increased decreased lowered paid collected spent saved lost won"
).split(" ");

const VERBS_BASE = (
  "approve reject delay expand reduce raise cut close open review announce confirm deny propose block back fund " +
  "order launch complete suspend resume extend cancel replace move improve repair inspect challenge question support " +
  "oppose sign end start reach miss meet double halve increase decrease lower pay collect spend save protect"
).split(" ");

const ADVERBS = "quickly slowly sharply steadily clearly openly quietly firmly fully largely partly recently already still".split(" ");
export const PREPS = "in for across near under over during after before within without against between among".split(" ");
const TIMES = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "this month", "earlier this year", "last year", "in March", "in June", "in October"];
export const FIRST = (
  "Anna Ben Clara David Elena Farid Grace Hugo Ines Jonas Karin Luis Maya Nadia Omar Paula Rafael Sofia Tomas Uma " +
  "Victor Wanda Yusuf Zara Amir Beatriz Carlos Dana Emil Fatima Georg Hana Ivan Julia Kofi Lena Marco Nina Oskar Priya"
).split(" ");
export const SYL = ["ka", "ra", "zan", "mir", "sha", "dor", "vel", "ton", "tor", "bin", "hal", "nes", "ter", "gul", "fa", "lo", "ber", "wick", "stad", "holm", "mar", "len", "ov", "ic", "an", "el"];
export const ORG_KINDS = ["Ministry of Finance", "Ministry of Health", "Ministry of Transport", "Water Board", "Energy Authority", "Audit Office", "Supreme Court", "Central Bank", "Port Authority", "Workers' Union", "Chamber of Commerce", "Environment Agency", "Housing Council", "Statistics Office", "Civil Aviation Authority"];
const TITLES = ["minister", "spokeswoman", "spokesman", "director", "chief executive", "chair", "mayor", "economist", "analyst", "governor", "secretary", "president", "senior official", "deputy director"];
const SPEECH_AFTER = ["said", "said", "said", "told reporters", "added", "warned", "noted", "argued", "wrote", "stated", "explained", "insisted"];
const SPEECH_BEFORE = ["said", "says", "told reporters", "warned", "wrote", "noted", "argued"];
const FRAMES = ["described it as", "called it", "spoke of", "warned of", "pointed to", "referred to"];
const OUTLETS = 40;
const FUNCTION_WORDS = new Set("this that their will with while because after before during within without against between among across under over near".split(" "));

interface Speaker {
  name: string;
  short: string;
  pronoun: "he" | "she" | "it";
  role: string | null;
  org: string;
}

interface Statement {
  speaker: Speaker;
  sentences: string[];
  truth: number;
  doc: string | null;
}

interface Story {
  place: string;
  topic: string[];
  speakers: Speaker[];
  statements: Statement[];
}

export interface CorpusOptions {
  articles: number;
  seed?: number;
  /** Share of articles that reprint an earlier article's wire copy (default 0.25; the brief allows 0.3). */
  reprintShare?: number;
  minBytes?: number;
  maxBytes?: number;
}

class Gen {
  private claimCounter = 0;
  constructor(readonly rand: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  word(): string {
    let w = "";
    const k = this.int(2, 3);
    for (let i = 0; i < k; i++) w += this.pick(SYL);
    return w[0].toUpperCase() + w.slice(1);
  }
  speaker(place: string): Speaker {
    if (this.chance(0.3)) {
      const org = `${place} ${this.pick(ORG_KINDS)}`;
      const words = org.split(" ");
      const head = words.includes("of") ? words[1] : words[words.length - 1];
      return { name: `the ${org}`, short: `the ${head.toLowerCase().replace(/'$/, "")}`, pronoun: "it", role: null, org };
    }
    const first = this.pick(FIRST);
    const last = this.word();
    const she = /a$|e$|h$/.test(first) && first !== "Jonas";
    return { name: `${first} ${last}`, short: last, pronoun: she ? "she" : "he", role: this.pick(TITLES), org: `${place} ${this.pick(ORG_KINDS)}` };
  }
  nounPhrase(topic: string[]): string {
    const n = this.chance(0.5) ? this.pick(topic) : this.pick(NOUNS);
    const det = this.pick(["the", "the", "a", "its", "their", "this"]);
    return this.chance(0.5) ? `${det} ${this.pick(ADJECTIVES)} ${n}` : `${det} ${n}`;
  }
  clause(topic: string[], place: string): string {
    const r = this.rand();
    const subj = this.chance(0.2) ? place : this.nounPhrase(topic);
    if (r < 0.35) return `${subj} ${this.pick(VERBS_PAST)} ${this.nounPhrase(topic)} ${this.pick(PREPS)} ${this.nounPhrase(topic)}`;
    if (r < 0.6) return `${subj} will ${this.pick(VERBS_BASE)} ${this.nounPhrase(topic)} ${this.pick(TIMES)}`;
    if (r < 0.8) return `${subj} remained ${this.pick(["a", "the"])} ${this.pick(ADJECTIVES)} ${this.pick(topic)} for ${this.nounPhrase(topic)}`;
    return `${subj} has ${this.pick(ADVERBS)} ${this.pick(VERBS_PAST)} ${this.nounPhrase(topic)}`;
  }
  sentence(topic: string[], place: string): string {
    let s = this.clause(topic, place);
    if (this.chance(0.4)) s += `, ${this.pick(["and", "but", "while", "because"])} ${this.clause(topic, place)}`;
    if (this.chance(0.3)) s += ` ${this.pick(PREPS)} ${this.nounPhrase(topic)}`;
    return s[0].toUpperCase() + s.slice(1) + ".";
  }
  story(): Story {
    const place = this.word();
    const topic = Array.from({ length: 5 }, () => this.pick(NOUNS));
    const speakers = Array.from({ length: this.int(2, 5) }, () => this.speaker(place));
    const statements: Statement[] = [];
    const doc = this.chance(0.3) ? `${place} ${this.pick(["annual review", "audit", "survey", "inquiry report"])} ${this.int(2015, 2025)}` : null;
    for (let i = 0, n = this.int(8, 20); i < n; i++) {
      const sentences = Array.from({ length: this.chance(0.25) ? this.int(2, 3) : 1 }, () => this.sentence(topic, place));
      statements.push({ speaker: this.pick(speakers), sentences, truth: this.claimCounter++, doc });
    }
    return { place, topic, speakers, statements };
  }

  /** A statement as an outlet renders it: whole, an excerpt, or reworded. */
  wording(st: Statement, mode: "whole" | "excerpt" | "reworded"): string {
    const first = st.sentences[0];
    if (mode === "whole") return st.sentences.join(" ");
    const words = first.slice(0, -1).split(" ");
    if (mode === "excerpt") {
      const a = this.int(1, Math.max(1, Math.floor(words.length / 3)));
      return words.slice(a, Math.min(words.length, a + this.int(5, 12))).join(" ");
    }
    return words.map((w) => (this.chance(0.15) ? this.pick(ADJECTIVES) : w)).join(" ") + ".";
  }
  phrase(st: Statement): string {
    const words = st.sentences[0].slice(0, -1).split(" ").filter((w) => w.length > 3 && !FUNCTION_WORDS.has(w.toLowerCase()));
    const a = this.int(0, Math.max(0, words.length - 3));
    return words.slice(a, a + this.int(1, 3)).join(" ");
  }

  quoteParagraph(st: Statement, story: Story, mentioned: Set<Speaker>): string {
    const sp = st.speaker;
    const known = mentioned.has(sp);
    mentioned.add(sp);
    const full = known ? (sp.pronoun === "it" ? sp.short : sp.short) : sp.role ? `${sp.name}, ${sp.role} of the ${sp.org}` : sp.name;
    const r = this.rand();
    const body = this.wording(st, r < 0.55 ? "whole" : r < 0.8 ? "excerpt" : "reworded").replace(/\.$/, "");
    const style = this.rand();
    const time = this.chance(0.4) ? ` ${this.pick(TIMES)}` : "";
    if (style < 0.4) return `“${body},” ${full} ${this.pick(SPEECH_AFTER)}${time}.`;
    if (style < 0.55) return `“${body},” ${this.pick(SPEECH_AFTER)} ${full}${time}.`;
    if (style < 0.7) return `${capital(full)} ${this.pick(SPEECH_BEFORE)}${time}: “${body}.”`;
    if (style < 0.8) return `According to ${sp.pronoun === "it" ? full : sp.org}, “${body}.”`;
    if (style < 0.9) {
      const lead = capital(this.sentence(story.topic, story.place).slice(0, -1));
      return `${lead}, ${full} ${this.pick(FRAMES)} a “${this.phrase(st)}” ${this.pick(PREPS)} ${this.nounPhrase(story.topic)}.`;
    }
    // A quotation continued over two paragraphs, then a follow-up.
    const second = this.sentence(story.topic, story.place);
    return `“${body}.\n\n“${second.slice(0, -1)},” ${full} ${this.pick(SPEECH_AFTER)}. “${capital(this.clause(story.topic, story.place))},” ${sp.pronoun} added.`;
  }

  article(story: Story, targetBytes: number): string {
    const lines: string[] = [];
    const lead = this.pick(story.statements);
    lines.push(
      this.chance(0.4)
        ? `${capital(lead.speaker.short.replace(/^the /, ""))} says ${story.place} ${this.pick(story.topic)} a ‘${this.phrase(lead)}’`
        : `${story.place} ${this.pick(story.topic)} ${this.pick(VERBS_PAST)} as ${this.pick(NOUNS)} ${this.pick(["row", "talks", "dispute", "plan"])} grows`,
    );
    if (this.chance(0.3)) lines.push(`By ${this.pick(FIRST)} ${this.word()}`);
    const mentioned = new Set<Speaker>();
    let size = lines.join("\n\n").length;
    let first = true;
    // Each article quotes some of the story's statements (most once) and some of its own.
    const queue = [...story.statements];
    for (let i = queue.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [queue[i], queue[j]] = [queue[j], queue[i]];
    }
    while (size < targetBytes) {
      let p: string;
      if (this.chance(0.38)) {
        const own = !queue.length || this.chance(0.3);
        const st: Statement = own
          ? { speaker: this.pick(story.speakers), sentences: [this.sentence(story.topic, story.place)], truth: -1, doc: null }
          : this.chance(0.85) ? queue.pop()! : this.pick(story.statements);
        p = this.quoteParagraph(st, story, mentioned);
      }
      else {
        p = Array.from({ length: this.int(1, 3) }, () => this.sentence(story.topic, story.place)).join(" ");
        if (first && this.chance(0.5)) p = `${story.place.toUpperCase()} — ${p}`;
      }
      first = false;
      lines.push(p);
      size += p.length + 2;
    }
    return lines.join("\n\n") + "\n";
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Articles, deterministic from the seed. Reprints copy an earlier article's body under a new headline. */
export function* syntheticArticles(opts: CorpusOptions): Generator<SyntheticArticle> {
  const g = new Gen(rng(opts.seed ?? 20240611));
  const share = opts.reprintShare ?? 0.25;
  const min = opts.minBytes ?? 3000;
  const max = opts.maxBytes ?? 8000;
  // Stories run over about a dozen articles each, as a news cycle does.
  const stories: Story[] = [];
  const wire: { id: string; body: string }[] = [];
  for (let i = 0; i < opts.articles; i++) {
    const id = `outlet${String(i % OUTLETS).padStart(2, "0")}-${String(i).padStart(6, "0")}`;
    if (wire.length && g.chance(share)) {
      const src = wire[Math.floor(g.rand() * wire.length)];
      const headline = `${g.word()} ${g.pick(NOUNS)} ${g.pick(VERBS_PAST)}, ${g.pick(["report", "officials", "sources"])} say`;
      yield { id, text: headline + "\n\n" + src.body, reprintOf: src.id };
      continue;
    }
    if (!stories.length || g.chance(1 / 12)) stories.push(g.story());
    const story = g.chance(0.8) ? stories[stories.length - 1] : g.pick(stories);
    const text = g.article(story, g.int(min, max));
    wire.push({ id, body: text.slice(text.indexOf("\n\n") + 2) });
    if (wire.length > 200) wire.shift();
    yield { id, text, reprintOf: null };
  }
}

/**
 * Quotes for timing claim grouping alone: statements of many speakers quoted
 * whole, as excerpts, reworded or as short phrases, with their true claim.
 */
export function syntheticQuotes(total: number, seed = 7): SyntheticQuote[] {
  const g = new Gen(rng(seed));
  const out: SyntheticQuote[] = [];
  let story = g.story();
  let article = 0;
  while (out.length < total) {
    if (g.chance(0.03)) story = g.story();
    const st = g.pick(story.statements);
    const r = g.rand();
    const text = r < 0.4 ? g.wording(st, "whole") : r < 0.65 ? g.wording(st, "excerpt") : r < 0.85 ? g.wording(st, "reworded") : g.phrase(st);
    if (g.chance(0.08)) article++;
    out.push({
      id: `q${out.length}`,
      text,
      articleId: `a${article}`,
      speakerKey: st.speaker.name.toLowerCase(),
      documentKey: st.doc,
      truth: st.truth,
    });
  }
  return out;
}
