import { beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, prisma } from "@/lib/db";
import { ActionError } from "@/lib/errors";
import { listSecurityEvents, recordSecurityEvent } from "@/lib/security-events";
import { ACCOUNT_RULE, accountKey, ADDRESS_RULE, addressKey, listDelayedAccounts, listDelayedAddresses, reserveAttempt, unlockSignIn } from "@/lib/sign-in-guard";
import { unlockSignInSchema } from "@/lib/validation/security";
import { createUser } from "../support/factories";

/**
 * Issue 9, item 11: an admin unlocks an account or a client address that waits
 * between sign-in attempts (/editor/admin/security). Only an admin may; the
 * unlock is audited and is a security event; bad input changes nothing.
 */
type Actor = { id: string; email: string; role: string };
let admin: Actor;
let editor: Actor;

/** Counts failures on `key` until the next attempt must wait, as a flood of wrong passwords does. */
async function makeWait(key: string, rule: typeof ACCOUNT_RULE): Promise<number> {
  const now = Date.now();
  for (let i = 0; i < rule.free; i++) expect((await reserveAttempt(key, rule, now)).allowed).toBe(true);
  const refused = await reserveAttempt(key, rule, now);
  expect(refused.allowed).toBe(false);
  return rule.free;
}

async function countOf(key: string): Promise<number | null> {
  return (await prisma.rateLimit.findUnique({ where: { key } }))?.count ?? null;
}

beforeAll(async () => {
  await migrateDatabase();
  admin = await createUser({ role: "admin" });
  editor = await createUser();
});

describe(`unlocking sign-in delays (${process.env.TEST_DB})`, () => {
  it("refuses anonymous visitors and editors, and changes nothing", async () => {
    const locked = await createUser();
    const key = accountKey(locked.email);
    await makeWait(key, ACCOUNT_RULE);
    const audits = await prisma.auditEvent.count();
    const events = await prisma.securityEvent.count();
    await expect(unlockSignIn(null, { userId: locked.id })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(unlockSignIn(editor, { userId: locked.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(unlockSignIn(editor, { address: "203.0.113.50" })).rejects.toBeInstanceOf(ActionError);
    expect(await countOf(key)).toBe(ACCOUNT_RULE.free);
    expect((await reserveAttempt(key, ACCOUNT_RULE)).allowed).toBe(false);
    expect(await prisma.auditEvent.count()).toBe(audits);
    expect(await prisma.securityEvent.count()).toBe(events);
  });

  it("an admin unlocks an account: its next attempt is checked at once; audited and logged as an event", async () => {
    const locked = await createUser();
    const key = accountKey(locked.email);
    // An attacker types the address in capitals: the same account.
    await makeWait(accountKey(locked.email.toUpperCase()), ACCOUNT_RULE);
    expect((await listDelayedAccounts()).find((a) => a.userId === locked.id)).toMatchObject({ email: locked.email, attempts: ACCOUNT_RULE.free });

    const result = await unlockSignIn(admin, { userId: locked.id });
    expect(result).toEqual({ target: locked.email, cleared: true, attempts: ACCOUNT_RULE.free });
    expect(await countOf(key)).toBeNull();
    expect((await listDelayedAccounts()).some((a) => a.userId === locked.id)).toBe(false);
    expect((await reserveAttempt(key, ACCOUNT_RULE)).allowed).toBe(true);

    const audit = await prisma.auditEvent.findMany({ where: { entityType: "user", entityId: locked.id, action: "unlock_sign_in" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, before: { attempts: ACCOUNT_RULE.free }, after: { attempts: 0 } });
    const { events } = await listSecurityEvents({ kind: "account-unlocked" });
    expect(events[0]).toMatchObject({ kind: "account-unlocked", account: locked.email, detail: { by: admin.email, attempts: ACCOUNT_RULE.free } });

    // Nothing left to clear: said so, and nothing more is written.
    await prisma.rateLimit.deleteMany({ where: { key } });
    expect(await unlockSignIn(admin, { userId: locked.id })).toEqual({ target: locked.email, cleared: false, attempts: 0 });
    expect(await prisma.auditEvent.count({ where: { entityType: "user", entityId: locked.id, action: "unlock_sign_in" } })).toBe(1);
  });

  it("an admin unlocks a client address", async () => {
    const address = "2001:db8::7";
    const key = addressKey(address);
    await makeWait(key, ADDRESS_RULE);
    expect((await listDelayedAddresses()).find((a) => a.address === address)).toMatchObject({ attempts: ADDRESS_RULE.free });

    expect(await unlockSignIn(admin, { address })).toEqual({ target: address, cleared: true, attempts: ADDRESS_RULE.free });
    expect(await countOf(key)).toBeNull();
    expect((await listDelayedAddresses()).some((a) => a.address === address)).toBe(false);
    expect(await prisma.auditEvent.count({ where: { entityType: "address", entityId: address, action: "unlock_sign_in", actorId: admin.id } })).toBe(1);
    const { events } = await listSecurityEvents({ kind: "address-unlocked" });
    expect(events[0]).toMatchObject({ address, account: null });
  });

  it("bad input is refused with a clear error and changes nothing", async () => {
    const locked = await createUser();
    const key = accountKey(locked.email);
    await makeWait(key, ACCOUNT_RULE);
    for (const bad of [{ address: "not an address" }, { address: "" }, { userId: "x y" }, { userId: locked.id, address: "192.0.2.1" }, {}, "192.0.2.1"]) {
      expect(unlockSignInSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    const parsed = unlockSignInSchema.safeParse({ address: "not an address" });
    expect(JSON.stringify(parsed.error?.issues)).toContain("Enter an IPv4 or IPv6 address.");
    await expect(unlockSignIn(admin, { userId: "no-such-user" })).rejects.toMatchObject({ code: "not_found", message: "That account no longer exists." });
    expect(await countOf(key)).toBe(ACCOUNT_RULE.free);
  });

  it("lists events newest first, by kind, a page at a time", async () => {
    const stamp = Date.now();
    for (let i = 0; i < 3; i++) {
      await recordSecurityEvent({ kind: "request-refused", address: `198.51.100.${i + 1}`, message: `paged ${stamp} #${i}` });
    }
    const first = await listSecurityEvents({ kind: "request-refused", perPage: 2 });
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.events.map((e) => e.message)).toEqual([`paged ${stamp} #2`, `paged ${stamp} #1`]);
    const second = await listSecurityEvents({ kind: "request-refused", perPage: 2, page: 2 });
    expect(second.events[0].message).toBe(`paged ${stamp} #0`);
    expect(second.page).toBe(2);
    expect(first.pages).toBe(Math.ceil(first.total / 2));
    const all = await listSecurityEvents();
    expect(all.events.every((e, i, list) => i === 0 || list[i - 1].createdAt >= e.createdAt)).toBe(true);
    expect(new Set(first.events.map((e) => e.kind))).toEqual(new Set(["request-refused"]));
  });
});
