import "server-only";
import { createHash } from "node:crypto";
import { TextDecoder as WhatwgTextDecoder } from "@exodus/bytes/encoding.js";
import sniffHTMLEncoding from "html-encoding-sniffer";
import { FetchError, safeFetch, type FetchedResource } from "./safe-fetch";

/** What an article page is accepted as. */
export const ARTICLE_MEDIA_TYPES = ["text/html", "application/xhtml+xml", "application/pdf"] as const;

/** The fetched page as stored beside the article (an ArticleCapture row). */
export interface CaptureData {
  requestedUrl: string;
  redirects: string[];
  finalUrl: string;
  httpStatus: number;
  mediaType: string;
  encoding: string | null;
  etag: string | null;
  lastModified: string | null;
  byteLength: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type FetchedArticle =
  | { kind: "html"; html: string; capture: CaptureData }
  | { kind: "pdf"; bytes: Uint8Array; capture: CaptureData };

/**
 * The character encoding of an HTML page, by the WHATWG encoding sniffing
 * algorithm (html-encoding-sniffer): a byte order mark, then the HTTP
 * Content-Type charset, then a <meta charset> / http-equiv in the first 1024
 * bytes. A page that declares nothing is UTF-8 when its bytes are valid UTF-8,
 * else windows-1252 (the web's default, which also decodes ISO-8859-1 pages
 * with their curly quotes in 0x80–0x9F, as browsers do).
 */
export function htmlEncoding(bytes: Uint8Array, charsetHeader: string | null): string {
  const undeclared = "x-claimscope-undeclared";
  const sniffed = sniffHTMLEncoding(bytes, { transportLayerEncodingLabel: charsetHeader ?? undefined, defaultEncoding: undeclared });
  if (sniffed !== undeclared) return sniffed;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "UTF-8";
  } catch {
    return "windows-1252";
  }
}

/**
 * Decodes an HTML page's bytes in its encoding (see htmlEncoding), with the
 * WHATWG Encoding Standard's decoders (@exodus/bytes, as jsdom uses): Node
 * 20's own TextDecoder reads windows-1252 as ISO-8859-1, which turns curly
 * quotes into invisible C1 controls.
 */
export function decodeHtml(bytes: Uint8Array, charsetHeader: string | null): { html: string; encoding: string } {
  let encoding = htmlEncoding(bytes, charsetHeader);
  let decoder: InstanceType<typeof WhatwgTextDecoder>;
  try {
    decoder = new WhatwgTextDecoder(encoding);
  } catch {
    encoding = "windows-1252";
    decoder = new WhatwgTextDecoder(encoding);
  }
  return { html: decoder.decode(bytes), encoding };
}

function captureOf(requestedUrl: string, fetched: FetchedResource, encoding: string | null): CaptureData {
  const bytes = new Uint8Array(fetched.body);
  return {
    requestedUrl,
    redirects: fetched.chain.slice(1),
    finalUrl: fetched.url,
    httpStatus: fetched.status,
    mediaType: fetched.mediaType,
    encoding,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    byteLength: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
  };
}

/**
 * Fetches an article page (HTML or PDF) with lib/safe-fetch's bounds and
 * address checks; rejects with its FetchError otherwise, and with a FetchError
 * of kind "content-type" for a page that says it is HTML but holds NUL bytes:
 * binary data (an image, an archive) served as text/html, which no web page is
 * and which PostgreSQL cannot store as text.
 */
export async function fetchArticle(url: string, options: { maxBytes?: number; timeoutMs?: number } = {}): Promise<FetchedArticle> {
  const fetched = await safeFetch(url, { accept: ARTICLE_MEDIA_TYPES, ...options });
  if (fetched.notModified) throw new Error("unreachable: no validators were sent");
  if (fetched.mediaType === "application/pdf") return { kind: "pdf", bytes: fetched.body, capture: captureOf(url, fetched, null) };
  const { html, encoding } = decodeHtml(fetched.body, fetched.charset);
  if (html.includes("\u0000")) throw new FetchError(`That address says it gives ${fetched.mediaType}, but what it sent is binary data, not a web page.`, "content-type");
  return { kind: "html", html, capture: captureOf(url, fetched, encoding) };
}
