import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { SITE_NAME } from "./lib/site-url";
import { currentSlug, type AddressKind } from "./lib/record-addresses";
import { recordSecurityEvent } from "./lib/security-events";
import { getWithdrawnClaim, withdrawnPage } from "./lib/withdrawn-claims";

const ACTION_BODY_LIMIT = 5 * 1024 * 1024;

/** The public address segment of each record whose old addresses answer 308. */
const ADDRESS_KINDS: Record<string, AddressKind> = { claims: "claim", speakers: "speaker", outlets: "outlet" };

/**
 * Three jobs. For server-action requests (any path): refuse, with a 4xx, what
 * Next would answer with a 500 — a body over the limit (with or without a
 * Content-Length: a chunked body is read only up to the limit), a body that is
 * not what Next's client sends (a JSON array as text/plain, or multipart form
 * data from a form without JavaScript), or another site's Origin. For editor
 * pages: a fast redirect for visitors with no session cookie. That only checks
 * that a cookie exists: every editor page, layout and action verifies the
 * session itself (lib/auth.ts), so it is a convenience, never the security
 * boundary.
 * Withdrawn claims (published, then unpublished) answer 410 with a notice
 * at their old address, instead of a silent 404; the old address of a merged
 * or renamed claim, speaker or outlet answers 308 to its current one
 * (lib/record-addresses.ts).
 */
export async function proxy(request: NextRequest) {
  if (request.headers.has("next-action")) {
    const refusal = await refuseMalformedAction(request);
    if (refusal) return refusal;
  }
  // A merged or renamed record's old address answers 308 to its current one; a withdrawn
  // claim's address says so, with 410 Gone, instead of a silent 404.
  const record = /^\/(api\/claims|claims|speakers|outlets)\/([^/]+)$/.exec(request.nextUrl.pathname);
  if (record) {
    const [, base, segment] = record;
    const current = await currentSlug(ADDRESS_KINDS[base.replace("api/", "")], safeDecode(segment));
    if (current) {
      const url = request.nextUrl.clone();
      url.pathname = `/${base}/${encodeURIComponent(current)}`;
      return NextResponse.redirect(url, 308);
    }
    if (base.endsWith("claims")) {
      const withdrawn = await getWithdrawnClaim(safeDecode(segment));
      if (!withdrawn) return NextResponse.next();
      if (base.startsWith("api/")) return NextResponse.json({ error: "This claim review was withdrawn.", withdrawn }, { status: 410 });
      return new NextResponse(withdrawnPage(withdrawn, SITE_NAME), { status: 410, headers: { "content-type": "text/html; charset=utf-8" } });
    }
    return NextResponse.next();
  }
  if (request.nextUrl.pathname.startsWith("/editor") && !getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

/** Answers `status` with `message`, and records the refusal as a security event (a log line and a row admins see). */
function refuse(status: number, message: string, request: NextRequest, reason: string) {
  // Not awaited: the refusal never waits for the database (the log line is written at once).
  void recordSecurityEvent({
    kind: "request-refused",
    address: request.headers.get("x-claimscope-client-address"),
    message: `A server-action request was refused: ${reason}.`,
    detail: { status, path: request.nextUrl.pathname, contentType: request.headers.get("content-type") },
  });
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

async function refuseMalformedAction(request: NextRequest): Promise<NextResponse | null> {
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== request.nextUrl.origin && safeHost(origin) !== request.headers.get("host")) {
    return refuse(403, "This request came from another site and was refused.", request, "foreign Origin");
  }
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return refuse(413, "That is too much to save at once (at most 5 MB): an article is at most 1,000,000 characters.", request, "body over the limit");
  }
  const body = await readAtMost(request, ACTION_BODY_LIMIT);
  if (body === null) {
    return refuse(413, "That is too much to save at once (at most 5 MB): an article is at most 1,000,000 characters.", request, "body over the limit");
  }
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const understood = type.startsWith("text/plain")
    ? isJsonArray(new TextDecoder().decode(body))
    : type.startsWith("multipart/form-data")
      ? await isFormData(request, body)
      : false;
  if (!understood) return refuse(400, "The request was not understood: reload the page and try again.", request, "malformed body");
  return null;
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The body's bytes, or null once it passes `limit` (the rest is never read). */
async function readAtMost(request: NextRequest, limit: number): Promise<Uint8Array | null> {
  const stream = request.clone().body;
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a clone's cancel settles only once the other branch is cancelled too
      // (a tee), which Next's own copy of the body never is; awaiting it hangs the request.
      void reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function isFormData(request: NextRequest, body: Uint8Array): Promise<boolean> {
  try {
    await new Request(request.url, { method: "POST", headers: { "content-type": request.headers.get("content-type")! }, body: body as BodyInit }).formData();
    return true;
  } catch {
    return false;
  }
}

function isJsonArray(body: string): boolean {
  try {
    return Array.isArray(JSON.parse(body));
  } catch {
    return false;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

// Every path for server actions (an action id can be posted to any page); editor pages for the redirect; claim, speaker
// and outlet addresses for the redirect from an old address and the withdrawal notice.
export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    "/editor/:path*",
    "/claims/:slug",
    "/api/claims/:slug",
    "/speakers/:slug",
    "/outlets/:slug",
  ],
};
