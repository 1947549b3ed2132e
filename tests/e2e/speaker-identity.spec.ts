import { expect, test } from "@playwright/test";
import { actionCaller, origin, signInCookie } from "./http-support";
import { EDITOR, expectHydrated } from "./support";

/**
 * Issue 11, speakers' kinds, countries and acronyms, and addresses that follow a
 * rename. An article names a port authority and defines its acronym in brackets;
 * the import stores the speaker with the acronym. Its claim is confirmed, rated
 * and published over the editor's own server actions. Then, in Chromium, an editor
 * finds the speaker in the review queue's speaker filter by its acronym (a search
 * box, not a long select), makes it a government body of Pakistan under a new name
 * (a country that is none is refused first), and renames the outlet. An anonymous
 * reader's old speaker and outlet addresses answer 308 to the new ones; the speaker
 * page shows kind, country and acronym; the claim page's ClaimReview names a
 * GovernmentOrganization.
 */
test("an editor makes a speaker a government body of a country under a new name; readers and search engines follow the old addresses", async ({ page, browser }) => {
  // Letters only, so the analysis reads it as part of a name.
  const tag = Date.now().toString(36).replace(/\d/g, (d) => "bcdfghjklm"[Number(d)]);
  const place = `Q${tag.slice(-6)}`;
  const acronym = `P${tag.slice(-3).toUpperCase()}A`;
  const oldName = `${place} Ports Authority`;
  const newName = `${place} Maritime Authority`;
  const { cookie } = await signInCookie(page.request, EDITOR.email, EDITOR.password);
  const call = actionCaller(page.request, cookie);

  await call("importArticleAction", {
    outletId: null,
    newOutletName: `${place} Gazette`,
    title: `Berths to reopen in ${place}`,
    byline: null,
    publishedAt: "2026-11-21",
    url: null,
    format: "text",
    content: `Berths to reopen in ${place}\n\nThe ${oldName} (${acronym}) said on Monday that “the ${place} berths will reopen to cargo ships in April.”\n\nShipping agents were not convinced.\n`,
    stripBoilerplate: true,
  });

  // The review queue's speaker filter is a search box: the acronym finds the speaker.
  await page.goto("/editor/review?status=all");
  await expectHydrated(page, "form.queue-filters");
  const speakerFilter = page.getByRole("combobox", { name: "Speaker" });
  await speakerFilter.fill(acronym);
  await expect(page.getByRole("option", { name: new RegExp(oldName) })).toBeVisible();
  await speakerFilter.press("Enter");
  await expect(page).toHaveURL(/[?&]speaker=/);
  await expect(speakerFilter).toHaveValue(oldName);
  const item = page.getByRole("list", { name: "Quotes to review" }).getByRole("listitem").filter({ hasText: "berths will reopen" });
  await expect(item).toHaveCount(1);
  const quoteId = (await item.locator('a[href^="/editor/quotes/"]').first().getAttribute("href"))!.split("/").pop()!;

  await call("reviewQuotesAction", { decision: "confirmed", items: [{ id: quoteId, version: 1 }] });
  const { claimId } = (await call("quoteToNewClaimAction", { id: quoteId, version: 2, canonical: `The ${place} berths will reopen to cargo ships in April` })) as { claimId: string };
  await page.goto(`/editor/claims/${claimId}`);
  const verdictLabelId = await page.getByLabel("Verdict", { exact: true }).locator("option", { hasText: /^Mixed\b/ }).getAttribute("value");
  await call("saveRatingAction", {
    claimId,
    version: null,
    verdictLabelId,
    verdictExplanation: "The dredging is late; April is possible.",
    fidelityRating: 5,
    fidelityExplanation: "Quoted word for word.",
    framingRating: 4,
    framingExplanation: "Doubt reported beside it.",
  });
  await call("setClaimStatusAction", { id: claimId, version: 1, status: "published" });

  // The editor's speaker page: the import stored the acronym the article defined.
  await page.goto(`/editor/speakers?q=${encodeURIComponent(acronym)}`);
  await page.getByRole("link", { name: oldName }).click();
  const form = page.getByRole("form", { name: "Edit speaker" });
  await expectHydrated(page, 'form[aria-label="Edit speaker"]');
  await expect(form.getByLabel("Acronyms")).toHaveValue(acronym);
  const oldSpeakerPath = new URL((await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!, page.url()).pathname;

  // A country that is none is refused beside the field, and nothing is saved.
  await form.getByLabel("Country").fill("Atlantis");
  await form.getByRole("button", { name: "Save speaker" }).click();
  await expect(form.getByText("“Atlantis” is not a country")).toBeVisible();
  await page.reload();
  await expect(form.getByLabel("Country")).toHaveValue("");
  await expectHydrated(page, 'form[aria-label="Edit speaker"]');

  await form.getByLabel("Name").fill(newName);
  await form.getByLabel("Kind").selectOption({ label: "Government body" });
  await form.getByLabel("Country").fill("Pakistan");
  await form.getByRole("button", { name: "Save speaker" }).click();
  await expect(form.getByRole("status")).toContainText("Speaker saved.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newName);
  await expect(page.getByText("Government body · Pakistan")).toBeVisible();
  const newSpeakerPath = new URL((await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!, page.url()).pathname;
  expect(newSpeakerPath).not.toBe(oldSpeakerPath);

  // The outlet is renamed too.
  await page.goto(`/editor/outlets?q=${encodeURIComponent(place)}`);
  await page.getByRole("link", { name: `${place} Gazette` }).click();
  const oldOutletPath = new URL((await page.getByRole("link", { name: "Public page" }).getAttribute("href"))!, page.url()).pathname;
  const outletForm = page.getByRole("form", { name: "Edit outlet" });
  await expectHydrated(page, 'form[aria-label="Edit outlet"]');
  await outletForm.getByLabel("Name").fill(`${place} Evening Gazette`);
  await outletForm.getByRole("button", { name: "Save outlet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${place} Evening Gazette`);

  // An anonymous reader.
  const reader = await browser.newContext();
  const anon = await reader.newPage();
  const old = await anon.request.get(oldSpeakerPath, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(new URL(old.headers().location, origin()).pathname).toBe(newSpeakerPath);
  await anon.goto(oldSpeakerPath);
  expect(new URL(anon.url()).pathname).toBe(newSpeakerPath);
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText(newName);
  await expect(anon.getByText("Speaker · Government body · Pakistan")).toBeVisible();
  await expect(anon.locator("abbr", { hasText: acronym })).toHaveAttribute("title", newName);

  const oldOutlet = await anon.request.get(oldOutletPath, { maxRedirects: 0 });
  expect(oldOutlet.status()).toBe(308);
  await anon.goto(oldOutletPath);
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText(`${place} Evening Gazette`);

  // The claim page names the speaker, and its ClaimReview types it for search engines.
  await anon.goto(newSpeakerPath);
  await anon.getByRole("link", { name: /berths will reopen to cargo ships/ }).first().click();
  await expect(anon).toHaveURL(/\/claims\/[^/]+$/);
  await expect(anon.getByRole("link", { name: newName })).toBeVisible();
  const jsonLd = await anon.locator('script[type="application/ld+json"]').allTextContents();
  const reviews = jsonLd.map((t) => JSON.parse(t)).flat().filter((j) => j["@type"] === "ClaimReview");
  expect(reviews).toHaveLength(1);
  expect(reviews[0].itemReviewed.author).toEqual({ "@type": "GovernmentOrganization", name: newName });
  await reader.close();
});
