import { expect, test, type Page } from "@playwright/test";
import { EDITOR, expectHydrated, signIn } from "./support";

/**
 * The Content-Security-Policy allows no inline script that is not the page's
 * own (hashes over the body, lib/public-cache/csp.ts), and the pages still work:
 * no violation is reported on reader or editor pages, cached or not, the
 * ClaimReview JSON-LD is there, and React hydrates (client navigation, forms).
 */

const CLAIM = "/claims/pakistan-safe-haven-for-regional-terrorist-groups";

/** Every CSP violation the page reports, from the first byte on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
}

function scriptSources(policy: string | undefined): string {
  return /script-src ([^;]*)/.exec(policy ?? "")?.[1] ?? "";
}

test("reader pages run with no inline script allowed: no violation, JSON-LD present, hydration and client navigation work", async ({ page, request }) => {
  const violations = await watchViolations(page);
  // Twice each: the first render, then the cached copy with its stored policy.
  for (const path of ["/", "/claims", CLAIM, "/search?q=safe+haven", "/outlets", "/articles", CLAIM]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const scripts = scriptSources(response?.headers()["content-security-policy"]);
    expect(scripts, `${path}: script-src`).not.toContain("unsafe-inline");
    expect(scripts, `${path}: script-src names the page's inline scripts`).toMatch(/'sha256-/);
    await expectHydrated(page);
  }
  expect((await request.get(CLAIM)).headers()["x-claimscope-cache"]).toBe("HIT");

  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(JSON.parse(jsonLd ?? "null")).toMatchObject({ "@type": "ClaimReview" });

  // A client-side navigation keeps the document: a marker set before it survives.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outlets" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Outlets/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

  expect(await violations()).toEqual([]);
});

test("editor pages run with no inline script allowed: sign-in, a form that saves, all private", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, EDITOR, "/editor/claims?q=modest");
  await expectHydrated(page);
  await page.getByRole("link", { name: /modest steps in 2019/ }).first().click();
  const form = page.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Summary").fill(`Saved under the CSP at ${Date.now()}.`);
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByRole("status")).toHaveText("Claim saved.");

  const response = await page.goto("/editor");
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  expect(scriptSources(response?.headers()["content-security-policy"])).not.toContain("unsafe-inline");
  await expectHydrated(page);
  // A reader page seen by a signed-in editor is never stored for others.
  expect((await page.goto(CLAIM))?.headers()["cache-control"]).toBe("private, no-store");
  expect(await violations()).toEqual([]);
});
