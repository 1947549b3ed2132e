/**
 * Import by URL against a local HTTP server this test starts (127.0.0.1 is
 * allow-listed as an intranet host, as CLAIMSCOPE_FETCH_ALLOW lets an operator
 * do; every other local name stays refused). Each input gives the right text
 * or a clear error, and a refused import stores nothing.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctArticle } from "@/lib/article-corrections";
import { migrateDatabase, prisma } from "@/lib/db";
import { ImportInputError } from "@/lib/import-article";
import { importFromUrl } from "@/lib/import-url";
import { importUrlSchema } from "@/lib/validation/import";
import { createUser } from "../support/factories";
import { TSX } from "../support/tsx";

const PORT = process.env.TEST_DB === "postgres" ? 3085 : 3084;
const BASE = `http://127.0.0.1:${PORT}`;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Water board approves 9 percent price rise | Lakeside Courier</title>
<link rel="canonical" href="${BASE}/news/water-board">
<meta property="og:site_name" content="Lakeside Courier">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Water board approves 9 percent price rise","datePublished":"2026-11-02T08:00:00Z","author":{"@type":"Person","name":"Kerstin Alvarado"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Water board approves 9 percent price rise</h1>
<p>The Lakeside water board on Monday approved a 9 percent rise in household water prices from January, the largest increase in a decade.</p>
<p>“The pipes under the old town are a hundred years old and they are failing faster than we can replace them,” said board chair Teodor Malm.</p>
<p>The board will publish a detailed investment plan in February.</p>
</article>
<h3>Reader comments (1)</h3>
<div class="user-reactions"><p><b>Gunnar P.</b> · 9:14</p><p>“They wasted millions on consultants,” my neighbour says.</p></div>
<footer>© 2026 Lakeside Courier</footer></body></html>`;

/** The same page in windows-1252: curly quotes at 0x93/0x94, é at 0xE9. */
function cp1252(html: string): Buffer {
  const map: Record<string, number> = { "“": 0x93, "”": 0x94, "’": 0x92, "é": 0xe9, "—": 0x97 };
  return Buffer.from([...html].map((c) => map[c] ?? c.charCodeAt(0)));
}
const CAFE = `<html><head><title>Café owners protest | Harbour Post</title>CHARSET</head><body><article><h1>Café owners protest</h1>
<p>Owners of the harbour café chain said the new licence fee was “a tax on breakfast” and promised to fight it in court, a spokesman said.</p>
<p>The council said the fee — the first rise since 2015 — would fund street cleaning around the terraces of the old harbour.</p>
</article></body></html>`;

let pdfBytes: Uint8Array;
const served = new Map<string, { status?: number; headers?: Record<string, string>; body?: Buffer | string; slow?: boolean }>();
let current = ARTICLE;

let server: http.Server;
let actorId: string;

beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
  process.env.CLAIMSCOPE_FETCH_ALLOW = "127.0.0.1";

  const pdf = await PDFDocument.create();
  pdf.setTitle("Reservoir levels report");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [n, lines] of [
    [1, ["Reservoir levels fell to their lowest point since records began in 1961, the authority", "said in its annual report."]],
    [2, ["“If the autumn is as dry as the summer, we will ask households to cut their use,” said", "Hanne Lie, the authority's director."]],
  ] as const) {
    const page = pdf.addPage([595, 842]);
    page.drawText("Valley Water Authority — Annual Report", { x: 72, y: 800, size: 9, font });
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 700 - i * 14, size: 11, font }));
    page.drawText(String(n), { x: 290, y: 40, size: 9, font });
  }
  pdfBytes = await pdf.save();

  served.set("/report.pdf", { headers: { "content-type": "application/pdf" }, body: Buffer.from(pdfBytes) });
  served.set("/cafe-1252", { headers: { "content-type": "text/html; charset=windows-1252" }, body: cp1252(CAFE.replace("CHARSET", "")) });
  served.set("/cafe-meta", { headers: { "content-type": "text/html" }, body: cp1252(CAFE.replace("CHARSET", '<meta charset="iso-8859-1">').replace("Café owners", "Café owners say")) });
  served.set("/cafe-undeclared", { headers: { "content-type": "text/html" }, body: cp1252(CAFE.replace("CHARSET", "").replace("Café owners", "Café owners vow")) });
  served.set("/r1", { status: 301, headers: { location: "/r2" } });
  served.set("/r2", { status: 302, headers: { location: `${BASE}/r3` } });
  served.set("/r3", { status: 307, headers: { location: "/news/redirected" } });
  served.set("/news/redirected", { headers: { "content-type": "text/html; charset=utf-8" }, body: ARTICLE.replace(/Water board approves/g, "Redirected: water board approves").replace(`${BASE}/news/water-board`, `${BASE}/news/redirected`) });
  served.set("/huge", { headers: { "content-type": "text/html" }, body: `<html><body><p>${"word ".repeat(300_000)}</p></body></html>` });
  served.set("/slow", { slow: true });
  served.set("/photo", { headers: { "content-type": "image/jpeg" }, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
  // A PNG served as text/html: binary data, with NUL bytes PostgreSQL cannot store as text.
  served.set("/photo-as-html", { headers: { "content-type": "text/html" }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]) });
  served.set("/to-localhost", { status: 302, headers: { location: `http://localhost:${PORT}/news/water-board` } });
  served.set("/to-private", { status: 302, headers: { location: "http://192.168.1.10/admin" } });

  server = http.createServer((req, res) => {
    if (req.url === "/news/water-board" || req.url === "/news/water-board/") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(current);
    const route = served.get(req.url ?? "");
    if (!route) return void res.writeHead(404).end();
    if (route.slow) {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>");
      const timer = setInterval(() => res.write("still loading "), 200);
      res.on("close", () => clearInterval(timer));
      return;
    }
    res.writeHead(route.status ?? 200, route.headers).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
});

