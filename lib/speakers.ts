import "server-only";
import type { ClaimListItem } from "./claims";
import { prisma } from "./db";
import { listKeys, recordKeys } from "./public-cache/keys";
import { publicQuoteCountsByClaim } from "./quote-counts";
import { isPlausibleSlug } from "./validation/text";
import { publicClaimWhere, publicQuoteWhere } from "./visibility";

/** Speakers with their counts of public claims and quotes, most-claimed first. */
export async function listSpeakers() {
  recordKeys(listKeys.speakers, listKeys.claims);
  const rows = await prisma.speaker.findMany({
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      kind: true,
      description: true,
      _count: { select: { claims: { where: publicClaimWhere }, quotes: { where: publicQuoteWhere } } },
    },
  });
  return rows
    .map((s) => ({ slug: s.slug, name: s.name, kind: s.kind, description: s.description, claims: s._count.claims, quotes: s._count.quotes }))
    .sort((a, b) => b.claims - a.claims || b.quotes - a.quotes || a.name.localeCompare(b.name));
}

async function loadSpeaker(slug: string) {
  const speaker = await prisma.speaker.findUnique({
    where: { slug },
    select: {
      name: true,
      slug: true,
      kind: true,
      aliases: true,
      description: true,
      documents: { orderBy: { publishedAt: "desc" }, select: { title: true, url: true, publishedAt: true } },
      claims: {
        where: publicClaimWhere,
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          canonical: true,
          summary: true,
          publishedAt: true,
          rating: { select: { verdictLabel: { select: { name: true, slug: true, ratingValue: true } } } },
          tags: { select: { tag: { select: { name: true, slug: true, colour: true } } } },
        },
      },
    },
  });
  if (!speaker) return null;
  const quoteCounts = await publicQuoteCountsByClaim(speaker.claims.map((c) => c.id));
  return {
    name: speaker.name,
    slug: speaker.slug,
    kind: speaker.kind,
    aliases: speaker.aliases,
    description: speaker.description,
    documents: speaker.documents.map((d) => ({ title: d.title, url: d.url, publishedAt: d.publishedAt?.toISOString() ?? null })),
    claims: speaker.claims.map(
      (c): ClaimListItem => ({
        id: c.id,
        slug: c.slug,
        canonical: c.canonical,
        summary: c.summary,
        publishedAt: c.publishedAt?.toISOString() ?? null,
        speaker: { name: speaker.name, slug: speaker.slug },
        verdict: c.rating?.verdictLabel ?? null,
        tags: c.tags.map((t) => t.tag),
        quoteCount: quoteCounts.get(c.id) ?? 0,
      }),
    ),
  };
}

/** A speaker, its documents and published claims; records `speakers` and `claims` (counts and lists move with any claim). */
export function getSpeakerProfile(slug: string) {
  if (!isPlausibleSlug(slug)) return Promise.resolve(null);
  recordKeys(listKeys.speakers, listKeys.claims);
  return loadSpeaker(slug);
}
