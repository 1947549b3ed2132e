import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { feedItemQueue } from "@/lib/feed-polling";
import { addFeed } from "@/lib/feeds";
import { getJobs, stableJobId } from "@/lib/job-queue";
import { stopJobQueue } from "@/lib/job-queue-connection";
import { createOutlet } from "../support/factories";
import { fillerParagraph as filler, rssFeed, startFeedServer, type FeedServer } from "../support/feed-server";
import { waitFor } from "../support/wait-for";
import { startWorkerProcess, type WorkerProcess } from "../support/worker-process";
import { useSeededDatabase } from "../support/seeded-database";

/**
 * Watched feeds with the job queue's workers as their own processes
 * (`npm run worker`) on one PostgreSQL: two workers share the queues and each
 * item is processed once; a worker killed with kill -9 in the middle of a job
 * loses nothing, and the job completes once a worker runs again. PostgreSQL
 * only: the embedded database admits one process (the app's own worker).
 */
const onPostgres = process.env.TEST_DB === "postgres";

const REPEAT = "Pakistan is still a haven for terror groups focused on the region";
const CLAIM_SLUG = "pakistan-safe-haven-for-regional-terrorist-groups";
const OUTLETS = 4;
const ITEMS = 5;

let server: FeedServer;
let editorId: string;
const workers: WorkerProcess[] = [];

const workerEnv = () => ({ DATABASE_URL: process.env.DATABASE_URL, CLAIMSCOPE_FETCH_ALLOW: "127.0.0.1" });

