import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { callAction, listActions, origin, signInCookie, type ActionRef, type ActionResponse } from "./http-support";
import { chooseInCombobox, EDITOR } from "./support";

/**
 * Editing a claim in Chromium: the rating form opens with the stored rating; a split
 * sends its request, says what it did and links to the new claim; a renamed claim's
 * old address and a merged claim's address answer 308 to the surviving claim's
 * current one, on the page and in the read API.
 */
test.setTimeout(180_000);

const run = Date.now().toString(36);
const FIRST = `the new pier will open to ferries next spring after the repairs ${run}`;
const SECOND = `the old ferry terminal will close for good at the end of the year ${run}`;

async function asEditor(page: Page, cookie: string) {
  await page.context().addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name, value: value.join("="), url: origin() };
    }),
  );
}

/** The editor's session and a caller of the editor's server actions (each must succeed). */
async function editorActions(request: APIRequestContext) {
  const actions = new Map<string, ActionRef>(listActions().map((a) => [a.exportedName, a]));
  const editor = await signInCookie(request, EDITOR.email, EDITOR.password);
  const act = async <T>(name: string, arg: unknown): Promise<T> => {
    const r: ActionResponse = await callAction(request, actions.get(name)!, editor.cookie, { arg });
    expect(r.result?.ok, `${name}: ${r.status} ${r.body.slice(-300)}`).toBe(true);
    return r.result!.data as T;
  };
  return { editor, act };
}

