import "server-only";
import { prisma } from "./db";
import { NotFoundError } from "./errors";
import { FeedParseError, parseFeedText } from "./feed-parse";
import { importArticle, ImportInputError } from "./import-article";
import { PermanentJobError, sendJob, sendJobs, stableJobId, type JobHandler, type QueueSpec } from "./job-queue";
import { FetchError, safeFetch } from "./safe-fetch";

/**
 * Polling watched feeds (the editor's side, adding and editing them, is lib/feeds.ts).
 * An editor registers an outlet's feed; the job queue polls
 * it (a `feeds-due` cron job each minute enqueues the feeds whose next poll
 * has come, one `poll-feed` job per feed at a time), with conditional requests
 * (ETag / If-Modified-Since), through the one safe, bounded fetcher
 * (lib/safe-fetch.ts). Each new item becomes a `feed-item` job that imports it
 * as an article of the feed's outlet (its quotes become suggestions, and are
 * matched against published claims: lib/alerts.ts). A feed that fails waits
 * longer each time: intervalMinutes × 2^failures, at most a day.
 */

export const pollFeedQueue: QueueSpec = {
  name: "poll-feed",
  // At most one waiting and one running poll per feed (singletonKey = feed id).
  policy: "stately",
  // A failed poll is not retried by the queue: the feed's own backoff sets its next poll.
  retryLimit: 0,
  retryDelay: 0,
  expireInSeconds: 120,
};

export const feedItemQueue: QueueSpec = { name: "feed-item", retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 600 };

export const feedsDueQueue: QueueSpec = { name: "feeds-due", policy: "short", retryLimit: 0, retryDelay: 0, expireInSeconds: 60 };

/** Media types a feed may come as (servers label feeds loosely). */
const FEED_TYPES = [
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
  "application/feed+json",
  "application/json",
  "text/plain",
  "application/x-rss+xml",
];
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
/** Time for one poll's fetch, in ms: 15 s, or FEED_TIMEOUT_MS from the environment. */
export const feedTimeoutMs = () => Number(process.env.FEED_TIMEOUT_MS) || 15_000;
const ARTICLE_MAX_BYTES = 5 * 1024 * 1024;
/** Longest wait between polls of a failing feed. */
const MAX_BACKOFF_MINUTES = 24 * 60;
/** Feed-carried text shorter than this is a summary: the item's page is fetched instead. */
const FULL_TEXT_MIN_CHARS = 400;

/** Minutes until the next poll after `failures` failed polls in a row. */
export function backoffMinutes(intervalMinutes: number, failures: number): number {
  return Math.min(MAX_BACKOFF_MINUTES, intervalMinutes * 2 ** Math.min(failures, 16));
}