function page(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article><footer>© The paper</footer></body></html>`;
}



beforeAll(async () => {
  if (!onPostgres) return;
  await useSeededDatabase();
  editorId = (await prisma.user.findFirstOrThrow({ where: { role: "editor" }, select: { id: true } })).id;
  server = await startFeedServer();
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.killHard()));
  await stopJobQueue();
  await server?.close();
});

describe.runIf(onPostgres)("worker processes on one PostgreSQL", () => {
  it("two workers poll four feeds of five items: each item is fetched, imported and matched once", { timeout: 300_000 }, async () => {
    // One job at a time each, so two requests in flight at once means both processes were working.
    workers.push(startWorkerProcess(workerEnv(), 1), startWorkerProcess(workerEnv(), 1));
    await Promise.all(workers.map((w) => w.started()));

    const feedIds: string[] = [];
    for (let o = 1; o <= OUTLETS; o++) {
      const outlet = await createOutlet({ name: `Shared Queue Post ${o}` });
      const items = Array.from({ length: ITEMS }, (_, i) => ({
        guid: `sq-${o}-${i}`,
        title: i === 0 ? "Pakistan remains a haven, US says" : `Town ${o} votes on plan ${i}`,
        link: server.url(`/sq/${o}/${i}`),
        date: new Date(Date.now() + 3_600_000).toISOString(),
        // A summary only: each item's page is fetched, so the server counts each item's processing.
        paragraphs: [`Summary of story ${i}.`],
      }));
      server.set(`/sq-${o}.xml`, { body: rssFeed(outlet.name, items) });
      for (const [i, item] of items.entries()) {
        // Item 0 of every outlet is one wire story repeating a published claim in new words.
        const paragraphs =
          i === 0
            ? [`The U.S. State Department said on Tuesday that “${REPEAT},” in its latest report to Congress on terrorism.`, filler("report"), "Officials in Islamabad did not answer requests for comment."]
            : [`The mayor of town ${o} said plan ${i} “will cost ${o * 10 + i} million and take ${i + 1} years to finish,” before the council voted.`, filler(`plan ${i}`)];
        server.set(`/sq/${o}/${i}`, { type: "text/html; charset=utf-8", body: page(item.title, paragraphs), delayMs: 400 });
      }
      feedIds.push(await addFeed({ url: server.url(`/sq-${o}.xml`), outletId: outlet.id, intervalMinutes: 60, actorId: editorId }));
    }

    const items = await waitFor(
      () => prisma.feedItem.findMany({ where: { feedId: { in: feedIds } }, select: { id: true, guid: true, status: true, articleId: true, error: true } }),
      (rows) => rows.length === OUTLETS * ITEMS && rows.every((r) => r.status !== "pending"),
    );
    expect(items).toHaveLength(OUTLETS * ITEMS);
    expect(items.filter((i) => i.status !== "imported" || !i.articleId)).toEqual([]);

    // Each feed polled once, each item's page fetched once: no job ran twice.
    const count = (p: string) => server.requests.filter((r) => r.path === p).length;
    for (let o = 1; o <= OUTLETS; o++) {
      expect(count(`/sq-${o}.xml`)).toBe(1);
      for (let i = 0; i < ITEMS; i++) expect(count(`/sq/${o}/${i}`), `/sq/${o}/${i}`).toBe(1);
    }
    expect(server.inFlight().max).toBeGreaterThanOrEqual(2);

    // Each article imported once (one import audit event each).
    const articleIds = [...new Set(items.map((i) => i.articleId!))];
    expect(await prisma.auditEvent.count({ where: { action: "import", entityId: { in: articleIds } } })).toBe(articleIds.length);
    // Each item's job completed on its first run.
    const jobs = await getJobs(feedItemQueue, items.map((i) => stableJobId("feed-item", i.id)));
    expect(jobs.map((j) => j.state)).toEqual(items.map(() => "completed"));

    // The wire story: one alert listing the four outlets, one hit each.
    const alerts = await waitFor(
      () => prisma.alert.findMany({ where: { status: "open", claim: { slug: CLAIM_SLUG } }, select: { hits: { select: { outlet: { select: { name: true } } } } } }),
      (a) => a[0]?.hits.length === OUTLETS,
      30_000,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].hits.map((h) => h.outlet.name).sort()).toEqual(Array.from({ length: OUTLETS }, (_, o) => `Shared Queue Post ${o + 1}`));
    expect(await prisma.alert.count()).toBe(1);

    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  it("kill -9 of a worker in the middle of a job: after a restart the job completes, and nothing is stored twice", { timeout: 300_000 }, async () => {
    const first = startWorkerProcess(workerEnv(), 1);
    workers.push(first);
    await first.started();

    const outlet = await createOutlet({ name: "Killed Midway Courier" });
    server.set("/km.xml", {
      body: rssFeed(outlet.name, [
        { guid: "km-1", title: "Pakistan still shelters militants", link: server.url("/km/1"), date: new Date(Date.now() + 3_600_000).toISOString(), paragraphs: ["Summary."] },
      ]),
    });
    const article = { type: "text/html; charset=utf-8", body: page("Pakistan still shelters militants", [`The U.S. State Department said that “${REPEAT},” in a report to Congress.`, filler("report"), "Islamabad rejected the report."]) };
    // The page answers after 8 s: the worker is killed while its job waits for it.
    server.set("/km/1", { ...article, delayMs: 8_000 });
    const feedId = await addFeed({ url: server.url("/km.xml"), outletId: outlet.id, intervalMinutes: 60, actorId: editorId });
    const deadline = Date.now() + 120_000;
    while (server.inFlight().now === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(server.inFlight().now, "the worker is fetching the slow page").toBe(1);
    const item = await prisma.feedItem.findFirstOrThrow({ where: { feedId }, select: { id: true } });
    const jobId = stableJobId("feed-item", item.id);
    expect((await getJobs(feedItemQueue, [jobId]))[0].state).toBe("active");

    await first.killHard();
    workers.splice(workers.indexOf(first), 1);
    expect(await prisma.feedItem.findUniqueOrThrow({ where: { id: item.id }, select: { status: true, articleId: true } })).toEqual({ status: "pending", articleId: null });

    // Restarted: the new worker finds the dead one's job and runs it again.
    server.set("/km/1", article);
    const second = startWorkerProcess(workerEnv(), 1);
    workers.push(second);
    await second.started();
    const done = await waitFor(() => prisma.feedItem.findUniqueOrThrow({ where: { id: item.id }, select: { status: true, articleId: true } }), (i) => i.status !== "pending", 120_000);
    expect(done).toMatchObject({ status: "imported", articleId: expect.any(String) });
    const [job] = await waitFor(() => getJobs(feedItemQueue, [jobId]), (j) => j[0]?.state === "completed", 30_000);
    expect(job.state).toBe("completed");

    // Fetched twice (the killed try and the one that completed), stored once.
    expect(server.requests.filter((r) => r.path === "/km/1")).toHaveLength(2);
    expect(await prisma.article.count({ where: { outletId: outlet.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "import", entityId: done.articleId! } })).toBe(1);
    expect(await prisma.alertHit.count({ where: { outletId: outlet.id } })).toBe(1);
    expect(await prisma.jobLease.count()).toBe(0);
    expect(await second.stop()).toBe(0);
    workers.splice(workers.indexOf(second), 1);
  });
});
