import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { buildCorpus, type ActionCase, type CorpusContext, type GetCase } from "../support/bad-input";
import { callAction, fingerprint, listActions, signInCookie, type ActionRef, type ActionResponse } from "./http-support";
import { ADMIN, EDITOR } from "./support";

/**
 * The bad-input corpus (tests/support/bad-input.ts) over real HTTP against the
 * production server: every server action called as the browser calls it, every
 * reader page and read-API parameter. No case may get a 5xx or an unclear
 * answer; a refused case must leave the database as it was (checked when the
 * test can see the database, i.e. on PostgreSQL).
 */
test.setTimeout(300_000);

type Outcome = "refused" | "accepted";

interface Tally {
  tried: number;
  refused: number;
  accepted: number;
  serverErrors: number;
}

const PROBE_TEXT =
  "Harbour works: the pier reopens\n\n" +
  "The harbour master said the new pier “will open to ferries next spring” after the storm repairs.\n\n" +
  "Fishermen said they were “tired of waiting” for the council.";

function actionOutcome(c: ActionCase, r: ActionResponse): { outcome: Outcome; problem?: string } {
  if (r.status >= 500) return { outcome: "refused", problem: `${r.status} server error` };
  if (r.status >= 400) {
    return r.body.trim().length > 0 ? { outcome: "refused" } : { outcome: "refused", problem: `${r.status} with no message` };
  }
  if (!r.result) return { outcome: "refused", problem: `${r.status} with no action result: ${r.body.slice(-200)}` };
  if (r.result.ok) return c.expect === "refuse" ? { outcome: "accepted", problem: "bad input was accepted" } : { outcome: "accepted" };
  const messages = [r.result.error ?? "", ...Object.values(r.result.fieldErrors ?? {}).flat()].filter((m) => m.trim());
  // "error" is the catch-all for an unexpected failure: a bad value must get its own message.
  if (r.result.code === "error" || r.result.code === "unauthenticated" || messages.length === 0) {
    return { outcome: "refused", problem: `unclear refusal: ${JSON.stringify(r.result).slice(0, 300)}` };
  }
  return { outcome: "refused" };
}

async function getOutcome(request: APIRequestContext, c: GetCase, cookie?: string): Promise<{ outcome: Outcome; problem?: string }> {
  const response = await request.get(c.url, { maxRedirects: 0, headers: cookie ? { Cookie: cookie } : {} });
  const status = response.status();
  const body = await response.text();
  if (status >= 500) return { outcome: "refused", problem: `${status} server error` };
  if (c.markup && body.includes(c.markup)) return { outcome: "accepted", problem: "the markup came back unescaped" };
  let outcome: Outcome;
  if (c.api) {
    if (status >= 400) {
      const message = (() => {
        try {
          return (JSON.parse(body) as { error?: string }).error;
        } catch {
          return undefined;
        }
      })();
      if (!message) return { outcome: "refused", problem: `${status} without a JSON error message` };
      outcome = "refused";
    } else outcome = "accepted";
  } else {
    outcome = status >= 400 || /role="alert"/.test(body) ? "refused" : "accepted";
  }
  if (outcome === "accepted" && c.expect === "refuse") return { outcome, problem: `bad parameter was accepted silently (${status})` };
  return { outcome };
}

