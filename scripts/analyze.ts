// Analyses every <id>.txt in DIR together and prints the predictions JSON
// (the format shared/eval/score.mjs reads) to stdout, and nothing else.
//
//   npm run --silent analyze -- DIR [--primary DIR]
//
// *.raw.txt and *.json files are ignored: the CLI never reads labels.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyzeCorpus } from "../lib/analysis/pipeline";
import { createSpeakerRegistry } from "../lib/analysis/speakers";

function usage(msg?: string): never {
  if (msg) process.stderr.write(`analyze: ${msg}\n`);
  process.stderr.write("usage: npm run --silent analyze -- DIR [--primary DIR]\n");
  process.exit(2);
}

function readTexts(dir: string): { id: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    usage(`cannot read ${dir}: ${(e as Error).message}`);
  }
  return names
    .filter((f) => f.endsWith(".txt") && !f.endsWith(".raw.txt"))
    .sort()
    .map((f) => ({ id: f.slice(0, -4), text: readFileSync(join(dir, f), "utf8") }));
}

function main(argv: string[]) {
  let dir: string | undefined;
  let primaryDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--primary") primaryDir = argv[++i] ?? usage("--primary needs a directory");
    else if (a.startsWith("--primary=")) primaryDir = a.slice("--primary=".length);
    else if (a === "-h" || a === "--help") usage();
    else if (!dir) dir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!dir) usage();
  const articles = readTexts(dir);
  const primary = primaryDir ? readTexts(primaryDir) : undefined;
  const result = analyzeCorpus(articles, { registry: createSpeakerRegistry(), primary });
  const predictions = {
    articles: result.articles.map((a) => ({
      id: a.id,
      quotes: a.quotes.map((q) => ({
        start: q.start,
        end: q.end,
        kind: q.kind,
        speaker: q.speakerName,
        claim: q.claimKey,
        cue: q.cue,
        verb: q.verb,
        fidelity: q.fidelity ? q.fidelity.status : null,
      })),
    })),
  };
  process.stdout.write(JSON.stringify(predictions) + "\n");
}

main(process.argv.slice(2));
