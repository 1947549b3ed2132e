import { expect, test } from "@playwright/test";
import { EDITOR2 } from "./support";

/**
 * After sign-in the browser goes to `next` only if it is a path on this site:
 * the forms a browser reads as another host (a backslash, a tab inside the path)
 * land on the editor home instead.
 */
for (const next of ["/\\evil.example", "/\t/evil.example", "//evil.example", "/.//evil.example"]) {
  test(`sign-in with next=${JSON.stringify(next)} stays on this site`, async ({ page, baseURL }) => {
    // A request to another host must never leave the browser.
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.abort());
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(EDITOR2.email);
    await page.getByLabel("Password").fill(EDITOR2.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/editor`);
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
  });
}
