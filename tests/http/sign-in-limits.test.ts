import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";

/**
 * Sign-in limits over real HTTP. Two servers: one trusting no proxy (the default,
 * so X-Forwarded-For is the client's own invention), one trusting loopback as its
 * proxy, where each test is a client of its own address.
 */
const EDITOR = { email: "editor@claimscope.local", password: "claimscope-editor" };
const EDITOR2 = { email: "editor2@claimscope.local", password: "claimscope-editor2" };
const CAP_SECONDS = 3;

function signIn(server: AppServer, email: string, password: string, forwardedFor?: string) {
  return fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: JSON.stringify({ email, password }),
  });
}

/**
 * The most attempts progressive delays let through in `seconds`: `free` at once,
 * then one after each delay (1 s, 2 s, 4 s … up to the cap). A race that got
 * more through than this schedule would fail the test.
 */
function allowedWithin(seconds: number, free: number): number {
  let n = free;
  let elapsed = 0;
  for (let delay = 1; ; delay = Math.min(delay * 2, CAP_SECONDS)) {
    elapsed += delay;
    if (elapsed > seconds) return n;
    n++;
  }
}

const randomAddress = () => `198.51.100.${1 + (randomBytes(1)[0] % 250)}, 10.${randomBytes(1)[0]}.0.1`;

describe("sign-in limits", () => {
  let direct: AppServer;
  let proxied: AppServer;

  beforeAll(async () => {
    [direct, proxied] = await Promise.all([
      startAppServer({ env: { SIGN_IN_DELAY_CAP_SECONDS: String(CAP_SECONDS) } }),
      startAppServer({ env: { TRUSTED_PROXIES: "loopback", SIGN_IN_DELAY_CAP_SECONDS: String(CAP_SECONDS) } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([direct?.stop(), proxied?.stop()]);
  });

  it("a forged X-Forwarded-For and a new e-mail address each time do not dodge the limit: passwords stop being checked", async () => {
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      const res = await signIn(direct, `nobody-${randomBytes(4).toString("hex")}@example.com`, "wrong-password-123", randomAddress());
      statuses.push(res.status);
    }
    const checked = statuses.filter((s) => s === 401).length;
    const refused = statuses.filter((s) => s === 429).length;
    expect(checked + refused, statuses.join(" ")).toBe(40);
    // 10 free attempts from one address, then one each time a doubling delay has passed.
    const seconds = (Date.now() - started) / 1000;
    expect(checked, `passwords checked in ${seconds} s: ${statuses.join(" ")}`).toBeLessThanOrEqual(allowedWithin(seconds, 10));
    expect(checked).toBeLessThan(20);
  });

  it("a trusted proxy's X-Forwarded-For names the client: another client is not held up by the first one's failures", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(proxied, `flood-${i}@example.com`, "wrong-password-123", "203.0.113.7")).status).toBe(401);
    // Past the 10 free attempts, one gets through each time a delay (1 s, 2 s, 3 s) has
    // passed. Sent one after another, attempts that each take longer than the delay on a
    // loaded machine would all be let through, rightly; sent at once, one or two get
    // through and the rest wait.
    const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(proxied, `flood-x${i}@example.com`, "wrong-password-123", "203.0.113.7").then((r) => r.status)));
    expect(burst.filter((s) => s === 429).length, burst.join(" ")).toBeGreaterThanOrEqual(3);
    const other = await signIn(proxied, EDITOR2.email, EDITOR2.password, "203.0.113.8");
    expect(other.status).toBe(200);
  });

  it("attempts refused because the account waits cost the address nothing: its other sign-ins are checked", async () => {
    const account = `waiting-${randomBytes(4).toString("hex")}@example.com`;
    for (let i = 0; i < 5; i++) expect((await signIn(proxied, account, `wrong-password-${i}`, "203.0.113.20")).status).toBe(401);
    // From another address, well past that address's 10 free attempts: refused for the account
    // (a slow machine may let one through each time the account's delay runs out).
    let refused = 0;
    for (let i = 0; i < 14; i++) {
      const res = await signIn(proxied, account, "wrong-password-x", "203.0.113.21");
      expect([401, 429]).toContain(res.status);
      if (res.status === 429) {
        expect((await res.json()).message).toMatch(/for this account/);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(10);
    const elsewhere = await signIn(proxied, `other-${randomBytes(4).toString("hex")}@example.com`, "wrong-password-123", "203.0.113.21");
    expect(elsewhere.status, "the address was not delayed by refusals that checked no password").toBe(401);
  });

  it("60 racing attempts on one account check at most 10 passwords", async () => {
    const started = Date.now();
    const attempts = Array.from({ length: 60 }, (_, i) => (i === 30 ? EDITOR2.password : `wrong-password-${i}`));
    const statuses = await Promise.all(attempts.map((password, i) => signIn(proxied, EDITOR2.email, password, `192.0.2.${i + 1}`).then((r) => r.status)));
    const checked = statuses.filter((s) => s === 401 || s === 200).length;
    expect(statuses.every((s) => [200, 401, 429].includes(s)), statuses.join(" ")).toBe(true);
    // 5 free attempts on one account, then one each time a doubling delay has passed (this
    // machine may take many seconds to answer 60 racing requests, one password check at a time).
    const seconds = (Date.now() - started) / 1000;
    expect(checked, `passwords checked in ${seconds} s: ${statuses.join(" ")}`).toBeLessThanOrEqual(allowedWithin(seconds, 5));
  });

  it("ten wrong passwords make the owner wait a few seconds, not lock them out", async () => {
    const client = "203.0.113.50";
    for (let i = 0; i < 10; i++) await signIn(proxied, EDITOR.email, `wrong-password-${i}`, client);
    let signedIn = false;
    for (let tries = 0; tries < 4 && !signedIn; tries++) {
      const res = await signIn(proxied, EDITOR.email, EDITOR.password, client);
      if (res.status === 200) {
        signedIn = true;
        break;
      }
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get("retry-after"));
      expect(retryAfter, "a 429 says when to try again").toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(CAP_SECONDS);
      expect((await res.json()).message).toMatch(/try again in \d+ seconds?/i);
      await new Promise((r) => setTimeout(r, retryAfter * 1000 + 200));
    }
    expect(signedIn).toBe(true);
  });
});
