import "server-only";
import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, errors as undiciErrors, request } from "undici";

/**
 * Fetching a URL someone else chose (an editor's link, a feed), safely and
 * within bounds. The one module for it: imports and the feed poller use it.
 *
 * - Bounded: a total time limit, a size limit (Content-Length checked first,
 *   then the bytes as they arrive), the content types the caller accepts, and
 *   a limited number of redirects, each hop checked again like the first.
 * - Safe: only http(s), no credentials in the URL, and by default never an
 *   address on the server's own networks — loopback, private (RFC 1918),
 *   link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 *   unique-local and other non-global IPv6, IPv4-mapped and translated IPv6
 *   forms of those, multicast, reserved and known metadata addresses. The
 *   check is on the address the socket CONNECTS to: names are resolved by our
 *   lookup inside the connection, the refused addresses are dropped there, and
 *   the socket connects to an address that passed — so a name that resolves
 *   to a private address, or re-resolves to one later (DNS rebinding), is
 *   refused. (OWASP SSRF Prevention Cheat Sheet.)
 * - `CLAIMSCOPE_FETCH_ALLOW` (comma-separated host names and IP addresses)
 *   lets those hosts, as written in a URL, reach such addresses: for an
 *   intranet source, and for tests against a local server.
 * - Conditional requests: pass an earlier ETag / Last-Modified and a 304
 *   comes back as `notModified` (for the feed poller).
 *
 * No compression is asked for, so the size limit is on the bytes the page
 * really is.
 */

export interface SafeFetchOptions {
  /** Media types accepted, lower case, no parameters ("text/html", "application/pdf"). */
  accept: readonly string[];
  /** Largest body in bytes. Default 10 MB. */
  maxBytes?: number;
  /** Time for the whole exchange, redirects included, in milliseconds. Default 20 s. */
  timeoutMs?: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  /** Validators from an earlier response: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchedResource {
  notModified: false;
  /** The final URL, after redirects. */
  url: string;
  /** Every URL requested, in order (the first is the one asked for). */
  chain: string[];
  status: number;
  /** Media type, lower case, without parameters. */
  mediaType: string;
  /** The charset parameter of Content-Type, as sent, or null. */
  charset: string | null;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

export interface NotModified {
  notModified: true;
  url: string;
  chain: string[];
  etag: string | null;
  lastModified: string | null;
}

export type FetchFailure = "url" | "address" | "timeout" | "too-large" | "content-type" | "redirects" | "http" | "network";

/** A fetch that was refused or failed, with a message an editor can act on. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly kind: FetchFailure,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = "Claimscope/1.0 (fact-checking archive; +https://github.com/claimscope)";

/** Public addresses that are cloud metadata or control endpoints all the same. */
const METADATA_ADDRESSES = new Set(["168.63.129.16", "100.100.100.200", "192.0.0.192"]);

const RANGE_NAMES: Record<string, string> = {
  loopback: "loopback",
  private: "private-network",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  reserved: "reserved",
  ipv4Mapped: "IPv4-mapped",
  rfc6052: "NAT64",
  rfc6145: "IPv4-translated",
  "6to4": "6to4",
  teredo: "Teredo",
};

/**
 * Why `address` is refused, or null when it is a global unicast address that
 * may be fetched. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4
 * address it carries; NAT64, 6to4 and Teredo forms are refused outright.
 */
export function refusedAddressReason(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    const bare = address.replace(/^\[|\]$/g, "");
    const zone = bare.indexOf("%"); // an IPv6 zone index ("fe80::1%eth0") is not part of the address
    ip = ipaddr.parse(zone >= 0 ? bare.slice(0, zone) : bare);
  } catch {
    return "not an IP address";
  }
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (METADATA_ADDRESSES.has(ip.toString())) return "a cloud metadata address";
  const range = ip.range();
  return range === "unicast" ? null : `${RANGE_NAMES[range] ?? range} address`;
}

function allowList(): Set<string> {
  const raw = process.env.CLAIMSCOPE_FETCH_ALLOW ?? "";
  return new Set(
    raw
      .split(",")
      .map((s) => s.trim().toLowerCase().replace(/^\[|\]$/g, ""))
      .filter(Boolean),
  );
}

