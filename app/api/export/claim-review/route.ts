import { json } from "@/lib/api/respond";
import { claimReviewFeed } from "@/lib/exports/feeds";

/** GET /api/export/claim-review: every rated published claim as schema.org ClaimReview (a DataFeed). */
export async function GET() {
  return json(await claimReviewFeed(), { headers: { "Content-Type": "application/ld+json; charset=utf-8" } });
}
