import { beforeAll, describe, expect, it } from "vitest";
import { loadPublishedClaim } from "@/lib/claim-page";
import { listPublishedClaimSlugs } from "@/lib/claims";
import { prisma } from "@/lib/db";
import { printedText } from "@/lib/analysis/word-diff";
import { useSeededDatabase } from "../support/seeded-database";

beforeAll(async () => {
  await useSeededDatabase();
}, 600_000);

describe(`every quote of the seed corpus, as readers see it (${process.env.TEST_DB})`, () => {
  it("is shown exactly as the article printed it, and its badge and diff agree", async () => {
    const slugs = await listPublishedClaimSlugs();
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    let rows = 0;
    for (const slug of slugs) {
      const claim = (await loadPublishedClaim(slug))!;
      const quotes = await prisma.quote.findMany({
        where: { id: { in: claim.rows.map((r) => r.quoteId) } },
        select: { id: true, start: true, end: true, exact: true, article: { select: { body: true } } },
      });
      const byId = new Map(quotes.map((q) => [q.id, q]));
      for (const row of claim.rows) {
        rows++;
        const q = byId.get(row.quoteId)!;
        // The matrix draws the article's own text at the quote's offsets: case, spacing, punctuation.
        expect(printedText(row.diff)).toBe(q.article.body.slice(q.start, q.end));
        const changed = row.diff.some((p) => p.op === "insert") || row.diff.some((p, i) => p.op === "delete" && i > 0 && i < row.diff.length - 1);
        if (row.fidelity === "verbatim" || row.fidelity === "trimmed") expect(row.diff.some((p) => p.op === "insert"), `${slug}: ${row.exact}`).toBe(false);
        if (row.fidelity === "altered") expect(changed, `${slug}: ${row.exact}`).toBe(true);
        if (row.fidelity === null || row.fidelity === "not_found") expect(row.diff).toEqual([{ op: "equal", text: row.exact }]);
      }
      for (const step of claim.timeline.filter((s) => s.kind === "article")) {
        expect(printedText(step.diff)).toBe(step.exact);
      }
    }
    expect(rows).toBeGreaterThan(5);
  });

  it("the “safe haven” matrix keeps every capital and space (no “harborfor”), and a headline quote is no longer all added words", async () => {
    const claim = (await loadPublishedClaim("pakistan-safe-haven-for-regional-terrorist-groups"))!;
    const drawn = claim.rows.map((r) => printedText(r.diff)).join(" | ");
    expect(drawn).not.toMatch(/harborfor|otherregionally/);
    expect(drawn).toContain("Pakistan remained a safe harbor");
    for (const row of claim.rows.filter((r) => r.inHeadline)) {
      expect(row.diff.filter((p) => p.op === "insert")).toEqual([]);
    }
  });
});
