/**
 * Applies prisma/seed-data/editorial-decisions.json after the pipeline has run
 * over the seed corpus: names and publishes the claims an editor would, moves
 * the quotes that carry them into them, adds reported-speech spans, tags and
 * ratings. Idempotent: a decision whose claim slug exists is skipped, so an
 * editor's later changes are never overwritten.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ClaimStatus, PrismaClient, TagKind } from "@/generated/prisma/client";
import { paragraphRanges } from "@/lib/anchoring/segments";
import { recordAudit } from "@/lib/audit";

interface QuoteDecision {
  article: string;
  text: string;
  reportedSpeech?: boolean;
  tags?: string[];
}

interface ClaimDecision {
  slug: string;
  canonical: string;
  summary?: string;
  speaker: string;
  sourceDocument?: string;
  sourcePassage?: string;
  rebuts?: string;
  quotes: QuoteDecision[];
  tags?: string[];
  rating?: {
    verdict: string;
    verdictExplanation: string;
    fidelity: number;
    fidelityExplanation: string;
    framing: number;
    framingExplanation: string;
  };
  status: ClaimStatus;
}

interface Decisions {
  tags: { slug: string; name: string; kind: TagKind; colour: string }[];
  claims: ClaimDecision[];
}

const CONTEXT = 32;

export async function applyEditorialDecisions(prisma: PrismaClient): Promise<number> {
  const file = path.join(process.cwd(), "prisma", "seed-data", "editorial-decisions.json");
  const decisions = JSON.parse(await readFile(file, "utf8")) as Decisions;

  for (const tag of decisions.tags) {
    await prisma.tag.upsert({ where: { slug: tag.slug }, create: tag, update: {} });
  }

  let applied = 0;
  for (const decision of decisions.claims) {
    if (await prisma.claim.findUnique({ where: { slug: decision.slug }, select: { id: true } })) continue;
    await prisma.$transaction(async (tx) => {
      const speaker = await tx.speaker.findUniqueOrThrow({ where: { slug: decision.speaker }, select: { id: true } });
      const source = decision.sourceDocument
        ? await tx.sourceDocument.findUniqueOrThrow({ where: { slug: decision.sourceDocument }, select: { id: true, text: true } })
        : null;
      const passageStart = source?.text && decision.sourcePassage ? source.text.indexOf(decision.sourcePassage) : -1;
      const rebuts = decision.rebuts
        ? await tx.claim.findUnique({ where: { slug: decision.rebuts }, select: { id: true } })
        : null;
      const published = decision.status === "published";
      const claim = await tx.claim.create({
        data: {
          slug: decision.slug,
          canonical: decision.canonical,
          summary: decision.summary,
          speakerId: speaker.id,
          sourceDocumentId: source?.id ?? null,
          sourceStart: passageStart >= 0 ? passageStart : null,
          sourceEnd: passageStart >= 0 ? passageStart + decision.sourcePassage!.length : null,
          rebutsId: rebuts?.id ?? null,
          status: decision.status,
          publishedAt: published ? new Date() : null,
          tags: decision.tags?.length
            ? { create: await Promise.all(decision.tags.map(async (slug) => ({ tagId: (await tx.tag.findUniqueOrThrow({ where: { slug } })).id }))) }
            : undefined,
        },
        select: { id: true },
      });

      const emptied = new Set<string>();
      for (const q of decision.quotes) {
        const article = await tx.article.findUniqueOrThrow({ where: { slug: q.article }, select: { id: true, body: true } });
        const start = article.body.indexOf(q.text);
        if (start < 0) throw new Error(`editorial decision ${decision.slug}: "${q.text}" is not in ${q.article}`);
        const end = start + q.text.length;
        // The pipeline's quote for this span, if it found one (any overlap).
        const found = await tx.quote.findFirst({
          where: { articleId: article.id, start: { lt: end }, end: { gt: start } },
          orderBy: { start: "asc" },
          select: { id: true, claimId: true },
        });
        const paragraphIndex = paragraphRanges(article.body).findIndex((r) => r.start <= start && r.end >= end);
        let quoteId: string;
        if (found) {
          if (found.claimId) emptied.add(found.claimId);
          await tx.quote.update({
            where: { id: found.id },
            data: { claimId: claim.id, speakerId: speaker.id, reviewStatus: "confirmed", matchScore: null, version: { increment: 1 } },
          });
          quoteId = found.id;
        } else {
          const created = await tx.quote.create({
            data: {
              articleId: article.id,
              claimId: claim.id,
              speakerId: speaker.id,
              exact: q.text,
              prefix: article.body.slice(Math.max(0, start - CONTEXT), start),
              suffix: article.body.slice(end, end + CONTEXT),
              start,
              end,
              kind: q.text.split(/\s+/).length <= 4 ? "phrase" : "statement",
              origin: "editor",
              reviewStatus: "confirmed",
              paragraphIndex: paragraphIndex >= 0 ? paragraphIndex : null,
              inHeadline: paragraphIndex === 0,
            },
            select: { id: true },
          });
          quoteId = created.id;
        }
        for (const slug of q.tags ?? []) {
          const tag = await tx.tag.findUniqueOrThrow({ where: { slug }, select: { id: true } });
          await tx.quoteTag.upsert({
            where: { quoteId_tagId: { quoteId, tagId: tag.id } },
            create: { quoteId, tagId: tag.id },
            update: {},
          });
        }
      }

      if (decision.rating) {
        const label = await tx.verdictLabel.findUniqueOrThrow({ where: { slug: decision.rating.verdict }, select: { id: true } });
        await tx.rating.create({
          data: {
            claimId: claim.id,
            verdictLabelId: label.id,
            verdictExplanation: decision.rating.verdictExplanation,
            fidelityRating: decision.rating.fidelity,
            fidelityExplanation: decision.rating.fidelityExplanation,
            framingRating: decision.rating.framing,
            framingExplanation: decision.rating.framingExplanation,
            publishedAt: published ? new Date() : null,
          },
        });
      }

      // Claims the pipeline made that lost all their quotes to this decision.
      for (const id of emptied) {
        if (id === claim.id) continue;
        const left = await tx.quote.count({ where: { claimId: id } });
        if (left === 0) await tx.claim.deleteMany({ where: { id, status: "draft" } });
      }

      await recordAudit(tx, {
        actorId: null,
        entityType: "claim",
        entityId: claim.id,
        action: "seed-decision",
        after: { slug: decision.slug, status: decision.status, quotes: decision.quotes.length },
      });
    });
    applied++;
  }
  return applied;
}
