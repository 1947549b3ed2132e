import { beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { createAnnotation } from "@/lib/annotations";
import { editClaim } from "@/lib/claim-edits";
import { migrateDatabase, prisma } from "@/lib/db";
import { createArticle, createClaim, createUser } from "../support/factories";

/**
 * Races, on the real database of each project (PGlite and PostgreSQL), through
 * the same lib functions the server actions call: optimistic concurrency must
 * let exactly one of many same-version saves win, and a burst of creates must
 * lose nothing.
 */
const SAVES = 50;
const ANNOTATIONS = 500;

let actorId: string;

beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
});

describe(`races (${process.env.TEST_DB})`, () => {
  it(`${SAVES} concurrent saves of one claim at the same version: exactly one wins, the others get the conflict message`, async () => {
    const claim = await createClaim({ canonical: "Militants operate freely across the border." });
    const outcomes = await Promise.allSettled(
      Array.from({ length: SAVES }, (_, i) =>
        editClaim(actorId, { id: claim.id, version: claim.version, canonical: `Militants operate freely, wording ${i}.`, summary: `Save ${i}`, speakerId: null, sourceDocumentId: null, rebutsId: null }),
      ),
    );
    const wins = outcomes.filter((o) => o.status === "fulfilled");
    const losses = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    const conflicts = losses.filter((e) => e instanceof ConflictError);
    console.log(`claim save race (${process.env.TEST_DB}): ${SAVES} saves, ${wins.length} won, ${conflicts.length} conflicts, ${losses.length - conflicts.length} other errors`);
    // Anything but a conflict (a deadlock, a pool timeout) would reach the editor as a generic failure.
    expect(losses.filter((e) => !(e instanceof ConflictError)).map(String)).toEqual([]);
    expect(wins).toHaveLength(1);
    expect(conflicts).toHaveLength(SAVES - 1);
    for (const e of conflicts) expect((e as Error).message).toMatch(/Someone else saved this record/);

    // The stored claim is the winner's save, one version on, with one audit event.
    const winner = outcomes.findIndex((o) => o.status === "fulfilled");
    const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { canonical: true, summary: true, version: true } });
    expect(stored).toEqual({ canonical: `Militants operate freely, wording ${winner}.`, summary: `Save ${winner}`, version: claim.version + 1 });
    expect(await prisma.auditEvent.count({ where: { entityType: "claim", entityId: claim.id, action: "edit" } })).toBe(1);
  });

  it(`${ANNOTATIONS} concurrent annotation creates on one article: all ${ANNOTATIONS} stored`, async () => {
    const sentence = "The ministry said militants operate freely here. ";
    const article = await createArticle({ title: "Annotated", body: `Annotated\n\n${sentence.repeat(40)}` });
    const exact = "militants operate freely";
    const starts: number[] = [];
    for (let at = article.body.indexOf(exact); at >= 0; at = article.body.indexOf(exact, at + 1)) starts.push(at);
    const outcomes = await Promise.allSettled(
      Array.from({ length: ANNOTATIONS }, (_, i) => {
        const start = starts[i % starts.length];
        return createAnnotation(actorId, {
          articleId: article.id,
          articleVersion: article.version,
          start,
          end: start + exact.length,
          exact,
          body: `Note ${i}: which militants?`,
          motivation: "questioning",
          claimId: null,
        });
      }),
    );
    const failures = outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
    const stored = await prisma.annotation.count({ where: { articleId: article.id } });
    const bodies = new Set((await prisma.annotation.findMany({ where: { articleId: article.id }, select: { body: true } })).map((a) => a.body));
    console.log(`annotation create race (${process.env.TEST_DB}): ${ANNOTATIONS} creates, ${stored} stored, ${failures.length} failed`);
    expect(failures.slice(0, 3)).toEqual([]);
    expect(stored).toBe(ANNOTATIONS);
    expect(bodies.size).toBe(ANNOTATIONS);
    expect(await prisma.auditEvent.count({ where: { entityType: "annotation", action: "create", entityId: { in: (await prisma.annotation.findMany({ where: { articleId: article.id }, select: { id: true } })).map((a) => a.id) } } })).toBe(ANNOTATIONS);
  });
});
