import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SOURCE_SUBJECT } from "@/lib/analysis/kinds";
import { INDIRECT_SPEECH } from "@/lib/analysis/quotes";
import { COMMENT_HEADING } from "@/lib/html-furniture";
import { joinHyphenated } from "@/lib/paste-cleaner";

/**
 * Every regular expression literal in the app's own code (lib/, app/, server.ts,
 * proxy.ts, scripts/, prisma/) gets 25 KB inputs of the shapes that make a
 * backtracking engine go super-linear: long runs of each kind of character the
 * pattern can meet, behind the prefixes that get a match started, with a
 * character at the end that makes it fail. Each run must finish within 250 ms
 * (and is stopped there: a catastrophic pattern fails the test instead of
 * hanging it). A quadratic pattern takes some 3·10⁸ steps on 25 KB, far past
 * the budget, while a linear one takes about a millisecond; the size and the
 * budget were 100 KB and 1 s, the same ratio, at four times the suite's time. The lint rules (eslint-plugin-regexp's
 * no-super-linear-backtracking / no-super-linear-move) check the same
 * statically; this checks it by running the patterns.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCES = ["lib", "app", "scripts", "prisma", "server.ts", "proxy.ts"];
const SIZE = 25 * 1024;
const BUDGET_MS = 250;

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isFile()) return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [entry] : [];
  return readdirSync(full).flatMap((name) => (name === "node_modules" || name === "seed-data" ? [] : files(path.join(entry, name))));
}

/**
 * Patterns the code builds with `new RegExp(…)`, which neither the literal scan
 * nor the lint rules can read. Each place is listed: a module constant is run
 * like a literal (CONSTRUCTED); a pattern built per call is named with why its
 * input cannot make it slow, and run where it reads untrusted text (below).
 * A new `new RegExp(` anywhere fails "every constructed pattern is accounted for".
 */
const CONSTRUCTED: Record<string, RegExp | string> = {
  "lib/html-furniture.ts": COMMENT_HEADING,
  "lib/analysis/kinds.ts": SOURCE_SUBJECT,
  "lib/analysis/quotes.ts": INDIRECT_SPEECH,
  "lib/validation/text.ts": "CONTROL, a literal (run above), with other flags",
  "lib/paste-cleaner.ts": "two words of letters around a hyphen, each side a fixed string: run below through joinHyphenated",
  "lib/analysis/attribution/mentions.ts": "one word of a name between \\b, tested against a speaker's name, never the article",
  "lib/analysis/attribution.ts": "an alternation of escaped literal words (document names) between \\b: no quantifier",
};

