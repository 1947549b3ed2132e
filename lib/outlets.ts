import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { listEntityHistory } from "./audit";
import { claimListSelect, linkedClaimsSql, toClaimListItem } from "./claims";
import { countryName, parseCountry } from "./countries";
import { prisma, type Tx } from "./db";
import { ActionError, NotFoundError } from "./errors";
import { listKeys, recordClaims, recordKeys, type Touched } from "./public-cache/keys";
import { publicQuoteCountsByArticle } from "./quote-counts";
import { keepOldAddress, uniqueRecordSlug } from "./record-addresses";
import { finishMerge, loadMergePair } from "./record-merge";
import { normaliseDomain, type EditOutletInput, type MergeOutletsInput } from "./validation/outlet";
import { splitLines } from "./validation/speaker";
import { cleanSearchTerm, isPlausibleSlug } from "./validation/text";
import { bumpVersions, updateVersioned } from "./versioned-write";
import { publicClaimWhere } from "./visibility";

export function listOutlets() {
  recordKeys(listKeys.outlets, listKeys.articles);
  return prisma.outlet.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      domain: true,
      country: true,
      description: true,
      _count: { select: { articles: true } },
    },
  });
}

/** Every outlet's id and name, for an editor's outlet picker (not a public read: no cache keys). */
export function listOutletOptions(): Promise<{ id: string; name: string }[]> {
  return prisma.outlet.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export interface OutletFraming {
  quotes: number;
  /** Reviewed quotes checked against a source (fidelity not null): the base of every fidelity share. */
  checked: number;
  faithful: number;
  fidelity: { verbatim: number; trimmed: number; altered: number; not_found: number; unrated: number };
  verbs: { verb: string; count: number }[];
  hedges: { hedge: string; count: number }[];
  inHeadline: number;
}

/** The outlets directory with how many public quotes of public claims each carried. */
export async function listOutletsWithStats() {
  recordKeys(listKeys.outlets, listKeys.claims, listKeys.quotes);
  // Each outlet's stored total (migration outlet_total), not a sum over its claim rows or quotes.
  const [outlets, counts] = await Promise.all([
    listOutlets(),
    prisma.outletTotal.findMany({ select: { outletId: true, quotes: true, verbatim: true, trimmed: true, altered: true, notFound: true } }),
  ]);
  const byOutlet = new Map(
    counts.map((c) => [c.outletId, { quotes: c.quotes, checked: c.verbatim + c.trimmed + c.altered + c.notFound, faithful: c.verbatim + c.trimmed }]),
  );
  return outlets.map((o) => ({ ...o, articleCount: o._count.articles, quotes: byOutlet.get(o.id)?.quotes ?? 0, checked: byOutlet.get(o.id)?.checked ?? 0, faithful: byOutlet.get(o.id)?.faithful ?? 0 }));
}

/**
 * The newest 50 published claims that the outlet quoted, read from the stored claim–outlet
 * links' index (linkedClaimsSql, as `/claims?outlet=` reads them): at 1M quotes the old
 * semi-join over the outlet's quotes took about 1 s cold.
 */
async function outletClaims(slug: string) {
  const ids = (await prisma.$queryRaw<{ id: string }[]>(linkedClaimsSql("outlet", slug).page(50, 0))).map((r) => r.id);
  // The rows through lib/visibility.ts's rule as well: the stored keys only chose and ordered them.
  const byId = new Map((await prisma.claim.findMany({ where: { ...publicClaimWhere, id: { in: ids } }, select: claimListSelect })).map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function loadOutletProfile(slug: string) {
  const outlet = await prisma.outlet.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, domain: true, country: true, description: true },
  });
  if (!outlet) return null;
  // The outlet's stored total over its public claim–outlet rows (migration outlet_total): a large
  // outlet carries tens of thousands of public quotes of 30k claims at 1M quotes; summing its claim
  // rows on each cold render took about 200 ms, reading their sum one row.
  const [total, articles, claims] = await Promise.all([
    prisma.outletTotal.findUnique({ where: { outletId: outlet.id } }),
    prisma.article.findMany({
      where: { outletId: outlet.id },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 50,
      select: { id: true, slug: true, title: true, publishedAt: true },
    }),
    outletClaims(slug),
  ]);
  const [articleQuotes, claimRows] = await Promise.all([
    publicQuoteCountsByArticle(articles.map((a) => a.id)),
    // The outlet's public quotes of each claim: its stored row.
    prisma.claimOutlet.findMany({ where: { outletId: outlet.id, claimId: { in: claims.map((c) => c.id) } }, select: { claimId: true, quotes: true } }),
  ]);
  const claimQuotes = new Map(claimRows.map((r) => [r.claimId, r.quotes]));
  const { quotes, verbatim, trimmed, altered, notFound, inHeadline } = total ?? { quotes: 0, verbatim: 0, trimmed: 0, altered: 0, notFound: 0, inHeadline: 0 };
  const checked = verbatim + trimmed + altered + notFound;
  const top = (counts: Prisma.JsonValue | undefined) =>
    Object.entries((counts ?? {}) as Record<string, number>)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12);
  const framing: OutletFraming = {
    quotes,
    checked,
    faithful: verbatim + trimmed,
    fidelity: { verbatim, trimmed, altered, not_found: notFound, unrated: quotes - checked },
    verbs: top(total?.verbs).map(([verb, count]) => ({ verb, count })),
    hedges: top(total?.hedges).map(([hedge, count]) => ({ hedge, count })),
    inHeadline,
  };
  return {
    outlet,
    framing,
    articles: articles.map((a) => ({ slug: a.slug, title: a.title, publishedAt: a.publishedAt?.toISOString() ?? null, quotes: articleQuotes.get(a.id) ?? 0 })),
    claims: claims.map((c) => toClaimListItem(c, claimQuotes.get(c.id) ?? 0)),
  };
}

