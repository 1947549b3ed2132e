import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator } from "@playwright/test";

/**
 * Issue 11, "exact as printed": over every public quote of the seed corpus, the
 * wording a reader sees on the claim page — the framing matrix and the timeline,
 * read from the page Chromium rendered — is the article's own text at the quote's
 * offsets: case, spacing and punctuation. The article text is read from the seed
 * files on disk, not from anything the app computed; the offsets from the public
 * quotes API (W3C TextPositionSelector, UTF-16 code units into the stored body).
 */
const SEED = path.join(process.cwd(), "prisma", "seed-data");
const corpus = JSON.parse(readFileSync(path.join(SEED, "corpus.json"), "utf8")) as { articles: { slug: string; file: string }[] };
const bodies = new Map(corpus.articles.map((a) => [a.slug, readFileSync(path.join(SEED, `${a.file}.txt`), "utf8")]));

interface ApiQuote {
  id: string;
  start: number;
  end: number;
  article: { slug: string };
}

/** What the reader reads in a wording cell: the printed words, without the source's dropped words, the "…" of unquoted source text or the screen-reader labels. */
function printed(cell: Locator): Promise<string> {
  return cell.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("del, .diff__elided, .sr-only").forEach((n) => n.remove());
    return copy.textContent ?? "";
  });
}

test("every seed quote on a public claim page reads exactly as the article printed it", async ({ page, request }) => {
  const claims = (await (await request.get("/api/claims?perPage=100")).json()) as { data: { slug: string }[] };
  expect(claims.data.length).toBeGreaterThanOrEqual(3);
  let checked = 0;
  for (const { slug } of claims.data) {
    const quotes = (await (await request.get(`/api/quotes?claim=${encodeURIComponent(slug)}&perPage=100`)).json()) as { data: ApiQuote[] };
    const byId = new Map(quotes.data.map((q) => [q.id, q]));
    await page.goto(`/claims/${slug}`);
    const cells = page.locator("[data-testid=matrix-wording], [data-testid=timeline-wording][data-quote-id]");
    for (const cell of await cells.all()) {
      const quote = byId.get((await cell.getAttribute("data-quote-id"))!);
      expect(quote, `${slug}: a quote on the page is in the public API`).toBeDefined();
      const body = bodies.get(quote!.article.slug);
      if (!body) continue; // an article another spec imported, not the seed's
      expect(await printed(cell), `${slug}, quote ${quote!.id} (${quote!.article.slug} ${quote!.start}–${quote!.end})`).toBe(body.slice(quote!.start, quote!.end));
      checked++;
    }
  }
  // The seed publishes claims quoted by five articles of four outlets.
  expect(checked).toBeGreaterThan(10);
});
