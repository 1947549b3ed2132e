import { badRequest, json, queryOf } from "@/lib/api/respond";
import { search } from "@/lib/search";
import { searchSchema } from "@/lib/validation/search";

/**
 * GET /api/search?q&type&page[&verbatim=1]: full-text search with ranked,
 * highlighted snippets (segments of { text, mark }). When `q` finds nothing,
 * its misspelt words are corrected and `correctedQ` names the query whose
 * results these are (null otherwise); `verbatim=1` searches `q` as typed.
 * 400 with field errors for a bad parameter.
 */
export async function GET(request: Request) {
  const parsed = searchSchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  return json(await search(parsed.data));
}
