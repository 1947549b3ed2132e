import { expect, test } from "@playwright/test";
import { rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";
import { EDITOR, signIn } from "./support";

/**
 * Claim tracking in Chromium, as an editor does it: watch an outlet's feed,
 * see the alert its new article raises (a published claim said again in other
 * words), confirm it, and find the outlet on the public claim page. The feed is
 * served by the test on FEED_PORT (default E2E_PORT + 1).
 */
const CLAIM_SLUG = "pakistan-safe-haven-for-regional-terrorist-groups";
const REPEAT = "Pakistan is still a haven for terror groups focused on the region";
const OUTLET = "Daily Outlook Afghanistan";

let server: FeedServer;

test.beforeAll(async () => {
  server = await startFeedServer(Number(process.env.FEED_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1));
  server.set("/outlook.xml", {
    etag: '"e2e-1"',
    body: rssFeed(OUTLET, [
      {
        guid: "outlook-e2e-1",
        title: "US report says Pakistan still shelters militants",
        link: server.url("/outlook/1"),
        date: new Date().toISOString(),
        paragraphs: [
          `The U.S. State Department said on Tuesday that “${REPEAT},” in its latest report to Congress on terrorism.`,
          "Analysts said the report would be discussed again at the next session, and several lawmakers asked for more detail on how the figures were gathered, which officials promised to publish within weeks.",
          "Officials in Islamabad did not answer requests for comment on Tuesday evening.",
        ],
      },
    ]),
  });
});

test.afterAll(async () => {
  await server?.close();
});

test("an editor adds a feed, sees an alert arrive, confirms it, and the public claim page shows the new outlet", async ({ page }) => {
  test.setTimeout(180_000);
  // Before: the outlet does not quote the claim.
  await page.goto(`/claims/${CLAIM_SLUG}`);
  await expect(page.getByRole("heading", { name: "How each outlet framed it" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(OUTLET);

  await signIn(page, EDITOR, "/editor/feeds");
  // Bad input: a clear message, nothing added.
  await page.getByLabel("Feed address").fill("ftp://example.org/feed");
  await page.getByRole("button", { name: "Watch this feed" }).click();
  await expect(page.getByText("Give a full http:// or https:// address")).toBeVisible();
  // The outlet may be left to the feed's site (found by its domain): that is offered, not an error.
  await expect(page.getByLabel("Outlet")).toHaveValue("");
  await expect(page.getByLabel("Outlet").locator("option:checked")).toHaveText("The feed's site (found by its domain, or added)");
  await expect(page.getByText("Choose the outlet.")).toHaveCount(0);

  await page.getByLabel("Feed address").fill(server.url("/outlook.xml"));
  await page.getByLabel("Outlet").selectOption({ label: OUTLET });
  await page.getByLabel("Minutes between polls").fill("15");
  await page.getByRole("button", { name: "Watch this feed" }).click();
  await expect(page.getByRole("status")).toContainText("Watching");

  // The feed's row: polled by the app's own worker, its item found.
  const row = page.locator(`tr[data-feed-url="${server.url("/outlook.xml")}"]`);
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("OK");
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^1/);
  }).toPass({ timeout: 60_000, intervals: [1000] });
  await expect(row).toContainText(`${OUTLET} · every 15 minutes · rss`);

  // The alert arrives: the claim, the outlet, its wording beside the claim's.
  await page.getByRole("link", { name: "Alerts" }).first().click();
  await expect(page).toHaveURL(/\/editor\/alerts$/);
  const alert = page.getByRole("listitem", { name: /^Alert: Pakistan continued to serve as a safe haven/ });
  await expect(async () => {
    await page.reload();
    await expect(alert).toBeVisible();
  }).toPass({ timeout: 90_000, intervals: [1000] });
  await expect(alert).toContainText(`1 outlet: ${OUTLET}`);
  await expect(alert).toContainText("Repeated after the review was published");
  await expect(alert.locator("blockquote").nth(1)).toContainText(REPEAT);
  await expect(alert).toContainText(/score 0\.\d\d · reworded/);

  await alert.getByRole("button", { name: /^Confirm the alert/ }).click();
  await expect(page.getByText("No open alerts.")).toBeVisible();

  // The public claim page now shows the new outlet and its wording (a fresh, anonymous reader).
  await page.context().clearCookies();
  await page.goto(`/claims/${CLAIM_SLUG}`);
  await expect(page.getByRole("main")).toContainText(OUTLET);
  // Its row in the framing matrix: the article's headline, its wording as a diff against the source.
  await expect(page.getByRole("main")).toContainText(`${OUTLET}US report says Pakistan still shelters militants`);
  // Repeats over time: the outlet's appearance this week, named as the first repeat since the review was published.
  const trend = page.getByRole("region", { name: "Repeats over time" });
  await expect(trend.getByTestId("first-after-publication")).toContainText(`First repeated after the review was published`);
  await expect(trend.getByTestId("first-after-publication")).toContainText(`${OUTLET}, `);
  await expect(trend.getByTestId("first-after-publication").getByRole("link", { name: "US report says Pakistan still shelters militants" })).toBeVisible();
  const thisWeek = trend.getByRole("row").last();
  await expect(thisWeek).toContainText(OUTLET);
  // The chart draws it too (a bar per outlet and week with appearances).
  await expect(trend.getByTestId("trend-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
});

test("the public side can be followed: robots.txt, the sitemap and the Atom feed, linked from the head", async ({ page, request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/editor/);
  const base = test.info().project.use.baseURL!;
  expect(robots).toContain(`Sitemap: ${base}/sitemap.xml`);

  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toContain("application/xml");
  const xml = await sitemap.text();
  expect(xml).toContain(`<loc>${base}/claims/${CLAIM_SLUG}</loc>`);
  expect(xml).toContain("<lastmod>");
  expect((await request.get("/sitemap/1.xml")).status()).toBe(404);

  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain(`${base}/claims/${CLAIM_SLUG}`);
  expect((await request.get("/feed.xml?outlet=no-such-outlet")).status()).toBe(404);

  await page.goto("/");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  await page.goto("/outlets/long-war-journal");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href*="outlet=long-war-journal"]')).toHaveCount(1);
});
