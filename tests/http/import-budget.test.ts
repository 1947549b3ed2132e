import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction } from "../support/server-actions";
import { databases, signIn, startAppServer, type AppServer } from "../support/app-server";
import { largeQuotedPage } from "../support/large-page";

/**
 * An import never blocks the server for other users: the page is parsed and
 * analysed in a worker thread with budgets (lib/budgeted.ts). While an editor
 * imports a hostile page, a reader's requests are answered as usual, and the
 * editor gets a clear refusal.
 */
/**
 * The slowest reader answer allowed while an import runs. An import on the request
 * thread made readers wait for all of it (19 s to minutes, issue 9); a few seconds
 * on a loaded two-core CI machine, where the suite's other runners share the cores,
 * still means no reader waits for the import (2,031 ms was seen there for a search
 * nobody ran before). Readers' speed itself is measured by `npm run test:load`.
 */
const READER_BOUND_MS = 5_000;

function nestedTables(bytes: number): string {
  const open = "<table><tr><td>";
  const close = "</td></tr></table>";
  const n = Math.floor(bytes / (open.length + close.length));
  return `<html><head><title>Nested</title></head><body>${open.repeat(n)}“A quote,” he said.${close.repeat(n)}</body></html>`;
}

/** Polls `url` (or `url(i)` for the i-th request) every 100 ms until `done` settles; returns the slowest answer in ms and how many failed. */
async function watch(url: string | ((i: number) => string), done: Promise<unknown>) {
  let finished = false;
  void done.finally(() => (finished = true));
  let slowest = 0;
  let failures = 0;
  let count = 0;
  while (!finished) {
    const started = Date.now();
    try {
      const res = await fetch(typeof url === "string" ? url : url(count), { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      if (!res.ok) failures++;
    } catch {
      failures++;
    }
    slowest = Math.max(slowest, Date.now() - started);
    count++;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { slowest, failures, count };
}

describe.each(databases())("imports and readers (%s)", (database) => {
  let server: AppServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startAppServer({ database });
    cookie = await signIn(server, "editor@claimscope.local", "claimscope-editor");
    await fetch(`${server.url}/claims`); // warm the reader page the watcher reads
  });
  afterAll(() => server?.stop());

  it("a 30 KB page of nested tables is refused with a clear message, and readers are answered meanwhile", async () => {
    const started = Date.now();
    const importing = postAction(server.url, "/editor/import", "importArticleAction", cookie, { format: "html", content: nestedTables(30_000), newOutletName: "Nest Wire", stripBoilerplate: true });
    const readers = await watch(`${server.url}/claims`, importing);
    const outcome = await importing;
    expect(outcome.status).toBe(200);
    expect(outcome.result?.ok).toBe(false);
    expect(outcome.result?.error).toMatch(/nests its elements \d+ deep|too long to process/);
    expect(Date.now() - started, "refused in seconds, not minutes").toBeLessThan(30_000);
    expect(readers.failures).toBe(0);
    expect(readers.slowest, `slowest reader answer of ${readers.count}`).toBeLessThan(READER_BOUND_MS);
    // Nothing was stored: the outlet named for the import was not created either.
    const outlets = await (await fetch(`${server.url}/api/outlets?perPage=100`)).json();
    expect(JSON.stringify(outlets)).not.toContain("Nest Wire");
    // The stop is a security event that admins see.
    const admin = await signIn(server, "admin@claimscope.local", "claimscope-admin");
    const events = await (await fetch(`${server.url}/editor/admin/security?kind=budget-exceeded`, { headers: { cookie: admin } })).text();
    expect(events).toMatch(/nests its elements \d+ deep|too long to process|budget/);
  });

  // On the embedded database too: the import writes its 12,000 quotes in parts, each a short
  // transaction (lib/ingest-write.ts), so readers' queries run between them. One transaction
  // held PGlite's one connection and a reader's search waited past 30 s (2026-12-01).
  it("while an 806 KB page of 12,000 quotations imports, readers' new searches never wait for it (issue 9, item 5)", { timeout: 300_000 }, async () => {
    const page = largeQuotedPage();
    expect(Buffer.byteLength(page)).toBeGreaterThan(800_000);
    const importing = postAction(server.url, "/editor/import", "importArticleAction", cookie, { format: "html", content: page, newOutletName: "Long Record Wire", stripBoilerplate: true });
    // 30 s of readers during the import (it may take longer; only readers are judged here):
    // each request a search nobody ran before, so none is a cached page. Readers' throughput
    // over the whole import is `npm run test:load` phase (c)'s to measure.
    const window = new Promise((r) => setTimeout(r, 30_000));
    const settled = importing.then(() => "imported", (error: unknown) => String(error));
    const readers = await watch((i) => `${server.url}/search?q=${encodeURIComponent(`record review ${i}`)}`, Promise.race([window, settled]));
    expect(readers.failures).toBe(0);
    expect(readers.count).toBeGreaterThan(10);
    expect(readers.slowest, `slowest reader answer of ${readers.count}`).toBeLessThan(READER_BOUND_MS);
    // The import is not awaited: it may run on past the window, and the server stops after the file.
    void settled;
  });
});
