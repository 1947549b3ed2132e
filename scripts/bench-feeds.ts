/**
 * npm run bench:feeds [-- FEEDS] [--items N] [--workers W] [--analyse K] [--processes]
 *
 * Watched feeds at scale, on a fresh embedded database (or DATABASE_URL), with
 * a local feed server on 127.0.0.1:BENCH_FEED_PORT (default 3093):
 * 1. time to alert: one new feed whose item repeats a published claim of the
 *    seed in other words — from adding the feed to the open alert (poll, import,
 *    analysis, matching), idle queue;
 * 2. polling: FEEDS (default 1,000) feeds of N (default 20) items each, every
 *    one due at once, polled by W (default 4) concurrent poll jobs — fetch,
 *    parse, store the new items, enqueue their imports; prints the wall time
 *    (target of issue 15: under a minute), feeds/s and items/s;
 * 3. analysis: K (default 200) of those items imported and matched (feed-item
 *    jobs, W at once): items/s.
 * The workers are job slots of this one process (the embedded database admits
 * one process), or, with --processes (PostgreSQL only), W `npm run worker`
 * processes of one job at a time each, serving only the phase's queue; the
 * clock starts once they have all started.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Math.max(1, Number(args[at + 1]) || dflt) : dflt;
};
const PROCESSES = args.includes("--processes");
if (PROCESSES && !process.env.DATABASE_URL) {
  console.error("--processes needs DATABASE_URL: the embedded database admits one process");
  process.exit(2);
}
const skip = new Set(["--items", "--workers", "--analyse"].flatMap((n) => (args.indexOf(n) >= 0 ? [args.indexOf(n) + 1] : [])));
const FEEDS = Number(args.find((a, i) => /^\d+$/.test(a) && !skip.has(i)) ?? 1000);
const ITEMS = opt("--items", 20);
const WORKERS = opt("--workers", 4);
const ANALYSE = opt("--analyse", 200);

const dir = await mkdtemp(path.join(tmpdir(), "claimscope-bench-feeds-"));
if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = path.join(dir, "db");
process.env.CLAIMSCOPE_FETCH_ALLOW = "127.0.0.1";

const { migrateDatabase, prisma } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { addFeed } = await import("@/lib/feeds");
const { enqueueDueFeeds, feedItemQueue, pollFeedQueue } = await import("@/lib/feed-polling");
const { listOpenAlerts } = await import("@/lib/alerts");
const { workerQueues } = await import("@/lib/job-handlers");
const { startWorker } = await import("@/lib/job-worker");
const { stopJobQueue } = await import("@/lib/job-queue-connection");
const { rssFeed, startFeedServer } = await import("../tests/support/feed-server");
const { startWorkerProcess } = await import("../tests/support/worker-process");

/** W workers for one phase: job slots here, or worker processes (--processes), each serving only `queue`. */
async function startPhaseWorkers(queue: string): Promise<{ stop(): Promise<void> }> {
  if (!PROCESSES) {
    const w = await startWorker({ concurrency: WORKERS, idleMs: 50, queues: queuesNamed(queue) });
    return { stop: () => w.stop() };
  }
  const procs = Array.from({ length: WORKERS }, () =>
    startWorkerProcess({ DATABASE_URL: process.env.DATABASE_URL, CLAIMSCOPE_FETCH_ALLOW: "127.0.0.1" }, 1, [queue]),
  );
  await Promise.all(procs.map((p) => p.started()));
  return {
    async stop() {
      await Promise.all(procs.map((p) => p.stop()));
    },
  };
}

const server = await startFeedServer(Number(process.env.BENCH_FEED_PORT ?? 3093));
const queuesNamed = (...names: string[]) => workerQueues.filter((q) => names.includes(q.spec.name));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const words = ["harbour", "budget", "ferry", "school", "tram", "water", "bridge", "clinic", "library", "market"];
const paragraph = (f: number, i: number, p: number) =>
  `“The ${words[(f + p) % 10]} plan number ${f}-${i} will cost ${(f * 7 + i * 3 + p) % 90} million and take ${(i + p) % 9 + 1} years,” the mayor of town ${f} said on day ${i}, adding that the council would vote on part ${p} of the ${words[(i + p) % 10]} scheme after a consultation with residents and local businesses.`;

