import { publicClaim } from "@/lib/api/read";
import { json, notFound } from "@/lib/api/respond";
import { buildClaimReview } from "@/lib/claim-review-jsonld";
import { getPublishedClaim } from "@/lib/claim-page";
import { siteUrl } from "@/lib/site-url";
import { slugParamSchema } from "@/lib/validation/api";

/** GET /api/claims/SLUG: one published claim with its framing matrix, timeline and ClaimReview. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugParamSchema.safeParse((await params).slug);
  if (!slug.success) return notFound("claim");
  const claim = await getPublishedClaim(slug.data);
  if (!claim) return notFound("claim");
  const base = await siteUrl();
  return json({ data: { ...publicClaim(claim, base), claimReview: buildClaimReview(claim, base) } });
}
