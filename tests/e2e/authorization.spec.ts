import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { callAction, fingerprint, listActions, origin, signInCookie, type ActionRef } from "./http-support";
import { ADMIN } from "./support";

/**
 * Every server action in the build, and every mutating route handler, called as
 * an anonymous visitor and as a deactivated editor: all refused, nothing
 * changed. Actions are enumerated from the build's own manifest, so a new action
 * is covered the day it is written.
 */
function listRouteFiles(dir = "app"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listRouteFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** The action called with a body any action's schema refuses or ignores (ids that do not exist). */
const callWithJunk = (request: APIRequestContext, action: ActionRef, cookie: string) =>
  callAction(request, action, cookie, { arg: { id: "x", ids: ["x"], version: 1, name: "Injected", content: "Injected text", format: "text", newOutletName: "Injected" } });

function expectRefused(name: string, result: { status: number; body: string }) {
  expect(result.status, `${name} must not fail with a server error`).toBeLessThan(500);
  const refused =
    [301, 302, 303, 307, 308, 401, 403, 404].includes(result.status) || /"ok":false,"code":"(?:unauthenticated|forbidden)"/.test(result.body);
  expect(refused, `${name} was not refused: ${result.status} ${result.body.slice(0, 200)}`).toBe(true);
}

test("every server action refuses anonymous visitors and deactivated editors, and changes nothing", async ({ request }) => {
  const actions = listActions();
  expect(actions.length).toBeGreaterThan(0);
  const before = await fingerprint();

  // Anonymous, with a forged session cookie so that proxy.ts lets the request through to the action itself.
  for (const action of actions) {
    expectRefused(`${action.name} (anonymous)`, await callWithJunk(request, action, "better-auth.session_token=forged.value"));
  }

  // A deactivated editor: created by the admin, signed in, then deactivated while the session is live.
  const admin = await signInCookie(request, ADMIN.email, ADMIN.password);
  const email = `deactivated-${Date.now()}@claimscope.test`;
  const created = await request.post("/api/auth/admin/create-user", {
    headers: { Origin: origin(), Cookie: admin.cookie },
    data: { email, password: "a-long-password-1", name: "Soon Deactivated", role: "editor" },
  });
  expect(created.status()).toBe(200);
  const editor = await signInCookie(request, email, "a-long-password-1");
  const ban = await request.post("/api/auth/admin/ban-user", { headers: { Origin: origin(), Cookie: admin.cookie }, data: { userId: editor.userId } });
  expect(ban.status()).toBe(200);
  const afterSetup = await fingerprint();
  for (const action of actions) {
    expectRefused(`${action.name} (deactivated editor)`, await callWithJunk(request, action, editor.cookie));
  }
  const page = await request.get("/editor", { headers: { Cookie: editor.cookie }, maxRedirects: 0 });
  expect([302, 303, 307]).toContain(page.status());

  if (before !== null) {
    // Only the admin's own setup (the new, deactivated account) may differ.
    expect(await fingerprint()).toBe(afterSetup);
  }
});

test("route handlers do not mutate: only the auth handler accepts POST", async ({ request }) => {
  const mutating = listRouteFiles().filter((file) => /export\s+(?:const|async function|function)\s+(?:POST|PUT|PATCH|DELETE)\b|export const \{[^}]*\b(?:POST|PUT|PATCH|DELETE)\b/.test(readFileSync(file, "utf8")));
  expect(mutating.map((f) => f.split(path.sep).join("/"))).toEqual(["app/api/auth/[...all]/route.ts"]);
  // Everything else answers a write with 405, never a change.
  for (const url of ["/api/health", "/api/claims", "/api/search?q=x"]) {
    const response = await request.post(url, { headers: { Origin: origin() }, data: {} });
    expect([404, 405], `${url}`).toContain(response.status());
  }
});
