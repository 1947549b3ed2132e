import "server-only";
import { keysTouchedBy, type Touched } from "./public-cache/keys";
import { purgePublicKeys } from "./public-cache/purge";

export type { Touched };

/**
 * After an editor's write commits: purges the public responses that show what
 * it changed (lib/public-cache/keys.ts says which), on every app server and at
 * the CDN. Await it before answering, so that the editor's next request — and
 * any reader's — sees the change.
 */
export async function invalidate(touched: Touched): Promise<void> {
  await purgePublicKeys(keysTouchedBy(touched));
}
