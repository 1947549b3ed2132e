import { expect, test } from "@playwright/test";
import { EDITOR, EDITOR2, signIn } from "./support";

/**
 * A primary source's details form is an editor form like the others
 * (useActionForm): a stale save is refused with the conflict notice, the
 * editor's input stays, and after loading the other version their save goes through.
 */
test("when two editors edit the same source, the later save is refused, then re-applied knowingly", async ({ browser }) => {
  const run = Date.now().toString(36);
  const firstContext = await browser.newContext();
  const page = await firstContext.newPage();
  await signIn(page, EDITOR, "/editor/sources");
  const added = page.getByRole("form", { name: "New source" });
  await added.getByLabel("Title").fill(`Harbour survey ${run}`);
  await added.getByLabel("Or paste the text").fill("Harbour survey\n\nThe survey found the harbour wall sound along its whole length.");
  await added.getByRole("button", { name: "Add source" }).click();
  await expect(page).toHaveURL(/\/editor\/sources\/[\w-]+\?added=1/, { timeout: 60_000 });
  const sourcePath = new URL(page.url()).pathname;

  const secondContext = await browser.newContext();
  const page2 = await secondContext.newPage();
  await signIn(page2, EDITOR2, sourcePath);

  const first = page.getByRole("form", { name: "Edit source" });
  const other = page2.getByRole("form", { name: "Edit source" });
  await expect(other.getByLabel("Title")).toHaveValue(`Harbour survey ${run}`);
  await first.getByLabel("Title").fill(`Harbour survey ${run}, first editor`);
  await other.getByLabel("Title").fill(`Harbour survey ${run}, second editor`);

  await first.getByRole("button", { name: "Save source" }).click();
  await expect(first.getByRole("status")).toHaveText("Saved.");

  await other.getByRole("button", { name: "Save source" }).click();
  const refusal = other.getByRole("alert");
  await expect(refusal).toContainText("Not saved.");
  await expect(other.getByLabel("Title")).toHaveValue(`Harbour survey ${run}, second editor`);

  await refusal.getByRole("button", { name: "Load their version" }).click();
  const changed = other.getByRole("status");
  await expect(changed).toContainText("This record was changed by someone else");
  await expect(changed).toContainText("first editor");
  await expect(other.getByLabel("Title")).toHaveValue(`Harbour survey ${run}, second editor`);

  await other.getByRole("button", { name: "Save source" }).click();
  await expect(other.getByRole("status")).toHaveText("Saved.");
  await page2.reload();
  await expect(page2.getByRole("form", { name: "Edit source" }).getByLabel("Title")).toHaveValue(`Harbour survey ${run}, second editor`);
  await secondContext.close();
  await firstContext.close();
});
