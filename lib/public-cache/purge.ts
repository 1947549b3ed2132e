import { keysTouchedBy, type Touched } from "./keys";

/**
 * The write side: `purgeAfterWrite(touched)` once an editorial write commits.
 * It reaches the process's public cache (cache.ts, made by server.ts) through
 * globalThis, because Next's server bundle has its own copy of every module; it imports no Redis client, so none
 * lands in that bundle. Where no cache runs (`next dev`, tests, scripts) it does
 * nothing: nothing is cached there.
 */
export const CACHE_SLOT = Symbol.for("claimscope.publicCache");

interface Purgeable {
  purge(keys: readonly string[]): Promise<void>;
}

/** Resolves once this server dropped its copies, the other servers can no longer serve theirs, and the CDN was asked once. */
export async function purgePublicKeys(keys: readonly string[]): Promise<void> {
  const cache = (globalThis as unknown as Record<symbol, Purgeable | undefined>)[CACHE_SLOT];
  await cache?.purge(keys);
}

/**
 * After an editor's write commits: purges the public responses that show what
 * it changed (keys.ts `keysTouchedBy` says which), on every app server and at
 * the CDN. Server actions await it before answering, so that the editor's next
 * request — and any reader's — sees the change.
 */
export async function purgeAfterWrite(touched: Touched): Promise<void> {
  await purgePublicKeys(keysTouchedBy(touched));
}
