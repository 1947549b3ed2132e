import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startAppServer, type AppServer } from "../support/app-server";
import { createDatabase, startPostgres, type TestPostgres } from "../support/postgres";
import { rawRequest } from "../support/raw-http";
import { listActions, postAction } from "../support/server-actions";

/**
 * PostgreSQL stopped under a running production server (issue 9, item 13): a
 * sign-in, an editor's write, a page and the API each get a 503 that says the
 * database is unavailable, quickly (no hang, no empty or raw 500); a public page
 * already cached is still served; and all answer again once PostgreSQL is back.
 */
const SAYS_UNAVAILABLE = /database is unavailable/i;
const QUICK_MS = 10_000;
const editPage = () => listActions().find((a) => a.exportedName === "editClaimAction")!.page;

describe("PostgreSQL down", () => {
  let postgres: TestPostgres;
  let server: AppServer;
  let cookie: string;
  let claim: { id: string; slug: string; version: number; canonical: string; summary: string | null; speakerId: string | null; sourceDocumentId: string | null; rebutsId: string | null };

  beforeAll(async () => {
    postgres = await startPostgres();
    const url = await createDatabase(postgres.url, "claimscope");
    server = await startAppServer({ database: "postgres", databaseUrl: url, env: { BETTER_AUTH_SECRET: "db-down-test-secret-0123456789abcdef0123456789" } });
    cookie = await signIn(server, "editor@claimscope.local", "claimscope-editor");
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    claim = (await db.query(`SELECT id, slug, version, canonical, summary, "speakerId", "sourceDocumentId", "rebutsId" FROM "Claim" WHERE status = 'published' ORDER BY slug LIMIT 1`)).rows[0];
    await db.end();
    // Cached before the outage: served from the cache during it.
    await rawRequest(`${server.url}/claims`);
    expect((await rawRequest(`${server.url}/claims`)).headers["x-claimscope-cache"]).toBe("HIT");
    await postgres.pause();
    // The server's view of the database is at most a second old.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  });
  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
  });

  async function timed<T>(call: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await call();
    expect(Date.now() - started, "answered without waiting for the database").toBeLessThan(QUICK_MS);
    return result;
  }

  it("sign-in answers 503 with a message the form shows", async () => {
    const res = await timed(() =>
      fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ email: "editor@claimscope.local", password: "claimscope-editor" }),
      }),
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeTruthy();
    const body = (await res.json()) as { message: string };
    expect(body.message).toMatch(SAYS_UNAVAILABLE);
  });

  it("an editor's write answers 503 with the message (not applied: the same version saves afterwards)", async () => {
    const res = await timed(() =>
      postAction(server.url, editPage(), "editClaimAction", cookie, { ...claim, canonical: `${claim.canonical} during outage` }),
    );
    expect(res.status).toBe(503);
    expect(res.body).toMatch(SAYS_UNAVAILABLE);
  });

  it("an uncached page gets a 503 page, the API a 503 JSON; a cached page is still served", async () => {
    const page = await timed(() => rawRequest(`${server.url}/claims/${claim.slug}`));
    expect(page.status).toBe(503);
    expect(String(page.headers["content-type"])).toMatch(/text\/html/);
    expect(page.body.toString()).toMatch(SAYS_UNAVAILABLE);

    const api = await timed(() => rawRequest(`${server.url}/api/outlets`));
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body.toString()).message).toMatch(SAYS_UNAVAILABLE);

    const cached = await timed(() => rawRequest(`${server.url}/claims`));
    expect(cached.status).toBe(200);
    expect(cached.body.toString()).toContain(`/claims/${claim.slug}`);
  });

  it("everything answers again once PostgreSQL is back, and the write goes through", async () => {
    await postgres.resume();
    await expect.poll(async () => (await rawRequest(`${server.url}/claims/${claim.slug}`)).status, { timeout: 30_000, interval: 500 }).toBe(200);
    const res = await postAction(server.url, editPage(), "editClaimAction", cookie, { ...claim, canonical: `${claim.canonical} after outage` });
    expect(res.result).toMatchObject({ ok: true });
    const signedIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: "editor@claimscope.local", password: "claimscope-editor" }),
    });
    expect(signedIn.status).toBe(200);
  });
});
