/**
 * schema.org ClaimReview markup (JSON-LD) for a published claim, as Google's fact-check rich result
 * documents it: required `claimReviewed`, `reviewRating` (with `alternateName`,
 * the verdict as text) and `url`; recommended `author`, `datePublished` and
 * `itemReviewed` (a Claim with its `author`, `datePublished`, `appearance` and
 * `firstAppearance`). Pure: takes the claim as the reader page loads it.
 */
import type { ClaimDetail } from "./claim-page";
import { articleUrl, claimUrl, SITE_NAME } from "./site-url";

/** What a ClaimReview is built from: a claim page's ClaimDetail has it, and so does the feed's batch read. */
export interface ClaimReviewInput {
  slug: string;
  canonical: string;
  publishedAt: string | null;
  speaker: Pick<NonNullable<ClaimDetail["speaker"]>, "name" | "kind" | "title"> | null;
  source: Pick<NonNullable<ClaimDetail["source"]>, "title" | "url" | "publishedAt"> | null;
  rating: { verdict: Pick<NonNullable<ClaimDetail["rating"]>["verdict"], "name" | "ratingValue">; publishedAt: string | null } | null;
  rows: { article: Pick<ClaimDetail["rows"][number]["article"], "slug" | "title" | "url" | "publishedAt">; outlet: { name: string } }[];
  /** Public corrections, newest first: the latest is ClaimReview's dateModified. */
  corrections?: ClaimDetail["corrections"];
}

interface CreativeWork {
  "@type": "CreativeWork";
  url: string;
  headline?: string;
  datePublished?: string;
  publisher?: { "@type": "Organization"; name: string };
}

export interface ClaimReviewJson {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished?: string;
  /** The latest public correction of the verdict or ratings. */
  dateModified?: string;
  author: { "@type": "Organization"; name: string; url: string };
  /** On the truth scale: ratingValue 1..5 (5 = true). Off it (Unverifiable, Satire): alternateName only. */
  reviewRating: { "@type": "Rating"; alternateName: string } & ({ ratingValue: number; bestRating: 5; worstRating: 1 } | { ratingValue?: never });
  itemReviewed: {
    "@type": "Claim";
    author?: ClaimAuthor;
    datePublished?: string;
    appearance: CreativeWork[];
    firstAppearance?: CreativeWork;
  };
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);

/**
 * A verdict's Rating. Google reads ratingValue on the bestRating..worstRating
 * scale, nearer bestRating meaning more true; a verdict that is no degree of
 * truth (ratingValue null: Unverifiable, Satire, Out of context) is given by name
 * alone, since any number would place it on that scale (3 would say "half true").
 */
function reviewRating(verdict: { name: string; ratingValue: number | null }): ClaimReviewJson["reviewRating"] {
  if (verdict.ratingValue === null) return { "@type": "Rating", alternateName: verdict.name };
  return { "@type": "Rating", ratingValue: verdict.ratingValue, bestRating: 5, worstRating: 1, alternateName: verdict.name };
}

/** Who made the claim: Google's fact-check markup takes a Person or an Organization (GovernmentOrganization is one). */
type ClaimAuthor = { "@type": "Person"; name: string; jobTitle?: string } | { "@type": "Organization" | "GovernmentOrganization"; name: string };

/**
 * Who made the claim, typed by the speaker's kind (lib/validation/speaker.ts): a
 * person is a Person (with its title as jobTitle), a government body a
 * GovernmentOrganization (schema.org's subtype of Organization), an organisation
 * or a document issuer an Organization.
 */
function claimAuthor(speaker: NonNullable<ClaimReviewInput["speaker"]>): ClaimAuthor {
  if (speaker.kind === "person") return { "@type": "Person", name: speaker.name, ...(speaker.title ? { jobTitle: speaker.title } : {}) };
  return { "@type": speaker.kind === "government" ? "GovernmentOrganization" : "Organization", name: speaker.name };
}

/** Null when the claim has no verdict yet: a ClaimReview without a rating is invalid. */

