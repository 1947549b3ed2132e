import { beforeAll, describe, expect, it } from "vitest";
import { database, migrateDatabase, prisma } from "@/lib/db";
import { backupToString, BackupError, restoreBackup } from "@/lib/exports/backup";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker, createUser } from "../support/factories";

beforeAll(async () => {
  await migrateDatabase();
  // Every kind of column: enums, arrays, JSON, floats, bigints, nulls, dates with
  // milliseconds, unicode, a self-reference (a counter-claim), auth and audit rows.
  const user = await createUser({ role: "admin" });
  const speaker = await createSpeaker({ aliases: ["State", "Foggy Bottom", "“quoted”, with comma"] });
  const outlet = await createOutlet({ name: "Ünïcode Outlet 📰", description: "Line one\nline two\ttab \\ backslash \"quotes\"" });
  const article = await createArticle({ outletId: outlet.id, body: "Headline\n\nThe ministry said “militants operate freely here,” 0.1 + 0.2." });
  const claim = await createClaim({ status: "published", speakerId: speaker.id });
  const counter = await createClaim({ status: "in_review" });
  await prisma.claim.update({ where: { id: counter.id }, data: { rebutsId: claim.id } });
  await prisma.claim.update({ where: { id: claim.id }, data: { rebutsId: counter.id } });
  await createQuote(article.id, "militants operate freely here", {
    claimId: claim.id,
    matchScore: 0.1 + 0.2,
    hedges: ["alleged", "seen as"],
    fidelity: "trimmed",
    fidelityDiff: [{ op: "equal", text: "militants" }, { op: "delete", text: " really" }, { nested: { deep: [1, 2.5, null, true] } }],
  });
  await prisma.rateLimit.create({ data: { id: "rl1", key: "127.0.0.1/sign-in", count: 3, lastRequest: 9007199254740993n } });
  await prisma.auditEvent.create({
    data: { actorId: user.id, entityType: "claim", entityId: claim.id, action: "publish", before: { status: "draft" }, after: { status: "published", at: "2026-01-01T00:00:00.123Z" }, createdAt: new Date("2026-01-02T03:04:05.678Z") },
  });
});

describe(`backup and restore (${process.env.TEST_DB})`, () => {
  it("round-trips the whole database byte for byte: backup → wipe → restore → backup", async () => {
    const first = await backupToString(database.sql);
    expect(first).toContain('"lastRequest":9007199254740993');
    expect(first).toContain('"table":"user"');
    expect(first).toContain('"table":"AuditEvent"');
    expect(first).not.toContain("searchVector");

    const counts = async () => ({
      claims: await prisma.claim.count(),
      quotes: await prisma.quote.count(),
      users: await prisma.user.count(),
      accounts: await prisma.account.count(),
      audit: await prisma.auditEvent.count(),
    });
    const before = await counts();
    await database.sql.exec(`TRUNCATE "Claim", "Quote", "Article", "Outlet", "Speaker", "user", "account", "AuditEvent", "rateLimit" CASCADE`);
    expect((await counts()).claims).toBe(0);

    await restoreBackup(database.sql, first.split("\n"));
    expect(await counts()).toEqual(before);
    const second = await backupToString(database.sql);
    expect(second).toBe(first);

    // Values come back as they were, and generated search columns are rebuilt.
    const quote = await prisma.quote.findFirstOrThrow({ where: { exact: "militants operate freely here" } });
    expect(quote.matchScore).toBe(0.1 + 0.2);
    expect(quote.hedges).toEqual(["alleged", "seen as"]);
    const rl = await prisma.rateLimit.findUniqueOrThrow({ where: { id: "rl1" } });
    expect(rl.lastRequest).toBe(9007199254740993n);
    const hits = await database.sql.query(`SELECT 1 FROM "Quote" WHERE "searchVector" @@ to_tsquery('english', 'militant')`);
    expect(hits.length).toBeGreaterThan(0);
  });

  it("refuses a malformed or truncated file and changes nothing", async () => {
    const good = await backupToString(database.sql);
    const claimsBefore = await prisma.claim.count();
    await expect(restoreBackup(database.sql, ['{"format":"something-else","version":1}'])).rejects.toBeInstanceOf(BackupError);
    await expect(restoreBackup(database.sql, good.split("\n").slice(0, -3))).rejects.toThrow(/truncated/);
    const header = JSON.parse(good.split("\n")[0]);
    const otherMigrations = [JSON.stringify({ ...header, migrations: ["20000101000000_other"] }), ...good.split("\n").slice(1)];
    await expect(restoreBackup(database.sql, otherMigrations)).rejects.toThrow(/other migrations/);
    expect(await prisma.claim.count()).toBe(claimsBefore);
  });
});
