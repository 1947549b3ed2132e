/**
 * Server actions as a client calls them over HTTP: their ids come from the
 * build's own manifest (after `next build`), and a call is a POST of the
 * argument as JSON with the `Next-Action` header, as Next's client sends it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface ActionRef {
  id: string;
  /** file#exportedName */
  name: string;
  exportedName: string;
  /** A page that uses the action, with dynamic segments replaced by "no-such-id". */
  page: string;
}

function pageOf(worker: string): string {
  return (
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^[\]]+\]/g, "no-such-id") || "/"
  );
}

/** Every server action in the build; the page is the one with the fewest dynamic segments. */
export function listActions(): ActionRef[] {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const workers = Object.keys(entry.workers).sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0));
    return { id, name: `${entry.filename}#${entry.exportedName}`, exportedName: entry.exportedName, page: pageOf(workers[0]) };
  });
}

/** The id of the action exported as `exportedName` in the build. */
export function actionId(exportedName: string): string {
  const action = listActions().find((a) => a.exportedName === exportedName);
  if (!action) throw new Error(`no server action ${exportedName} in the build`);
  return action.id;
}

export interface ActionResponse {
  status: number;
  /** The action's return value (the RSC line `1:{…}`), or null when it returned none. */
  result: { ok: boolean; data?: unknown; error?: string; code?: string } | null;
  body: string;
}

/** Posts one argument to the action exported as `exportedName` on `page`, as Next's client does. */
export async function postAction(baseUrl: string, page: string, exportedName: string, cookie: string, arg: unknown): Promise<ActionResponse> {
  const res = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    headers: { "Next-Action": actionId(exportedName), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseUrl, Cookie: cookie },
    body: JSON.stringify([arg]),
    redirect: "manual",
  });
  const body = await res.text();
  const line = /^1:(\{.*\})$/m.exec(body);
  let result: ActionResponse["result"] = null;
  try {
    result = line ? JSON.parse(line[1]) : null;
  } catch {
    result = null;
  }
  return { status: res.status, result, body };
}

/** Calls the action exported as `exportedName` on the server at `baseUrl` with one argument; returns its result. */
export async function callActionOver(baseUrl: string, exportedName: string, cookie: string, arg: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> {
  const action = listActions().find((a) => a.exportedName === exportedName);
  if (!action) throw new Error(`no server action ${exportedName} in the build`);
  const { status, result, body } = await postAction(baseUrl, action.page, exportedName, cookie, arg);
  if (!result) throw new Error(`${exportedName}: no result (${status}): ${body.slice(0, 300)}`);
  return result;
}
