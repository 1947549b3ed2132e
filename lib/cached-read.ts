import "server-only";
import { unstable_cache } from "next/cache";

/**
 * A reader read through Next's data cache, under `tags` (lib/cache-tags.ts).
 * Outside a Next server (tests, scripts, the benchmark's loader) there is no
 * cache to read through, so the read goes straight to the database.
 */
export async function cachedRead<T>(read: () => Promise<T>, keyParts: string[], tags: string[]): Promise<T> {
  try {
    return await unstable_cache(read, keyParts, { tags })();
  } catch (error) {
    if (error instanceof Error && error.message.includes("incrementalCache missing")) return read();
    throw error;
  }
}
