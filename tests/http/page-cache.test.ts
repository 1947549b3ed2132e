import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, startAppServer, type AppServer } from "../support/app-server";
import { rawRequest } from "../support/raw-http";

/**
 * The public page cache in front of Next (server.ts), seen from outside: what a
 * link checker's HEAD or a client that takes no gzip does must never change
 * what the next reader gets.
 */
describe.each(databases())("public page cache (%s)", (database) => {
  let server: AppServer;
  let claimPage: string;

  beforeAll(async () => {
    server = await startAppServer({ database });
    const list = (await rawRequest(`${server.url}/claims`)).body.toString();
    claimPage = /href="(\/claims\/[a-z0-9-]+)"/.exec(list)![1];
  });
  afterAll(() => server?.stop());

  it("a HEAD on an uncached page does not blank it for the next GET", async () => {
    for (const path of ["/outlets", "/", claimPage, "/api/claims", "/speakers"]) {
      const head = await rawRequest(`${server.url}${path}`, { method: "HEAD" });
      expect(head.status, `HEAD ${path}`).toBe(200);
      expect(head.body.length, `HEAD ${path} has no body`).toBe(0);
      for (let i = 0; i < 2; i++) {
        const get = await rawRequest(`${server.url}${path}`);
        expect(get.status, `GET ${path}`).toBe(200);
        const text = get.body.toString();
        if (path.startsWith("/api/")) expect(JSON.parse(text), `GET ${path} is JSON`).toHaveProperty("data");
        else expect(text, `GET ${path} #${i + 1} is the whole page`).toMatch(/<\/html>\s*$/);
      }
    }
  });

  it("a HEAD after a GET answers from the same page, without a body", async () => {
    const get = await rawRequest(`${server.url}/tags`);
    const head = await rawRequest(`${server.url}/tags`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
  });

  it("a burst of requests for a page nobody has cached waits on one render", async () => {
    for (const path of [`/claims?burst=${Date.now()}`, `${claimPage}?burst=${Date.now()}`]) {
      const burst = await Promise.all(Array.from({ length: 8 }, () => rawRequest(`${server.url}${path}`)));
      for (const res of burst) {
        expect(res.status, path).toBe(200);
        expect(res.body.toString(), `${path} is the whole page`).toMatch(/<\/html>\s*$/);
      }
      const rendered = burst.filter((res) => res.headers["x-claimscope-cache"] !== "HIT");
      expect(rendered.length, `${path}: one of the burst rendered, the others were served its copy`).toBe(1);
      expect(new Set(burst.map((res) => res.body.toString())).size, `${path}: everyone got the same page`).toBe(1);
    }
  });

  it("a client that did not ask for gzip never gets gzip bytes, whoever came first", async () => {
    for (const path of ["/articles", "/api/outlets"]) {
      const zipped = await rawRequest(`${server.url}${path}`, { headers: { "accept-encoding": "gzip" } });
      expect(zipped.status).toBe(200);
      const plainAfter = await rawRequest(`${server.url}${path}`, { headers: { "accept-encoding": "identity" } });
      const none = await rawRequest(`${server.url}${path}`);
      for (const res of [plainAfter, none]) {
        expect(res.status).toBe(200);
        expect(res.headers["content-encoding"] ?? "identity").toBe("identity");
        expect(res.body.toString()).toMatch(path.startsWith("/api/") ? /^\{"data":/ : /<\/html>\s*$/);
      }
      // And the other way round: a gzip client still gets gzip (or plain), never garbage.
      const zippedAgain = await rawRequest(`${server.url}${path}`, { headers: { "accept-encoding": "gzip, deflate" } });
      const body = zippedAgain.headers["content-encoding"] === "gzip" ? gunzipSync(zippedAgain.body) : zippedAgain.body;
      expect(body.toString()).toBe(plainAfter.body.toString());
      expect(String(zippedAgain.headers["vary"] ?? "")).toMatch(/accept-encoding/i);
    }
  });
});
