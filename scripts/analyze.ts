// Analyses every <id>.txt in DIR and prints the predictions JSON (the format
// shared/eval/score.mjs reads) to stdout, and nothing else.
//
//   npm run --silent analyze -- DIR [--primary DIR] [--stats FILE]
//
// *.raw.txt and *.json files are ignored: the CLI never reads labels.
//
// The folder is streamed: each article is read, analysed and written out (to a
// temporary file) before the next is read, and only the claim index (one entry
// per claim) is kept between articles, so memory does not grow with the
// articles' text. Claims can merge as later articles show two phrases to be one
// assertion, so the temporary file holds claim numbers; a second pass writes it
// to stdout with each number resolved to its final claim key.
//
// --stats FILE writes this process's CPU seconds, wall seconds, peak RSS and
// counts as JSON when it is done (`npm run bench:analysis` reads it).

import { createReadStream, createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { CorpusStream } from "../lib/analysis/pipeline";
import { createSpeakerRegistry } from "../lib/analysis/speakers";

function usage(msg?: string): never {
  if (msg) process.stderr.write(`analyze: ${msg}\n`);
  process.stderr.write("usage: npm run --silent analyze -- DIR [--primary DIR] [--stats FILE]\n");
  process.exit(2);
}

function textFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".txt") && !f.endsWith(".raw.txt"))
      .sort();
  } catch (e) {
    usage(`cannot read ${dir}: ${(e as Error).message}`);
  }
}

/** Writes a line, waiting when the stream's buffer is full (so a huge folder never piles up in memory). */
async function writeLine(out: NodeJS.WritableStream, line: string) {
  if (!out.write(line)) await once(out, "drain");
}

async function main(argv: string[]) {
  let dir: string | undefined;
  let primaryDir: string | undefined;
  let statsFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--primary") primaryDir = argv[++i] ?? usage("--primary needs a directory");
    else if (a.startsWith("--primary=")) primaryDir = a.slice("--primary=".length);
    else if (a === "--stats") statsFile = argv[++i] ?? usage("--stats needs a file");
    else if (a === "-h" || a === "--help") usage();
    else if (!dir) dir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!dir) usage();
  const t0 = performance.now();
  const names = textFiles(dir);
  const primary = primaryDir ? textFiles(primaryDir).map((f) => ({ id: f.slice(0, -4), text: readFileSync(join(primaryDir!, f), "utf8") })) : undefined;
  const stream = new CorpusStream({ registry: createSpeakerRegistry(), primary });

  const tmp = mkdtempSync(join(tmpdir(), "claimscope-analyze-"));
  try {
    const pass1 = join(tmp, "articles.jsonl");
    const spool = createWriteStream(pass1);
    let bytes = 0;
    let quotes = 0;
    for (const f of names) {
      const text = readFileSync(join(dir, f), "utf8");
      bytes += Buffer.byteLength(text);
      const a = stream.add({ id: f.slice(0, -4), text });
      quotes += a.quotes.length;
      const record = {
        id: a.id,
        quotes: a.quotes.map((q) => ({
          start: q.start,
          end: q.end,
          kind: q.kind,
          speaker: q.speakerName,
          claim: q.claim,
          cue: q.cue,
          verb: q.verb,
          fidelity: q.fidelity ? q.fidelity.status : null,
        })),
      };
      await writeLine(spool, JSON.stringify(record) + "\n");
    }
    spool.end();
    await once(spool, "close");

    // Second pass: the same records, each claim number resolved to its final key.
    const out = process.stdout;
    await writeLine(out, '{"articles":[');
    let first = true;
    for await (const line of createInterface({ input: createReadStream(pass1), crlfDelay: Infinity })) {
      if (!line) continue;
      const rec = JSON.parse(line) as { id: string; quotes: { claim: number | string | null }[] };
      for (const q of rec.quotes) if (q.claim !== null) q.claim = stream.claimKey(q.claim as number);
      await writeLine(out, (first ? "" : ",") + JSON.stringify(rec));
      first = false;
    }
    await writeLine(out, "]}\n");

    if (statsFile) {
      const cpu = process.cpuUsage();
      writeFileSync(
        statsFile,
        JSON.stringify({
          articles: names.length,
          bytes,
          quotes,
          claims: stream.claimCount,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          wallSeconds: (performance.now() - t0) / 1000,
          maxRssMB: process.resourceUsage().maxRSS / 1024,
        }) + "\n",
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`analyze: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
