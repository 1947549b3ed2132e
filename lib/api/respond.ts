import { z } from "zod";

/**
 * Response helpers for the read API: JSON with CORS open (the data is public),
 * 400 with the zod messages for bad parameters, 404 for what is not public.
 */
export const HEADERS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=0, must-revalidate" };

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, { ...init, headers: { ...HEADERS, ...init.headers } });
}

export function badRequest(error: z.ZodError): Response {
  const flat = z.flattenError(error);
  return json(
    { error: "Some parameters are not valid.", fieldErrors: flat.fieldErrors, formErrors: flat.formErrors },
    { status: 400 },
  );
}

export function notFound(what = "resource"): Response {
  return json({ error: `No published ${what} by that name.` }, { status: 404 });
}

/** The first value of each query parameter. */
export function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in out)) out[key] = value;
  return out;
}

export function pageEnvelope<T>(data: T[], { page, perPage, total }: { page: number; perPage: number; total: number }, request: Request) {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const link = (p: number) => {
    const url = new URL(request.url);
    url.searchParams.set("page", String(p));
    return `${url.pathname}${url.search}`;
  };
  return { data, page, perPage, total, pageCount, next: page < pageCount ? link(page + 1) : null, prev: page > 1 ? link(page - 1) : null };
}
