import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

/**
 * An editor changes their own password at /editor/account: a wrong current
 * password and a mistyped repeat are refused with clear messages and change
 * nothing; then the new password works and the old one does not.
 */
test("an editor changes their password: wrong input is refused, then the new one signs in and the old one does not", async ({ browser }) => {
  const run = Date.now().toString(36);
  const email = `newcomer-${run}@example.org`;
  const first = `first password ${run}`;
  const next = `a better password ${run}`;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN, "/editor/admin");
  const create = admin.getByRole("form", { name: "New account" });
  await create.getByLabel("Name").fill(`Newcomer ${run}`);
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("First password").fill(first);
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("status")).toContainText(`Account for ${email} created.`);
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email, password: first }, "/editor/account");
  const form = page.getByRole("form", { name: "Change password" });
  const current = form.getByLabel("Current password");
  const fresh = form.getByLabel("New password", { exact: true });
  const repeat = form.getByLabel("Repeat new password");
  const submit = form.getByRole("button", { name: "Change password" });

  await current.fill(first);
  await fresh.fill(next);
  await repeat.fill(`${next} typo`);
  await submit.click();
  await expect(repeat).toHaveAttribute("aria-invalid", "true");

  await current.fill(`not my password ${run}`);
  await repeat.fill(next);
  await submit.click();
  await expect(form.getByRole("alert")).toHaveText("The current password is not right.");

  await current.fill(first);
  await submit.click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Your other sessions were signed out.");
  await context.close();

  const later = await browser.newContext();
  const again = await later.newPage();
  await again.goto("/sign-in");
  await again.getByLabel("Email").fill(email);
  await again.getByLabel("Password").fill(first);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(again).toHaveURL(/\/sign-in/);
  await signIn(again, { email, password: next });
  await later.close();
});
