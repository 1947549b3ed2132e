import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "./db";
import { measureQuote, prepareSourceText, type SourceText } from "./quote-fidelity";

/**
 * Keeps each quote's stored fidelity (`Quote.fidelity`, and the altered quotes'
 * `fidelityDiff`) true to its claim's source document. Outlet statistics, a
 * claim's coverage table, /api/quotes, the quotes CSV and the W3C export read
 * the stored value, so every write that changes what a quote is measured
 * against calls this in its transaction: a source added, corrected or linked;
 * a claim's source changed; quotes moved to another claim (bulk move, merge,
 * an alert confirmed, a new claim from a quote); a quote's span or claim edited.
 * A quote with no claim, or whose claim has no source text, is unchecked (null).
 *
 * `where` selects the quotes; returns how many changed class.
 */
export async function remeasureQuotes(tx: Tx, where: Prisma.QuoteWhereInput): Promise<number> {
  const quotes = await tx.quote.findMany({
    where,
    select: { id: true, exact: true, kind: true, fidelity: true, fidelityDiff: true, claim: { select: { sourceDocumentId: true } } },
  });
  const sourceIds = [...new Set(quotes.map((q) => q.claim?.sourceDocumentId).filter((id): id is string => Boolean(id)))];
  const sources = new Map<string, SourceText | null>(
    (await tx.sourceDocument.findMany({ where: { id: { in: sourceIds } }, select: { id: true, text: true } })).map((s) => [s.id, prepareSourceText(s.text)]),
  );
  let changed = 0;
  for (const q of quotes) {
    const sourceId = q.claim?.sourceDocumentId;
    const m = measureQuote(q.exact, sourceId ? (sources.get(sourceId) ?? null) : null, q.kind);
    const diff = m.fidelity === "altered" ? m.diff.map((d) => ({ op: d.op, text: d.text })) : null;
    if (m.fidelity === q.fidelity && JSON.stringify(diff) === JSON.stringify(q.fidelityDiff ?? null)) continue;
    if (m.fidelity !== q.fidelity) changed++;
    await tx.quote.update({ where: { id: q.id }, data: { fidelity: m.fidelity, fidelityDiff: diff ?? Prisma.DbNull } });
  }
  return changed;
}

/** remeasureQuotes for every quote of these claims. */
export function remeasureClaimQuotes(tx: Tx, claimIds: string[]): Promise<number> {
  return claimIds.length ? remeasureQuotes(tx, { claimId: { in: claimIds } }) : Promise.resolve(0);
}
