/**
 * The production server: Next's request handler behind a small cache of
 * rendered public pages (lib/page-cache.ts). `npm start` runs it; `npm run dev`
 * is plain `next dev`, uncached.
 *
 * Only anonymous full-page and read-API GETs are cached; anything with a session
 * cookie, a router/RSC header or a server action goes straight to Next.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { pageCache, PURGE_CHANNEL } from "./lib/page-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const CACHEABLE = /^\/(?:$|claims(?:\/|$|\?)|articles(?:\/|$|\?)|outlets(?:\/|$|\?)|speakers(?:\/|$|\?)|tags(?:\/|$|\?)|search(?:$|\?)|api\/(?:claims|quotes|articles|outlets|search)(?:\/|$|\?))/;

/** The URL whose rendered response may be served from, or stored in, the page cache; or null. */
function cacheablePath(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (!CACHEABLE.test(url)) return null;
  const h = req.headers;
  if (h["rsc"] || h["next-router-state-tree"] || h["next-router-prefetch"] || h["next-action"] || h["range"]) return null;
  if (/better-auth\.session_token/.test(h.cookie ?? "")) return null;
  return url;
}

/**
 * The content codings a client takes, best first, per RFC 9110 §12.5.3: a
 * coding with q=0 (or not listed while `*;q=0` is) is refused; identity is
 * taken unless refused. A cached response is stored under the coding Next chose
 * for the client that rendered it, and only ever served to a client that takes it.
 */
function acceptedEncodings(header: string | undefined): string[] {
  const q = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const star = q.get("*");
  const weight = (coding: string) => q.get(coding) ?? (coding === "identity" ? Math.min(star ?? 1, 0.001) : (star ?? 0));
  // Stable sort: on equal weight, compressed codings before identity.
  return ["gzip", "br", "deflate", "identity"].filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a));
}

function variantKey(path: string, encoding: string): string {
  return `${encoding} ${path}`;
}

function serveCached(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  for (const encoding of acceptedEncodings(req.headers["accept-encoding"] as string | undefined)) {
    const page = pageCache().get(variantKey(path, encoding));
    if (!page) continue;
    res.writeHead(page.status, { ...page.headers, "x-claimscope-cache": "HIT" });
    res.end(req.method === "HEAD" ? undefined : page.body);
    return true;
  }
  return false;
}

function withVary(value: unknown, field: string): string {
  const fields = String(value ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.some((f) => f.toLowerCase() === field.toLowerCase()) ? fields.join(", ") : [...fields, field].join(", ");
}

/** Tees the response Next writes, and keeps it if it is a complete, public 200. */
function capture(res: ServerResponse, path: string) {
  const cache = pageCache();
  const generation = cache.generation;
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const type = String(res.getHeader("content-type") ?? "");
    // Next marks every dynamically rendered page `private`; these are public by
    // construction (allow-listed paths, anonymous requests, a session-free layout).
    if (res.statusCode === 200 && !res.getHeader("set-cookie") && /text\/html|application\/json/.test(type)) {
      const headers = { ...res.getHeaders() };
      delete headers["content-length"];
      delete headers["transfer-encoding"];
      delete headers["connection"];
      delete headers["keep-alive"];
      delete headers["date"];
      headers["vary"] = withVary(headers["vary"], "Accept-Encoding");
      const encoding = String(res.getHeader("content-encoding") ?? "identity").toLowerCase();
      cache.set(variantKey(path, encoding), { status: 200, headers, body: Buffer.concat(chunks) }, generation);
    }
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
}

async function listenForPurges() {
  if (!process.env.DATABASE_URL) return; // embedded mode: one process, purged in-process
  const { default: pg } = await import("pg");
  const connect = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("error", () => {
      pageCache().clear();
      setTimeout(() => void connect().catch(() => {}), 1000);
    });
    await client.connect();
    client.on("notification", () => pageCache().clear());
    await client.query(`LISTEN ${PURGE_CHANNEL}`);
  };
  await connect();
}

async function main() {
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  await listenForPurges();
  createServer((req, res) => {
    const path = cacheablePath(req);
    if (path) {
      if (serveCached(req, res, path)) return;
      // A HEAD response has no body: storing it would blank the page for every later GET.
      if (req.method === "GET") capture(res, path);
    }
    void handle(req, res);
  }).listen(port, hostname, () => {
    console.log(`Claimscope ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
