import "server-only";
import type { FramingRow } from "./claim-page-framing";
import { prisma } from "./db";

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

/**
 * Coverage by outlet over every public quote of a claim: the claim's stored claim–outlet rows (their
 * fidelity counts, kept by triggers from the quotes' stored fidelity, lib/quote-fidelity.ts;
 * migration claim_outlet_framing), one row per outlet instead of the claim's quotes (22k for the
 * largest claim at 1M quotes, 1.3 s cold).
 */
async function coverageInSql(claimId: string): Promise<OutletCoverage[]> {
  const rows = await prisma.claimOutlet.findMany({
    where: { claimId },
    select: { quotes: true, verbatim: true, trimmed: true, altered: true, outlet: { select: { name: true, slug: true } } },
  });
  return rows.map((r) => ({
    outlet: r.outlet.name,
    slug: r.outlet.slug,
    quotes: r.quotes,
    verbatim: r.verbatim,
    trimmed: r.trimmed,
    altered: r.altered,
    other: r.quotes - r.verbatim - r.trimmed - r.altered,
  }));
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
