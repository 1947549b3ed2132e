import { streamText } from "@/lib/api/stream";
import { siteUrl } from "@/lib/site-url";
import { claimReviewFeedJson } from "@/lib/exports/feeds";

/** GET /api/export/claim-review: every rated published claim as schema.org ClaimReview (a DataFeed), streamed. */
export async function GET() {
  return streamText(claimReviewFeedJson(await siteUrl()), { "Content-Type": "application/ld+json; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=0, must-revalidate" });
}
