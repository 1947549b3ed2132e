import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { NotFoundError } from "./errors";
import { matchRepeat } from "./alert-match";
import { queueAlertWebhooks } from "./alert-webhooks";
import { compareQuotes } from "./analysis/claims";
import { prisma } from "./db";
import { moveQuotesIn } from "./quotes";
import { updateVersioned } from "./versioned-write";
import type { Touched } from "./public-cache/keys";
import { wordDiff, type DiffPart } from "./analysis/word-diff";

/**
 * Alerts: a published claim said again in new coverage. A feed item's quote
 * raises one when the analysis linked it to a PUBLISHED claim (lib/ingest.ts,
 * lib/analysis claim matching; score and reason from compareQuotes against the
 * claim's closest wording), or when it says a published claim of the same
 * speaker in other words (lib/alert-match.ts). One alert per claim while it is
 * open, so a wire story reprinted by 30 outlets is one alert listing 30
 * outlets.
 */

interface LinkedQuote {
  id: string;
  exact: string;
  articleId: string;
  speakerId: string | null;
  documentKey: string | null;
  matchScore: number | null;
  claimId: string;
}

async function closestWording(q: LinkedQuote): Promise<{ quoteId: string | null; score: number; reason: string }> {
  // The claim's wordings from other articles, confirmed ones first.
  const others = await prisma.quote.findMany({
    where: { claimId: q.claimId, articleId: { not: q.articleId }, reviewStatus: { not: "rejected" }, kind: { not: "title" } },
    orderBy: [{ reviewStatus: "asc" }, { createdAt: "asc" }],
    take: 25,
    select: { id: true, exact: true, articleId: true, speakerId: true, documentKey: true },
  });
  const asClaimQuote = (x: Omit<LinkedQuote, "matchScore" | "claimId">) => ({
    id: x.id,
    text: x.exact,
    articleId: x.articleId,
    speakerKey: x.speakerId,
    documentKey: x.documentKey,
  });
  let best: { quoteId: string | null; score: number; reason: string } | null = null;
  for (const o of others) {
    const cmp = compareQuotes(asClaimQuote(o), asClaimQuote(q));
    if (cmp && (!best || cmp.score > best.score)) best = { quoteId: o.id, score: cmp.score, reason: cmp.via };
  }
  return best ?? { quoteId: others[0]?.id ?? null, score: q.matchScore ?? 0, reason: "linked by the analysis" };
}

interface PublishedClaim {
  id: string;
  speakerId: string | null;
  reviewPublishedAt: Date | null;
  wordings: { quoteId: string | null; text: string }[];
}

/** Published claims of these speakers, with their wordings (canonical, source passage, confirmed quotes). */
async function publishedClaimsOf(speakerIds: string[]): Promise<PublishedClaim[]> {
  if (!speakerIds.length) return [];
  const claims = await prisma.claim.findMany({
    where: { status: "published", speakerId: { in: speakerIds } },
    select: {
      id: true,
      speakerId: true,
      canonical: true,
      publishedAt: true,
      rating: { select: { publishedAt: true } },
      quotes: { where: { reviewStatus: "confirmed", kind: { not: "title" } }, take: 20, select: { id: true, exact: true } },
    },
  });
  return claims.map((c) => ({
    id: c.id,
    speakerId: c.speakerId,
    reviewPublishedAt: c.rating?.publishedAt ?? c.publishedAt,
    wordings: [{ quoteId: null, text: c.canonical }, ...c.quotes.map((q) => ({ quoteId: q.id, text: q.exact }))],
  }));
}

interface Hit {
  quoteId: string;
  matchedQuoteId: string | null;
  score: number;
  reason: string;
}

/**
 * Raises or extends alerts for one imported feed item: its quotes that the
 * analysis linked to a published claim, and its quotes that say a published
 * claim of the same speaker in other words (lib/alert-match.ts). Returns the
 * number of alerts it added hits to. Idempotent: a hit is one (alert, quote,
 * outlet).
 */
