import { claimsCsv } from "@/lib/exports/feeds";

/** GET /api/export/claims.csv: published claims with their verdicts and ratings. */
export async function GET() {
  return new Response(await claimsCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="claimscope-claims.csv"', "Access-Control-Allow-Origin": "*" },
  });
}
