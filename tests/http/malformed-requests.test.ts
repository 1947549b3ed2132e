import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionId } from "../support/server-actions";
import { signIn, startAppServer, type AppServer } from "../support/app-server";
import { rawRequest } from "../support/raw-http";

/**
 * Malformed requests get a 4xx, never a 500: server-action posts with bodies
 * Next's client never sends (to an editor page with a session, and to a public
 * page without one), and paths with broken percent-escapes.
 */
describe("malformed requests", () => {
  let server: AppServer;
  let cookie: string;
  let action: string;

  beforeAll(async () => {
    server = await startAppServer();
    cookie = await signIn(server, "editor@claimscope.local", "claimscope-editor");
    action = actionId("importArticleAction");
  });
  afterAll(() => server?.stop());

  const post = (path: string, headers: Record<string, string>, body: string | Buffer, withCookie = true) =>
    rawRequest(`${server.url}${path}`, {
      method: "POST",
      headers: { "next-action": action, accept: "text/x-component", origin: server.url, ...(withCookie ? { cookie } : {}), ...headers },
      body,
    });

  it.each([
    ["a chunked 8 MB body without Content-Length", { "content-type": "text/plain;charset=UTF-8", "transfer-encoding": "chunked" }, Buffer.alloc(8 * 1024 * 1024, "a")],
    ["multipart garbage", { "content-type": "multipart/form-data; boundary=xyz" }, "--nope\r\nthis is not multipart"],
    ["JSON garbage", { "content-type": "application/json" }, "{not json"],
    ["TEXT/PLAIN garbage", { "content-type": "TEXT/PLAIN" }, "[[[not json"],
    ["another site's Origin", { "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" }, JSON.stringify([{}])],
  ] as const)("%s gets a 4xx", async (_, headers, body) => {
    for (const [path, withCookie] of [["/editor/import", true], ["/", false]] as const) {
      const res = await post(path, headers, body, withCookie);
      expect(res.status, `${path}: ${res.body.toString().slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it("each refused action request is a security event that admins see on /editor/admin/security", async () => {
    const admin = await signIn(server, "admin@claimscope.local", "claimscope-admin");
    const page = () => fetch(`${server.url}/editor/admin/security?kind=request-refused`, { headers: { cookie: admin } }).then((r) => r.text());
    // Stored after the refusal is answered (a refusal never waits for the database). Refusals of one
    // address within a minute are folded into the first (lib/security-events.ts): the 8 MB body's.
    await expect.poll(page, { timeout: 10_000 }).toContain("A server-action request was refused: body over the limit.");
  });

  it("a malformed percent-escape in a path gets a 4xx", async () => {
    for (const path of ["/claims/%E0%A4%A", "/%", "/outlets/%ZZ", "/api/claims/%C0%80", "/editor/claims/%"]) {
      const res = await rawRequest(`${server.url}/`, { path });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});
