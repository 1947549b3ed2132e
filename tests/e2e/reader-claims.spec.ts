import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { claimReviewProblems } from "../../lib/claim-review-jsonld";

const OUTLETS = ["FDD's Long War Journal", "RFE/RL Gandhara", "RahaPress"];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

test("a reader searches “safe haven”, opens the claim and sees each outlet's framing with its diff", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await page.getByRole("searchbox", { name: "Search for" }).fill("safe haven");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=safe\+haven/);

  const claims = page.getByRole("region", { name: "Claims" });
  // Highlighted snippet: the matched words are marked.
  await expect(claims.locator("mark").first()).toHaveText(/safe haven/i);
  await claims.getByRole("link", { name: /continued to serve as a safe haven/i }).first().click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("safe haven");
  const matrix = page.getByRole("table", { name: "How each outlet quoted and framed the claim" });
  const rows = matrix.getByTestId("framing-row");
  for (const outlet of OUTLETS) {
    const row = rows.filter({ has: page.getByRole("rowheader").filter({ hasText: outlet }) }).first();
    await expect(row).toBeVisible();
    // Every row shows the outlet's wording as a word diff against the source.
    await expect(row.locator(".diff")).toBeVisible();
  }
  const outletsShown = new Set((await rows.getByRole("rowheader").locator(".matrix__outlet-name").allTextContents()).map((t) => t.trim()));
  expect(outletsShown.size).toBeGreaterThanOrEqual(3);
  // At least one outlet changed the wording: the diff marks added or dropped words.
  await expect(matrix.locator("ins.diff__ins, del.diff__del").first()).toBeVisible();

  // The source passage, the verdict and the timeline are on the page too.
  await expect(page.getByRole("region", { name: "The source" }).locator("mark")).toContainText("safe haven");
  await expect(page.getByRole("region", { name: "Verdict" })).toBeVisible();
  await expect(page.getByRole("region", { name: "How the wording travelled" }).getByRole("listitem").first()).toBeVisible();

  // ClaimReview JSON-LD with Google's required and recommended fields.
  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  const review = JSON.parse(jsonLd ?? "null");
  expect(claimReviewProblems(review)).toEqual([]);
  expect(review.claimReviewed).toContain("safe haven");
  expect(review.url).toBe(page.url());
  // Open Graph tags.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /safe haven/);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", page.url());
});

test("a misspelt search shows the corrected query's results with a link to the words as typed, and bad input gets a clear message", async ({ page }) => {
  await page.goto("/search?q=safe+havn");
  const status = page.getByRole("status");
  await expect(status).toContainText("Showing results for safe haven");
  await expect(page.getByRole("region", { name: "Claims" }).getByRole("link", { name: /safe haven/i }).first()).toBeVisible();
  await status.getByRole("link", { name: "Search for “safe havn” as typed" }).click();
  await expect(page).toHaveURL(/[?&]verbatim=1/);
  await expect(page.getByRole("status")).toContainText("Nothing matches “safe havn”");
  await expect(page.getByRole("region", { name: "Claims" })).toHaveCount(0);
  const api = await (await page.request.get("/api/search?q=safe+havn&type=claims")).json();
  expect(api.correctedQ).toBe("safe haven");
  expect(api.claims.total).toBeGreaterThan(0);

  await page.goto(`/search?q=${"x".repeat(201)}`);
  await expect(page.locator("#search-errors")).toContainText("at most 200 characters");
  await page.goto("/search?q=haven&type=quotes&page=999");
  await expect(page.locator("#search-errors")).toContainText("Results stop at page 50");

  const bad = await page.request.get("/api/search?q=a");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors.q[0]).toContain("at least 2");
  expect((await page.request.get("/api/claims?perPage=1000")).status()).toBe(400);
  expect((await page.request.get("/api/claims/no-such-claim")).status()).toBe(404);
  expect((await page.request.get("/claims/no-such-claim")).status()).toBe(404);
});

test("browse: claims filtered by outlet, an outlet's framing profile, a speaker, tags", async ({ page }) => {
  await page.goto("/claims");
  await page.getByLabel("Outlet").selectOption({ label: "RahaPress" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/outlet=rahapress/);
  await expect(page.getByRole("status")).toContainText("match these filters");
  await expect(page.locator(".claim-card").first()).toBeVisible();

  await page.goto("/outlets");
  // Each figure says what it is over: reviewed quotes of published claims, checked against a source.
  const card = page.locator("article.card").filter({ has: page.getByRole("link", { name: "RFE/RL Gandhara" }) });
  await expect(card).toContainText(/(?<!\d)\d+ reviewed quotes? of published claims/);
  await expect(card).toContainText(/(% faithful \(verbatim or trimmed\) of the \d+ checked against a source|none checked against a source yet)/);
  await page.getByRole("link", { name: "RFE/RL Gandhara" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("RFE/RL Gandhara");
  await expect(page.getByRole("heading", { name: "How it quotes" })).toBeVisible();
  await expect(page.getByText("Faithful quotes")).toBeVisible();
  await expect(page.getByTestId("outlet-basis")).toContainText(/Over the \d+ reviewed quotes? of published claims in its articles; fidelity over the \d+ of them checked against a source/);

  await page.goto("/speakers");
  await page.getByRole("link", { name: "U.S. Department of State" }).click();
  await expect(page.locator(".claim-card").first()).toBeVisible();

  await page.goto("/tags");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tags");
});

for (const [device, width] of [["a desktop", 1280], ["a phone", 390]] as const) {
  test(`reader pages have no axe violations on ${device}`, async ({ page }) => {
    // 12 page loads with an axe run each: a minute is not enough on a loaded 2-core machine.
    test.setTimeout(180_000);
    await page.goto("/search?q=safe+haven");
    const claimPath = new URL(await page.getByRole("region", { name: "Claims" }).getByRole("link").first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
    const paths = ["/", "/claims", claimPath, "/search?q=safe+haven", "/search?q=safe+havn", "/outlets", "/outlets/rferl-gandhara", "/speakers", "/speakers/us-department-of-state", "/tags", "/articles", "/articles/rferl-gandhara-2020-06"];
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(path);
      await expectNoAxeViolations(page);
      // Nothing wider than the screen at phone width (tables scroll inside their own box).
      if (width === 390) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        // Name the elements that stick out, so a failure says what to fix.
        const culprits = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest(".table-wrap, [data-scroll-x]"))
            .slice(-5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
        );
        expect(overflow, `horizontal overflow on ${path}: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
      }
    }
  });
}