function decode(body: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

export interface PollOutcome {
  status: "ok" | "not-modified" | "error";
  newItems: number;
  error?: string;
}

/**
 * Polls one feed now: fetch (conditional), parse, store new items, enqueue
 * their imports, and set the feed's state and next poll. Never throws for the
 * feed's own faults (they become its error state); throws only when the
 * database itself fails, so the job is tried again.
 */
export async function pollFeed(feedId: string): Promise<PollOutcome> {
  const feed = await prisma.feed.findUnique({
    where: { id: feedId },
    select: { id: true, url: true, active: true, etag: true, lastModified: true, intervalMinutes: true, failures: true, title: true },
  });
  if (!feed || !feed.active) return { status: "ok", newItems: 0 };
  const now = new Date();
  try {
    const response = await safeFetch(feed.url, {
      accept: FEED_TYPES,
      maxBytes: FEED_MAX_BYTES,
      timeoutMs: feedTimeoutMs(),
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
    if (response.notModified) {
      await prisma.feed.update({
        where: { id: feed.id },
        data: {
          lastPolledAt: now,
          lastSuccessAt: now,
          lastNewItems: 0,
          failures: 0,
          lastError: null,
          nextPollAt: new Date(now.getTime() + feed.intervalMinutes * 60_000),
        },
      });
      return { status: "not-modified", newItems: 0 };
    }
    const parsed = parseFeedText(decode(response.body, response.charset), response.url);
    const guids = parsed.items.map((i) => i.guid);
    const known = new Set(
      (await prisma.feedItem.findMany({ where: { feedId: feed.id, guid: { in: guids } }, select: { guid: true } })).map((r) => r.guid),
    );
    const fresh = parsed.items.filter((i, n) => !known.has(i.guid) && guids.indexOf(i.guid) === n);
    if (fresh.length) {
      await prisma.feedItem.createMany({
        data: fresh.map((i) => ({
          feedId: feed.id,
          guid: i.guid,
          url: i.url,
          title: i.title,
          publishedAt: i.publishedAt,
          content: i.content,
        })),
        skipDuplicates: true,
      });
    }
    const created = fresh.length
      ? await prisma.feedItem.findMany({ where: { feedId: feed.id, guid: { in: fresh.map((i) => i.guid) }, status: "pending" }, select: { id: true } })
      : [];
    await sendJobs(
      feedItemQueue,
      created.map((c) => ({ id: stableJobId("feed-item", c.id), data: { feedItemId: c.id } })),
    );
    await prisma.feed.update({
      where: { id: feed.id },
      data: {
        format: parsed.format,
        title: feed.title ?? parsed.title?.slice(0, 300),
        etag: response.etag,
        lastModified: response.lastModified,
        lastPolledAt: now,
        lastSuccessAt: now,
        itemsFound: { increment: created.length },
        lastNewItems: created.length,
        failures: 0,
        lastError: null,
        nextPollAt: new Date(now.getTime() + feed.intervalMinutes * 60_000),
      },
    });
    return { status: "ok", newItems: created.length };
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof FeedParseError)) throw error;
    const failures = feed.failures + 1;
    await prisma.feed.update({
      where: { id: feed.id },
      data: {
        lastPolledAt: now,
        lastNewItems: 0,
        failures,
        lastError: error.message.slice(0, 500),
        nextPollAt: new Date(now.getTime() + backoffMinutes(feed.intervalMinutes, failures) * 60_000),
      },
    });
    return { status: "error", newItems: 0, error: error.message };
  }
}

export const runPollFeedJob: JobHandler = async (data) => {
  const feedId = (data as { feedId?: unknown })?.feedId;
  if (typeof feedId !== "string") throw new PermanentJobError("poll-feed job without a feed id");
  return { ...(await pollFeed(feedId)) };
};

/** Enqueues a poll of every active feed whose next poll has come (the `feeds-due` cron job). */
export async function enqueueDueFeeds(limit = 5000): Promise<number> {
  const due = await prisma.feed.findMany({
    where: { active: true, nextPollAt: { lte: new Date() } },
    orderBy: { nextPollAt: "asc" },
    take: limit,
    select: { id: true },
  });
  await sendJobs(
    pollFeedQueue,
    due.map((f) => ({ data: { feedId: f.id }, singletonKey: f.id })),
  );
  return due.length;
}

export const runFeedsDueJob: JobHandler = async () => ({ enqueued: await enqueueDueFeeds() });

/** "Check now": the feed's next poll is now (a poll already waiting is not doubled). */
export async function requestFeedCheck(feedId: string): Promise<void> {
  const { count } = await prisma.feed.updateMany({ where: { id: feedId }, data: { nextPollAt: new Date() } });
  if (count === 0) throw new NotFoundError("feed");
  await sendJob(pollFeedQueue, { feedId }, { singletonKey: feedId });
}

function wrapHtml(title: string | null, html: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!doctype html><html><head><title>${esc(title ?? "")}</title></head><body><article>${title ? `<h1>${esc(title)}</h1>` : ""}${html}</article></body></html>`;
}

/** Characters outside tags (a tag is `<` up to the next `>`; one linear pass). */
function plainLength(s: string): number {
  let n = 0;
  let inTag = false;
  for (const ch of s) {
    if (ch === "<") inTag = true;
    else if (ch === ">" && inTag) inTag = false;
    else if (!inTag) n++;
  }
  return n;
}

/**
 * Imports one feed item as an article of its feed's outlet: from the text the
 * feed carries when it is the whole article, else from the item's page. The
 * same text already imported (a wire story another outlet printed first) is
 * not stored twice: the item points at that article.
 */
export async function importFeedItem(feedItemId: string): Promise<{ articleId: string; created: boolean } | null> {
  const item = await prisma.feedItem.findUnique({
    where: { id: feedItemId },
    select: { id: true, url: true, title: true, publishedAt: true, content: true, status: true, articleId: true, feed: { select: { outletId: true } } },
  });
  if (!item) return null;
  if (item.status === "imported" && item.articleId) return { articleId: item.articleId, created: false };
  try {
    let content: string;
    let format: "html" | "text";
    if (item.content && plainLength(item.content) >= FULL_TEXT_MIN_CHARS) {
      format = /<[a-z][^>]*>/i.test(item.content) ? "html" : "text";
      content = format === "html" ? wrapHtml(item.title, item.content) : item.content;
    } else if (item.url) {
      const page = await safeFetch(item.url, { accept: ["text/html", "application/xhtml+xml", "text/plain"], maxBytes: ARTICLE_MAX_BYTES });
      if (page.notModified) throw new ImportInputError("The page answered 304 to a plain request.");
      format = page.mediaType === "text/plain" ? "text" : "html";
      content = decode(page.body, page.charset);
    } else {
      throw new ImportInputError("The item has neither its text nor a link to it.");
    }
    const outcome = await importArticle(
      prisma,
      {
        outletId: item.feed.outletId,
        newOutletName: null,
        title: item.title,
        byline: null,
        url: item.url,
        publishedAt: item.publishedAt ? item.publishedAt.toISOString().slice(0, 10) : null,
        format,
        content: content.slice(0, 1_000_000),
        stripBoilerplate: true,
      },
      null,
    );
    await prisma.feedItem.update({
      where: { id: item.id },
      data: { status: "imported", articleId: outcome.articleId, error: null, processedAt: new Date() },
    });
    return { articleId: outcome.articleId, created: outcome.created };
  } catch (error) {
    if (error instanceof FetchError || error instanceof ImportInputError) {
      await prisma.feedItem.update({ where: { id: item.id }, data: { status: "failed", error: error.message.slice(0, 500), processedAt: new Date() } });
      throw new PermanentJobError(error.message);
    }
    throw error;
  }
}

export const runFeedItemJob: JobHandler = async (data) => {
  const feedItemId = (data as { feedItemId?: unknown })?.feedItemId;
  if (typeof feedItemId !== "string") throw new PermanentJobError("feed-item job without an item id");
  const outcome = await importFeedItem(feedItemId);
  if (!outcome) return { skipped: "the item no longer exists" };
  const { alertsForFeedItem } = await import("./alerts");
  const alerts = await alertsForFeedItem(feedItemId);
  return { ...outcome, alerts };
};

/** Polls a feed now if its next poll has come (after an edit or a resume). */
export async function requestFeedCheckIfDue(feedId: string): Promise<void> {
  const feed = await prisma.feed.findUnique({ where: { id: feedId }, select: { nextPollAt: true } });
  if (feed && feed.nextPollAt <= new Date()) await sendJob(pollFeedQueue, { feedId }, { singletonKey: feedId });
}
