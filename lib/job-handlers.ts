import "server-only";
import { runImportFileJob, importFileQueue } from "./import-queue";
import type { WorkerOptions } from "./job-queue";

/**
 * Every queue a worker process serves, with its handler, in the order a free
 * worker looks at them (quick, user-facing jobs first).
 */
export const workerQueues: WorkerOptions["queues"] = [{ spec: importFileQueue, handler: runImportFileJob }];

/** Cron schedules, kept in the database (pg-boss `schedule` table); set again at each worker start. */
export async function registerSchedules(): Promise<void> {}
