/**
 * Anchoring field cases through the app: an article imported as an editor
 * would, its quotes found by the analysis, an editor's annotation on one of
 * them, then a text correction (tests/fixtures/cases/anchoring/.../with-import).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations";
import { correctArticle } from "@/lib/article-corrections";
import { migrateDatabase, prisma } from "@/lib/db";
import { importArticle } from "@/lib/import-article";
import { importArticleSchema } from "@/lib/validation/import";
import { createUser } from "../support/factories";

const CASE = path.resolve(import.meta.dirname, "../fixtures/cases/anchoring/b01-anchor-lookalike-after-delete/with-import");
const read = (file: string) => readFileSync(path.join(CASE, file), "utf8");

let actorId: string;
beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
});

describe(`anchoring through import and text correction (${process.env.TEST_DB})`, () => {
  it("b01: the mayor's quote and its annotation are orphaned, the director's own quote stays anchored", async () => {
    const meta = JSON.parse(read("articles/tram-extension.json")) as { title: string; outlet: string; url: string; published: string };
    const expected = JSON.parse(read("expected.json"));
    const outcome = await importArticle(
      prisma,
      importArticleSchema.parse({ format: "text", content: read("articles/tram-extension.txt"), title: meta.title, newOutletName: meta.outlet, url: meta.url, publishedAt: meta.published }),
      actorId,
    );
    const quotes = await prisma.quote.findMany({
      where: { articleId: outcome.articleId, kind: { not: "title" } },
      select: { id: true, start: true, end: true, exact: true, speaker: { select: { name: true } } },
      orderBy: { start: "asc" },
    });
    expect(quotes.map((q) => q.speaker?.name)).toEqual(["Ilse Brandt", "Ole Brandt-Nilsen"]);
    const [mayor, director] = quotes;
    const note = await createAnnotation(actorId, {
      articleId: outcome.articleId,
      articleVersion: 1,
      start: mayor.start,
      end: mayor.end,
      exact: mayor.exact,
      body: "Check: did the mayor give this date?",
      motivation: "questioning",
      claimId: null,
    });

    const edited = read("edited.txt");
    const { summary } = await correctArticle(actorId, { id: outcome.articleId, version: 1, body: edited });
    expect(summary).toEqual(expected.summary);

    const after = expected.after_correction;
    const mayorRow = await prisma.quote.findUniqueOrThrow({ where: { id: mayor.id } });
    expect(mayorRow.anchorStatus).toBe(after["quote by Ilse Brandt (mayor)"].anchorStatus);
    expect(mayorRow.exact).toBe(mayor.exact);
    const directorRow = await prisma.quote.findUniqueOrThrow({ where: { id: director.id } });
    expect(directorRow).toMatchObject({ anchorStatus: after["quote by Ole Brandt-Nilsen"].anchorStatus, start: after["quote by Ole Brandt-Nilsen"].start });
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: outcome.articleId }, select: { body: true } });
    expect(stored.body.slice(directorRow.start, directorRow.end)).toBe(director.exact);
    const noteRow = await prisma.annotation.findUniqueOrThrow({ where: { id: note.id } });
    expect(noteRow.anchorStatus).toBe(after["annotation 'Check: did the mayor give this date?'"].anchorStatus);
  });

  it("b03: a correction that only changes the Unicode normalisation keeps every anchor in place", async () => {
    const input = JSON.parse(readFileSync(path.resolve(CASE, "../../b03-anchor-unicode-normalisation/input.json"), "utf8")) as { original: string; edited: string };
    const outcome = await importArticle(prisma, importArticleSchema.parse({ format: "text", content: input.original, newOutletName: "Normalisation Weekly", stripBoilerplate: false }), actorId);
    const before = await prisma.quote.findMany({ where: { articleId: outcome.articleId }, select: { id: true, exact: true } });
    expect(before.length).toBeGreaterThan(0);
    const { summary } = await correctArticle(actorId, { id: outcome.articleId, version: 1, body: input.edited });
    expect(summary.orphaned).toBe(0);
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: outcome.articleId }, select: { body: true, quotes: { select: { id: true, start: true, end: true, exact: true, anchorStatus: true } } } });
    expect(stored.body).toBe(input.edited); // the stored text is never normalised
    for (const q of stored.quotes) {
      expect(q.anchorStatus).toBe("anchored");
      expect(stored.body.slice(q.start, q.end)).toBe(q.exact);
      expect(q.exact.normalize("NFC")).toBe(before.find((b) => b.id === q.id)!.exact.normalize("NFC"));
    }
  });
});