/** Host as written in a URL, lower case, IPv6 brackets removed. */
const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, "");

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * The lookup every connection of the agent uses: resolve, drop refused
 * addresses (unless the host is allow-listed), hand the rest to connect.
 */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "");
    const allowed = allowList().has(hostname.toLowerCase());
    const usable = allowed ? addresses : addresses.filter((a) => refusedAddressReason(a.address) === null);
    if (usable.length === 0) {
      const refused = Object.assign(new Error(`${hostname} resolves only to addresses on private or local networks (${addresses.map((a) => a.address).join(", ")})`), {
        code: "ECLAIMSCOPEREFUSED",
      });
      return callback(refused, "");
    }
    if (options.all) callback(null, usable);
    else callback(null, usable[0].address, usable[0].family);
  });
}

const globalForFetch = globalThis as unknown as { __claimscopeFetchAgent?: Agent };
function agent(): Agent {
  globalForFetch.__claimscopeFetchAgent ??= new Agent({
    connect: { lookup: guardedLookup as unknown as net.LookupFunction, timeout: 10_000 },
    headersTimeout: DEFAULT_TIMEOUT_MS,
    bodyTimeout: DEFAULT_TIMEOUT_MS,
    maxResponseSize: -1,
    // No keep-alive: imports fetch one page from a site at a time, and a reused
    // socket the server has just closed fails the request (ECONNRESET).
    pipelining: 0,
  });
  return globalForFetch.__claimscopeFetchAgent;
}

/** Checks a URL before any connection: scheme, credentials, and an IP-literal host. */
export function checkUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("That is not a web address.", "url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError("Only http and https addresses can be fetched.", "url");
  if (url.username || url.password) throw new FetchError("Addresses with a user name or password are not fetched.", "url");
  const host = hostOf(url);
  if (net.isIP(host) && !allowList().has(host)) {
    const reason = refusedAddressReason(host);
    if (reason) throw new FetchError(`${host} is a ${reason}: Claimscope does not fetch from the server's own networks.`, "address");
  }
  url.hash = "";
  return url;
}

function mediaTypeOf(header: string | undefined): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: "", charset: null };
  const [type, ...params] = header.split(";");
  const charset =
    params
      .map((p) => p.split("="))
      .filter(([name, value]) => name.trim().toLowerCase() === "charset" && value)
      .map(([, value]) => value.trim().replace(/^"|"$/g, ""))
      .find(Boolean) ?? null;
  return { mediaType: type.trim().toLowerCase(), charset };
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function describeNetworkError(error: unknown, url: URL): FetchError {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const code = (cause as { code?: string })?.code ?? (error as { code?: string })?.code;
  if (code === "ECLAIMSCOPEREFUSED") {
    return new FetchError(`${(cause as Error).message}: Claimscope does not fetch from the server's own networks.`, "address");
  }
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError || error instanceof undiciErrors.ConnectTimeoutError) {
    return new FetchError(`${url.host} took too long to answer.`, "timeout");
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new FetchError(`${url.hostname} could not be found.`, "network");
  if (code === "ECONNREFUSED") return new FetchError(`${url.host} refused the connection.`, "network");
  return new FetchError(`${url.host} could not be reached (${code ?? (error as Error)?.message ?? "network error"}).`, "network");
}

