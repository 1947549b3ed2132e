import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOpenAlerts, resolveAlert } from "@/lib/alerts";
import { prisma } from "@/lib/db";
import { ActionError, ConflictError, NotFoundError } from "@/lib/errors";
import { backoffMinutes, pollFeed, requestFeedCheck } from "@/lib/feed-polling";
import { addFeed, editFeed, getFeed, listFeeds, setFeedActive } from "@/lib/feeds";
import { workerQueues } from "@/lib/job-handlers";
import { stopJobQueue } from "@/lib/job-queue-connection";
import { startWorker, type Worker } from "@/lib/job-worker";
import { createOutlet } from "../support/factories";
import { rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";
import { useSeededDatabase } from "../support/seeded-database";

/**
 * Watched feeds end to end on a real database, with a local feed server and
 * the app's own worker: poll → items → imports (quotes as suggestions) →
 * alerts for repeats of published claims.
 */
process.env.CLAIMSCOPE_FETCH_ALLOW = "127.0.0.1";
// Long enough for a request made while the same process analyses an article
// (the analysis runs on the event loop here), short enough for the slow feed.
process.env.FEED_TIMEOUT_MS = "6000";

const CLAIM_SLUG = "pakistan-safe-haven-for-regional-terrorist-groups";
// The seeded, published claim's wording, and a repeat in new words.
const CLAIM_WORDS = "Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups";
const REPEAT = "Pakistan is still a haven for terror groups focused on the region";

let server: FeedServer;
let worker: Worker;
let editorId: string;

const filler = (topic: string) =>
  `Analysts said the ${topic} would be discussed again at the next session, and several lawmakers asked for more detail on how the figures were gathered, which officials promised to publish within weeks.`;

beforeAll(async () => {
  await useSeededDatabase();
  editorId = (await prisma.user.findFirstOrThrow({ where: { role: "editor" }, select: { id: true } })).id;
  server = await startFeedServer();
  worker = await startWorker({ concurrency: 2, idleMs: 100, queues: workerQueues });
});

afterAll(async () => {
  await worker?.stop();
  await stopJobQueue();
  await server?.close();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 90_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const feedState = (id: string) => prisma.feed.findUniqueOrThrow({ where: { id } });

describe(`watched feeds (${process.env.TEST_DB})`, () => {
  let feedId: string;

  it("polls a feed of three items: one repeat of a published claim in new words is one alert, the other two are suggestions", { timeout: 180_000 }, async () => {
    const claimWords = new Set(CLAIM_WORDS.toLowerCase().split(/\W+/));
    const shared = new Set(REPEAT.toLowerCase().split(/\W+/).filter((w) => claimWords.has(w)));
    expect(shared.size / claimWords.size).toBeLessThan(0.5);

    const outlet = await createOutlet({ name: "Harbour Daily" });
    server.set("/harbour.xml", {
      etag: '"v1"',
      body: rssFeed("Harbour Daily", [
        {
          guid: "hd-1",
          title: "Report says Pakistan still shelters militants",
          link: server.url("/a/1"),
          // An hour ahead: other test files on the same database may re-rate this seed claim while
          // this one runs (its review is then dated now), and RSS dates drop the milliseconds.
          date: new Date(Date.now() + 3_600_000).toISOString(),
          paragraphs: [
            `The U.S. State Department said on Tuesday that “${REPEAT},” in its latest report to Congress on terrorism.`,
            filler("report"),
            "Officials in Islamabad did not answer requests for comment on Tuesday evening.",
          ],
        },
        {
          guid: "hd-2",
          title: "Port workers vote to end strike",
          link: server.url("/a/2"),
          date: "2026-11-21T08:00:00Z",
          paragraphs: [`The union's chair told reporters that “the members have accepted a fair offer and will return on Monday,” ending a three-week stoppage.`, filler("deal")],
        },
        {
          guid: "hd-3",
          title: "Council delays vote on bus lanes",
          link: server.url("/a/3"),
          date: "2026-11-22T08:00:00Z",
          paragraphs: [`The mayor said the plan “needs another month of consultation with shop owners,” and the vote was moved to January.`, filler("plan")],
        },
      ]),
    });
    // Items 2 and 3 carry only a summary: their pages are fetched.
    for (const [path, title, p] of [
      ["/a/2", "Port workers vote to end strike", "The union's chair told reporters that “the members have accepted a fair offer and will return on Monday,” ending a three-week stoppage."],
      ["/a/3", "Council delays vote on bus lanes", "The mayor said the plan “needs another month of consultation with shop owners,” and the vote was moved to January."],
    ]) {
      server.set(path, {
        type: "text/html; charset=utf-8",
        body: `<!doctype html><html><head><title>${title} | Harbour Daily</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1><p>${p}</p><p>${filler("matter")}</p></article><footer>© Harbour Daily</footer></body></html>`,
      });
    }
    feedId = await addFeed({ url: server.url("/harbour.xml"), outletId: outlet.id, intervalMinutes: 30, actorId: editorId });

    const items = await waitFor(
      () => prisma.feedItem.findMany({ where: { feedId }, select: { guid: true, status: true, articleId: true, error: true } }),
      (rows) => rows.length === 3 && rows.every((r) => r.status !== "pending"),
    );
    expect(items.map((i) => [i.guid, i.status, i.error])).toEqual(
      expect.arrayContaining([
        ["hd-1", "imported", null],
        ["hd-2", "imported", null],
        ["hd-3", "imported", null],
      ]),
    );
    const feed = await feedState(feedId);
    expect(feed).toMatchObject({ format: "rss", title: "Harbour Daily", itemsFound: 3, lastNewItems: 3, failures: 0, lastError: null, etag: '"v1"' });
    expect(feed.nextPollAt.getTime() - feed.lastPolledAt!.getTime()).toBe(30 * 60_000);

    const alerts = await waitFor(() => listOpenAlerts(), (a) => a.length > 0, 30_000);
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert.claim.slug).toBe(CLAIM_SLUG);
    expect(alert.outlets).toEqual(["Harbour Daily"]);
    expect(alert.afterPublication).toBe(true);
    expect(alert.hits).toHaveLength(1);
    expect(alert.hits[0]).toMatchObject({ outlet: "Harbour Daily", reason: expect.stringMatching(/reworded/) });
    expect(alert.hits[0].wording).toContain(REPEAT);
    expect(alert.hits[0].score).toBeGreaterThan(0.55);
    expect(alert.hits[0].diff.some((p) => p.op !== "equal")).toBe(true);
    // The editor is told what the new wording was measured against: a quote on file names its outlet.
    expect(alert.hits[0].comparedWith).toMatch(/^Closest wording on file, as .+ quoted it$|^The claim, as the editor summarised it$/);

    // The other two items are articles whose quotes wait in the review queue as suggestions.
    const others = items.filter((i) => i.guid !== "hd-1").map((i) => i.articleId!);
    const quotes = await prisma.quote.findMany({ where: { articleId: { in: others } }, select: { reviewStatus: true, claim: { select: { status: true } } } });
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    expect(quotes.every((q) => q.reviewStatus === "suggested" && q.claim?.status !== "published")).toBe(true);
  });

  it("polls again with nothing new: a conditional request, no duplicate item, no new alert", { timeout: 120_000 }, async () => {
    const polledBefore = (await feedState(feedId)).lastPolledAt!;
    await requestFeedCheck(feedId);
    const feed = await waitFor(() => feedState(feedId), (f) => f.lastPolledAt! > polledBefore, 30_000);
    const last = server.requests.filter((r) => r.path === "/harbour.xml").at(-1)!;
    expect(last).toEqual({ path: "/harbour.xml", ifNoneMatch: '"v1"', status: 304 });
    expect(feed).toMatchObject({ itemsFound: 3, lastNewItems: 0, failures: 0 });
    expect(await prisma.feedItem.count({ where: { feedId } })).toBe(3);
    const alerts = await listOpenAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0].hits).toHaveLength(1);
  });

  it("one wire story reprinted by five outlets is one alert listing the five outlets", { timeout: 180_000 }, async () => {
    const wire = [
      `“${REPEAT},” the State Department said in its annual report, according to a copy seen by the agency.`,
      filler("wire report"),
      "The ministry in Islamabad rejected the finding in a short statement.",
    ];
    const feedIds: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const outlet = await createOutlet({ name: `Reprint Outlet ${n}` });
      server.set(`/reprint-${n}.xml`, {
        body: rssFeed(outlet.name, [{ guid: `wire-${n}`, title: "Pakistan remains a haven, US says", link: server.url(`/w/${n}`), date: "2026-11-25T08:00:00Z", paragraphs: wire }]),
      });
      feedIds.push(await addFeed({ url: server.url(`/reprint-${n}.xml`), outletId: outlet.id, intervalMinutes: 60, actorId: editorId }));
    }
    await waitFor(
      () => prisma.feedItem.count({ where: { feedId: { in: feedIds }, status: { not: "pending" } } }),
      (n) => n === 5,
    );
    const alerts = await waitFor(() => listOpenAlerts(), (a) => a[0]?.outlets.length === 6, 30_000);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].outlets).toEqual(["Harbour Daily", "Reprint Outlet 1", "Reprint Outlet 2", "Reprint Outlet 3", "Reprint Outlet 4", "Reprint Outlet 5"]);
    // The same text is one article: the reprints point at it.
    const articles = await prisma.feedItem.findMany({ where: { feedId: { in: feedIds } }, select: { articleId: true } });
    expect(new Set(articles.map((a) => a.articleId)).size).toBe(1);
  });

  it("confirming an alert makes its quotes confirmed quotes of the claim and closes it", { timeout: 60_000 }, async () => {
    const [alert] = await listOpenAlerts();
    await resolveAlert(editorId, { id: alert.id, version: alert.version, decision: "confirm" });
    const claim = await prisma.claim.findUniqueOrThrow({ where: { slug: CLAIM_SLUG }, select: { id: true } });
    const confirmed = await prisma.quote.findMany({ where: { id: { in: alert.hits.map((h) => h.quoteId) } }, select: { claimId: true, reviewStatus: true } });
    expect(confirmed.every((q) => q.claimId === claim.id && q.reviewStatus === "confirmed")).toBe(true);
    expect(await listOpenAlerts()).toEqual([]);
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: alert.id }, select: { status: true, resolvedById: true } })).toEqual({ status: "confirmed", resolvedById: editorId });
  });

  it("a broken, a slow and a too-large feed each get an error and a backoff, and the worker keeps polling the others", { timeout: 180_000 }, async () => {
    const outlet = await createOutlet({ name: "Trouble Times" });
    server.set("/broken.xml", { body: "<html><body>We moved our feed</body></html>", type: "text/xml" });
    server.set("/slow.xml", { body: rssFeed("Slow", []), delayMs: 20_000 });
    server.set("/huge.xml", { body: Buffer.alloc(6 * 1024 * 1024, 0x20) });
    server.set("/fine.xml", { body: rssFeed("Fine", [{ guid: "f-1", title: "Fine", link: server.url("/f/1"), date: "2026-11-26T08:00:00Z", paragraphs: [`The minister said “the budget is balanced,” adding nothing else.`, filler("budget"), filler("vote"), filler("spending")] }]) });
    const ids: Record<string, string> = {};
    for (const name of ["broken", "slow", "huge", "fine"]) {
      ids[name] = await addFeed({ url: server.url(`/${name}.xml`), outletId: outlet.id, intervalMinutes: 20, actorId: editorId });
    }
    const states = await waitFor(
      () => Promise.all(["broken", "slow", "huge"].map((n) => feedState(ids[n]))),
      (fs) => fs.every((f) => f.failures === 1),
    );
    for (const f of states) {
      expect(f.lastError).toBeTruthy();
      expect(f.nextPollAt.getTime() - f.lastPolledAt!.getTime()).toBe(backoffMinutes(20, 1) * 60_000);
    }
    expect(states.map((s) => s.lastError)).toEqual([expect.stringMatching(/feed/i), expect.stringMatching(/time|slow|long/i), expect.stringMatching(/large|big|MB|bytes/i)]);
    const fine = await waitFor(() => prisma.feedItem.findMany({ where: { feedId: ids.fine }, select: { status: true } }), (r) => r[0]?.status === "imported");
    expect(fine).toEqual([{ status: "imported" }]);
    expect(await feedState(ids.fine)).toMatchObject({ failures: 0, lastError: null, itemsFound: 1 });
  });

  it("an editor edits, pauses and resumes a feed; bad input and a stale form change nothing", { timeout: 120_000 }, async () => {
    const outlet = await createOutlet({ name: "Editors' Gazette" });
    server.set("/gazette.xml", { etag: '"g1"', body: rssFeed("Gazette", []) });
    const id = await addFeed({ url: server.url("/gazette.xml"), outletId: outlet.id, intervalMinutes: 30, actorId: editorId });
    await waitFor(() => feedState(id), (f) => f.lastPolledAt !== null, 30_000);
    const feedsBefore = await prisma.feed.count();

    // The same address twice, or an outlet that is gone: refused, named on the field, nothing stored.
    await expect(addFeed({ url: server.url("/gazette.xml"), outletId: outlet.id, intervalMinutes: 30, actorId: editorId })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { url: ["That feed is already watched."] },
    });
    await expect(addFeed({ url: server.url("/other.xml"), outletId: "no-such-outlet", intervalMinutes: 30, actorId: editorId })).rejects.toBeInstanceOf(ActionError);
    // A watched address with the outlet left to its domain: refused before any outlet is made.
    const outletsBefore = await prisma.outlet.count();
    await expect(addFeed({ url: server.url("/gazette.xml"), outletId: "", intervalMinutes: 30, actorId: editorId })).rejects.toMatchObject({ code: "invalid" });
    expect(await prisma.outlet.count()).toBe(outletsBefore);
    expect(await prisma.feed.count()).toBe(feedsBefore);
    await expect(requestFeedCheck("no-such-feed")).rejects.toBeInstanceOf(NotFoundError);

    // An edit from the version the editor loaded: saved, audited, version bumped.
    const loaded = (await getFeed(id))!;
    expect(loaded).toMatchObject({ version: 1, intervalMinutes: 30, active: true, outlet: { name: "Editors' Gazette" }, etag: '"g1"' });
    const { version } = await editFeed(editorId, { id, version: loaded.version, url: loaded.url, outletId: outlet.id, intervalMinutes: 90, active: true });
    expect(version).toBe(2);
    expect(await feedState(id)).toMatchObject({ intervalMinutes: 90, version: 2, etag: '"g1"' });
    // A second editor's form, loaded at version 1: refused, the first edit stands.
    await expect(editFeed(editorId, { id, version: 1, url: loaded.url, outletId: outlet.id, intervalMinutes: 10, active: true })).rejects.toBeInstanceOf(ConflictError);
    expect(await feedState(id)).toMatchObject({ intervalMinutes: 90, version: 2 });

    // Paused: not polled, even when asked and overdue.
    await setFeedActive(editorId, { id, version: 2, active: false });
    await prisma.feed.update({ where: { id }, data: { nextPollAt: new Date(Date.now() - 60_000) } });
    const polledAt = (await feedState(id)).lastPolledAt!;
    expect(await pollFeed(id)).toEqual({ status: "ok", newItems: 0 });
    expect((await feedState(id)).lastPolledAt).toEqual(polledAt);
    expect((await listFeeds()).find((f) => f.id === id)).toMatchObject({ active: false });

    // Resumed: polled at once, with the validators of the last good poll.
    await setFeedActive(editorId, { id, version: 3, active: true });
    const resumed = await waitFor(() => feedState(id), (f) => f.lastPolledAt! > polledAt, 30_000);
    expect(resumed).toMatchObject({ active: true, failures: 0, version: 4 });
    expect(server.requests.filter((r) => r.path === "/gazette.xml").at(-1)).toEqual({ path: "/gazette.xml", ifNoneMatch: '"g1"', status: 304 });

    // A new address forgets the old validators.
    server.set("/gazette-2.xml", { body: rssFeed("Gazette", []) });
    await editFeed(editorId, { id, version: 4, url: server.url("/gazette-2.xml"), outletId: outlet.id, intervalMinutes: 90, active: true });
    const moved = await waitFor(() => feedState(id), (f) => server.requests.some((r) => r.path === "/gazette-2.xml") && f.lastPolledAt! > resumed.lastPolledAt!, 30_000);
    expect(moved.etag).toBeNull();
    expect(server.requests.find((r) => r.path === "/gazette-2.xml")).toMatchObject({ ifNoneMatch: null, status: 200 });

    const events = await prisma.auditEvent.findMany({ where: { entityType: "feed", entityId: id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(events.map((e) => e.action)).toEqual(["create", "edit", "pause", "resume", "edit"]);
    expect(events.every((e) => e.actorId === editorId)).toBe(true);
  });

  it("dismissing an alert closes it and changes no quote; a stale decision is refused", { timeout: 60_000 }, async () => {
    const claim = await prisma.claim.findUniqueOrThrow({ where: { slug: CLAIM_SLUG }, select: { id: true } });
    const quote = await prisma.quote.findFirstOrThrow({ where: { reviewStatus: "suggested" }, select: { id: true, claimId: true, version: true, reviewStatus: true } });
    const outlet = await createOutlet({ name: "Dismissed Daily" });
    const alert = await prisma.alert.create({ data: { claimId: claim.id, openClaimId: claim.id, hits: { create: { quoteId: quote.id, outletId: outlet.id, score: 0.6, reason: "reworded" } } }, select: { id: true, version: true } });

    await expect(resolveAlert(editorId, { id: alert.id, version: alert.version + 1, decision: "confirm" })).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: alert.id }, select: { status: true } })).toEqual({ status: "open" });
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { claimId: true, version: true, reviewStatus: true } })).toEqual({ claimId: quote.claimId, version: quote.version, reviewStatus: quote.reviewStatus });

    expect(await resolveAlert(editorId, { id: alert.id, version: alert.version, decision: "dismiss" })).toEqual({});
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: alert.id }, select: { status: true, openClaimId: true, resolvedById: true } })).toEqual({ status: "dismissed", openClaimId: null, resolvedById: editorId });
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { claimId: true, version: true, reviewStatus: true } })).toEqual({ claimId: quote.claimId, version: quote.version, reviewStatus: quote.reviewStatus });
    expect(await listOpenAlerts()).toEqual([]);
    // Decided once: a second click (another tab) is refused.
    await expect(resolveAlert(editorId, { id: alert.id, version: alert.version + 1, decision: "dismiss" })).rejects.toBeInstanceOf(ConflictError);
    await expect(resolveAlert(editorId, { id: "no-such-alert", version: 1, decision: "dismiss" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a feed added without an outlet belongs to its site's outlet: found by the address's domain, or added once", { timeout: 60_000 }, async () => {
    server.set("/site-a.xml", { body: rssFeed("Site", []) });
    server.set("/site-b.xml", { body: rssFeed("Site", []) });
    const host = new URL(server.url("/site-a.xml")).hostname;
    expect(await prisma.outlet.count({ where: { domain: host } })).toBe(0);
    const first = await addFeed({ url: server.url("/site-a.xml"), outletId: "", intervalMinutes: 60, actorId: editorId });
    const added = await prisma.outlet.findFirstOrThrow({ where: { domain: host }, select: { id: true, name: true } });
    expect(added.name).toBe(host);
    const second = await addFeed({ url: server.url("/site-b.xml"), outletId: "", intervalMinutes: 60, actorId: editorId });
    expect(await prisma.outlet.count({ where: { domain: host } })).toBe(1);
    const feeds = await prisma.feed.findMany({ where: { id: { in: [first, second] } }, select: { outletId: true } });
    expect(feeds.map((f) => f.outletId)).toEqual([added.id, added.id]);
    // Like any new feed, each is audited and polled at once.
    await waitFor(() => feedState(second), (f) => f.lastPolledAt !== null, 30_000);
    expect(await prisma.auditEvent.count({ where: { entityType: "feed", entityId: { in: [first, second] }, action: "create" } })).toBe(2);
  });
});
