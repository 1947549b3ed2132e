import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "./db";
import { isoDate } from "./iso-date";
import { publicQuoteCountsByClaim } from "./quote-counts";
import { listKeys, recordClaims, recordKeys } from "./public-cache/keys";
import { publicClaimTagWhere, publicClaimWhere, publicQuoteTagWhere, publicTagWhere } from "./visibility";

/**
 * Reader reads of claims: only what lib/visibility.ts makes public. Each read records the surrogate keys of
 * what it returns (lib/public-cache/keys.ts): the public cache stores the page
 * under them, and an editor's write purges exactly those pages.
 */

export interface ClaimFilters {
  tag?: string;
  speaker?: string;
  outlet?: string;
  verdict?: string;
}

function claimWhere(filters: ClaimFilters): Prisma.ClaimWhereInput {
  return {
    ...publicClaimWhere,
    ...(filters.tag ? { tags: { some: { tag: { slug: filters.tag } } } } : {}),
    ...(filters.speaker ? { speaker: { slug: filters.speaker } } : {}),
    // The stored claim–outlet counts (ClaimOutlet, kept by triggers): an index read, not a scan of the outlet's quotes.
    ...(filters.outlet ? { outlets: { some: { outlet: { slug: filters.outlet } } } } : {}),
    ...(filters.verdict ? { rating: { verdictLabel: { slug: filters.verdict } } } : {}),
  };
}

export interface ClaimListItem {
  id: string;
  slug: string;
  canonical: string;
  summary: string | null;
  publishedAt: string | null;
  speaker: { name: string; slug: string } | null;
  verdict: { name: string; slug: string; ratingValue: number | null } | null;
  tags: { name: string; slug: string; colour: string }[];
  quoteCount: number;
}

async function loadClaimPage(filters: ClaimFilters, page: number, perPage: number) {
  const where = claimWhere(filters);
  const [total, rows] = await Promise.all([
    prisma.claim.count({ where }),
    prisma.claim.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        slug: true,
        canonical: true,
        summary: true,
        publishedAt: true,
        speaker: { select: { name: true, slug: true } },
        rating: { select: { verdictLabel: { select: { name: true, slug: true, ratingValue: true } } } },
        tags: { select: { tag: { select: { name: true, slug: true, colour: true } } }, orderBy: { tag: { name: "asc" } } },
      },
    }),
  ]);
  const quoteCounts = await publicQuoteCountsByClaim(rows.map((c) => c.id));
  const items: ClaimListItem[] = rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    canonical: c.canonical,
    summary: c.summary,
    publishedAt: isoDate(c.publishedAt),
    speaker: c.speaker,
    verdict: c.rating?.verdictLabel ?? null,
    tags: c.tags.map((t) => t.tag),
    quoteCount: quoteCounts.get(c.id) ?? 0,
  }));
  return { items, total, page, perPage, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

export type ClaimPage = Awaited<ReturnType<typeof loadClaimPage>>;

/** Published claims, newest first, filtered by tag, speaker, outlet and verdict slugs. */
export async function listPublishedClaimsPage(filters: ClaimFilters = {}, page = 1, perPage = 20): Promise<ClaimPage> {
  recordKeys(listKeys.claims);
  if (filters.verdict) recordKeys(listKeys.ratings);
  if (filters.tag) recordKeys(listKeys.tags);
  const result = await loadClaimPage(filters, page, perPage);
  recordClaims(result.items.map((c) => c.slug));
  return result;
}

/** The newest published claims (home page). */
export async function listPublishedClaims({ take = 50 }: { take?: number } = {}): Promise<ClaimListItem[]> {
  return (await listPublishedClaimsPage({}, 1, take)).items;
}

/** What the browse filters offer: only values that some published claim has. */
export async function getClaimFacets() {
  recordKeys(listKeys.claims, listKeys.tags, listKeys.ratings);
  const [tags, speakers, outlets, verdicts] = await Promise.all([
    prisma.tag.findMany({
      where: { claims: { some: { claim: publicClaimWhere } } },
      orderBy: { name: "asc" },
      select: { name: true, slug: true, kind: true },
    }),
    prisma.speaker.findMany({ where: { claims: { some: publicClaimWhere } }, orderBy: { name: "asc" }, select: { name: true, slug: true } }),
    prisma.outlet.findMany({
      where: { claims: { some: { claim: publicClaimWhere } } },
      orderBy: { name: "asc" },
      select: { name: true, slug: true },
    }),
    prisma.verdictLabel.findMany({
      where: { ratings: { some: { claim: publicClaimWhere } } },
      orderBy: { sortOrder: "asc" },
      select: { name: true, slug: true },
    }),
  ]);
  return { tags, speakers, outlets, verdicts };
}

/** Tags on published claims, with how many claims carry each. */
export async function listClaimTags() {
  recordKeys(listKeys.claims, listKeys.tags);
  const tags = await prisma.tag.findMany({
    where: publicTagWhere,
    orderBy: { name: "asc" },
    select: { name: true, slug: true, colour: true, kind: true, _count: { select: { claims: { where: publicClaimTagWhere }, quotes: { where: publicQuoteTagWhere } } } },
  });
  return tags.map((t) => ({ name: t.name, slug: t.slug, colour: t.colour, kind: t.kind, claims: t._count.claims, quotes: t._count.quotes }));
}

/** Every published claim slug (sitemaps, exports). */
export async function listPublishedClaimSlugs(): Promise<string[]> {
  const rows = await prisma.claim.findMany({ where: publicClaimWhere, orderBy: { slug: "asc" }, select: { slug: true } });
  return rows.map((r) => r.slug);
}
