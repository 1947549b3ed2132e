import { expect, test, type Page } from "@playwright/test";
import { makeReportPdf } from "../support/test-pdf";
import { chooseInCombobox, EDITOR, signIn } from "./support";

/**
 * The whole path from a new story to a reader: import an article, add its
 * primary source as a PDF, review its quotes (confirm one, reject one, leave one
 * as a suggestion), link the claim to the source sentence, rate and publish it;
 * then, as an anonymous reader, see only the confirmed quote, measured against
 * that source, drawn exactly as the article printed it, and the suggestion
 * nowhere on any public address.
 */
const stamp = Date.now();
const CLAIM_SENTENCE = "The agency will reopen the eastern canal to boats once the dredging of its locks ends.";
const CONFIRMED = "will reopen the eastern canal to boats once the dredging of its locks ends,";
const SUGGESTED = "expects no further delays before the autumn";
const REJECTED = "came without any warning at all";
const ARTICLE = [
  `Canal to reopen ${stamp}`,
  `The agency said it “${CONFIRMED}” a spokesman told reporters on Tuesday.`,
  `The spokesman added that the agency “${SUGGESTED},” according to the notice.`,
  `Boat owners said the closure “${REJECTED}.”`,
].join("\n\n");

/** The wording a framing-matrix cell shows a reader: its text without dropped words, hidden labels or "…" markers. */
async function printedWording(page: Page, quoteId: string) {
  return page.locator(`[data-testid="matrix-wording"][data-quote-id="${quoteId}"]`).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("del, .sr-only, .diff__elided").forEach((n) => n.remove());
    return copy.textContent ?? "";
  });
}

async function setReviewStatus(page: Page, articleEditorUrl: string, quoteText: string, status: "confirmed" | "rejected") {
  await page.goto(articleEditorUrl);
  const item = page.getByRole("list", { name: "Quotes in this article" }).getByRole("listitem").filter({ hasText: quoteText });
  await item.getByRole("link", { name: "Open", exact: true }).click();
  await page.getByLabel("Review status").selectOption(status);
  await page.getByRole("button", { name: "Save quote" }).click();
  // The live region is always there: wait for the save itself before leaving the page.
  await expect(page.getByRole("status")).toContainText("Saved.");
}

