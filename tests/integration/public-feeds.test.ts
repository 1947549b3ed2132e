import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimReviewsAtom } from "@/lib/exports/atom";
import { parseFeedText } from "@/lib/feed-parse";
import { sitemapFile, sitemapRoot } from "@/lib/sitemap";
import { createClaim } from "../support/factories";
import { useSeededDatabase } from "../support/seeded-database";

/**
 * Following from outside: the sitemap (and its index past the per-file limit)
 * and the Atom feed of claim reviews list exactly what a reader may see.
 */
const BASE = "https://claims.example";
const xml = new XMLParser({ ignoreAttributes: false });

async function text(chunks: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

function locs(doc: string): { loc: string; lastmod?: string }[] {
  const parsed = xml.parse(doc);
  const list = parsed.urlset?.url ?? parsed.sitemapindex?.sitemap ?? [];
  return Array.isArray(list) ? list : [list];
}

let draftSlug: string;
let unratedSlug: string;

beforeAll(async () => {
  await useSeededDatabase();
  draftSlug = (await createClaim({ status: "draft", canonical: "A draft claim no reader may see yet." })).slug;
  unratedSlug = (await createClaim({ status: "published", canonical: "A published claim with no review yet." })).slug;
});

describe(`sitemap and Atom feed (${process.env.TEST_DB})`, () => {
  it("the sitemap lists every public claim, article, outlet and speaker with its lastmod, and no draft", async () => {
    const entries = locs(await text(sitemapRoot(undefined, BASE)));
    const [claims, articles, outlets, speakers] = await Promise.all([
      prisma.claim.findMany({ where: { status: "published" }, select: { slug: true, updatedAt: true } }),
      prisma.article.findMany({ select: { slug: true } }),
      prisma.outlet.findMany({ select: { slug: true } }),
      prisma.speaker.findMany({ select: { slug: true } }),
    ]);
    const expected = [
      ...claims.map((c) => `${BASE}/claims/${c.slug}`),
      ...articles.map((a) => `${BASE}/articles/${a.slug}`),
      ...outlets.map((o) => `${BASE}/outlets/${o.slug}`),
      ...speakers.map((s) => `${BASE}/speakers/${s.slug}`),
    ];
    expect(claims.length).toBeGreaterThanOrEqual(4);
    expect(entries.map((e) => e.loc).sort()).toEqual(expected.sort());
    expect(entries.some((e) => e.loc.endsWith(`/claims/${draftSlug}`))).toBe(false);
    const claim = claims[0];
    expect(entries.find((e) => e.loc === `${BASE}/claims/${claim.slug}`)?.lastmod).toBe(claim.updatedAt.toISOString());
  });

  it("past the per-file limit the sitemap is an index whose files hold every URL once", async () => {
    const all = locs(await text(sitemapRoot(undefined, BASE))).map((e) => e.loc);
    const perFile = 7;
    const index = await text(sitemapRoot(perFile, BASE));
    expect(xml.parse(index).sitemapindex).toBeDefined();
    const files = locs(index).map((e) => e.loc);
    expect(files).toEqual(Array.from({ length: Math.ceil(all.length / perFile) }, (_, i) => `${BASE}/sitemap/${i + 1}.xml`));
    const fromFiles: string[] = [];
    for (let n = 1; n <= files.length; n++) {
      const part = locs(await text((await sitemapFile(n, perFile, BASE))!)).map((e) => e.loc);
      expect(part.length).toBeLessThanOrEqual(perFile);
      fromFiles.push(...part);
    }
    expect(fromFiles).toEqual(all);
    expect(await sitemapFile(files.length + 1, perFile, BASE)).toBeNull();
    expect(await sitemapFile(0, perFile, BASE)).toBeNull();
    // With everything in one file there is no index and no numbered file.
    expect(await sitemapFile(1, undefined, BASE)).toBeNull();
  });

  it("the Atom feed lists published reviews only, newest first; per outlet and per tag it narrows; an unknown one is null", async () => {
    const atom = (await claimReviewsAtom({}, BASE))!;
    const feed = parseFeedText(atom, `${BASE}/feed.xml`);
    expect(feed.format).toBe("atom");
    const rated = await prisma.claim.findMany({ where: { status: "published", rating: { isNot: null } }, select: { slug: true } });
    expect(rated.length).toBeGreaterThanOrEqual(3);
    expect(feed.items.map((i) => i.url).sort()).toEqual(rated.map((c) => `${BASE}/claims/${c.slug}`).sort());
    const newestFirst = await prisma.claim.findMany({
      where: { status: "published", rating: { isNot: null } },
      orderBy: [{ rating: { publishedAt: { sort: "desc", nulls: "last" } } }, { updatedAt: "desc" }, { id: "asc" }],
      select: { slug: true },
    });
    expect(feed.items.map((i) => i.url)).toEqual(newestFirst.map((c) => `${BASE}/claims/${c.slug}`));
    expect(atom).not.toContain(draftSlug);
    expect(atom).not.toContain(unratedSlug);
    expect(atom).toContain(`<link rel="self" href="${BASE}/feed.xml"`);

    // Per outlet: the claims that outlet quoted (public quotes), and only those.
    const outlet = await prisma.outlet.findFirstOrThrow({ where: { articles: { some: { quotes: { some: { claim: { status: "published", rating: { isNot: null } }, reviewStatus: { not: "rejected" } } } } } }, select: { id: true, slug: true, name: true } });
    const quotedBy = await prisma.claim.findMany({
      where: { status: "published", rating: { isNot: null }, quotes: { some: { reviewStatus: { not: "rejected" }, article: { outletId: outlet.id } } } },
      select: { slug: true },
    });
    const byOutlet = parseFeedText((await claimReviewsAtom({ outlet: outlet.slug }, BASE))!, BASE);
    expect(byOutlet.title).toContain(outlet.name);
    expect(byOutlet.items.map((i) => i.url).sort()).toEqual(quotedBy.map((c) => `${BASE}/claims/${c.slug}`).sort());
    expect(byOutlet.items.length).toBeLessThan(feed.items.length + 1);

    // Per tag.
    const [first] = rated;
    const tag = await prisma.tag.create({ data: { name: "Feed test tag", slug: "feed-test-tag", kind: "topic" } });
    const firstId = (await prisma.claim.findUniqueOrThrow({ where: { slug: first.slug }, select: { id: true } })).id;
    await prisma.claimTag.create({ data: { claimId: firstId, tagId: tag.id } });
    const byTag = parseFeedText((await claimReviewsAtom({ tag: "feed-test-tag" }, BASE))!, BASE);
    expect(byTag.items.map((i) => i.url)).toEqual([`${BASE}/claims/${first.slug}`]);

    expect(await claimReviewsAtom({ outlet: "no-such-outlet" }, BASE)).toBeNull();
    expect(await claimReviewsAtom({ tag: "no-such-tag" }, BASE)).toBeNull();
    expect(await claimReviewsAtom({ tag: "x".repeat(500) }, BASE)).toBeNull();
  });
});
