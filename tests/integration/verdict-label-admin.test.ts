/**
 * Verdict labels managed by admins (/editor/admin/verdict-labels): add, rename,
 * reorder, place on the 1–5 truth scale or off it; a label in use cannot be
 * deleted. Editors are refused; a stale form is refused; bad input changes
 * nothing; the public ClaimReview follows every change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildClaimReview } from "@/lib/claim-review-jsonld";
import { getPublishedClaim } from "@/lib/claim-page";
import { migrateDatabase, prisma } from "@/lib/db";
import { ActionError, ConflictError } from "@/lib/errors";
import { listVerdictLabels } from "@/lib/ratings";
import { createVerdictLabelSchema, editVerdictLabelSchema } from "@/lib/validation/verdict-label";
import { createVerdictLabel, deleteVerdictLabel, editVerdictLabel, getVerdictLabelsHistory, listVerdictLabelsForAdmin, moveVerdictLabel } from "@/lib/verdict-labels";
import { seedReferenceData } from "@/prisma/seed";
import { createArticle, createClaim, createQuote, createSpeaker, createUser } from "../support/factories";

let admin: { id: string; name: string; role: "admin" };
let editor: { id: string; role: "editor" };

beforeAll(async () => {
  await migrateDatabase();
  await seedReferenceData(prisma);
  const a = await createUser({ role: "admin" });
  admin = { id: a.id, name: a.name, role: "admin" };
  editor = { id: (await createUser()).id, role: "editor" };
});

const labelRows = () => prisma.verdictLabel.findMany({ orderBy: { id: "asc" } });
const label = (name: string) => prisma.verdictLabel.findFirstOrThrow({ where: { name } });

/** A published claim rated with `labelId`; returns its public ClaimReview's reviewRating. */
async function ratedClaim(labelId: string) {
  const claim = await createClaim({ status: "published", speakerId: (await createSpeaker()).id });
  const article = await createArticle({ body: `Dams\n\nThe board said “the dam is safe,” on Friday.` });
  await createQuote(article.id, "the dam is safe,", { claimId: claim.id, reviewStatus: "confirmed" });
  await prisma.rating.create({ data: { claimId: claim.id, verdictLabelId: labelId, fidelityRating: 5, framingRating: 5, publishedAt: new Date() } });
  return async () => buildClaimReview((await getPublishedClaim(claim.slug))!, "https://claims.example")!.reviewRating;
}