export function buildClaimReview(claim: ClaimReviewInput, base: string): ClaimReviewJson | null {
  if (!claim.rating) return null;
  const appearances: CreativeWork[] = [];
  const seen = new Set<string>();
  for (const row of claim.rows) {
    if (seen.has(row.article.slug)) continue;
    seen.add(row.article.slug);
    appearances.push({
      "@type": "CreativeWork",
      url: row.article.url ?? articleUrl(row.article.slug, base),
      headline: row.article.title,
      ...(row.article.publishedAt ? { datePublished: day(row.article.publishedAt) } : {}),
      publisher: { "@type": "Organization", name: row.outlet.name },
    });
  }
  // The claim first appeared in its source document when we know it, else in the earliest article.
  const source = claim.source;
  const firstAppearance: CreativeWork | undefined = source?.url
    ? {
        "@type": "CreativeWork",
        url: source.url,
        headline: source.title,
        ...(source.publishedAt ? { datePublished: day(source.publishedAt) } : {}),
        ...(claim.speaker ? { publisher: { "@type": "Organization", name: claim.speaker.name } } : {}),
      }
    : appearances[0];
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimUrl(claim.slug, base),
    claimReviewed: claim.canonical,
    ...(claim.rating.publishedAt || claim.publishedAt ? { datePublished: day(claim.rating.publishedAt ?? claim.publishedAt) } : {}),
    ...(claim.corrections?.length ? { dateModified: claim.corrections[0].date } : {}),
    author: { "@type": "Organization", name: SITE_NAME, url: base },
    reviewRating: reviewRating(claim.rating.verdict),
    itemReviewed: {
      "@type": "Claim",
      ...(claim.speaker
        ? { author: claimAuthor(claim.speaker) }
        : {}),
      ...(source?.publishedAt ? { datePublished: day(source.publishedAt) } : {}),
      appearance: appearances,
      ...(firstAppearance ? { firstAppearance } : {}),
    },
  };
}

/** For a <script type="application/ld+json">: `<` escaped so that no text can close the script. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * The checks Google's Rich Results documentation lists for ClaimReview, as
 * messages (empty = valid). Used by the tests on both the builder and the pages.
 */
export function claimReviewProblems(value: unknown): string[] {
  const problems: string[] = [];
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== "object") return ["not an object"];
  const isUrl = (u: unknown) => typeof u === "string" && /^https?:\/\/\S+$/.test(u);
  const isDate = (d: unknown) => typeof d === "string" && !Number.isNaN(Date.parse(d));
  if (v["@context"] !== "https://schema.org") problems.push("@context must be https://schema.org");
  if (v["@type"] !== "ClaimReview") problems.push("@type must be ClaimReview");
  if (typeof v.claimReviewed !== "string" || !v.claimReviewed.trim()) problems.push("claimReviewed is required");
  if (!isUrl(v.url)) problems.push("url is required and must be absolute");
  const rating = v.reviewRating as Record<string, unknown> | undefined;
  if (!rating || rating["@type"] !== "Rating") problems.push("reviewRating (a Rating) is required");
  else {
    if (typeof rating.alternateName !== "string" || !rating.alternateName) problems.push("reviewRating.alternateName is required");
    if (rating.ratingValue !== undefined) {
      const n = Number(rating.ratingValue);
      if (!(n >= Number(rating.worstRating ?? 1) && n <= Number(rating.bestRating ?? 5))) problems.push("reviewRating.ratingValue out of range");
    }
  }
  const author = v.author as Record<string, unknown> | undefined;
  if (!author || typeof author.name !== "string") problems.push("author (recommended) should have a name");
  if (v.datePublished !== undefined && !isDate(v.datePublished)) problems.push("datePublished must be a date");
  if (v.dateModified !== undefined && !isDate(v.dateModified)) problems.push("dateModified must be a date");
  const item = v.itemReviewed as Record<string, unknown> | undefined;
  if (!item || item["@type"] !== "Claim") problems.push("itemReviewed (recommended) should be a Claim");
  else {
    const itemAuthor = item.author as Record<string, unknown> | undefined;
    if (!itemAuthor || typeof itemAuthor.name !== "string") problems.push("itemReviewed.author (recommended) should have a name");
    if (item.datePublished !== undefined && !isDate(item.datePublished)) problems.push("itemReviewed.datePublished must be a date");
    const works = [...(Array.isArray(item.appearance) ? item.appearance : [item.appearance]), item.firstAppearance];
    if (!Array.isArray(item.appearance) || item.appearance.length === 0) problems.push("itemReviewed.appearance (recommended) should list where the claim appeared");
    if (!item.firstAppearance) problems.push("itemReviewed.firstAppearance (recommended) is missing");
    for (const w of works) {
      if (w === undefined) continue;
      const url = typeof w === "string" ? w : (w as Record<string, unknown>).url;
      if (!isUrl(url)) problems.push("every appearance needs an absolute url");
    }
  }
  return problems;
}
