import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ActionError, NotFoundError } from "./errors";
import { recordSecurityEvent } from "./security-events";
import type { UnlockSignInInput } from "./validation/security";

/**
 * Sign-in attempts are counted per account (the e-mail address as typed, so
 * unknown addresses count too) and per client address (as server.ts resolved it:
 * X-Forwarded-For only from TRUSTED_PROXIES), in the database so that every app
 * server sees the same counts.
 *
 * Each key has a few free attempts; after that, attempts must be spaced by a
 * delay that doubles with every further attempt up to a cap (progressive delay,
 * OWASP Authentication Cheat Sheet, "Login Throttling"), and the count resets
 * after a quiet window. An attempt that comes too early is refused before any
 * password is hashed. An attacker who knows an editor's e-mail address can make
 * them wait at most the cap, never lock them out; an admin can clear the delay
 * (/editor/admin/security).
 *
 * The check-and-count is ONE statement per key (INSERT … ON CONFLICT DO UPDATE …
 * WHERE allowed RETURNING): concurrent attempts serialise on the row lock, so 60
 * parallel attempts get exactly the free ones through, not more.
 */
export interface DelayRule {
  /** Attempts allowed with no delay. */
  free: number;
  /** Delay before the first attempt past the free ones, in ms; doubles after each. */
  baseMs: number;
  /** The longest delay, in ms. */
  capMs: number;
  /** A key with no attempt for this long starts again from zero, in ms. */
  windowMs: number;
}

const capSeconds = Number(process.env.SIGN_IN_DELAY_CAP_SECONDS ?? 60);

export const ACCOUNT_RULE: DelayRule = { free: 5, baseMs: 1000, capMs: capSeconds * 1000, windowMs: 15 * 60_000 };
export const ADDRESS_RULE: DelayRule = { free: 10, baseMs: 1000, capMs: capSeconds * 1000, windowMs: 15 * 60_000 };

export function accountKey(email: string): string {
  return `sign-in:account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

export function addressKey(address: string): string {
  return `sign-in:address:${address}`;
}

/** Milliseconds an attempt must wait after `count` counted attempts (0 within the free ones). */
export function delayAfter(count: number, rule: DelayRule): number {
  if (count < rule.free) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(30, count - rule.free));
}

export type Reservation = { allowed: true; count: number } | { allowed: false; retryAfterSeconds: number; count: number };

/** Counts one attempt against `key` if its delay is over; otherwise refuses, and says for how long. */
export async function reserveAttempt(key: string, rule: DelayRule, now = Date.now()): Promise<Reservation> {
  const at = BigInt(now);
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${at})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${at} - "rateLimit"."lastRequest" >= ${rule.windowMs} THEN 1 ELSE "rateLimit".count + 1 END,
      "lastRequest" = ${at}
    WHERE ${at} - "rateLimit"."lastRequest" >= ${rule.windowMs}
       OR "rateLimit".count < ${rule.free}
       OR ${at} - "rateLimit"."lastRequest" >= LEAST(${rule.capMs}::float8, ${rule.baseMs}::float8 * power(2::float8, LEAST(30, "rateLimit".count - ${rule.free})::float8))
    RETURNING count`;
  if (rows.length > 0) return { allowed: true, count: Number(rows[0].count) };
  const row = await prisma.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
  const count = row?.count ?? 0;
  const wait = row ? Number(row.lastRequest) + delayAfter(count, rule) - now : 1000;
  return { allowed: false, count, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}

/**
 * Gives back one counted attempt of `key`: for an attempt whose password was
 * never checked (another key refused it) or that succeeded.
 */
export async function refundAttempt(key: string): Promise<void> {
  await prisma.$executeRaw`UPDATE "rateLimit" SET count = GREATEST(count - 1, 0) WHERE key = ${key}`;
}

/** After a successful sign-in: the account starts again from zero, and the address gets its attempt back. */
export async function releaseAfterSuccess(email: string, address: string | null): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: accountKey(email) } });
  if (address) await refundAttempt(addressKey(address));
}