export async function alertsForFeedItem(feedItemId: string): Promise<number> {
  const item = await prisma.feedItem.findUnique({
    where: { id: feedItemId },
    select: { id: true, articleId: true, publishedAt: true, createdAt: true, feed: { select: { outletId: true } } },
  });
  if (!item?.articleId) return 0;
  const quotes = await prisma.quote.findMany({
    where: { articleId: item.articleId, kind: { not: "title" }, reviewStatus: { not: "rejected" } },
    select: { id: true, exact: true, articleId: true, speakerId: true, documentKey: true, matchScore: true, claimId: true, claim: { select: { status: true } } },
  });
  const published = await publishedClaimsOf([...new Set(quotes.map((q) => q.speakerId).filter((s): s is string => Boolean(s)))]);
  const claimById = new Map(published.map((c) => [c.id, c]));
  const byClaim = new Map<string, Hit[]>();
  const add = (claimId: string, hit: Hit) => byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), hit]);
  for (const q of quotes) {
    if (q.claimId && q.claim?.status === "published") {
      const closest = await closestWording({ ...q, claimId: q.claimId });
      add(q.claimId, { quoteId: q.id, matchedQuoteId: closest.quoteId, score: Math.round(closest.score * 1000) / 1000, reason: closest.reason });
      continue;
    }
    let best: { claimId: string; quoteId: string | null; score: number; reason: string } | null = null;
    for (const c of published) {
      if (c.speakerId !== q.speakerId) continue;
      for (const w of c.wordings) {
        const m = matchRepeat(w.text, q.exact);
        if (m && (!best || m.score > best.score)) best = { claimId: c.id, quoteId: w.quoteId, score: m.score, reason: m.reason };
      }
    }
    if (best) add(best.claimId, { quoteId: q.id, matchedQuoteId: best.quoteId, score: best.score, reason: best.reason });
  }
  const seenAt = item.publishedAt ?? item.createdAt;
  const announced: { alertId: string; outletId: string }[] = [];
  for (const [claimId, hits] of byClaim) {
    const reviewPublishedAt =
      claimById.get(claimId)?.reviewPublishedAt ??
      (await prisma.claim.findUnique({ where: { id: claimId }, select: { publishedAt: true, rating: { select: { publishedAt: true } } } }).then((c) => c?.rating?.publishedAt ?? c?.publishedAt ?? null));
    const after = Boolean(reviewPublishedAt && reviewPublishedAt < seenAt);
    for (let attempt = 0; ; attempt++) {
      try {
        const alertId = await prisma.$transaction(async (tx) => {
          const alert = await tx.alert.upsert({
            where: { openClaimId: claimId },
            create: { claimId, openClaimId: claimId, afterPublication: after },
            // A new outlet changes what the editor decides on: a form loaded before is refused.
            update: { ...(after ? { afterPublication: true } : {}), version: { increment: 1 } },
            select: { id: true },
          });
          await tx.alertHit.createMany({
            data: hits.map((h) => ({ ...h, alertId: alert.id, outletId: item.feed.outletId, feedItemId: item.id })),
            skipDuplicates: true,
          });
          return alert.id;
        });
        announced.push({ alertId, outletId: item.feed.outletId });
        break;
      } catch (error) {
        // Two workers opened the claim's alert at the same moment: the second joins the first.
        if (attempt < 2 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
        throw error;
      }
    }
  }
  // The webhook (when an admin set one) hears of each new alert and each new outlet on one.
  await queueAlertWebhooks(announced);
  return announced.length;
}

export interface AlertView {
  id: string;
  version: number;
  createdAt: Date;
  afterPublication: boolean;
  claim: { id: string; slug: string; canonical: string; publishedAt: Date | null };
  outlets: string[];
  hits: {
    id: string;
    outlet: string;
    quoteId: string;
    wording: string;
    claimWording: string;
    /** What `claimWording` is: the claim's closest quote on file (naming its outlet), or the editor's summary. */
    comparedWith: string;
    diff: DiffPart[];
    score: number;
    reason: string;
    article: { id: string; slug: string; title: string; url: string | null };
  }[];
}

