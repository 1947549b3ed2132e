import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "./db";
import { isoDate } from "./iso-date";
import { publicQuoteCountsByClaim } from "./quote-counts";
import { listKeys, recordClaims, recordKeys } from "./public-cache/keys";
import { publicClaimLinkSql, publicClaimLinkWhere, publicClaimSql, publicClaimTagWhere, publicClaimWhere, publicQuoteTagWhere, publicTagWhere } from "./visibility";

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

/** What a ClaimListItem is made of, but its quote count (counted apart, by the reader's rule). */
export const claimListSelect = {
  id: true,
  slug: true,
  canonical: true,
  summary: true,
  publishedAt: true,
  speaker: { select: { name: true, slug: true } },
  rating: { select: { verdictLabel: { select: { name: true, slug: true, ratingValue: true } } } },
  tags: { select: { tag: { select: { name: true, slug: true, colour: true } } } },
} satisfies Prisma.ClaimSelect;

type ClaimListRow = Prisma.ClaimGetPayload<{ select: typeof claimListSelect }>;

export function toClaimListItem(c: ClaimListRow, quoteCount: number): ClaimListItem {
  return {
    id: c.id,
    slug: c.slug,
    canonical: c.canonical,
    summary: c.summary,
    publishedAt: isoDate(c.publishedAt),
    speaker: c.speaker,
    verdict: c.rating?.verdictLabel ?? null,
    tags: c.tags.map((t) => t.tag),
    quoteCount,
  };
}

/** The one table that holds a filter's rows, with the claim's visibility and date stored on each (migration claim_list_keys). */
const LINKS = {
  tag: { table: "ClaimTag", key: "tagId", values: "Tag" },
  outlet: { table: "ClaimOutlet", key: "outletId", values: "Outlet" },
  verdict: { table: "Rating", key: "verdictLabelId", values: "VerdictLabel" },
} as const;

/** The count and a page of the public claims with one tag, outlet or verdict (`slug`), from that table's index alone. */
export function linkedClaimsSql(filter: keyof typeof LINKS, slug: string) {
  const link = LINKS[filter];
  // The value's id as a subquery (an InitPlan), not a join: the index scan on `l` is then the
  // plan's only input, so its order is the list's order and no sort is needed.
  const from = Prisma.sql`FROM ${Prisma.raw(`"${link.table}"`)} l
    WHERE l.${Prisma.raw(`"${link.key}"`)} = (SELECT v.id FROM ${Prisma.raw(`"${link.values}"`)} v WHERE v.slug = ${slug}) AND ${publicClaimLinkSql("l")}`;
  return {
    count: Prisma.sql`SELECT count(*) AS n ${from}`,
    page: (limit: number, offset: number) => Prisma.sql`SELECT l."claimId" AS id ${from} ORDER BY l."claimPublishedAt" DESC, l."claimId" LIMIT ${limit} OFFSET ${offset}`,
  };
}

/**
 * The page's claim ids, newest first, and how many match. A list filtered by one tag, outlet or
 * verdict alone is read from that table's index (key, the claim's stored visibility and date,
 * claim id): the count and the page never read a claim (a verdict at 1M quotes: 0.5 s → ms). A
 * list filtered by speaker alone pages through the claims' (speakerId, status, publishedAt DESC,
 * id) index and takes its count from SpeakerCount. Any other list pages through the claims' own
 * index (status, publishedAt DESC, id), ids only, so a deep page is skipped in the index without
 * reading the rows it skips; unfiltered, its count is the stored total (publishedClaimTotal).
 */
