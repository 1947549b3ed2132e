import http from "node:http";
import { expect, test } from "@playwright/test";
import { makeReportPdf } from "../support/test-pdf";
import { EDITOR, signIn } from "./support";

/** The local "outlet" the URL import fetches from (allow-listed for e2e in playwright.config.ts). */
// Next to the app's port, so the two databases' runs (scripts/test.sh runs them at once) never share it.
const PAGE_PORT = Number(process.env.E2E_PAGE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2);

test("an editor imports a pasted article and sees its quotes found; bad input gets inline errors", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/import");
  await expect(page.getByRole("heading", { name: "Import an article" })).toBeVisible();

  // Nothing pasted: an inline error, nothing sent.
  await page.getByLabel("Existing outlet").selectOption({ label: "RahaPress" });
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByText("Article text is required.")).toBeVisible();

  // A binary file is refused in the browser with a clear message.
  await page.getByLabel("Upload a .txt, .html or .pdf file").setInputFiles({
    name: "photo.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]),
  });
  await expect(page.getByText(/not text \(it looks binary\)/)).toBeVisible();

  const stamp = Date.now();
  await page.getByLabel("Existing outlet").selectOption({ label: "— a new outlet —" });
  await page.getByLabel("New outlet name").fill(`Test Wire ${stamp}`);
  await page.getByLabel("Published").fill("2021-02-03");
  await page.getByLabel("…or paste it here").fill(
    `Ministry rejects report ${stamp}\n\nThe foreign ministry said the report was “baseless and misleading,” a spokesman told reporters.\n\n“We will respond in due course,” he said.`,
  );
  await page.getByRole("button", { name: "Import article" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("Imported.");
  await expect(status).toContainText("2 quotes found.");

  // The same text again is recognised, not duplicated.
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("status")).toContainText("already in Claimscope");

  await page.getByRole("link", { name: "Public page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ministry rejects report ${stamp}`);
  // The quotes found are suggestions until an editor reviews them: readers see the article without them.
  await expect(page.getByText("baseless and misleading").first()).toBeVisible();
  await expect(page.locator("mark")).toHaveCount(0);
});

test("an editor uploads a PDF article and sees its text and quotes found", async ({ page }) => {
  const stamp = Date.now();
  const bytes = await makeReportPdf({
    header: "Coastal Gazette — Port edition",
    paragraphs: [
      `Harbour pilots ${stamp} will strike next month unless the port authority reverses its decision to cut the night shift, their union said.`,
      "“We have warned the authority for two years that the night shift keeps the channel safe,” said Oskar Lindqvist, the union's chairman.",
    ],
    width: 48,
    linesPerPage: 4,
  });
  await signIn(page, EDITOR, "/editor/import");
  await page.getByLabel("Existing outlet").selectOption({ label: "— a new outlet —" });
  await page.getByLabel("New outlet name").fill(`Coastal Gazette ${stamp}`);
  await page.getByLabel("Headline").fill(`Harbour pilots threaten strike ${stamp}`);
  await page.getByLabel("Upload a .txt, .html or .pdf file").setInputFiles({ name: "pilots.pdf", mimeType: "application/pdf", buffer: Buffer.from(bytes) });
  await expect(page.getByText(/pilots\.pdf: a PDF of \d+ KB/)).toBeVisible();
  // The file is sent as it is: there is no text to paste or preview meanwhile.
  await expect(page.getByLabel("…or paste it here")).toHaveCount(0);
  await page.getByRole("button", { name: "Import article" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("Imported.");
  await expect(status).toContainText("1 quote found.");
  await status.getByRole("link", { name: "Review its quotes" }).click();
  await expect(page.getByText("Oskar Lindqvist").first()).toBeVisible();
  // Each quote is cited by the page of the PDF it is on.
  await expect(page.getByRole("list", { name: "Quotes in this article" }).getByText("p. 2", { exact: true })).toBeVisible();
  await expect(page.getByText("keeps the channel safe").first()).toBeVisible();
  // The running header and the page numbers are not article text.
  await expect(page.getByText("Port edition")).toHaveCount(0);
});

test("an editor imports an article by its URL, sees the quotes found, and sees the page as it was fetched", async ({ page }) => {
  const stamp = Date.now();
  const html = `<!doctype html><html lang="en"><head><meta charset="windows-1252"><title>Port strike ends ${stamp} | Harbour Wire</title>
<meta property="og:site_name" content="Harbour Wire ${stamp}"><meta property="article:published_time" content="2026-11-20T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Port strike ends ${stamp}</h1>
<p>Dock workers voted on Monday to accept a 6 percent pay rise, ending a nine-day strike.</p>
<p>Union leader Mara Olsen said the deal was \x93a fair result for people who keep this port running\x94.</p>
</article><div class="comments"><h3>Comments (1)</h3><p>\x93Greedy,\x94 said a reader.</p></div></body></html>`;
  const bytes = Buffer.from([...html].map((c) => c.charCodeAt(0)));
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(bytes));
  await new Promise<void>((resolve) => server.listen(PAGE_PORT, "127.0.0.1", resolve));
  try {
    await signIn(page, EDITOR, "/editor/import");
    await page.getByLabel("Article address (URL)").fill(`http://127.0.0.1:${PAGE_PORT}/news/strike-${stamp}`);
    await page.getByRole("button", { name: "Fetch and import" }).click();
    const status = page.getByRole("status").filter({ hasText: "Imported" });
    // Fetching, extraction and analysis on a busy test machine can take a while.
    await expect(status).toContainText(`Port strike ends ${stamp}`, { timeout: 60_000 });
    const found = status.getByRole("list", { name: "Quotes found" });
    await expect(found).toContainText("“a fair result for people who keep this port running” — Mara Olsen");
    await expect(found).not.toContainText("Greedy");

    // The article page shows the page as received, and the HTML as its source, never rendered.
    await status.getByRole("link", { name: `Port strike ends ${stamp}` }).click();
    await expect(page.getByRole("heading", { name: "As fetched from the outlet" })).toBeVisible();
    await expect(page.getByText("text/html, windows-1252")).toBeVisible();
    const source = await page.request.get(await page.getByRole("link", { name: "View the HTML as received" }).getAttribute("href") as string);
    expect(source.headers()["content-type"]).toBe("text/plain; charset=windows-1252");
    expect(source.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await source.body()).equals(bytes)).toBe(true);

    // A host on the server's own network is refused with a clear message.
    await page.goto("/editor/import");
    await page.getByLabel("Article address (URL)").fill(`http://localhost:${PAGE_PORT}/news/strike-${stamp}`);
    await page.getByRole("button", { name: "Fetch and import" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "private or local networks" })).toBeVisible({ timeout: 30_000 });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test("pasted text from a PDF is previewed unwrapped, with the removed furniture listed, before saving", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/import");
  const stamp = Date.now();
  const wrapped = [
    "Skip to content",
    "",
    `Ferry timetable cut ${stamp}`,
    "",
    "    The operator of the island ferry has cancelled its winter timetable,",
    "    leaving the island with two crossings a week until March, it said on",
    "    Tuesday.",
    "",
    "Share this article",
  ].join("\n");
  await page.getByLabel("…or paste it here").fill(wrapped);
  const preview = page.getByRole("region", { name: "Cleaned text preview" });
  await expect(preview).toContainText("2 line breaks inside paragraphs joined");
  await expect(preview.locator("details").first()).toContainText("Skip to content");
  await expect(preview).toContainText("Share this article");
  await preview.getByText("Text as it will be stored").click();
  await expect(preview.locator("pre")).toContainText(
    "The operator of the island ferry has cancelled its winter timetable, leaving the island with two crossings a week until March, it said on Tuesday.",
  );
});
