import "server-only";
import { newClaimKey } from "./analysis/claims";
import type { FidelityResult } from "./analysis/fidelity";
import type { AnalyzedQuote } from "./analysis/pipeline";
import type { DiffPart } from "./analysis/word-diff";
import { recordAudit } from "./audit";
import type { Tx } from "./db";
import { leadOf, type ClaimGroupPlan, type PlannedQuote, type SpeakerRef } from "./ingest-plan";
import { claimSlug } from "./slug";
import { uniqueRecordSlug } from "./record-addresses";

/**
 * The rows an analysis plan (lib/ingest-plan.ts) becomes, in the caller's
 * transaction: new speakers, new draft claims, and each quote's stored fields.
 * Used by import (lib/ingest.ts) and corpus re-analysis (lib/reanalysis.ts).
 */

/** The fields of a stored quote that the analysis decides (everything but its claim, speaker and review state). */
/** `diff`: an altered quote's diff drawn on its text as printed (lib/word-diff.ts); reader pages measure again from the source. */
export function analysedFields(q: AnalyzedQuote, fidelity: FidelityResult | null, diff?: DiffPart[]) {
  return {
    prefix: q.prefix,
    suffix: q.suffix,
    kind: q.kind,
    cue: q.cue,
    verb: q.verb,
    attributionReason: q.attributionReason,
    fidelity: fidelity ? fidelity.status : null,
    fidelityDiff: diff?.map((d) => ({ op: d.op, text: d.text })),
    paragraphIndex: q.paragraphIndex,
    inHeadline: q.inHeadline,
    hedges: q.hedges,
    documentKey: q.documentKey,
  };
}

/** The stored form of one analysed quote: a suggestion, as the analysis made it. */
export function quoteRow(articleId: string, p: PlannedQuote, groups: ClaimGroupPlan[], claimIds: string[], speakerId: string | null) {
  return {
    articleId,
    claimId: p.group === null ? null : claimIds[p.group],
    speakerId,
    exact: p.q.exact,
    start: p.q.start,
    end: p.q.end,
    origin: "extracted" as const,
    reviewStatus: "suggested" as const,
    matchScore: p.group === null ? null : (groups[p.group].score ?? 1),
    ...analysedFields(p.q, p.fidelity, p.diff),
  };
}

/** Database speaker ids for planned speakers, creating the new ones (once per name). */
export async function materialiseSpeakers(tx: Tx, quotes: { speakerRef: SpeakerRef | null }[]): Promise<(string | null)[]> {
  const created = new Map<string, string>();
  const ids: (string | null)[] = [];
  for (const p of quotes) {
    const ref = p.speakerRef;
    if (!ref) {
      ids.push(null);
    } else if ("id" in ref) {
      ids.push(ref.id);
    } else {
      const key = ref.create.name.toLowerCase();
      let id = created.get(key);
      if (!id) {
        const existing = await tx.speaker.findFirst({ where: { name: { equals: ref.create.name, mode: "insensitive" } }, select: { id: true } });
        id =
          existing?.id ??
          (
            await tx.speaker.create({
              data: {
                ...ref.create,
                slug: await uniqueRecordSlug(tx, "speaker", ref.create.name),
              },
              select: { id: true },
            })
          ).id;
        created.set(key, id);
      }
      ids.push(id);
    }
  }
  return ids;
}

/** The words of a quote as a claim's first canonical wording: no dangling punctuation or brackets. */
export function canonicalFrom(exact: string): string {
  let text = exact.trim().replace(/^[\]\s,;:.…]+/, "").replace(/(?<![\s,;:])[\s,;:]+$/, "");
  if (!text) text = exact.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function materialiseClaims(tx: Tx, plan: { quotes: PlannedQuote[]; groups: ClaimGroupPlan[] }, speakerIds: (string | null)[], actorId: string | null) {
  const ids: string[] = [];
  for (const g of plan.groups) {
    if (g.existingClaimId) {
      ids.push(g.existingClaimId);
      continue;
    }
    // The group's longest statement states the claim most fully.
    const lead = leadOf(plan.quotes, g);
    ids.push(await createClaimFromAnalysis(tx, plan.quotes[lead].q.exact, plan.quotes[lead].fidelity, speakerIds[lead], actorId));
  }
  return ids;
}

/** A draft claim worded as the given quote, tied to its source passage when the quote was found in one. */
export async function createClaimFromAnalysis(tx: Tx, exact: string, fid: FidelityResult | null, speakerId: string | null, actorId: string | null): Promise<string> {
  const canonical = canonicalFrom(exact);
  const base = claimSlug(canonical) || newClaimKey({ text: exact, speakerKey: speakerId });
  const slug = await uniqueRecordSlug(tx, "claim", base);
  const claim = await tx.claim.create({
    data: {
      slug,
      canonical,
      speakerId,
      sourceDocumentId: fid && fid.status !== "not_found" ? fid.sourceId : null,
      sourceStart: fid && fid.status !== "not_found" ? fid.sourceStart : null,
      sourceEnd: fid && fid.status !== "not_found" ? fid.sourceEnd : null,
    },
    select: { id: true },
  });
  await recordAudit(tx, { actorId, entityType: "claim", entityId: claim.id, action: "create-from-analysis", after: { slug, canonical } });
  return claim.id;
}
