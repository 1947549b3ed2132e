import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { prisma } from "./db";

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

/** After a successful sign-in: the account starts again from zero, and the address gets its attempt back. */
export async function releaseAfterSuccess(email: string, address: string | null): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: accountKey(email) } });
  if (address) {
    await prisma.$executeRaw`UPDATE "rateLimit" SET count = GREATEST(count - 1, 0) WHERE key = ${addressKey(address)}`;
  }
}

/** An admin's unlock: the account may sign in at once. Returns whether it had a delay. */
export async function clearAccountDelay(email: string): Promise<boolean> {
  const { count } = await prisma.rateLimit.deleteMany({ where: { key: accountKey(email) } });
  return count > 0;
}

/** Accounts (of existing users) that currently have counted failures, for the admin page. */
export async function listDelayedAccounts(now = Date.now()) {
  const users = await prisma.user.findMany({ select: { id: true, email: true, name: true } });
  const byKey = new Map(users.map((u) => [accountKey(u.email), u]));
  const rows = await prisma.rateLimit.findMany({
    where: { key: { in: [...byKey.keys()] }, lastRequest: { gte: BigInt(now - ACCOUNT_RULE.windowMs) } },
    select: { key: true, count: true, lastRequest: true },
  });
  return rows.map((r) => {
    const user = byKey.get(r.key)!;
    const waitMs = Number(r.lastRequest) + delayAfter(r.count, ACCOUNT_RULE) - now;
    return { userId: user.id, email: user.email, name: user.name, attempts: r.count, waitSeconds: Math.max(0, Math.ceil(waitMs / 1000)) };
  });
}
