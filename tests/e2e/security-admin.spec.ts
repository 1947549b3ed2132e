import { expect, test } from "@playwright/test";
import { callAction, listActions } from "./http-support";
import { ADMIN, EDITOR2, signIn } from "./support";

/**
 * Issue 9, item 11: wrong passwords for a known e-mail address make its owner
 * wait; an admin sees the lockout among the security events and unlocks the
 * account, and the editor can then sign in at once. An editor cannot open the page.
 */
/** The delay the guessing reaches, in seconds: longer than the admin needs to unlock. */
const HELD_FOR = 32;

test("an admin sees a lockout, unlocks the account, and the editor signs in", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const editor = await browser.newContext({ baseURL });
  const admin = await browser.newContext({ baseURL });
  try {
    const adminPage = await admin.newPage();
    await signIn(adminPage, ADMIN, "/editor/admin/security");

    // Someone guesses editor2's password, waiting out each delay (5 free attempts, then
    // 1, 2, 4, 8, 16 s), until the account must wait 32 s. The guesser comes through the
    // trusted proxy (playwright.config.ts trusts loopback) from an address of its own, so
    // what other specs' failed sign-ins counted against this machine's address does not
    // matter; each guess counts against that address (10 free, then 1, 2 … s), which the
    // admin unlocks too below.
    const guesser = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const guess = (i: number) =>
      editor.request.post("/api/auth/sign-in/email", {
        headers: { origin: baseURL!, "x-forwarded-for": guesser },
        data: { email: EDITOR2.email, password: `not-the-password-${i}` },
      });
    for (let i = 1; i <= 10; i++) {
      expect((await guess(i)).status(), `guess ${i}`).toBe(401);
      if (i >= 5 && i < 10) await pause(2 ** (i - 5) * 1000 + 300);
    }
    await pause(1300); // the address's first delay
    const held = await guess(11);
    expect(held.status()).toBe(429);
    expect((await held.json()).message).toMatch(/for this account/);
    const retryAfter = Number(held.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(HELD_FOR / 2);
    const heldUntil = Date.now() + (retryAfter - 1) * 1000;

    // The editor, with the right password and from another address, is held off too.
    const editorPage = await editor.newPage();
    await editorPage.goto("/sign-in?next=/editor");
    await editorPage.getByLabel("Email").fill(EDITOR2.email);
    await editorPage.getByLabel("Password").fill(EDITOR2.password);
    await editorPage.getByRole("button", { name: "Sign in" }).click();
    await expect(editorPage.getByText(/Too many sign-in attempts for this account/)).toBeVisible();
    await expect(editorPage).toHaveURL(/\/sign-in/);

    // The admin sees the lockout and unlocks the account.
    await adminPage.reload();
    await expect(adminPage.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    const events = adminPage.getByRole("table", { name: "Security events" });
    await expect(events.getByRole("row").filter({ hasText: "sign-in-refused" }).filter({ hasText: EDITOR2.email }).first()).toBeVisible();
    // Filtering by kind keeps only that kind.
    await adminPage.getByRole("link", { name: "sign-in-refused", exact: true }).click();
    await expect(adminPage).toHaveURL(/kind=sign-in-refused/);
    await expect(events.locator("tbody tr").first()).toBeVisible();
    expect(new Set(await events.locator("tbody tr td:nth-child(2)").allInnerTexts())).toEqual(new Set(["sign-in-refused"]));

    const waiting = adminPage.getByRole("table", { name: "Waiting to sign in" });
    await expect(waiting.getByRole("row").filter({ hasText: EDITOR2.email })).toBeVisible();
    await adminPage.getByRole("button", { name: `Unlock ${EDITOR2.email}` }).click();
    await expect(adminPage.getByText(`Clear the delay of ${EDITOR2.email}?`)).toBeVisible();
    await adminPage.getByRole("button", { name: "Yes, unlock" }).click();
    await expect(adminPage.getByRole("status")).toContainText(`Unlocked ${EDITOR2.email}`);
    await expect(waiting.getByRole("row").filter({ hasText: EDITOR2.email })).toHaveCount(0);
    // The guesser's address made 11 attempts (10 free): it waits too, and is unlocked the same way.
    await expect(waiting.getByRole("row").filter({ hasText: "client address" }).filter({ hasText: guesser })).toBeVisible();
    await adminPage.getByRole("button", { name: `Unlock ${guesser}` }).click();
    await adminPage.getByRole("button", { name: "Yes, unlock" }).click();
    await expect(adminPage.getByRole("status")).toContainText(`Unlocked ${guesser}`);
    await expect(waiting.getByRole("row").filter({ hasText: guesser })).toHaveCount(0);

    // The editor signs in at once: before the delay would have run out.
    await signIn(editorPage, EDITOR2, "/editor");
    expect(Date.now(), "signed in before the account's delay ran out, so the unlock did it").toBeLessThan(heldUntil);

    // The unlock is itself an event, naming the admin.
    await adminPage.goto("/editor/admin/security?kind=account-unlocked");
    await expect(events.getByRole("row").filter({ hasText: EDITOR2.email }).filter({ hasText: ADMIN.email }).first()).toBeVisible();

    // An editor can open neither the page nor its action.
    await editorPage.goto("/editor/admin/security");
    await expect(editorPage).toHaveURL(/\/editor\?denied=admin$/);
    await expect(editorPage.getByRole("heading", { name: "Security", level: 1 })).toHaveCount(0);
    const unlock = listActions().find((a) => a.exportedName === "unlockSignInAction")!;
    const cookie = (await editor.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const called = await callAction(editor.request, unlock, cookie, { arg: { userId: "anyone" } });
    expect(called.result).toMatchObject({ ok: false, code: "forbidden" });
  } finally {
    await editor.close();
    await admin.close();
  }
});