test("the bad-input corpus: every case gets a 4xx or a clear inline error, never a 5xx, and refusals change nothing", async ({ request }) => {
  const corpus = buildCorpus();
  expect(corpus.length).toBeGreaterThanOrEqual(300);
  const actions = new Map<string, ActionRef>(listActions().map((a) => [a.exportedName, a]));
  const editor = await signInCookie(request, EDITOR.email, EDITOR.password);
  const admin = await signInCookie(request, ADMIN.email, ADMIN.password);
  const act = async (name: string, arg: unknown, cookie = editor.cookie) => {
    const ref = actions.get(name);
    expect(ref, `action ${name} is in the build`).toBeTruthy();
    return callAction(request, ref!, cookie, { arg });
  };
  const data = <T>(r: ActionResponse): T => {
    expect(r.result?.ok, `setup: ${r.body.slice(-300)}`).toBe(true);
    return r.result!.data as T;
  };

  // Setup: an article to annotate, a draft claim and a tag to edit, all made through the actions.
  const run = `${Date.now().toString(36)}`;
  const imported = data<{ articleId: string; slug: string }>(
    await act("importArticleAction", { outletId: null, newOutletName: "Hardening Probe Outlet", title: null, byline: null, publishedAt: null, url: null, format: "text", content: PROBE_TEXT, stripBoilerplate: false }),
  );
  const quotes = (await (await request.get(`/api/quotes?article=${imported.slug}&perPage=1`)).json()) as { data: { id: string; start: number; end: number; exact: string }[] };
  const exact = "will open to ferries next spring";
  const quote = quotes.data[0];
  const claim = data<{ id: string }>(await act("createClaimAction", { canonical: `Hardening probe claim ${run}`, speakerId: null }));
  const tag = data<{ id: string }>(await act("createTagAction", { name: `Probe base tag ${run}`, colour: "#1d4ed8", kind: "topic" }));
  const ctx: CorpusContext = {
    articleId: imported.articleId,
    span: quote ? { start: quote.start, end: quote.end, exact: quote.exact } : { start: PROBE_TEXT.indexOf(exact), end: PROBE_TEXT.indexOf(exact) + exact.length, exact },
    claim: { id: claim.id, version: 1 },
    tag: { id: tag.id, version: 1 },
    quoteId: quote?.id ?? "no-quote",
    verdictLabelId: "no-such-label",
    run,
  };

  const db = process.env.DATABASE_URL ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null;
  await db?.connect();
  const tally: Tally = { tried: 0, refused: 0, accepted: 0, serverErrors: 0 };
  const problems: string[] = [];
  const byKind = { action: { tried: 0, refused: 0, accepted: 0 }, get: { tried: 0, refused: 0, accepted: 0 } };
  // The database as it stands before the next case: a refusal must leave it exactly so.
  let current = await fingerprint(db ?? undefined);
  try {
    for (const c of corpus) {
      tally.tried++;
      byKind[c.kind].tried++;
      let result: { outcome: Outcome; problem?: string };
      if (c.kind === "action") {
        const response = await callAction(request, actions.get(c.action)!, c.admin ? admin.cookie : editor.cookie, c.body(ctx));
        if (response.status >= 500) tally.serverErrors++;
        result = actionOutcome(c, response);
        if (result.outcome === "refused" && current !== null) {
          const after = await fingerprint(db ?? undefined);
          if (after !== current) result.problem ??= "refused, but the database changed";
          current = after;
        }
        if (result.outcome === "accepted" && response.result?.ok) {
          // Keep versions current, and take back what the case added where an action can.
          const saved = response.result.data as { id?: string; version?: number };
          if (c.action === "editClaimAction" && saved.version) ctx.claim.version = saved.version;
          if (c.action === "editTagAction" && saved.version) ctx.tag.version = saved.version;
          if (c.action === "createTagAction" && saved.id) expect((await act("deleteTagAction", { id: saved.id, version: 1 })).result?.ok).toBe(true);
          if (c.action === "createAnnotationAction" && saved.id) expect((await act("deleteAnnotationAction", { id: saved.id, version: 1 })).result?.ok).toBe(true);
        }
        if (result.outcome === "accepted") current = await fingerprint(db ?? undefined);
      } else {
        result = await getOutcome(request, c);
        if (result.problem?.includes("server error")) tally.serverErrors++;
      }
      tally[result.outcome]++;
      byKind[c.kind][result.outcome]++;
      if (result.problem) problems.push(`${c.id} [${c.field} = ${c.value}]: ${result.problem}`);
    }
  } finally {
    await db?.end();
  }

  console.log(
    `bad-input corpus (${process.env.DATABASE_URL ? "postgres" : "pglite"}): ${tally.tried} cases tried, ${tally.refused} refused, ${tally.accepted} accepted, ${tally.serverErrors} 5xx` +
      ` (actions: ${byKind.action.tried} tried, ${byKind.action.refused} refused, ${byKind.action.accepted} accepted;` +
      ` pages and API: ${byKind.get.tried} tried, ${byKind.get.refused} refused, ${byKind.get.accepted} accepted)` +
      `${process.env.DATABASE_URL ? "; database unchanged after every refusal" : ""}`,
  );
  expect(problems).toEqual([]);
  expect(tally.serverErrors).toBe(0);
});
