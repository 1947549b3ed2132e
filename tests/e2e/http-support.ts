import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { listActions, type ActionRef } from "../support/server-actions";

export { listActions, type ActionRef } from "../support/server-actions";

/**
 * Calling the app over plain HTTP exactly as the browser does: server actions
 * (found in the build's own manifest), sign-in for a session cookie, and a
 * fingerprint of the database when the test can see it (PostgreSQL only: on
 * PGlite the server process owns the database).
 */
export const origin = () => test.info().project.use.baseURL!;

export interface ActionResponse {
  status: number;
  body: string;
  /** The action's return value (the RSC line `1:{…}`), when the action returned one. */
  result: { ok: boolean; data?: unknown; error?: string; code?: string; fieldErrors?: Record<string, string[]> } | null;
}

/** POSTs `body` (a JS value, sent as the one argument; or raw bytes) to the action as Next's client does. */
export async function callAction(request: APIRequestContext, action: ActionRef, cookie: string, body: { arg: unknown } | { raw: string | Buffer }): Promise<ActionResponse> {
  const response = await request.post(action.page, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: origin(),
      Cookie: cookie,
    },
    data: "raw" in body ? body.raw : JSON.stringify([body.arg]),
    maxRedirects: 0,
    timeout: 60_000,
  });
  const text = await response.text();
  const line = /^1:(\{.*\})$/m.exec(text);
  let result: ActionResponse["result"] = null;
  if (line) {
    try {
      result = JSON.parse(line[1]);
    } catch {
      result = null;
    }
  }
  return { status: response.status(), body: text, result };
}

/** The build's server action with this function name ("editSpeakerAction"); throws when there is none. */
export function actionNamed(name: string): ActionRef {
  const found = listActions().find((a) => a.name.endsWith(`#${name}`));
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}

/**
 * Calls server actions by name as the holder of `cookie`, as the forms send them,
 * and expects each to succeed: returns the action's data.
 */
export function actionCaller(request: APIRequestContext, cookie: string) {
  return async (name: string, arg: unknown): Promise<Record<string, unknown>> => {
    const { result, status, body } = await callAction(request, actionNamed(name), cookie, { arg });
    expect(result, `${name}: ${status} ${body.slice(0, 200)}`).not.toBeNull();
    expect(result!.ok, `${name}: ${result!.error}`).toBe(true);
    return result!.data as Record<string, unknown>;
  };
}

export async function signInCookie(request: APIRequestContext, email: string, password: string): Promise<{ cookie: string; userId: string }> {
  const response = await request.post("/api/auth/sign-in/email", { headers: { Origin: origin() }, data: { email, password } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const setCookie = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split(";")[0]);
  return { cookie: setCookie.join("; "), userId: (await response.json()).user.id };
}

/** Row count and content hash of every table (sessions and rate-limit counters aside), or null without DATABASE_URL. */
export async function fingerprint(client?: pg.Client): Promise<string | null> {
  if (!process.env.DATABASE_URL) return null;
  const own = !client;
  const db = client ?? new pg.Client({ connectionString: process.env.DATABASE_URL });
  if (own) await db.connect();
  try {
    const { rows: tables } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('rateLimit', 'session', '_prisma_migrations') ORDER BY 1`,
    );
    const sql = tables
      .map(({ table_name }) => `SELECT '${table_name}' AS t, count(*)::text AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table_name}" x`)
      .join(" UNION ALL ");
    const { rows } = await db.query<{ t: string; n: string; h: string }>(`${sql} ORDER BY 1`);
    return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join("\n");
  } finally {
    if (own) await db.end();
  }
}