export type OutletProfile = NonNullable<Awaited<ReturnType<typeof loadOutletProfile>>>;

/** An outlet, its articles, the published claims it quoted, and how it tends to frame them. */
export async function getOutletProfile(slug: string): Promise<OutletProfile | null> {
  if (!isPlausibleSlug(slug)) return null;
  recordKeys(listKeys.outlets, listKeys.claims, listKeys.quotes, listKeys.articles);
  const profile = await loadOutletProfile(slug);
  recordClaims(profile?.claims.map((c) => c.slug) ?? []);
  return profile;
}

// ---- Editors: correcting and merging outlets ----

const outletAuditSelect = { id: true, name: true, slug: true, domain: true, otherDomains: true, homepage: true, country: true, description: true, version: true } satisfies Prisma.OutletSelect;

/** Outlets for the editor's list, with how many articles and watched feeds each has; `q` matches the name or a domain. */
export async function listOutletsForEditor({ q }: { q?: string } = {}) {
  const term = q ? cleanSearchTerm(q).trim().toLowerCase().slice(0, 100) : "";
  const where: Prisma.OutletWhereInput = term
    ? { OR: [{ name: { contains: term, mode: "insensitive" } }, { domain: { contains: term, mode: "insensitive" } }, { otherDomains: { has: term } }] }
    : {};
  const rows = await prisma.outlet.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { ...outletAuditSelect, slug: true, _count: { select: { articles: true, feeds: true } } },
  });
  return rows.map(({ _count, ...o }) => ({ ...o, articles: _count.articles, feeds: _count.feeds }));
}

/** One outlet for its editor page, with its latest articles. */
export function getOutletForEditor(id: string) {
  return prisma.outlet.findUnique({
    where: { id },
    select: {
      ...outletAuditSelect,
      _count: { select: { articles: true, feeds: true } },
      articles: { take: 20, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], select: { id: true, title: true, publishedAt: true } },
    },
  });
}

/**
 * The outlet's country as stored: its English name ("Pakistan" for "pk" or
 * "pakistan"), as readers see it on the outlet's pages; a stored name the editor
 * left as it was stays (the seed's "Czech Republic"); "" clears it.
 * @throws ActionError("invalid") when the text names no country.
 */