describe(`verdict labels, managed by admins (${process.env.TEST_DB})`, () => {
  it("editors are refused every change, and nothing changes", async () => {
    const before = await labelRows();
    const mixed = await label("Mixed");
    for (const attempt of [
      createVerdictLabel(editor, { name: "Sneaky", description: "", ratingValue: "" }),
      editVerdictLabel(editor, { id: mixed.id, version: mixed.version, name: "Renamed", description: "", ratingValue: "3" }),
      moveVerdictLabel(editor, { id: mixed.id, version: mixed.version, direction: "up" }),
      deleteVerdictLabel(editor, { id: mixed.id, version: mixed.version }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: "forbidden", message: "Only an admin can change verdict labels." });
    }
    expect(await labelRows()).toEqual(before);
  });

  it("an admin adds a verdict off the scale; ClaimReview names it without a number, and a place on the scale gives it one", async () => {
    const { id } = await createVerdictLabel(admin, createVerdictLabelSchema.parse({ name: "Needs context", description: "True, but missing what changes its meaning.", ratingValue: "" }));
    const added = await prisma.verdictLabel.findUniqueOrThrow({ where: { id } });
    expect(added).toMatchObject({ slug: "needs-context", ratingValue: null, version: 1 });
    // Offered last, after the seeded labels.
    expect((await listVerdictLabels()).at(-1)!.name).toBe("Needs context");
    const review = await ratedClaim(id);
    expect(await review()).toEqual({ "@type": "Rating", alternateName: "Needs context" });

    const saved = await editVerdictLabel(admin, editVerdictLabelSchema.parse({ id, version: 1, name: "Lacks context", description: "", ratingValue: "2" }));
    expect(saved.version).toBe(2);
    expect(saved.claims).toHaveLength(1);
    expect(await review()).toEqual({ "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Lacks context" });
    // The slug (the /claims?verdict= filter) stays.
    expect((await prisma.verdictLabel.findUniqueOrThrow({ where: { id } })).slug).toBe("needs-context");

    const [event] = await getVerdictLabelsHistory();
    expect(event).toMatchObject({ action: "rename", actorName: admin.name, before: expect.objectContaining({ name: "Needs context", ratingValue: null }), after: expect.objectContaining({ name: "Lacks context", ratingValue: 2 }) });
  });

  it("an admin reorders the labels; the rating form offers them in the new order", async () => {
    const names = async () => (await listVerdictLabels()).map((l) => l.name);
    const start = await names();
    const second = await label(start[1]);
    await moveVerdictLabel(admin, { id: second.id, version: second.version, direction: "up" });
    expect(await names()).toEqual([start[1], start[0], ...start.slice(2)]);
    // The first cannot go further up; a stale version is refused.
    const moved = await label(start[1]);
    await expect(moveVerdictLabel(admin, { id: moved.id, version: moved.version, direction: "up" })).rejects.toThrow(`“${start[1]}” is already first.`);
    await expect(moveVerdictLabel(admin, { id: moved.id, version: second.version, direction: "down" })).rejects.toThrow(ConflictError);
    expect(await names()).toEqual([start[1], start[0], ...start.slice(2)]);
    expect((await listVerdictLabelsForAdmin()).map((l) => l.name)).toEqual(await names());
  });

  it("a label in use cannot be deleted (a clear error); an unused one can", async () => {
    const inaccurate = await label("Inaccurate");
    await ratedClaim(inaccurate.id);
    const refused = deleteVerdictLabel(admin, { id: inaccurate.id, version: inaccurate.version });
    await expect(refused).rejects.toThrow(ActionError);
    await expect(refused).rejects.toThrow("“Inaccurate” is the verdict of 1 claim, so it cannot be deleted. Rate that claim with another verdict first, or rename this one.");
    expect(await prisma.verdictLabel.findUnique({ where: { id: inaccurate.id } })).toEqual(inaccurate);

    const satire = await label("Satire");
    await expect(deleteVerdictLabel(admin, { id: satire.id, version: satire.version + 1 })).rejects.toThrow(ConflictError);
    await deleteVerdictLabel(admin, { id: satire.id, version: satire.version });
    expect(await prisma.verdictLabel.findUnique({ where: { id: satire.id } })).toBeNull();
    expect((await getVerdictLabelsHistory())[0]).toMatchObject({ action: "delete", actorName: admin.name, before: expect.objectContaining({ name: "Satire" }) });
  });

  it("a stale form, a taken name and bad input are refused and change nothing", async () => {
    const mixed = await label("Mixed");
    await editVerdictLabel(admin, editVerdictLabelSchema.parse({ id: mixed.id, version: mixed.version, name: "Mixed", description: "Half and half.", ratingValue: "3" }));
    const before = await labelRows();
    await expect(editVerdictLabel(admin, editVerdictLabelSchema.parse({ id: mixed.id, version: mixed.version, name: "Stale", description: "", ratingValue: "3" }))).rejects.toThrow(ConflictError);
    await expect(editVerdictLabel(admin, editVerdictLabelSchema.parse({ id: mixed.id, version: mixed.version + 1, name: "accurate", description: "", ratingValue: "3" }))).rejects.toThrow(
      "There is already a verdict called “Accurate”.",
    );
    await expect(createVerdictLabel(admin, createVerdictLabelSchema.parse({ name: "MIXED", description: "", ratingValue: "" }))).rejects.toThrow("There is already a verdict called “Mixed”.");
    const valid = { id: mixed.id, version: mixed.version + 1, name: "Mixed", description: "", ratingValue: "3" };
    for (const bad of [{ ...valid, ratingValue: "6" }, { ...valid, ratingValue: "0" }, { ...valid, ratingValue: 3 }, { ...valid, ratingValue: "3.5" }, { ...valid, name: "" }, { ...valid, name: "x\ny" }, { ...valid, description: "d".repeat(301) }, { ...valid, id: "" }]) {
      expect(editVerdictLabelSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
    expect(await labelRows()).toEqual(before);
  });
});