try {
  await migrateDatabase();
  await seedDatabase(prisma);
  const editor = await prisma.user.findFirstOrThrow({ where: { role: "editor" }, select: { id: true } });
  const outlet = await prisma.outlet.create({ data: { name: "Bench Herald", slug: "bench-herald", domain: "bench-herald.example" } });

  // 1. Time to alert, on an idle queue.
  server.set("/alert.xml", {
    body: rssFeed("Alert feed", [
      {
        guid: "alert-1",
        title: "Pakistan still shelters militants, US says",
        link: server.url("/alert/1"),
        date: new Date().toISOString(),
        paragraphs: [
          "The U.S. State Department said on Tuesday that “Pakistan is still a haven for terror groups focused on the region,” in its latest report to Congress on terrorism.",
          "Analysts said the report would be discussed again at the next session, and several lawmakers asked for more detail on how the figures were gathered, which officials promised to publish within weeks.",
          "The report, which covers the previous calendar year, is sent to Congress each spring and is read closely in Islamabad, Kabul and New Delhi.",
          "Officials in Islamabad did not answer requests for comment on Tuesday evening.",
        ],
      },
    ]),
  });
  const worker = await startWorker({ concurrency: WORKERS, idleMs: 50, queues: queuesNamed(pollFeedQueue.name, feedItemQueue.name) });
  const t0 = performance.now();
  await addFeed({ url: server.url("/alert.xml"), outletId: outlet.id, intervalMinutes: 60, actorId: editor.id });
  let alerted = false;
  while (!alerted && performance.now() - t0 < 120_000) {
    alerted = (await listOpenAlerts(1)).length > 0;
    if (!alerted) await sleep(20);
  }
  const toAlert = (performance.now() - t0) / 1000;
  await worker.stop();

  // 2. Polling FEEDS feeds of ITEMS items.
  for (let f = 0; f < FEEDS; f++) {
    const items = Array.from({ length: ITEMS }, (_, i) => ({
      guid: `f${f}-i${i}`,
      title: `Town ${f} council story ${i}`,
      link: server.url(`/f${f}/${i}`),
      date: new Date(Date.UTC(2026, 10, 1 + (i % 28))).toISOString(),
      paragraphs: [paragraph(f, i, 0), paragraph(f, i, 1), paragraph(f, i, 2)],
    }));
    server.set(`/feed-${f}.xml`, { etag: `"f${f}"`, body: rssFeed(`Town ${f}`, items) });
  }
  await prisma.feed.createMany({ data: Array.from({ length: FEEDS }, (_, f) => ({ url: server.url(`/feed-${f}.xml`), outletId: outlet.id, intervalMinutes: 60, nextPollAt: new Date(0) })) });
  const ids = (await prisma.feed.findMany({ where: { url: { startsWith: server.url("/feed-") } }, select: { id: true } })).map((f) => f.id);
  let phase = await startPhaseWorkers(pollFeedQueue.name);
  const t1 = performance.now();
  await enqueueDueFeeds(FEEDS + 10);
  for (;;) {
    const polled = await prisma.feed.count({ where: { id: { in: ids }, lastPolledAt: { not: null } } });
    if (polled === FEEDS || performance.now() - t1 > 600_000) break;
    await sleep(100);
  }
  const pollSeconds = (performance.now() - t1) / 1000;
  await phase.stop();
  const items = await prisma.feedItem.count({ where: { feedId: { in: ids } } });
  const failed = await prisma.feed.count({ where: { id: { in: ids }, failures: { gt: 0 } } });

  // 3. Analysis: ANALYSE feed items imported, analysed and matched.
  const before = await prisma.feedItem.count({ where: { feedId: { in: ids }, status: { not: "pending" } } });
  phase = await startPhaseWorkers(feedItemQueue.name);
  const t2 = performance.now();
  let done = 0;
  for (;;) {
    done = (await prisma.feedItem.count({ where: { feedId: { in: ids }, status: { not: "pending" } } })) - before;
    if (done >= ANALYSE || performance.now() - t2 > 600_000) break;
    await sleep(100);
  }
  const analyseSeconds = (performance.now() - t2) / 1000;
  await phase.stop();

  const db = process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite";
  console.log(`watched feeds, ${db}, local feed server, ${PROCESSES ? `${WORKERS} worker processes (npm run worker), one job at a time each` : `${WORKERS} concurrent jobs in one process`}:`);
  console.log(`  time to alert (add feed → poll → import → analysis → open alert): ${toAlert.toFixed(2)} s${alerted ? "" : " (NO ALERT)"}`);
  console.log(`  poll ${FEEDS} feeds of ${ITEMS} items: ${pollSeconds.toFixed(1)} s (${(FEEDS / pollSeconds).toFixed(1)} feeds/s, ${(items / pollSeconds).toFixed(0)} items/s stored and queued; ${items} items, ${failed} feeds failed) — target < 60 s: ${pollSeconds < 60 ? "PASS" : "FAIL"}`);
  console.log(`  analysis (feed-item jobs: import, quotes, claim matching, alerts): ${done} items in ${analyseSeconds.toFixed(1)} s = ${(done / analyseSeconds).toFixed(1)} items/s`);
} finally {
  await stopJobQueue().catch(() => {});
  await server.close();
  await prisma.$disconnect?.().catch(() => {});
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