/** Open alerts, newest first, for the editor dashboard (repeats after publication first). */
export async function listOpenAlerts(limit = 20): Promise<AlertView[]> {
  const alerts = await prisma.alert.findMany({
    where: { status: "open" },
    orderBy: [{ afterPublication: "desc" }, { updatedAt: "desc" }],
    take: limit,
    select: {
      id: true,
      version: true,
      createdAt: true,
      afterPublication: true,
      claim: { select: { id: true, slug: true, canonical: true, publishedAt: true } },
      hits: {
        orderBy: { createdAt: "asc" },
        take: 200,
        select: {
          id: true,
          score: true,
          reason: true,
          matchedQuoteId: true,
          outlet: { select: { name: true } },
          quote: { select: { id: true, exact: true, article: { select: { id: true, slug: true, title: true, url: true } } } },
        },
      },
    },
  });
  const matchedIds = [...new Set(alerts.flatMap((a) => a.hits.map((h) => h.matchedQuoteId).filter((x): x is string => Boolean(x))))];
  const matched = new Map(
    (await prisma.quote.findMany({ where: { id: { in: matchedIds } }, select: { id: true, exact: true, article: { select: { outlet: { select: { name: true } } } } } })).map((q) => [
      q.id,
      { exact: q.exact, outlet: q.article.outlet?.name ?? null },
    ]),
  );
  return alerts.map((a) => ({
    id: a.id,
    version: a.version,
    createdAt: a.createdAt,
    afterPublication: a.afterPublication,
    claim: a.claim,
    outlets: [...new Set(a.hits.map((h) => h.outlet.name))].sort((x, y) => x.localeCompare(y)),
    hits: a.hits.map((h) => {
      const closest = h.matchedQuoteId ? matched.get(h.matchedQuoteId) : undefined;
      const claimWording = closest?.exact ?? a.claim.canonical;
      // What the new wording was measured against: the claim's closest quote on file (whose
      // outlet is named), else the editor's summary of the claim.
      const comparedWith = closest ? `Closest wording on file${closest.outlet ? `, as ${closest.outlet} quoted it` : ""}` : "The claim, as the editor summarised it";
      return {
        id: h.id,
        outlet: h.outlet.name,
        quoteId: h.quote.id,
        wording: h.quote.exact,
        claimWording,
        comparedWith,
        diff: wordDiff(claimWording, h.quote.exact),
        score: h.score,
        reason: h.reason,
        article: h.quote.article,
      };
    }),
  }));
}

/**
 * Confirms or dismisses an open alert the editor saw at `version`, in one
 * transaction with its audit event. Confirming moves its quotes into the claim
 * as confirmed quotes (moveQuotesIn, the same audited write as the review
 * queue; quotes an editor rejected meanwhile stay rejected), so they show
 * publicly as any confirmed quote does. Dismissing changes no quote. Returns
 * what the caller must purge from the public cache.
 * @throws NotFoundError when the alert is gone; ConflictError when it was
 * resolved or extended (a new outlet) since the editor loaded it.
 */
export async function resolveAlert(actorId: string, input: { id: string; version: number; decision: "confirm" | "dismiss" }): Promise<Touched> {
  return prisma.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({
      where: { id: input.id },
      select: { id: true, claimId: true, status: true, hits: { select: { quote: { select: { id: true, version: true, reviewStatus: true } } } } },
    });
    if (!alert) throw new NotFoundError("alert");
    const status = input.decision === "confirm" ? "confirmed" : "dismissed";
    await updateVersioned(tx, "alert", {
      where: { id: alert.id, status: "open" },
      version: input.version,
      data: { status, openClaimId: null, resolvedById: actorId, resolvedAt: new Date() },
      conflict: "This alert was resolved or gained new outlets since you loaded the page. Nothing was saved: reload to see it.",
      audit: { actorId, entityType: "alert", entityId: alert.id, action: input.decision, before: { status: alert.status }, after: { status, claimId: alert.claimId } },
    });
    if (input.decision === "dismiss") return {};
    const items = [...new Map(alert.hits.filter((h) => h.quote.reviewStatus !== "rejected").map((h) => [h.quote.id, h.quote])).values()];
    if (!items.length) return {};
    const moved = await moveQuotesIn(tx, actorId, { items: items.map(({ id, version }) => ({ id, version })), claimId: alert.claimId });
    return { claims: moved.claims, articles: moved.articles };
  });
}

/** Open alerts (the editor menu's badge and the dashboard). */
export function countOpenAlerts(): Promise<number> {
  return prisma.alert.count({ where: { status: "open" } });
}
