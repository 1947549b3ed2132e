import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, signIn, startAppServer, waitForHealthy, type AppServer } from "../support/app-server";
import { createDatabase, startPostgres, type TestPostgres } from "../support/postgres";
import { rawRequest } from "../support/raw-http";
import { startRedis, type TestRedis } from "../support/redis";
import { callActionOver } from "../support/server-actions";

/**
 * The public cache (lib/public-cache/) with two app servers on one PostgreSQL
 * and one Redis, as production runs: an edit made through one server is on the
 * other at the very next request — claim page, lists, search, API, feed — while
 * readers of other claims keep their cache hits; the same after PostgreSQL
 * restarts; and with Redis stopped under load, every request still succeeds
 * and nothing stale is served, then hits come back.
 */

interface ClaimRow {
  id: string;
  slug: string;
  version: number;
  canonical: string;
  summary: string | null;
  speakerId: string | null;
  sourceDocumentId: string | null;
  rebutsId: string | null;
}

describe("the public cache across two app servers", () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let db: pg.Pool;
  let a: AppServer;
  let b: AppServer;
  let cookie: string;
  let edited: ClaimRow;
  let other: ClaimRow;

  const claimRow = async (slug: string) =>
    (await db.query<ClaimRow>(`SELECT id, slug, version, canonical, summary, "speakerId", "sourceDocumentId", "rebutsId" FROM "Claim" WHERE slug = $1`, [slug])).rows[0];

  /** Appends a unique word to the claim's wording through `server`'s editor action. */
  async function editWording(server: AppServer, word: string) {
    const row = await claimRow(edited.slug);
    const result = await callActionOver(server.url, "editClaimAction", cookie, {
      id: row.id,
      version: row.version,
      canonical: `${row.canonical} ${word}`,
      summary: row.summary,
      speakerId: row.speakerId,
      sourceDocumentId: row.sourceDocumentId,
      rebutsId: row.rebutsId,
    });
    expect(result, `edit through ${server.url}`).toMatchObject({ ok: true });
  }

  const get = (server: AppServer, path: string) => rawRequest(`${server.url}${path}`);

  /** Every public view of the edited claim, on `server`, shows `word` at once. */
  async function expectEverywhere(server: AppServer, word: string) {
    const views = [
      `/claims/${edited.slug}`,
      "/claims",
      `/api/claims/${edited.slug}`,
      "/api/claims",
      `/search?q=${word}`,
      `/api/search?q=${word}`,
      "/api/export/claim-review",
      "/",
    ];
    for (const path of views) {
      const res = await get(server, path);
      expect(res.status, `${server.url}${path}`).toBe(200);
      expect(res.body.toString(), `${server.url}${path} shows the edit`).toContain(word);
    }
  }

  /** GETs each path twice on each server: the second answer must come from the cache. */
  async function warm(paths: string[]) {
    for (const server of [a, b]) {
      for (const path of paths) {
        await get(server, path);
        const again = await get(server, path);
        expect(again.headers["x-claimscope-cache"], `${server.url}${path} is cached`).toBe("HIT");
      }
    }
  }

  beforeAll(async () => {
    postgres = await startPostgres();
    const url = await createDatabase(postgres.url, "claimscope");
    redis = await startRedis(await freePort());
    const env = { REDIS_URL: redis.url, BETTER_AUTH_SECRET: "cache-test-secret-0123456789abcdef0123456789" };
    a = await startAppServer({ database: "postgres", databaseUrl: url, env });
    // The second server runs the demo seed too (a no-op on a seeded database): with the seed off
    // it would refuse to start, since the demo accounts have the README's passwords.
    b = await startAppServer({ database: "postgres", databaseUrl: url, env });
    // A pool: its connections are cut when PostgreSQL restarts, and it opens new ones.
    db = new pg.Pool({ connectionString: url, max: 2 }).on("error", () => {});
    cookie = await signIn(a, "editor@claimscope.local", "claimscope-editor");
    const rated = await db.query<{ slug: string }>(
      `SELECT c.slug FROM "Claim" c JOIN "Rating" r ON r."claimId" = c.id WHERE c.status = 'published' ORDER BY c.slug`,
    );
    edited = await claimRow(rated.rows[0].slug);
    other = await claimRow(rated.rows[1].slug);
  });

  afterAll(async () => {
    await db?.end().catch(() => {});
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await postgres?.stop();
  });

  it("an edit through one server is on the other at the next request; other claims keep their hits", async () => {
    const word = `zephyrine${Date.now()}`;
    await warm([`/claims/${edited.slug}`, `/claims/${other.slug}`, "/claims", `/api/claims/${edited.slug}`, "/api/claims", `/search?q=${word}`, `/api/search?q=${word}`, "/"]);
    await editWording(a, word);
    await expectEverywhere(b, word);
    await expectEverywhere(a, word);
    for (const server of [a, b]) {
      const res = await get(server, `/claims/${other.slug}`);
      expect(res.headers["x-claimscope-cache"], `another claim's page on ${server.url} is still a hit`).toBe("HIT");
    }
  });

  it("public responses name their records for a CDN; the edited claim's page is among a write's purges", async () => {
    const res = await get(b, `/claims/${edited.slug}`);
    expect(res.headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(String(res.headers["surrogate-key"]).split(" ")).toContain(`claim:${edited.slug}`);
    expect(String(res.headers["cache-tag"]).split(",")).toContain(`claim:${edited.slug}`);
    const signedIn = await rawRequest(`${b.url}/claims/${edited.slug}`, { headers: { cookie } });
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    expect(signedIn.headers["surrogate-key"]).toBeUndefined();
  });

  it("still holds after PostgreSQL restarts", async () => {
    const word = `quillwort${Date.now()}`;
    await warm([`/claims/${edited.slug}`, "/claims"]);
    await postgres.restart();
    await Promise.all([waitForHealthy(a), waitForHealthy(b)]);
    await editWording(b, word);
    await expectEverywhere(a, word);
    await expectEverywhere(b, word);
  });

  it("with Redis stopped under load: every request succeeds, an edit shows everywhere, and hits come back with Redis", async () => {
    const word = `marigoldine${Date.now()}`;
    await warm([`/claims/${edited.slug}`, `/claims/${other.slug}`, "/claims"]);
    const paths = [`/claims/${edited.slug}`, `/claims/${other.slug}`, "/claims", "/api/claims", "/outlets", "/"];
    const failures: string[] = [];
    let requests = 0;
    let stop = false;
    const load = Array.from({ length: 6 }, async (_, worker) => {
      for (let i = worker; !stop; i++) {
        const server = i % 2 ? a : b;
        const path = paths[i % paths.length];
        try {
          const res = await get(server, path);
          requests++;
          if (res.status !== 200) failures.push(`${res.status} ${server.url}${path}`);
        } catch (error) {
          failures.push(`${String(error)} ${server.url}${path}`);
        }
      }
    });
    await new Promise((r) => setTimeout(r, 2000));
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await editWording(a, word);
    await expectEverywhere(b, word);
    await redis.restart();
    await new Promise((r) => setTimeout(r, 2000));
    stop = true;
    await Promise.all(load);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);

    // Redis is back (empty): nothing from before is served, and pages are cached again.
    await expectEverywhere(b, word);
    await expect
      .poll(
        async () => {
          await get(b, `/claims/${other.slug}`);
          return (await get(b, `/claims/${other.slug}`)).headers["x-claimscope-cache"];
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe("HIT");
    expect((await get(b, `/claims/${edited.slug}`)).body.toString()).toContain(word);
  });
});
