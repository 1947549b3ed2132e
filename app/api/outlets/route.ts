import { listPublicOutlets } from "@/lib/api/read";
import { badRequest, json, pageEnvelope, queryOf } from "@/lib/api/respond";
import { pageSchema } from "@/lib/validation/api";

/** GET /api/outlets?page&perPage: outlets by name. */
export async function GET(request: Request) {
  const parsed = pageSchema.safeParse(queryOf(request));
  if (!parsed.success) return badRequest(parsed.error);
  const { page, perPage } = parsed.data;
  const result = await listPublicOutlets(page, perPage);
  return json(pageEnvelope(result.data, { page, perPage, total: result.total }, request));
}
