import "server-only";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import { ActionError, NotFoundError } from "./errors";
import { backoffMinutes, pollFeedQueue, requestFeedCheckIfDue } from "./feed-polling";
import { findOrCreateOutletForDomain, outletDomain } from "./import-url";
import { sendJob } from "./job-queue";
import type { FeedEditInput } from "./validation/feed";
import { updateVersioned } from "./versioned-write";

/**
 * Watched feeds as editors list, add and edit them: every write versioned and
 * audited. Polling them, and importing their items, is lib/feed-polling.ts.
 */

export interface FeedRow {
  id: string;
  version: number;
  url: string;
  title: string | null;
  format: string | null;
  active: boolean;
  intervalMinutes: number;
  outlet: { id: string; name: string; slug: string };
  lastPolledAt: Date | null;
  lastSuccessAt: Date | null;
  nextPollAt: Date;
  itemsFound: number;
  lastNewItems: number;
  failures: number;
  lastError: string | null;
  /** Minutes the next poll waits because of failures (0 when the feed answers). */
  backoffMinutes: number;
}

const feedRowSelect = {
  id: true,
  url: true,
  title: true,
  format: true,
  active: true,
  intervalMinutes: true,
  outlet: { select: { id: true, name: true, slug: true } },
  lastPolledAt: true,
  lastSuccessAt: true,
  nextPollAt: true,
  itemsFound: true,
  lastNewItems: true,
  failures: true,
  lastError: true,
} as const;

/** Every feed, for the editors' feed page. */
export async function listFeeds(): Promise<FeedRow[]> {
  const rows = await prisma.feed.findMany({
    orderBy: [{ outlet: { name: "asc" } }, { url: "asc" }],
    select: { ...feedRowSelect, version: true },
  });
  return rows.map((r) => ({ ...r, backoffMinutes: r.failures ? backoffMinutes(r.intervalMinutes, r.failures) : 0 }));
}

const feedAuditSelect = { url: true, outletId: true, intervalMinutes: true, active: true, version: true } as const;

/** `outletId` null: the outlet is not chosen yet (addFeed finds it after this check). */
async function assertFeedFields(tx: Tx, input: { url: string; outletId: string | null }, feedId: string | null): Promise<void> {
  const outlet = input.outletId === null ? true : await tx.outlet.findUnique({ where: { id: input.outletId }, select: { id: true } });
  if (!outlet) throw new ActionError("That outlet no longer exists. Reload the page and choose again.", "invalid", { outletId: ["That outlet no longer exists."] });
  const taken = await tx.feed.findFirst({ where: { url: input.url, ...(feedId ? { id: { not: feedId } } : {}) }, select: { id: true } });
  if (taken) throw new ActionError("That feed is already watched.", "invalid", { url: ["That feed is already watched."] });
}

/**
 * Registers a feed of an outlet (audited) and polls it at once. Returns its id.
 * An empty `outletId` means the feed's site's outlet: the one that has the
 * feed address's domain (or a parent domain), else a new outlet named after
 * the domain, as an import by URL finds it (lib/import-url.ts).
 * @throws ActionError (invalid) when the outlet is gone or the address is already watched
 *   (checked before any outlet is created).
 */
export async function addFeed(input: { url: string; outletId: string; intervalMinutes: number; actorId: string }): Promise<string> {
  let outletId = input.outletId;
  if (!outletId) {
    await assertFeedFields(prisma, { url: input.url, outletId: null }, null);
    outletId = await findOrCreateOutletForDomain(prisma, outletDomain(input.url), null);
  }
  const feed = await prisma.$transaction(async (tx) => {
    await assertFeedFields(tx, { url: input.url, outletId }, null);
    const created = await tx.feed.create({
      data: { url: input.url, outletId, intervalMinutes: input.intervalMinutes, createdById: input.actorId },
      select: { id: true, ...feedAuditSelect },
    });
    await recordAudit(tx, { actorId: input.actorId, entityType: "feed", entityId: created.id, action: "create", after: created });
    return created;
  });
  await sendJob(pollFeedQueue, { feedId: feed.id }, { singletonKey: feed.id });
  return feed.id;
}

/**
 * Edits a feed (address, outlet, interval, paused or not) if it still has the
 * version the editor loaded. A new address forgets the old one's validators and
 * failures and is polled at once; resuming polls at once. Returns the new version.
 * @throws ConflictError when someone else saved first; ActionError (invalid) as addFeed.
 */
export async function editFeed(actorId: string, input: FeedEditInput): Promise<{ version: number }> {
  const after = await prisma.$transaction(async (tx) => {
    const before = await tx.feed.findUnique({ where: { id: input.id }, select: feedAuditSelect });
    if (!before) throw new NotFoundError("feed");
    await assertFeedFields(tx, input, input.id);
    const moved = before.url !== input.url;
    const resumed = input.active && !before.active;
    return updateVersioned(tx, "feed", {
      where: { id: input.id },
      version: input.version,
      data: {
        url: input.url,
        outletId: input.outletId,
        intervalMinutes: input.intervalMinutes,
        active: input.active,
        ...(moved ? { etag: null, lastModified: null, failures: 0, lastError: null, format: null } : {}),
        ...(moved || resumed ? { nextPollAt: new Date() } : {}),
      },
      audit: {
        actorId,
        entityType: "feed",
        entityId: input.id,
        action: before.active !== input.active ? (input.active ? "resume" : "pause") : "edit",
        before,
        after: () => tx.feed.findUniqueOrThrow({ where: { id: input.id }, select: feedAuditSelect }),
      },
    });
  });
  if (after.active) await requestFeedCheckIfDue(input.id);
  return { version: after.version };
}

/** Pauses or resumes polling a feed (versioned and audited like an edit). */
export async function setFeedActive(actorId: string, input: { id: string; version: number; active: boolean }): Promise<{ version: number }> {
  const feed = await prisma.feed.findUnique({ where: { id: input.id }, select: { url: true, outletId: true, intervalMinutes: true } });
  if (!feed) throw new NotFoundError("feed");
  return editFeed(actorId, { ...feed, ...input });
}

export interface FeedDetail extends FeedRow {
  etag: string | null;
  lastModified: string | null;
  items: { id: string; title: string | null; url: string | null; status: string; error: string | null; createdAt: Date; article: { id: string; title: string } | null }[];
}

/** One feed with its newest items (at most 50), for its editor page; null when there is none. */
export async function getFeed(feedId: string): Promise<FeedDetail | null> {
  const row = await prisma.feed.findUnique({
    where: { id: feedId },
    select: {
      ...feedRowSelect,
      version: true,
      etag: true,
      lastModified: true,
      items: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, title: true, url: true, status: true, error: true, createdAt: true, article: { select: { id: true, title: true } } },
      },
    },
  });
  return row && { ...row, backoffMinutes: row.failures ? backoffMinutes(row.intervalMinutes, row.failures) : 0 };
}

