/**
 * Snapshots of everything a reader can fetch, to prove a refactoring changed
 * nothing for users.
 *
 *   npx tsx scripts/snapshot-public.ts capture OUT [--backup FILE] [--no-build] [--port N]
 *   npx tsx scripts/snapshot-public.ts compare BEFORE AFTER
 *   npx tsx scripts/snapshot-public.ts normalise FILE CONTENT-TYPE
 *
 * `capture` builds the app for production (`next build`, as `npm run build`), starts `server.ts` on a fresh embedded database that
 * seeds itself, and saves every public page, read-API response, export and feed
 * it can reach: a fixed list of entry points (lists, filters, searches, exports,
 * refusals) plus every public link found in the pages and JSON, followed until
 * none is new. It then writes the seeded database to `OUT/seeded.jsonl`
 * (`npm run backup` format).
 *
 * Seeding makes fresh ids and timestamps, so two seeded runs cannot be compared
 * byte for byte. With `--backup FILE` (the `seeded.jsonl` of an earlier capture)
 * the capture also restores that database into a second fresh directory and
 * saves the same pages from it under `OUT/restored/`: same data, new code.
 *
 * `compare BEFORE AFTER` then checks:
 * - AFTER/restored/ against BEFORE/seeded/, byte for byte, after replacing only
 *   what differs between two builds or two requests of the same code: Next's
 *   build id, the hashed `/_next/static/…` asset names and client-module ids in
 *   the page payload, and the request-time `dateModified`/`generated` stamps of
 *   the two exports;
 * - the two seeded databases, with the values a seed run makes afresh (cuid
 *   ids, timestamps of the run) masked and the rows compared as sorted sets, so
 *   that the seed itself (ingest, analysis, editorial decisions) still makes the
 *   same records.
 * It prints every difference and exits 1 if there is any.
 */import { readFileSync } from "node:fs";
import path from "node:path";
import { capture } from "./snapshot/capture";
import { compare, normalise } from "./snapshot/compare";

function usage(): never {
  console.error(
    "usage: snapshot-public.ts capture OUT [--backup FILE] [--no-build] [--port N]\n       snapshot-public.ts compare BEFORE AFTER\n       snapshot-public.ts normalise FILE CONTENT-TYPE",
  );
  process.exit(2);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "capture") {
  const out = args[0];
  if (!out || out.startsWith("--")) usage();
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  await capture(out, { backup: option("--backup"), build: !args.includes("--no-build"), port: Number(option("--port") ?? process.env.PORT ?? 3020) });
} else if (mode === "normalise" && args.length === 2) {
  // What compare sees of one saved response (to read a difference): FILE in OUT/seeded or OUT/restored, its content type.
  const [file, type] = args;
  console.log(normalise(readFileSync(file, "utf8"), type, readFileSync(path.join(path.dirname(path.dirname(path.resolve(file))), "build-id"), "utf8").trim()));
} else if (mode === "compare") {
  if (args.length !== 2) usage();
  process.exitCode = compare(path.resolve(args[0]), path.resolve(args[1]));
} else usage();
