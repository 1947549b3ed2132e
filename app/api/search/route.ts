import { badRequest, json, queryOf } from "@/lib/api/respond";
import { search } from "@/lib/search";
import { searchSchema } from "@/lib/validation/search";

/**
 * GET /api/search?q&type&page: full-text search with ranked, highlighted
 * snippets (segments of { text, mark }), falling back to trigram matches.
 */
export async function GET(request: Request) {
  const parsed = searchSchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  return json(await search(parsed.data));
}
