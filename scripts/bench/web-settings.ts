// Settings of `npm run bench:web` (scripts/bench-web.ts), from its arguments and
// environment, and the small helpers its parts share.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";

export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export const PORT = Number(process.env.BENCH_PORT ?? 3400);
export const PG_PORT = PORT + 1;
export const REDIS_PORT = PORT + 2;
export const DURATION = Number(process.env.BENCH_DURATION ?? 5);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
export const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? ".bench-data");
export const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";
export const ZIPF = Number(arg("zipf") ?? 0.8);
/** The server measured: bench:web's own, or BENCH_BASE's (scripts/bench/hot-vs-static.ts, a server started by hand). */
export const BASE = process.env.BENCH_BASE ?? `http://127.0.0.1:${PORT}`;
export const HOT_PAGES = 400;
export const COLD_PAGES = 100;
export const SEARCHES = 100;

export interface CorpusSpecArg {
  kind: "pg" | "pglite";
  quotes: number;
  label: string;
}

export function parseCorpora(text: string): CorpusSpecArg[] {
  return text.split(",").map((part) => {
    const m = /^(pg|pglite):(\d+(?:\.\d+)?)([km]?)$/i.exec(part.trim());
    if (!m) throw new Error(`--corpora: "${part}" is not KIND:SIZE (pg:100k, pglite:10k, pg:1m)`);
    const quotes = Math.round(Number(m[2]) * (m[3].toLowerCase() === "m" ? 1e6 : m[3].toLowerCase() === "k" ? 1e3 : 1));
    return { kind: m[1].toLowerCase() as "pg" | "pglite", quotes, label: `${m[1].toLowerCase() === "pg" ? "PostgreSQL" : "embedded"} ${m[2]}${m[3].toUpperCase()}` };
  });
}

export const corpora = parseCorpora(arg("corpora") ?? "pg:10k,pg:100k,pg:1m,pglite:100k");
export const skipBuild = process.argv.includes("--skip-build");
export const fresh = process.argv.includes("--fresh");

export const uptime = () => loadavg().map((l) => l.toFixed(1)).join(" ");

/**
 * Whether this machine gives shared memory huge pages (Linux `/proc/meminfo`): the huge pages
 * reserved or in use, and how many there are (`vm.nr_hugepages`, 2 MB each). PostgreSQL's
 * `huge_pages=try` takes them when enough are free; without them each server process takes a page
 * fault on every 4 KB of shared buffers it touches first (README "New connections").
 */
export function hugePages(): { used: number; total: number } {
  let text = "";
  try {
    text = readFileSync("/proc/meminfo", "utf8");
  } catch {
    return { used: 0, total: 0 };
  }
  const fields = new Map(text.split("\n").map((line) => [line.slice(0, line.indexOf(":")), Number.parseInt(line.slice(line.indexOf(":") + 1), 10)]));
  const field = (name: string) => fields.get(name) || 0;
  const total = field("HugePages_Total");
  return { used: total - field("HugePages_Free") + field("HugePages_Rsvd"), total };
}
/**
 * The path of a static file `base` serves: the first stylesheet of its home page, a file of the
 * build (`/_next/static/…`) that Next sends as it is, never rendered.
 * @throws Error when the home page links no stylesheet.
 */
export async function staticAsset(base: string): Promise<string> {
  const html = await (await fetch(`${base}/`)).text();
  const href = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error(`${base}/ links no stylesheet of the build to measure as the static file`);
  return href;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
