import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { importTextForEditor } from "@/lib/editor-import";
import { importArticle } from "@/lib/import-article";
import { pageCitation } from "@/lib/source-pages";
import { importArticleSchema } from "@/lib/validation/import";
import { PDFDocument } from "pdf-lib";
import { makeReportPdf } from "../support/test-pdf";
import { TSX } from "../support/tsx";
import { useSeededDatabase } from "../support/seeded-database";

const run = promisify(execFile);

beforeAll(async () => {
  await useSeededDatabase();
});

const HTML = `<!doctype html><html><head><title>Envoy says talks “made real progress” | Example News</title>
<meta property="article:published_time" content="2021-03-04T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoy says talks “made real progress”</h1>
<p class="byline">By Jane Doe</p>
<p>The special envoy said on Thursday that the talks “made real progress on a ceasefire,” adding that both sides had agreed to meet again.</p>
<p>“We are not there yet,” he told reporters in Doha. “But the direction is right.”</p>
<p>Critics were unconvinced. <script>alert(1)</script>The opposition called the statement “wishful thinking.”</p>
</article><footer>© Example News. Subscribe to our newsletter.</footer></body></html>`;

function parse(input: Record<string, unknown>) {
  return importArticleSchema.parse({ format: "text", stripBoilerplate: false, ...input });
}

describe(`import (${process.env.TEST_DB})`, () => {
  it("turns an HTML page into an article with its headline first and its quotes found", async () => {
    const outcome = await importArticle(prisma, parse({ newOutletName: "Example News", format: "html", content: HTML, url: "https://news.example/envoy" }), null);
    expect(outcome.created).toBe(true);
    const article = await prisma.article.findUniqueOrThrow({
      where: { id: outcome.articleId },
      select: { title: true, body: true, publishedAt: true, url: true, outlet: { select: { name: true } }, quotes: { select: { exact: true } } },
    });
    expect(article.body.split("\n")[0]).toBe("Envoy says talks “made real progress”");
    expect(article.body).toContain("The special envoy said on Thursday");
    expect(article.body).not.toContain("Subscribe to our newsletter");
    expect(article.body).not.toContain("alert(1)");
    expect(article.outlet.name).toBe("Example News");
    expect(article.publishedAt?.toISOString().slice(0, 10)).toBe("2021-03-04");
    expect(article.quotes.map((q) => q.exact)).toEqual(expect.arrayContaining(["made real progress on a ceasefire,", "We are not there yet,"]));
  });

  it("uses an existing outlet by name, whatever its case, and prepends a given headline", async () => {
    const outcome = await importArticle(
      prisma,
      parse({ newOutletName: "rahapress", title: "A headline given by the editor", content: "The minister said “nothing has changed” today." }),
      null,
    );
    const article = await prisma.article.findUniqueOrThrow({ where: { id: outcome.articleId }, select: { body: true, outlet: { select: { slug: true } } } });
    expect(article.outlet.slug).toBe("rahapress");
    expect(article.body.startsWith("A headline given by the editor\n\nThe minister said")).toBe(true);
  });

  it("cleans a paste from a PDF: wrapped, indented lines become whole paragraphs and no body text is lost", async () => {
    const paragraphs = [
      "The regional water authority said on Monday that reservoir levels had fallen to their lowest point since records began in 1961.",
      "“If the autumn is as dry as the summer, we will have to ask households to cut their use by a fifth,” said Hanne Lie, the authority's director.",
      "Farmers in the valley said they had already been told to stop irrigating the lower fields.",
    ];
    const wrapped = paragraphs.map((p) => p.replace(/(.{1,58})(\s|$)/g, "      $1\n").trimEnd()).join("\n\n");
    const outcome = await importArticle(prisma, parse({ newOutletName: "Valley Post", title: "Reservoirs at record low", content: wrapped, stripBoilerplate: true }), null);
    const article = await prisma.article.findUniqueOrThrow({ where: { id: outcome.articleId }, select: { body: true, quotes: { select: { exact: true, speaker: { select: { name: true } } } } } });
    expect(article.body).toBe(["Reservoirs at record low", ...paragraphs].join("\n\n"));
    expect(article.quotes.map((q) => [q.exact, q.speaker?.name])).toContainEqual([
      "If the autumn is as dry as the summer, we will have to ask households to cut their use by a fifth,",
      "Hanne Lie",
    ]);
  });

  it("stores a new speaker with the kind the analysis found and the acronym the article defines, and why a quote has no speaker", async () => {
    const outcome = await importArticle(
      prisma,
      parse({
        newOutletName: "Registry Test News",
        content:
          "Levy row deepens\n\nThe Coastal Ferries Authority (CFA) on Monday said the levy was “unavoidable”.\n\nThe dispute is about a “right of way” across the harbour.",
      }),
      null,
    );
    const quotes = await prisma.quote.findMany({
      where: { articleId: outcome.articleId },
      orderBy: { start: "asc" },
      select: { exact: true, attributionReason: true, speaker: { select: { name: true, kind: true, aliases: true, acronyms: true } } },
    });
    expect(quotes).toEqual([
      { exact: "unavoidable", attributionReason: "cue in its sentence", speaker: { name: "Coastal Ferries Authority", kind: "organisation", aliases: [], acronyms: ["CFA"] } },
      { exact: "right of way", attributionReason: "no attribution cue in its paragraph", speaker: null },
    ]);
  });

  it("refuses bad input with clear messages and stores nothing", async () => {
    const before = await prisma.article.count();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ newOutletName: "X", content: "   " }, /Article text is required/],
      [{ newOutletName: "X", content: "a\u0000b" }, /control characters/],
      [{ newOutletName: "X", content: "broken \ud800 text" }, /invalid characters/],
      [{ newOutletName: "X", content: "x".repeat(1_000_001) }, /too long/],
      [{ content: "Some text." }, /Choose an outlet/],
      [{ newOutletName: "X", content: "Text", url: "javascript:alert(1)" }, /http/],
      [{ newOutletName: "X", content: "Text", publishedAt: "2020-13-45" }, /date/],
      [{ newOutletName: "X\nY", content: "Text" }, /one line/],
    ];
    for (const [input, message] of cases) {
      const result = importArticleSchema.safeParse({ format: "text", ...input });
      expect(result.success, JSON.stringify(input).slice(0, 60)).toBe(false);
      expect(result.error!.issues.map((i) => i.message).join(" ")).toMatch(message);
    }
    await expect(importArticle(prisma, parse({ outletId: "gone", content: "Text." }), null)).rejects.toThrow(/no longer exists/);
    expect(await prisma.article.count()).toBe(before);
  });
});

