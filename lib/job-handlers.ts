import "server-only";
import { alertWebhookQueue, runAlertWebhookJob } from "./alert-webhooks";
import { feedItemQueue, feedsDueQueue, pollFeedQueue, runFeedItemJob, runFeedsDueJob, runPollFeedJob } from "./feed-polling";
import { importFileQueue, runImportFileJob } from "./import-queue";
import { scheduleJob } from "./job-queue";
import type { WorkerOptions } from "./job-worker";

/**
 * Every queue a worker process serves, with its handler, in the order a free
 * worker looks at them.
 */
export const workerQueues: WorkerOptions["queues"] = [
  { spec: feedsDueQueue, handler: runFeedsDueJob },
  { spec: pollFeedQueue, handler: runPollFeedJob },
  { spec: alertWebhookQueue, handler: runAlertWebhookJob },
  { spec: feedItemQueue, handler: runFeedItemJob },
  { spec: importFileQueue, handler: runImportFileJob },
];

/** Cron schedules, kept in the database (pg-boss `schedule` table); set again at each worker start. */
export async function registerSchedules(): Promise<void> {
  // Each minute, the feeds whose next poll has come are enqueued.
  await scheduleJob(feedsDueQueue, "* * * * *");
}
