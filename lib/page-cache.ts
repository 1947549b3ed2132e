/**
 * A process-wide cache of rendered public responses (reader pages and read-API
 * JSON), served by server.ts before Next's own pipeline — which costs ~1 ms even
 * for a cache hit, several times a static file's cost.
 *
 * Correctness comes from invalidation on write, not expiry: every editorial
 * write calls `purgePublicPages()`, which empties this process's cache and tells
 * every other app server to do the same through PostgreSQL NOTIFY (server.ts
 * LISTENs). A render that started before a purge is never stored (generation
 * check), so a purge can't be undone by a slow request.
 */
import type { OutgoingHttpHeaders } from "node:http";

export const PURGE_CHANNEL = "claimscope_public_pages";

export interface CachedPage {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

class PageCache {
  private pages = new Map<string, CachedPage>();
  private bytes = 0;
  generation = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Least recently used goes first: re-insert at the end.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: CachedPage, generation: number): void {
    if (generation !== this.generation || page.body.length > this.maxBytes / 10) return;
    const old = this.pages.get(key);
    if (old) this.bytes -= old.body.length;
    this.pages.set(key, page);
    this.bytes += page.body.length;
    for (const [k, v] of this.pages) {
      if (this.pages.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= v.body.length;
    }
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.bytes = 0;
  }

  get size() {
    return this.pages.size;
  }
}

const g = globalThis as unknown as { __claimscopePageCache?: PageCache; __claimscopePagePurgeNotifier?: () => Promise<void> };

export function pageCache(): PageCache {
  return (g.__claimscopePageCache ??= new PageCache(
    Number(process.env.PAGE_CACHE_ENTRIES ?? 20_000),
    Number(process.env.PAGE_CACHE_MB ?? 256) * 1024 * 1024,
  ));
}

/** Set by the app's database module: how to tell other app servers (NOTIFY), if there are any. */
export function setPurgeNotifier(notify: () => Promise<void>): void {
  g.__claimscopePagePurgeNotifier = notify;
}

/** After an editorial write commits: no reader sees the old page again, on any app server. */
export async function purgePublicPages(): Promise<void> {
  pageCache().clear();
  await g.__claimscopePagePurgeNotifier?.().catch((error) => console.error("page cache: NOTIFY failed", error));
}
