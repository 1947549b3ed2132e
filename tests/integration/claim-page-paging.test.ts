import { beforeAll, describe, expect, it } from "vitest";
import { loadPublishedClaim } from "@/lib/claim-page";
import { migrateDatabase, prisma } from "@/lib/db";
import { createArticle, createClaim, createOutlet, createQuote } from "../support/factories";

/**
 * A claim quoted very many times is paged (lib/claim-page.ts, CLAIM_QUOTES_PER_PAGE):
 * each page shows its slice of the quotes, oldest article first, and every page
 * gives the same counts and coverage over all the quotes, from SQL aggregates.
 * A small page size stands in for the real one.
 */
describe("claim page paging", () => {
  let slug: string;

  beforeAll(async () => {
    await migrateDatabase();
    const claim = await createClaim({ status: "published" });
    slug = claim.slug;
    const outlets = await Promise.all([0, 1, 2].map(() => createOutlet()));
    for (let i = 0; i < 5; i++) {
      const text = `The bridge toll rises by ${i + 1} per cent`;
      const article = await createArticle({ outletId: outlets[i % 3].id, body: `News\n\n“${text},” the council said.` });
      await prisma.article.update({ where: { id: article.id }, data: { publishedAt: new Date(Date.UTC(2024, 0, 1 + i)) } });
      await createQuote(article.id, text, { claimId: claim.id, reviewStatus: "confirmed", fidelity: i < 2 ? "verbatim" : "altered" });
    }
    // A rejected quote is on no page and in no count.
    const article = await createArticle({ outletId: outlets[0].id, body: "News\n\n“The toll is abolished,” a rumour said." });
    await createQuote(article.id, "The toll is abolished", { claimId: claim.id, reviewStatus: "rejected" });
  });

  it("pages the quotes oldest first, with the same counts and coverage on every page", async () => {
    const whole = (await loadPublishedClaim(slug, 1, 500))!;
    expect(whole.quoteCount).toBe(5);
    expect(whole.pageCount).toBe(1);
    expect(whole.rows.map((r) => r.exact)).toEqual([1, 2, 3, 4, 5].map((n) => `The bridge toll rises by ${n} per cent`));

    const pages = await Promise.all([1, 2, 3].map((page) => loadPublishedClaim(slug, page, 2)));
    expect(pages.map((p) => p!.rows.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p!.rows.map((r) => r.quoteId)), "the pages together are the whole list, in order").toEqual(whole.rows.map((r) => r.quoteId));
    for (const page of pages) {
      expect(page!.quoteCount).toBe(5);
      expect(page!.pageCount).toBe(3);
      expect(page!.coverage.reduce((n, c) => n + c.quotes, 0), "coverage counts every quote").toBe(5);
      expect(page!.coverage.map((c) => c.quotes).sort()).toEqual([1, 2, 2]);
      expect(page!.coverage.reduce((n, c) => n + c.verbatim, 0)).toBe(2);
      expect(page!.coverage.reduce((n, c) => n + c.altered, 0)).toBe(3);
    }
    expect(pages[1]!.page).toBe(2);
    // Past the last page: the last page.
    const beyond = (await loadPublishedClaim(slug, 99, 2))!;
    expect(beyond.page).toBe(3);
    expect(beyond.rows.map((r) => r.quoteId)).toEqual(pages[2]!.rows.map((r) => r.quoteId));
  });
});
