import "server-only";
import type { ClaimListItem } from "./claims";
import { prisma } from "./db";
import { listKeys, recordKeys } from "./public-cache/keys";
import { isPlausibleSlug } from "./validation/text";
import { publicClaimSql, publicClaimWhere, publicQuoteSql, publicQuoteWhere } from "./visibility";

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
  faithful: number;
  fidelity: { verbatim: number; trimmed: number; altered: number; not_found: number; unrated: number };
  verbs: { verb: string; count: number }[];
  hedges: { hedge: string; count: number }[];
  inHeadline: number;
}

/** The outlets directory with how many public quotes of public claims each carried. */
export async function listOutletsWithStats() {
  recordKeys(listKeys.outlets, listKeys.claims, listKeys.quotes);
  const [outlets, counts] = await Promise.all([
    listOutlets(),
    prisma.$queryRaw<{ outletId: string; quotes: bigint; faithful: bigint }[]>`
      SELECT a."outletId", count(*) AS quotes,
             count(*) FILTER (WHERE q.fidelity IN ('verbatim', 'trimmed')) AS faithful
      FROM "Quote" q JOIN "Article" a ON a.id = q."articleId" JOIN "Claim" c ON c.id = q."claimId"
      WHERE ${publicQuoteSql("q")} AND ${publicClaimSql("c")}
      GROUP BY a."outletId"`,
  ]);
  const byOutlet = new Map(counts.map((c) => [c.outletId, { quotes: Number(c.quotes), faithful: Number(c.faithful) }]));
  return outlets.map((o) => ({ ...o, articleCount: o._count.articles, quotes: byOutlet.get(o.id)?.quotes ?? 0, faithful: byOutlet.get(o.id)?.faithful ?? 0 }));
}

async function loadOutletProfile(slug: string) {
  const outlet = await prisma.outlet.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, domain: true, country: true, description: true },
  });
  if (!outlet) return null;
  const quoteWhere = { ...publicQuoteWhere, article: { outletId: outlet.id }, claim: publicClaimWhere };
  const [quotes, articles, claims] = await Promise.all([
    prisma.quote.findMany({ where: quoteWhere, select: { verb: true, fidelity: true, hedges: true, inHeadline: true } }),
    prisma.article.findMany({
      where: { outletId: outlet.id },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 50,
      select: { slug: true, title: true, publishedAt: true, _count: { select: { quotes: { where: publicQuoteWhere } } } },
    }),
    prisma.claim.findMany({
      where: { ...publicClaimWhere, quotes: { some: quoteWhere } },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take: 50,
      select: {
        id: true,
        slug: true,
        canonical: true,
        summary: true,
        publishedAt: true,
        speaker: { select: { name: true, slug: true } },
        rating: { select: { verdictLabel: { select: { name: true, slug: true, ratingValue: true } } } },
        tags: { select: { tag: { select: { name: true, slug: true, colour: true } } } },
        _count: { select: { quotes: { where: quoteWhere } } },
      },
    }),
  ]);
  const framing: OutletFraming = {
    quotes: quotes.length,
    faithful: 0,
    fidelity: { verbatim: 0, trimmed: 0, altered: 0, not_found: 0, unrated: 0 },
    verbs: [],
    hedges: [],
    inHeadline: 0,
  };
  const verbs = new Map<string, number>();
  const hedges = new Map<string, number>();
  for (const q of quotes) {
    framing.fidelity[q.fidelity ?? "unrated"]++;
    if (q.fidelity === "verbatim" || q.fidelity === "trimmed") framing.faithful++;
    if (q.inHeadline) framing.inHeadline++;
    if (q.verb) verbs.set(q.verb.toLowerCase(), (verbs.get(q.verb.toLowerCase()) ?? 0) + 1);
    for (const h of q.hedges) hedges.set(h.toLowerCase(), (hedges.get(h.toLowerCase()) ?? 0) + 1);
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12);
  framing.verbs = top(verbs).map(([verb, count]) => ({ verb, count }));
  framing.hedges = top(hedges).map(([hedge, count]) => ({ hedge, count }));
  return {
    outlet,
    framing,
    articles: articles.map((a) => ({ slug: a.slug, title: a.title, publishedAt: a.publishedAt?.toISOString() ?? null, quotes: a._count.quotes })),
    claims: claims.map(
      (c): ClaimListItem => ({
        id: c.id,
        slug: c.slug,
        canonical: c.canonical,
        summary: c.summary,
        publishedAt: c.publishedAt?.toISOString() ?? null,
        speaker: c.speaker,
        verdict: c.rating?.verdictLabel ?? null,
        tags: c.tags.map((t) => t.tag),
        quoteCount: c._count.quotes,
      }),
    ),
  };
}

export type OutletProfile = NonNullable<Awaited<ReturnType<typeof loadOutletProfile>>>;

/** An outlet, its articles, the published claims it quoted, and how it tends to frame them. */
export function getOutletProfile(slug: string): Promise<OutletProfile | null> {
  if (!isPlausibleSlug(slug)) return Promise.resolve(null);
  recordKeys(listKeys.outlets, listKeys.claims, listKeys.quotes, listKeys.articles);
  return loadOutletProfile(slug);
}
