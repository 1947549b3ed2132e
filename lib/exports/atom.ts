import "server-only";
import { Feed } from "feed";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "../db";
import { claimKey, listKeys, recordKeys } from "../public-cache/keys";
import { claimUrl, siteUrl, SITE_NAME } from "../site-url";
import { isPlausibleSlug } from "../validation/text";
import { publicClaimWhere, publicQuoteWhere } from "../visibility";

/** Entries per feed: the newest published reviews. */
export const ATOM_ENTRIES = 50;

export type AtomScope = { outlet?: string; tag?: string };

/**
 * /feed.xml: an Atom 1.0 feed (RFC 4287, written by the `feed` package) of the
 * newest published claim reviews (a public claim with a rating), newest review
 * first; `outlet` narrows it to claims that outlet quoted (public quotes only),
 * `tag` to claims with that tag. Visibility from lib/visibility.ts. Returns null
 * for an outlet or tag that does not exist (a 404).
 */
export async function claimReviewsAtom(scope: AtomScope, baseUrl?: string): Promise<string | null> {
  const base = baseUrl ?? (await siteUrl());
  recordKeys(listKeys.claims, listKeys.ratings);
  const where: Prisma.ClaimWhereInput = { ...publicClaimWhere, rating: { isNot: null } };
  let title = `${SITE_NAME}: claim reviews`;
  let self = `${base}/feed.xml`;
  if (scope.outlet !== undefined) {
    const outlet = isPlausibleSlug(scope.outlet) ? await prisma.outlet.findUnique({ where: { slug: scope.outlet }, select: { id: true, name: true, slug: true } }) : null;
    if (!outlet) return null;
    recordKeys(listKeys.outlets, listKeys.quotes);
    where.quotes = { some: { ...publicQuoteWhere, article: { outletId: outlet.id } } };
    title = `${SITE_NAME}: claim reviews quoted by ${outlet.name}`;
    self = `${base}/feed.xml?outlet=${encodeURIComponent(outlet.slug)}`;
  }
  if (scope.tag !== undefined) {
    const tag = isPlausibleSlug(scope.tag) ? await prisma.tag.findUnique({ where: { slug: scope.tag }, select: { id: true, name: true, slug: true } }) : null;
    if (!tag) return null;
    recordKeys(listKeys.tags);
    where.tags = { some: { tagId: tag.id } };
    title = `${title} tagged ${tag.name}`;
    self = scope.outlet !== undefined ? `${self}&tag=${encodeURIComponent(tag.slug)}` : `${base}/feed.xml?tag=${encodeURIComponent(tag.slug)}`;
  }
  const claims = await prisma.claim.findMany({
    where,
    orderBy: [{ rating: { publishedAt: { sort: "desc", nulls: "last" } } }, { updatedAt: "desc" }, { id: "asc" }],
    take: ATOM_ENTRIES,
    select: {
      slug: true,
      canonical: true,
      summary: true,
      publishedAt: true,
      updatedAt: true,
      speaker: { select: { name: true } },
      tags: { select: { tag: { select: { name: true, slug: true } } } },
      rating: { select: { publishedAt: true, updatedAt: true, verdictExplanation: true, verdictLabel: { select: { name: true } } } },
    },
  });
  recordKeys(...claims.map((c) => claimKey(c.slug)));
  const updatedOf = (c: (typeof claims)[number]) => new Date(Math.max(c.updatedAt.getTime(), c.rating?.updatedAt.getTime() ?? 0));
  const feed = new Feed({
    id: self,
    title,
    link: base,
    language: "en",
    feedLinks: { atom: self },
    // The newest change of any entry, else the epoch: a feed with no entry is stable.
    updated: claims.length ? new Date(Math.max(...claims.map((c) => updatedOf(c).getTime()))) : new Date(0),
    copyright: `${SITE_NAME}`,
    generator: SITE_NAME,
  });
  for (const c of claims) {
    const verdict = c.rating?.verdictLabel.name;
    feed.addItem({
      id: claimUrl(c.slug, base),
      link: claimUrl(c.slug, base),
      title: verdict ? `${verdict}: ${c.canonical}` : c.canonical,
      date: updatedOf(c),
      published: c.rating?.publishedAt ?? c.publishedAt ?? undefined,
      description: [c.rating?.verdictExplanation, c.summary].filter(Boolean).join("\n\n") || c.canonical,
      author: c.speaker ? [{ name: c.speaker.name }] : [{ name: SITE_NAME }],
      category: c.tags.map((t) => ({ name: t.tag.name, term: t.tag.slug })),
    });
  }
  return feed.atom1();
}
