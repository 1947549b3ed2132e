import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ADMIN, chooseInCombobox, EDITOR, EDITOR2, signIn } from "./support";

/**
 * The editor workspace, end to end in Chromium, on the seed corpus. The tests
 * make the quotes and claims they need through the UI, so they do not depend
 * on what the analysis pipeline suggests. Sign-in is rate-limited: the main
 * editor signs in once for the whole file.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
let editorContext: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  editorContext = await browser.newContext();
  page = await editorContext.newPage();
  await signIn(page, EDITOR);
});

test.afterAll(async () => {
  await editorContext.close();
});

/** Drags the mouse across `text` in the article workspace, as a person selects it. */
async function selectWithMouse(p: Page, text: string) {
  const box = await p.locator(".workspace-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: [Text, number][] = [];
    let all = "";
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      nodes.push([node, all.length]);
      all += node.data;
    }
    const index = all.indexOf(wanted);
    if (index < 0) throw new Error(`"${wanted}" is not in the article`);
    const at = (offset: number): [Text, number] => {
      for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= offset) return [nodes[k][0], offset - nodes[k][1]];
      throw new Error("offset out of range");
    };
    const [startNode, startOffset] = at(index);
    const [endNode, endOffset] = at(index + wanted.length - 1);
    startNode.parentElement!.scrollIntoView({ block: "center" });
    const rect = (node: Text, offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect();
    };
    const a = rect(startNode, startOffset);
    const b = rect(endNode, endOffset);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, text);
  await p.mouse.move(box.x1, box.y1);
  await p.mouse.down();
  await p.mouse.move(box.x2, box.y2, { steps: 8 });
  await p.mouse.up();
}

/** A few words from the given paragraph of the open article (robust to the seed's exact text). */
async function wordsOfParagraph(p: Page, index: number, from: number, count: number) {
  const text = await p.locator(`.workspace-text p[data-paragraph="${index}"]`).innerText();
  return text.split(/\s+/).slice(from, from + count).join(" ");
}

/** The queue item whose quote is exactly `words` (titles and context also appear in items). */
function queueItem(p: Page, words: string) {
  return p.locator(".queue-item").filter({ has: p.locator(".queue-item__quote mark").getByText(words, { exact: true }) });
}

/** Chooses the option whose text starts like `text` (long claims are shortened in selects). */
async function openArticle(p: Page, title: RegExp) {
  await p.goto("/editor/articles");
  await p.getByRole("link", { name: title }).click();
  await expect(p.locator(".workspace-text")).toBeVisible();
}

async function createClaim(p: Page, canonical: string) {
  await p.goto("/editor/claims");
  await p.getByLabel("Claim, in neutral wording").fill(canonical);
  await p.getByRole("button", { name: "Create draft claim" }).click();
  await expect(p.getByRole("heading", { level: 1 })).toHaveText(canonical);
  return p.url();
}

test("an editor creates a quote and an annotation by selecting text, then confirms and rejects quotes from the queue", async () => {
  await openArticle(page, /Disrupt Haqqanis/);
  const first = await wordsOfParagraph(page, 1, 0, 7);
  const second = await wordsOfParagraph(page, 2, 1, 6);
  const noted = await wordsOfParagraph(page, 3, 0, 5);

  const side = page.getByRole("complementary", { name: "Quotes and annotations" });
  for (const words of [first, second]) {
    await selectWithMouse(page, words);
    const selected = side.getByRole("region", { name: "Selected text" });
    await expect(selected.locator("blockquote")).toHaveText(words);
    await selected.getByRole("button", { name: "Create quote" }).click();
    await expect(side.getByRole("status")).toHaveText("Quote created and confirmed.");
    await expect(side.getByRole("list", { name: "Quotes in this article" })).toContainText(words);
  }
  await expect(page.locator(".workspace-text mark", { hasText: first.split(" ")[0] }).first()).toBeVisible();

  // An annotation: select, switch to the annotation form; an empty note is refused inline.
  await selectWithMouse(page, noted);
  const selected = side.getByRole("region", { name: "Selected text" });
  await selected.getByRole("button", { name: "Annotation" }).click();
  await selected.getByRole("button", { name: "Add annotation" }).click();
  await expect(selected.getByText("Write the note.")).toBeVisible();
  await selected.getByLabel("Note").fill(`Which report says this? (${run})`);
  await selected.getByLabel("Kind", { exact: true }).selectOption("questioning");
  await selected.getByRole("button", { name: "Add annotation" }).click();
  await expect(side.getByRole("list", { name: "Annotations" })).toContainText(`Which report says this? (${run})`);
  await expect(page.locator(".workspace-text .annotated").first()).toBeVisible();

  // Send both quotes back to the queue, then decide them there with the keyboard.
  await page.goto("/editor/review?status=confirmed&outlet=daily-outlook-afghanistan");
  for (const words of [first, second]) {
    const item = queueItem(page, words);
    await item.getByRole("button", { name: "Re-open" }).click();
    await expect(item).toHaveCount(0);
  }
  await page.goto("/editor/review");
  // The seed's own suggestions fill the first pages: filter to this article's outlet.
  const outletFilter = page.getByRole("combobox", { name: "Outlet" });
  await outletFilter.fill("daily outlook");
  await page.getByRole("option", { name: "Daily Outlook Afghanistan" }).click();
  await expect(page).toHaveURL(/outlet=/);
  await expect(page.getByRole("list", { name: "Quotes to review" })).toBeVisible();
  const firstItem = queueItem(page, first);
  const secondItem = queueItem(page, second);
  await expect(firstItem).toBeVisible();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Confirm the quote");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await firstItem.click({ position: { x: 200, y: 10 } });
  await expect(firstItem).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("c");
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Confirmed 1 quote.");
  await expect(firstItem).toHaveCount(0);

  await secondItem.click({ position: { x: 200, y: 10 } });
  await page.keyboard.press("r");
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Rejected 1 quote.");
  await expect(secondItem).toHaveCount(0);

  await page.goto("/editor/review?status=rejected&outlet=daily-outlook-afghanistan");
  await expect(queueItem(page, second)).toBeVisible();
  await page.goto("/editor/review?status=confirmed&outlet=daily-outlook-afghanistan");
  await expect(queueItem(page, first)).toBeVisible();
});

