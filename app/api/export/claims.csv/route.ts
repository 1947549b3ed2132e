import { streamText } from "@/lib/api/stream";
import { siteUrl } from "@/lib/site-url";
import { claimsCsvChunks } from "@/lib/exports/feeds";

/** GET /api/export/claims.csv: published claims with their verdicts and ratings, streamed. */
export async function GET() {
  return streamText(claimsCsvChunks(await siteUrl()), { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="claimscope-claims.csv"', "Access-Control-Allow-Origin": "*" });
}