describe(`the import page's notice (${process.env.TEST_DB})`, () => {
  it("counts the quotes it lists: the title of a work in quotation marks is not one of them", async () => {
    const editor = await prisma.user.findFirstOrThrow({ select: { id: true } });
    const shown = await importTextForEditor(
      parse({
        newOutletName: "Notice Count Wire",
        content:
          "Rivers cleaner than in decades, agency says\n\nThe environment agency, in its annual report “Clean Rivers Outlook” released on Tuesday, said the rivers were “cleaner than at any time since 1970.”\n\n“Nobody should swim there yet,” its director told reporters.",
      }),
      editor.id,
    );
    expect(shown.found.map((q) => q.exact)).toEqual(["cleaner than at any time since 1970.", "Nobody should swim there yet,"]);
    expect(shown.quotes).toBe(shown.found.length);
    // The report's title is stored all the same, as a quote of kind "title".
    expect(await prisma.quote.findMany({ where: { articleId: shown.articleId, kind: "title" }, select: { exact: true } })).toEqual([{ exact: "Clean Rivers Outlook" }]);
  });
});

describe(`import of an uploaded PDF (${process.env.TEST_DB})`, () => {
  it("reads the text in reading order, hyphenation repaired and page furniture dropped, and finds its quotes", async () => {
    const paragraphs = [
      "Harbour pilots will strike next month unless the port authority reverses its decision to cut the night shift, their union said on Tuesday.",
      "“We have warned the authority for two years that the night shift keeps the channel safe,” said Oskar Lindqvist, the union's chairman.",
    ];
    const bytes = await makeReportPdf({ header: "Coastal Gazette — Port edition", paragraphs, width: 48, linesPerPage: 4 });
    const outcome = await importArticle(prisma, parse({ format: "pdf", content: Buffer.from(bytes).toString("base64"), newOutletName: "Coastal Gazette", title: "Harbour pilots threaten strike" }), null);
    const article = await prisma.article.findUniqueOrThrow({ where: { id: outcome.articleId }, include: { quotes: { include: { speaker: true } } } });
    expect(article.body).toBe(["Harbour pilots threaten strike", ...paragraphs].join("\n\n"));
    expect(article.body).not.toContain("Coastal Gazette — Port edition");
    expect(article.rawText).toBeNull();
    expect(article.quotes.map((q) => q.speaker?.name)).toContain("Oskar Lindqvist");
    // Each page's start, in the stored text (after the headline put in front), so a quote is cited by page.
    expect(article.pageStarts).toEqual([article.body.indexOf("Harbour pilots will"), article.body.indexOf("“We have warned")]);
    const quote = article.quotes.find((q) => q.exact.startsWith("We have warned"))!;
    expect(pageCitation(article.pageStarts, quote.start, quote.end)).toBe("p. 2");
  });

  it("refuses a file that is not a PDF, or a PDF with no text, with a clear message, and stores nothing", async () => {
    const before = [await prisma.article.count(), await prisma.outlet.count()];
    const blank = await PDFDocument.create();
    blank.addPage([420, 595]);
    const empty = await blank.save();
    const cases: [string, RegExp][] = [
      [Buffer.from("this is not a PDF at all").toString("base64"), /could not be read/],
      [Buffer.from(empty).toString("base64"), /has no text/],
    ];
    for (const [content, message] of cases) {
      await expect(importArticle(prisma, parse({ format: "pdf", content, newOutletName: "Never Created Gazette" }), null)).rejects.toThrow(message);
    }
    expect(importArticleSchema.safeParse({ format: "pdf", content: "", newOutletName: "X" }).error?.issues[0]?.message).toBe("Choose the PDF file.");
    expect(importArticleSchema.safeParse({ format: "pdf", content: "not base64!", newOutletName: "X" }).error?.issues[0]?.message).toMatch(/did not arrive whole/);
    expect([await prisma.article.count(), await prisma.outlet.count()]).toEqual(before);
  });
});

