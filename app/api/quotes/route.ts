import { listPublicQuotes } from "@/lib/api/read";
import { siteUrl } from "@/lib/site-url";
import { badRequest, json, pageEnvelope, queryOf } from "@/lib/api/respond";
import { quoteListSchema } from "@/lib/validation/api";

/** GET /api/quotes?page&perPage&claim&outlet&article: the quotes readers may see (confirmed by an editor; lib/visibility.ts). */
export async function GET(request: Request) {
  const parsed = quoteListSchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  const { page, perPage, ...filter } = parsed.data;
  const result = await listPublicQuotes(filter, page, perPage, await siteUrl());
  return json(pageEnvelope(result.data, { page, perPage, total: result.total }, request));
}
