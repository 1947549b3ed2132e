/**
 * `snapshot-public.ts compare`: two captures byte for byte, after masking only
 * what differs between two builds or two requests of the same code (see
 * scripts/snapshot-public.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Entry } from "./capture";

/**
 * What two builds of the same code, or two requests, may print differently:
 * Next's build id, content-hashed asset names, the ids the bundler gives client
 * modules, and the two exports' request-time stamps.
 */
function normaliseText(text: string, buildId: string): string {
  return (buildId ? text.split(buildId).join("<build-id>") : text)
    .replace(/\/_next\/static\/[^"'\s)\\]+/g, "/_next/static/<asset>")
    // The bundler's runtime lists its chunks without the /_next/ prefix.
    .replace(/"static\/chunks\/[^"\\]+(\\?")/g, '"static/chunks/<asset>$1')
    .replace(/"(dateModified|generated)":"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"$1":"<now>"');
}

/**
 * React's flight payload (the page's data for hydration) as rows, in order of
 * their ids. Next streams it in `self.__next_f.push` scripts whose boundaries
 * and order follow the timing of the render, so the rows are compared, not the
 * scripts. Rows naming a chunk or a client module (bundler ids) are masked.
 */
function flightRows(html: string): string[] {
  let payload = "";
  for (const m of html.matchAll(/<script>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    const [kind, text] = JSON.parse(m[1]) as [number, string?];
    if (kind === 1 && text) payload += text;
  }
  const bytes = Buffer.from(payload, "utf8");
  const rows: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = bytes.subarray(i, colon).toString();
    let end: number;
    if (bytes[colon + 1] === 0x54 /* T: text of a given byte length */) {
      const comma = bytes.indexOf(0x2c, colon);
      end = comma + 1 + parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
    } else {
      end = bytes.indexOf(0x0a, colon);
      if (end < 0) end = bytes.length;
    }
    let row = bytes.subarray(colon + 1, end).toString();
    if (/^I\[/.test(row)) row = row.replace(/^I\[[^\]]*\]/, "I[<module>]");
    if (/^"\/_next\/static\//.test(row)) row = '"<chunk>"';
    rows.push(`${id}:${row}`);
    i = bytes[end] === 0x0a ? end + 1 : end;
  }
  return rows.sort();
}

/**
 * The markup a reader gets, without what the bundler decides: chunk scripts and
 * their preload/stylesheet links (their number and order follow how modules
 * were split), and the flight scripts (compared as rows). JSON-LD and every
 * other inline script stay.
 */
function markup(html: string): string {
  return html
    .replace(/<script\b[^>]+\bsrc="[^"]*"[^>]*><\/script>/g, "")
    .replace(/<script>\(?self\.__next_f[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]+\bhref="\/_next\/static\/[^"]*"[^>]*>/g, "");
}

export function normalise(body: string, type: string, buildId: string): string {
  if (!type.startsWith("text/html")) return normaliseText(body, buildId);
  return `${normaliseText(markup(body), buildId)}\n---- flight rows ----\n${flightRows(body).map((r) => normaliseText(r, buildId)).join("\n")}`;
}

function readIndex(dir: string): Map<string, Entry> {
  const entries = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Entry[];
  return new Map(entries.map((e) => [e.url, e]));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 120));
  return `at character ${i}:\n      before ${show(a)}\n      after  ${show(b)}`;
}

function comparePages(beforeDir: string, beforeBuild: string, afterDir: string, afterBuild: string): string[] {
  const problems: string[] = [];
  const before = readIndex(beforeDir);
  const after = readIndex(afterDir);
  for (const url of before.keys()) if (!after.has(url)) problems.push(`${url}: only before`);
  for (const url of after.keys()) if (!before.has(url)) problems.push(`${url}: only after`);
  for (const [url, b] of before) {
    const a = after.get(url);
    if (!a) continue;
    if (a.status !== b.status || a.type !== b.type) problems.push(`${url}: ${b.status} ${b.type} before, ${a.status} ${a.type} after`);
    const bodyBefore = normalise(readFileSync(path.join(beforeDir, b.file), "utf8"), b.type, beforeBuild);
    const bodyAfter = normalise(readFileSync(path.join(afterDir, a.file), "utf8"), a.type, afterBuild);
    if (bodyBefore !== bodyAfter) problems.push(`${url}: body differs ${firstDifference(bodyBefore, bodyAfter)}`);
  }
  return problems;
}

/** A seeded database with what a seed run makes afresh masked: ids and the run's own timestamps. */
function seededRows(file: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string[] | null = null;
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  for (const line of lines.slice(1)) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (typeof value.table === "string" && Array.isArray(value.columns) && typeof value.rows === "number" && Object.keys(value).length === 3) {
      current = [];
      tables.set(value.table, current);
      continue;
    }
    const masked = line
      .replace(/"c[a-z0-9]{24}"/g, '"<id>"')
      // Timestamps of the run (2025 and later); the corpus's own dates are older.
      .replace(/"20(?:2[5-9]|[3-9]\d)-\d\d-\d\dT[\d:.+-]+"/g, '"<now>"')
      // better-auth's random ids (uuids) and salted password hashes.
      .replace(/"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '"<uuid>"')
      .replace(/"password":"[^"]*"/g, '"password":"<hash>"');
    current?.push(masked);
  }
  for (const rows of tables.values()) rows.sort();
  return tables;
}

function compareSeeds(beforeFile: string, afterFile: string): string[] {
  const problems: string[] = [];
  const before = seededRows(beforeFile);
  const after = seededRows(afterFile);
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(table) ?? [];
    const a = after.get(table) ?? [];
    const onlyBefore = b.filter((row) => !a.includes(row));
    const onlyAfter = a.filter((row) => !b.includes(row));
    if (b.length !== a.length || onlyBefore.length || onlyAfter.length) {
      problems.push(`seeded ${table}: ${b.length} rows before, ${a.length} after`);
      for (const row of onlyBefore.slice(0, 3)) problems.push(`    only before: ${row.slice(0, 300)}`);
      for (const row of onlyAfter.slice(0, 3)) problems.push(`    only after:  ${row.slice(0, 300)}`);
    }
  }
  return problems;
}

export function compare(beforeDir: string, afterDir: string): number {
  const buildOf = (dir: string) => readFileSync(path.join(dir, "build-id"), "utf8").trim();
  const restored = path.join(afterDir, "restored");
  if (!existsSync(restored)) {
    console.error(`${afterDir} has no restored/ pages: capture it with --backup ${path.join(beforeDir, "seeded.jsonl")}`);
    return 2;
  }
  const problems = [
    ...comparePages(path.join(beforeDir, "seeded"), buildOf(beforeDir), restored, buildOf(afterDir)),
    ...compareSeeds(path.join(beforeDir, "seeded.jsonl"), path.join(afterDir, "seeded.jsonl")),
  ];
  const count = readdirSync(restored).length - 1;
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} differences` : `identical: ${count} public responses, and the seeded database`);
  return problems.length ? 1 : 0;
}
