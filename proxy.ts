import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

const ACTION_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * A fast redirect for visitors with no session cookie. It only checks that a
 * cookie exists: every editor page, layout and action verifies the session
 * itself (lib/auth.ts), so this is a convenience, never the security boundary.
 */
export async function proxy(request: NextRequest) {
  if (request.headers.has("next-action")) {
    // Next answers an action whose body is over serverActions.bodySizeLimit (next.config.ts),
    // or is not the JSON array its client sends, with a 500: refuse those here with a 4xx.
    if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
      return new NextResponse("That is too much to save at once (at most 5 MB): an article is at most 1,000,000 characters.", { status: 413 });
    }
    if (request.headers.get("content-type")?.startsWith("text/plain") && !isJsonArray(await request.clone().text())) {
      return new NextResponse("The request was not understood: reload the page and try again.", { status: 400 });
    }
  }
  if (!getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

function isJsonArray(body: string): boolean {
  try {
    return Array.isArray(JSON.parse(body));
  } catch {
    return false;
  }
}

export const config = { matcher: ["/editor/:path*"] };
