import "server-only";
import { prisma } from "./db";
import type { z } from "zod";
import { importArticle, importArticles, ImportInputError, type ImportOutcome } from "./import-article";
import { getJobs, PermanentJobError, retryJobs, sendJobs, stableJobId, type JobHandler, type QueueSpec } from "./job-queue";
import type { BatchJobHandler, BatchJobResult } from "./job-worker";
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

/**
 * Runs a batch of the queue's jobs (a bulk import takes them INGEST_BATCH_MAX at
 * a time): the files' articles are stored in one transaction
 * (lib/import-article.ts importArticles), each job with the outcome it would
 * have had alone; URLs are fetched and imported one by one.
 */
export const runImportFileJobs: BatchJobHandler = async (jobs) => {
  const results: BatchJobResult[] = new Array(jobs.length);
  const texts: { i: number; data: ImportArticleData }[] = [];
  for (const [i, { data, job }] of jobs.entries()) {
    if (((data as ImportFileJob)?.payload as { kind?: unknown } | undefined)?.kind === "url") {
      results[i] = await runImportFileJob(data, job).then(
        (output) => ({ output }),
        (error: unknown) => ({ error }),
      );
      continue;
    }
    const parsed = importArticleSchema.safeParse((data as ImportFileJob)?.payload);
    if (parsed.success) texts.push({ i, data: parsed.data });
    else results[i] = { error: invalidPayload(parsed.error) };
  }
  const outcomes = await importArticles(
    prisma,
    texts.map((t) => t.data),
    null,
  );
  for (const [k, { i }] of texts.entries()) {
    const outcome = outcomes[k];
    results[i] =
      outcome instanceof Error
        ? { error: outcome instanceof ImportInputError ? new PermanentJobError(outcome.message) : outcome }
        : { output: fileOutput(outcome) };
  }
  return results;
};

function invalidPayload(error: z.ZodError): PermanentJobError {
  const issue = error.issues[0];
  return new PermanentJobError(`${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
}

function fileOutput(outcome: ImportOutcome): ImportFileOutput & Record<string, unknown> {
  return { articleId: outcome.articleId, created: outcome.created, changed: outcome.correction !== null, title: outcome.title };
}

/** Runs one file's job: invalid input fails it for good; anything else (the database gone) is retried. */
export const runImportFileJob: JobHandler = async (data) => {
  const job = data as ImportFileJob;
  // A URL from a list (`npm run import -- URLS.txt`), or a file's text.
  const byUrl = (job?.payload as { kind?: unknown } | undefined)?.kind === "url";
  const parsed = byUrl ? importUrlSchema.safeParse(job?.payload) : importArticleSchema.safeParse(job?.payload);
  if (!parsed.success) throw invalidPayload(parsed.error);
  try {
    const outcome = byUrl
      ? await importFromUrl(prisma, parsed.data as ImportUrlData, null)
      : await importArticle(prisma, parsed.data as ImportArticleData, null);
    return fileOutput(outcome);
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
