import { expect, type Locator, type Page } from "@playwright/test";

export const EDITOR = { email: "editor@claimscope.local", password: "claimscope-editor" };
export const EDITOR2 = { email: "editor2@claimscope.local", password: "claimscope-editor2" };
export const ADMIN = { email: "admin@claimscope.local", password: "claimscope-admin" };

/**
 * Waits until React has hydrated `selector` (the page's main by default). Until then
 * a form is plain HTML: a click on its button submits it natively, and what was
 * typed is lost in the reload, as it would be for a person who clicks that fast.
 */
export async function expectHydrated(page: Page, selector = "main") {
  await expect
    .poll(() => page.evaluate((s) => Object.keys(document.querySelector(s) ?? {}).some((k) => k.startsWith("__reactFiber")), selector), { message: `React hydrated ${selector}` })
    .toBe(true);
}

/** Signs in through the real sign-in page, as a person would. */
export async function signIn(page: Page, account: { email: string; password: string }, next = "/editor") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

/**
 * Chooses an option of a search box (the editor's Combobox: claim pickers, merge
 * targets) as a person does: types words of it, checks the highlighted match is
 * it, and presses Enter.
 */
export async function chooseInCombobox(box: Locator, label: string, typed = label.slice(0, 40)) {
  await box.fill(typed);
  const listbox = box.page().locator(`[id="${await box.getAttribute("aria-controls")}"]`);
  await expect(listbox.getByRole("option", { selected: true })).toContainText(label.slice(0, 40));
  await box.press("Enter");
  await expect(box).toHaveValue(label);
}
