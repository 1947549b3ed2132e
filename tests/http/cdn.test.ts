import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, signIn, startAppServer, type AppServer } from "../support/app-server";
import { rawRequest } from "../support/raw-http";
import { callActionOver } from "../support/server-actions";

/**
 * The README's Varnish configuration (deploy/varnish.vcl) in front of the
 * production server, with the app's purge hook pointed at it: Varnish serves
 * public pages from its cache, an edit purges exactly the pages that name the
 * edited claim (xkey on the Surrogate-Key header), other pages stay cached,
 * HEAD and clients that take no gzip get the right answer, and signed-in
 * traffic is never cached.
 */

const varnishd = "/usr/sbin/varnishd";

async function startVarnish(appPort: number, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "claimscope-varnish-"));
  // varnishd compiles the VCL as its own unprivileged user.
  await chmod(dir, 0o755);
  const vcl = (await readFile("deploy/varnish.vcl", "utf8")).replace('.port = "3000";', `.port = "${appPort}";`);
  await writeFile(path.join(dir, "claimscope.vcl"), vcl, { mode: 0o644 });
  const jail = process.getuid?.() === 0 ? [] : ["-j", "none"];
  const child: ChildProcess = spawn(varnishd, ["-F", "-n", path.join(dir, "work"), "-a", `127.0.0.1:${port}`, "-f", path.join(dir, "claimscope.vcl"), "-s", "malloc,64m", ...jail], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited: ${output}`);
    try {
      await rawRequest(`${url}/api/health`, { timeoutMs: 2000 });
      break;
    } catch {
      if (Date.now() > end) throw new Error(`varnishd did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// CI installs Varnish (.ci/run): there a missing varnishd fails the run instead of skipping this.
describe.skipIf(!existsSync(varnishd) && process.env.CI !== "true")("behind Varnish (deploy/varnish.vcl)", () => {
  let app: AppServer;
  let cdn: { url: string; stop(): Promise<void> };
  let cookie: string;

  beforeAll(async () => {
    const cdnPort = await freePort();
    app = await startAppServer({ database: "postgres", env: { PURGE_HOOK_URL: `http://127.0.0.1:${cdnPort}/` } });
    cdn = await startVarnish(app.port, cdnPort);
    cookie = await signIn(app, "editor@claimscope.local", "claimscope-editor");
  });
  afterAll(async () => {
    await cdn?.stop();
    await app?.stop();
  });

  const viaCdn = (p: string, headers: Record<string, string> = {}, method = "GET") => rawRequest(`${cdn.url}${p}`, { headers, method });

  it("serves public pages from its cache, and an edit purges only the pages that show the edited claim", async () => {
    const list = (await viaCdn("/claims")).body.toString();
    const [edited, other] = [...new Set([...list.matchAll(/href="\/claims\/([a-z0-9-]+)"/g)].map((m) => m[1]))];
    for (const slug of [edited, other]) {
      await viaCdn(`/claims/${slug}`);
      expect((await viaCdn(`/claims/${slug}`)).headers["x-cache"], `/claims/${slug} cached by Varnish`).toBe("HIT");
    }

    const db = new pg.Client({ connectionString: app.databaseUrl! });
    await db.connect();
    const row = (await db.query(`SELECT id, version, canonical, summary, "speakerId", "sourceDocumentId", "rebutsId" FROM "Claim" WHERE slug = $1`, [edited])).rows[0];
    await db.end();
    const word = `aubergine${Date.now()}`;
    const result = await callActionOver(app.url, "editClaimAction", cookie, { ...row, canonical: `${row.canonical} ${word}` });
    expect(result).toMatchObject({ ok: true });

    const fresh = await viaCdn(`/claims/${edited}`);
    expect(fresh.headers["x-cache"]).toBe("MISS");
    expect(fresh.body.toString()).toContain(word);
    expect((await viaCdn(`/claims/${other}`)).headers["x-cache"], "another claim stays cached at the CDN").toBe("HIT");
  });

  it("HEAD, Accept-Encoding and signed-in requests come out right through the CDN", async () => {
    const head = await viaCdn("/outlets", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const get = await viaCdn("/outlets");
    expect(get.body.toString()).toMatch(/<\/html>\s*$/);
    const identity = await viaCdn("/outlets", { "accept-encoding": "identity" });
    expect(identity.headers["content-encoding"] ?? "identity").toBe("identity");
    expect(identity.body.toString()).toBe(get.body.toString());
    const gzip = await viaCdn("/outlets", { "accept-encoding": "gzip" });
    const body = gzip.headers["content-encoding"] === "gzip" ? gunzipSync(gzip.body) : gzip.body;
    expect(body.toString()).toBe(get.body.toString());

    const signedIn = await viaCdn("/outlets", { cookie });
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    expect(signedIn.headers["x-cache"]).toBe("MISS");
  });
});
