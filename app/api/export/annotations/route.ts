import { badRequest, json, queryOf } from "@/lib/api/respond";
import { siteUrl } from "@/lib/site-url";
import { webAnnotationExport } from "@/lib/exports/feeds";
import { quoteListSchema } from "@/lib/validation/api";

/** GET /api/export/annotations?claim&outlet&article: quotes and public annotations as a W3C AnnotationCollection. */
export async function GET(request: Request) {
  const parsed = quoteListSchema.pick({ claim: true, outlet: true, article: true }).safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  return json(await webAnnotationExport(parsed.data, await siteUrl()), {
    headers: { "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8' },
  });
}
