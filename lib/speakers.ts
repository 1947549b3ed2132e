import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { listEntityHistory } from "./audit";
import { claimListSelect, toClaimListItem } from "./claims";
import { prisma, type Tx } from "./db";
import { ActionError, NotFoundError } from "./errors";
import { listKeys, recordClaims, recordKeys, type Touched } from "./public-cache/keys";
import { publicQuoteCountsByClaim } from "./quote-counts";
import { keepOldAddress, uniqueRecordSlug } from "./record-addresses";
import { finishMerge, loadMergePair } from "./record-merge";
import { parseCountry } from "./countries";
import { splitLines, type EditSpeakerInput, type MergeSpeakersInput } from "./validation/speaker";
import { cleanSearchTerm, isPlausibleSlug } from "./validation/text";
import { bumpVersions, updateVersioned } from "./versioned-write";
import { publicClaimWhere } from "./visibility";

/** Speakers per page of the directory (/speakers). */
export const SPEAKERS_PER_PAGE = 100;

/**
 * One page of the speakers directory: speakers with their counts of published claims and public
 * quotes, most-claimed first (then most quoted, then by name). The counts are stored (SpeakerCount,
 * kept by triggers in the writes' transactions: migration stored_reader_counts), so the directory
 * reads no quote; it is paged because at 1M quotes it named 5,000 speakers (0.6–0.9 s cold, most of
 * it rendering them). `page` is clamped to 1..pageCount.
 */
export async function listSpeakersPage(page = 1, perPage = SPEAKERS_PER_PAGE) {
  recordKeys(listKeys.speakers, listKeys.claims);
  const total = await prisma.speaker.count();
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  // The order needs the stored counts of every speaker (a sort of a few thousand small rows);
  // only the page's speakers are loaded.
  const ids = (
    await prisma.$queryRaw<{ id: string }[]>`
      SELECT s.id FROM "Speaker" s LEFT JOIN "SpeakerCount" c ON c."speakerId" = s.id
      ORDER BY coalesce(c.claims, 0) DESC, coalesce(c.quotes, 0) DESC, s.name ASC, s.id ASC
      LIMIT ${perPage} OFFSET ${(current - 1) * perPage}`
  ).map((r) => r.id);
  const rows = await prisma.speaker.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, name: true, kind: true, title: true, description: true, counts: { select: { claims: true, quotes: true } } },
  });
  const byId = new Map(rows.map((s) => [s.id, s]));
  const speakers = ids.flatMap((id) => {
    const s = byId.get(id);
    return s ? [{ slug: s.slug, name: s.name, kind: s.kind, title: s.title, description: s.description, claims: s.counts?.claims ?? 0, quotes: s.counts?.quotes ?? 0 }] : [];
  });
  return { speakers, total, page: current, pageCount };
}

async function loadSpeaker(slug: string) {
  const speaker = await prisma.speaker.findUnique({
    where: { slug },
    select: {
      name: true,
      slug: true,
      kind: true,
      title: true,
      country: true,
      aliases: true,
      acronyms: true,
      description: true,
      documents: { orderBy: { publishedAt: "desc" }, select: { title: true, url: true, publishedAt: true } },
      claims: {
        where: publicClaimWhere,
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        // Not each claim's speaker: it is this one.
        select: { ...claimListSelect, speaker: false },
      },
    },
  });
  if (!speaker) return null;
  const quoteCounts = await publicQuoteCountsByClaim(speaker.claims.map((c) => c.id));
  return {
    name: speaker.name,
    slug: speaker.slug,
    kind: speaker.kind,
    title: speaker.title,
    country: speaker.country,
    aliases: speaker.aliases,
    acronyms: speaker.acronyms,
    description: speaker.description,
    documents: speaker.documents.map((d) => ({ title: d.title, url: d.url, publishedAt: d.publishedAt?.toISOString() ?? null })),
    claims: speaker.claims.map((c) => toClaimListItem({ ...c, speaker: { name: speaker.name, slug: speaker.slug } }, quoteCounts.get(c.id) ?? 0)),
  };
}