describe(`npm run import (${process.env.TEST_DB})`, () => {
  it("imports a folder (text, HTML and PDF files), reports each bad file, and is idempotent when re-run", { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "claimscope-import-"));
    try {
      await writeFile(path.join(dir, "one.txt"), "Talks resume\n\nThe envoy said “talks will resume next week,” according to officials.");
      await writeFile(path.join(dir, "one.json"), JSON.stringify({ outlet: "Wire Service", published: "2021-05-01" }));
      await writeFile(path.join(dir, "two.html"), HTML.replaceAll("real progress", "some progress"));
      await writeFile(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      await writeFile(path.join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      await writeFile(path.join(dir, "bad-meta.txt"), "Headline\n\nBody.");
      await writeFile(path.join(dir, "bad-meta.json"), "{ not json");
      // Over two pages, so that the running header is known for one and dropped.
      const pdf = await makeReportPdf({ header: "Harbour Times", paragraphs: ["Pilots end strike", "The pilots' union said the strike “has made its point” and ended it on Friday."], linesPerPage: 3 });
      await writeFile(path.join(dir, "three.pdf"), pdf);
      await writeFile(path.join(dir, "broken.pdf"), "%PDF-1.7 this file was cut short");
      const env = { ...process.env, NODE_OPTIONS: "" };
      const args = ["--conditions=react-server", "scripts/import.ts", dir, "--outlet", "Folder Outlet"];
      // A child process cannot share the in-memory PGlite of this test: it gets its own directory, which
      // starts from this file's template (PGLITE_TEMPLATE), the seeded one (useSeededDatabase).
      const childEnv = process.env.DATABASE_URL ? env : { ...env, PGLITE_DATA_DIR: path.join(dir, "db") };
      const first = await run(TSX, args, { env: childEnv, cwd: process.cwd() }).catch((e) => e);
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(/3 new, 0 already/);
      expect(first.stdout).toMatch(/broken\.pdf: That PDF could not be read/);
      expect(first.stdout).toMatch(/binary\.txt: not a text file/);
      expect(first.stdout).toMatch(/latin1\.txt: not valid UTF-8/);
      expect(first.stdout).toMatch(/bad-meta\.txt: metadata is not valid JSON/);
      const second = await run(TSX, args, { env: childEnv, cwd: process.cwd() }).catch((e) => e);
      expect(second.stdout).toMatch(/0 new/);
      expect(second.stdout).toMatch(/batch: 3 done, 1 failed, 0 left/);
      if (process.env.DATABASE_URL) {
        expect(await prisma.article.count({ where: { outlet: { name: "Wire Service" } } })).toBe(1);
        expect(await prisma.article.count({ where: { outlet: { name: "Folder Outlet" } } })).toBe(2);
        expect(await prisma.article.count({ where: { title: "Pilots end strike" } })).toBe(1);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
