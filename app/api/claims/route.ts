import { badRequest, json, pageEnvelope, queryOf } from "@/lib/api/respond";
import { listPublishedClaimsPage } from "@/lib/claims";
import { claimListSchema } from "@/lib/validation/api";

/** GET /api/claims?page&perPage&tag&speaker&outlet&verdict: published claims, newest first. */
export async function GET(request: Request) {
  const parsed = claimListSchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  const { page, perPage, ...filters } = parsed.data;
  const result = await listPublishedClaimsPage(filters, page, perPage);
  return json(pageEnvelope(result.items, { page, perPage, total: result.total }, request));
}
