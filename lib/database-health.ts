import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";

/**
 * Whether PostgreSQL answers, so that a request that needs it gets a clear
 * "database unavailable" 503 instead of a hang or an empty 500 (issue 9, item 13).
 *
 * A probe is a fresh connection and `SELECT 1`, each with a 2 s limit. Its answer
 * is kept for 1 s while the database is up and 0.5 s while it is down, so a busy
 * server probes at most twice a second; a probe forced by a failure
 * (`{ fresh: true }`) or a trouble report (the pool losing a connection) is made at
 * once, and concurrent callers share one probe. The state lives on globalThis:
 * server.ts and the modules Next bundles are one process but separate module
 * instances. The embedded database (no DATABASE_URL) is always available.
 */
interface HealthState {
  up: boolean;
  checkedAt: number;
  troubleAt: number;
  probe: Promise<boolean> | null;
}

const STATE = Symbol.for("claimscope.databaseHealth");
const UP_TTL_MS = 1_000;
const DOWN_TTL_MS = 500;
const PROBE_TIMEOUT_MS = 2_000;

/** The message a user reads while PostgreSQL is unreachable. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable right now. Nothing was changed; try again in a minute.";

function state(): HealthState {
  const holder = globalThis as typeof globalThis & { [STATE]?: HealthState };
  return (holder[STATE] ??= { up: true, checkedAt: 0, troubleAt: 0, probe: null });
}

/** Something failed in a way that may mean the database is gone: the next check probes. */
export function reportDatabaseTrouble(): void {
  state().troubleAt = Date.now();
}

async function probe(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

/** True when the database answers (always for the embedded one); see the module note for timing. */
export async function databaseAvailable({ fresh = false }: { fresh?: boolean } = {}): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return true;
  const s = state();
  const age = Date.now() - s.checkedAt;
  if (!fresh && s.troubleAt <= s.checkedAt && age < (s.up ? UP_TTL_MS : DOWN_TTL_MS)) return s.up;
  s.probe ??= probe(url).then((up) => {
    s.up = up;
    s.checkedAt = Date.now();
    s.probe = null;
    if (!up) console.error(JSON.stringify({ event: "database_unavailable", at: new Date().toISOString() }));
    return up;
  });
  return s.probe;
}

/** The JSON body of a 503 for API, auth and server-action clients (better-auth's client reads `message`). */
export function unavailableBody(): { code: "DATABASE_UNAVAILABLE"; message: string; error: string } {
  return { code: "DATABASE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, error: DATABASE_UNAVAILABLE_MESSAGE };
}

function wantsJson(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? "");
  return (req.url ?? "/").startsWith("/api/") || Boolean(req.headers["next-action"]) || (/json/i.test(accept) && !/text\/html/i.test(accept));
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Database unavailable · Claimscope</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>Database unavailable</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p></body></html>`;

/** Answers 503 with a Retry-After: JSON for API, auth and action calls, a short HTML page otherwise. */
export function sendUnavailable(req: IncomingMessage, res: ServerResponse): void {
  const json = wantsJson(req);
  const body = json ? JSON.stringify(unavailableBody()) : PAGE;
  res.writeHead(503, {
    "content-type": json ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": "30",
    "content-length": Buffer.byteLength(body),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Wraps server.ts's handler for requests the public cache could not answer: while
 * PostgreSQL is unreachable they get a 503 at once (a cached public page is still
 * served from the cache before this runs).
 */
export function withDatabaseGate<H extends (req: IncomingMessage, res: ServerResponse) => unknown>(handle: H) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!(await databaseAvailable())) return sendUnavailable(req, res);
    await handle(req, res);
  };
}
