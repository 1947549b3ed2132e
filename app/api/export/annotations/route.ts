import { badRequest, HEADERS, queryOf } from "@/lib/api/respond";
import { streamText } from "@/lib/api/stream";
import { siteUrl } from "@/lib/site-url";
import { webAnnotationExportChunks } from "@/lib/exports/feeds";
import { quoteListSchema } from "@/lib/validation/api";

/**
 * GET /api/export/annotations?claim&outlet&article: quotes and public annotations as
 * a W3C AnnotationCollection, streamed (constant memory at any size).
 */
export async function GET(request: Request) {
  const parsed = quoteListSchema.pick({ claim: true, outlet: true, article: true }).safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  return streamText(webAnnotationExportChunks(parsed.data, await siteUrl()), {
    ...HEADERS,
    "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  });
}