function constructedPlaces(): string[] {
  return SOURCES.flatMap(files).filter((file) => /\bnew RegExp\(/.test(readFileSync(path.join(ROOT, file), "utf8")));
}

function patterns(): Pattern[] {
  const found: Pattern[] = [];
  for (const [file, re] of Object.entries(CONSTRUCTED)) if (re instanceof RegExp) found.push({ where: `${file} (new RegExp)`, source: re.source, flags: re.flags });
  for (const file of SOURCES.flatMap(files)) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const end = literal.lastIndexOf("/");
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ where: `${file}:${line}`, source: literal.slice(1, end), flags: literal.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

// One of each kind of character the app's patterns deal in: spaces and line
// breaks, letters of each case, digits, punctuation, quotation marks of every
// style, dashes, brackets, markup and non-Latin text.
const ALPHABET = [" ", "\n", "\t", "\u00a0", "a", "A", "0", "_", ".", ",", ";", ":", "-", "—", "'", '"', "“", "”", "‘", "’", "«", "»", "(", ")", "[", "<", "/", "\\", "&", "#", "%", "=", "?", "é", "ж", "中", "\u200b"];
const PREFIXES = ["", "Ab", "Ab, ", "“", "said "];

/** `body` behind each prefix, ended by a character that makes a match fail. */
function prefixed(body: string): string[] {
  return PREFIXES.map((prefix) => `${prefix}${body}\u0000!`);
}

// The shapes every pattern gets, built once (some 250 strings of SIZE).
const COMMON_SHAPES = [
  ...ALPHABET.map((c) => c.repeat(SIZE / c.length)),
  // Pairs alternate two kinds (word, space, word, space, …), which defeats patterns of runs of one.
  ...[["a", " "], ["A", " "], ["a", "."], ["a", ","], ["a", "-"], ["a", "\n"], ["0", "."], ["“", " "], ["a", "'"], ["\n", " "]].map(([a, b]) => (a + b).repeat(SIZE / 2)),
].flatMap(prefixed);

function* shapes(pattern: Pattern): Generator<string> {
  yield* COMMON_SHAPES;
  // The pattern's own words (cue verbs, titles…), repeated.
  for (const word of new Set(pattern.source.match(/[a-z]{3,}/gi) ?? [])) yield* prefixed(`${word} `.repeat(Math.ceil(SIZE / (word.length + 1))));
}

const context = vm.createContext({});
const runOne = `(input) => { const re = new RegExp(source, flags); return flags.includes("g") ? (input.match(re) ?? []).length : Number(re.test(input)); }`;
const run = new vm.Script(`(${runOne})(input)`);
const runAll = new vm.Script(`{ const one = ${runOne}; let n = 0; for (const input of inputs) n += one(input); n; }`);

/** Runs `script` over the context's inputs; false when stopped after `timeout` ms of wall time. */
function within(script: vm.Script, values: Record<string, unknown>, timeout = BUDGET_MS): boolean {
  Object.assign(context, values);
  try {
    script.runInContext(context, { timeout });
    return true;
  } catch (error) {
    if (/timed out/i.test(String(error))) return false;
    throw error;
  }
}

/**
 * Milliseconds of CPU for the pattern over the input, or Infinity when stopped at WALL_CAP_MS of
 * wall time. CPU time, not wall time, is judged: on a machine busy with other work (CI runs the
 * other test files beside this one) a linear pattern's 60 ms can take 300 ms of wall time, while
 * a pattern that backtracks without end uses its CPU whatever else runs.
 */
function time(pattern: Pattern, input: string): number {
  const start = process.cpuUsage();
  if (!within(run, { source: pattern.source, flags: pattern.flags, input }, WALL_CAP_MS)) return Infinity;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Wall time after which one shape is stopped: enough for BUDGET_MS of CPU on a loaded machine. */
const WALL_CAP_MS = 20 * BUDGET_MS;

describe(`regular expressions on ${SIZE / 1024} KB pathological input`, () => {
  const all = patterns();
  // A pattern written out in several places is run once, under its first place.
  const distinct = [...new Map(all.map((p): [string, Pattern] => [`/${p.source}/${p.flags}`, p]).reverse()).values()];

  it("finds the project's patterns", () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it("every constructed pattern is accounted for", () => {
    expect(constructedPlaces().sort()).toEqual(Object.keys(CONSTRUCTED).sort());
  });

  it(`joinHyphenated's per-call patterns over ${SIZE / 1024} KB of pasted text finish within ${BUDGET_MS} ms`, () => {
    for (const text of [["inter", " "], ["inter-", "national "], ["a-", "b"]].map(([a, b]) => (a + b).repeat(SIZE / (a.length + b.length)))) {
      const start = performance.now();
      joinHyphenated("inter-", "national", text);
      expect(performance.now() - start).toBeLessThan(BUDGET_MS);
    }
  });

  it(`every pattern finishes each shape within ${BUDGET_MS} ms`, { timeout: 600_000 }, () => {
    const slow: string[] = [];
    for (const pattern of distinct) {
      const inputs = [...shapes(pattern)];
      // Every shape within one budget in all is every shape within its own: the usual case,
      // and one timed run instead of hundreds. Otherwise each shape is timed on its own.
      if (within(runAll, { source: pattern.source, flags: pattern.flags, inputs })) continue;
      for (const input of inputs) {
        const ms = time(pattern, input);
        if (ms >= BUDGET_MS) {
          slow.push(`${pattern.where} /${pattern.source}/${pattern.flags} on ${JSON.stringify(input.slice(0, 12))}… (${SIZE / 1024} KB): ${ms === Infinity ? `stopped at ${BUDGET_MS} ms` : `${Math.round(ms)} ms`}`);
          break; // one shape is enough to name the pattern
        }
      }
    }
    expect(slow).toEqual([]);
  });
});