afterAll(async () => {
  delete process.env.CLAIMSCOPE_FETCH_ALLOW;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const parse = (url: string) => importUrlSchema.parse({ url });
async function stored(articleId: string) {
  return prisma.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      title: true,
      body: true,
      pageStarts: true,
      byline: true,
      url: true,
      publishedAt: true,
      language: true,
      rawText: true,
      outlet: { select: { name: true, domain: true } },
      quotes: { select: { exact: true, speaker: { select: { name: true } } } },
      captures: { select: { requestedUrl: true, finalUrl: true, redirects: true, httpStatus: true, mediaType: true, encoding: true, byteLength: true, sha256: true, bytes: true } },
    },
  });
}

describe(`import by URL (${process.env.TEST_DB})`, () => {
  it("an article page: its text, metadata, outlet by domain, quotes, and the page as received beside it", async () => {
    const outcome = await importFromUrl(prisma, parse(`${BASE}/news/water-board`), actorId);
    expect(outcome).toMatchObject({ created: true, correction: null, title: "Water board approves 9 percent price rise" });
    const article = await stored(outcome.articleId);
    expect(article.body.split("\n\n")).toEqual([
      "Water board approves 9 percent price rise",
      "The Lakeside water board on Monday approved a 9 percent rise in household water prices from January, the largest increase in a decade.",
      "“The pipes under the old town are a hundred years old and they are failing faster than we can replace them,” said board chair Teodor Malm.",
      "The board will publish a detailed investment plan in February.",
    ]);
    // The page with comments: the comments are not article text and give no quotes.
    expect(article.body).not.toContain("consultants");
    expect(article).toMatchObject({ byline: "Kerstin Alvarado", url: `${BASE}/news/water-board`, language: "en", outlet: { name: "Lakeside Courier", domain: "127.0.0.1" } });
    expect(article.publishedAt?.toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect(article.quotes).toContainEqual({ exact: "The pipes under the old town are a hundred years old and they are failing faster than we can replace them,", speaker: { name: "Teodor Malm" } });
    expect(article.quotes.map((q) => q.exact).join(" ")).not.toContain("consultants");
    expect(article.captures).toHaveLength(1);
    const [capture] = article.captures;
    expect(capture).toMatchObject({ requestedUrl: `${BASE}/news/water-board`, finalUrl: `${BASE}/news/water-board`, redirects: [], httpStatus: 200, mediaType: "text/html", encoding: "UTF-8" });
    expect(Buffer.from(capture.bytes).toString("utf8")).toBe(ARTICLE);
    expect(capture.byteLength).toBe(Buffer.byteLength(ARTICLE));
    expect(article.rawText).toBe(ARTICLE);
  });

  it("a second import of the same URL is recognised; changed text is offered as a text correction", async () => {
    const again = await importFromUrl(prisma, parse(`${BASE}/news/water-board`), actorId);
    expect(again).toMatchObject({ created: false, correction: null });
    const before = await prisma.article.count();

    current = ARTICLE.replace("in February", "in March");
    const changed = await importFromUrl(prisma, parse(`${BASE}/news/water-board/`), actorId);
    expect(changed.created).toBe(false);
    expect(changed.correction?.body).toContain("The board will publish a detailed investment plan in March.");
    expect(await prisma.article.count()).toBe(before);
    const { summary } = await correctArticle(actorId, { id: changed.articleId, version: changed.correction!.version, body: changed.correction!.body, note: "Re-imported" });
    expect(summary.orphaned).toBe(0);
    expect((await stored(changed.articleId)).body).toContain("in March.");
    current = ARTICLE;
  });

  it("a PDF: its text in reading order, running header and page numbers dropped, where each page begins kept", async () => {
    const outcome = await importFromUrl(prisma, parse(`${BASE}/report.pdf`), actorId);
    const article = await stored(outcome.articleId);
    expect(article.title).toBe("Reservoir levels report");
    expect(article.body).toBe(
      [
        "Reservoir levels report",
        "Reservoir levels fell to their lowest point since records began in 1961, the authority said in its annual report.",
        "“If the autumn is as dry as the summer, we will ask households to cut their use,” said Hanne Lie, the authority's director.",
      ].join("\n\n"),
    );
    expect(article.pageStarts).toEqual([article.body.indexOf("Reservoir levels fell"), article.body.indexOf("“If the autumn")]);
    expect(article.captures[0]).toMatchObject({ mediaType: "application/pdf", encoding: null, byteLength: pdfBytes.byteLength });
    expect(Buffer.from(article.captures[0].bytes).equals(Buffer.from(pdfBytes))).toBe(true);
    expect(article.quotes.map((q) => q.speaker?.name)).toContain("Hanne Lie");
  });

  it.each([
    ["declared in the HTTP header", "/cafe-1252", "windows-1252"],
    ["declared as ISO-8859-1 in <meta charset>", "/cafe-meta", "windows-1252"],
    ["not declared at all", "/cafe-undeclared", "windows-1252"],
  ])("a windows-1252 page, %s: quotes and accents read right", async (_name, path, encoding) => {
    const outcome = await importFromUrl(prisma, parse(`${BASE}${path}`), actorId);
    const article = await stored(outcome.articleId);
    expect(article.title).toMatch(/^Café owners/);
    expect(article.body).toContain("said the new licence fee was “a tax on breakfast” and promised");
    expect(article.body).toContain("the fee — the first rise since 2015 — would fund");
    expect(article.body).not.toMatch(/[\u0080-\u009f\ufffd]|â€/);
    expect(article.quotes.map((q) => q.exact)).toContain("a tax on breakfast");
    expect(article.captures[0].encoding).toBe(encoding);
  });

  it("a redirect chain: followed, every hop recorded, the final page imported", async () => {
    const outcome = await importFromUrl(prisma, parse(`${BASE}/r1`), actorId);
    const article = await stored(outcome.articleId);
    expect(article.title).toBe("Redirected: water board approves 9 percent price rise");
    expect(article.url).toBe(`${BASE}/news/redirected`);
    expect(article.captures[0]).toMatchObject({ requestedUrl: `${BASE}/r1`, redirects: [`${BASE}/r2`, `${BASE}/r3`, `${BASE}/news/redirected`], finalUrl: `${BASE}/news/redirected` });
  });

  it.each([
    ["an oversized page", "/huge", /larger than 1 MB/, { maxBytes: 1024 * 1024 }],
    ["a slow page", "/slow", /took too long/, { timeoutMs: 1_000 }],
    ["a page that is not HTML", "/photo", /image\/jpeg, not a web page or a PDF/, {}],
    ["binary data served as text/html", "/photo-as-html", /says it gives text\/html, but what it sent is binary data/, {}],
    ["a host name that resolves to a refused address", `http://localhost:${PORT}/news/water-board`, /private or local networks/, {}],
    ["a redirect from the allowed host to a refused host name", "/to-localhost", /private or local networks/, {}],
    ["a redirect from the allowed host to a private address", "/to-private", /private-network address/, {}],
    ["a missing page", "/nowhere", /answered 404/, {}],
  ])("%s: a clear error, and nothing stored", async (_name, path, message, limits) => {
    const counts = async () => [await prisma.article.count(), await prisma.articleCapture.count(), await prisma.outlet.count(), await prisma.quote.count()];
    const before = await counts();
    const url = path.startsWith("/") ? `${BASE}${path}` : path;
    const error = await importFromUrl(prisma, parse(url), actorId, limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(message);
    expect(await counts()).toEqual(before);
  });
});

describe(`npm run import with a list of URLs (${process.env.TEST_DB})`, () => {
  it("imports each URL, reports each failure, and is idempotent when re-run", { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "claimscope-urls-"));
    try {
      const list = path.join(dir, "urls.txt");
      await writeFile(
        list,
        [
          "# articles to import",
          `${BASE}/cafe-1252`,
          "",
          `${BASE}/report.pdf`,
          `http://localhost:${PORT}/news/water-board`,
          "not a url",
          `${BASE}/photo`,
        ].join("\n"),
      );
      const env = { ...process.env, NODE_OPTIONS: "", CLAIMSCOPE_FETCH_ALLOW: "127.0.0.1" };
      // A child process cannot share the in-memory PGlite of this test: it gets its own directory.
      // That directory needs no demo corpus (CLAIMSCOPE_SEED=0: reference data only; seeding it cost more than the import).
      const childEnv = process.env.DATABASE_URL ? env : { ...env, PGLITE_DATA_DIR: path.join(dir, "db"), CLAIMSCOPE_SEED: "0" };
      const run = () => promisify(execFile)(TSX, ["--conditions=react-server", "scripts/import.ts", list], { env: childEnv, cwd: process.cwd() }).catch((e) => e);
      const first = await run();
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(/URLs: 5 \(4 to fetch, 1 not addresses\)/);
      expect(first.stdout).toMatch(/line 6: not an http\(s\) address: not a url/);
      expect(first.stdout).toMatch(/localhost:\d+\/news\/water-board: localhost resolves only to addresses on private or local networks/);
      expect(first.stdout).toMatch(/\/photo: That address gives image\/jpeg/);
      const second = await run();
      expect(second.stdout).toMatch(/0 new/);
      expect(second.stdout).toMatch(/batch: 2 done, 2 failed, 0 left/);
      if (process.env.DATABASE_URL) {
        expect(await prisma.articleCapture.count({ where: { requestedUrl: `${BASE}/report.pdf` } })).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
