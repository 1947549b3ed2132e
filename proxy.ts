import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * A fast redirect for visitors with no session cookie. It only checks that a
 * cookie exists: every editor page, layout and action verifies the session
 * itself (lib/auth.ts), so this is a convenience, never the security boundary.
 */
export function proxy(request: NextRequest) {
  if (!getSessionCookie(request)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/editor/:path*"] };