/** A speaker, its documents and published claims; records `speakers` and `claims` (counts and lists move with any claim). */
export async function getSpeakerProfile(slug: string) {
  if (!isPlausibleSlug(slug)) return null;
  recordKeys(listKeys.speakers, listKeys.claims);
  const speaker = await loadSpeaker(slug);
  recordClaims(speaker?.claims.map((c) => c.slug) ?? []);
  return speaker;
}

// ---- Editors: correcting and merging speakers ----

const speakerAuditSelect = { id: true, name: true, slug: true, kind: true, title: true, country: true, aliases: true, acronyms: true, version: true } satisfies Prisma.SpeakerSelect;

/** At most this many speakers in one editor list; a search narrows it. */
export const SPEAKER_LIST_LIMIT = 200;

/**
 * Speakers for the editor's list: every speaker (not only public ones), newest
 * names first by name, with how many quotes, claims and sources are theirs.
 * `q` matches the name or the title (case-insensitive), or an alias or acronym (exactly).
 */
export async function listSpeakersForEditor({ q }: { q?: string } = {}) {
  const term = q ? cleanSearchTerm(q).trim().slice(0, 100) : "";
  const where: Prisma.SpeakerWhereInput = term
    ? { OR: [{ name: { contains: term, mode: "insensitive" } }, { title: { contains: term, mode: "insensitive" } }, { aliases: { has: term } }, { acronyms: { has: term } }] }
    : {};
  const [rows, total] = await Promise.all([
    prisma.speaker.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: SPEAKER_LIST_LIMIT,
      select: { ...speakerAuditSelect, _count: { select: { claims: true, documents: true } } },
    }),
    prisma.speaker.count({ where }),
  ]);
  // Their quotes counted for the listed speakers only (lib/quote-counts.ts says why not a relation _count).
  const ids = rows.map((s) => s.id);
  const quoteCounts = new Map((ids.length ? await prisma.quote.groupBy({ by: ["speakerId"], where: { speakerId: { in: ids } }, _count: { _all: true } }) : []).map((g) => [g.speakerId, g._count._all]));
  return { total, speakers: rows.map(({ _count, ...s }) => ({ ...s, quotes: quoteCounts.get(s.id) ?? 0, claims: _count.claims, documents: _count.documents })) };
}

/** One speaker for its editor page: fields, counts and a sample of what is theirs. */
export async function getSpeakerForEditor(id: string) {
  const [speaker, quotes] = await Promise.all([
    prisma.speaker.findUnique({
      where: { id },
      select: {
        ...speakerAuditSelect,
        _count: { select: { claims: true, documents: true } },
        claims: { take: 20, orderBy: { updatedAt: "desc" }, select: { id: true, canonical: true, status: true } },
        quotes: { take: 20, orderBy: { updatedAt: "desc" }, select: { id: true, exact: true, article: { select: { id: true, title: true } } } },
        documents: { take: 20, select: { id: true, title: true } },
      },
    }),
    // Counted on its own (lib/quote-counts.ts says why not a relation _count).
    prisma.quote.count({ where: { speakerId: id } }),
  ]);
  return speaker && { ...speaker, _count: { ...speaker._count, quotes } };
}

/** The slugs of claims and articles whose public pages show the speaker (its claims, and where its quotes are). */
async function pagesShowingSpeaker(tx: Tx, speakerIds: string[]): Promise<Touched> {
  const [claims, quotes] = await Promise.all([
    tx.claim.findMany({ where: { speakerId: { in: speakerIds } }, select: { slug: true } }),
    tx.quote.findMany({ where: { speakerId: { in: speakerIds } }, distinct: ["articleId", "claimId"], select: { article: { select: { slug: true } }, claim: { select: { slug: true } } } }),
  ]);
  return {
    claims: [...new Set([...claims.map((c) => c.slug), ...quotes.map((q) => q.claim?.slug)])],
    articles: [...new Set(quotes.map((q) => q.article.slug))],
  };
}

async function speakerNameTaken(tx: Tx, name: string, exceptId: string) {
  return tx.speaker.findFirst({ where: { name: { equals: name, mode: "insensitive" }, id: { not: exceptId } }, select: { id: true, name: true } });
}

