/**
 * What speakers.test.ts and outlets.test.ts both build on: the file's database
 * and its editor, a published, rated claim with one confirmed quote, and this
 * run's suffix for unique names.
 */
import { migrateDatabase, prisma } from "@/lib/db";
import { seedReferenceData } from "@/prisma/seed";
import { createArticle, createClaim, createQuote, createUser } from "./factories";

export const run = Date.now().toString(36);

/** Migrates the file's database, loads the reference data, and makes the editor its tests act as. */
export async function prepareDatabaseWithEditor(): Promise<{ id: string; name: string }> {
  await migrateDatabase();
  await seedReferenceData(prisma);
  const user = await createUser();
  return { id: user.id, name: user.name };
}

/** A published, rated claim by `speakerId` with one confirmed quote in an article of `outletId`. */
export async function publishedClaimBy(speakerId: string, outletId?: string) {
  const claim = await createClaim({ status: "published", speakerId, canonical: `Reservoirs will be full by spring ${run}` });
  const article = await createArticle({ outletId, body: `Reservoirs\n\nThe ministry said “reservoirs will be full by spring,” on Monday.` });
  const quote = await createQuote(article.id, "reservoirs will be full by spring,", { claimId: claim.id, speakerId, reviewStatus: "confirmed" });
  const label = await prisma.verdictLabel.findUniqueOrThrow({ where: { slug: "mixed" }, select: { id: true } });
  await prisma.rating.create({ data: { claimId: claim.id, verdictLabelId: label.id, verdictExplanation: "Partly.", fidelityRating: 4, framingRating: 4, publishedAt: new Date() } });
  return { claim, article, quote };
}
