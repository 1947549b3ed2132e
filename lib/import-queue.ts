import "server-only";
import { prisma } from "./db";
import { importArticle, ImportInputError } from "./import-article";
import { getJobs, PermanentJobError, retryJobs, sendJobs, stableJobId, type JobHandler, type QueueSpec } from "./job-queue";
import { importFromUrl } from "./import-url";
import { importArticleSchema, importUrlSchema, type ImportArticleData, type ImportUrlData } from "./validation/import";

/**
 * Bulk imports as jobs of the `import-file` queue (lib/job-queue.ts): one job
 * per file, one transaction per article, de-duplicated by content hash. A job's
 * id is derived from its batch, file name and content, so enqueueing a batch
 * again adds only what changed, and re-running an import resumes it.
 */
export const importFileQueue: QueueSpec = {
  name: "import-file",
  retryLimit: 3,
  retryDelay: 2,
  // An article's analysis is bounded (sec's budgets); ten minutes is far past it.
  expireInSeconds: 600,
};

export interface ImportFileJob {
  batchId: string;
  sourceName: string;
  /** The import form's fields (lib/validation/import.ts), parsed again when the job runs. */
  payload: Record<string, unknown>;
}

export interface ImportFileOutput {
  articleId: string;
  created: boolean;
  /** The URL was imported before with other text: not applied (an editor corrects the article). */
  changed: boolean;
  title: string;
}

/** A UUID (the form pg-boss ids take) from the job's batch, name and content: the same file is the same job. */
export function importJobId(job: ImportFileJob): string {
  return stableJobId(job.batchId, job.sourceName, JSON.stringify(job.payload));
}

/** Runs one file's job: invalid input fails it for good; anything else (the database gone) is retried. */
export const runImportFileJob: JobHandler = async (data) => {
  const job = data as ImportFileJob;
  // A URL from a list (`npm run import -- URLS.txt`), or a file's text.
  const byUrl = (job?.payload as { kind?: unknown } | undefined)?.kind === "url";
  const parsed = byUrl ? importUrlSchema.safeParse(job?.payload) : importArticleSchema.safeParse(job?.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PermanentJobError(`${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
  }
  try {
    const outcome = byUrl
      ? await importFromUrl(prisma, parsed.data as ImportUrlData, null)
      : await importArticle(prisma, parsed.data as ImportArticleData, null);
    return { articleId: outcome.articleId, created: outcome.created, changed: outcome.correction !== null, title: outcome.title } satisfies ImportFileOutput;
  } catch (error) {
    if (error instanceof ImportInputError) throw new PermanentJobError(error.message);
    throw error;
  }
};

/** Adds a batch's files to the queue (those already there are kept) and gives its failed files another try. Returns the job ids. */
export async function enqueueImportBatch(jobs: ImportFileJob[]): Promise<string[]> {
  const ids = jobs.map(importJobId);
  await sendJobs(
    importFileQueue,
    jobs.map((data, i) => ({ id: ids[i], data: { ...data } })),
  );
  const failed = (await getJobs(importFileQueue, ids)).filter((j) => j.state === "failed").map((j) => j.id);
  await retryJobs(importFileQueue, failed);
  return ids;
}

export interface BatchCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

/** Where each job of a batch is (by the ids enqueueImportBatch returned). */
export async function importBatchStatus(ids: string[]) {
  const jobs = await getJobs(importFileQueue, ids);
  const counts: BatchCounts = { queued: 0, running: 0, done: 0, failed: 0 };
  const failures: { sourceName: string; error: string }[] = [];
  for (const job of jobs) {
    if (job.state === "completed") counts.done++;
    else if (job.state === "active") counts.running++;
    else if (job.state === "failed" || job.state === "cancelled") {
      counts.failed++;
      failures.push({ sourceName: String(job.data.sourceName), error: String(job.output?.message ?? "failed") });
    } else counts.queued++;
  }
  failures.sort((a, b) => a.sourceName.localeCompare(b.sourceName));
  return { counts, failures };
}
