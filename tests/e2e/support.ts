import { expect, type Page } from "@playwright/test";

export const EDITOR = { email: "editor@claimscope.local", password: "claimscope-editor" };
export const EDITOR2 = { email: "editor2@claimscope.local", password: "claimscope-editor2" };
export const ADMIN = { email: "admin@claimscope.local", password: "claimscope-admin" };

/** Signs in through the real sign-in page, as a person would. */
export async function signIn(page: Page, account: { email: string; password: string }, next = "/editor") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}
