import "server-only";
import { APIError } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import pLimit from "p-limit";
import { recordSecurityEvent } from "./security-events";

/**
 * better-auth's own scrypt (node:crypto, N=16384 r=16: ~32 MB and tens of ms of
 * CPU each), with a bound on how many run at once. scrypt runs on libuv's thread
 * pool, which also serves zlib (compressed responses) and file reads: unbounded,
 * a burst of sign-ins fills the pool and the CPU, and readers wait behind it.
 * PASSWORD_HASH_CONCURRENCY (default 1) run at once; past MAX_WAITING queued
 * checks, a sign-in is refused with 503 at once instead of queueing.
 */
const limit = pLimit(Math.max(1, Number(process.env.PASSWORD_HASH_CONCURRENCY ?? 1)));
const MAX_WAITING = Number(process.env.PASSWORD_HASH_QUEUE ?? 16);

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (limit.pendingCount >= MAX_WAITING) {
    // Which address or account is not known here: the event says how many waited.
    void recordSecurityEvent({ kind: "sign-in-busy", message: `A sign-in was refused with 503: ${limit.pendingCount} password checks were already waiting.`, detail: { waiting: limit.pendingCount, running: limit.activeCount } });
    throw new APIError("SERVICE_UNAVAILABLE", { message: "The server is busy checking other sign-ins. Try again in a few seconds." });
  }
  return limit(work);
}

export const boundedPassword = {
  hash: (password: string) => bounded(() => hashPassword(password)),
  verify: (data: { hash: string; password: string }) => bounded(() => verifyPassword(data)),
};
