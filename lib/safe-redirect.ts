/**
 * Where to send a browser after sign-in, from an untrusted `next` parameter:
 * a path on this site, or `fallback`. Parsed with the WHATWG URL parser — the
 * one the browser will use — against a placeholder origin, so that everything a
 * browser reads as another site (`//host`, `/\host`, tabs or newlines inside
 * `/\t/host`, `/.//host` after normalisation) is caught, not guessed at.
 * A repeated parameter (an array) is the fallback too.
 */
export function safeRedirectPath(next: string | string[] | null | undefined, fallback = "/editor"): string {
  // `?next=a&next=b` arrives as an array: a hand-made address, not one this app writes.
  if (typeof next !== "string" || !next.startsWith("/")) return fallback;
  const origin = "https://claimscope.invalid";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== origin || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