test("a new story reaches readers only as an editor checked it, against its PDF source", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // 1. Import the article.
  await signIn(page, EDITOR, "/editor/import");
  await page.getByLabel("Existing outlet").selectOption({ label: "— a new outlet —" });
  await page.getByLabel("New outlet name").fill(`Canal Gazette ${stamp}`);
  await page.getByLabel("…or paste it here").fill(ARTICLE);
  await page.getByRole("button", { name: "Import article" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("Imported.", { timeout: 60_000 }); // the first analysis starts its worker thread
  const articleEditorUrl = (await status.getByRole("link", { name: "Review its quotes" }).getAttribute("href"))!;
  const articlePublicUrl = (await status.getByRole("link", { name: "Public page" }).getAttribute("href"))!;

  // 2. Its primary source, as a PDF of several pages with running headers and hyphenated line ends.
  const pdf = await makeReportPdf({
    header: `Canal Agency notice ${stamp} — official`,
    paragraphs: [
      "Canal works notice",
      "The agency inspected every lock on the eastern canal during the winter closure and found silt above the permitted depth.",
      CLAIM_SENTENCE,
      "Moorings on the western canal stay open throughout the works, and permits issued before the closure remain valid.",
      "Questions about the works can be sent to the agency's regional office, which publishes a weekly progress report.",
    ],
    width: 42,
    linesPerPage: 7,
  });
  await page.goto("/editor/sources");
  const form = page.getByRole("form", { name: "New source" });
  await form.getByLabel("Title").fill(`Canal works notice ${stamp}`);
  await form.getByLabel("Upload a .txt, .html or .pdf file").setInputFiles({ name: "canal-notice.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) });
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(page).toHaveURL(/\/editor\/sources\/[\w-]+/, { timeout: 60_000 });
  await expect(page.getByRole("status")).toContainText("Source added. Read from");
  const sourceText = page.getByTestId("source-text");
  // Hyphenation repaired ("publi-" ends a line of page 3: the word is whole again), headers gone, pages marked.
  await expect(sourceText).toContainText(CLAIM_SENTENCE);
  await expect(sourceText).toContainText("regional office, which publishes a weekly progress report.");
  await expect(sourceText).not.toContainText("publi-");
  await expect(sourceText).not.toContainText("official");
  await expect(sourceText.getByLabel("Page 2")).toBeVisible();

  // 3. Review: confirm one quote, reject one, leave one as a suggestion.
  await setReviewStatus(page, articleEditorUrl, CONFIRMED.slice(0, 30), "confirmed");
  await setReviewStatus(page, articleEditorUrl, REJECTED.slice(0, 20), "rejected");
  await page.goto(articleEditorUrl);
  const confirmedItem = page.getByRole("list", { name: "Quotes in this article" }).getByRole("listitem").filter({ hasText: CONFIRMED.slice(0, 30) });
  const claimEditorUrl = (await confirmedItem.locator('a[href^="/editor/claims/"]').getAttribute("href"))!;
  await page.goto(claimEditorUrl);
  // Read once the form holds the claim's address (not the empty field of a form still loading).
  const address = page.getByRole("form", { name: "Edit claim" }).getByLabel("Address");
  await expect(address).not.toHaveValue("");
  const claimSlug = await address.inputValue();
  await page.goto(articleEditorUrl);
  // The third quote joins the same claim but stays a suggestion: an editor has not checked it.
  const suggestedItem = page.getByRole("list", { name: "Quotes in this article" }).getByRole("listitem").filter({ hasText: SUGGESTED.slice(0, 25) });
  await suggestedItem.getByRole("link", { name: "Open", exact: true }).click();
  // The claim picker is a search box: the claim is found by its address.
  const picker = page.getByRole("combobox", { name: "Claim" });
  await picker.fill(claimSlug);
  await expect(page.getByRole("listbox").getByRole("option", { selected: true })).toContainText(claimSlug);
  // Clicked, not Enter: the pointer left where "Open" was clicked may rest over another option,
  // and hovering makes that one active (as a listbox should).
  await page.getByRole("listbox").getByRole("option").filter({ hasText: claimSlug }).click();
  await expect(page.getByText(`Now: ${claimSlug}`)).toBeVisible();
  await expect(page.getByLabel("Review status")).toHaveValue("suggested");
  await page.getByRole("button", { name: "Save quote" }).click();
  // The live region is always there: wait for the save itself before leaving the page.
  await expect(page.getByRole("status")).toContainText("Saved.");

  // 4. Link the claim to the source sentence by selecting it.
  await page.goto("/editor/sources");
  await page.getByRole("link", { name: `Canal works notice ${stamp}` }).click();
  const text = page.getByTestId("source-text");
  await text.evaluate((root, sentence) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(sentence);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + sentence.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error("sentence not found in the source text");
  }, CLAIM_SENTENCE);
  await expect(page.getByTestId("pending-passage")).toContainText(CLAIM_SENTENCE);
  // The claim picker is a search box here too: the claim is found by its address.
  const linkPicker = page.getByRole("combobox", { name: "Claim", exact: true });
  await linkPicker.fill(claimSlug);
  await linkPicker.press("Enter");
  await expect(linkPicker).not.toHaveValue(/^(?:No claim)?$/);
  await page.getByRole("button", { name: "Link claim to this passage" }).click();
  await expect(page.getByRole("status")).toContainText("Linked.");

  // 5. Rate and publish.
  await page.goto(claimEditorUrl);
  const rating = page.getByRole("form", { name: "Rating" });
  await rating.getByLabel("Verdict", { exact: true }).selectOption({ index: 1 });
  await rating.getByLabel("Why this verdict").fill("The agency's notice says exactly this.");
  await rating.getByRole("radiogroup", { name: "Quote fidelity, 1 to 5" }).getByText("5", { exact: true }).click();
  await rating.getByLabel("Why this fidelity rating").fill("Quoted word for word from the notice.");
  await rating.getByRole("radiogroup", { name: "Framing, 1 to 5" }).getByText("5", { exact: true }).click();
  await rating.getByLabel("Why this framing rating").fill("A neutral report of the notice.");
  await rating.getByRole("button", { name: "Rate claim" }).click();
  await expect(rating.getByRole("status")).toContainText("Rating saved.");
  await page.getByRole("button", { name: "Publish" }).click();
  const publicLink = page.getByRole("link", { name: "Public page" });
  await expect(publicLink).toBeVisible();
  const claimUrl = (await publicLink.getAttribute("href"))!;
  // The suggestion waits for an editor.
  await expect(page.getByTestId("awaiting-review")).toContainText("1 new quote awaiting review");

  // 6. An anonymous reader.
  const reader = await browser.newPage();
  await reader.goto(claimUrl);
  const rows = reader.getByTestId("framing-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Trimmed");
  // The source's words in quotation marks; the editor's summary not.
  await expect(reader.getByTestId("claim-words")).toContainText(`“${CLAIM_SENTENCE}”`);
  await expect(reader.getByTestId("claim-summary")).not.toContainText("“");

  const api = await (await reader.request.get(`/api${claimUrl}`)).json();
  const quote = api.data.quotes[0];
  expect(quote.exact).toBe(CONFIRMED);
  // The wording read from the rendered page is the article's own text.
  expect(await printedWording(reader, quote.quoteId)).toBe(CONFIRMED);
  await reader.goto(articlePublicUrl);
  await expect(reader.locator(`#quote-${quote.quoteId}`)).toHaveText(CONFIRMED);
  // The article's text is public, but the suggestion is not marked as a quote.
  await expect(reader.locator("mark").filter({ hasText: SUGGESTED })).toHaveCount(0);
  await expect(reader.locator("mark").filter({ hasText: REJECTED })).toHaveCount(0);

  // 7. A crawl of every public address finds no word of the suggestion (nor the rejected quote).
  const urls = new Set<string>([
    "/", "/claims", claimUrl, `/api${claimUrl}`, "/api/claims", "/api/quotes?perPage=100", "/api/articles", "/api/outlets",
    "/api/export/claim-review", "/api/export/annotations", "/api/export/claims.csv", "/api/export/quotes.csv",
    `/search?q=${encodeURIComponent("no further delays")}&type=quotes`, `/api/search?q=${encodeURIComponent("no further delays")}&type=quotes`,
    `/search?q=${encodeURIComponent("no further delays")}&type=claims`, "/outlets", "/speakers", "/tags", "/articles",
    "/feed.xml", "/sitemap.xml",
  ]);
  // Every address the sitemap gives search engines (an index lists further sitemaps, read too).
  const sitemaps = ["/sitemap.xml"];
  for (let i = 0; i < sitemaps.length && i < 20; i++) {
    const xml = await (await reader.request.get(sitemaps[i])).text();
    for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const path = new URL(loc).pathname;
      urls.add(path);
      if (path.endsWith(".xml") && !sitemaps.includes(path)) sitemaps.push(path);
    }
  }
  // Follow every public link from the claim page and the lists (outlet, speaker, tag, article pages).
  for (const from of ["/", "/claims", claimUrl, "/outlets", "/speakers"]) {
    await reader.goto(from);
    for (const href of await reader.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      if (!href.startsWith("/editor") && !href.startsWith("/sign-in")) urls.add(href);
    }
  }
  for (const url of urls) {
    const response = await reader.request.get(url);
    expect(response.status(), url).toBeLessThan(400);
    const body = await response.text();
    const isArticlePage = url === articlePublicUrl;
    if (!isArticlePage) {
      // Whole phrases, and a word of each found nowhere else (a search snippet may split a phrase with highlights).
      for (const words of [SUGGESTED, REJECTED, "autumn", "without any warning"]) expect(body.toLowerCase(), `${url}: ${words}`).not.toContain(words);
    }
  }

  // 8. Split the suggestion off into a new claim, then merge that claim back: its address leads to the claim.
  await page.goto(claimEditorUrl);
  await page.getByRole("checkbox", { name: new RegExp(`Select quote ${SUGGESTED.slice(0, 20)}`) }).check();
  const split = page.getByRole("form", { name: "Split into a new claim" });
  await split.getByLabel("Wording of the new claim").fill("The agency expects no further delays.");
  await split.getByRole("button", { name: "Split into new claim" }).click();
  const splitStatus = page.getByRole("status").filter({ hasText: "Split 1 quote off into a new draft claim" });
  await expect(splitStatus).toBeVisible();
  await splitStatus.getByRole("link").click();
  await expect(page).not.toHaveURL(new RegExp(`${claimEditorUrl}$`)); // on the new claim's page, not still on this one
  await expect(page.getByRole("table").first()).toContainText(SUGGESTED.slice(0, 25));
  const splitSlug = await page.getByRole("form", { name: "Edit claim" }).getByLabel("Address").inputValue();
  await page.goto(claimEditorUrl);
  const merge = page.getByRole("form", { name: "Merge another claim into this one" });
  await chooseInCombobox(merge.getByRole("combobox", { name: "Claim to merge into this one" }), "The agency expects no further delays.");
  await merge.getByRole("button", { name: "Merge…" }).click();
  await merge.getByRole("button", { name: "Yes, merge" }).click();
  await expect(merge.getByRole("status")).toContainText("Merged");
  const old = await reader.request.get(`/claims/${splitSlug}`, { maxRedirects: 0 });
  expect(old.status(), `/claims/${splitSlug} after the merge: ${(await old.text()).slice(0, 300)}`).toBe(308);
  expect(new URL(old.headers()["location"], reader.url()).pathname).toBe(claimUrl);
  await reader.goto(`/claims/${splitSlug}`);
  await expect(reader).toHaveURL(new RegExp(`${claimUrl}$`));
  // The suggestion is back on the published claim, still only in the editor's queue.
  await reader.goto(claimUrl);
  await expect(reader.getByTestId("framing-row")).toHaveCount(1);
});
