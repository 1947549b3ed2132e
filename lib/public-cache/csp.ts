/**
 * Content-Security-Policy without 'unsafe-inline' scripts. Next's bootstrap and
 * the RSC payload are inline scripts whose text differs per page, so the policy
 * of an HTML response names the SHA-256 of each inline script it carries,
 * computed once over the finished body (server.ts buffers every HTML response;
 * a cached page keeps its policy with it, so a hit costs nothing). A nonce would
 * need a new value per response and so a rewritten body on every cache hit.
 * Data blocks (JSON-LD) are not scripts to the browser and need no hash, but
 * are hashed too: the policy never depends on what a script's type says.
 *
 * `next dev` does not run server.ts: there, next.config.ts allows inline scripts.
 */
import { createHash } from "node:crypto";

/** The policy for responses that carry no inline script (and the base of every other). */
export function contentSecurityPolicy({ scriptHashes = [], dev = false }: { scriptHashes?: readonly string[]; dev?: boolean } = {}): string {
  const scripts = dev ? "'self' 'unsafe-inline' 'unsafe-eval'" : ["'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Base64 SHA-256 of the text of every inline `<script>` (one without `src`) in
 * an HTML document, in order of appearance, without repeats. A plain scan, not
 * a regular expression: the body holds text from imported articles. React
 * writes its tags in lower case, and text never holds a raw `<` inside a script.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  let at = 0;
  for (;;) {
    const open = html.indexOf("<script", at);
    if (open < 0) break;
    const tagEnd = html.indexOf(">", open);
    if (tagEnd < 0) break;
    const close = html.indexOf("</script", tagEnd + 1);
    if (close < 0) break;
    const attributes = html.slice(open + 7, tagEnd);
    if (!/\ssrc\s*=/.test(attributes)) {
      hashes.add(createHash("sha256").update(html.slice(tagEnd + 1, close), "utf8").digest("base64"));
    }
    at = close + 8;
  }
  return [...hashes];
}
