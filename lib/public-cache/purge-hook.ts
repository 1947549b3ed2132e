/**
 * The purge hook: tells a CDN or reverse proxy in front of the app servers to
 * drop its copies of the responses that carry some surrogate keys. For each URL
 * in PURGE_HOOK_URL (comma-separated) it sends
 *
 *     PURGE <url>
 *     Surrogate-Key: claim:safe-haven claims search …
 *
 * (keys space-separated, at most ~4 KB of them per request) and expects a 2xx.
 * The README's Varnish configuration answers exactly that (xkey). The first try
 * is awaited (an editor's next request through the CDN shows the change); a
 * failed one is retried in the background for PURGE_HOOK_RETRY_SECONDS (120):
 * past that the CDN's copies have expired anyway (s-maxage, http.ts).
 */
const CHUNK_BYTES = 4000;

export class PurgeHook {
  private readonly retryMs: number;

  constructor(
    private readonly urls: readonly string[],
    { retrySeconds = 120 }: { retrySeconds?: number } = {},
  ) {
    this.retryMs = retrySeconds * 1000;
  }

  static fromEnv(): PurgeHook | null {
    const urls = (process.env.PURGE_HOOK_URL ?? "")
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    return urls.length ? new PurgeHook(urls, { retrySeconds: Number(process.env.PURGE_HOOK_RETRY_SECONDS ?? 120) }) : null;
  }

  async purge(keys: readonly string[]): Promise<void> {
    await Promise.all(this.urls.flatMap((url) => chunks(keys).map((chunk) => this.send(url, chunk))));
  }

  private async send(url: string, keys: string): Promise<void> {
    const giveUpAt = Date.now() + this.retryMs;
    if (await tryPurge(url, keys)) return;
    console.error(`purge hook: ${url} did not take the purge; retrying in the background`);
    void (async () => {
      for (let delay = 500; Date.now() < giveUpAt; delay = Math.min(delay * 2, 10_000)) {
        await new Promise((r) => setTimeout(r, delay));
        if (await tryPurge(url, keys)) return;
      }
      console.error(`purge hook: gave up on ${url}; its copies expire with s-maxage`);
    })();
  }
}

async function tryPurge(url: string, keys: string): Promise<boolean> {
  try {
    const res = await fetch(url, { method: "PURGE", headers: { "Surrogate-Key": keys }, signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function chunks(keys: readonly string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const key of keys) {
    if (current && current.length + key.length + 1 > CHUNK_BYTES) {
      out.push(current);
      current = "";
    }
    current = current ? `${current} ${key}` : key;
  }
  if (current) out.push(current);
  return out;
}
