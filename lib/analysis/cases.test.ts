// Field cases (tests/fixtures/cases/analysis, copied from shared/eval/cases/analysis): each
// reproduces one KIND of extraction or attribution fault. Gold folders hold when extraction
// and attribution are perfect, no statement or phrase is typed title and claim pairs (where
// there are any) are perfect; examples.json gives the exact words that must (or must not) be
// found, their kind and the acceptable speaker names. The C kinds (claim grouping) are checked
// in claims tests.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normSpeaker, overlap, predictFolder, scoreGold } from "../../tests/support/gold-score";
import { analyzeCorpus } from "./pipeline";
import { createSpeakerRegistry } from "./speakers";

const DIR = join(import.meta.dirname, "..", "..", "tests", "fixtures", "cases", "analysis");

// Cases that do not hold yet: each runs as `it.fails`, so the suite turns red the moment one
// starts to hold and must be moved out of this list (a ratchet, not a skip).
const PENDING = new Set<string>([]);
const test = (key: string) => (PENDING.has(key) ? it.fails : it);

describe("field cases: gold folders", () => {
  const folders = readdirSync(DIR).filter((f) => statSync(join(DIR, f)).isDirectory()).sort();

  it("are all here", () => {
    expect(folders.length).toBeGreaterThanOrEqual(17);
  });

  for (const folder of folders) test(folder)(folder, () => {
    const dir = join(DIR, folder);
    const s = scoreGold(dir, predictFolder(dir));
    const summary = {
      extraction: s.extraction.f1,
      titled: s.extraction.titled,
      attribution: s.attribution.total ? s.attribution.accuracy : 1,
      claims: s.claims.pairs ? s.claims.f1 : 1,
      problems: s.problems,
    };
    expect(summary).toEqual({ extraction: 1, titled: 0, attribution: 1, claims: 1, problems: [] });
  });
});

interface Example {
  kind: string;
  title: string;
  articles: { id: string; text: string }[];
  quotes: { quote: string; kind?: string; speaker?: string[] }[];
}

describe("field cases: examples.json (extraction, attribution and kind)", () => {
  const examples = (JSON.parse(readFileSync(join(DIR, "examples.json"), "utf8")) as Example[]).filter((e) => /^[XAT]/.test(e.kind));
  const registry = createSpeakerRegistry();

  for (const ex of examples) test(ex.kind)(`${ex.kind} ${ex.title}`, () => {
    const res = analyzeCorpus(ex.articles, { registry });
    const problems: string[] = [];
    for (const want of ex.quotes) {
      const art = ex.articles.find((a) => a.text.includes(want.quote));
      if (!art) throw new Error(`example words not in any article: ${want.quote}`);
      const at = art.text.indexOf(want.quote);
      const quotes = res.articles.find((a) => a.id === art.id)!.quotes;
      const found = quotes.find((q) => overlap([q.start, q.end], [at, at + want.quote.length]) >= 0.8);
      if (want.kind === "none") {
        if (found) problems.push(`found "${want.quote}", which is no quotation`);
        continue;
      }
      if (!found) {
        problems.push(`missed "${want.quote}"`);
        continue;
      }
      if (want.kind && found.kind !== want.kind) problems.push(`"${want.quote}" typed ${found.kind}, not ${want.kind}`);
      if (!want.speaker) continue;
      const ok = want.speaker.length ? want.speaker.map(normSpeaker).includes(normSpeaker(found.speakerName)) : found.speakerName === null;
      if (!ok) problems.push(`"${want.quote}": speaker ${found.speakerName}, want ${want.speaker.join(" | ") || "none"}`);
    }
    expect(problems).toEqual([]);
  });
});
