import { expect, test } from "@playwright/test";
import { actionCaller, actionNamed as action, callAction, signInCookie } from "./http-support";
import { ADMIN, EDITOR, expectHydrated } from "./support";

/**
 * Issue 11, "Speakers and outlets have editor pages": an article's quote is
 * attributed to "Spokesperson X Harbour Ministry" — the title glued to the
 * ministry's name, as the analysis reads the cue — and the speaker is a person,
 * as databases imported before ingest typed speakers hold it (the setup makes
 * that state with the editor's own action). The claim is confirmed, rated and
 * published over the editor's server actions, as the forms send them; then an
 * editor corrects the speaker on /editor/speakers in Chromium, and an anonymous
 * reader's claim page and its ClaimReview JSON-LD name the organisation.
 * A duplicate outlet is merged into the one kept through its editor page: its
 * article moves, its old public address answers 308 to the kept outlet's, and a
 * page opened before the merge is told the outlet is gone.
 * Rights: an anonymous visitor and (for verdict labels) an editor are refused.
 */

test("an editor fixes a ministry stored as a person with a glued title; the claim page and its ClaimReview show the organisation", async ({ page, browser }) => {
  // Letters only, so the analysis reads it as part of a name.
  const tag = Date.now().toString(36).replace(/\d/g, (d) => "bcdfghjklm"[Number(d)]);
  const place = `V${tag.slice(-6)}`;
  const glued = `Spokesperson ${place} Harbour Ministry`;
  const { cookie } = await signInCookie(page.request, EDITOR.email, EDITOR.password);
  const call = actionCaller(page.request, cookie);

  // 1. The import stores the quote's speaker as the analysis found it.
  await call("importArticleAction", {
    outletId: null,
    newOutletName: `${place} Courier`,
    title: `Harbour dredging to resume in ${place}`,
    byline: null,
    publishedAt: "2026-11-20",
    url: null,
    format: "text",
    content: TEXT(place),
    stripBoilerplate: true,
  });

  // page.request shares the browser's cookies: the editor is signed in for the pages too.
  await page.goto("/editor");
  await page.getByRole("navigation", { name: "Editor" }).getByRole("link", { name: "Speakers" }).click();
  await page.getByLabel("Search speakers").fill(place);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("row").filter({ hasText: glued }).getByRole("link", { name: glued }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(glued);
  // The legacy state: stored as a person.
  const speakerId = page.url().split("/").pop()!;
  await call("editSpeakerAction", { id: speakerId, version: 1, name: glued, kind: "person", title: "", aliases: "", acronyms: "", country: "" });
  await page.reload();
  await expect(page.getByText("Speakers · Person")).toBeVisible();

  // 2. Its quote is confirmed, made a claim, rated and published.
  const quoteHref = await page.locator('a[href^="/editor/quotes/"]', { hasText: "ferries" }).first().getAttribute("href");
  const quoteId = quoteHref!.split("/").pop()!;
  await call("reviewQuotesAction", { decision: "confirmed", items: [{ id: quoteId, version: 1 }] });
  const { claimId } = (await call("quoteToNewClaimAction", { id: quoteId, version: 2, canonical: `The ${place} channel will reopen to ferries by the summer` })) as { claimId: string };
  await page.goto(`/editor/claims/${claimId}`);
  const verdictLabelId = await page.getByLabel("Verdict", { exact: true }).locator("option", { hasText: /^Mostly accurate\b/ }).getAttribute("value");
  await call("saveRatingAction", {
    claimId,
    version: null,
    verdictLabelId,
    verdictExplanation: "The dredging contract names the summer.",
    fidelityRating: 5,
    fidelityExplanation: "Quoted word for word.",
    framingRating: 4,
    framingExplanation: "Neutral wording, the reason given.",
  });
  await call("setClaimStatusAction", { id: claimId, version: 1, status: "published" });

  // 3. An editor corrects the speaker in the browser.
  await page.goto("/editor/speakers");
  await page.getByLabel("Search speakers").fill(place);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("row").filter({ hasText: glued }).getByRole("link", { name: glued }).click();
  const form = page.getByRole("form", { name: "Edit speaker" });
  await expectHydrated(page, 'form[aria-label="Edit speaker"]');
  // Bad input first: a name that still carries its title is refused, and nothing is saved.
  await form.getByLabel("Title or role").fill("Spokesperson");
  await form.getByRole("button", { name: "Save speaker" }).click();
  await expect(form.getByText(/The name still starts with the title/)).toBeVisible();
  await form.getByLabel("Name").fill(`${place} Harbour Ministry`);
  await form.getByLabel("Kind").selectOption({ label: "Government body" });
  await form.getByRole("button", { name: "Save speaker" }).click();
  await expect(form.getByRole("status")).toContainText("Speaker saved.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${place} Harbour Ministry`);
  await expect(page.getByText("Spokesperson").first()).toBeVisible();
  // The history names the editor and the old and new values.
  const history = page.locator(".history__event").first();
  await expect(history).toContainText("renamed");
  await expect(history).toContainText(glued);
  await expect(history).toContainText(`${place} Harbour Ministry`);

  // 4. An anonymous reader sees the organisation on the claim page and in its ClaimReview.
  const reader = await browser.newContext();
  const anon = await reader.newPage();
  const claimSlug = await (async () => {
    await anon.goto(`/speakers`);
    await anon.getByRole("link", { name: `${place} Harbour Ministry` }).click();
    await expect(anon).toHaveURL(/\/speakers\/[^/]+$/);
    await expect(anon.getByText("Speaker · Government body")).toBeVisible();
    await expect(anon.locator(".speaker-title")).toHaveText("Spokesperson");
    await anon.getByRole("link", { name: /channel will reopen to ferries/ }).first().click();
    await expect(anon).toHaveURL(/\/claims\/[^/]+$/);
    return new URL(anon.url()).pathname;
  })();
  expect(claimSlug).toMatch(/^\/claims\//);
  await expect(anon.getByRole("link", { name: `${place} Harbour Ministry` })).toBeVisible();
  // The old glued name is gone as a speaker's name (the article's own cue, "said Spokesperson …", stays as printed).
  await expect(anon.getByText(glued, { exact: true })).toHaveCount(0);
  const jsonLd = await anon.locator('script[type="application/ld+json"]').allTextContents();
  const reviews = jsonLd.map((t) => JSON.parse(t)).flat().filter((j) => j["@type"] === "ClaimReview");
  expect(reviews).toHaveLength(1);
  // A government body is schema.org's GovernmentOrganization (an Organization).
  expect(reviews[0].itemReviewed.author).toEqual({ "@type": "GovernmentOrganization", name: `${place} Harbour Ministry` });
  await reader.close();
});

test("an editor merges a duplicate outlet into the one kept; its article moves and its old public address leads to the kept outlet", async ({ page, browser }) => {
  const tag = Date.now().toString(36).replace(/\d/g, (d) => "bcdfghjklm"[Number(d)]);
  const place = `R${tag.slice(-6)}`;
  const [kept, dupe] = [`${place} Ridge Gazette`, `${place} Ridge Gazete`];
  const { cookie } = await signInCookie(page.request, EDITOR.email, EDITOR.password);
  const call = actionCaller(page.request, cookie);
  for (const [outlet, title] of [
    [kept, `${place} bridge repairs approved`],
    [dupe, `${place} ferry timetable changes`],
  ]) {
    await call("importArticleAction", { outletId: null, newOutletName: outlet, title, byline: null, publishedAt: "2026-11-21", url: null, format: "text", content: `${title}\n\nThe council met in ${place} on Monday, officials said.\n`, stripBoilerplate: true });
  }

  const open = async (p: typeof page, name: string) => {
    await p.goto(`/editor/outlets?q=${encodeURIComponent(place)}`);
    await p.getByRole("row").filter({ hasText: name }).getByRole("link", { name, exact: true }).click();
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(name);
    await expectHydrated(p, 'form[aria-label="Merge outlet"]');
    return { id: p.url().split("/").pop()!, slug: (await p.getByRole("link", { name: "Public page" }).getAttribute("href"))!.split("/").pop()! };
  };
  const keptOutlet = await open(page, kept);
  // A second tab opened on the duplicate before the merge: its form goes stale.
  const stale = await page.context().newPage();
  await open(stale, dupe);
  const dupeOutlet = await open(page, dupe);

  const form = page.getByRole("form", { name: "Merge outlet" });
  // No outlet chosen: refused before anything is sent.
  await form.getByRole("button", { name: "Merge outlets…" }).click();
  await expect(form.getByText("Choose the outlet to keep.")).toBeVisible();
  const picker = form.getByRole("combobox", { name: `Merge “${dupe}” into` });
  await picker.fill(kept);
  await expect(form.getByRole("listbox").getByRole("option", { selected: true })).toHaveText(kept);
  await picker.press("Enter");
  await expect(picker).toHaveValue(kept);
  await form.getByRole("button", { name: "Merge outlets…" }).click();
  await expect(form).toContainText(`Merge “${dupe}” into “${kept}”? This cannot be undone.`);
  await form.getByRole("button", { name: "Merge", exact: true }).click();

  // The kept outlet's page says what moved, lists the article and records the merge.
  await expect(page).toHaveURL(new RegExp(`/editor/outlets/${keptOutlet.id}\\?merged=${dupeOutlet.id}$`));
  await expect(page.getByRole("status").filter({ hasText: "Merged “" })).toContainText(`Merged “${dupe}” into ${kept}: 1 article and 0 watched feeds moved here`);
  await expect(page.getByRole("heading", { level: 2, name: "2 articles, 0 watched feeds" })).toBeVisible();
  await expect(page.getByRole("link", { name: `${place} ferry timetable changes` })).toBeVisible();
  await expect(page.locator(".history__event").first()).toContainText("merged another outlet in");
  await expect(page.locator(".history__event").first()).toContainText(dupe);

  // The tab opened before is told the outlet is gone, and nothing else happens.
  const staleForm = stale.getByRole("form", { name: "Merge outlet" });
  await staleForm.getByRole("combobox").fill(kept);
  await staleForm.getByRole("combobox").press("Enter");
  await staleForm.getByRole("button", { name: "Merge outlets…" }).click();
  await staleForm.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(staleForm.getByRole("alert")).toHaveText("That outlet no longer exists.");
  await stale.close();

  // A reader's old address of the duplicate answers 308 to the kept outlet, whose page lists the moved article.
  const reader = await browser.newContext();
  const anon = await reader.newPage();
  const old = await anon.request.get(`/outlets/${dupeOutlet.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(new URL(old.headers().location, "http://x").pathname).toBe(`/outlets/${keptOutlet.slug}`);
  await anon.goto(`/outlets/${dupeOutlet.slug}`);
  await expect(anon).toHaveURL(new RegExp(`/outlets/${keptOutlet.slug}$`));
  await expect(anon.getByRole("heading", { level: 1 })).toHaveText(kept);
  await expect(anon.getByRole("link", { name: `${place} ferry timetable changes` })).toBeVisible();
  await expect(anon.getByRole("link", { name: `${place} bridge repairs approved` })).toBeVisible();
  await reader.close();
});

test("an editor merges a duplicate speaker into the one kept through the same picker", async ({ page }) => {
  const tag = Date.now().toString(36).replace(/\d/g, (d) => "bcdfghjklm"[Number(d)]);
  const place = `W${tag.slice(-6)}`;
  const { cookie } = await signInCookie(page.request, EDITOR.email, EDITOR.password);
  const call = actionCaller(page.request, cookie);
  for (const body of [`"The ${place} reservoir is full," said the ${place} Water Board.`, `"The ${place} pipes will be replaced," said the ${place} Water Authority.`]) {
    await call("importArticleAction", { outletId: null, newOutletName: `${place} Herald`, title: null, byline: null, publishedAt: "2026-11-22", url: null, format: "text", content: `Water in ${place}\n\n${body}\n`, stripBoilerplate: true });
  }
  const open = async (name: string) => {
    await page.goto(`/editor/speakers?q=${encodeURIComponent(name)}`);
    await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    return page.url().split("/").pop()!;
  };
  const keptId = await open(`${place} Water Board`);
  await open(`${place} Water Authority`);
  await expectHydrated(page, 'form[aria-label="Merge speaker"]');
  const form = page.getByRole("form", { name: "Merge speaker" });
  await form.getByRole("button", { name: "Merge speakers" }).click();
  await expect(form.getByText("Choose the speaker to keep.")).toBeVisible();
  const picker = form.getByRole("combobox", { name: `Merge “${place} Water Authority” into` });
  await picker.fill(`${place} Water Board`);
  await picker.press("Enter");
  await form.getByRole("button", { name: "Merge speakers" }).click();
  await expect(page).toHaveURL(new RegExp(`/editor/speakers/${keptId}$`));
  await expect(page.locator('a[href^="/editor/quotes/"]', { hasText: "pipes will be replaced" })).toBeVisible();
  await expect(page.locator(".history__event").first()).toContainText("merged another speaker in");
});

test("speaker, outlet and verdict-label actions refuse anonymous visitors, and verdict labels refuse editors", async ({ request }) => {
  for (const name of ["editSpeakerAction", "mergeSpeakersAction", "editOutletAction", "mergeOutletsAction", "createVerdictLabelAction", "editVerdictLabelAction", "moveVerdictLabelAction", "deleteVerdictLabelAction"]) {
    const { result } = await callAction(request, action(name), "better-auth.session_token=forged.value", { arg: { id: "x", version: 1, name: "Injected" } });
    expect(result, name).toMatchObject({ ok: false, code: "unauthenticated" });
  }
  const editor = await signInCookie(request, EDITOR.email, EDITOR.password);
  const refused = await callAction(request, action("createVerdictLabelAction"), editor.cookie, { arg: { name: "Editor's verdict", description: "", ratingValue: "" } });
  expect(refused.result).toMatchObject({ ok: false, code: "forbidden", error: "Only an admin can do that." });
  const admin = await signInCookie(request, ADMIN.email, ADMIN.password);
  const bad = await callAction(request, action("createVerdictLabelAction"), admin.cookie, { arg: { name: "Half true", description: "", ratingValue: "7" } });
  expect(bad.result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { ratingValue: ["Choose a place from 1 (false) to 5 (true), or none."] } });
  const page = await request.get("/editor/admin/verdict-labels", { headers: { Cookie: editor.cookie }, maxRedirects: 0 });
  expect([302, 303, 307]).toContain(page.status());
});

const TEXT = (place: string) =>
  `Harbour dredging to resume in ${place}\n\nDredging of the old harbour in ${place} will resume in March, officials said on Tuesday.\n\n"The ${place} channel will be open to ferries again by the summer," said Spokesperson ${place} Harbour Ministry.\n`;
