import { toNextJsHandler } from "better-auth/next-js";
import { databaseAvailable, unavailableBody } from "@/lib/database-health";
import { auth } from "@/lib/better-auth";

const handlers = toNextJsHandler(auth);

/**
 * better-auth answers any thrown error with an empty 500; when the cause is an
 * unreachable PostgreSQL, say so with a 503 the sign-in form shows.
 */
function explained(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const response = await handler(request);
    if (response.status < 500 || (await databaseAvailable({ fresh: true }))) return response;
    return Response.json(unavailableBody(), { status: 503, headers: { "cache-control": "no-store", "retry-after": "30" } });
  };
}

export const GET = explained(handlers.GET);
export const POST = explained(handlers.POST);
