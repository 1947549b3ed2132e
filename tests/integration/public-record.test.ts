import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/errors";
import { createAnnotation, setAnnotationPublic } from "@/lib/annotations";
import { buildClaimReview, claimReviewProblems } from "@/lib/claim-review-jsonld";
import { setClaimStatus } from "@/lib/claim-edits";
import { getPublishedClaim } from "@/lib/claim-page";
import { migrateDatabase, prisma } from "@/lib/db";
import { webAnnotationExport } from "@/lib/exports/feeds";
import { saveRating } from "@/lib/ratings";
import { getWithdrawnClaim } from "@/lib/withdrawn-claims";
import { createArticle, createClaim, createQuote, createSpeaker, createUser } from "../support/factories";

const BASE = "https://claims.example.org";
const BODY = "Harbour to reopen\n\nThe harbour master said “the pier will open to ferries next spring” after repairs.\n\nFishermen were “tired of waiting” for the council.";

let actorId: string;
let claim: { id: string; slug: string };
let labels: { id: string }[];

async function rate(version: number | null, verdict: number, correctionNote?: string) {
  return saveRating(actorId, {
    claimId: claim.id,
    version,
    verdictLabelId: labels[verdict].id,
    verdictExplanation: "The harbour office confirms the date.",
    fidelityRating: 4,
    fidelityExplanation: "Quoted nearly word for word.",
    framingRating: 4,
    framingExplanation: "Neutral verbs throughout.",
    correctionNote: correctionNote ?? null,
  });
}

beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
  const stamp = Date.now();
  labels = [
    await prisma.verdictLabel.create({ data: { slug: `true-${stamp}`, name: "Accurate", ratingValue: 5 } }),
    await prisma.verdictLabel.create({ data: { slug: `mixed-${stamp}`, name: "Mixed", ratingValue: 3 } }),
  ];
  const speaker = await createSpeaker({ name: `Harbour Office ${stamp}` });
  claim = await createClaim({ status: "published", speakerId: speaker.id, canonical: "The pier opens to ferries next spring" });
  const article = await createArticle({ body: BODY });
  await createQuote(article.id, "the pier will open to ferries next spring", { claimId: claim.id, reviewStatus: "confirmed" });
  const a = await prisma.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, version: true, body: true } });
  const at = (s: string) => ({ start: a.body.indexOf(s), end: a.body.indexOf(s) + s.length, exact: s });
  const note = async (s: string, body: string) => (await createAnnotation(actorId, { articleId: a.id, articleVersion: a.version, ...at(s), body, motivation: "commenting", claimId: claim.id })).id;
  const privateNote = await note("harbour master", "Working note: call the harbour office.");
  void privateNote;
  const publicNote = await note("next spring", "The harbour office confirmed the date in writing.");
  const orphaned = await note("after repairs", "An orphaned public note.");
  await setAnnotationPublic(actorId, { id: publicNote, version: 1, isPublic: true });
  await setAnnotationPublic(actorId, { id: orphaned, version: 1, isPublic: true });
  await prisma.annotation.update({ where: { id: orphaned }, data: { anchorStatus: "orphaned" } });
  await rate(null, 0);
});

describe(`what the public record carries (${process.env.TEST_DB})`, () => {
  it("annotations are private by default: the W3C export carries only public, anchored ones, and passes the W3C checker", async () => {
    const collection = (await webAnnotationExport({ claim: claim.slug }, BASE)) as unknown as { first: { items: { body: { value?: string }[] }[] } };
    const texts = collection.first.items.flatMap((i) => i.body.map((b) => b.value ?? ""));
    expect(texts).toContain("The harbour office confirmed the date in writing.");
    expect(texts.join(" ")).not.toContain("Working note");
    expect(texts.join(" ")).not.toContain("orphaned public note");

    const dir = mkdtempSync(path.join(tmpdir(), "w3c-"));
    const file = path.join(dir, "export.json");
    writeFileSync(file, JSON.stringify(collection));
    // Exit 0 = every annotation meets every mandatory assertion of the W3C test suite.
    const out = execFileSync("node", ["tools/w3c-annotation-model/check.mjs", file], { encoding: "utf8" });
    expect(out).toMatch(/ 0 failed/);
  });

  it("a changed published verdict needs a reason, which readers see, and ClaimReview carries dateModified", async () => {
    await expect(rate(1, 1)).rejects.toThrow(ActionError);
    await rate(1, 1, "The harbour office moved the opening to the summer.");
    const page = (await getPublishedClaim(claim.slug))!;
    expect(page.corrections).toEqual([{ date: expect.any(String), note: "The harbour office moved the opening to the summer." }]);
    const review = buildClaimReview(page, BASE)!;
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review.dateModified).toBe(page.corrections[0].date);
    expect(review.url).toBe(`${BASE}/claims/${claim.slug}`);
    // Rewording an explanation alone is no correction.
    await saveRating(actorId, {
      claimId: claim.id, version: 2, verdictLabelId: labels[1].id, verdictExplanation: "The harbour office now says summer.",
      fidelityRating: 4, fidelityExplanation: "Quoted nearly word for word.", framingRating: 4, framingExplanation: "Neutral verbs throughout.",
    });
    expect((await getPublishedClaim(claim.slug))!.corrections).toHaveLength(1);
  });

  it("unpublishing leaves a notice with the reason at the old address; publishing again removes it", async () => {
    const before = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
    expect(await getWithdrawnClaim(claim.slug)).toBeNull();
    await setClaimStatus(actorId, { id: claim.id, version: before.version, status: "in_review", note: "The harbour office withdrew its statement." });
    expect(await getPublishedClaim(claim.slug)).toBeNull();
    expect(await getWithdrawnClaim(claim.slug)).toMatchObject({ slug: claim.slug, note: "The harbour office withdrew its statement." });
    await setClaimStatus(actorId, { id: claim.id, version: before.version + 1, status: "published" });
    expect(await getWithdrawnClaim(claim.slug)).toBeNull();
    expect(await getPublishedClaim(claim.slug)).not.toBeNull();
  });
});