/**
 * Fetches `rawUrl` within the bounds of `options`. Resolves to the body and
 * its type, or to `notModified` when the validators still hold; rejects with
 * a FetchError (and nothing half-read is returned) otherwise.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<FetchedResource | NotModified> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const chain: string[] = [];
  let url = checkUrl(rawUrl);

  for (;;) {
    chain.push(url.href);
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      accept: [...options.accept, "*/*;q=0.1"].join(", "),
      "accept-encoding": "identity",
    };
    if (options.etag) headers["if-none-match"] = options.etag;
    if (options.lastModified) headers["if-modified-since"] = options.lastModified;

    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, { method: "GET", headers, dispatcher: agent(), signal: deadline });
    } catch (error) {
      if (deadline.aborted) throw new FetchError(`${url.host} took too long to answer.`, "timeout");
      throw describeNetworkError(error, url);
    }
    const { statusCode } = response;
    const etag = header(response.headers, "etag") ?? null;
    const lastModified = header(response.headers, "last-modified") ?? null;

    if (statusCode >= 300 && statusCode < 400 && statusCode !== 304) {
      await response.body.dump().catch(() => undefined);
      const location = header(response.headers, "location");
      if (!location) throw new FetchError(`${url.host} redirected without saying where to.`, "http");
      if (chain.length > maxRedirects) throw new FetchError(`Too many redirects (more than ${maxRedirects}).`, "redirects");
      url = checkUrl(new URL(location, url));
      continue;
    }
    if (statusCode === 304) {
      await response.body.dump().catch(() => undefined);
      return { notModified: true, url: url.href, chain, etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null };
    }
    if (statusCode >= 400) {
      await response.body.dump().catch(() => undefined);
      throw new FetchError(`${url.host} answered ${statusCode}: the page could not be fetched.`, "http");
    }

    const { mediaType, charset } = mediaTypeOf(header(response.headers, "content-type"));
    if (mediaType && !options.accept.includes(mediaType)) {
      await response.body.dump().catch(() => undefined);
      throw new FetchError(`That address gives ${mediaType}, not ${describeAccepted(options.accept)}.`, "content-type");
    }
    const declared = Number(header(response.headers, "content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body.dump({ limit: 0 }).catch(() => undefined);
      throw new FetchError(tooLarge(maxBytes), "too-large");
    }

    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += chunk.length;
        if (size > maxBytes) {
          response.body.destroy();
          throw new FetchError(tooLarge(maxBytes), "too-large");
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (deadline.aborted) throw new FetchError(`${url.host} took too long to send the page.`, "timeout");
      throw describeNetworkError(error, url);
    }
    const body = Buffer.concat(chunks);
    const sniffed = mediaType || sniffMediaType(body);
    if (!options.accept.includes(sniffed)) {
      throw new FetchError(`That address does not give ${describeAccepted(options.accept)}.`, "content-type");
    }
    return { notModified: false, url: url.href, chain, status: statusCode, mediaType: sniffed, charset, body: new Uint8Array(body), etag, lastModified };
  }
}

function tooLarge(maxBytes: number): string {
  return `The page is larger than ${(maxBytes / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} MB, the most Claimscope fetches.`;
}

const NAMES: Record<string, string> = { "text/html": "a web page", "application/xhtml+xml": "a web page", "application/pdf": "a PDF", "text/plain": "text" };
function describeAccepted(accept: readonly string[]): string {
  return [...new Set(accept.map((t) => NAMES[t] ?? t))].join(" or ");
}

/** A response without Content-Type: recognise an HTML page or a PDF by its first bytes. */
function sniffMediaType(body: Uint8Array): string {
  const head = Buffer.from(body.subarray(0, 512)).toString("latin1").trimStart().toLowerCase();
  if (head.startsWith("%pdf-")) return "application/pdf";
  if (/^\ufeff?(?:<!doctype html|<html|<head|<body|<!--)/.test(head)) return "text/html";
  return "application/octet-stream";
}

export interface SafePostOptions {
  /** Request headers (a User-Agent is added). */
  headers: Record<string, string>;
  body: string;
  /** Time for the exchange, in milliseconds. Default 10 s. */
  timeoutMs?: number;
}

/**
 * POSTs `body` to a URL someone chose (the alert webhook), under the same
 * address rules as safeFetch: only http(s), no credentials in the URL, never
 * the server's own networks unless CLAIMSCOPE_FETCH_ALLOW names the host, the
 * check made on the address the socket connects to. Redirects are not
 * followed (a 3xx is returned as it is), and at most 64 KB of the answer is
 * read and dropped. Resolves to the HTTP status, whatever it is.
 * @throws FetchError when the address is refused, the host cannot be reached, or the time runs out.
 */
export async function safePost(rawUrl: string, options: SafePostOptions): Promise<{ status: number }> {
  const url = checkUrl(rawUrl);
  const deadline = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  try {
    const response = await request(url, {
      method: "POST",
      headers: { "user-agent": USER_AGENT, ...options.headers },
      body: options.body,
      dispatcher: agent(),
      signal: deadline,
    });
    await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { status: response.statusCode };
  } catch (error) {
    if (deadline.aborted) throw new FetchError(`${url.host} took too long to answer.`, "timeout");
    throw describeNetworkError(error, url);
  }
}
