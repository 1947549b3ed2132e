/**
 * The write side's one call: `purgePublicKeys(keysTouchedBy(touched))` after an
 * editorial write commits (lib/editor-cache.ts). It reaches the process's public
 * cache (cache.ts, made by server.ts) through globalThis, because Next's server
 * bundle has its own copy of every module; it imports no Redis client, so none
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
