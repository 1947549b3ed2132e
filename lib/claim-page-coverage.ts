import "server-only";
import type { FramingRow } from "./claim-page-framing";
import { prisma } from "./db";
import { publicQuoteSql } from "./visibility";

/** How many public quotes of a claim an outlet carries, by fidelity (the claim page's coverage table). */
export interface OutletCoverage {
  outlet: string;
  slug: string;
  quotes: number;
  verbatim: number;
  trimmed: number;
  altered: number;
  other: number;
}

/** Coverage by outlet over every public quote of a claim, from the stored fidelity (lib/quote-fidelity.ts). */
async function coverageInSql(claimId: string): Promise<OutletCoverage[]> {
  const rows = await prisma.$queryRaw<{ outlet: string; slug: string; quotes: bigint; verbatim: bigint; trimmed: bigint; altered: bigint }[]>`
    SELECT o.name AS outlet, o.slug, count(*) AS quotes,
           count(*) FILTER (WHERE q.fidelity = 'verbatim') AS verbatim,
           count(*) FILTER (WHERE q.fidelity = 'trimmed') AS trimmed,
           count(*) FILTER (WHERE q.fidelity = 'altered') AS altered
    FROM "Quote" q JOIN "Article" a ON a.id = q."articleId" JOIN "Outlet" o ON o.id = a."outletId"
    WHERE q."claimId" = ${claimId} AND ${publicQuoteSql("q")}
    GROUP BY o.id, o.name, o.slug`;
  return rows.map((r) => {
    const [quotes, verbatim, trimmed, altered] = [r.quotes, r.verbatim, r.trimmed, r.altered].map(Number);
    return { outlet: r.outlet, slug: r.slug, quotes, verbatim, trimmed, altered, other: quotes - verbatim - trimmed - altered };
  });
}

/** Coverage as measured on the page's rows, when every quote is on the page. */
function coverageOfRows(rows: FramingRow[]): OutletCoverage[] {
  const coverage = new Map<string, OutletCoverage>();
  for (const row of rows) {
    const entry = coverage.get(row.outlet.slug) ?? { outlet: row.outlet.name, slug: row.outlet.slug, quotes: 0, verbatim: 0, trimmed: 0, altered: 0, other: 0 };
    entry.quotes++;
    if (row.fidelity === "verbatim" || row.fidelity === "trimmed" || row.fidelity === "altered") entry[row.fidelity]++;
    else entry.other++;
    coverage.set(row.outlet.slug, entry);
  }
  return [...coverage.values()];
}

/**
 * Every outlet's public quotes of the claim, most quotes first (then by name):
 * counted in SQL when the claim is paged (`rows` is one page of them), else
 * from `rows`, which hold them all.
 */
export async function claimCoverage(claimId: string, rows: FramingRow[], paged: boolean): Promise<OutletCoverage[]> {
  const coverage = new Map<string, OutletCoverage>();
  for (const entry of paged ? await coverageInSql(claimId) : coverageOfRows(rows)) coverage.set(entry.slug, entry);
  return [...coverage.values()].sort((a, b) => b.quotes - a.quotes || a.outlet.localeCompare(b.outlet));
}