test("an editor tags, merges two claims, rates and publishes a claim, and unpublishes it", async () => {
  // Some twenty page loads and saves: 50 s on a loaded 2-core machine, too close to the default minute.
  test.setTimeout(180_000);
  const survivor = `E2E survivor claim ${run}: Pakistan gives militants a safe haven.`;
  const absorbed = `E2E duplicate claim ${run}: militants find shelter in Pakistan.`;
  const tagName = `E2E framing ${run}`;

  await page.goto("/editor/tags");
  await page.getByLabel("Name", { exact: true }).fill(tagName);
  await page.getByLabel("Kind", { exact: true }).selectOption("framing");
  await page.getByRole("button", { name: "Create tag" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Tag “${tagName}” created.`);

  const survivorUrl = await createClaim(page, survivor);
  await createClaim(page, absorbed);
  await page.getByRole("combobox", { name: "Add a tag" }).selectOption({ label: tagName });
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("list", { name: "Tags" })).toContainText(tagName);

  await page.goto(survivorUrl);
  await chooseInCombobox(page.getByRole("combobox", { name: "Claim to merge into this one" }), absorbed);
  await page.getByRole("button", { name: "Merge…" }).click();
  await expect(page.getByText("will be deleted; its 0 quotes, tags, annotations and history move here.")).toBeVisible();
  await page.getByRole("button", { name: "Yes, merge" }).click();
  await expect(page.getByRole("list", { name: "Tags" })).toContainText(tagName);
  await expect(page.getByText("merged another claim in")).toBeVisible();
  await page.goto("/editor/claims");
  await expect(page.getByRole("link", { name: absorbed })).toHaveCount(0);

  // Publishing needs a rating and a confirmed quote: the page says so.
  await page.goto(survivorUrl);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Rate the claim before publishing it");

  const rating = page.getByRole("form", { name: "Rating" });
  await rating.getByRole("button", { name: "Rate claim" }).click();
  await expect(rating.getByText("Choose a verdict.")).toBeVisible();
  await rating.getByLabel("Verdict", { exact: true }).selectOption({ index: 1 });
  await rating.getByLabel("Why this verdict").fill("The State Department report says exactly this.");
  await rating.getByRole("radiogroup", { name: "Quote fidelity, 1 to 5" }).getByText("4", { exact: true }).click();
  await rating.getByLabel("Why this fidelity rating").fill("Outlets quote the report nearly word for word.");
  await rating.getByRole("radiogroup", { name: "Framing, 1 to 5" }).getByText("2", { exact: true }).click();
  await rating.getByLabel("Why this framing rating").fill("Headlines turn a finding into an accusation.");
  await rating.getByRole("button", { name: "Rate claim" }).click();
  await expect(rating.getByRole("status")).toHaveText("Rating saved.");

  // A quote for the claim, selected by typing (the keyboard way to select).
  await openArticle(page, /Disrupt Haqqanis/);
  const words = await wordsOfParagraph(page, 4, 0, 6);
  const side = page.getByRole("complementary", { name: "Quotes and annotations" });
  await side.getByLabel("Find text to select").fill(words);
  await side.getByLabel("Find text to select").press("Enter");
  const selected = side.getByRole("region", { name: "Selected text" });
  await expect(selected.locator("blockquote")).toHaveText(words);
  // The claim picker is a search box: typing finds the claim, Enter chooses the first match.
  await chooseInCombobox(selected.getByRole("combobox", { name: "Claim", exact: true }), survivor);
  await selected.getByRole("button", { name: "Create quote" }).click();
  await expect(side.getByRole("status")).toHaveText("Quote created and confirmed.");

  await page.goto(survivorUrl);
  await expect(page.locator(".quote-table")).toContainText(words);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator(".workflow__steps [aria-current=step]")).toHaveText("Published");
  const publicLink = page.getByRole("link", { name: "Public page" });
  const href = await publicLink.getAttribute("href");

  // Readers see it at once: the public page is invalidated on publish.
  const reader = await page.context().browser()!.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(href!);
  await expect(readerPage.getByRole("heading", { level: 1 })).toContainText(survivor.slice(0, 40));

  // Unpublishing asks why; the old address then says so with 410 Gone, not a silent 404.
  await page.getByRole("button", { name: "Unpublish…" }).click();
  await page.getByLabel(/Why it is withdrawn/).fill("The report it cites was withdrawn by its publisher.");
  await page.getByRole("form", { name: "Unpublish" }).getByRole("button", { name: "Unpublish" }).click();
  await expect(page.locator(".workflow__steps [aria-current=step]")).toHaveText("In review");
  await expect(page.getByText("unpublished").first()).toBeVisible();
  const response = await readerPage.goto(href!);
  expect(response?.status()).toBe(410);
  await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText("This claim review was withdrawn");
  await expect(readerPage.getByRole("main")).toContainText("The report it cites was withdrawn by its publisher.");
  await reader.close();
});

test("when two editors edit the same claim, the later save is refused, then re-applied knowingly", async ({ browser }) => {
  const original = `E2E contested claim ${run}: the report names Pakistan.`;
  const url = await createClaim(page, original);

  const second = await browser.newContext();
  const page2 = await second.newPage();
  await signIn(page2, EDITOR2, new URL(url).pathname);

  const first = page.getByRole("form", { name: "Edit claim" });
  const other = page2.getByRole("form", { name: "Edit claim" });
  await first.getByLabel("Canonical wording").fill(`E2E contested claim ${run}: first editor's wording.`);
  await other.getByLabel("Canonical wording").fill(`E2E contested claim ${run}: second editor's wording.`);

  await first.getByRole("button", { name: "Save claim" }).click();
  await expect(first.getByRole("status")).toHaveText("Claim saved.");

  await other.getByRole("button", { name: "Save claim" }).click();
  const refusal = other.getByRole("alert");
  await expect(refusal).toContainText("Not saved.");
  await expect(refusal).toContainText("Someone else saved this record after you opened it");
  await expect(other.getByLabel("Canonical wording")).toHaveValue(`E2E contested claim ${run}: second editor's wording.`);

  await refusal.getByRole("button", { name: "Load their version" }).click();
  const changed = other.getByRole("status");
  await expect(changed).toContainText("This record was changed by someone else");
  await expect(changed).toContainText("first editor's wording.");
  await expect(other.getByLabel("Canonical wording")).toHaveValue(`E2E contested claim ${run}: second editor's wording.`);

  await other.getByRole("button", { name: "Save claim" }).click();
  await expect(other.getByRole("status")).toHaveText("Claim saved.");
  await expect(page2.getByRole("heading", { level: 1 })).toHaveText(`E2E contested claim ${run}: second editor's wording.`);
  await expect(page2.getByText("Erin Editor edited").first()).toBeVisible();
  await second.close();
});

test("an admin deactivates an editor: their session ends at once and their save is refused", async ({ browser }) => {
  const email = `e2e-${run}@claimscope.test`;
  const password = "e2e-password-123";
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN, "/editor/admin");
  await adminPage.getByLabel("Name", { exact: true }).fill(`Temp Editor ${run}`);
  await adminPage.getByLabel("Email", { exact: true }).fill(email);
  await adminPage.getByLabel("First password").fill(password);
  await adminPage.getByRole("button", { name: "Create account" }).click();
  await expect(adminPage.getByRole("main").getByRole("status")).toContainText(`Account for ${email} created.`);

  const temp = await newSignedIn(browser, { email, password }, "/editor/claims");
  await temp.page.getByLabel("Claim, in neutral wording").fill(`E2E claim that must not be saved ${run}`);

  await adminPage.getByRole("button", { name: `Deactivate Temp Editor ${run}` }).click();
  await expect(adminPage.getByRole("row", { name: new RegExp(`Temp Editor ${run}`) })).toContainText("deactivated");

  // Their next request finds no session: the save is refused and they are sent to sign in.
  await temp.page.getByRole("button", { name: "Create draft claim" }).click();
  await expect(temp.page).toHaveURL(/\/sign-in/);
  await expect(temp.page.getByRole("heading", { name: "Editor sign-in" })).toBeVisible();
  await temp.page.goto("/editor/claims");
  await expect(temp.page).toHaveURL(/\/sign-in/);
  await adminPage.goto(`/editor/claims?q=${encodeURIComponent(`must not be saved ${run}`)}`);
  await expect(adminPage.getByText("No claims match.")).toBeVisible();
  await temp.context.close();
  await admin.close();
});

async function newSignedIn(browser: Browser, account: { email: string; password: string }, next: string) {
  const context = await browser.newContext();
  const p = await context.newPage();
  await signIn(p, account, next);
  return { context, page: p };
}
