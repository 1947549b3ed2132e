import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { database, prisma } from "./db";

/**
 * A PostgreSQL-backed job queue for bulk imports: one row per file. Any number
 * of workers, on any number of machines, drain a batch by claiming rows with
 * FOR UPDATE SKIP LOCKED, so no file is processed twice at once. A row left
 * `running` by a killed worker goes back to the queue when the batch is
 * enqueued again (or after STALE_AFTER_MS).
 */
export const STALE_AFTER_MS = 10 * 60_000;
const MAX_ATTEMPTS = 3;

export interface JobInput {
  sourceName: string;
  payload: Prisma.InputJsonValue;
}

export interface ClaimedJob {
  id: string;
  sourceName: string;
  payload: unknown;
  attempts: number;
}

export async function enqueueBatch(batchId: string, jobs: JobInput[]): Promise<void> {
  if (jobs.length) {
    await prisma.importJob.createMany({
      data: jobs.map((j) => ({ batchId, sourceName: j.sourceName, payload: j.payload })),
      skipDuplicates: true,
    });
  }
  // Re-running a batch retries its failures and takes back rows a dead worker held.
  await prisma.importJob.updateMany({
    where: { batchId, OR: [{ status: "failed" }, { status: "running" }] },
    data: { status: "queued", lockedBy: null, lockedAt: null, attempts: 0 },
  });
}

export async function claimNextJob(batchId: string, workerId: string): Promise<ClaimedJob | null> {
  const rows = await database.sql.query<ClaimedJob>(
    `UPDATE "ImportJob" SET status = 'running', "lockedBy" = $2, "lockedAt" = now(),
            attempts = attempts + 1, "updatedAt" = now()
      WHERE id = (
        SELECT id FROM "ImportJob"
         WHERE "batchId" = $1
           AND (status = 'queued' OR (status = 'running' AND "lockedAt" < now() - ($3 || ' milliseconds')::interval))
           AND attempts < $4
         ORDER BY "createdAt", "sourceName"
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
      RETURNING id, "sourceName", payload, attempts`,
    [batchId, workerId, String(STALE_AFTER_MS), MAX_ATTEMPTS],
  );
  return rows[0] ?? null;
}

export async function completeJob(id: string, articleId: string): Promise<void> {
  await prisma.importJob.update({ where: { id }, data: { status: "done", articleId, error: null, lockedBy: null } });
}

export async function failJob(id: string, error: string): Promise<void> {
  await prisma.importJob.update({ where: { id }, data: { status: "failed", error: error.slice(0, 2000), lockedBy: null } });
}

export async function batchCounts(batchId: string) {
  const groups = await prisma.importJob.groupBy({ by: ["status"], where: { batchId }, _count: { _all: true } });
  const counts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

export function listFailedJobs(batchId: string) {
  return prisma.importJob.findMany({
    where: { batchId, status: "failed" },
    orderBy: { sourceName: "asc" },
    select: { sourceName: true, error: true },
  });
}