/** `aliases` without repeats (case-insensitive) and without any of `taken` (the name, the acronyms). */
function cleanAliases(aliases: string[], ...taken: string[]): string[] {
  const seen = new Set(taken.map((t) => t.toLowerCase()));
  const out: string[] = [];
  for (const alias of aliases) {
    const key = alias.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/**
 * Corrects a speaker's name, kind, title, country, aliases and acronyms. A new
 * name gives the speaker a new slug (its public address); the old address answers
 * 308 to the new one (lib/record-addresses.ts), so links keep working. A name
 * another speaker has is refused: the two are one speaker, to be merged.
 * @throws NotFoundError, ActionError("invalid") for a taken name or a country that is none, ConflictError for a stale version.
 */
export async function editSpeaker(actorId: string, input: EditSpeakerInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.speaker.findUnique({ where: { id: input.id }, select: speakerAuditSelect });
    if (!before) throw new NotFoundError("speaker");
    const taken = await speakerNameTaken(tx, input.name, input.id);
    if (taken) {
      const message = `Another speaker is already called “${taken.name}”. If they are the same, merge this speaker into it.`;
      throw new ActionError(message, "invalid", { name: [message] });
    }
    const country = parseCountry(input.country);
    if (country === null) throw new ActionError("That is not a country.", "invalid", { country: ["Enter a country's name or two-letter code, like Pakistan or PK."] });
    const acronyms = cleanAliases(splitLines(input.acronyms), input.name);
    const slug = before.name === input.name ? before.slug : await uniqueRecordSlug(tx, "speaker", input.name, input.id);
    await keepOldAddress(tx, "speaker", before, slug);
    const after = await updateVersioned(tx, "speaker", {
      where: { id: input.id },
      version: input.version,
      data: {
        name: input.name,
        slug,
        kind: input.kind,
        title: input.title || null,
        country: country || null,
        acronyms,
        aliases: cleanAliases(splitLines(input.aliases), input.name, ...acronyms),
      },
      audit: {
        actorId,
        entityType: "speaker",
        entityId: input.id,
        action: before.name !== input.name ? "rename" : "edit",
        before,
        after: () => tx.speaker.findUniqueOrThrow({ where: { id: input.id }, select: speakerAuditSelect }),
      },
    });
    return { version: after.version, speakers: true, ...(await pagesShowingSpeaker(tx, [input.id])) } satisfies Touched & { version: number };
  });
}

/**
 * Merges a duplicate speaker into another: its quotes, claims and source
 * documents become the kept speaker's (their versions bumped, so forms opened
 * before are refused), its name and aliases become the kept speaker's aliases and
 * its acronyms its acronyms, its address answers 308 to the kept speaker's, and it
 * is deleted. Both histories record the merge.
 * @throws NotFoundError, ConflictError when the merged speaker changed since it was loaded.
 */
export async function mergeSpeakers(actorId: string, input: MergeSpeakersInput) {
  return prisma.$transaction(async (tx) => {
    const { source, target } = await loadMergePair("speaker", input, (id) => tx.speaker.findUnique({ where: { id }, select: speakerAuditSelect }));
    const touched = await pagesShowingSpeaker(tx, [source.id]);
    const quotes = await bumpVersions(tx, "quote", { speakerId: source.id }, { speakerId: target.id });
    const claims = await bumpVersions(tx, "claim", { speakerId: source.id }, { speakerId: target.id });
    const documents = await bumpVersions(tx, "sourceDocument", { speakerId: source.id }, { speakerId: target.id });
    const acronyms = cleanAliases([...target.acronyms, ...source.acronyms], target.name);
    const aliases = cleanAliases([...target.aliases, source.name, ...source.aliases], target.name, ...acronyms);
    await bumpVersions(tx, "speaker", { id: target.id }, { aliases, acronyms });
    await finishMerge(tx, "speaker", actorId, { source, target, sourceVersion: input.sourceVersion }, {
      before: { aliases: target.aliases, acronyms: target.acronyms },
      after: { aliases, acronyms, quotes, claims, documents },
    });
    return { id: target.id, moved: { quotes, claims, documents }, speakers: true, ...touched } satisfies Touched & { id: string; moved: object };
  });
}

/** A speaker's history: its edits, merges into it, and its own merge into another. */
export function getSpeakerHistory(speakerId: string) {
  return listEntityHistory("speaker", speakerId);
}
