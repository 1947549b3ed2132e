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
 *
 * After each check its slot rests PASSWORD_HASH_REST (default 2) times as long as
 * the check took before the next one starts, while the caller already has its
 * answer: a flood of sign-ins from many real addresses, which no per-address or
 * per-account limit stops, takes at most a third of one core. With no rest, one
 * core did nothing else, and on PostgreSQL (whose backend needs the other core)
 * readers kept 0.60× of their throughput (`npm run test:load`, phase b2).
 */
const limit = pLimit(Math.max(1, Number(process.env.PASSWORD_HASH_CONCURRENCY ?? 1)));
const MAX_WAITING = Number(process.env.PASSWORD_HASH_QUEUE ?? 16);
const REST = Math.max(0, Number(process.env.PASSWORD_HASH_REST ?? 2));

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (limit.pendingCount >= MAX_WAITING) {
    // Which address or account is not known here: the event says how many waited.
    void recordSecurityEvent({ kind: "sign-in-busy", message: `A sign-in was refused with 503: ${limit.pendingCount} password checks were already waiting.`, detail: { waiting: limit.pendingCount, running: limit.activeCount } });
    throw new APIError("SERVICE_UNAVAILABLE", { message: "The server is busy checking other sign-ins. Try again in a few seconds." });
  }
  return new Promise<T>((resolve, reject) => {
    void limit(async () => {
      const started = performance.now();
      await work().then(resolve, reject);
      await new Promise((r) => setTimeout(r, (performance.now() - started) * REST));
    });
  });
}

export const boundedPassword = {
  hash: (password: string) => bounded(() => hashPassword(password)),
  verify: (data: { hash: string; password: string }) => bounded(() => verifyPassword(data)),
};
