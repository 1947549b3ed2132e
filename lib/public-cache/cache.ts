/**
 * The public response cache: each app server keeps the rendered public pages and
 * read-API responses in memory, under the surrogate keys of the records they
 * show (keys.ts), and serves a copy only while the coordinator
 * (coordinator.ts: Redis, or this process alone) says none of its keys was
 * purged since its render began. A write purges its keys here, on every other
 * server through the coordinator, and at the CDN through the purge hook.
 *
 * One instance per process, on globalThis: server.ts creates it; the write side
 * (purge.ts `purgeAfterWrite`, inside Next's bundle, a separate module copy) reaches it
 * through `purgePublicKeys` (purge.ts), which needs no Redis client.
 */
import type { OutgoingHttpHeaders } from "node:http";
import { Redis } from "ioredis";
import { LocalCoordinator, RedisCoordinator, type Coordinator, type Snapshot } from "./coordinator";
import { CACHE_SLOT } from "./purge";
import { PurgeHook } from "./purge-hook";

export interface CachedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

interface Entry extends CachedResponse {
  keys: readonly string[];
  /** The counter when its render began: a purge of one of its keys after this voids it. */
  rendered: Snapshot;
  /** The counter it was last found valid at: a hit at the same counter needs no key check. */
  checked: Snapshot;
  expires: number;
}

export interface PublicCacheOptions {
  coordinator: Coordinator;
  purgeHook?: PurgeHook | null;
  maxEntries?: number;
  maxBytes?: number;
  /** How long a copy may live at most, whatever the purges (ms). */
  ttlMs?: number;
}

export class PublicCache {
  readonly coordinator: Coordinator;
  private readonly hook: PurgeHook | null;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  readonly ttlMs: number;

  constructor(options: PublicCacheOptions) {
    this.coordinator = options.coordinator;
    this.hook = options.purgeHook ?? null;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 3_600_000;
    // Copies made before the store went away may miss purges made while it was away.
    this.coordinator.onLoss(() => this.clear());
  }

  /** A current copy of `variant`, or null (none, purged, expired, or the store is unreachable). */
  async get(variant: string): Promise<CachedResponse | null> {
    const entry = this.entries.get(variant);
    if (!entry) return null;
    if (entry.expires <= Date.now()) {
      this.delete(variant);
      return null;
    }
    const now = await this.coordinator.snapshot();
    if (!now) return null;
    if (now.epoch !== entry.checked.epoch || now.seq !== entry.checked.seq) {
      const checked = await this.coordinator.validate(entry.keys, entry.rendered);
      if (!checked) {
        if (this.entries.get(variant) === entry) this.delete(variant);
        return null;
      }
      entry.checked = checked;
    }
    // Least recently used goes first: re-insert at the end.
    this.entries.delete(variant);
    this.entries.set(variant, entry);
    return entry;
  }

  /** Taken before a render that may be stored; null means do not store (store unreachable). */
  begin(): Promise<Snapshot | null> {
    return this.coordinator.snapshot();
  }

  /** Keeps a rendered response unless one of its keys was purged after `rendered`. */
  async set(variant: string, response: CachedResponse, keys: readonly string[], rendered: Snapshot): Promise<boolean> {
    if (response.body.length > this.maxBytes / 10) return false;
    const checked = await this.coordinator.validate(keys, rendered);
    if (!checked) return false;
    this.delete(variant);
    this.entries.set(variant, { ...response, keys, rendered, checked, expires: Date.now() + this.ttlMs });
    this.bytes += response.body.length;
    for (const [k] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
    return true;
  }

  /**
   * After a write commits: no reader gets a page showing the old records again,
   * on any server. This server's copies go at once; the coordinator tells the
   * others (a failure is logged and retried: they dropped their copies when they
   * lost the store too); the CDN is told through the purge hook (retried in the
   * background; its copies expire after s-maxage anyway).
   */
  async purge(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const set = new Set(keys);
    for (const [variant, entry] of this.entries) if (entry.keys.some((k) => set.has(k))) this.delete(variant);
    await Promise.all([
      this.coordinator.purge(keys).catch((error) => console.error("public cache: purge not recorded in the shared store (retried when it is back):", String(error))),
      this.hook?.purge(keys),
    ]);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(variant: string) {
    const old = this.entries.get(variant);
    if (!old) return;
    this.entries.delete(variant);
    this.bytes -= old.body.length;
  }
}

const g = globalThis as unknown as Record<symbol, PublicCache | undefined>;

/**
 * The process's cache, made from the environment on first use:
 * - REDIS_URL: the shared coordinator (required with several app servers);
 * - PURGE_HOOK_URL: where purges go to the CDN (comma-separated URLs);
 * - PUBLIC_CACHE_ENTRIES (20000), PUBLIC_CACHE_MB (256), PUBLIC_CACHE_TTL seconds (3600).
 */
export function publicCache(): PublicCache {
  if (g[CACHE_SLOT]) return g[CACHE_SLOT];
  const ttlMs = Number(process.env.PUBLIC_CACHE_TTL ?? 3600) * 1000;
  const coordinator = process.env.REDIS_URL
    ? new RedisCoordinator(
        new Redis(process.env.REDIS_URL, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          commandTimeout: 500,
          connectTimeout: 2000,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        }).on("error", () => {}),
        { entryTtlMs: ttlMs },
      )
    : new LocalCoordinator();
  return (g[CACHE_SLOT] = new PublicCache({
    coordinator,
    purgeHook: PurgeHook.fromEnv(),
    maxEntries: Number(process.env.PUBLIC_CACHE_ENTRIES ?? 20_000),
    maxBytes: Number(process.env.PUBLIC_CACHE_MB ?? 256) * 1024 * 1024,
    ttlMs,
  }));
}