/** Accounts (of existing users) that currently have counted failures, for the admin page. */
export async function listDelayedAccounts(now = Date.now()) {
  const users = await prisma.user.findMany({ select: { id: true, email: true, name: true } });
  const byKey = new Map(users.map((u) => [accountKey(u.email), u]));
  const rows = await prisma.rateLimit.findMany({
    where: { key: { in: [...byKey.keys()] }, lastRequest: { gte: BigInt(now - ACCOUNT_RULE.windowMs) } },
    select: { key: true, count: true, lastRequest: true },
    orderBy: { lastRequest: "desc" },
  });
  return rows.map((r) => {
    const user = byKey.get(r.key)!;
    return { userId: user.id, email: user.email, name: user.name, attempts: r.count, waitSeconds: waitSeconds(r, ACCOUNT_RULE, now) };
  });
}

/** Client addresses past their free attempts within the window (they wait between tries), newest first. */
export async function listDelayedAddresses(now = Date.now(), take = 100) {
  const prefix = addressKey("");
  const rows = await prisma.rateLimit.findMany({
    where: { key: { startsWith: prefix }, count: { gte: ADDRESS_RULE.free }, lastRequest: { gte: BigInt(now - ADDRESS_RULE.windowMs) } },
    select: { key: true, count: true, lastRequest: true },
    orderBy: { lastRequest: "desc" },
    take,
  });
  return rows.map((r) => ({ address: r.key.slice(prefix.length), attempts: r.count, waitSeconds: waitSeconds(r, ADDRESS_RULE, now) }));
}

function waitSeconds(row: { count: number; lastRequest: bigint }, rule: DelayRule, now: number): number {
  return Math.max(0, Math.ceil((Number(row.lastRequest) + delayAfter(row.count, rule) - now) / 1000));
}

/** Who may unlock: the signed-in user as lib/auth.ts gives it (only the fields checked here). */
export interface UnlockActor {
  id: string;
  email: string;
  role: string;
}

/**
 * An admin's unlock (/editor/admin/security): clears the counted sign-in failures
 * of an account (by user id) or of a client address, so its next attempt is
 * checked at once. Recorded in the audit trail (entity "user" or "address",
 * action "unlock_sign_in", attempts before → 0) in the same transaction, and as
 * a security event ("account-unlocked" / "address-unlocked").
 * Checks the role itself, so no caller can skip it.
 * @returns what was unlocked (the account's e-mail or the address) and whether it had
 *   counted failures (false: nothing was waiting; nothing is written).
 * @throws ActionError "unauthenticated" (no user), "forbidden" (not an admin);
 *   NotFoundError (no such account).
 */
export async function unlockSignIn(actor: UnlockActor | null, input: UnlockSignInInput): Promise<{ target: string; cleared: boolean; attempts: number }> {
  if (!actor) throw new ActionError("Your session has ended. Sign in again to save.", "unauthenticated");
  if (actor.role !== "admin") throw new ActionError("Only an admin can do that.", "forbidden");
  let key: string;
  let target: string;
  let entity: { entityType: "user" | "address"; entityId: string };
  if ("userId" in input) {
    const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
    if (!user) throw new NotFoundError("account");
    key = accountKey(user.email);
    target = user.email;
    entity = { entityType: "user", entityId: user.id };
  } else {
    key = addressKey(input.address);
    target = input.address;
    entity = { entityType: "address", entityId: input.address };
  }
  const attempts = await prisma.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key }, select: { count: true } });
    if (!row) return 0;
    await tx.rateLimit.delete({ where: { key } });
    await recordAudit(tx, { actorId: actor.id, ...entity, action: "unlock_sign_in", before: { attempts: row.count }, after: { attempts: 0 } });
    return row.count;
  });
  if (attempts > 0) {
    await recordSecurityEvent({
      kind: entity.entityType === "user" ? "account-unlocked" : "address-unlocked",
      account: entity.entityType === "user" ? target : null,
      address: entity.entityType === "address" ? target : null,
      message: `${actor.email} cleared the sign-in delay of ${target} (${attempts} counted ${attempts === 1 ? "attempt" : "attempts"}).`,
      detail: { by: actor.email, attempts },
    });
  }
  return { target, cleared: attempts > 0, attempts };
}