test("rate, split, rename and merge a claim; old addresses lead to the surviving claim", async ({ page, request }) => {
  const { editor, act } = await editorActions(request);

  // Setup through the editor's own actions: an article with two quotes, both confirmed on one claim.
  const imported = await act<{ articleId: string }>("importArticleAction", {
    outletId: null,
    newOutletName: `Harbour Gazette ${run}`,
    title: `Harbour works ${run}`,
    byline: null,
    publishedAt: "2021-03-04",
    url: null,
    format: "text",
    content: `Harbour works ${run}\n\nThe harbour master said “${FIRST},” on Monday.\n\nShe added that “${SECOND}.”`,
    stripBoilerplate: false,
  });
  const claim = await act<{ id: string }>("createClaimAction", { canonical: `The pier opens to ferries next spring ${run}`, speakerId: null });
  await asEditor(page, editor.cookie);
  await page.goto(`/editor/articles/${imported.articleId}`);
  const quoteIds = (await page.locator('a[href^="/editor/quotes/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/").pop()!))).filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  expect(quoteIds).toHaveLength(2);
  await act("reviewQuotesAction", { items: quoteIds.map((id) => ({ id, version: 1 })), decision: "confirmed" });
  await act("moveQuotesAction", { items: quoteIds.map((id) => ({ id, version: 2 })), claimId: claim.id });

  // 1. Rate it; after a reload the form shows the stored rating, not blank 1–5.
  await page.goto(`/editor/claims/${claim.id}`);
  const rating = page.getByRole("form", { name: "Rating" });
  await rating.getByLabel("Verdict", { exact: true }).selectOption({ index: 1 });
  const verdict = await rating.getByLabel("Verdict", { exact: true }).inputValue();
  await rating.getByLabel("Why this verdict").fill("The harbour master's statement matches the works plan.");
  await rating.getByRole("radiogroup", { name: "Quote fidelity, 1 to 5" }).getByText("4", { exact: true }).click();
  await rating.getByLabel("Why this fidelity rating").fill("Quoted nearly word for word.");
  await rating.getByRole("radiogroup", { name: "Framing, 1 to 5" }).getByText("2", { exact: true }).click();
  await rating.getByLabel("Why this framing rating").fill("The headline leans on the delay.");
  await rating.getByRole("button", { name: "Rate claim" }).click();
  await expect(rating.getByRole("status")).toContainText("Rating saved.");
  await page.reload();
  await expect(rating.getByLabel("Verdict", { exact: true })).toHaveValue(verdict);
  await expect(rating.getByLabel("Why this verdict")).toHaveValue("The harbour master's statement matches the works plan.");
  await expect(rating.getByRole("radiogroup", { name: "Quote fidelity, 1 to 5" }).getByRole("radio", { name: "4" })).toBeChecked();
  await expect(rating.getByRole("radiogroup", { name: "Framing, 1 to 5" }).getByRole("radio", { name: "2" })).toBeChecked();
  await expect(rating.getByRole("radiogroup", { name: "Quote fidelity, 1 to 5" }).getByRole("radio", { checked: true })).toHaveCount(1);
  // The same values are in the server's HTML, before any script runs (as a slow phone sees the form).
  const noScript = await page.context().browser()!.newContext({ javaScriptEnabled: false, baseURL: origin() });
  try {
    const bare = await noScript.newPage();
    await asEditor(bare, editor.cookie);
    await bare.goto(`/editor/claims/${claim.id}`);
    const form = bare.getByRole("form", { name: "Rating" });
    await expect(form.getByLabel("Verdict", { exact: true })).toHaveValue(verdict);
    await expect(form.getByLabel("Why this fidelity rating")).toHaveValue("Quoted nearly word for word.");
    await expect(form.getByRole("radiogroup", { name: "Quote fidelity, 1 to 5" }).getByRole("radio", { name: "4" })).toBeChecked();
    await expect(form.getByRole("radiogroup", { name: "Framing, 1 to 5" }).getByRole("radio", { name: "2" })).toBeChecked();
    await expect(bare.getByRole("form", { name: "Edit claim" }).getByLabel("Address")).not.toHaveValue("");
  } finally {
    await noScript.close();
  }
  await page.getByRole("button", { name: "Publish" }).click();
  const publicLink = page.getByRole("link", { name: "Public page" });
  await expect(publicLink).toBeVisible();
  const firstUrl = (await publicLink.getAttribute("href"))!;

  // A changed rating on a published claim is a public correction: readers see "Updated on DATE: REASON",
  // and its ClaimReview carries dateModified.
  const reason = `The framing rating was revised after the paper changed its headline ${run}.`;
  await rating.getByRole("radiogroup", { name: "Framing, 1 to 5" }).getByText("3", { exact: true }).click();
  await rating.getByLabel(/If the verdict or a rating changes/).fill(reason);
  await rating.getByRole("button", { name: "Save rating" }).click();
  await expect(rating.getByRole("status")).toContainText("Rating saved.");
  const anonymous = await page.context().browser()!.newPage({ baseURL: origin() });
  try {
    await anonymous.goto(firstUrl);
    const corrections = anonymous.getByRole("list", { name: "Corrections" });
    await expect(corrections).toContainText(reason);
    await expect(corrections).toContainText(/Updated on \d{1,2} \w+ \d{4}:|Updated on \w+ \d{1,2}, \d{4}:/);
    const jsonLd = JSON.parse((await anonymous.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(JSON.stringify(jsonLd)).toContain('"dateModified"');
  } finally {
    await anonymous.close();
  }

  // 2. Split the second quote off: the request is sent, the result is said, the new claim is one click away.
  const quotes = page.locator("table.quote-table").filter({ hasText: SECOND.slice(0, 30) });
  await quotes.getByRole("checkbox", { name: new RegExp(`Select quote ${SECOND.slice(0, 20)}`) }).check();
  const split = page.getByRole("form", { name: "Split into a new claim" });
  await split.getByLabel("Wording of the new claim").fill(`The old ferry terminal closes at the end of the year ${run}`);
  const sent = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await split.getByRole("button", { name: "Split into new claim" }).click();
  await sent;
  const status = page.getByRole("status").filter({ hasText: "Split 1 quote off into a new draft claim" });
  await expect(status).toBeVisible();
  await expect(page.locator("table.quote-table")).not.toContainText(SECOND.slice(0, 30));
  await status.getByRole("link").click();
  await page.waitForURL((url) => /^\/editor\/claims\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith(claim.id));
  await expect(page.locator("table.quote-table")).toContainText(SECOND.slice(0, 30));
  const splitSlug = await page.getByLabel("Address").inputValue();

  // 3. Rename the published claim: its old address answers 308 to the new one.
  await page.goto(`/editor/claims/${claim.id}`);
  const edit = page.getByRole("form", { name: "Edit claim" });
  const newSlug = `pier-opens-next-spring-${run}`;
  await edit.getByLabel("Address").fill(newSlug);
  await edit.getByRole("button", { name: "Save claim" }).click();
  await expect(edit.getByRole("status")).toContainText("Claim saved.");
  const renamed = await request.get(firstUrl, { maxRedirects: 0 });
  expect(renamed.status()).toBe(308);
  expect(new URL(renamed.headers()["location"], origin()).pathname).toBe(`/claims/${newSlug}`);
  const api = await request.get(`/api${firstUrl}`, { maxRedirects: 0 });
  expect(api.status()).toBe(308);
  expect(new URL(api.headers()["location"], origin()).pathname).toBe(`/api/claims/${newSlug}`);

  // 4. Merge the split-off claim back in: its address leads to the survivor too.
  await page.reload(); // the page as it now is (the merge sends the claim's version it shows)
  const merge = page.getByRole("form", { name: "Merge another claim into this one" });
  await chooseInCombobox(merge.getByRole("combobox", { name: "Claim to merge into this one" }), `The old ferry terminal closes at the end of the year ${run}`);
  await merge.getByRole("button", { name: "Merge…" }).click();
  await expect(merge).toContainText("will be deleted");
  await merge.getByRole("button", { name: "Yes, merge" }).click();
  await expect(merge.getByRole("status")).toContainText("Merged");
  await expect(page.locator("table.quote-table")).toContainText(SECOND.slice(0, 30));
  const merged = await request.get(`/claims/${splitSlug}`, { maxRedirects: 0 });
  expect(merged.status()).toBe(308);
  expect(new URL(merged.headers()["location"], origin()).pathname).toBe(`/claims/${newSlug}`);

  // A reader following either old link lands on the claim's page; the sitemap lists only the current address.
  const reader = await page.context().browser()!.newPage();
  await reader.goto(firstUrl);
  await expect(reader).toHaveURL(new RegExp(`/claims/${newSlug}$`));
  await reader.goto(`/claims/${splitSlug}`);
  await expect(reader).toHaveURL(new RegExp(`/claims/${newSlug}$`));
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/claims/${newSlug}<`);
  expect(sitemap).not.toContain(`${firstUrl}<`);
  expect(sitemap).not.toContain(`/claims/${splitSlug}<`);
});

test("the claim picker is a search box, and the review queue's edit panel takes focus and gives it back", async ({ page, request }) => {
  const { editor, act } = await editorActions(request);
  const quoteText = `the lighthouse keeper will hand over the lamp room keys in April ${run}`;
  await act("importArticleAction", {
    outletId: null,
    newOutletName: `Lighthouse Post ${run}`,
    title: `Lighthouse handover ${run}`,
    byline: null,
    publishedAt: null,
    url: null,
    format: "text",
    content: `Lighthouse handover ${run}\n\nThe trust said “${quoteText},” in a letter.`,
    stripBoilerplate: false,
  });
  const target = await act<{ id: string }>("createClaimAction", { canonical: `The lamp room keys change hands in April ${run}`, speakerId: null });
  await act("createClaimAction", { canonical: `The lamp room reopens to visitors ${run}`, speakerId: null });
  await asEditor(page, editor.cookie);

  // The edit panel: opening moves focus into it; Esc closes it and focus returns to the Edit button.
  await page.goto(`/editor/review?outlet=lighthouse-post-${run}`);
  const item = page.getByRole("listitem").filter({ hasText: quoteText.slice(0, 40) });
  const editButton = item.getByRole("button", { name: "Edit", exact: true });
  await editButton.click();
  const panel = page.getByRole("group", { name: "Edit speaker or claim" });
  await expect(panel).toBeVisible();
  expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(editButton).toBeFocused();
  // The keyboard's way in: `e` opens the current quote's panel, in view and focused; Esc closes it.
  await page.keyboard.press("e");
  await expect(panel).toBeInViewport();
  expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);

  // The picker: a combobox; typing searches wording, ↓ and Enter choose; the listbox and its options are exposed.
  await editButton.click();
  const picker = panel.getByRole("combobox", { name: "Claim", exact: true });
  await picker.fill(`keys change hands ${run}`);
  const list = panel.getByRole("listbox");
  await expect(list.getByRole("option")).toHaveCount(2); // "No claim" and the one match
  await expect(list.getByRole("option", { selected: true })).toContainText(`The lamp room keys change hands in April ${run}`);
  await picker.press("ArrowUp");
  await expect(list.getByRole("option", { selected: true })).toHaveText("No claim");
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await expect(list).toBeHidden();
  await expect(picker).toHaveValue(`The lamp room keys change hands in April ${run}`);
  await panel.getByRole("button", { name: "Save and confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved and confirmed." })).toBeVisible();

  // The quote is on the chosen claim; on the quote page the picker finds a claim by its slug too.
  await page.goto(`/editor/claims/${target.id}`);
  await expect(page.locator("table.quote-table")).toContainText(quoteText.slice(0, 40));
  await page.locator("table.quote-table").getByRole("link", { name: new RegExp(quoteText.slice(0, 20)) }).click();
  await expect(page).toHaveURL(/\/editor\/quotes\/[\w-]+$/);
  const quotePicker = page.getByRole("combobox", { name: "Claim", exact: true });
  await expect(quotePicker).toHaveValue(`The lamp room keys change hands in April ${run}`);
  await quotePicker.fill(`reopens-to-visitors-${run}`);
  await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(2);
  await expect(page.getByRole("listbox").getByRole("option").nth(1)).toContainText(`The lamp room reopens to visitors ${run}`);
  await quotePicker.press("Escape");
  await expect(quotePicker).toHaveValue(`The lamp room keys change hands in April ${run}`);
});
