import { expect, test } from "@playwright/test";
import { EDITOR, signIn } from "./support";

test("an editor imports a pasted article and sees its quotes found; bad input gets inline errors", async ({ page }) => {
  await signIn(page, EDITOR, "/editor/import");
  await expect(page.getByRole("heading", { name: "Import an article" })).toBeVisible();

  // Nothing pasted: an inline error, nothing sent.
  await page.getByLabel("Existing outlet").selectOption({ label: "RahaPress" });
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByText("Article text is required.")).toBeVisible();

  // A binary file is refused in the browser with a clear message.
  await page.getByLabel("Upload a .txt or .html file").setInputFiles({
    name: "photo.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]),
  });
  await expect(page.getByText(/not text \(it looks binary\)/)).toBeVisible();

  const stamp = Date.now();
  await page.getByLabel("Existing outlet").selectOption({ label: "— a new outlet —" });
  await page.getByLabel("New outlet name").fill(`Test Wire ${stamp}`);
  await page.getByLabel("Published").fill("2021-02-03");
  await page.getByLabel("…or paste it here").fill(
    `Ministry rejects report ${stamp}\n\nThe foreign ministry said the report was “baseless and misleading,” a spokesman told reporters.\n\n“We will respond in due course,” he said.`,
  );
  await page.getByRole("button", { name: "Import article" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("Imported.");
  await expect(status).toContainText("2 quotes found.");

  // The same text again is recognised, not duplicated.
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("status")).toContainText("already in Claimscope");

  await page.getByRole("link", { name: "Public page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ministry rejects report ${stamp}`);
  await expect(page.locator("mark").first()).toContainText("baseless and misleading");
});
