/**
 * The HTTP side of the public cache, as server.ts uses it in front of Next:
 *
 * - Anonymous GET/HEAD of reader pages and the read API (CACHEABLE) are served
 *   from the cache when current; otherwise Next renders them inside a key
 *   collector (keys.ts), the whole response is buffered, stored under the keys
 *   its reads recorded, and sent with
 *     Cache-Control: public, max-age=0, s-maxage=S, stale-while-revalidate=W
 *     Surrogate-Key / Cache-Tag: the keys (space- / comma-separated)
 *     Vary: Accept-Encoding (and Next's RSC headers).
 *   A HEAD is rendered as the GET it stands for and answered without a body, so
 *   it never stores an empty page. A copy is stored under the content coding
 *   Next chose and served only to clients that take it (RFC 9110 §12.5.3).
 * - Requests with a session cookie, editor pages, sign-in and the auth API are
 *   sent `Cache-Control: private, no-store`, whatever Next said.
 * - Every HTML response carries a Content-Security-Policy naming the hashes of
 *   its inline scripts (csp.ts): no inline script runs unless it came from us.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { PublicCache } from "./cache";
import { contentSecurityPolicy, inlineScriptHashes } from "./csp";
import { configuredSiteUrl, requestOrigin } from "../site-url";
import { keyCollector } from "./keys";

const CACHEABLE = /^\/(?:$|\?|claims(?:\/|$|\?)|articles(?:\/|$|\?)|outlets(?:\/|$|\?)|speakers(?:\/|$|\?)|tags(?:\/|$|\?)|search(?:$|\?)|api\/(?:claims|quotes|articles|outlets|search)(?:\/|$|\?))/;
const PRIVATE = /^\/(?:editor|sign-in|api\/auth)(?:\/|$|\?)/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

/** How long a CDN may keep a public response without asking (s), and serve it stale while it asks. */
export const CDN_MAX_AGE = Number(process.env.CDN_MAX_AGE ?? 60);
export const CDN_STALE_WHILE_REVALIDATE = Number(process.env.CDN_STALE_WHILE_REVALIDATE ?? 30);
const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${CDN_MAX_AGE}, stale-while-revalidate=${CDN_STALE_WHILE_REVALIDATE}`;
const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * The key under which the response may be served from, or stored in, the cache,
 * or null when it may not: its URL, behind the request's origin when no site
 * address is configured. Pages then name that origin in their canonical links,
 * JSON-LD and feeds (lib/site-url.ts), so a request with a forged Host must not
 * store a page that every other reader is then served (web cache poisoning).
 */
export function cacheablePath(req: IncomingMessage): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (!CACHEABLE.test(url)) return null;
  const h = req.headers;
  if (h["rsc"] || h["next-router-state-tree"] || h["next-router-prefetch"] || h["next-action"] || h["range"]) return null;
  if (SESSION_COOKIE.test(h.cookie ?? "")) return null;
  if (configuredSiteUrl()) return url;
  const proto = h["x-forwarded-proto"];
  return `${requestOrigin(h.host, Array.isArray(proto) ? proto[0] : proto)}${url}`;
}

function isPrivate(req: IncomingMessage): boolean {
  return PRIVATE.test(req.url ?? "/") || SESSION_COOKIE.test(req.headers.cookie ?? "");
}

/**
 * The content codings a client takes, best first, per RFC 9110 §12.5.3: a
 * coding with q=0 (or not listed while `*;q=0` is) is refused; identity is
 * taken unless refused.
 */
export function acceptedEncodings(header: string | undefined): string[] {
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

const variantKey = (path: string, encoding: string) => `${encoding} ${path}`;

function withVary(value: unknown, field: string): string {
  const fields = String(value ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.some((f) => f.toLowerCase() === field.toLowerCase()) ? fields.join(", ") : [...fields, field].join(", ");
}

function decoded(body: Buffer, encoding: string): string {
  if (encoding === "gzip") return gunzipSync(body).toString("utf8");
  if (encoding === "br") return brotliDecompressSync(body).toString("utf8");
  if (encoding === "deflate") return inflateSync(body).toString("utf8");
  return body.toString("utf8");
}

interface Finished {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Sends status, headers and `body` (its length; no bytes for a HEAD) with the response's own methods. */
  send(status: number, headers: OutgoingHttpHeaders, body: Buffer, headOnly?: boolean): void;
}

/**
 * Holds back what Next writes to `res` — status, headers, body — until it ends,
 * then calls `done` instead of sending. Responses `hold` turns down (it sees the
 * headers Next set) go out as Next writes them. Next's compression wraps these
 * methods in turn, so the body held is in the coding Next chose.
 */
function holdResponse(res: ServerResponse, hold: (res: ServerResponse) => boolean, done: (finished: Finished) => void) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  let mode: "undecided" | "hold" | "pass" = "undecided";
  const chunks: Buffer[] = [];
  const decide = () => {
    if (mode === "undecided") mode = hold(res) ? "hold" : "pass";
    return mode;
  };
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  };
  res.writeHead = ((status: number, ...args: unknown[]) => {
    res.statusCode = status;
    const headers = args.find((a) => a && typeof a === "object") as OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    if (decide() === "pass") return writeHead(res.statusCode);
    return res;
  }) as ServerResponse["writeHead"];
  res.flushHeaders = () => {
    if (decide() === "pass") flushHeaders();
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (decide() === "pass") return write(chunk, ...rest);
    keep(chunk, rest[0]);
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (decide() === "pass") return end(chunk, ...rest);
    keep(chunk, rest[0]);
    const callback = [chunk, ...rest].find((r) => typeof r === "function") as (() => void) | undefined;
    if (callback) res.once("finish", callback);
    const headers = { ...res.getHeaders() };
    for (const name of ["content-length", "transfer-encoding", "connection", "keep-alive", "date"]) delete headers[name];
    done({
      status: res.statusCode,
      headers,
      body: Buffer.concat(chunks),
      send(status, sendHeaders, body, headOnly = false) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        writeHead(status, status === 204 || status === 304 ? sendHeaders : { ...sendHeaders, "content-length": body.length });
        end(headOnly ? undefined : body);
      },
    });
    return res;
  }) as ServerResponse["end"];
}

const isHtml = (headers: OutgoingHttpHeaders) => /^text\/html/i.test(String(headers["content-type"] ?? ""));

/** The response's final headers: the CSP with its scripts' hashes for HTML. */
function withPolicy(headers: OutgoingHttpHeaders, body: Buffer): OutgoingHttpHeaders {
  if (!isHtml(headers)) return headers;
  const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
  return { ...headers, "content-security-policy": contentSecurityPolicy({ scriptHashes: inlineScriptHashes(decoded(body, encoding)) }) };
}

function sendHit(req: IncomingMessage, res: ServerResponse, page: { status: number; headers: OutgoingHttpHeaders; body: Buffer }) {
  res.writeHead(page.status, { ...page.headers, "content-length": page.body.length, "x-claimscope-cache": "HIT" });
  res.end(req.method === "HEAD" ? undefined : page.body);
}

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** server.ts's request listener: the public cache, private responses and CSP around Next's handler. */
export function createRequestListener(cache: PublicCache, handle: NextHandler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = cacheablePath(req);
    if (path) void servePublic(cache, handle, req, res, path);
    else servePassing(handle, req, res);
  };
}

/** Not cacheable: HTML is held for its CSP; private responses are marked so. */
function servePassing(handle: NextHandler, req: IncomingMessage, res: ServerResponse) {
  const priv = isPrivate(req);
  holdResponse(
    res,
    (r) => {
      if (priv) r.setHeader("cache-control", PRIVATE_CACHE_CONTROL);
      return isHtml(r.getHeaders());
    },
    (finished) => finished.send(finished.status, withPolicy(priv ? { ...finished.headers, "cache-control": PRIVATE_CACHE_CONTROL } : finished.headers, finished.body), finished.body),
  );
  void handle(req, res);
}

/** A current copy for one of the codings the client takes, or null. */
async function lookup(cache: PublicCache, path: string, encodings: string[]) {
  try {
    for (const encoding of encodings) {
      const page = await cache.get(variantKey(path, encoding));
      if (page) return page;
    }
  } catch (error) {
    console.error("public cache: lookup failed, rendering instead", error);
  }
  return null;
}

/**
 * Renders in flight in this process, by path and the codings the client takes:
 * a burst of requests for a page nobody has cached (just purged, say) waits on
 * ONE render and is served its copy, instead of each rendering (single-flight).
 * A waiter whose copy was not stored (purged while it rendered, or not
 * cacheable) renders itself: never stale, never a shared error.
 */
const inFlight = new Map<string, Promise<void>>();

async function servePublic(cache: PublicCache, handle: NextHandler, req: IncomingMessage, res: ServerResponse, path: string) {
  const encodings = acceptedEncodings(req.headers["accept-encoding"] as string | undefined);
  let page = await lookup(cache, path, encodings);
  if (page) return sendHit(req, res, page);
  const flight = `${encodings.join(",")} ${path}`;
  const leader = inFlight.get(flight);
  if (leader) {
    await leader;
    page = await lookup(cache, path, encodings);
    if (page) return sendHit(req, res, page);
  }
  let landed = () => {};
  if (!inFlight.has(flight)) {
    let resolve!: () => void;
    const mine = new Promise<void>((r) => (resolve = r));
    inFlight.set(flight, mine);
    landed = () => {
      if (inFlight.get(flight) === mine) inFlight.delete(flight);
      resolve();
    };
    // Ended, failed or cut off: the waiters go on either way.
    res.once("close", landed);
  }
  await renderPublic(cache, handle, req, res, path, landed);
}

async function renderPublic(cache: PublicCache, handle: NextHandler, req: IncomingMessage, res: ServerResponse, path: string, stored: () => void) {
  const rendered = await cache.begin().catch(() => null);
  const headOnly = req.method === "HEAD";
  // A HEAD is rendered as its GET (stored, so the next GET is a hit), then sent without a body.
  if (headOnly) req.method = "GET";
  const keys = new Set<string>();
  holdResponse(
    res,
    () => true,
    (finished) => {
      const cacheable = finished.status === 200 && !finished.headers["set-cookie"] && /text\/html|application\/json/.test(String(finished.headers["content-type"] ?? ""));
      const surrogate = [...keys].sort();
      let headers: OutgoingHttpHeaders = finished.headers;
      if (cacheable) {
        headers = {
          ...headers,
          "cache-control": PUBLIC_CACHE_CONTROL,
          vary: withVary(headers["vary"], "Accept-Encoding"),
          ...(surrogate.length ? { "surrogate-key": surrogate.join(" "), "cache-tag": surrogate.join(",") } : {}),
        };
      }
      headers = withPolicy(headers, finished.body);
      const store =
        cacheable && rendered
          ? cache.set(variantKey(path, String(headers["content-encoding"] ?? "identity").toLowerCase()), { status: 200, headers, body: finished.body }, surrogate, rendered).catch(() => false)
          : Promise.resolve(false);
      // Stored before it is sent: the client's next request, and any waiting on this render, finds it.
      void store.then(() => {
        stored();
        finished.send(finished.status, headers, finished.body, headOnly);
      });
    },
  );
  await keyCollector().run(keys, () => handle(req, res));
}
