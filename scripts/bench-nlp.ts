// The two NLP libraries considered for attribution, side by side on the project's own news
// texts (tests/fixtures/real/dev and tests/fixtures/heldout):
//   npm run bench:nlp
// Prints MB/s per core from CPU time for wink-nlp's part-of-speech pass (wink-eng-lite-web-model,
// as lib/analysis/nlp.ts runs it) and for compromise's full parse (compromise/two, .json()).
// Whole articles are tagged here; the analysis itself tags only the sentences around quotations.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import compromise from "compromise/two";
import winkModel from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const texts: string[] = [];
for (const d of ["tests/fixtures/real/dev", "tests/fixtures/heldout"]) {
  for (const f of readdirSync(join(root, d))) if (f.endsWith(".txt")) texts.push(readFileSync(join(root, d, f), "utf8"));
}
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const rate = (run: (t: string) => unknown, rounds: number) => {
  for (const t of texts.slice(0, 5)) run(t); // warm-up
  const c0 = cpu();
  for (let r = 0; r < rounds; r++) for (const t of texts) run(t);
  return (bytes * rounds) / 1e6 / (cpu() - c0);
};
const wink = winkNLP(winkModel, ["pos"]);
const w = rate((t) => wink.readDoc(t).tokens().out(wink.its.pos), 5);
const c = rate((t) => compromise(t).json(), 1);
console.log(`${texts.length} articles, ${(bytes / 1000).toFixed(0)} kB`);
console.log(`wink-nlp (pos): ${w.toFixed(2)} MB/s per core (CPU time)`);
console.log(`compromise/two (parse + json): ${c.toFixed(3)} MB/s per core (CPU time)`);
