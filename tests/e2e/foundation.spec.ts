import { expect, test } from "@playwright/test";
import { EDITOR, signIn } from "./support";

test("a reader opens the home page and an article", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How the news quotes official reports");
  for (const outlet of ["FDD's Long War Journal", "RFE/RL Gandhara", "RahaPress", "Daily Outlook Afghanistan"]) {
    await expect(page.getByRole("heading", { name: outlet })).toBeVisible();
  }
  await page.getByRole("link", { name: "Pakistan still safe harbor for terrorist groups" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pakistan still safe harbor for terrorist groups");
  await expect(page.getByLabel("About this article")).toContainText("RahaPress");
  await expect(page.locator(".article-body")).toContainText("regionally focused terrorist");
});

test("an anonymous visitor is sent to sign-in from /editor", async ({ page }) => {
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Feditor$/);
  await expect(page.getByRole("heading", { name: "Editor sign-in" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("do not match");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an editor signs in, reaches /editor, and signs out", async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome, Eddie Editor");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/sign-in/);
});
