import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { rawRequest } from "../support/raw-http";

/**
 * The public address (issue 11): canonical links, JSON-LD and feeds name
 * SITE_URL when it is set; with no setting, the address the request came in
 * on (never a hard-coded localhost:3000). A request naming another host then
 * gets its own copy from the public cache: it must never store a page that
 * names its host for every other reader (web cache poisoning).
 */
const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? null;

async function claimPath(server: AppServer): Promise<string> {
  const list = (await rawRequest(`${server.url}/claims`)).body.toString();
  return /href="(\/claims\/[a-z0-9-]+)"/.exec(list)![1];
}

describe("the public address", () => {
  let unset: AppServer;
  let configured: AppServer;

  beforeAll(async () => {
    [unset, configured] = await Promise.all([
      startAppServer({ env: { BETTER_AUTH_URL: undefined, SITE_URL: undefined } }),
      startAppServer({ env: { SITE_URL: "https://claims.example/" } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([unset?.stop(), configured?.stop()]);
  });

  it("with no setting, pages name the host they were asked on, and a forged Host reaches no other reader", async () => {
    const path = await claimPath(unset);
    const asked = async (host: string, proto?: string) => {
      const res = await rawRequest(`${unset.url}${path}`, { headers: { host, ...(proto ? { "x-forwarded-proto": proto } : {}) } });
      expect(res.status, `${host} ${path}`).toBe(200);
      return res.body.toString();
    };
    expect(canonical(await asked("news.test"))).toBe(`http://news.test${path}`);
    // A forged host renders a page naming it, stored apart from the readers' copy.
    const forged = await asked("evil.example");
    expect(canonical(forged)).toBe(`http://evil.example${path}`);
    expect(forged).toContain("ClaimReview");
    for (let i = 0; i < 2; i++) {
      const page = await asked("news.test");
      expect(canonical(page)).toBe(`http://news.test${path}`);
      expect(page).not.toContain("evil.example");
    }
    expect(canonical(await asked("news.test", "https"))).toBe(`https://news.test${path}`);
    expect((await rawRequest(`${unset.url}/feed.xml`, { headers: { host: "news.test" } })).body.toString()).toContain("http://news.test/claims/");
  });

  it("with SITE_URL set, every page, JSON-LD and feed names it, whatever the request's host", async () => {
    const path = await claimPath(configured);
    for (const host of ["evil.example", `127.0.0.1:${configured.port}`]) {
      const page = (await rawRequest(`${configured.url}${path}`, { headers: { host } })).body.toString();
      expect(canonical(page), host).toBe(`https://claims.example${path}`);
      expect(page).not.toContain("evil.example");
      expect(page).not.toContain("localhost:3000");
    }
    const feed = (await rawRequest(`${configured.url}/feed.xml`, { headers: { host: "evil.example" } })).body.toString();
    expect(feed).toContain("https://claims.example/claims/");
    expect(feed).not.toContain("evil.example");
    // The W3C export, streamed in batches: one whole JSON-LD collection, its total that of its items.
    const exported = await rawRequest(`${configured.url}/api/export/annotations`, { headers: { host: "evil.example" } });
    expect(exported.status).toBe(200);
    expect(exported.headers["content-type"]).toContain("application/ld+json");
    const collection = JSON.parse(exported.body.toString()) as { id: string; total: number; first: { items: { id: string }[] } };
    expect(collection.id).toBe("https://claims.example/api/export/annotations");
    expect(collection.total).toBeGreaterThan(0);
    expect(collection.first.items).toHaveLength(collection.total);
    for (const item of collection.first.items) expect(item.id.startsWith("https://claims.example/")).toBe(true);
    expect(exported.body.toString()).not.toContain("evil.example");
  });
});