function outletCountry(stored: string | null, typed: string): string | null {
  if (typed === (stored ?? "")) return stored;
  const code = parseCountry(typed);
  if (code === null) throw new ActionError("That is not a country.", "invalid", { country: [`“${typed.slice(0, 60)}” is not a country: enter its name or two-letter code, like Pakistan or PK.`] });
  return code ? countryName(code) : null;
}

/**
 * Corrects an outlet's name, domains, homepage, country and description. Domains are stored as bare
 * host names ("news.example"); a domain another outlet already has is refused,
 * since an import by URL must find one outlet. A new name gives the outlet a new
 * slug (its public address); the old address answers 308 to the new one
 * (lib/record-addresses.ts).
 * @throws NotFoundError, ActionError("invalid"), ConflictError for a stale version.
 */
export async function editOutlet(actorId: string, input: EditOutletInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.outlet.findUnique({ where: { id: input.id }, select: outletAuditSelect });
    if (!before) throw new NotFoundError("outlet");
    const domain = input.domain ? normaliseDomain(input.domain) : null;
    const otherDomains = [...new Set(splitLines(input.otherDomains).map(normaliseDomain))].filter((d) => d !== domain);
    const all = domain ? [domain, ...otherDomains] : [];
    if (all.length) {
      const clash = await tx.outlet.findFirst({
        where: { id: { not: input.id }, OR: [{ domain: { in: all } }, { otherDomains: { hasSome: all } }] },
        select: { name: true, domain: true, otherDomains: true },
      });
      if (clash) {
        const shared = all.find((d) => d === clash.domain || clash.otherDomains.includes(d))!;
        const message = `${shared} is already ${clash.name}'s domain: an imported link must find one outlet.`;
        throw new ActionError(message, "invalid", { [shared === domain ? "domain" : "otherDomains"]: [message] });
      }
    }
    const nameClash = await tx.outlet.findFirst({ where: { id: { not: input.id }, name: { equals: input.name, mode: "insensitive" } }, select: { name: true } });
    if (nameClash) {
      const message = `Another outlet is already called “${nameClash.name}”.`;
      throw new ActionError(message, "invalid", { name: [message] });
    }
    const country = outletCountry(before.country, input.country);
    const slug = before.name === input.name ? before.slug : await uniqueRecordSlug(tx, "outlet", input.name, input.id);
    await keepOldAddress(tx, "outlet", before, slug);
    const after = await updateVersioned(tx, "outlet", {
      where: { id: input.id },
      version: input.version,
      data: { name: input.name, slug, domain, otherDomains, homepage: input.homepage || null, country, description: input.description || null },
      audit: {
        actorId,
        entityType: "outlet",
        entityId: input.id,
        action: before.name !== input.name ? "rename" : "edit",
        before,
        after: () => tx.outlet.findUniqueOrThrow({ where: { id: input.id }, select: outletAuditSelect }),
      },
    });
    return { version: after.version, outlets: true, ...(await pagesShowingOutlet(tx, input.id)) } satisfies Touched & { version: number };
  });
}

/** The slugs of the articles whose public pages name the outlet, and of the claims their quotes are in. */
async function pagesShowingOutlet(tx: Tx, outletId: string): Promise<Touched> {
  const articles = await tx.article.findMany({ where: { outletId }, select: { slug: true, quotes: { distinct: ["claimId"], where: { claimId: { not: null } }, select: { claim: { select: { slug: true } } } } } });
  return { articles: articles.map((a) => a.slug), claims: [...new Set(articles.flatMap((a) => a.quotes.map((q) => q.claim?.slug)))] };
}

/**
 * The kept outlet's domains after a merge: its own main domain (or, when it has
 * none, the duplicate's), and every other domain of both once, never the main
 * one, so an import by any of them finds the kept outlet.
 */
function mergedDomains(target: { domain: string | null; otherDomains: string[] }, source: { domain: string | null; otherDomains: string[] }) {
  const domain = target.domain ?? source.domain;
  const all = [...target.otherDomains, source.domain, ...source.otherDomains].filter((d): d is string => Boolean(d) && d !== domain);
  return { domain, otherDomains: [...new Set(all)] };
}