async function pageIds(filters: ClaimFilters, page: number, perPage: number): Promise<{ ids: string[]; total: number }> {
  const set = (Object.keys(LINKS) as (keyof typeof LINKS)[]).filter((k) => filters[k]);
  if (set.length === 1 && !filters.speaker) {
    const sql = linkedClaimsSql(set[0], filters[set[0]]!);
    const [count, rows] = await Promise.all([prisma.$queryRaw<{ n: bigint }[]>(sql.count), prisma.$queryRaw<{ id: string }[]>(sql.page(perPage, (page - 1) * perPage))]);
    return { ids: rows.map((r) => r.id), total: Number(count[0]?.n ?? 0) };
  }
  if (set.length === 0 && filters.speaker) {
    // The speaker's id as a subquery (an InitPlan), as linkedClaimsSql does: the index on (speaker,
    // status, publishedAt DESC, id) then gives the page in order; the count is the stored one.
    const speaker = Prisma.sql`(SELECT s.id FROM "Speaker" s WHERE s.slug = ${filters.speaker})`;
    const [count, rows] = await Promise.all([
      prisma.$queryRaw<{ n: number }[]>`SELECT n.claims AS n FROM "SpeakerCount" n WHERE n."speakerId" = ${speaker}`,
      prisma.$queryRaw<{ id: string }[]>`
        SELECT c.id FROM "Claim" c WHERE c."speakerId" = ${speaker} AND ${publicClaimSql("c")}
        ORDER BY c."publishedAt" DESC, c.id LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
    ]);
    return { ids: rows.map((r) => r.id), total: Number(count[0]?.n ?? 0) };
  }
  const where = claimWhere(filters);
  const [total, rows] = await Promise.all([
    set.length === 0 ? publishedClaimTotal() : prisma.claim.count({ where }),
    prisma.claim.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], skip: (page - 1) * perPage, take: perPage, select: { id: true } }),
  ]);
  return { ids: rows.map((r) => r.id), total };
}

/**
 * How many claims are published: the stored total (PublicClaimTotal, kept by the claims' trigger in
 * the writes' transactions; migration public_claim_total), one row read instead of a count of every
 * published claim (100 ms at 100k claims on PostgreSQL). No row means none.
 */
async function publishedClaimTotal(): Promise<number> {
  return (await prisma.publicClaimTotal.findUnique({ where: { id: 1 }, select: { claims: true } }))?.claims ?? 0;
}

async function loadClaimPage(filters: ClaimFilters, page: number, perPage: number) {
  const { ids, total } = await pageIds(filters, page, perPage);
  // The rows through lib/visibility.ts's rule as well: the stored keys only chose and ordered them.
  const [found, quoteCounts] = await Promise.all([
    prisma.claim.findMany({
      where: { ...publicClaimWhere, id: { in: ids } },
      // Here each claim's tags by name; the outlet and speaker pages keep the order they always had.
      select: { ...claimListSelect, tags: { ...claimListSelect.tags, orderBy: { tag: { name: "asc" } } } },
    }),
    publicQuoteCountsByClaim(ids),
  ]);
  const byId = new Map(found.map((c) => [c.id, c]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const items = rows.map((c) => toClaimListItem(c, quoteCounts.get(c.id) ?? 0));
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

/** How many speakers the /claims speaker filter offers: those with the most published claims. */
export const SPEAKER_FACET_SIZE = 100;

/**
 * What the browse filters offer: only values that some published claim has. Speakers are the
 * SPEAKER_FACET_SIZE with the most published claims (ties by id), by name, plus `selectedSpeaker`
 * (a slug) when it has a published claim and is not among them; `moreSpeakers` says whether others
 * were left out (they are on /speakers). A list of every speaker was 5,000 options and 1.1 MB of
 * HTML at 1M quotes.
 */
export async function getClaimFacets(selectedSpeaker?: string) {
  recordKeys(listKeys.claims, listKeys.tags, listKeys.ratings);
  // Stored keys, not the claims: a tag, outlet or verdict row says whether its claim is public, and
  // SpeakerCount counts each speaker's published claims (read in the order of its claims index).
  const [tags, top, selected, outlets, verdicts] = await Promise.all([
    prisma.tag.findMany({ where: { claims: { some: publicClaimLinkWhere } }, orderBy: { name: "asc" }, select: { name: true, slug: true, kind: true } }),
    prisma.speakerCount.findMany({
      where: { claims: { gt: 0 } },
      orderBy: [{ claims: "desc" }, { speakerId: "asc" }],
      take: SPEAKER_FACET_SIZE + 1,
      select: { speaker: { select: { name: true, slug: true } } },
    }),
    selectedSpeaker ? prisma.speaker.findFirst({ where: { slug: selectedSpeaker, counts: { claims: { gt: 0 } } }, select: { name: true, slug: true } }) : null,
    prisma.outlet.findMany({ where: { claims: { some: publicClaimLinkWhere } }, orderBy: { name: "asc" }, select: { name: true, slug: true } }),
    prisma.verdictLabel.findMany({ where: { ratings: { some: publicClaimLinkWhere } }, orderBy: { sortOrder: "asc" }, select: { name: true, slug: true } }),
  ]);
  const speakers = top.slice(0, SPEAKER_FACET_SIZE).map((row) => row.speaker);
  if (selected && !speakers.some((s) => s.slug === selected.slug)) speakers.push(selected);
  speakers.sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
  return { tags, speakers, moreSpeakers: top.length > SPEAKER_FACET_SIZE, outlets, verdicts };
}

/** Tags on published claims, with how many claims carry each. */
export async function listClaimTags() {
  recordKeys(listKeys.claims, listKeys.tags);
  const tags = await prisma.tag.findMany({
    where: publicTagWhere,
    orderBy: { name: "asc" },
    // Every public tag's counts, so counting the whole tag–quote table is the work to do.
    // eslint-disable-next-line no-restricted-syntax
    select: { name: true, slug: true, colour: true, kind: true, _count: { select: { claims: { where: publicClaimTagWhere }, quotes: { where: publicQuoteTagWhere } } } },
  });
  return tags.map((t) => ({ name: t.name, slug: t.slug, colour: t.colour, kind: t.kind, claims: t._count.claims, quotes: t._count.quotes }));
}

/** Every published claim slug (sitemaps, exports). */
export async function listPublishedClaimSlugs(): Promise<string[]> {
  const rows = await prisma.claim.findMany({ where: publicClaimWhere, orderBy: { slug: "asc" }, select: { slug: true } });
  return rows.map((r) => r.slug);
}
