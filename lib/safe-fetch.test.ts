/**
 * The fetch module against a real local HTTP server (127.0.0.1, allow-listed
 * as the tests' intranet host) and the machine's real resolver.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrl, FetchError, refusedAddressReason, safeFetch } from "./safe-fetch";

const PORT = 3082;
const HTML = "<!doctype html><title>Hi</title><p>Hello</p>";
let server: http.Server;
let base: string;

const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
  "/page": (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=windows-1252" }).end(HTML),
  "/no-type": (_req, res) => {
    res.removeHeader("content-type");
    res.writeHead(200).end(HTML);
  },
  "/png": (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  "/big": (_req, res) => res.writeHead(200, { "content-type": "text/html", "content-length": String(3_000_000) }).end("x".repeat(3_000_000)),
  "/big-chunked": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    for (let i = 0; i < 30; i++) res.write("x".repeat(100_000));
    res.end();
  },
  "/slow": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<p>");
    const timer = setInterval(() => res.write("."), 100);
    res.on("close", () => clearInterval(timer));
  },
  "/missing": (_req, res) => res.writeHead(404, { "content-type": "text/html" }).end("gone"),
  "/etag": (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
    else res.writeHead(200, { "content-type": "text/html", etag: '"v1"', "last-modified": "Mon, 30 Nov 2026 10:00:00 GMT" }).end(HTML);
  },
  "/r1": (_req, res) => res.writeHead(301, { location: "/r2" }).end(),
  "/r2": (_req, res) => res.writeHead(302, { location: `${base}/r3` }).end(),
  "/r3": (_req, res) => res.writeHead(307, { location: "/page" }).end(),
  "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  "/to-localhost": (_req, res) => res.writeHead(302, { location: `http://localhost:${PORT}/page` }).end(),
  "/to-metadata": (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
};

beforeAll(async () => {
  process.env.CLAIMSCOPE_FETCH_ALLOW = "127.0.0.1";
  server = http.createServer((req, res) => (routes[req.url ?? ""] ?? routes["/missing"])(req, res));
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.CLAIMSCOPE_FETCH_ALLOW;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const HTML_ONLY = { accept: ["text/html"] };
async function refusal(url: string, options: Parameters<typeof safeFetch>[1] = HTML_ONLY): Promise<FetchError> {
  const error = await safeFetch(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("refusedAddressReason", () => {
  it.each([
    "127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "255.255.255.255", "224.0.0.1",
    "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "ff02::1", "168.63.129.16",
  ])("refuses %s", (address) => expect(refusedAddressReason(address)).not.toBeNull());

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34"])("allows %s", (address) => expect(refusedAddressReason(address)).toBeNull());
});

describe("checkUrl", () => {
  it.each([
    ["ftp://example.com/file", "url"],
    ["javascript:alert(1)", "url"],
    ["http://user:pw@example.com/", "url"],
    ["not a url", "url"],
    ["http://10.0.0.5/admin", "address"],
    ["http://[::ffff:127.0.0.2]/", "address"],
    ["http://2130706434/", "address"], // 127.0.0.2 written as a number
  ])("refuses %s", (url, kind) => {
    expect(() => checkUrl(url)).toThrow(FetchError);
    try {
      checkUrl(url);
    } catch (e) {
      expect((e as FetchError).kind).toBe(kind);
    }
  });
});

describe("safeFetch against a local server", () => {
  it("fetches a page, with its media type and charset", async () => {
    const result = await safeFetch(`${base}/page`, HTML_ONLY);
    expect(result).toMatchObject({ notModified: false, status: 200, mediaType: "text/html", charset: "windows-1252", url: `${base}/page` });
    if (result.notModified) return;
    expect(Buffer.from(result.body).toString()).toBe(HTML);
  });

  it("follows a redirect chain, checking every hop", async () => {
    const result = await safeFetch(`${base}/r1`, HTML_ONLY);
    expect(result.chain).toEqual([`${base}/r1`, `${base}/r2`, `${base}/r3`, `${base}/page`]);
    expect(result.url).toBe(`${base}/page`);
  });

  it.each([
    ["a host name that resolves to a loopback address", `http://localhost:${PORT}/page`, "address"],
    ["a redirect from the allowed host to a name on a refused address", "/to-localhost", "address"],
    ["a redirect to the cloud metadata address", "/to-metadata", "address"],
    ["a redirect loop", "/loop", "redirects"],
    ["a page over the size limit by Content-Length", "/big", "too-large"],
    ["a page over the size limit as it arrives", "/big-chunked", "too-large"],
    ["something that is not a web page", "/png", "content-type"],
    ["a missing page", "/missing", "http"],
  ])("refuses %s, with a clear error", async (_name, url, kind) => {
    const error = await refusal(url.startsWith("/") ? `${base}${url}` : url, { accept: ["text/html"], maxBytes: 2_000_000 });
    expect(error.kind).toBe(kind);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("gives up on a slow page at the time limit", async () => {
    const started = Date.now();
    const error = await refusal(`${base}/slow`, { accept: ["text/html"], timeoutMs: 600 });
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("recognises a page sent without a Content-Type by its first bytes", async () => {
    expect(await safeFetch(`${base}/no-type`, HTML_ONLY)).toMatchObject({ mediaType: "text/html" });
    expect((await refusal(`${base}/no-type`, { accept: ["application/pdf"] })).kind).toBe("content-type");
  });

  it("makes conditional requests: a 304 is reported as not modified", async () => {
    const first = await safeFetch(`${base}/etag`, HTML_ONLY);
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: "Mon, 30 Nov 2026 10:00:00 GMT" });
    const again = await safeFetch(`${base}/etag`, { ...HTML_ONLY, etag: first.etag, lastModified: first.lastModified });
    expect(again).toMatchObject({ notModified: true, etag: '"v1"' });
  });

  it("refuses the local server itself when it is not allow-listed", async () => {
    const saved = process.env.CLAIMSCOPE_FETCH_ALLOW;
    process.env.CLAIMSCOPE_FETCH_ALLOW = "";
    try {
      expect((await refusal(`${base}/page`)).kind).toBe("address");
    } finally {
      process.env.CLAIMSCOPE_FETCH_ALLOW = saved;
    }
  });
});
