import { badRequest } from "@/lib/api/respond";
import { siteUrl } from "@/lib/site-url";
import { streamText } from "@/lib/api/stream";
import { quotesCsvChunks } from "@/lib/exports/feeds";
import { quoteListSchema } from "@/lib/validation/api";
import { queryOf } from "@/lib/api/respond";

/** GET /api/export/quotes.csv?claim&outlet&article: quotes with their framing, one row each, streamed. */
export async function GET(request: Request) {
  const parsed = quoteListSchema.pick({ claim: true, outlet: true, article: true }).safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  return streamText(quotesCsvChunks(parsed.data, await siteUrl()), { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="claimscope-quotes.csv"', "Access-Control-Allow-Origin": "*" });
}
