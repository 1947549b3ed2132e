import { claimReviewsAtom } from "@/lib/exports/atom";

/** GET /feed.xml[?outlet=SLUG][&tag=SLUG]: Atom feed of published claim reviews (lib/exports/atom.ts). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const xml = await claimReviewsAtom({ outlet: params.get("outlet") ?? undefined, tag: params.get("tag") ?? undefined });
  if (xml === null) return new Response("No such outlet or tag.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}

// Rendered per request from the database (the public cache in server.ts keeps the copy).
export const dynamic = "force-dynamic";
