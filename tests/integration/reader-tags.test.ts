import { beforeAll, describe, expect, it } from "vitest";
import { listClaimTags } from "@/lib/claims";
import { migrateDatabase, prisma } from "@/lib/db";
import { createArticle, createClaim, createQuote } from "../support/factories";

/**
 * /tags lists what readers may see (issue 9, item 15; lib/visibility.ts): a tag
 * used only on a draft claim, or only on a rejected quote, is not listed; a tag
 * on a published claim or on a public quote is, counted over public rows only.
 */
const stamp = Date.now();
const slugs = {
  published: `pub-topic-${stamp}`,
  draftOnly: `draft-topic-${stamp}`,
  publicFraming: `pub-framing-${stamp}`,
  rejectedFraming: `rejected-framing-${stamp}`,
};

beforeAll(async () => {
  await migrateDatabase();
  const published = await createClaim({ status: "published" });
  const draft = await createClaim({ status: "draft" });
  const tag = (slug: string, kind: "topic" | "framing") => prisma.tag.create({ data: { name: slug, slug, kind } });
  const [pub, draftOnly, pubFraming, rejectedFraming] = await Promise.all([
    tag(slugs.published, "topic"),
    tag(slugs.draftOnly, "topic"),
    tag(slugs.publicFraming, "framing"),
    tag(slugs.rejectedFraming, "framing"),
  ]);
  await prisma.claimTag.createMany({
    data: [
      { claimId: published.id, tagId: pub.id },
      { claimId: draft.id, tagId: pub.id },
      { claimId: draft.id, tagId: draftOnly.id },
    ],
  });
  const article = await createArticle({ body: `Tags test ${stamp}. “One said this.” “Two said that.” “Three said more.”` });
  const onPublished = await createQuote(article.id, "One said this.", { claimId: published.id, reviewStatus: "confirmed" });
  const suggestion = await createQuote(article.id, "Two said that.", { claimId: draft.id, reviewStatus: "suggested" });
  const rejected = await createQuote(article.id, "Three said more.", { claimId: published.id, reviewStatus: "rejected" });
  await prisma.quoteTag.createMany({
    data: [
      { quoteId: onPublished.id, tagId: pubFraming.id },
      { quoteId: suggestion.id, tagId: pubFraming.id },
      { quoteId: rejected.id, tagId: pubFraming.id },
      { quoteId: rejected.id, tagId: rejectedFraming.id },
    ],
  });
});

describe("/tags", () => {
  it("lists only tags readers can find, counted over public rows", async () => {
    const tags = await listClaimTags();
    const bySlug = new Map(tags.map((t) => [t.slug, t]));
    expect(bySlug.get(slugs.published)).toMatchObject({ claims: 1 });
    expect(bySlug.get(slugs.publicFraming), "one confirmed quote; the unreviewed suggestion and the rejected one not counted").toMatchObject({ quotes: 1 });
    expect(bySlug.has(slugs.draftOnly), "a tag on a draft claim only").toBe(false);
    expect(bySlug.has(slugs.rejectedFraming), "a framing tag on a rejected quote only").toBe(false);
  });
});
