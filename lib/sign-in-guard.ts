import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { prisma } from "./db";

/**
 * Failed sign-ins are counted per account, in the database (so the count holds
 * across app servers): after MAX_FAILURES within WINDOW_MS the account refuses
 * further attempts until the window has passed. This complements the per-address
 * limit, which a client can dodge by sending a forged X-Forwarded-For header.
 */
export const SIGN_IN_FAILURES = { max: 10, windowMs: 15 * 60_000 };

function key(email: string): string {
  return `sign-in-failures:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

/** Seconds until the account may try again, or 0. */
export async function signInRetryAfter(email: string, now = Date.now()): Promise<number> {
  const row = await prisma.rateLimit.findUnique({ where: { key: key(email) }, select: { count: true, lastRequest: true } });
  if (!row || row.count < SIGN_IN_FAILURES.max) return 0;
  const until = Number(row.lastRequest) + SIGN_IN_FAILURES.windowMs;
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export async function recordFailedSignIn(email: string, now = Date.now()): Promise<void> {
  const k = key(email);
  const row = await prisma.rateLimit.findUnique({ where: { key: k }, select: { lastRequest: true } });
  if (row && Number(row.lastRequest) + SIGN_IN_FAILURES.windowMs < now) {
    await prisma.rateLimit.update({ where: { key: k }, data: { count: 1, lastRequest: BigInt(now) } });
    return;
  }
  await prisma.rateLimit.upsert({
    where: { key: k },
    create: { id: randomUUID(), key: k, count: 1, lastRequest: BigInt(now) },
    update: { count: { increment: 1 }, lastRequest: BigInt(now) },
  });
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: key(email) } });
}
