import "server-only";
import { Prisma, type AnchorStatus, type ClaimStatus, type ReviewStatus } from "@/generated/prisma/client";

/**
 * What a reader may see: the one definition. Every public page, read API,
 * export, feed, search and statistic filters through these (raw SQL through the
 * fragments below), and `lib/visibility.test.ts` fails if another public read
 * filters on claim or review status itself.
 *
 * The rules are lists of the statuses that are shown, so a status added later
 * stays hidden until it is listed here:
 * - a claim is public when an editor published it;
 * - a quote is public only when an editor confirmed it: a machine suggestion
 *   nobody reviewed stays in the editor's queue (a quote an editor creates by
 *   selecting text is stored confirmed, lib/quotes.ts), and a rejected one is
 *   never shown;
 *   a public quote names its claim only when that claim is public;
 * - an annotation (an editor's note) is private unless an editor marked it
 *   public, and then public only while it is about a public claim and still
 *   anchored in the text (never an orphaned one);
 * - a tag is public when it is on a public claim or a public quote.
 *
 * The stored reader counts' triggers (migration stored_reader_counts) and the
 * claims' list keys (migration claim_list_keys: ClaimTag, ClaimOutlet and Rating
 * carry `claimPublic`) restate the two statuses below in SQL: change them there
 * too (tests/integration/stored-counts.test.ts).
 */
export const PUBLIC_CLAIM_STATUSES = ["published"] as const satisfies readonly ClaimStatus[];
export const PUBLIC_REVIEW_STATUSES = ["confirmed"] as const satisfies readonly ReviewStatus[];

export const PUBLIC_ANCHOR_STATUSES = ["anchored", "fuzzy"] as const satisfies readonly AnchorStatus[];

export const publicClaimWhere = { status: { in: [...PUBLIC_CLAIM_STATUSES] } } satisfies Prisma.ClaimWhereInput;
export const publicQuoteWhere = { reviewStatus: { in: [...PUBLIC_REVIEW_STATUSES] } } satisfies Prisma.QuoteWhereInput;
/** The review status of a quote an editor turned down: it counts nowhere. */
const REJECTED = "rejected" satisfies ReviewStatus;
/** What editors work with: every quote an editor has not rejected (suggestions included); never a reader's rule. */
export const liveQuoteWhere = { reviewStatus: { not: REJECTED } } satisfies Prisma.QuoteWhereInput;
export const publicAnnotationWhere = {
  isPublic: true,
  claim: publicClaimWhere,
  anchorStatus: { in: [...PUBLIC_ANCHOR_STATUSES] },
} satisfies Prisma.AnnotationWhereInput;

/**
 * A row tying a claim to a tag, outlet or verdict (ClaimTag, ClaimOutlet, Rating) whose claim is
 * public: the claim's visibility stored on the row by triggers, so that lists filtered by tag,
 * outlet or verdict and the filters' facets read one index and not each claim's status.
 */
export const publicClaimLinkWhere = { claimPublic: true } satisfies Prisma.ClaimTagWhereInput & Prisma.ClaimOutletWhereInput & Prisma.RatingWhereInput;
/**
 * A tag's use readers can see: on a public claim (ClaimTag's stored key, publicClaimLinkWhere: the
 * tag directory's counts scan the tag rows' index, not each tagged claim; /tags cold at 1M quotes
 * spent 490 ms in the counts' join with Claim), or (framing tags) on a public quote
 * (publicQuoteTagWhere).
 */
export const publicClaimTagWhere = publicClaimLinkWhere satisfies Prisma.ClaimTagWhereInput;
export const publicQuoteTagWhere = { quote: publicQuoteWhere } satisfies Prisma.QuoteTagWhereInput;
/** A tag is public when it has a public use (a tag used only on drafts or rejected quotes is not). */
export const publicTagWhere = {
  OR: [{ claims: { some: publicClaimTagWhere } }, { quotes: { some: publicQuoteTagWhere } }],
} satisfies Prisma.TagWhereInput;

export function isPublicClaim(claim: { status: ClaimStatus | string }): boolean {
  return (PUBLIC_CLAIM_STATUSES as readonly string[]).includes(claim.status);
}

export function isPublicQuote(quote: { reviewStatus: ReviewStatus | string }): boolean {
  return (PUBLIC_REVIEW_STATUSES as readonly string[]).includes(quote.reviewStatus);
}

const ALIAS = /^[a-z_][a-z0-9_]*$/;

/** `values` as a SQL list of string literals; they are this module's constants, never input. */
function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}

function aliased(alias: string): string {
  if (!ALIAS.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return alias;
}

/** For raw SQL: true when the claim row `alias` ("Claim" table) is public. */
export function publicClaimSql(alias: string): Prisma.Sql {
  return Prisma.raw(`${aliased(alias)}.status IN (${sqlList(PUBLIC_CLAIM_STATUSES)})`);
}

/** For raw SQL: true when the ClaimTag, ClaimOutlet or Rating row `alias` ties a public claim (publicClaimLinkWhere). */
export function publicClaimLinkSql(alias: string): Prisma.Sql {
  return Prisma.raw(`${aliased(alias)}."claimPublic"`);
}

/** For raw SQL: true when the quote row `alias` ("Quote" table) is public. */
export function publicQuoteSql(alias: string): Prisma.Sql {
  return Prisma.raw(`${aliased(alias)}."reviewStatus" IN (${sqlList(PUBLIC_REVIEW_STATUSES)})`);
}

/** For raw SQL: liveQuoteWhere, true when an editor works with the quote row `alias` (not rejected); never a reader's rule. */
export function liveQuoteSql(alias: string): Prisma.Sql {
  return Prisma.raw(`${aliased(alias)}."reviewStatus" <> '${REJECTED}'`);
}
