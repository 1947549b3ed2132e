import { listPublicArticles } from "@/lib/api/read";
import { siteUrl } from "@/lib/site-url";
import { badRequest, json, pageEnvelope, queryOf } from "@/lib/api/respond";
import { articleListSchema } from "@/lib/validation/api";

/** GET /api/articles?page&perPage&outlet: articles, newest first (without their text). */
export async function GET(request: Request) {
  const parsed = articleListSchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  const { page, perPage, ...filter } = parsed.data;
  const result = await listPublicArticles(filter, page, perPage, await siteUrl());
  return json(pageEnvelope(result.data, { page, perPage, total: result.total }, request));
}
