import "server-only";
import { prisma } from "./db";
import { isPlausibleSlug } from "./validation/text";
import { isPublicClaim } from "./visibility";

/**
 * A claim that was published and then unpublished: its address answers 410
 * Gone with the editor's reason (proxy.ts), not a silent 404. Merged or
 * renamed claims answer 308 to the surviving claim instead (they still exist
 * under another address). null for any other slug.
 */
export interface WithdrawnClaim {
  slug: string;
  canonical: string;
  withdrawnAt: string;
  note: string | null;
}

export async function getWithdrawnClaim(slug: string): Promise<WithdrawnClaim | null> {
  if (!isPlausibleSlug(slug)) return null;
  const claim = await prisma.claim.findUnique({
    where: { slug },
    select: { slug: true, canonical: true, status: true, withdrawnAt: true, withdrawalNote: true },
  });
  if (!claim || isPublicClaim(claim) || !claim.withdrawnAt) return null;
  return { slug: claim.slug, canonical: claim.canonical, withdrawnAt: claim.withdrawnAt.toISOString(), note: claim.withdrawalNote };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The 410 page: what was here, when and why it was withdrawn. Plain HTML (no script), every value escaped. */
export function withdrawnPage(claim: WithdrawnClaim, siteName: string): string {
  const day = new Date(claim.withdrawnAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Claim review withdrawn · ${escape(siteName)}</title>
<style>body{font:16px/1.55 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.5rem}.muted{color:#6b7280}</style>
</head><body><main>
<p class="muted"><a href="/">${escape(siteName)}</a></p>
<h1>This claim review was withdrawn</h1>
<p>The review of “${escape(claim.canonical)}” was withdrawn on <time datetime="${escape(claim.withdrawnAt)}">${escape(day)}</time>.</p>
${claim.note ? `<p><strong>Reason:</strong> ${escape(claim.note)}</p>` : ""}
<p>See the <a href="/claims">published claims</a>.</p>
</main></body></html>`;
}
