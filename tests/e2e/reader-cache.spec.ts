import { expect, test } from "@playwright/test";
import { EDITOR, signIn } from "./support";

const CLAIM = "/claims/pakistan-took-modest-steps-against-terror-financing";

test("a reader's cached claim page shows an editor's change at the next request", async ({ page, request }) => {
  // Two anonymous requests: the second is served from the rendered-page cache.
  expect((await request.get(CLAIM)).status()).toBe(200);
  const cached = await request.get(CLAIM);
  expect(cached.headers()["x-claimscope-cache"]).toBe("HIT");

  await signIn(page, EDITOR, "/editor/claims?q=modest");
  await page.getByRole("link", { name: /modest steps in 2019/ }).first().click();
  const form = page.getByRole("form", { name: "Edit claim" });
  const summary = `Summary edited at ${Date.now()} for the cache test.`;
  await form.getByLabel("Summary").fill(summary);
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByRole("status")).toHaveText("Claim saved.");

  const fresh = await request.get(CLAIM);
  expect(fresh.headers()["x-claimscope-cache"]).toBeUndefined();
  expect(await fresh.text()).toContain(summary);
});