/**
 * Merges a duplicate outlet into another: its articles and watched feeds
 * become the kept outlet's (their versions bumped, so forms opened before are
 * refused; their quotes stay with them), as do its alert hits; its domains
 * become the kept outlet's other domains, so an import by any of them finds
 * the kept outlet; its address and former ones answer 308 to the kept outlet's;
 * and it is deleted. Outlets have no aliases: the duplicate's name stays in the
 * kept outlet's history. Both histories record the merge. The per-claim outlet
 * counts follow the articles (trigger Article_counts, migration
 * stored_reader_counts). Webhook deliveries already sent keep the duplicate's
 * id: they record what was sent.
 * @throws NotFoundError, ConflictError when the merged outlet changed since it was loaded.
 */
export async function mergeOutlets(actorId: string, input: MergeOutletsInput) {
  return prisma.$transaction(async (tx) => {
    const { source, target } = await loadMergePair("outlet", input, (id) => tx.outlet.findUnique({ where: { id }, select: outletAuditSelect }));
    const touched = await pagesShowingOutlet(tx, source.id);
    const articles = await bumpVersions(tx, "article", { outletId: source.id }, { outletId: target.id });
    const feeds = await bumpVersions(tx, "feed", { outletId: source.id }, { outletId: target.id });
    await moveAlertHits(tx, source.id, target.id);
    const domains = mergedDomains(target, source);
    await bumpVersions(tx, "outlet", { id: target.id }, domains);
    await finishMerge(tx, "outlet", actorId, { source, target, sourceVersion: input.sourceVersion }, {
      before: { domain: target.domain, otherDomains: target.otherDomains },
      after: { ...domains, articles, feeds },
    });
    return { id: target.id, moved: { articles, feeds }, outlets: true, ...touched } satisfies Touched & { id: string; moved: object };
  });
}

/** The duplicate's alert hits become the kept outlet's; a hit the kept outlet already has for the same alert and quote is the same hit, so the duplicate's copy goes. */
async function moveAlertHits(tx: Tx, sourceId: string, targetId: string) {
  const hits = await tx.alertHit.findMany({ where: { outletId: sourceId }, select: { id: true, alertId: true, quoteId: true } });
  if (!hits.length) return;
  const kept = await tx.alertHit.findMany({ where: { outletId: targetId, OR: hits.map((h) => ({ alertId: h.alertId, quoteId: h.quoteId })) }, select: { alertId: true, quoteId: true } });
  const same = new Set(kept.map((h) => `${h.alertId} ${h.quoteId}`));
  const dropped = hits.filter((h) => same.has(`${h.alertId} ${h.quoteId}`)).map((h) => h.id);
  if (dropped.length) await tx.alertHit.deleteMany({ where: { id: { in: dropped } } });
  await tx.alertHit.updateMany({ where: { outletId: sourceId }, data: { outletId: targetId } });
}

/**
 * What the merge of outlet `absorbedId` into `outletId` moved, as the kept outlet's
 * history recorded it (shown once the merge form lands on the kept outlet), or
 * null when no such merge happened.
 */
export async function getOutletMerge(outletId: string, absorbedId: string): Promise<{ name: string; articles: number; feeds: number } | null> {
  const merges = await prisma.auditEvent.findMany({ where: { entityType: "outlet", entityId: outletId, action: "merge" }, orderBy: { createdAt: "desc" }, take: 50, select: { after: true } });
  for (const { after } of merges) {
    const a = after as { absorbedId?: unknown; absorbedName?: unknown; articles?: unknown; feeds?: unknown } | null;
    if (a?.absorbedId === absorbedId) return { name: String(a.absorbedName ?? ""), articles: Number(a.articles ?? 0), feeds: Number(a.feeds ?? 0) };
  }
  return null;
}

/** An outlet's history: its edits, merges into it, and its own merge into another. */
export function getOutletHistory(outletId: string) {
  return listEntityHistory("outlet", outletId);
}
