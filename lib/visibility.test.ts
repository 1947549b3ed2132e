import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPublicClaim, isPublicQuote, publicClaimSql, publicQuoteSql } from "./visibility";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Modules that may look at claim or review status themselves, because they are
 * the editors' side of the workflow (what an editor decides, queues, counts),
 * never what a reader gets. Everything else in lib/, app/ and components/ —
 * including any module added later — must ask lib/visibility.ts.
 */
const EDITORIAL = [
  /^lib\/visibility\.ts$/, // the rule itself
  /^lib\/quotes\.ts$/, // confirming, rejecting, moving quotes
  /^lib\/claim-edits\.ts$/, // publishing, unpublishing; the editor's claim list
  /^lib\/ratings\.ts$/, // a rating is dated when its claim is published
  /^lib\/review-queue\.ts$/,
  /^lib\/article-workspace\.ts$/,
  /^lib\/editor-dashboard\.ts$/,
  /^lib\/ingest\.ts$/, // re-analysis must not touch an editor's decision
  /^lib\/ingest-records\.ts$/, // a quote the analysis found is stored as a suggestion
  /^lib\/abandoned-imports\.ts$/, // an import that never completed takes back the untouched drafts it made
  /^lib\/reanalysis\.ts$/, // re-analysis keeps what an editor decided and regroups only untouched drafts
  /^lib\/machine-drafts\.ts$/, // which empty drafts the analysis made may be deleted (never a published one)
  /^lib\/analysis-context\.ts$/, // claim matching sees every quote an editor has not rejected
  /^lib\/alerts\.ts$/, // editors' alerts: which published claim new coverage repeats; confirming its quotes
  /^lib\/validation\//, // the status values an editor may choose
  /^app\/\(editor\)\//,
  /^app\/\(auth\)\//,
  /^components\/editor\//,
];

/** Filters on claim or review status written out by hand: Prisma where clauses, comparisons and SQL. */
const STATUS_FILTERS: { what: string; pattern: RegExp }[] = [
  { what: "a Prisma filter on reviewStatus", pattern: /\breviewStatus\s*:\s*[{"'`]/ },
  { what: "a Prisma filter on a claim status", pattern: /\bstatus\s*:\s*(?:\{\s*(?:not|in|notIn|equals)\b|["'`](?:draft|in_review|published)["'`])/ },
  { what: "a comparison with a status", pattern: /\.(?:status|reviewStatus)\s*[!=]==?\s*["'`](?:draft|in_review|published|suggested|confirmed|rejected)["'`]/ },
  { what: "a comparison with a status", pattern: /["'`](?:draft|in_review|published|suggested|confirmed|rejected)["'`]\s*[!=]==?\s*\w+\.(?:status|reviewStatus)\b/ },
  { what: "SQL on a quote's review status", pattern: /"reviewStatus"\s*(?:<>|!=|=|IN\b|NOT\b)/i },
  { what: "SQL on a claim's status", pattern: /\b\w+\.status\s*(?:<>|!=|=|IN|NOT)\s*[('"]/i },
  { what: "a filter on a claim's stored visibility", pattern: /\bclaimPublic\b/ },
];

function statusFilters(source: string): string[] {
  const found: string[] = [];
  for (const [i, line] of source.split("\n").entries()) {
    for (const { what, pattern } of STATUS_FILTERS) if (pattern.test(line)) found.push(`line ${i + 1}: ${what}: ${line.trim()}`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

describe("what a reader may see has one home", () => {
  it("no public read filters on claim or review status itself", () => {
    const files = ["lib", "app", "components"].flatMap(sourceFiles).filter((f) => !/^lib\/(?:analysis|anchoring)\//.test(f));
    expect(files.length).toBeGreaterThan(50);
    const offences = files
      .filter((f) => !EDITORIAL.some((allowed) => allowed.test(f)))
      .flatMap((f) => statusFilters(readFileSync(path.join(ROOT, f), "utf8")).map((o) => `${f} ${o}`));
    expect(offences).toEqual([]);
  });

  it.each([
    [`where: { reviewStatus: { not: "rejected" } }`],
    [`_count: { select: { quotes: { where: { reviewStatus: "confirmed" } } } }`],
    [`prisma.claim.findMany({ where: { status: "published" } })`],
    [`claim: { status: { in: ["published"] } }`],
    [`if (claim.status !== "published") return null;`],
    [`const shown = "published" === claim.status;`],
    [`WHERE qu."reviewStatus" <> 'rejected'`],
    [`CASE WHEN c.status = 'published' THEN c.slug END`],
  ])("the scan catches %s", (line) => {
    expect(statusFilters(line)).toHaveLength(1);
  });

  it.each([[`select: { reviewStatus: true, status: true }`], [`where: publicQuoteWhere`], [`anchorStatus: "orphaned"`], [`${"$"}{publicClaimSql("c")}`]])(
    "the scan lets %s pass",
    (line) => {
      expect(statusFilters(line)).toEqual([]);
    },
  );
});

describe("the rule", () => {
  it("shows published claims only", () => {
    expect(isPublicClaim({ status: "published" })).toBe(true);
    expect(isPublicClaim({ status: "draft" })).toBe(false);
    expect(isPublicClaim({ status: "in_review" })).toBe(false);
  });

  it("shows only quotes an editor confirmed: a suggestion nobody reviewed is not public", () => {
    expect(isPublicQuote({ reviewStatus: "confirmed" })).toBe(true);
    expect(isPublicQuote({ reviewStatus: "suggested" })).toBe(false);
    expect(isPublicQuote({ reviewStatus: "rejected" })).toBe(false);
  });

  it("gives raw SQL the same rule, on a table alias only", () => {
    expect(publicClaimSql("c").sql).toBe(`c.status IN ('published')`);
    expect(publicQuoteSql("qu").sql).toBe(`qu."reviewStatus" IN ('confirmed')`);
    expect(() => publicClaimSql("c; DROP TABLE x")).toThrow(/not a table alias/);
  });
});
