import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startAppServer, type AppServer } from "../support/app-server";

/**
 * Sessions over HTTP (issue 9, item 17): no endpoint hands a page script the raw
 * session tokens, and a password change through the API ends every other session
 * of the account even when the client does not ask for it.
 */
const EDITOR = { email: "editor2@claimscope.local", password: "claimscope-editor2" };
const NEW_PASSWORD = "a-new-password-for-editor2";

describe("sessions", () => {
  let server: AppServer;
  let first: string;
  let second: string;

  beforeAll(async () => {
    server = await startAppServer();
    first = await signIn(server, EDITOR.email, EDITOR.password);
    second = await signIn(server, EDITOR.email, EDITOR.password);
  });
  afterAll(() => server?.stop());

  const call = (path: string, cookie: string, body?: unknown) =>
    fetch(`${server.url}/api/auth${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { cookie, origin: server.url, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const token = (cookie: string) => /session_token=([^.;]+)/.exec(cookie)![1];
  const sessionOf = async (cookie: string) => (await (await call("/get-session", cookie)).json()) as { user?: { email: string } } | null;

  it("no endpoint lists sessions with their tokens", async () => {
    for (const path of ["/list-sessions", "/admin/list-user-sessions"]) {
      const res = await call(path, first);
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body, path).not.toContain(token(first));
      expect(body, path).not.toContain(token(second));
    }
  });

  it("a password change without revokeOtherSessions still ends the other sessions", async () => {
    expect((await sessionOf(second))?.user?.email).toBe(EDITOR.email);
    const res = await call("/change-password", first, { currentPassword: EDITOR.password, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(await sessionOf(second), "the other session has ended").toBeNull();
    // The changer keeps a session (a new one, in the response's cookie), and the new password works.
    const renewed = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect((await sessionOf(renewed || first))?.user?.email).toBe(EDITOR.email);
    await expect(signIn(server, EDITOR.email, NEW_PASSWORD)).resolves.toContain("session_token=");
    await expect(signIn(server, EDITOR.email, EDITOR.password)).rejects.toThrow(/401/);
  });
});
