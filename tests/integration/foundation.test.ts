import { beforeAll, describe, expect, it } from "vitest";
import { database, migrateDatabase, prisma } from "@/lib/db";
import { ingestArticle } from "@/lib/ingest";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { seedDatabase } from "@/prisma/seed";

beforeAll(async () => {
  await migrateDatabase();
});

describe(`database (${process.env.TEST_DB})`, () => {
  it("records migrations as prisma migrate deploy does, and re-applying changes nothing", async () => {
    const rows = await database.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
    const again = await migrateDatabase();
    expect(again.applied).toEqual([]);
  });

  it("has pg_trgm and unaccent, and full-text search vectors generated from the text", async () => {
    const extensions = await database.sql.query<{ extname: string }>(`SELECT extname FROM pg_extension`);
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(["pg_trgm", "unaccent"]));
    const outlet = await prisma.outlet.create({ data: { name: "Search Test", slug: "search-test" } });
    await ingestArticle(prisma, {
      outletId: outlet.id,
      title: "Harbours and havens",
      byline: null,
      url: null,
      publishedAt: null,
      body: "Harbours and havens\n\nThe ministry said militants enjoyed safe havens across the border.",
      rawText: null,
      actorId: null,
    });
    const hits = await database.sql.query<{ title: string }>(
      `SELECT title FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', 'haven militant')`,
    );
    expect(hits.map((h) => h.title)).toContain("Harbours and havens");
    const similar = await database.sql.query<{ s: number }>(`SELECT similarity('safe haven', 'safe havn') AS s`);
    expect(Number(similar[0].s)).toBeGreaterThan(0.4);
  });
});

describe(`seed (${process.env.TEST_DB})`, () => {
  it("loads the seed corpus, and a second run changes nothing and loses nothing", async () => {
    const first = await seedDatabase(prisma);
    expect(first.articlesCreated).toBe(5);
    const counts = async () => ({
      outlets: await prisma.outlet.count(),
      articles: await prisma.article.count(),
      speakers: await prisma.speaker.count(),
      documents: await prisma.sourceDocument.count(),
      users: await prisma.user.count(),
      labels: await prisma.verdictLabel.count(),
      quotes: await prisma.quote.count(),
      claims: await prisma.claim.count(),
    });
    const before = await counts();
    const second = await seedDatabase(prisma);
    expect(second.articlesCreated).toBe(0);
    expect(await counts()).toEqual(before);

    const article = await prisma.article.findUniqueOrThrow({
      where: { slug: "rferl-gandhara-2020-06" },
      select: { body: true, rawText: true, outlet: { select: { name: true } } },
    });
    expect(article.outlet.name).toBe("RFE/RL Gandhara");
    expect(article.body.split("\n")[0]).toBe("Pakistan Still Seen As ‘Safe Haven’ For Regional Militant Groups");
    expect(article.rawText).toContain("Accessibility links");
    const source = await prisma.sourceDocument.findFirstOrThrow({ select: { text: true, speaker: { select: { name: true } } } });
    expect(source.speaker?.name).toBe("U.S. Department of State");
    expect(source.text).toContain("Pakistan continued to serve as a safe haven");
  });

  it("publishes the three seed claims, each quoted by at least two outlets", async () => {
    await seedDatabase(prisma);
    const claims = await prisma.claim.findMany({
      where: { status: "published", rebutsId: null },
      select: {
        canonical: true,
        rating: { select: { verdictLabel: { select: { name: true } } } },
        quotes: { where: { reviewStatus: { not: "rejected" } }, select: { article: { select: { outlet: { select: { name: true } } } } } },
      },
    });
    const outletsOf = (words: string) => {
      const claim = claims.find((c) => c.canonical.includes(words));
      expect(claim, `a published claim containing "${words}"`).toBeDefined();
      expect(claim!.rating).not.toBeNull();
      return new Set(claim!.quotes.map((q) => q.article.outlet.name));
    };
    expect(outletsOf("safe haven")).toEqual(new Set(["FDD's Long War Journal", "RFE/RL Gandhara", "RahaPress"]));
    expect(outletsOf("modest steps").size).toBeGreaterThanOrEqual(2);
    expect(outletsOf("constructive role").size).toBeGreaterThanOrEqual(2);
    const rebuttal = await prisma.claim.findFirstOrThrow({ where: { rebuts: { canonical: { contains: "safe haven" } } }, select: { speaker: { select: { name: true } } } });
    expect(rebuttal.speaker?.name).toBe("Ministry of Foreign Affairs of Pakistan");
  });

  it("stores the analysis of every seed article as suggestions tied to speakers and claims", async () => {
    await seedDatabase(prisma);
    const quotes = await prisma.quote.findMany({
      select: { exact: true, start: true, end: true, origin: true, speaker: { select: { name: true } }, article: { select: { body: true } } },
    });
    expect(quotes.length).toBeGreaterThan(50);
    for (const q of quotes) expect(q.article.body.slice(q.start, q.end)).toBe(q.exact);
    const attributed = quotes.filter((q) => q.speaker).length / quotes.length;
    expect(attributed).toBeGreaterThan(0.8);
  });

  it("stores seeded passwords hashed, never in plain text", async () => {
    await seedDatabase(prisma);
    for (const account of DEMO_ACCOUNTS) {
      const row = await prisma.account.findFirstOrThrow({
        where: { user: { email: account.email }, providerId: "credential" },
        select: { password: true, user: { select: { role: true } } },
      });
      expect(row.password).toBeTruthy();
      expect(row.password).not.toContain(account.password);
      expect(row.user.role).toBe(account.role);
    }
  });
});

describe(`ingest (${process.env.TEST_DB})`, () => {
  it("stores the same text once, whatever its white space", async () => {
    const outlet = await prisma.outlet.create({ data: { name: "Dedup Test", slug: "dedup-test" } });
    const input = {
      outletId: outlet.id,
      title: "Twice received",
      byline: null,
      url: null,
      publishedAt: null,
      body: "Twice received\n\nThe same words, received twice.",
      rawText: null,
      actorId: null,
    };
    const first = await ingestArticle(prisma, input);
    const second = await ingestArticle(prisma, { ...input, body: "Twice received\r\n\r\nThe same  words, received twice.\n" });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, articleId: first.articleId, slug: first.slug });
    expect(await prisma.article.count({ where: { outletId: outlet.id } })).toBe(1);
  });

  it("leaves nothing behind when an article cannot be stored", async () => {
    const before = await prisma.article.count();
    const auditBefore = await prisma.auditEvent.count();
    await expect(
      ingestArticle(prisma, {
        outletId: "no-such-outlet",
        title: "Orphan",
        byline: null,
        url: null,
        publishedAt: null,
        body: "Orphan\n\nNo outlet.",
        rawText: null,
        actorId: null,
      }),
    ).rejects.toThrow();
    expect(await prisma.article.count()).toBe(before);
    expect(await prisma.auditEvent.count()).toBe(auditBefore);
  });
});
